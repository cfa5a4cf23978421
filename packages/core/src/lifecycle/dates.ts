import { tzOffset } from '@date-fns/tz/tzOffset';
import { parseISO } from 'date-fns/parseISO';
import leven from 'leven';
import { InvalidInputError } from '../errors.js';
import { suggestionWords } from '../model/did-you-mean.js';
import { tableOffset, wallClockInstant, zoneOffsetsAround, type ZoneOffsetTable } from './zone-offsets.js';

/**
 * Dates in notes are calendar dates (`YYYY-MM-DD`) with no time zone; meeting
 * times are local date-times with an optional offset. Calendar arithmetic
 * counts whole days (see `epochDay`), so no daylight-saving change can shift
 * a day, and "today" is the date on the user's wall clock in their configured zone.
 */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MEETING_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-](\d{2}):?(\d{2}))?$/;
/** The widest offset any zone uses (Kiribati, +14:00). */
const MAX_OFFSET_HOURS = 14;

/** How many answers each remembered date function keeps before starting afresh. */
const REMEMBERED_ANSWERS = 50_000;

/**
 * The date questions of an index or agenda repeat across thousands of notes
 * (the same history dates, the same delays from the same days): each answer
 * is computed once and remembered, a bounded number of them.
 */
function remembered<Args extends readonly (string | number)[], Answer>(compute: (...args: Args) => Answer): (...args: Args) => Answer {
  const answers = new Map<string, Answer>();
  return (...args) => {
    const key = args.join('|');
    // Answers are never `undefined`, so one lookup tells a known answer.
    const known = answers.get(key);
    if (known !== undefined) return known;
    const answer = compute(...args);
    if (answers.size >= REMEMBERED_ANSWERS) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false;
  // By hand, not `isValid(parseISO(…))`: every date of every note is checked as a folder loads, and parseISO stood out in its profile.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month of the proleptic Gregorian calendar (year 0 is a leap year, as in date-fns). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for `YYYY-MM-DDTHH:mm[:ss][Z|±HH:mm]` naming a real moment. */
export function isMeetingTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = MEETING_TIME.exec(value);
  if (match === null || !isCalendarDate(match[1]) || Number(match[2]) >= 24 || Number(match[3]) >= 60 || Number(match[4] ?? 0) >= 60) return false;
  // Each part checked here is all that `isValid(parseISO(…))` would check, at a fraction of its cost (every meeting of every note is checked as a folder loads).
  const offsetMinutes = Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0);
  return Number(match[6] ?? 0) < 60 && offsetMinutes <= MAX_OFFSET_HOURS * 60;
}

/** Milliseconds in a calendar day (UTC has no daylight-saving days). */
const DAY_MS = 86_400_000;

/**
 * Calendar arithmetic counts days from 1970-01-01 on the proleptic
 * Gregorian calendar ("day numbers"), so that adding days is adding
 * numbers and the working-day searches step through days by adding one:
 * every due date of every contact is found this way, and a `Date` or a
 * string per day stepped stood out in a load's profile. The conversions
 * are Howard Hinnant's `days_from_civil` and `civil_from_days`. The date
 * must be valid `YYYY-MM-DD`.
 */
function epochDay(date: string): number {
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The `[year, month, day]` of a day number (see `epochDay`); year 0 is 1 BC. */
function civilOf(day: number): [year: number, month: number, day: number] {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1];
}

/**
 * The `YYYY-MM-DD` of a day number, as date-fns' `format(…, 'yyyy-MM-dd')`
 * wrote it before: a year before 1 as its number before Christ (1 BC is
 * 0001). Throws a `RangeError` for `NaN`, as `format` did for an Invalid Date.
 */
function writtenDay(day: number): string {
  if (Number.isNaN(day)) throw new RangeError('Invalid time value');
  const [year, month, date] = civilOf(day);
  return `${padded(year >= 1 ? year : 1 - year, 4)}-${padded(month)}-${padded(date)}`;
}

/** The day of the week of a day number, 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day of the week of a `YYYY-MM-DD` date, 0 Sunday … 6 Saturday. Throws `InvalidInputError` for a date that is not one. */
export function dayOfWeek(date: string): number {
  return weekdayOf(checkedEpochDay(date));
}

/** A number with leading zeros up to `digits`. */
function padded(value: number, digits = 2): string {
  return String(value).padStart(digits, '0');
}

/** Adds calendar days to a `YYYY-MM-DD` date (negative `days` go back). Throws `InvalidInputError` for a date or a count that is not one. */
export const addCalendarDays: (date: string, days: number) => string = remembered((date, days) => writtenDay(checkedEpochDay(date) + checkedDays(days)));

/**
 * Adds working days, as the 3B7 rule counts them: Monday to Friday, less
 * `holidays` (each `MM-DD`, every year, or `YYYY-MM-DD`, that day only).
 * Negative `days` go back. Throws `InvalidInputError` for a date or a count
 * that is not one.
 *
 * @example
 * ```ts
 * import { addWorkingDays } from '@rapport/core';
 *
 * console.log(addWorkingDays('2026-12-22', 3)); // → 2026-12-25
 * console.log(addWorkingDays('2026-12-22', 3, ['12-25', '01-01'])); // → 2026-12-28
 * ```
 */
export function addWorkingDays(date: string, days: number, holidays: readonly string[] = []): string {
  return addWorkingDaysOff(date, days, holidays.length === 0 ? '' : holidays.join(' '));
}

/** `addWorkingDays` with days off, written as one string (space-separated) so that an answer can be remembered: every contact asks. */
const addWorkingDaysOff = remembered((date: string, days: number, daysOff: string) => {
  const off = daysOffOf(daysOff);
  let day = checkedEpochDay(date);
  let left = checkedDays(days);
  const step = left < 0 ? -1 : 1;
  for (let idle = 0; left !== 0; ) {
    day += step;
    if (isWorkingEpochDay(day, off)) {
      left -= step;
      idle = 0;
    } else if (++idle > YEAR_DAYS) throw noWorkingDay(off.count);
  }
  return writtenDay(day);
});

/**
 * A day off as `rules.holidays` writes it: `MM-DD` (a day of any year,
 * February 29 included) or a real `YYYY-MM-DD`.
 */
export function isHoliday(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (isCalendarDate(value)) return true;
  return /^\d{2}-\d{2}$/.test(value) && isCalendarDate(`2028-${value}`);
}

/** Days off joined by spaces (as the remembered answers take them), each checked. */
function checkedHolidays(daysOff: string): string[] {
  const holidays = daysOff === '' ? [] : daysOff.split(' ');
  const wrong = holidays.find((holiday) => !isHoliday(holiday));
  if (wrong !== undefined) throw new InvalidInputError(`not a day off: ${JSON.stringify(wrong)} (use MM-DD for every year, such as 12-25, or YYYY-MM-DD for one day)`);
  return holidays;
}

/** Days off as the working-day searches test them: `MM-DD` as `month * 100 + day`, a `YYYY-MM-DD` as its `epochDay`. */
interface DaysOff {
  readonly yearly: ReadonlySet<number>;
  readonly once: ReadonlySet<number>;
  readonly count: number;
}

const daysOffByText = new Map<string, DaysOff>();

/** The checked days off of a `daysOff` string, built once per string (a folder has one). */
function daysOffOf(daysOff: string): DaysOff {
  let off = daysOffByText.get(daysOff);
  if (off === undefined) {
    const holidays = checkedHolidays(daysOff);
    const yearly = new Set<number>();
    const once = new Set<number>();
    for (const holiday of holidays) {
      if (holiday.length === 5) yearly.add(Number(holiday.slice(0, 2)) * 100 + Number(holiday.slice(3)));
      else once.add(epochDay(holiday));
    }
    off = { yearly, once, count: holidays.length };
    if (daysOffByText.size >= REMEMBERED_ANSWERS) daysOffByText.clear();
    daysOffByText.set(daysOff, off);
  }
  return off;
}

/** More days than a year has: a search for a working day that goes this far will never find one. */
const YEAR_DAYS = 366;

function noWorkingDay(holidays: number): InvalidInputError {
  return new InvalidInputError(`no working day in a year: the ${holidays} holidays and the weekends leave none`);
}

/** True for a Monday to Friday that is none of `holidays` (`MM-DD` or `YYYY-MM-DD`); the one rule the working-day searches step by. Throws `InvalidInputError` for a date or a day off that is not one. */
export function isWorkingDay(date: string, holidays: readonly string[] = []): boolean {
  return isWorkingEpochDay(checkedEpochDay(date), daysOffOf(holidays.join(' ')));
}

/** `isWorkingDay` of a day number, against days off already read. */
function isWorkingEpochDay(day: number, off: DaysOff): boolean {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6 || off.once.has(day)) return false;
  const [, month, date] = civilOf(day);
  return !off.yearly.has(month * 100 + date);
}

/** `date` when it is a working day, else the nearest one after it (`'later'`) or before it (`'earlier'`). */
export function onWorkingDay(date: string, holidays: readonly string[], direction: 'earlier' | 'later'): string {
  return onWorkingDayRemembered(date, holidays.join(' '), direction);
}

const onWorkingDayRemembered = remembered((date: string, daysOff: string, direction: string) => {
  const off = daysOffOf(daysOff);
  let day = checkedEpochDay(date);
  const step = direction === 'later' ? 1 : -1;
  for (let idle = 0; !isWorkingEpochDay(day, off); idle++) {
    if (idle > YEAR_DAYS) throw noWorkingDay(off.count);
    day += step;
  }
  return writtenDay(day);
});

/** Whole days from `from` to `to` (negative when `to` is earlier). Throws `InvalidInputError` for a date that is not one. */
export const daysBetween: (from: string, to: string) => number = remembered((from, to) => checkedEpochDay(to) - checkedEpochDay(from));

function checkedDate(date: string): string {
  if (!isCalendarDate(date)) throw new InvalidInputError(`not a calendar date: ${JSON.stringify(date)} (use YYYY-MM-DD, such as 2026-11-23)`);
  return date;
}

/** The day number of a date the caller gave: checked where an answer is computed, not on every remembered one. */
function checkedEpochDay(date: string): number {
  return epochDay(checkedDate(date));
}

function checkedDays(days: number): number {
  if (!Number.isSafeInteger(days)) throw new InvalidInputError(`not a whole number of days: ${String(days)}`);
  return days;
}

/** The last `todayIn` answer: an agenda asks for the same day once per contact. */
let lastToday: { timeZone: string; time: number; date: string } | undefined;

/**
 * The calendar date at `now` on a wall clock in `timeZone` (an IANA name).
 * Throws `InvalidInputError` for a zone the runtime does not know or a `now` that is an Invalid Date.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const time = assertValidNow(now);
  if (lastToday?.timeZone === timeZone && lastToday.time === time) return lastToday.date;
  const date = writtenDay(Math.floor((time + offsetsIn(timeZone)(time)) / DAY_MS));
  lastToday = { timeZone, time, date };
  return date;
}

/**
 * The current instant given by a caller, in ms; an Invalid Date (`new Date('nope')`)
 * is refused, as every date computed from it would be `NaN`.
 */
export function assertValidNow(now: Date): number {
  const time = now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new InvalidInputError(`\`now\` is not a valid date (got ${now instanceof Date ? 'an Invalid Date' : String(now)}): pass a Date such as new Date() or new Date('2026-11-23T12:00:00Z')`);
  return time;
}

/**
 * Refuses a time zone the runtime does not know (an `InvalidInputError`
 * naming it), for callers whose work may not otherwise reach the zone.
 */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw unknownTimeZone(timeZone);
}

function unknownTimeZone(timeZone: unknown): InvalidInputError {
  return new InvalidInputError(`unknown time zone ${JSON.stringify(timeZone)} (use an IANA name such as America/New_York, Europe/Paris or UTC)`);
}

/** The instant a meeting starts; a time without offset is read in `timeZone`. */
export function meetingStart(at: string, timeZone: string): Date {
  return new Date(meetingOnClock(at, timeZone).instant);
}

/** The calendar date of a meeting as the person keeping the notes sees it. */
export function meetingDate(at: string, timeZone: string): string {
  return meetingOnClock(at, timeZone).date;
}

/** Local wall-clock `HH:mm` of a meeting in `timeZone`. */
export function meetingClock(at: string, timeZone: string): string {
  return meetingOnClock(at, timeZone).clock;
}

/**
 * When a meeting time written without an offset falls in the hour the zone
 * skips (the night clocks go forward), the clock time it is read as — an hour
 * or so later; `undefined` for any other time. What a tool warns of, or
 * refuses, before recording such a time.
 *
 * ```ts
 * skippedMeetingTime('2027-03-14T02:30', 'America/New_York'); // → '03:30'
 * skippedMeetingTime('2027-03-14T09:00', 'America/New_York'); // → undefined
 * ```
 */
export function skippedMeetingTime(at: string, timeZone: string): string | undefined {
  const wall = wallClockTime(at);
  if (!wall) return undefined;
  const clock = meetingClock(at, timeZone);
  return clock === `${wall[2]}:${wall[3]}` ? undefined : clock;
}

/**
 * A meeting time written without an offset, read as that wall-clock time in
 * `timeZone` (the other person's, say), and written with that zone's offset on
 * that day: what `--zone` turns `--at` into. Where the clocks go back, the
 * first of the two times; a time the zone skips throws `InvalidInputError`.
 *
 * ```ts
 * atInZone('2026-12-09T09:00', 'America/New_York'); // → '2026-12-09T09:00-05:00'
 * atInZone('2027-07-14T09:00', 'America/New_York'); // → '2027-07-14T09:00-04:00'
 * ```
 */
export function atInZone(at: string, timeZone: string): string {
  assertTimeZone(timeZone);
  if (!wallClockTime(at)) throw new InvalidInputError(`"${at}" is not a time without an offset (YYYY-MM-DDTHH:mm): a time with a zone takes no offset`);
  const skipped = skippedMeetingTime(at, timeZone);
  if (skipped !== undefined) throw new InvalidInputError(`${at.slice(11, 16)} does not exist in ${timeZone} on ${at.slice(0, 10)}: the clocks go forward then (${skipped} is the same instant)`);
  return `${at}${writtenOffset(Math.round((Date.parse(`${at}Z`) - meetingStart(at, timeZone).getTime()) / 60_000))}`;
}

/** An offset from UTC in minutes as a meeting time writes it: `-05:00`, `+05:30`, `+00:00`. */
function writtenOffset(minutes: number): string {
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${padded(Math.floor(size / 60))}:${padded(size % 60)}`;
}

/**
 * When a meeting starts, on the clock of `timeZone` and with that zone's
 * offset then, as exports write it: one unambiguous time for a spreadsheet
 * or a script (`2026-11-25T12:30-05:00`), whether the note wrote it without
 * an offset or in the other person's. Throws `InvalidInputError` for a meeting time
 * that is not one or a zone the runtime does not know.
 */
export function meetingStartInZone(at: string, timeZone: string): string {
  const { instant, date, clock } = meetingOnClock(at, timeZone);
  return `${date}T${clock}${writtenOffset(Math.round(offsetsIn(timeZone)(instant) / 60_000))}`;
}

/**
 * A new meeting time written the way the one it replaces was: given without an offset where
 * `bookedAt` has one, it is read in the zone `bookedAt` was written in (see `zoneWrittenIn`) and
 * takes that zone's offset on its own day, so a note keeps one way of writing its times. That is
 * `theirZone` (the contact's own, a note's `timezone`) when the booked offset is theirs, else
 * `timeZone` (the folder's): a move across a daylight-saving change gets the new offset
 * (`2027-07-14T09:00` → `2027-07-14T09:00-04:00` in America/New_York, though booked at `-05:00`),
 * and a contact in Bogotá, booked at `-05:00`, keeps `-05:00` in July. A time given with an offset,
 * or replacing one without, is written as given. A time the zone skips is written as the time it
 * is read as (`02:30` → `03:30-04:00`).
 */
export function meetingTimeLike(at: string, bookedAt: string, timeZone: string, theirZone?: string): string {
  if (!wallClockTime(at) || wallClockTime(bookedAt)) return at;
  const zone = zoneWrittenIn(bookedAt, timeZone, theirZone) ?? timeZone;
  return skippedMeetingTime(at, zone) === undefined ? atInZone(at, zone) : meetingStartInZone(at, zone);
}

/**
 * The zone a meeting time was written in, as far as it can be told: `timeZone` (the folder's) for
 * a time without an offset, which is read there; for one with an offset, `theirZone` (the contact's
 * own, when known) when that is its offset then, else `timeZone` when it is, else `undefined`
 * (someone else's offset, zone unknown). `2026-12-01T09:00-05:00` fits both America/New_York and
 * America/Bogota: the contact's zone, when given, is taken to be the one meant.
 */
export function zoneWrittenIn(bookedAt: string, timeZone: string, theirZone?: string): string | undefined {
  if (wallClockTime(bookedAt)) return timeZone;
  if (theirZone !== undefined && isTimeZone(theirZone) && writtenInZone(bookedAt, theirZone)) return theirZone;
  return writtenInZone(bookedAt, timeZone) ? timeZone : undefined;
}

/** True when a time with an offset says the day and clock it is in `timeZone`: the offset is the zone's then. */
function writtenInZone(at: string, timeZone: string): boolean {
  const { date, clock } = meetingOnClock(at, timeZone);
  return date === at.slice(0, 10) && clock === at.slice(11, 16);
}

/**
 * A meeting time as Rapport shows it to people (the agenda, the CLI): its day and its clock in
 * `timeZone`, `2026-12-01 09:00`, and for a time booked at another offset (the other person's),
 * their clock after it, as the agenda says it: `2026-12-01 14:00 (09:00 their time)`. Without a
 * zone, the day and clock as written, with the offset when there is one.
 */
export function readableMeetingTime(at: string, timeZone?: string): string {
  if (timeZone === undefined) return at.replace('T', ' ');
  const { date, clock } = meetingOnClock(at, timeZone);
  const written = offsetClock(at);
  return `${date} ${clock}${written !== undefined && written !== clock ? ` (${written} their time)` : ''}`;
}

/**
 * The clock time written in a meeting time booked with a numeric offset (the other person's
 * time, `HH:mm`); `undefined` for one without an offset, or in UTC (`Z`), which names nobody's.
 */
export function offsetClock(at: string): string | undefined {
  const match = MEETING_TIME.exec(at);
  return match?.[5] === undefined ? undefined : `${match[2]}:${match[3]}`;
}

/** The parts of a meeting time written without an offset (date, hours, minutes, seconds); `undefined` for one with an offset (`Z` included), which says its instant itself. */
export function wallClockTime(at: string): RegExpExecArray | undefined {
  const match = MEETING_TIME.exec(at);
  // `Z` is an offset too (UTC), though the pattern captures only numeric ones.
  return !match || match[5] || at.endsWith('Z') ? undefined : match;
}

/**
 * A meeting's instant, and its date and time on the wall clock in `timeZone`.
 * A time without offset that the zone skips (clocks going forward) is read
 * with the offset before the change; one it has twice is the first of the two.
 */
const meetingOnClock = remembered((at: string, timeZone: string): { readonly instant: number; readonly date: string; readonly clock: string } => {
  const match = wallClockTime(at);
  const offsetAt = offsetsIn(timeZone);
  let instant: number;
  if (!match) {
    instant = offsetInstant(at);
    if (Number.isNaN(instant)) throw new InvalidInputError(`invalid meeting time ${JSON.stringify(at)} (use YYYY-MM-DDTHH:mm, with an offset such as -05:00 if any)`);
  } else {
    const wall = epochDay(match[1]!) * DAY_MS + ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
    instant = wallClockInstant(wall, offsetAt);
  }
  const onClock = instant + offsetAt(instant);
  const day = Math.floor(onClock / DAY_MS);
  const minutes = Math.floor((onClock - day * DAY_MS) / 60_000);
  return { instant, date: writtenDay(day), clock: `${padded(Math.floor(minutes / 60))}:${padded(minutes % 60)}` };
});

/** A meeting time written with `Z` or an offset (`2026-11-23T10:00:00-05:00`). */
const OFFSET_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/** The instant of a meeting time with an offset, in ms; `NaN` when it names none. The forms notes use by hand, any other through `parseISO`. */
function offsetInstant(at: string): number {
  const match = OFFSET_TIME.exec(at);
  if (!match || !isCalendarDate(match[1]) || Number(match[2]) >= 24 || Number(match[3]) >= 60 || Number(match[4] ?? 0) >= 60 || Number(match[7] ?? 0) >= 60) return parseISO(at).getTime();
  const offset = (match[5] === '-' ? -1 : 1) * (Number(match[6] ?? 0) * 60 + Number(match[7] ?? 0));
  return epochDay(match[1]!) * DAY_MS + ((Number(match[2]) * 60 + Number(match[3]) - offset) * 60 + Number(match[4] ?? 0)) * 1000;
}

/** Tables of the zones asked about, by name. */
const zoneTables = new Map<string, ZoneOffsetTable>();
/** A table is made afresh once the current time is this close to its end (or before its start). */
const TABLE_MARGIN_MS = 366 * 86_400_000;

/**
 * The offsets of `timeZone` kept for lookups: a remembered table covering the
 * current year, else one read from `Intl` now (the years around this one).
 * Throws `InvalidInputError` for a zone the runtime does not know.
 */
export function zoneOffsets(timeZone: string): ZoneOffsetTable {
  const now = Date.now();
  const kept = zoneTables.get(timeZone);
  if (kept && now >= kept.from + TABLE_MARGIN_MS && now < kept.to - TABLE_MARGIN_MS) return kept;
  if (typeof timeZone !== 'string' || Number.isNaN(tzOffset(timeZone, new Date(now)))) throw unknownTimeZone(timeZone);
  const table = zoneOffsetsAround(timeZone, now);
  zoneTables.set(timeZone, table);
  return table;
}

/** Keeps a table read back from a cache, so that its zone's offsets need no `Intl`. */
export function rememberZoneOffsets(table: ZoneOffsetTable): void {
  zoneTables.set(table.zone, table);
}

/** The offsets of `timeZone` in ms, by instant: from its table (found once), or from `Intl` outside the table's years. */
function offsetsIn(timeZone: string): (time: number) => number {
  const table = zoneOffsets(timeZone);
  return (time) => {
    const minutes = tableOffset(table, time) ?? tzOffset(timeZone, new Date(time));
    if (Number.isNaN(minutes)) throw new RangeError('Invalid time value');
    return Math.round(minutes * 60_000);
  };
}

/** The runtime's canonical zone names, listed once. */
let canonicalZones: ReadonlySet<string> | undefined;

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  // A table was made for a zone the runtime knows (or read back from a cache that made one).
  if (zoneTables.has(timeZone)) return true;
  // The list answers for canonical names without setting up date formatting (about 10 ms at a start);
  // other names the runtime accepts (aliases such as Asia/Calcutta) are asked of a formatter.
  if (canonicalTimeZones().has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function canonicalTimeZones(): ReadonlySet<string> {
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return canonicalZones;
}

/** Zone names that are abbreviations (EST, CET, PST8PDT, NZ, BST), not places: valid, but seldom what someone means. */
const ZONE_ABBREVIATION = /^[A-Z]{2,5}(?:\d[A-Z]{3,4})?$/;
/** Abbreviations that mean what they say: no daylight saving is expected of them. */
const UNIVERSAL_ZONES: readonly string[] = ['UTC', 'UCT', 'GMT'];

/** Whether a valid zone name is an abbreviation rather than a place (`EST`, `BST`; `UTC` and `GMT` mean what they say). */
export function isZoneAbbreviation(zone: string): boolean {
  return ZONE_ABBREVIATION.test(zone) && !UNIVERSAL_ZONES.includes(zone);
}

/** What is wrong with a zone named by its abbreviation, for a warning. */
export function zoneAbbreviationWords(zone: string): string {
  return `\`${zone}\` is an abbreviation, not a place: it keeps the offset or daylight-saving rules tzdata gives it (EST is UTC-05:00 even in summer, BST is Bangladesh Standard Time), which may not be those of the place you mean`;
}

/** " (did you mean America/Bogota?)" for a time zone written wrong, with the closest names (`closestTimeZones`); "" when none is close or it is no text. */
export function timeZoneSuggestion(written: unknown): string {
  return typeof written === 'string' ? suggestionWords(closestTimeZones(written)) : '';
}

/**
 * The zones a name that is none most likely meant (at most three, the
 * nearest): those a few letters from it, case and spaces forgiven
 * (`america/bogata`, `America/Sao Paulo`), or, for a name without a `/`,
 * those whose place is (`Bogota` → America/Bogota). None when no zone is near.
 *
 * @example
 * closestTimeZones('America/Bogata'); // → ['America/Bogota']
 * closestTimeZones('EST5'); // → []
 */
export function closestTimeZones(written: string): string[] {
  const wanted = written.trim().replace(/ +/g, '_').toLowerCase();
  const place = !wanted.includes('/');
  // A fifth of the name (at least one letter): `America/Bogata` is one letter off, `EST5` is no zone's name.
  let nearest = Math.max(1, Math.floor(wanted.length / 5));
  let found: string[] = [];
  for (const zone of canonicalTimeZones()) {
    const name = zone.toLowerCase();
    const edits = leven(wanted, place ? name.slice(name.lastIndexOf('/') + 1) : name);
    if (edits < nearest) found = [];
    if (edits <= nearest) {
      nearest = edits;
      found.push(zone);
    }
  }
  return found.slice(0, 3);
}

/** The zone of the machine, used when the config names none. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
