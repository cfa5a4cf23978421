import { isCalendarDate } from '@rapport/core';
import { normalizedDate } from '@rapport/core/internal';
import { UsageError } from './errors.js';

/** Refuses a date option that is not a real day, naming the option: with `--since` and `--today` both given, the user must know which. */
export function checkDateOptions(options: Readonly<Record<string, string | undefined>>): void {
  for (const [flag, value] of Object.entries(options)) {
    if (value !== undefined && !isCalendarDate(value)) throw new UsageError(invalidDate(flag, value));
  }
}

/** Why `value` given for `flag` is not a day: a date written right but not on the calendar says which part is wrong. */
export function invalidDate(flag: string, value: string): string {
  const written = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!written) {
    const meant = normalizedDate(value);
    return `invalid ${flag} "${value}" (use YYYY-MM-DD${meant ? `: ${flag} ${meant}` : ''})`;
  }
  const [year, month] = [Number(written[1]), Number(written[2])];
  if (month < 1 || month > 12) return `invalid ${flag} "${value}": there is no month ${written[2]} (use YYYY-MM-DD)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `invalid ${flag} "${value}": ${written[1]}-${written[2]} has ${days} days`;
}
