/** What Snooze… offers and says, as plain data (tested without VS Code). */
import { nextActions, type ActionContext, type Contact, type NextAction } from '@rapport/core';
import { dayOfWeek, snoozeDay, snoozeRefusal } from '@rapport/core/internal';

/** One choice of the Snooze… quick pick: a day, or `pick` for a day typed in. */
export interface SnoozeChoice {
  readonly label: string;
  readonly description?: string;
  readonly value: string | 'pick';
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** `2026-12-09` → `Wed 2026-12-09`: the weekday is what a snooze is chosen by. */
export function dayWithWeekday(day: string): string {
  return `${WEEKDAY_NAMES[dayOfWeek(day)]} ${day}`;
}

/** The days offered, counted from `today`: tomorrow, next Monday, in a week, in two weeks, then a day to type. */
export function snoozeChoices(today: string): SnoozeChoice[] {
  const offered: [string, string][] = [
    ['Tomorrow', snoozeDay('tomorrow', today)!],
    ['Next Monday', snoozeDay('monday', today)!],
    ['In a week', snoozeDay('+1w', today)!],
    ['In two weeks', snoozeDay('+2w', today)!],
  ];
  return [...offered.map(([label, day]) => ({ label, description: dayWithWeekday(day), value: day })), { label: 'Pick a date…', description: 'YYYY-MM-DD', value: 'pick' }];
}

/** Why `value` typed for Pick a date… is no day to snooze until, or `undefined` when it is one. */
export function snoozeDayProblem(value: string, today: string): string | undefined {
  const day = snoozeDay(value, today);
  if (day === undefined) return 'Write the day as YYYY-MM-DD (e.g. 2026-12-09), or +7d, or a weekday such as monday';
  return snoozeRefusal({ day, today });
}

/** The contact's actions a snooze can put off: its own dated ones, a meeting aside (it keeps its day; reschedule it to move it). */
export function snoozableActions(contact: Contact, context: ActionContext): NextAction[] {
  return nextActions(contact, context).filter((action) => action.due !== null && action.kind !== 'meet');
}

/** True when the note has a snooze to end: read, or written but not a date (ending it takes that line out too). */
export function isSnoozed(contact: Contact): boolean {
  return contact.snoozedUntil !== undefined || contact.fields.snoozed_until !== undefined;
}

/** What Snooze… says once written: the new day of what was due before it, with the day each was due. */
export function snoozedMessage(contact: Contact, until: string, context: ActionContext): string {
  const moved = nextActions({ ...contact, snoozedUntil: until }, context).filter((action) => action.snoozedFrom !== undefined);
  const head = `${contact.name}: snoozed until ${dayWithWeekday(until)}`;
  if (moved.length === 0) return `${head}; nothing of theirs was due before then, so no date moved.`;
  const actions = moved.map((action) => `${action.action} (was due ${action.snoozedFrom})`).join('; ');
  return `${head}: ${actions}. It ends when you record a step or a touch, or with Unsnooze.`;
}
