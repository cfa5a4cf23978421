import { InvalidInputError, NoteConflictError, NoteExistsError, NoteNotFoundError, RapportError } from '../errors.js';
import { isCalendarDate } from '../lifecycle/dates.js';
import { contactNoteText, type NewContact } from '../note/template.js';
import { notesFolderBlocked, notesFolderBlockedMessage } from './config.js';
import type { Workspace } from './workspace.js';
import { LINE_BREAKS_OR_CONTROLS } from '../model/one-line.js';
import { namesakes } from '../model/person-name.js';
import type { BrokenNote } from './note-index.js';
import { loadSlugger } from './load-slugger.js';


/**
 * A safe file name stem for a contact: lowercase ASCII words joined by
 * dashes, never a path ("Ольга Петрова" → `olga-petrova`). A name with no
 * Latin letters (李雷) keeps its own letters, so its id (and the `[[李雷]]`
 * written for it) still says who it is. Asynchronous because the
 * transliteration tables load on first use: building them takes ~15 ms,
 * which every other use of the library would pay at import.
 *
 * @example
 * ```ts
 * import { contactSlug } from '@rapport/core';
 *
 * console.log(await contactSlug('José Núñez-Ortiz')); // → jose-nunez-ortiz
 * ```
 */
export async function contactSlug(name: string): Promise<string> {
  return (await loadSlugger())(name);
}

/**
 * A note that cannot be read and may be about the person named `name`: its id is the one a
 * new note for them would get (or that id with a suffix), or its `name:` line names them.
 * Its contact is in no list, so without looking here a second note would be made beside it.
 */
export async function unreadableNamesake(workspace: Workspace, name: string): Promise<BrokenNote | undefined> {
  const slug = await contactSlug(name);
  return workspace.index.brokenNotes().find((note) => {
    if (note.id === slug || note.id.startsWith(`${slug}-`)) return true;
    const written = /^name:[ \t]*(["']?)(.+?)\1[ \t]*(?:#.*)?\r?$/m.exec(workspace.index.text(note.file) ?? '');
    return written !== null && namesakes([{ name: written[2]! }], name).length > 0;
  });
}

/**
 * The id a contact named `name` gets: its slug, or when another note has that id, the slug and
 * the organization, then a number. `own` is the id of the contact being renamed, free for it.
 * `undefined` when a thousand are taken.
 */
export async function freeContactId(workspace: Workspace, name: string, organization: string | undefined, own?: string): Promise<string | undefined> {
  const slug = await loadSlugger();
  const base = slug(name);
  const candidates = [base, ...(organization ? [`${base}-${slug(organization)}`] : [])];
  for (let n = 2; candidates.length < 1000; n++) candidates.push(`${base}-${n}`);
  return candidates.find((candidate) => candidate === own || !workspace.index.hasId(candidate));
}

/**
 * Fields a new note writes from its own options, never from `fields`: `type: person`
 * would make a note no index lists, another `name` a note the id does not match, and
 * a `stage` or `history` of `fields` a note whose history contradicts it.
 */
const OWN_FIELDS: Readonly<Record<string, string>> = { type: 'every contact note is `type: contact`', name: 'give it as `name`', stage: 'give it as `stage`', history: 'it starts with the day given as `date`', referred_by: 'give the referrer\'s id as `referredBy`' };

/**
 * Creates a contact note in the configured folder and returns its id and
 * path. The file name comes from the name (slugged, so it never leaves the
 * folder); when the id is taken, the organization and then a number are added.
 * `fields` adds frontmatter fields (`email`, `linkedin`…), but not those the
 * note writes from its own options (`type`, `name`, `stage`, `history`,
 * `referred_by`): those throw `InvalidInputError`.
 *
 * @example
 * ```ts
 * import { createContact, loadWorkspace, MemoryStore } from '@rapport/core';
 *
 * const workspace = await loadWorkspace(new MemoryStore({ 'lee-park.md': '---\ntype: contact\nname: Lee Park\nstage: identified\n---\n' }));
 * console.log(await createContact(workspace, { name: 'Lee Park', organization: 'UPMC', date: '2026-11-23' })); // → { id: 'lee-park-upmc', file: 'lee-park-upmc.md' }
 * ```
 */
export async function createContact(workspace: Workspace, given: NewContact): Promise<{ id: string; file: string }> {
  if (given.name.trim() === '') throw new InvalidInputError('a contact needs a name');
  for (const field of Object.keys(given.fields ?? {})) {
    if (Object.hasOwn(OWN_FIELDS, field)) throw new InvalidInputError(`\`fields\` cannot set \`${field}\` of a new contact: ${OWN_FIELDS[field]}`);
  }
  // Written into the note's heading and every letter: a line break would split the heading, and an escape sequence reach the terminal.
  for (const [label, value] of [['name', given.name], ['organization', given.organization], ['role', given.role]] as const) {
    if (value !== undefined && LINE_BREAKS_OR_CONTROLS.test(value)) throw new InvalidInputError(`a contact's ${label} is one line of text, without control characters: ${JSON.stringify(value)}`);
  }
  // Spaces typed twice ("Anna  -  Marie") are one, as an import writes them: a letter says the name in a sentence.
  const oneSpaced = (value: string) => value.replace(/\s+/g, ' ').trim();
  const contact: NewContact = { ...given, name: oneSpaced(given.name), ...(given.organization === undefined ? {} : { organization: oneSpaced(given.organization) }), ...(given.role === undefined ? {} : { role: oneSpaced(given.role) }) };
  // From JavaScript, a missing date would write a history entry the note's own check then refuses.
  if (!isCalendarDate(contact.date)) throw new InvalidInputError(`a new contact needs the day they were found as \`date\` (YYYY-MM-DD, such as 2026-11-23), not ${JSON.stringify(contact.date)}`);
  if (contact.referredBy && !workspace.index.contact(contact.referredBy)) throw new NoteNotFoundError(contact.referredBy);
  const referredBy = contact.referredBy ? workspace.index.contact(contact.referredBy)!.id : undefined;
  const folder = workspace.config.notesFolder;
  const id = await freeContactId(workspace, contact.name, contact.organization);
  if (!id) throw new NoteExistsError(`${await contactSlug(contact.name)}.md`);
  const file = folder ? `${folder}/${id}.md` : `${id}.md`;
  const text = contactNoteText({ ...contact, ...(referredBy ? { referredBy } : {}) });
  try {
    await workspace.store.write(file, text, { expectedVersion: null });
  } catch (error) {
    // The operating system would say "already exists" or "not a directory" of a notes_folder that is a file.
    const blocked = folder ? await notesFolderBlocked(workspace.store, folder).catch(() => undefined) : undefined;
    if (blocked) throw new RapportError(`${notesFolderBlockedMessage(folder, blocked)} (set notes_folder to a folder, such as contacts)`);
    // Created meanwhile by another process (ten `rapport new "Same Name"` at once): say so plainly.
    if (error instanceof NoteConflictError) throw new NoteExistsError(file);
    throw error;
  }
  workspace.index.set(file, text);
  return { id, file };
}
