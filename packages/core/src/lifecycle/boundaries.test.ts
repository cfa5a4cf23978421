import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { advance } from './advance.js';
import { addCalendarDays, isMeetingTime } from './dates.js';

/** Edges that survived mutation testing (docs/development.md): each value on both sides of its limit. */
describe('meeting times at their limits', () => {
  it('accepts 23:59:59 and refuses hour 24, minute 60 and second 60', () => {
    expect(isMeetingTime('2026-11-25T23:59')).toBe(true);
    expect(isMeetingTime('2026-11-25T23:59:59')).toBe(true);
    expect(isMeetingTime('2026-11-25T24:00')).toBe(false);
    expect(isMeetingTime('2026-11-25T08:60')).toBe(false);
    expect(isMeetingTime('2026-11-25T08:30:60')).toBe(false);
    expect(isMeetingTime('2026-02-30T08:30')).toBe(false);
    expect(isMeetingTime(20261125)).toBe(false);
  });
});

describe('meeting length when scheduling', () => {
  const text = noteText(contactFields());
  const schedule = (minutes: number) => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30', minutes } });

  it('takes 1 to 600 whole minutes', () => {
    expect(schedule(1)).toContain('minutes: 1\n');
    expect(schedule(600)).toContain('minutes: 600\n');
  });

  it('refuses 0, 601, a negative and a fraction', () => {
    for (const minutes of [0, 601, -30, 30.5]) expect(() => schedule(minutes), String(minutes)).toThrow(InvalidInputError);
    expect(() => schedule(601)).toThrow('invalid meeting length "601" (whole minutes)');
  });
});

describe('calendar days across years', () => {
  it('writes four-digit years, early ones padded', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
