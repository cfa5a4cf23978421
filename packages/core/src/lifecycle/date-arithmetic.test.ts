import { TZDate } from '@date-fns/tz';
import { addBusinessDays, addDays, differenceInCalendarDays, format, isValid, isWeekend, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { addCalendarDays, addWorkingDays, daysBetween, isCalendarDate, isWorkingDay, meetingStart, onWorkingDay, todayIn } from './dates.js';

/**
 * Day arithmetic counts days by hand (day numbers since 1970), remembered
 * per question for speed; these properties check the answers are those of
 * date-fns on `TZDate` midnights in 'UTC' (zone-aware, asking `Intl`), for
 * the same question asked again and after the memory fills.
 */

function utcMidnight(date: string): TZDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, 'UTC');
}
const reference = {
  isCalendarDate: (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value)),
  addCalendarDays: (date: string, days: number) => format(addDays(utcMidnight(date), days), 'yyyy-MM-dd'),
  addWorkingDays: (date: string, days: number) => format(addBusinessDays(utcMidnight(date), days), 'yyyy-MM-dd'),
  daysBetween: (from: string, to: string) => differenceInCalendarDays(utcMidnight(to), utcMidnight(from)),
};

const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** Real dates and impossible ones (day 0, 29–31 of short months, month 13). */
const dateText = fc
  .tuple(fc.oneof(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1990, max: 2040 }), fc.constantFrom(1900, 2000, 2024, 2100)), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([year, month, day]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
const realDate = dateText.filter((date) => reference.isCalendarDate(date) && date >= '1001' && date < '9998');

describe('day arithmetic', () => {
  it('recognises exactly the dates date-fns accepts', () => {
    fc.assert(fc.property(dateText, (date) => {
      expect(isCalendarDate(date)).toBe(reference.isCalendarDate(date));
    }), { numRuns: 5000 });
    for (const text of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0000-01-01', '0000-02-29', '2026-00-10', '2026-13-01', '2026-04-31', '2026-04-00', '2026-1-01', ' 2026-01-01', '2026-01-01T00:00']) {
      expect([text, isCalendarDate(text)]).toEqual([text, reference.isCalendarDate(text)]);
    }
  });

  it('adds calendar days as date-fns does', () => {
    fc.assert(fc.property(realDate, fc.integer({ min: -400, max: 400 }), (date, days) => {
      expect(addCalendarDays(date, days)).toBe(reference.addCalendarDays(date, days));
    }), { numRuns: 3000 });
  });

  it('writes a day before year 1 as date-fns did (1 BC is 0001), now that dates are formatted by hand', () => {
    expect(addCalendarDays('0001-01-01', -1)).toBe('0001-12-31');
    expect(addCalendarDays('0001-03-01', -366 - 365)).toBe('0002-03-01');
  });

  it('adds working days as date-fns does, from weekdays and weekends, forwards and back', () => {
    fc.assert(fc.property(realDate, fc.integer({ min: -30, max: 30 }), (date, days) => {
      expect(addWorkingDays(date, days)).toBe(reference.addWorkingDays(date, days));
    }), { numRuns: 3000 });
    // Every weekday start and every small amount, around a month end.
    for (let offset = 0; offset < 7; offset++) {
      const date = reference.addCalendarDays('2026-11-26', offset);
      for (let days = -11; days <= 11; days++) expect([date, days, addWorkingDays(date, days)]).toEqual([date, days, reference.addWorkingDays(date, days)]);
    }
  });

  it('tells a weekend as date-fns does, and skips days off as a count day by day with date-fns would', () => {
    fc.assert(fc.property(realDate, (date) => {
      expect(isWorkingDay(date)).toBe(!isWeekend(utcMidnight(date)));
    }), { numRuns: 3000 });
    // The reference: step a day at a time with date-fns, counting Monday to Friday less the days off.
    const holidays = ['12-25', '01-01', '02-29', '2026-11-26'];
    const off = (date: string) => isWeekend(utcMidnight(date)) || holidays.includes(date) || holidays.includes(date.slice(5));
    const counted = (date: string, days: number) => {
      let day = date;
      for (let left = Math.abs(days); left > 0; ) {
        day = reference.addCalendarDays(day, Math.sign(days));
        if (!off(day)) left--;
      }
      return day;
    };
    const nearest = (date: string, step: number) => {
      let day = date;
      while (off(day)) day = reference.addCalendarDays(day, step);
      return day;
    };
    fc.assert(fc.property(realDate, fc.integer({ min: -30, max: 30 }), (date, days) => {
      expect(addWorkingDays(date, days, holidays)).toBe(counted(date, days));
      expect(onWorkingDay(date, holidays, 'later')).toBe(nearest(date, 1));
      expect(onWorkingDay(date, holidays, 'earlier')).toBe(nearest(date, -1));
    }), { numRuns: 3000 });
    // Across the turn of a year, a leap day and a month end, by hand: Thursday 2026-12-31 + 1 skips New Year's Day (Friday) and the weekend.
    expect(addWorkingDays('2026-12-31', 1, holidays)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-04', -1, holidays)).toBe('2026-12-31');
    expect(onWorkingDay('2028-02-29', holidays, 'later')).toBe('2028-03-01');
    // A day off that is no day is refused, as a date that is none is.
    expect(() => addWorkingDays('2026-12-24', 1, ['12-32'])).toThrow(new InvalidInputError('not a day off: "12-32" (use MM-DD for every year, such as 12-25, or YYYY-MM-DD for one day)'));
    expect(() => onWorkingDay('2026-12-24', ['bogus'], 'later')).toThrow(InvalidInputError);
    // Every day of the year off (February 29 included): no working day to find, an error rather than an endless search.
    const everyDay = Array.from({ length: 366 }, (_, day) => reference.addCalendarDays('2028-01-01', day).slice(5));
    expect(() => addWorkingDays('2026-11-23', 1, everyDay)).toThrow(InvalidInputError);
    expect(() => onWorkingDay('2026-11-23', everyDay, 'later')).toThrow(InvalidInputError);
  });

  it('reads a meeting time written with Z or an offset at the instant date-fns reads it', () => {
    const offset = fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45), fc.boolean()).map(([sign, hours, minutes, colon]) => `${sign}${pad(hours, 2)}${colon ? ':' : ''}${pad(minutes, 2)}`));
    const seconds = fc.option(fc.integer({ min: 0, max: 59 }).map((value) => `:${pad(value, 2)}`), { nil: '' });
    fc.assert(fc.property(realDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), seconds, offset, (date, hours, minutes, second, zone) => {
      const at = `${date}T${pad(hours, 2)}:${pad(minutes, 2)}${second}${zone}`;
      expect([at, meetingStart(at, 'Asia/Tokyo').getTime()]).toEqual([at, parseISO(at).getTime()]);
    }), { numRuns: 3000 });
    // By hand: 09:30 at -05:00 is 14:30 UTC; across midnight backwards at +09:00.
    expect(meetingStart('2026-11-25T09:30-05:00', 'UTC').toISOString()).toBe('2026-11-25T14:30:00.000Z');
    expect(meetingStart('2026-11-25T08:30:15+0900', 'UTC').toISOString()).toBe('2026-11-24T23:30:15.000Z');
  });

  it('counts days between dates as date-fns does, and refuses an impossible date', () => {
    fc.assert(fc.property(dateText.filter((date) => date >= '1001'), dateText.filter((date) => date >= '1001'), (from, to) => {
      if (reference.isCalendarDate(from) && reference.isCalendarDate(to)) expect(daysBetween(from, to)).toBe(reference.daysBetween(from, to));
      else expect(() => daysBetween(from, to)).toThrow(InvalidInputError);
    }), { numRuns: 3000 });
  });

  it('gives the same today for the same instant and zone, and follows a change of either', () => {
    const now = new Date('2026-11-24T03:30:00Z');
    expect(todayIn('America/New_York', now)).toBe('2026-11-23');
    expect(todayIn('America/New_York', now)).toBe('2026-11-23');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-11-24');
    expect(todayIn('Europe/Berlin', new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
  });
});
