import { clearManualNext, InvalidInputError } from '@rapport/core';
import { editContactNote, recordedMessage } from '../notes/note-edits.js';
import type { Services } from '../services.js';
import { resolveContact } from './contact-target.js';

/** `rapport.markNextDone`: takes a done next action written by hand (`next:`) out of the note; the rules suggest the next one again. */
export async function markNextDone(services: Services, target?: unknown): Promise<{ file: string } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const contact = await resolveContact(services, workspace, target, 'Mark Next Action Done', {
    only: { fits: (candidate) => candidate.next !== undefined, nobody: 'Nobody has a next action written in their note (`next:`)' },
  });
  if (!contact) return undefined;
  if (!contact.next) throw new InvalidInputError(`${contact.name} has no next action written in the note (no \`next:\`)`);
  const written = await editContactNote(services.notes, contact.file, clearManualNext);
  void services.prompts.info(recordedMessage(`${contact.name}: done: ${contact.next.action}. The Agenda suggests what comes next.`, written));
  return { file: contact.file };
}
