import { describe, expect, it } from 'vitest';
import { dateHint, normalizedDate } from './date-hint.js';

describe('a date written another way', () => {
  it('is read as the YYYY-MM-DD it most likely means, when that is a real day', () => {
    expect(normalizedDate('2026/11/3')).toBe('2026-11-03');
    expect(normalizedDate('"2026.11.03"')).toBe('2026-11-03');
    expect(normalizedDate('2026-12-9')).toBe('2026-12-09');
    expect(normalizedDate('2026-02-30')).toBeUndefined();
    expect(normalizedDate('next week')).toBeUndefined();
  });

  it('gets a hint naming that day, the calendar part it misses, or the form', () => {
    expect(dateHint('2026/12/9', 'Write dates as YYYY-MM-DD')).toBe('Write it as 2026-12-09 (YYYY-MM-DD)');
    expect(dateHint('2026-11-31', 'Write dates as YYYY-MM-DD')).toBe('November 2026 has 30 days');
    expect(dateHint('soon', 'Write dates as YYYY-MM-DD')).toBe('Write dates as YYYY-MM-DD');
    expect(dateHint(20261209, 'Write dates as YYYY-MM-DD')).toBe('Write dates as YYYY-MM-DD');
  });
});
