import { InvalidInputError, NoteNotFoundError } from '../errors.js';
import type { Contact } from '../model/contact.js';
import { nameParts, namesakes, personNameKey } from '../model/person-name.js';
import { getField, setField } from '../note/edit.js';
import { readNote } from '../note/read-contact.js';
import { readLayout } from '../note/source.js';
import { findSection, scanSections } from '../note/body.js';
import type { Wikilink } from '../note/wikilinks.js';
import { createContact } from '../workspace/create-contact.js';
import { loadSlugger } from '../workspace/load-slugger.js';
import { editNote, type Workspace } from '../workspace/workspace.js';
import type { NewContact } from '../note/template.js';
import { organizationNamed, workNamed, type WorkNamed } from './outcome-actions.js';
import { outcomeLabelKey, type Outcome } from './outcomes.js';

/** Options of `addReferral`. */
export interface AddReferralOptions {
  /**
   * The target of the referrer's `[[link]]` this contact is created for, as
   * written (a link made before the note, e.g. `[[Priya Shah]]`): it is
   * pointed at the new note, whatever name the contact is given.
   */
  readonly link?: string;
  /**
   * Create a new note even when a contact already has this name (default
   * `false`): by default the referral is linked to that contact's note, since
   * a second note for the same person splits their history.
   */
  readonly newNote?: boolean;
}

/** What `addReferral` did: the note the referral now leads to, whether a line was linked, and whether that note was there already. */
export interface AddedReferral {
  readonly id: string;
  readonly file: string;
  /** An Outcomes line of the referrer now links to the note. */
  readonly linked: boolean;
  /** The note existed (a contact with the name): it was linked, not created. */
  readonly existing: boolean;
  /** An existing note that named no referrer now has `referred_by` the referrer. */
  readonly referredByAdded: boolean;
  /** An Outcomes line of the referrer linked to the existing note before this call. */
  readonly linkedBefore: boolean;
}

/**
 * Creates the contact a referral names (`referred_by` the referrer, source
 * `referral`) and links the referrer's Outcomes line to the new note,
 * leaving every other character as it was: a name written there becomes a
 * `[[link]]`, and a link written before the note (`options.link`, or one
 * that names the person, such as `[[Priya Shah]]`) is pointed at the new
 * note's id (both, when one line names the person and another links to the
 * id a note for the name would get). When no Outcomes line names the person, only the contact is
 * created. The new note takes the role and organization that line gives
 * after the name ("Dana Okafor, research lead at Three Rivers Health", "Sam
 * Whitaker, at Northwind Labs", "Grace Liu, the nurse informaticist on
 * Carelink's alerts team"; see `workNamed`) where `contact` gives none; a
 * name written as an owner that is someone's in the notes ("on Dana's team")
 * is no organization.
 *
 * When a contact already has the name (see `namesakes`; one at another
 * organization than `contact.organization` does not count), the line is
 * linked to that note instead, and the note gets `referred_by` the referrer
 * only when it names nobody yet; `options.newNote` creates a second note
 * anyway. Several such contacts throw `InvalidInputError`, naming them: only
 * the user knows which one is meant.
 */
export async function addReferral(workspace: Workspace, referrerId: string, contact: NewContact, options: AddReferralOptions = {}): Promise<AddedReferral> {
  const referrer = workspace.index.contact(referrerId);
  if (!referrer) throw new NoteNotFoundError(referrerId);
  const known = options.newNote === true ? [] : knownAs(workspace, contact, referrer);
  if (known.length > 1) {
    throw new InvalidInputError(`${known.map((other) => other.file).join(', ')} are all about ${contact.name.trim()}: link the one you mean by writing [[its-id]] on ${referrer.file}'s Outcomes line, or create a new note`);
  }
  const existing = known[0];
  let referredByAdded = false;
  if (existing) {
    await editNote(workspace, existing.file, (text) => {
      const written = getField(text, ['referred_by']);
      referredByAdded = written === undefined || written === null || written === '';
      return referredByAdded ? setField(text, ['referred_by'], `[[${referrer.id}]]`) : text;
    });
  }
  const wanted = outcomeLabelKey(contact.name);
  const contactSlug = await loadSlugger();
  const slug = contactSlug(contact.name);
  // A link already leading to a note is someone else's: only one that leads nowhere is this person's.
  const leadsNowhere = (target: string, id: string) => target !== id && !workspace.index.contact(target);
  const linksTo = (target: string, id: string) => leadsNowhere(target, id) && (options.link !== undefined ? target === options.link.trim() : contactSlug(target) === slug);
  const note = existing ? { id: existing.id, file: existing.file } : await createContact(workspace, { source: 'referral', ...workOnLine(workspace, referrer, (outcome) => (outcome.name !== undefined ? options.link === undefined && outcomeLabelKey(outcome.name) === wanted : outcome.contact !== undefined && linksTo(outcome.contact, ''))), ...contact, referredBy: referrer.id });
  const linksHere = (target: string) => linksTo(target, note.id);
  let linked = false;
  await editNote(workspace, referrer.file, (text) => {
    const layout = readLayout(text);
    const shift = layout.bom ? 1 : 0;
    const labels = workspace.config.outcomeLabels ? { outcomeLabels: workspace.config.outcomeLabels } : {};
    const named = readNote(referrer.file, text, labels).contact?.outcomes.find((outcome) => options.link === undefined && outcome.kind === 'referral' && outcome.name !== undefined && outcomeLabelKey(outcome.name) === wanted);
    const edits: { start: number; end: number; written: string }[] = [];
    if (named?.nameStart !== undefined && named.nameEnd !== undefined) edits.push({ start: named.nameStart, end: named.nameEnd, written: `[[${note.id}]]` });
    // Any link under Outcomes, as the referral graph counts them, not only a `Referral:` item's; beside the name, a link to
    // the id it would get is the same person (as the agenda takes it), pointed at the note too when that id is not the note's.
    const link = findSection(scanSections(layout.content, layout.bodyStart), 'Outcomes')?.wikilinks.find((found) => linksHere(found.target));
    if (link) edits.push({ ...targetWritten(layout.content, link), written: note.id });
    linked = edits.length > 0;
    // The later place first: the earlier one's offsets stay right.
    return edits.sort((a, b) => b.start - a.start).reduce((edited, { start, end, written }) => edited.slice(0, start + shift) + written + edited.slice(end + shift), text);
  });
  return { ...note, linked, existing: existing !== undefined, referredByAdded, linkedBefore: existing !== undefined && referrer.outcomeLinks.includes(existing.id) };
}

/** The role and organization (see `workNamed`) on the referrer's first referral line that is about the person. */
function workOnLine(workspace: Workspace, referrer: Contact, about: (outcome: Outcome) => boolean): WorkNamed {
  const line = referrer.outcomes.find((outcome) => outcome.kind === 'referral' && about(outcome));
  if (!line) return {};
  const work = workNamed(line, personInNotes(workspace));
  return work.organization === undefined ? work : { ...work, organization: organizationInNotes(workspace, referrer, work.organization) };
}

/**
 * The organization as the notes write it, when a line shortens it: "on Carelink's alerts team" for
 * the referrer's Carelink Labs, or for the one organization in the notes whose name starts so. The
 * second-person suggestion and the agenda group people by organization as written.
 */
function organizationInNotes(workspace: Workspace, referrer: Contact, organization: string): string {
  const starts = (written: string | undefined): written is string => written !== undefined && written.toLowerCase().startsWith(`${organization.toLowerCase()} `);
  if (starts(referrer.organization)) return referrer.organization;
  const longer = new Set(workspace.index.contacts().map((contact) => contact.organization).filter(starts));
  return longer.size === 1 ? [...longer][0]! : organization;
}

/**
 * Whether words a referral's line writes as an owner name someone in the
 * notes, by full or given name ("on Dana's team" when Dana Okafor has a
 * note): a person, not the organization the referral works for.
 */
function personInNotes(workspace: Workspace): (words: string) => boolean {
  let names: Set<string> | undefined;
  return (words) => {
    names ??= new Set(workspace.index.contacts().flatMap((contact) => [personNameKey(contact.name), personNameKey(nameParts(contact.name).given)]).filter((key) => key !== ''));
    return names.has(personNameKey(words));
  };
}

/** The contacts other than the referrer that `contact` may be, one per id: same name, and not at another organization. */
function knownAs(workspace: Workspace, contact: NewContact, referrer: Contact): Contact[] {
  // The organization given, else the one the referrer's Outcomes line names ("…, analyst at Smith Trucking").
  const wanted = outcomeLabelKey(contact.name);
  const line = referrer.outcomes.find((outcome) => outcome.kind === 'referral' && outcome.name !== undefined && outcomeLabelKey(outcome.name) === wanted);
  const organization = contact.organization?.trim() ? contact.organization : line && organizationNamed(line);
  const found = new Map<string, Contact>();
  for (const other of namesakes(workspace.index.contacts(), contact.name, organization)) {
    if (other.id !== referrer.id) found.set(other.id, other);
  }
  return [...found.values()];
}

/** Where a link's target is written: inside `[[…]]`, before any `#heading` or `|label`, without the spaces around it. */
function targetWritten(content: string, link: Wikilink): { start: number; end: number } {
  const written = /^[^|#]*/.exec(content.slice(link.offset + 2, link.offset + link.length - 2))![0];
  const start = link.offset + 2 + (written.length - written.trimStart().length);
  return { start, end: start + written.trim().length };
}
