import { InvalidInputError } from '../errors.js';
import { appendToList, getField } from '../note/edit.js';
import { DISMISSABLE_ACTIONS, isDismissableAction, type DismissableAction } from './next-action.js';

/**
 * Turns a suggested action off for one contact by adding its kind to the
 * note's `dismissed` list (created when missing). Dismissing twice changes
 * nothing; removing the line from the note brings the suggestion back.
 * A kind that is not one of `DISMISSABLE_ACTIONS` fails to compile, and from
 * JavaScript throws `InvalidInputError`.
 */
export function dismissAction(text: string, kind: DismissableAction): string {
  if (!isDismissableAction(kind)) throw new InvalidInputError(`"${kind}" cannot be dismissed (only: ${DISMISSABLE_ACTIONS.join(', ')})`);
  const dismissed = getField(text, ['dismissed']);
  if (dismissed === kind || (Array.isArray(dismissed) && dismissed.includes(kind))) return text;
  return appendToList(text, ['dismissed'], kind);
}
