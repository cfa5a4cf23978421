import { TZDate } from '@date-fns/tz';
import { addBusinessDays, addDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

/**
 * Dates in notes are calendar dates (`YYYY-MM-DD`) with no time zone; meeting
 * times are local date-times with an optional offset. Calendar arithmetic is
 * done on UTC midnights so no daylight-saving change can shift a day, and
 * "today" is the date on the user's wall clock in their configured zone.
 */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MEETING_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isValid(parseISO(value));
}

/** True for `YYYY-MM-DDTHH:mm[:ss][Z|±HH:mm]` naming a real moment. */
export function isMeetingTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = MEETING_TIME.exec(value);
  return match !== null && isCalendarDate(match[1]) && Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4] ?? 0) < 60 && isValid(parseISO(value));
}

function utcMidnight(date: string): TZDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, 'UTC');
}

function calendarDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function addCalendarDays(date: string, days: number): string {
  return calendarDate(addDays(utcMidnight(date), days));
}

/** Adds Monday–Friday days, as the 3B7 rule counts them. */
export function addWorkingDays(date: string, days: number): string {
  return calendarDate(addBusinessDays(utcMidnight(date), days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(utcMidnight(to), utcMidnight(from));
}

/** The calendar date at `now` on a wall clock in `timeZone` (an IANA name). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return calendarDate(new TZDate(now.getTime(), timeZone));
}

/** The instant a meeting starts; a time without offset is read in `timeZone`. */
export function meetingStart(at: string, timeZone: string): Date {
  const match = MEETING_TIME.exec(at);
  if (!match || match[5]) return parseISO(at);
  const [year, month, day] = match[1]!.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, Number(match[2]), Number(match[3]), Number(match[4] ?? 0), timeZone);
}

/** The calendar date of a meeting as the person keeping the notes sees it. */
export function meetingDate(at: string, timeZone: string): string {
  return calendarDate(new TZDate(meetingStart(at, timeZone).getTime(), timeZone));
}

/** Local wall-clock `HH:mm` of a meeting in `timeZone`. */
export function meetingClock(at: string, timeZone: string): string {
  return format(new TZDate(meetingStart(at, timeZone).getTime(), timeZone), 'HH:mm');
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone of the machine, used when the config names none. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
