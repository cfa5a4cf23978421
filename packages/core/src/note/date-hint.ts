import { daysInMonth, isCalendarDate } from '../lifecycle/dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * What is wrong with a date written as `YYYY-MM-DD` that is not a calendar
 * date: "November 2026 has 30 days", "There is no month 13: months run from 01
 * to 12". `undefined` when `value` does not start with a date of that form,
 * or names a real day: then the form itself is the problem.
 */
export function impossibleDateHint(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?![\d-])/.exec(value) : null;
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return `There is no month ${match[2]}: months run from 01 to 12`;
  const days = daysInMonth(year, month);
  const name = `${MONTHS[month - 1]!} ${match[1]!}`;
  if (day < 1) return `Days run from 01: ${name} has days 01 to ${days}`;
  if (day <= days) return undefined;
  return month === 2 && days === 28 ? `${name} has 28 days (${match[1]!} is not a leap year)` : `${name} has ${days} days`;
}

/** A date written another common way (`2026/11/3`, `2026.11.03`, `2026-11-3`, quoted or not) as YYYY-MM-DD, when it is a real day. */
export function normalizedDate(written: string): string | undefined {
  const match = /^['"]?(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})['"]?$/.exec(written.trim());
  if (!match) return undefined;
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

/** The hint for a date that cannot be read: the part of the calendar it misses, else the day it most likely means, else `otherwise`. */
export function dateHint(value: unknown, otherwise: string): string {
  const meant = typeof value === 'string' ? normalizedDate(value) : undefined;
  return impossibleDateHint(value) ?? (meant ? `Write it as ${meant} (YYYY-MM-DD)` : otherwise);
}
