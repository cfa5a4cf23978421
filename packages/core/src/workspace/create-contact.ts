import slugify from '@sindresorhus/slugify';
import { InvalidInputError, NoteConflictError, NoteExistsError, NoteNotFoundError } from '../errors.js';
import { isCalendarDate } from '../lifecycle/dates.js';
import { contactNoteText, type NewContact } from '../note/template.js';
import type { Workspace } from './workspace.js';

// Apart from workspace.ts: slugify's transliteration tables are built when it loads, and only creating a contact needs them.

const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_SLUG_LENGTH = 64;

/**
 * A safe file name stem for a contact: lowercase ASCII words joined by
 * dashes, never a path. A name with no Latin letters (李雷) keeps its own
 * letters, so its id (and the `[[李雷]]` written for it) still says who it is.
 */
export function contactSlug(name: string): string {
  let slug = slugify(name, { separator: '-', lowercase: true, decamelize: false }).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  if (slug === '') slug = [...lettersSlug(name)].slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
  if (slug === '') slug = 'contact';
  if (RESERVED_NAMES.test(slug)) slug = `${slug}-contact`;
  return slug;
}

/**
 * The id a contact named `name` gets: its slug, or when another note has that id, the slug and
 * the organization, then a number. `own` is the id of the contact being renamed, free for it.
 * `undefined` when a thousand are taken.
 */
export function freeContactId(workspace: Workspace, name: string, organization: string | undefined, own?: string): string | undefined {
  const base = contactSlug(name);
  const candidates = [base, ...(organization ? [`${base}-${contactSlug(organization)}`] : [])];
  for (let n = 2; candidates.length < 1000; n++) candidates.push(`${base}-${n}`);
  return candidates.find((candidate) => candidate === own || !workspace.index.hasId(candidate));
}

/** Letters and digits of any script, lowercase, runs of anything else as one dash. */
function lettersSlug(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/**
 * Creates a contact note in the configured folder and returns its path. The
 * file name comes from the name (slugged, so it never leaves the folder);
 * when the id is taken, the organization and then a number are added.
 *
 * @example
 * ```ts
 * import { createContact, loadWorkspace, MemoryStore } from '@rapport/core';
 *
 * const workspace = await loadWorkspace(new MemoryStore({ 'lee-park.md': '---\ntype: contact\nname: Lee Park\nstage: identified\n---\n' }));
 * console.log(await createContact(workspace, { name: 'Lee Park', organization: 'UPMC', date: '2026-11-23' })); // → { id: 'lee-park-upmc', file: 'lee-park-upmc.md' }
 * ```
 */
export async function createContact(workspace: Workspace, contact: NewContact): Promise<{ id: string; file: string }> {
  if (contact.name.trim() === '') throw new InvalidInputError('a contact needs a name');
  // From JavaScript, a missing date would write a history entry the note's own check then refuses.
  if (!isCalendarDate(contact.date)) throw new InvalidInputError(`a new contact needs the day they were found as \`date\` (YYYY-MM-DD, such as 2026-11-23), not ${JSON.stringify(contact.date)}`);
  if (contact.referredBy && !workspace.index.contact(contact.referredBy)) throw new NoteNotFoundError(contact.referredBy);
  const referredBy = contact.referredBy ? workspace.index.contact(contact.referredBy)!.id : undefined;
  const folder = workspace.config.notesFolder;
  const id = freeContactId(workspace, contact.name, contact.organization);
  if (!id) throw new NoteExistsError(`${contactSlug(contact.name)}.md`);
  const file = folder ? `${folder}/${id}.md` : `${id}.md`;
  const text = contactNoteText({ ...contact, name: contact.name.trim(), ...(referredBy ? { referredBy } : {}) });
  try {
    await workspace.store.write(file, text, { expectedVersion: null });
  } catch (error) {
    // Created meanwhile by another process (ten `rapport new "Same Name"` at once): say so plainly.
    if (error instanceof NoteConflictError) throw new NoteExistsError(file);
    throw error;
  }
  workspace.index.set(file, text);
  return { id, file };
}
