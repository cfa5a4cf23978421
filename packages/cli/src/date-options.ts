import { isCalendarDate } from '@rapport/core';
import { UsageError } from './errors.js';

/** Refuses a date option that is not a real day, naming the option: with `--since` and `--today` both given, the user must know which. */
export function checkDateOptions(options: Readonly<Record<string, string | undefined>>): void {
  for (const [flag, value] of Object.entries(options)) {
    if (value !== undefined && !isCalendarDate(value)) throw new UsageError(`invalid ${flag} "${value}" (use YYYY-MM-DD)`);
  }
}
