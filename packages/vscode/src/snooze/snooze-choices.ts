/** What Snooze… offers and says, as plain data (tested without VS Code). */
import { nextActions, type ActionContext, type Contact, type NextAction } from '@rapport/core';
import { dayOfWeek, snoozeDay, snoozeRefusal, spokenDate } from '@rapport/core/internal';

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

/**
 * How a row says that a snooze put its action off: "snoozed until Mon 2026-12-14", in place of the due
 * date, in the Agenda and the Contacts view alike. `undefined` when no snooze moved it, and once its
 * day has come: it is then due like any other.
 */
export function snoozedUntil(action: { readonly due: string | null; readonly snoozedFrom?: string | undefined }, today: string): string | undefined {
  return action.snoozedFrom !== undefined && action.due !== null && action.due > today ? `snoozed until ${dayWithWeekday(action.due)}` : undefined;
}

/** The tooltip's line under a row a snooze put off. */
export const SNOOZE_ENDS = 'The snooze ends when you record a step or a touch, or with Unsnooze';

/**
 * The days offered, counted from `today`: tomorrow, next Monday, in a week, in two weeks, then a
 * day to type. Words that fall on the same day are one choice naming both, so no day is offered
 * twice: on a Monday "Next Monday, in a week", on a Sunday "Tomorrow, next Monday".
 */
export function snoozeChoices(today: string): SnoozeChoice[] {
  const offered: [string, string][] = [
    ['Tomorrow', snoozeDay('tomorrow', today)!],
    ['Next Monday', snoozeDay('monday', today)!],
    ['In a week', snoozeDay('+1w', today)!],
    ['In two weeks', snoozeDay('+2w', today)!],
  ];
  const days: SnoozeChoice[] = [];
  for (const [label, day] of offered) {
    const previous = days.at(-1);
    // Offered in order of their days, so a day said twice is the one just before.
    if (previous?.value === day) days[days.length - 1] = { ...previous, label: `${previous.label}, ${label.charAt(0).toLowerCase()}${label.slice(1)}` };
    else days.push({ label, description: dayWithWeekday(day), value: day });
  }
  return [...days, { label: 'Pick a date…', description: 'YYYY-MM-DD', value: 'pick' }];
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

/**
 * What Snooze… says once written, short enough for a notification: who, and until when. Which
 * actions moved, from which day, the agenda's rows say (see `entryView`).
 */
export function snoozedMessage(contact: Contact, until: string, context: ActionContext, today: string): string {
  // The year is said only when it is not this one.
  const snoozed = `Snoozed ${contact.name} until ${spokenDate(until, today, 'weekday')}`;
  const moved = nextActions({ ...contact, snoozedUntil: until }, context).some((action) => action.snoozedFrom !== undefined);
  return moved ? `${snoozed}.` : `${snoozed}: nothing of theirs was due before then.`;
}

/** What Unsnooze says once written, in the few words of Snooze…'s message. */
export function unsnoozedMessage(contact: Contact): string {
  return `Unsnoozed ${contact.name}: their actions are due again as the rules say.`;
}
