import { InvalidInputError } from '../errors.js';
import { deleteField, getField, setField } from '../note/edit.js';
import { isCalendarDate } from './dates.js';
import { LINE_BREAKS_OR_CONTROLS } from '../model/one-line.js';
import { unsnoozeContact } from './snooze.js';

/**
 * Writes a hand-written next action into a note (`next: {action, due}`),
 * replacing any there: it is the contact's next action, ahead of the rules,
 * until it is cleared. Without `due` it waits under Ready to write. One
 * already there is edited in place: its action and due date change, and
 * the comments and other keys written in the block stay. A day given ends
 * a snooze (`snoozed_until` goes in the same edit): the day chosen is the
 * day it is due, not put off to the snooze's.
 */
export function setManualNext(text: string, next: { readonly action: string; readonly due?: string }): string {
  const written = writeManualNext(text, next);
  return next.due === undefined ? written : unsnoozeContact(written);
}

function writeManualNext(text: string, next: { readonly action: string; readonly due?: string }): string {
  const action = next.action.trim();
  if (action === '') throw new InvalidInputError('say what the next action is');
  if (LINE_BREAKS_OR_CONTROLS.test(action)) throw new InvalidInputError(`a next action is one line of text, without control characters: ${JSON.stringify(action)}`);
  if (next.due !== undefined && !isCalendarDate(next.due)) throw new InvalidInputError(`invalid date "${next.due}" (use YYYY-MM-DD)`);
  const current = getField(text, ['next']);
  if (current === null || typeof current !== 'object' || Array.isArray(current)) return setField(text, ['next'], next.due === undefined ? { action } : { action, due: next.due });
  // Field by field, so that what the user wrote in the block (a comment on a line, another key) stays.
  const withAction = setField(text, ['next', 'action'], action);
  if (next.due !== undefined) return setField(withAction, ['next', 'due'], next.due);
  return 'due' in current ? deleteField(withAction, ['next', 'due']) : withAction;
}

/**
 * Takes a done hand-written next action out of a note: only the `next`
 * field goes, and the rules suggest the contact's next action again.
 * A note without one is refused, so a mistyped contact is not passed over in silence.
 */
export function clearManualNext(text: string): string {
  if (getField(text, ['next']) === undefined) throw new InvalidInputError('there is no hand-written `next:` in this note');
  return deleteField(text, ['next']);
}
