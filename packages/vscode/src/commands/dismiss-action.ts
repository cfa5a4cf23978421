import { dismissAction, nextActions } from '@rapport/core';
import { editContactNote } from '../notes/note-edits.js';
import type { Services } from '../services.js';
import { resolveContact } from './contact-target.js';

/** `rapport.dismissSecondContact`: stops the "Try a second person" suggestion for a contact (`dismissed: [second-contact]` in the note). */
export async function dismissSecondContact(services: Services, target?: unknown): Promise<{ file: string } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const contact = await resolveContact(services, workspace, target, 'Dismiss "Try a Second Person"', {
    only: {
      fits: (candidate) => nextActions(candidate, services.notes.actionContext()).some((action) => action.kind === 'second-contact'),
      nobody: 'The Agenda suggests trying a second person for nobody today',
    },
  });
  if (!contact) return undefined;
  await editContactNote(services.notes, contact.file, (text) => dismissAction(text, 'second-contact'));
  return { file: contact.file };
}
