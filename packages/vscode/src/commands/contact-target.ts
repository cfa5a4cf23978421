import * as vscode from 'vscode';
import { NoteNotFoundError, type Contact, type Workspace } from '@rapport/core';
import type { Services } from '../services.js';

/** A tree node or anything else that names a contact (every tree node does). */
export interface ContactRef {
  readonly contactId: string;
}

export function isContactRef(value: unknown): value is ContactRef {
  return typeof value === 'object' && value !== null && typeof (value as { contactId?: unknown }).contactId === 'string';
}

/**
 * The contact a command acts on: the tree item it was invoked on, an id or
 * note path given as argument, a note URI, the note in the active editor,
 * or — failing all those — one picked from the list. `undefined` when the
 * user cancels.
 */
export async function resolveContact(services: Services, workspace: Workspace, target: unknown, title: string): Promise<Contact | undefined> {
  const reference = isContactRef(target)
    ? target.contactId
    : typeof target === 'string'
      ? target
      : target instanceof vscode.Uri
        ? services.notes.pathOf(target)
        : activeNote(services);
  if (reference !== undefined) {
    const contact = workspace.index.contact(reference);
    if (contact) return contact;
    if (target !== undefined) throw new NoteNotFoundError(reference);
  }
  return pickContact(services, workspace, title);
}

export async function pickContact(services: Services, workspace: Workspace, title: string, options: { id?: string; placeholder?: string } = {}): Promise<Contact | undefined> {
  return services.prompts.pick({
    id: options.id ?? 'contact',
    title,
    placeholder: options.placeholder ?? 'Contact',
    items: workspace.index.contacts().map((contact) => ({
      label: contact.name,
      description: [contact.organization, contact.stage].filter(Boolean).join(' · '),
      value: contact,
    })),
  });
}

function activeNote(services: Services): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri ? services.notes.pathOf(uri) : undefined;
}
