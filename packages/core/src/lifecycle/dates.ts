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
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
  // Same answer as date-fns' `isValid(parseISO(value))`, without its parser: indexing checks every history date.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` from year 1000 on (what `utcMidnight` reads,
 * out-of-range days rolling over the same way), or `undefined` for anything else.
 */
function epochDay(date: string): number | undefined {
  if (!CALENDAR_DATE.test(date) || date < '1000') return undefined;
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The `YYYY-MM-DD` of a day number, or `undefined` outside years 1000–9999 (left to date-fns). */
function dayDate(day: number): string | undefined {
  const text = new Date(day * DAY_MS).toISOString();
  return text.length === 24 && text >= '1000' ? text.slice(0, 10) : undefined;
}

/** Sunday 0 … Saturday 6; 1970-01-01 was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekendDay(day: number): boolean {
  const dayOfWeek = weekday(day);
  return dayOfWeek === 0 || dayOfWeek === 6;
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

/** `format(date, 'yyyy-MM-dd')` without its token parser (most of a meeting day's cost); years before 1 and invalid dates go to date-fns. */
function calendarDate(date: Date): string {
  const year = date.getFullYear();
  if (!(year >= 1)) return format(date, 'yyyy-MM-dd');
  return `${String(year).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

// The day arithmetic below is integer arithmetic on day numbers; it gives what date-fns gives on
// UTC midnights (pinned by a test against date-fns) at a fraction of the cost, since every agenda
// line needs one or two of these. Anything outside plain dates and whole days goes to date-fns.

export function addCalendarDays(date: string, days: number): string {
  const start = epochDay(date);
  const result = start === undefined || !Number.isInteger(days) ? undefined : dayDate(start + days);
  return result ?? calendarDate(addDays(utcMidnight(date), days));
}

/** Adds Monday–Friday days, as the 3B7 rule counts them (and as date-fns' `addBusinessDays` does, weekend starts included). */
export function addWorkingDays(date: string, days: number): string {
  const start = epochDay(date);
  const result = start === undefined || !Number.isInteger(days) ? undefined : dayDate(addBusinessDayNumbers(start, days));
  return result ?? calendarDate(addBusinessDays(utcMidnight(date), days));
}

function addBusinessDayNumbers(start: number, amount: number): number {
  const sign = amount < 0 ? -1 : 1;
  let day = start + Math.trunc(amount / 5) * 7;
  for (let rest = Math.abs(amount % 5); rest > 0; ) {
    day += sign;
    if (!isWeekendDay(day)) rest--;
  }
  if (isWeekendDay(start) && isWeekendDay(day) && amount !== 0) {
    if (weekday(day) === 6) day += sign < 0 ? 2 : -1;
    if (weekday(day) === 0) day += sign < 0 ? 1 : -2;
  }
  return day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const start = epochDay(from);
  const end = epochDay(to);
  if (start !== undefined && end !== undefined) return end - start;
  return differenceInCalendarDays(utcMidnight(to), utcMidnight(from));
}

/** The last `todayIn` answer: an agenda asks for the same day once per contact. */
let lastToday: { timeZone: string; time: number; date: string } | undefined;

/** The calendar date at `now` on a wall clock in `timeZone` (an IANA name). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const time = now.getTime();
  if (lastToday?.timeZone === timeZone && lastToday.time === time) return lastToday.date;
  const date = calendarDate(new TZDate(time, timeZone));
  lastToday = { timeZone, time, date };
  return date;
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
