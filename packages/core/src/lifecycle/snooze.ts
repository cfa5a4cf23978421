import { InvalidInputError } from '../errors.js';
import type { Contact } from '../model/contact.js';
import { CLOSED_STAGES } from '../model/vocabulary.js';
import { deleteField, setField } from '../note/edit.js';
import { addCalendarDays, dayOfWeek, isCalendarDate } from './dates.js';

/**
 * Puts off a contact's next actions until `until` (`YYYY-MM-DD`) by writing
 * `snoozed_until: <until>` into the note (replacing one there): none of the
 * contact's own actions, the rules' suggestions and a hand-written `next`,
 * is due before that day, and one due earlier is due on it instead, with
 * the same words and letter. A booked meeting keeps its day, and the
 * Outcomes' dates stay theirs. The snooze ends when a step or a touch is
 * recorded (`advance`, `moveMeeting`, `logInteraction`, a letter sent),
 * which removes the field in the same edit, or with `unsnoozeContact`.
 * Only that line changes. Throws `InvalidInputError` for a day that is not
 * a real `YYYY-MM-DD`; whether it is after today is the caller's to check.
 *
 * @example
 * ```ts
 * import { snoozeContact, unsnoozeContact } from '@rapport/core';
 *
 * const text = '---\ntype: contact\nname: Owen Park\nstage: contacted\n---\n';
 * const snoozed = snoozeContact(text, '2026-12-09');
 * console.log(JSON.stringify(snoozed)); // → "---\ntype: contact\nname: Owen Park\nstage: contacted\nsnoozed_until: 2026-12-09\n---\n"
 * console.log(unsnoozeContact(snoozed) === text); // → true
 * ```
 */
export function snoozeContact(text: string, until: string): string {
  if (!isCalendarDate(until)) throw new InvalidInputError(`invalid date "${String(until)}" to snooze until (use YYYY-MM-DD)`);
  return setField(text, ['snoozed_until'], until);
}

/**
 * Ends a snooze: takes the `snoozed_until` line out of the note, so the
 * contact's actions are due when the rules say again. A note without one
 * is returned as it is.
 */
export function unsnoozeContact(text: string): string {
  return deleteField(text, ['snoozed_until']);
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/**
 * The day a snooze given in words ends, counted from `today`: a date
 * (`2026-12-09`), `tomorrow`, a count of days or weeks ahead (`+7d`, `+2w`,
 * `+3`: days), or a day of the week (`monday`, `mon`: the next one after
 * today, a week ahead on that same day). `undefined` for anything else, so
 * the caller can say what is understood.
 */
export function snoozeDay(input: string, today: string): string | undefined {
  const written = input.trim().toLowerCase();
  // Through `unknown`: the guard would narrow a string that is no date to `never`.
  if (isCalendarDate(written as unknown)) return written;
  if (written === 'tomorrow') return addCalendarDays(today, 1);
  const ahead = /^\+(\d{1,4})\s*(d|days?|w|weeks?)?$/.exec(written);
  if (ahead) return addCalendarDays(today, Number(ahead[1]) * (ahead[2]?.startsWith('w') ? 7 : 1));
  const weekday = written.length >= 3 ? WEEKDAYS.findIndex((day) => day.startsWith(written)) : -1;
  if (weekday === -1) return undefined;
  return addCalendarDays(today, ((weekday - dayOfWeek(today) + 6) % 7) + 1);
}

/**
 * Why a snooze is refused, in the words `rapport snooze` and VS Code's Snooze… both say, or
 * `undefined`: `day`, when given, is not after `today`, or `contact`, when given, is closed.
 * The day is checked first. Whether the words typed are a day at all (`snoozeDay`), each
 * front end says in its own terms.
 */
export function snoozeRefusal(asked: { readonly contact?: Pick<Contact, 'name' | 'stage'>; readonly day?: string; readonly today: string }): string | undefined {
  const { contact, day, today } = asked;
  // Not today: a snooze until today would only hide that something is overdue.
  if (day !== undefined && day <= today) return `${day} is not after today (${today}): a snooze puts actions off to a later day`;
  if (contact !== undefined && CLOSED_STAGES.includes(contact.stage)) return `${contact.name} is ${contact.stage}, and a closed contact has no next action to put off`;
  return undefined;
}
