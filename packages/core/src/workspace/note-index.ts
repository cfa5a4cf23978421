import { collate } from '../collation.js';
import { DIAGNOSTIC_RULES, compareDiagnostics, type Diagnostic, type DiagnosticFix, type DiagnosticRule } from '../diagnostics.js';
import { namedAsLinked, namedReferralLinksOf, pendingReferralsOf, type PendingReferral, type ReferralEdge, type ReferralGraph, type ReferralGraphOptions } from '../graph/referrals.js';
import { todayIn } from '../lifecycle/dates.js';
import { compareDue, compareMeetingTimes, compareUndatedReferralsFirst, contactAgenda, isActiveContact, isNamedBefore, type ActionContext, type AgendaItem } from '../lifecycle/next-action.js';
import type { Contact } from '../model/contact.js';
import { isOtherOrganization, organizationKey, personNameKeys } from '../model/person-name.js';
import { nameFromLink, namesBesideMissingLinks } from '../outcomes/outcome-actions.js';
import { STAGES, type Stage } from '../model/vocabulary.js';
import { detach } from '../note/detached-string.js';
import { readNote, type NoteReading, type ReadNoteOptions } from '../note/read-contact.js';
import type { ContactOrder } from './index-cache.js';
import type { OutcomeKind } from '../outcomes/outcomes.js';
import { noteId } from '../note/wikilinks.js';
import { FilesByKey } from './files-by-key.js';
import { SortedContributions } from './sorted-contributions.js';
import { contentVersion } from './store.js';

/** Options of `NoteIndex` (and of `restoreIndex`). */
export interface NoteIndexOptions {
  /**
   * Reads a note's current text for `text()`. When given, the index keeps no
   * texts in memory (they are most of a large folder's footprint: 50,000
   * notes hold hundreds of MB of them); without it every indexed text is kept.
   */
  readonly readText?: (file: string) => string | undefined;
  /** Labels that make an Outcomes item an outcome (the config's `outcome_labels` with the defaults); default `DEFAULT_OUTCOME_LABELS`. */
  readonly outcomeLabels?: Readonly<Record<string, OutcomeKind>>;
}

/** Where an indexed reading came from: the text (kept unless the index reads texts on demand) and its version. */
export interface IndexedSource {
  readonly text?: string;
  /** `contentVersion` of the text. */
  readonly version: string;
}

/**
 * A note file that is a contact (or looks like one: a `type: contact` line
 * in a frontmatter that does not parse, a name and a stage without `type`)
 * but could not be read as a contact, or a file that could not be read at
 * all. Such a note must still show, with what is wrong, or it would vanish.
 */
export interface BrokenNote {
  /** The id the note would have: its file name without `.md`. */
  readonly id: string;
  readonly file: string;
  /** Why it could not be read, each with its line. */
  readonly problems: readonly Diagnostic[];
}

/** A reference as typed (`.\\contacts\\ana.md`) with `/` separators and no leading `./`. */
function asNotePath(reference: string): string {
  return reference.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * What to say of an id that several notes share (in different folders), before
 * saying what to do instead: `"maya" is the id of 2 notes: a/maya.md, b/maya.md`.
 */
export function sharedIdProblem(reference: string, files: readonly string[]): string {
  return `"${reference}" is the id of ${files.length} notes: ${[...files].sort().join(', ')}`;
}

/** The context an index agenda is computed for; colleagues come from the index itself. */
export type AgendaContext = Omit<ActionContext, 'contacts'>;

interface Entry {
  readonly reading: NoteReading;
  readonly text: string | undefined;
  readonly version: string;
}

/** One `from → to` link a contact contributes to the referral graph. */
interface EdgePart {
  readonly from: string;
  readonly to: string;
  readonly source: 'referred_by' | 'outcomes';
  /**
   * The edge this part makes when it is its pair's only part, built on first
   * use and kept while the part lives: one change must not reallocate the
   * whole graph. A field rather than a `WeakMap`, whose lookups cost more
   * than the rest of a merge.
   */
  single?: ReferralEdge;
}

interface PendingPart {
  readonly item: PendingReferral;
  readonly contact: Contact;
  /** Position among the contact's pending referrals. */
  readonly index: number;
}

interface AgendaPart {
  readonly item: AgendaItem;
  readonly contact: Contact;
  /** Position among the contact's actions. */
  readonly index: number;
}

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Contacts by name, then path (`localeCompare`, as every list shows them); code units break ties. */
function compareContacts(a: Contact, b: Contact): number {
  return collate(a.name, b.name) || collate(a.file, b.file) || binary(a.file, b.file);
}

/** A place a snapshot kept (`ContactOrder`) that can be trusted to compare: whole numbers. */
function isContactOrder(order: ContactOrder): boolean {
  return Number.isSafeInteger(order.position) && Number.isSafeInteger(order.nameGroup);
}

function compareEdgeParts(a: EdgePart, b: EdgePart): number {
  return collate(a.from, b.from) || collate(a.to, b.to) || binary(a.from, b.from) || binary(a.to, b.to) || binary(a.source, b.source);
}

/**
 * Every note of a folder, kept current one file at a time: `set` re-reads a
 * changed note, `delete` drops a removed one. Cross-note data — the sorted
 * contacts, duplicate ids and unresolved links, the referral graph, the
 * agenda — is kept up to date change by change: one changed note costs
 * work proportional to what it touches (its own links, its organization),
 * not to the size of the folder. The first query after a bulk load sorts
 * once.
 */
export class NoteIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly readText: ((file: string) => string | undefined) | undefined;
  private readonly readOptions: ReadNoteOptions;

  /** Files by note id (contacts or not), for lookups. */
  private readonly filesById = new FilesByKey();
  /** Files that declare a contact (valid or not) by id, for duplicate ids. */
  private readonly contactFilesById = new FilesByKey();
  /** Files of valid contacts by id: an id "resolves" when it has one. */
  private readonly validFilesById = new FilesByKey();
  /** Files of the notes `brokenNotes()` lists (contacts that cannot be read, files that cannot be read at all), by id. */
  private readonly brokenFilesById = new FilesByKey();
  /**
   * Whether a note for this id exists, readable or not: which `[[links]]` in Outcomes are
   * referrals still to add. A link to a note that cannot be read is not one: offering to
   * create it would make a second note for the same person.
   */
  private readonly hasNote = (id: string): boolean => this.validFilesById.has(id) || this.brokenFilesById.has(id);
  /** Files of valid contacts by the id their `referred_by` names. */
  private readonly referrers = new FilesByKey();
  /** Files of valid contacts by the ids their Outcomes link to. */
  private readonly outcomeLinkers = new FilesByKey();
  /**
   * Files of valid contacts by the keys their name answers to (`personNameKeys`): who a referral's
   * name may already be. Built on the first referral written as a name that asks (see
   * `namesakeIds`), then kept: most folders never ask, and a load need not key every name.
   */
  private contactsByName: FilesByKey | undefined;
  /** Files of valid contacts by the name keys of the referrals in their Outcomes, whose agenda changes with those names' notes. */
  private readonly referralNamers = new FilesByKey();
  /** Ids of the contacts a name may be about, as `agenda()` finds them. */
  private readonly namesakeIds = (name: string, organization?: string): string[] => {
    const ids = new Set<string>();
    const byName = this.keyedNames();
    for (const key of personNameKeys(name)) {
      for (const file of byName.files(key)) {
        const contact = this.entries.get(file)?.reading.contact;
        if (contact && !isOtherOrganization(contact.organization, organization)) ids.add(contact.id);
      }
    }
    return [...ids];
  };
  /** Files with diagnostics of their own. */
  private readonly withDiagnostics = new Set<string>();
  /** Per organization, the files of active contacts by id (the 3B7 colleague rule). */
  private readonly activeByOrganization = new Map<string, FilesByKey>();
  /** Per organization, the files of contacts in `contacted`, whose second-contact action depends on colleagues. */
  private readonly contactedByOrganization = new FilesByKey();
  /** Per organization, the files of `identified` contacts by id: the second person an agenda suggests by name. */
  private readonly identifiedByOrganization = new Map<string, FilesByKey>();
  /** The identified contact an agenda names first at each organization (`null`: none), found when first asked and forgotten when that group changes. */
  private readonly namedIdentified = new Map<string, Contact | null>();
  private readonly counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;

  /** The places kept by the snapshot the index was restored from (`useContactOrders`), for its contacts still unchanged. */
  private contactOrder = new Map<Contact, ContactOrder>();

  /**
   * `compareContacts`, by the kept places where both contacts have one. They were found
   * with the same collator, so a mix of the two ways gives one consistent order.
   */
  private readonly compareContacts = (a: Contact, b: Contact): number => {
    // Looked up in place, not through `keptOrders`: sorting a large folder compares a few hundred thousand times.
    const first = this.contactOrder.get(a);
    const second = first && this.contactOrder.get(b);
    return second ? first!.position - second.position : compareContacts(a, b);
  };

  private readonly comparePendingParts = (a: PendingPart, b: PendingPart): number => this.compareContacts(a.contact, b.contact) || a.index - b.index;

  /**
   * `agenda()`'s order (due, undated referrals first, a day's meetings first by time, name, action), then the order of the contacts
   * it is given (`contacts()`), then each contact's own order. Due dates are
   * `YYYY-MM-DD`, whose code-unit order is their collation order; undated last.
   */
  private readonly compareAgendaParts = (a: AgendaPart, b: AgendaPart): number =>
    compareDue(a.item.due, b.item.due) || compareUndatedReferralsFirst(a.item, b.item) || compareMeetingTimes(a.item, b.item) || this.compareNames(a, b) || collate(a.item.action, b.item.action) || this.compareContacts(a.contact, b.contact) || a.index - b.index;

  private readonly sortedContacts = new SortedContributions<Contact>(this.compareContacts);
  private readonly edgeParts = new SortedContributions<EdgePart>(compareEdgeParts);
  private readonly pendingParts = new SortedContributions<PendingPart>(this.comparePendingParts);
  /** Files whose graph contributions must be recomputed before the next graph is read. */
  private readonly graphDirty = new Set<string>();
  private graphBuilt = false;
  /**
   * Whether the links and organizations between notes (`track`'s second part) are kept:
   * only from the first question that needs them (unresolved links, the graph, the agenda), so
   * that loading a folder to list its contacts does not work them out for 10,000 notes.
   */
  private relationsKept = false;
  private graph: { edges: readonly EdgePart[]; pending: readonly PendingPart[]; value: ReferralGraph } | undefined;
  /**
   * The last graph with names matched to links (`referralGraph({ contactSlug })`), for as long as the graph and the
   * slugger are the same, and the ids of the names it slugged: slugging takes ~50 µs a name, and most edits leave them be.
   */
  private namedGraph: { graph: ReferralGraph; contactSlug: (name: string) => string; slugs: ReadonlyMap<string, string>; value: ReferralGraph } | undefined;

  private agendaState: { key: string; context: AgendaContext; today: string; parts: SortedContributions<AgendaPart, AgendaItem> } | undefined;
  /** Files whose agenda lines must be recomputed before the next agenda is read. */
  private readonly agendaDirty = new Set<string>();

  private diagnosticsView: readonly Diagnostic[] | undefined;

  /** Files whose reading looks like a contact but gave none. */
  private readonly brokenFiles = new Set<string>();
  /** Files listed in the folder that could not be read, with why. */
  private readonly unreadable = new Map<string, Diagnostic>();
  private brokenView: readonly BrokenNote[] | undefined;

  constructor(options: NoteIndexOptions = {}) {
    this.readText = options.readText;
    this.readOptions = options.outcomeLabels ? { outcomeLabels: options.outcomeLabels } : {};
  }

  /** The outcome labels notes are read with; `undefined` for the defaults. */
  get outcomeLabels(): Readonly<Record<string, OutcomeKind>> | undefined {
    return this.readOptions.outcomeLabels;
  }

  /** Reads (or re-reads) one note; `version` is the text's `contentVersion` when the caller has it already. */
  set(file: string, text: string, version = contentVersion(text)): NoteReading {
    const reading = readNote(file, text, this.readOptions);
    this.setReading(file, reading, { text, version });
    return reading;
  }

  /** Adds a note read elsewhere (e.g. restored from a cache). */
  setReading(file: string, reading: NoteReading, source: IndexedSource): void {
    const previous = this.entries.get(file);
    // The same contact set again keeps its kept place; a new reading of the note is sorted by the collator.
    const order = reading.contact && previous?.reading.contact === reading.contact ? this.contactOrder.get(reading.contact) : undefined;
    if (previous) this.forget(file, previous.reading);
    if (order) this.contactOrder.set(reading.contact!, order);
    if (this.unreadable.delete(file)) this.markBroken(file, false);
    this.entries.set(file, { reading, text: this.readText ? undefined : source.text, version: source.version });
    this.remember(file, reading);
  }

  /**
   * Records a listed file that could not be read (see
   * `unreadableFileDiagnostic`): it leaves the readings and shows among
   * `brokenNotes()` until it is set again or deleted.
   */
  setUnreadable(file: string, problem: Diagnostic): void {
    const previous = this.entries.get(file);
    if (previous) {
      this.forget(file, previous.reading);
      this.entries.delete(file);
    }
    if (!this.unreadable.has(file)) this.markBroken(file, true);
    this.unreadable.set(file, problem);
  }

  /** Forgets `file` (deleted or no longer a note). True when it was indexed or known as unreadable. */
  delete(file: string): boolean {
    const wasUnreadable = this.unreadable.delete(file);
    if (wasUnreadable) this.markBroken(file, false);
    const previous = this.entries.get(file);
    if (!previous) return wasUnreadable;
    this.forget(file, previous.reading);
    this.entries.delete(file);
    return true;
  }

  /** True when some indexed file (contact or not) has this id. */
  hasId(id: string): boolean {
    return this.filesById.has(id);
  }

  /** True when `file` is indexed, contact or not. */
  has(file: string): boolean {
    return this.entries.has(file);
  }

  /** Files that are indexed, contacts or not. */
  files(): string[] {
    return [...this.entries.keys()];
  }

  /** The reading of an indexed file. */
  reading(file: string): NoteReading | undefined {
    return this.entries.get(file)?.reading;
  }

  /** `contentVersion` of the text last indexed for a file. */
  version(file: string): string | undefined {
    return this.entries.get(file)?.version;
  }

  /**
   * The note's text: the one last indexed, or — when the index keeps no
   * texts (`readText`) — the file's current text.
   */
  text(file: string): string | undefined {
    const entry = this.entries.get(file);
    if (!entry) return undefined;
    return entry.text ?? this.readText?.(file);
  }

  /** Contacts sorted by name. */
  contacts(): readonly Contact[] {
    return this.sortedContacts.values();
  }

  /**
   * A contact by id, or by path relative to the notes folder. An accented name matches
   * however its accents are encoded: typed composed (`café`, as most keyboards give it), it
   * still finds a file whose name macOS stored decomposed, and the other way round.
   */
  contact(reference: string): Contact | undefined {
    return this.contactsNamed(reference)[0];
  }

  /**
   * Every contact `reference` can mean: the one at a path, else each contact
   * whose id it is, sorted by file. More than one when notes in two folders
   * share an id (reported as `duplicate-id`): a command given that id cannot
   * tell which is meant, and should ask for the path.
   */
  contactsNamed(reference: string): readonly Contact[] {
    const normalized = asNotePath(reference);
    const found = this.contactsAt(normalized);
    if (found.length > 0 || isAscii(normalized)) return found;
    const composed = this.contactsAt(normalized.normalize('NFC'));
    return composed.length > 0 ? composed : this.contactsAt(normalized.normalize('NFD'));
  }

  private contactsAt(reference: string): Contact[] {
    const direct = this.entries.get(reference)?.reading.contact;
    if (direct) return [direct];
    for (const id of [reference, noteId(reference)]) {
      const contacts = [...this.filesById.files(id)].sort().flatMap((file) => this.entries.get(file)?.reading.contact ?? []);
      if (contacts.length > 0) return contacts;
    }
    return [];
  }

  /**
   * Every diagnostic: each note's own plus duplicate ids and unresolved links, sorted
   * (`compareDiagnostics`). With `rule`, only that rule's: sorting every diagnostic of
   * a large folder to find a few costs a command's start tens of ms.
   */
  diagnostics(rule?: DiagnosticRule): readonly Diagnostic[] {
    if (rule === undefined) return (this.diagnosticsView ??= this.unsortedDiagnostics().sort(compareDiagnostics));
    return (this.diagnosticsView?.filter((diagnostic) => diagnostic.rule === rule) ?? this.unsortedDiagnostics(rule).sort(compareDiagnostics));
  }

  /** Every diagnostic, or with `rule` only that rule's (the cross-note ones are worked out only when asked for). */
  private unsortedDiagnostics(rule?: DiagnosticRule): Diagnostic[] {
    const wanted = (candidate: DiagnosticRule) => rule === undefined || rule === candidate;
    const diagnostics: Diagnostic[] = [];
    for (const file of this.withDiagnostics) {
      for (const diagnostic of this.entries.get(file)!.reading.diagnostics) if (wanted(diagnostic.rule)) diagnostics.push(diagnostic);
    }
    if (wanted('duplicate-id')) this.duplicateIdDiagnostics(diagnostics);
    if (wanted('case-only-paths')) this.caseOnlyPathDiagnostics(diagnostics);
    if (wanted('unresolved-link')) this.unresolvedLinkDiagnostics(diagnostics);
    if (wanted('unrecorded-referral')) this.unrecordedReferralDiagnostics(diagnostics);
    if (wanted('referral-loop')) this.referralLoopDiagnostics(diagnostics);
    return diagnostics;
  }

  /**
   * A contact another one names as a referral (`- Referral: [[id]]` under
   * Outcomes) whose note does not say `referred_by`: letters and the agenda,
   * which read `referred_by`, would write to them as to a stranger.
   */
  private unrecordedReferralDiagnostics(diagnostics: Diagnostic[]): void {
    this.keepRelations();
    for (const target of this.outcomeLinkers.keys()) {
      const named: Contact[] = [];
      for (const file of this.validFilesById.files(target)) {
        const contact = this.entries.get(file)?.reading.contact;
        if (contact && contact.referredBy === undefined) named.push(contact);
      }
      if (named.length === 0) continue;
      // By the referrer's path: two referrers of one contact are listed in the same order however their notes came in.
      for (const file of [...this.outcomeLinkers.files(target)].sort(binary)) {
        const referrer = this.entries.get(file)?.reading.contact;
        const outcome = referrer?.id === target ? undefined : referrer?.outcomes.find((item) => item.kind === 'referral' && item.contact === target);
        if (!referrer || !outcome) continue;
        for (const contact of named) {
          diagnostics.push(
            fileDiagnostic(
              contact.file,
              'unrecorded-referral',
              `${referrer.name} names ${contact.name} as a referral (${referrer.file}:${outcome.line}), but this note has no \`referred_by\`: letters and the agenda take ${contact.name} for a cold contact`,
              // A source written says how they were found, and stays (as `rapport new --from` leaves it).
              `Add referred_by: "[[${referrer.id}]]"${contact.source === undefined ? ' (and source: referral)' : ''} to the frontmatter`,
              // A source written says how they were found, and stays.
              { title: `Add referred_by: "[[${referrer.id}]]"`, fields: { referred_by: `[[${referrer.id}]]`, ...(contact.source === undefined ? { source: 'referral' } : {}) } },
            ),
          );
        }
      }
    }
  }

  /**
   * Contacts whose `referred_by` links lead back to themselves (Ana referred by
   * Ben, Ben by Ana). Someone in a chain of introductions was met first, so one
   * of those links is wrong; each note of the loop is told, at its `referred_by`.
   */
  private referralLoopDiagnostics(diagnostics: Diagnostic[]): void {
    this.keepRelations();
    // An id's contact is its first note by path, as a link to a shared id is read everywhere else.
    const referredBy = (id: string): Contact | undefined => {
      const files = [...this.validFilesById.files(id)];
      const file = files.length > 1 ? files.sort(binary)[0] : files[0];
      return file === undefined ? undefined : this.entries.get(file)?.reading.contact;
    };
    const walked = new Set<string>();
    for (const start of [...this.referrers.keys()].sort(binary)) {
      // One walk up each chain of referrers: an id met on an earlier walk leads nowhere new.
      const path = new Map<string, Contact>();
      let contact = referredBy(start);
      while (contact && !walked.has(contact.id) && !path.has(contact.id)) {
        path.set(contact.id, contact);
        contact = contact.referredBy === undefined || contact.referredBy === contact.id ? undefined : referredBy(contact.referredBy);
      }
      for (const id of path.keys()) walked.add(id);
      if (!contact || !path.has(contact.id)) continue;
      const chain = [...path.values()];
      const loop = chain.slice(chain.indexOf(contact));
      for (const [position, member] of loop.entries()) {
        const around = [...loop.slice(position), ...loop.slice(0, position), member];
        diagnostics.push(
          this.referredByDiagnostic(member.file, 'referral-loop', `Referrals go round in a loop: ${referralLoopWords(around)}`, "One of them was met first, through nobody in this loop: fix or remove the `referred_by` in that person's note"),
        );
      }
    }
  }

  /** A diagnostic placed on the note's `referred_by` value (line 1 when the note has none). */
  private referredByDiagnostic(file: string, rule: DiagnosticRule, message: string, hint: string): Diagnostic {
    const range = this.entries.get(file)!.reading.referredByRange;
    return { file, line: range?.line ?? 1, column: range?.column ?? 1, endLine: range?.endLine ?? 1, endColumn: range?.endColumn ?? 1, severity: DIAGNOSTIC_RULES[rule], rule, message, hint };
  }

  private duplicateIdDiagnostics(diagnostics: Diagnostic[]): void {
    for (const [id, count] of this.contactFilesById.counts()) {
      if (count < 2) continue;
      const files = [...this.contactFilesById.files(id)];
      for (const file of files) {
        const others = [...files].filter((other) => other !== file).sort().join(', ');
        diagnostics.push(fileDiagnostic(file, 'duplicate-id', `Another note has the same id "${id}": ${others}`, 'Rename one of the files so every contact has its own id'));
      }
    }
  }

  /**
   * Notes whose paths differ only in letter case or in how an accented letter is encoded
   * (`Maya-Chen.md` and `maya-chen.md`): one file to macOS and Windows, so a clone there
   * holds only one of them, and git shows the other as changed.
   */
  private caseOnlyPathDiagnostics(diagnostics: Diagnostic[]): void {
    const byFolded = new Map<string, string[]>();
    for (const file of this.entries.keys()) {
      const folded = file.normalize('NFC').toLowerCase();
      const same = byFolded.get(folded);
      if (same) same.push(file);
      else byFolded.set(folded, [file]);
    }
    for (const files of byFolded.values()) {
      if (files.length < 2) continue;
      for (const file of files) {
        const others = files.filter((other) => other !== file).sort();
        // Windows folds letter case but keeps the two encodings of an accented letter apart; macOS folds both.
        const caseAlone = others.every((other) => other.toLowerCase() === file.toLowerCase());
        const encodingAlone = others.every((other) => other.normalize('NFC') === file.normalize('NFC'));
        const message = encodingAlone
          ? `This note's path reads the same as ${others.join(', ')}, its accented letters encoded another way: on macOS they are one file, and a clone there keeps only one of them`
          : `This note's path differs from ${others.join(', ')} only in letter case${caseAlone ? '' : ' and in how its accented letters are encoded'}: on ${caseAlone ? 'macOS and Windows' : 'macOS'} they are one file, and a clone there keeps only one of them`;
        diagnostics.push(fileDiagnostic(file, 'case-only-paths', message, 'Rename one of them (git mv), or merge the two notes into one'));
      }
    }
  }

  private unresolvedLinkDiagnostics(diagnostics: Diagnostic[]): void {
    this.keepRelations();
    for (const target of this.referrers.keys()) {
      if (this.validFilesById.has(target)) continue;
      // A note with that id that cannot be read (a merge conflict, a YAML typo) is not a missing note: its own error is what to fix.
      const broken = this.brokenNote(target)?.file;
      for (const file of this.referrers.files(target)) {
        const [message, hint] = broken
          ? [`\`referred_by\` points at "${target}", whose note ${broken} cannot be read`, `Fix ${broken} (its own error says how); the link then resolves`]
          : [`\`referred_by\` points at "${target}", but no contact note has that id`, `Create ${target}.md or fix the link`];
        diagnostics.push(this.referredByDiagnostic(file, 'unresolved-link', message, hint));
      }
    }
  }

  /**
   * Every note that is (or looks like) a contact but could not be read as
   * one, and every file that could not be read at all, sorted by id.
   */
  brokenNotes(): readonly BrokenNote[] {
    if (this.brokenView) return this.brokenView;
    const broken: BrokenNote[] = [];
    for (const file of this.brokenFiles) broken.push({ id: noteId(file), file, problems: this.entries.get(file)!.reading.diagnostics });
    for (const [file, problem] of this.unreadable) broken.push({ id: noteId(file), file, problems: [problem] });
    return (this.brokenView = broken.sort((a, b) => collate(a.id, b.id) || binary(a.id, b.id) || binary(a.file, b.file)));
  }

  /**
   * The note with id `id` that cannot be read as a contact, if there is one (the first of
   * `brokenNotes()` when two share the id): where a link to that id leads while it is broken.
   */
  brokenNote(id: string): BrokenNote | undefined {
    return this.brokenNotes().find((note) => note.id === id);
  }

  /**
   * The note that cannot be read as a contact that `reference` names, read as
   * `contactsNamed` reads it: by its path, else by its id.
   */
  brokenNoteNamed(reference: string): BrokenNote | undefined {
    const normalized = asNotePath(reference);
    return this.brokenNotes().find((note) => note.file === normalized) ?? this.brokenNote(normalized);
  }

  /**
   * The referral graph of the indexed contacts, rebuilt only for the notes that changed since the last call;
   * with `contactSlug`, a name and a link to the id it gets are one person (as `referralGraph` takes it).
   */
  referralGraph(options: Pick<ReferralGraphOptions, 'contactSlug'> = {}): ReferralGraph {
    const graph = this.referralGraphAsWritten();
    const { contactSlug } = options;
    if (!contactSlug) return graph;
    const last = this.namedGraph;
    if (last?.graph === graph && last.contactSlug === contactSlug) return last.value;
    // Only the names slugged this time are kept: names typed and gone are not held on to.
    const known = last?.contactSlug === contactSlug ? last.slugs : new Map<string, string>();
    const slugs = new Map<string, string>();
    const slugOf = (name: string) => {
      const id = slugs.get(name) ?? known.get(name) ?? contactSlug(name);
      slugs.set(name, id);
      return id;
    };
    const value = { edges: graph.edges, pending: namedAsLinked(graph.pending, slugOf) };
    this.namedGraph = { graph, contactSlug, slugs, value };
    return value;
  }

  /** The referral graph with the referrals as written: names and links apart. */
  private referralGraphAsWritten(): ReferralGraph {
    this.keepRelations();
    if (!this.graphBuilt) {
      for (const file of this.entries.keys()) this.graphDirty.add(file);
      this.graphBuilt = true;
    }
    for (const file of this.graphDirty) {
      const contact = this.entries.get(file)?.reading.contact;
      const { edges, pending } = contact ? this.graphParts(contact) : { edges: [], pending: [] };
      // Most edits leave a note's links as they were: the graph built before then stands, not rebuilt over every edge.
      if (!sameEdgeParts(this.edgeParts.get(file), edges)) this.edgeParts.set(file, edges);
      if (!samePendingParts(this.pendingParts.get(file), pending)) this.pendingParts.set(file, pending);
    }
    this.graphDirty.clear();
    const edges = this.edgeParts.values();
    const pending = this.pendingParts.values();
    if (this.graph?.edges !== edges || this.graph.pending !== pending) {
      // Each half is rebuilt only when its own parts changed: a referral to someone without a note leaves the edges as they were.
      const merged = this.graph?.edges === edges ? this.graph.value.edges : mergeEdges(edges);
      const items = this.graph?.pending === pending ? this.graph.value.pending : pending.map((part) => part.item);
      this.graph = { edges, pending, value: { edges: merged, pending: items } };
    }
    return this.graph.value;
  }

  /**
   * The agenda of every contact — what `agenda(contacts(), context)` gives —
   * kept up to date change by change while `context` stays the same (same
   * `now`, zone and rules); a different context recomputes it once. Callers
   * that want updates to be cheap pass a `now` that changes rarely (e.g.
   * rounded to the minute).
   */
  agenda(context: AgendaContext): readonly AgendaItem[] {
    this.keepRelations();
    const key = `${context.now.getTime()}\u0000${context.timezone}\u0000${JSON.stringify(context.rules ?? null)}`;
    let state = this.agendaState;
    if (state?.key !== key || state.context.contactSlug !== context.contactSlug) {
      const today = todayIn(context.timezone, context.now);
      state = this.agendaState = { key, context, today, parts: new SortedContributions(this.compareAgendaParts, (part: AgendaPart) => part.item) };
      for (const [file, entry] of this.entries) if (entry.reading.contact) state.parts.set(file, this.agendaParts(entry.reading.contact, state));
    } else {
      for (const file of this.agendaDirty) {
        const contact = this.entries.get(file)?.reading.contact;
        state.parts.set(file, contact ? this.agendaParts(contact, state) : []);
      }
    }
    this.agendaDirty.clear();
    return state.parts.projectedValues();
  }

  /**
   * Whether some contact's open referrals name someone in words beside a link to an id that has no note:
   * only then can the agenda tell with `contactSlug` (`AgendaContext.contactSlug`) that the two are one
   * person, so a caller loads the slugger for it (`loadSlugger()`) only when this says so.
   */
  namesBesideMissingLinks(): boolean {
    this.keepRelations();
    for (const entry of this.entries.values()) {
      const contact = entry.reading.contact;
      if (contact && namesBesideMissingLinks(contact, this.hasNote)) return true;
    }
    return false;
  }

  /**
   * Each contact's place in `contacts()`, by file: what an index cache that
   * keeps contact orders saves (see `ContactOrder`).
   */
  contactOrders(): Map<string, ContactOrder> {
    const orders = new Map<string, ContactOrder>();
    let nameGroup = -1;
    let previous: Contact | undefined;
    this.contacts().forEach((contact, position) => {
      if (previous === undefined || !this.sameName(previous, contact)) nameGroup++;
      orders.set(contact.file, { position, nameGroup });
      previous = contact;
    });
    return orders;
  }

  /**
   * Sorts contacts by the places a snapshot kept (`contactOrders()` when it
   * was saved) rather than by asking the collator, for the notes given,
   * which must hold the readings that snapshot saved; a note set again
   * afterwards is sorted by the collator. Replaces orders given before. Call
   * it before querying the index.
   */
  useContactOrders(orders: Iterable<readonly [file: string, order: ContactOrder]>): void {
    this.contactOrder = new Map();
    for (const [file, order] of orders) {
      const contact = this.entries.get(file)?.reading.contact;
      if (contact && isContactOrder(order)) this.contactOrder.set(contact, order);
    }
  }

  /** How many contacts: `contacts().length`, without sorting them (a first sort loads ICU's collation data, ~6 ms). */
  contactCount(): number {
    let count = 0;
    for (const stage of STAGES) count += this.counts[stage];
    return count;
  }

  /** Number of contacts in each stage (every stage present, zeros included). */
  stageCounts(): Record<Stage, number> {
    return { ...this.counts };
  }

  /** Records what a reading adds to the cross-note data. */
  private remember(file: string, reading: NoteReading): void {
    this.track(file, reading, true);
  }

  /** Takes back what `remember` recorded for the same reading. */
  private forget(file: string, reading: NoteReading): void {
    this.track(file, reading, false);
    if (reading.contact) this.contactOrder.delete(reading.contact);
  }

  private track(file: string, reading: NoteReading, add: boolean): void {
    const id = noteId(file);
    const contact = reading.contact;
    this.filesById.update(id, file, add);
    if (reading.diagnostics.length > 0) {
      if (add) this.withDiagnostics.add(file);
      else this.withDiagnostics.delete(file);
    }
    if (reading.isContact) this.contactFilesById.update(id, file, add);
    if (isBroken(reading)) {
      if (add) this.brokenFiles.add(file);
      else this.brokenFiles.delete(file);
      this.markBroken(file, add);
    }
    this.diagnosticsView = undefined;
    this.sortedContacts.set(file, add && contact ? [contact] : []);
    if (contact) this.counts[contact.stage] += add ? 1 : -1;
    if (this.relationsKept) this.trackRelations(file, reading, add);
  }

  /** Records that `file` joins (or leaves) `brokenNotes()`; links to its id are then no longer (or again) referrals to add. */
  private markBroken(file: string, add: boolean): void {
    this.brokenView = undefined;
    const id = noteId(file);
    const hadNote = this.hasNote(id);
    this.brokenFilesById.update(id, file, add);
    if (!this.relationsKept || hadNote === this.hasNote(id)) return;
    for (const other of this.outcomeLinkers.files(id)) {
      this.graphDirty.add(other);
      this.agendaDirty.add(other);
    }
  }

  /** `contactsByName`, built from every valid contact on the first call. */
  private keyedNames(): FilesByKey {
    if (this.contactsByName === undefined) {
      this.contactsByName = new FilesByKey();
      for (const [file, entry] of this.entries) {
        const contact = entry.reading.contact;
        if (contact) for (const key of personNameKeys(contact.name)) this.contactsByName.add(key, file);
      }
    }
    return this.contactsByName;
  }

  /** Starts keeping the relations between notes (see `relationsKept`), from every note indexed so far. */
  private keepRelations(): void {
    if (this.relationsKept) return;
    this.relationsKept = true;
    for (const [file, entry] of this.entries) this.trackRelations(file, entry.reading, true);
  }

  /** What a reading adds to (or, with `add` false, takes from) the relations between notes, and the views to redo. */
  private trackRelations(file: string, reading: NoteReading, add: boolean): void {
    const contact = reading.contact;
    this.graphDirty.add(file);
    this.agendaDirty.add(file);
    if (!contact) return;
    if (contact.referredBy) this.referrers.update(contact.referredBy, file, add);
    for (const target of contact.outcomeLinks) this.outcomeLinkers.update(target, file, add);
    for (const key of referralNameKeys(contact)) this.referralNamers.update(key, file, add);
    // Only when some referral is written as a name (or names were keyed for one): most notes name none.
    if (this.contactsByName !== undefined || this.referralNamers.size > 0) {
      for (const key of personNameKeys(contact.name)) {
        this.contactsByName?.update(key, file, add);
        // A note for a name appeared or went: referrals to it are to be linked (an edge in the graph), or added again.
        for (const other of this.referralNamers.files(key)) {
          this.agendaDirty.add(other);
          this.graphDirty.add(other);
        }
      }
    }

    const resolvedBefore = this.validFilesById.has(contact.id);
    this.validFilesById.update(contact.id, file, add);
    if (resolvedBefore !== this.validFilesById.has(contact.id)) {
      // The id appeared or vanished: links to it turn into edges, or back into pending referrals (which the agenda asks to add).
      for (const other of this.referrers.files(contact.id)) this.graphDirty.add(other);
      for (const other of this.outcomeLinkers.files(contact.id)) {
        this.graphDirty.add(other);
        this.agendaDirty.add(other);
      }
    }

    if (contact.organization === undefined) return;
    const organization = organizationKey(contact.organization);
    if (contact.stage === 'contacted') this.contactedByOrganization.update(organization, file, add);
    if (contact.stage === 'identified') {
      updateWithin(this.identifiedByOrganization, organization, contact.id, file, add);
      this.namedIdentified.delete(organization);
      // The one named may change with any of them (its name, who comes first).
      for (const other of this.contactedByOrganization.files(organization)) this.agendaDirty.add(other);
    }
    if (!isActiveContact(contact)) return;
    const [before, after] = updateWithin(this.activeByOrganization, organization, contact.id, file, add);
    // With two or more distinct colleagues, every contact there has one, before and after.
    if (Math.min(before, after) < 2) {
      for (const other of this.contactedByOrganization.files(organization)) this.agendaDirty.add(other);
    }
  }

  /**
   * What one contact adds to the referral graph, given the ids that resolve
   * now (as `referralGraph()` computes it). Edge ids are detached: flat,
   * shared copies compare ~20× faster than cuts of a note's (often two-byte)
   * text, and each rebuild compares every edge's ids.
   */
  private graphParts(contact: Contact): { edges: EdgePart[]; pending: PendingPart[] } {
    const edges: EdgePart[] = [];
    if (contact.referredBy && contact.referredBy !== contact.id && this.validFilesById.has(contact.referredBy)) {
      edges.push({ from: detach(contact.referredBy), to: detach(contact.id), source: 'referred_by' });
    }
    const named = namedReferralLinksOf(contact, this.namesakeIds);
    for (const target of [...contact.outcomeLinks, ...named.values()]) {
      if (this.validFilesById.has(target) && target !== contact.id) edges.push({ from: detach(contact.id), to: detach(target), source: 'outcomes' });
    }
    const pending = pendingReferralsOf(contact, this.hasNote, named).map((item, index): PendingPart => ({ item, contact, index }));
    return { edges, pending };
  }


  /** The places kept for both contacts, or `undefined` when either has none. */
  private keptOrders(a: Contact, b: Contact): readonly [ContactOrder, ContactOrder] | undefined {
    const first = this.contactOrder.get(a);
    const second = first && this.contactOrder.get(b);
    return second ? [first!, second] : undefined;
  }

  /** The names of two agenda items, compared as the collator would: by their contacts' kept name groups where both have one. */
  private compareNames(a: AgendaPart, b: AgendaPart): number {
    if (a.item.name === b.item.name) return 0;
    const kept = a.item.name === a.contact.name && b.item.name === b.contact.name ? this.keptOrders(a.contact, b.contact) : undefined;
    return kept ? kept[0].nameGroup - kept[1].nameGroup : collate(a.item.name, b.item.name);
  }

  /** True when two contacts' names collate as equal. */
  private sameName(a: Contact, b: Contact): boolean {
    if (a.name === b.name) return true;
    const kept = this.keptOrders(a, b);
    return kept ? kept[0].nameGroup === kept[1].nameGroup : collate(a.name, b.name) === 0;
  }

  private agendaParts(contact: Contact, state: { context: AgendaContext; today: string }): AgendaPart[] {
    const items = contactAgenda(contact, { ...state.context, contacts: this.colleaguesOf(contact) }, state.today, this.hasNote, this.namesakeIds);
    return items.map((item, index) => ({ item, contact, index }));
  }

  /**
   * At most two active contacts with distinct ids at the contact's
   * organization, and the identified one an agenda names first: all the
   * colleague rules need to give the same answer as they would over every
   * contact.
   */
  private colleaguesOf(contact: Contact): Contact[] {
    if (contact.organization === undefined) return [];
    const organization = organizationKey(contact.organization);
    const active = this.activeByOrganization.get(organization);
    const colleagues: Contact[] = [];
    for (const id of active?.keys() ?? []) {
      const first = active!.first(id);
      const colleague = first === undefined ? undefined : this.entries.get(first)?.reading.contact;
      if (colleague) colleagues.push(colleague);
      if (colleagues.length === 2) break;
    }
    const named = this.namedIdentifiedAt(organization);
    if (named) colleagues.push(named);
    return colleagues;
  }

  private namedIdentifiedAt(organization: string): Contact | null {
    let named = this.namedIdentified.get(organization);
    if (named !== undefined) return named;
    named = null;
    const identified = this.identifiedByOrganization.get(organization);
    for (const id of identified?.keys() ?? []) {
      for (const file of identified!.files(id)) {
        const candidate = this.entries.get(file)?.reading.contact;
        if (candidate && (!named || isNamedBefore(candidate, named))) named = candidate;
      }
    }
    this.namedIdentified.set(organization, named);
    return named;
  }
}

/** Adds or deletes `file` under `key` in the group of `outer` (created and dropped as needed); the group's number of keys before and after. */
function updateWithin(groups: Map<string, FilesByKey>, outer: string, key: string, file: string, add: boolean): [before: number, after: number] {
  let group = groups.get(outer);
  if (!group) groups.set(outer, (group = new FilesByKey()));
  const before = group.size;
  if (add) group.add(key, file);
  else group.delete(key, file);
  if (group.size === 0) groups.delete(outer);
  return [before, group.size];
}

/**
 * Joins the parts of each `from → to` pair into one edge with its sources.
 * A pair's parts are adjacent and ordered by source, so dropping repeats
 * keeps each source once, in order.
 */
function sameEdgeParts(before: readonly EdgePart[], after: readonly EdgePart[]): boolean {
  return before.length === after.length && before.every((part, i) => part.from === after[i]!.from && part.to === after[i]!.to && part.source === after[i]!.source);
}

/** The same referrals, in the same place among the others: from the same contact by name and file (the order's keys). */
function samePendingParts(before: readonly PendingPart[], after: readonly PendingPart[]): boolean {
  return (
    before.length === after.length &&
    before.every((part, i) => {
      const other = after[i]!;
      return part.item.from === other.item.from && part.item.target === other.item.target && part.item.name === other.item.name && part.contact.name === other.contact.name && part.contact.file === other.contact.file && part.contact.id === other.contact.id;
    })
  );
}

function mergeEdges(parts: readonly EdgePart[]): ReferralEdge[] {
  const edges: ReferralEdge[] = [];
  for (let i = 0; i < parts.length; ) {
    const first = parts[i]!;
    let end = i + 1;
    while (end < parts.length && parts[end]!.from === first.from && parts[end]!.to === first.to) end++;
    if (end === i + 1) {
      edges.push((first.single ??= { from: first.from, to: first.to, sources: [first.source] }));
    } else {
      const sources: EdgePart['source'][] = [];
      for (let k = i; k < end; k++) if (sources.at(-1) !== parts[k]!.source) sources.push(parts[k]!.source);
      edges.push({ from: first.from, to: first.to, sources });
    }
    i = end;
  }
  return edges;
}

/** The name keys of a contact's referrals, written as names or guessed from links, each once. */
function referralNameKeys(contact: Contact): Set<string> {
  const keys = new Set<string>();
  for (const outcome of contact.outcomes) {
    if (outcome.kind !== 'referral') continue;
    const name = outcome.name ?? (outcome.contact === undefined ? undefined : nameFromLink(outcome.contact));
    if (name !== undefined) for (const key of personNameKeys(name)) keys.add(key);
  }
  return keys;
}

/** A contact that could not be read, or a note that looks like a contact but does not say `type: contact`. */
function isBroken(reading: NoteReading): boolean {
  return reading.contact === undefined && (reading.isContact || reading.diagnostics.some((diagnostic) => diagnostic.rule === 'missing-type'));
}

/** `Ana Ruiz was referred by Ben Osei, who was referred by Ana Ruiz`: a loop read from one of its notes back to it. */
function referralLoopWords(around: readonly Contact[]): string {
  const [first, second, ...rest] = around.map((contact) => contact.name);
  return [`${first} was referred by ${second}`, ...rest.map((name) => `who was referred by ${name}`)].join(', ');
}

function fileDiagnostic(file: string, rule: keyof typeof DIAGNOSTIC_RULES, message: string, hint: string, fix?: DiagnosticFix): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: DIAGNOSTIC_RULES[rule], rule, message, hint, ...(fix ? { fix } : {}) };
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}
