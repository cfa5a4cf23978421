import * as vscode from 'vscode';
import { InvalidInputError, nameFromLink, NoteNotFoundError, type BrokenNote, type Contact, type Workspace } from '@rapport/core';
import { sharedIdProblem } from '@rapport/core/internal';
import { brokenNoteView } from '../contacts-tree/contact-view.js';
import type { Services } from '../services.js';
import { showNoteAt } from '../notes/open-at.js';

/** A tree node or anything else that names a contact (every tree node does), by id and, where it knows it, by file. */
export interface ContactRef {
  readonly contactId: string;
  /** The note's path: two notes in different folders can share an id, never a path. */
  readonly file?: string;
}

export function isContactRef(value: unknown): value is ContactRef {
  return typeof value === 'object' && value !== null && typeof (value as { contactId?: unknown }).contactId === 'string';
}

/**
 * The contact a command acts on: the tree item it was invoked on, an id or
 * note path given as argument, a note URI, the note in the active editor,
 * or — failing all those — one picked from the list. `undefined` when the
 * user cancels. A note named so that cannot be read is said to be so
 * (`InvalidInputError`), rather than another contact asked for.
 */
export async function resolveContact(services: Services, workspace: Workspace, target: unknown, title: string, options: PickOptions = {}): Promise<Contact | undefined> {
  const reference = isContactRef(target)
    ? (target.file ?? target.contactId)
    : typeof target === 'string'
      ? target
      : target instanceof vscode.Uri
        ? services.notes.pathOf(target)
        : activeNote(services);
  if (reference !== undefined) {
    const named = workspace.index.contactsNamed(reference);
    // An id two notes share could mean either: the wrong note would be edited.
    if (named.length > 1) throw new InvalidInputError(`${sharedIdProblem(reference, named.map((contact) => contact.file))}; run ${title} from the note itself, or rename one of the files so each contact has an id of its own`);
    const contact = named[0];
    if (contact) return contact;
    // By its path or its id (a path ends in `.md`, an id never does).
    const unreadable = workspace.index.brokenNoteNamed(reference);
    if (unreadable) throw new InvalidInputError(`${unreadable.file} cannot be read as a contact (${brokenNoteView(unreadable).description}): fix it, then run ${title} again`);
    if (target !== undefined) throw new NoteNotFoundError(reference);
  }
  return pickContact(services, workspace, title, options);
}

/** A contact picked, or a note that cannot be read as one, which pickers list too: its name is not missing from the list. */
export type PickedNote = { readonly contact: Contact } | { readonly unreadable: BrokenNote };

/** How a contact is picked: the question's id and placeholder, and which contacts the command can act on (default all). */
export interface PickOptions {
  readonly id?: string;
  readonly placeholder?: string;
  /** The contacts offered; when none is, `nobody` is said instead of asking. */
  readonly only?: { readonly fits: (contact: Contact) => boolean; readonly nobody: string };
}

export async function pickNote(services: Services, workspace: Workspace, title: string, options: PickOptions = {}): Promise<PickedNote | undefined> {
  const contacts = options.only ? workspace.index.contacts().filter(options.only.fits) : workspace.index.contacts();
  if (options.only && contacts.length === 0) throw new InvalidInputError(options.only.nobody);
  return services.prompts.pick<PickedNote>({
    id: options.id ?? 'contact',
    title,
    placeholder: options.placeholder ?? 'Contact',
    items: [
      ...contacts.map((contact) => ({
        label: contact.name,
        description: [contact.organization, contact.stage].filter(Boolean).join(' · '),
        value: { contact },
      })),
      // By the name its id suggests, as the referral graph names people without a note; the problem below it.
      ...workspace.index.brokenNotes().map((note) => ({ label: nameFromLink(note.id), description: `${note.file} · cannot be read`, detail: brokenNoteView(note).description, value: { unreadable: note } })),
    ],
  });
}

/** A contact picked from the list; picking a note that cannot be read opens it at its first problem instead. */
export async function pickContact(services: Services, workspace: Workspace, title: string, options: PickOptions = {}): Promise<Contact | undefined> {
  const picked = await pickNote(services, workspace, title, options);
  if (picked && 'unreadable' in picked) await openAtProblem(services, picked.unreadable);
  return picked && 'contact' in picked ? picked.contact : undefined;
}

/** Opens a note that cannot be read with the cursor on its first problem, as its row in the Contacts view does. */
export async function openAtProblem(services: Services, note: BrokenNote): Promise<void> {
  const { line, column } = brokenNoteView(note);
  await showNoteAt(services.notes.uriOf(note.file), new vscode.Position(line, column));
}

function activeNote(services: Services): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri ? services.notes.pathOf(uri) : undefined;
}
