import type { Diagnostic } from '../diagnostics.js';
import type { Source } from '../model/vocabulary.js';
import { InvalidInputError, RapportError } from '../errors.js';
import { isCalendarDate } from '../lifecycle/dates.js';
import { labelledLine } from '../letters/note-facts.js';
import { getField, setField } from '../note/edit.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { NoteIndex } from '../workspace/note-index.js';
import { notesFolderBlocked, notesFolderBlockedMessage } from '../workspace/config.js';
import { createContact } from '../workspace/create-contact.js';
import { editNote, type Workspace } from '../workspace/workspace.js';
import { inputProblem, type ImportCandidate, type ImportFormat, type ImportReading, type ImportRule } from './candidate.js';
import { holdWrites, type HeldWritesResult } from './held-writes.js';
import { ContactMatcher, type MatchKind } from './match.js';

/** Options of `importContacts`. */
export interface ImportOptions {
  /** Day of the import, `YYYY-MM-DD`: the history date of people the file gives no date for. */
  readonly today: string;
  /** Work out what would be created and updated without writing anything. Default `false`. */
  readonly dryRun?: boolean;
}

/** A note created or filled in by an import. */
export interface ImportedContact {
  /** Line of the input file the person came from. */
  readonly line: number;
  readonly name: string;
  /** The note, relative to the notes folder. */
  readonly file: string;
  /** For an update: which key recognised the existing note. */
  readonly matchedBy?: MatchKind;
  /** Frontmatter fields written: all of a new note's, only the empty ones filled in an update. */
  readonly fields: readonly string[];
  /**
   * For a new note: another note with the same name that was not matched, so
   * the user can tell whether it is the same person. It has another
   * organization, or the same one with another LinkedIn profile or other
   * addresses (such a note is named first); it may have been created earlier
   * in the same import.
   */
  readonly namesake?: string;
}

/** A person of the input file that changed nothing, and why. */
export interface SkippedImport {
  readonly line: number;
  readonly name?: string;
  readonly reason: string;
  /** The existing note, when the person was recognised. */
  readonly file?: string;
}

/** What an import created, updated and skipped, and the problems found in the input file. */
export interface ImportSummary {
  readonly file: string;
  readonly format: ImportFormat;
  readonly dryRun: boolean;
  readonly created: readonly ImportedContact[];
  readonly updated: readonly ImportedContact[];
  readonly skipped: readonly SkippedImport[];
  /** Problems in the input file, from the reader. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Reader rules that mean a whole row or card was left out. */
const SKIPPING_RULES: ReadonlySet<ImportRule> = new Set(['import-short-row', 'import-missing-name', 'import-malformed-csv', 'import-malformed-vcard']);

/** Fields an import may fill, in the order they are written. */
const FILLABLE = ['credentials', 'organization', 'role', 'email', 'phone', 'linkedin', 'location', 'source', 'linkedin_connected'] as const;
type Fillable = (typeof FILLABLE)[number];
type FillValues = { readonly [K in Fillable]?: K extends 'source' ? Source : K extends 'linkedin_connected' ? string | true : string };

/**
 * Brings the people of an import file into the notes. Someone already there
 * (matched by LinkedIn URL, then email, then exact name and organization —
 * unless both have a LinkedIn profile and they differ, or both have email
 * addresses and none is shared) only gets the fields their note leaves
 * empty, written with lossless edits: nothing the user wrote is ever
 * overwritten. Anyone else becomes a new `identified` contact whose history
 * starts on the date the file gives (LinkedIn's connection date) or on the
 * import day. Running the same import again changes nothing.
 *
 * An import that cannot create its new notes changes nothing: a
 * `notes_folder` that names a file is refused (by a dry run too) before
 * anything is written, and edits of existing notes wait until the new notes
 * have been written (see `holdWrites`).
 *
 * @throws RapportError when `notes_folder` names a file (or a path through one) and someone would be created.
 */
export async function importContacts(workspace: Workspace, given: ImportReading, options: ImportOptions): Promise<ImportSummary> {
  if (!isCalendarDate(options.today)) throw new InvalidInputError(`invalid date "${options.today}" (use YYYY-MM-DD)`);
  const reading = withoutFutureDates(given, options.today);
  const dryRun = options.dryRun ?? false;
  const held = dryRun ? undefined : holdWrites(workspace);
  try {
    // On the real folder, for a dry run too: a run that cannot create its notes cannot go on.
    const people = await importPeople(held?.workspace ?? inMemoryCopy(workspace), reading, options.today, () => checkNotesFolder(workspace));
    if (held) await settleWrites(workspace, people, await held.flush());
    people.skipped.sort((a, b) => a.line - b.line);
    return { file: reading.file, format: reading.format, dryRun, ...people, diagnostics: reading.diagnostics };
  } catch (error) {
    await held?.discard();
    throw error;
  }
}

/**
 * A date after the import day (`01 Jan 2099` in Connected On) is no day the person was met or connected: their
 * history would start after every step recorded later, which would then be refused. The import day is used.
 */
function withoutFutureDates(reading: ImportReading, today: string): ImportReading {
  if (!reading.candidates.some((candidate) => candidate.since !== undefined && candidate.since > today)) return reading;
  const diagnostics = [...reading.diagnostics];
  const candidates = reading.candidates.map((candidate) => {
    if (candidate.since === undefined || candidate.since <= today) return candidate;
    diagnostics.push(inputProblem(reading.file, candidate.line, 'warning', 'import-invalid-date', `The date ${candidate.since} is after today (${today}); the import day is used instead`));
    const { since: _future, ...rest } = candidate;
    return rest;
  });
  return { ...reading, candidates, diagnostics: diagnostics.sort((a, b) => a.line - b.line) };
}

/** What the import did with each person, as it goes. */
interface People {
  readonly created: ImportedContact[];
  readonly updated: ImportedContact[];
  readonly skipped: SkippedImport[];
}

/** Matches each person of the file, then fills or creates their note in `target`; `beforeFirstCreation` runs once, before anyone is created. */
async function importPeople(target: Workspace, reading: ImportReading, today: string, beforeFirstCreation: () => Promise<void>): Promise<People> {
  const matcher = new ContactMatcher(target.index.contacts(), (file) => otherEmailsIn(target.index.text(file)));
  const people: People = {
    created: [],
    updated: [],
    skipped: reading.diagnostics.filter((diagnostic) => SKIPPING_RULES.has(diagnostic.rule as ImportRule)).map((diagnostic) => ({ line: diagnostic.line, reason: diagnostic.message })),
  };
  let creating = false;

  for (const candidate of reading.candidates) {
    const values = valuesOf(candidate, reading.format);
    const keys = { name: candidate.name, organization: candidate.organization, emails: candidate.emails, linkedin: candidate.linkedin };
    const match = matcher.match(keys);
    if (!match && !creating) {
      await beforeFirstCreation();
      creating = true;
    }
    try {
      if (match) {
        const filled: Fillable[] = [];
        // Called once: the import asks for no retries.
        await editNote(target, match.file, (text) => {
          let result = text;
          for (const field of FILLABLE) {
            const value = values[field];
            if (value === undefined || !isEmpty(getField(result, [field]))) continue;
            result = setField(result, [field], value);
            filled.push(field);
          }
          return result;
        });
        matcher.add(match.file, keys);
        if (filled.length > 0) people.updated.push({ line: candidate.line, name: candidate.name, file: match.file, matchedBy: match.by, fields: [...filled] });
        else people.skipped.push({ line: candidate.line, name: candidate.name, file: match.file, reason: `already in ${match.file} (same ${MATCH_WORDS[match.by]}), nothing to add` });
      } else {
        const { organization, role, source, ...fields } = values;
        const notes = notesOf(candidate);
        const namesake = matcher.namesake(keys);
        const { file } = await createContact(target, {
          name: candidate.name,
          date: candidate.since ?? today,
          ...(organization ? { organization } : {}),
          ...(role ? { role } : {}),
          ...(source ? { source } : {}),
          ...(candidate.tags ? { tags: candidate.tags } : {}),
          fields,
          // The address book's note goes into a new note only: an existing note's body is the user's own.
          ...(notes ? { sections: { Notes: notes } } : {}),
        });
        matcher.add(file, keys);
        people.created.push({ line: candidate.line, name: candidate.name, file, fields: ['name', 'stage', ...FILLABLE.filter((field) => values[field] !== undefined), ...(candidate.tags ? ['tags'] : []), 'history'], ...(namesake ? { namesake } : {}) });
      }
    } catch (error) {
      if (!(error instanceof RapportError)) throw error;
      people.skipped.push({ line: candidate.line, name: candidate.name, reason: error.message, ...(match ? { file: match.file } : {}) });
    }
  }
  return people;
}

/**
 * Once the held writes are made: a new note whose file appeared meanwhile,
 * and a filled note the store refused (changed on disk meanwhile), count as
 * skipped, and the index takes them as they are on disk.
 */
async function settleWrites(workspace: Workspace, people: People, written: HeldWritesResult): Promise<void> {
  const existed = new Set(written.existed);
  for (const entry of people.created.filter((entry) => existed.has(entry.file))) {
    people.created.splice(people.created.indexOf(entry), 1);
    people.skipped.push({ line: entry.line, name: entry.name, file: entry.file, reason: `${entry.file} appeared while importing; left as it is` });
  }
  for (const [file, error] of written.refused) {
    for (const entry of people.updated.filter((entry) => entry.file === file)) {
      people.updated.splice(people.updated.indexOf(entry), 1);
      people.skipped.push({ line: entry.line, name: entry.name, file, reason: error.message });
    }
  }
  for (const file of [...existed, ...written.refused.keys()]) {
    const stored = await workspace.store.read(file);
    if (stored) workspace.index.set(file, stored.text, stored.version);
  }
}

/**
 * Refuses an import that would create notes in a `notes_folder` that names
 * a file, or a path through one: without this the run would fail only when
 * the notes are written, with the operating system's "already exists".
 * Found by listing (read-only), so a dry run says it too.
 */
async function checkNotesFolder(workspace: Workspace): Promise<void> {
  const folder = workspace.config.notesFolder;
  const why = await notesFolderBlocked(workspace.store, folder);
  if (why) throw new RapportError(`${notesFolderBlockedMessage(folder, why)}; nothing was imported (set notes_folder to a folder, such as contacts)`);
}

/** The label of the line of *Notes* that keeps a new note's addresses beyond the first. */
const OTHER_EMAILS = 'Other emails';

/** The addresses a note keeps under its *Notes* ("Other emails: a@x, b@y"), as an import writes them. */
function otherEmailsIn(text: string | undefined): string[] {
  if (text === undefined) return [];
  const line = labelledLine(text, OTHER_EMAILS, 'Notes') ?? labelledLine(text, 'Other email', 'Notes');
  return line === undefined ? [] : line.split(/[,;\s]+/).filter((address) => address.includes('@'));
}

/**
 * What a new note's *Notes* start with: the address book's note, then the
 * addresses beyond the first (which fills `email`), so that none of them is
 * lost and a later import finds the person by any of them: "Other emails:
 * linhn@gmail.example.com".
 */
function notesOf(candidate: ImportCandidate): string | undefined {
  const others = candidate.emails.slice(1);
  const addresses = others.length === 0 ? undefined : `${OTHER_EMAILS}: ${others.join(', ')}`;
  return [candidate.note, addresses].filter((part) => part !== undefined && part !== '').join('\n\n') || undefined;
}

const MATCH_WORDS: Record<MatchKind, string> = { linkedin: 'LinkedIn URL', email: 'email', 'name-organization': 'name and organization' };

function valuesOf(candidate: ImportCandidate, format: ImportFormat): FillValues {
  const email = candidate.emails[0];
  return {
    ...(candidate.credentials ? { credentials: candidate.credentials } : {}),
    ...(candidate.organization ? { organization: candidate.organization } : {}),
    ...(candidate.role ? { role: candidate.role } : {}),
    ...(email ? { email } : {}),
    ...(candidate.phone ? { phone: candidate.phone } : {}),
    ...(candidate.linkedin ? { linkedin: candidate.linkedin } : {}),
    ...(candidate.location ? { location: candidate.location } : {}),
    ...(candidate.source ? { source: candidate.source } : {}),
    // Everyone in LinkedIn's Connections.csv is a 1st-degree connection: no letter is to ask them to connect.
    ...(format === 'linkedin' ? { linkedin_connected: candidate.since ?? true } : {}),
  };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** The workspace as it is, in memory: a dry run works on this copy so it can report exactly what a real run would do. */
function inMemoryCopy(workspace: Workspace): Workspace {
  const files: Record<string, string> = {};
  const index = new NoteIndex();
  for (const file of workspace.index.files()) {
    const text = workspace.index.text(file);
    // Deleted since the index read it (an editor's index hears of it a moment later): no longer there to match.
    if (text === undefined) continue;
    files[file] = text;
    index.set(file, text);
  }
  return { ...workspace, store: new MemoryStore(files), index };
}
