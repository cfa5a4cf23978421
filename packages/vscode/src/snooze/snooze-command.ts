import { InvalidInputError, snoozeContact, unsnoozeContact } from '@rapport/core';
import { snoozeDay, snoozeRefusal } from '@rapport/core/internal';
import { editContactNote, recordedMessage } from '../notes/note-edits.js';
import { resolveContact } from '../commands/contact-target.js';
import type { Services } from '../services.js';
import { isSnoozed, snoozableActions, snoozeChoices, snoozeDayProblem, snoozedMessage, unsnoozedMessage } from './snooze-choices.js';

/** What a caller (a test, another command) gives instead of being asked. */
export interface SnoozeInput {
  /** The day to snooze until: `YYYY-MM-DD`, or words `rapport snooze` reads (`monday`, `+7d`). */
  readonly until?: string;
}

/** `rapport.snooze`: puts a contact's due actions off to a later day (`snoozed_until` in the note). */
export async function snooze(services: Services, target?: unknown, input: SnoozeInput = {}): Promise<{ file: string; until: string } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const context = services.notes.actionContext();
  const contact = await resolveContact(services, workspace, target, 'Snooze', {
    only: { fits: (candidate) => snoozableActions(candidate, context).length > 0, nobody: 'Nothing is due for anyone: there is nothing to snooze' },
  });
  if (!contact) return undefined;
  const today = services.notes.today();
  // The note open in the editor is taken as it is: a closed contact has nothing to put off, as `rapport snooze` says.
  const refusal = snoozeRefusal({ contact, today });
  if (refusal !== undefined) throw new InvalidInputError(refusal);
  const until = input.until !== undefined ? givenDay(input.until, today) : await askDay(services, contact.name, today);
  if (until === undefined) return undefined;
  const written = await editContactNote(services.notes, contact.file, (text) => snoozeContact(text, until));
  void services.prompts.info(recordedMessage(snoozedMessage(contact, until, context, today), written));
  return { file: contact.file, until };
}

/** `rapport.unsnooze`: ends a contact's snooze, so its actions are due when the rules say again. */
export async function unsnooze(services: Services, target?: unknown): Promise<{ file: string } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const contact = await resolveContact(services, workspace, target, 'Unsnooze', { only: { fits: isSnoozed, nobody: 'Nobody is snoozed' } });
  if (!contact) return undefined;
  if (!isSnoozed(contact)) throw new InvalidInputError(`${contact.name} is not snoozed (no \`snoozed_until\` in the note)`);
  const written = await editContactNote(services.notes, contact.file, unsnoozeContact);
  void services.prompts.info(recordedMessage(unsnoozedMessage(contact), written));
  return { file: contact.file };
}

function givenDay(value: string, today: string): string {
  const problem = snoozeDayProblem(value, today);
  if (problem !== undefined) throw new InvalidInputError(problem);
  return snoozeDay(value, today)!;
}

async function askDay(services: Services, name: string, today: string): Promise<string | undefined> {
  const picked = await services.prompts.pick({ id: 'snooze.until', title: `Snooze ${name}`, placeholder: 'Until when? Their actions due before then are due that day', items: snoozeChoices(today) });
  if (picked !== 'pick') return picked;
  const typed = await services.prompts.input({
    id: 'snooze.date',
    title: `Snooze ${name}`,
    prompt: 'The day their actions are due again (YYYY-MM-DD)',
    placeholder: snoozeDay('+1w', today)!,
    validate: (value) => snoozeDayProblem(value, today),
  });
  return typed === undefined ? undefined : snoozeDay(typed, today);
}
