import { daysInMonth } from '../lifecycle/dates.js';

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
