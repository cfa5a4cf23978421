import { tzOffset } from '@date-fns/tz/tzOffset';
import { describe, expect, it } from 'vitest';
import { meetingClock, meetingDate, meetingStart, todayIn } from './dates.js';
import { asZoneOffsetTable, scanZoneOffsets, tableOffset, wallClockInstant } from './zone-offsets.js';

const at = (iso: string) => Date.parse(iso);

describe('scanZoneOffsets', () => {
  it('finds the two daylight-saving changes of New York in 2026, to the millisecond', () => {
    const table = scanZoneOffsets('America/New_York', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(table.changes.map((change) => new Date(change).toISOString())).toEqual(['2026-03-08T07:00:00.000Z', '2026-11-01T06:00:00.000Z']);
    expect(table.offsets).toEqual([-300, -240, -300]);
  });

  it('finds a half-hour change (Lord Howe Island) and a zone without changes (India)', () => {
    const lordHowe = scanZoneOffsets('Australia/Lord_Howe', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(lordHowe.changes.map((change) => new Date(change).toISOString())).toEqual(['2026-04-04T15:00:00.000Z', '2026-10-03T15:30:00.000Z']);
    expect(lordHowe.offsets).toEqual([660, 630, 660]);
    expect(scanZoneOffsets('Asia/Kolkata', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toMatchObject({ changes: [], offsets: [330] });
  });

  it('gives the offset Intl gives, in every zone the runtime knows, at the changes and between them', () => {
    const from = at('2022-01-01T00:00:00Z');
    const to = at('2030-01-01T00:00:00Z');
    const mismatches: string[] = [];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const table = scanZoneOffsets(zone, from, to);
      const probes = [from, to - 1, ...table.changes.flatMap((change) => [change - 1, change])];
      for (let instant = from + 3_600_000; instant < to; instant += 97 * 3_600_000) probes.push(instant);
      for (const instant of probes) {
        if (tableOffset(table, instant) !== tzOffset(zone, new Date(instant))) mismatches.push(`${zone} ${new Date(instant).toISOString()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('tableOffset', () => {
  it('answers only inside the span', () => {
    const table = { zone: 'Test/Zone', from: 1000, to: 5000, changes: [2000, 3000], offsets: [60, 120, 60] };
    expect([999, 1000, 1999, 2000, 2999, 3000, 4999, 5000].map((instant) => tableOffset(table, instant))).toEqual([undefined, 60, 60, 120, 120, 60, 60, undefined]);
  });
});

describe('wallClockInstant', () => {
  const newYork = scanZoneOffsets('America/New_York', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
  const offsetAt = (instant: number) => tableOffset(newYork, instant)! * 60_000;

  it('reads an ordinary time with the offset of that day', () => {
    expect(new Date(wallClockInstant(at('2026-07-14T09:15:00Z'), offsetAt)).toISOString()).toBe('2026-07-14T13:15:00.000Z');
    expect(new Date(wallClockInstant(at('2026-12-01T09:15:00Z'), offsetAt)).toISOString()).toBe('2026-12-01T14:15:00.000Z');
  });

  it('reads a time skipped when clocks go forward with the offset before, and a time had twice as the first', () => {
    expect(new Date(wallClockInstant(at('2026-03-08T02:30:00Z'), offsetAt)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(new Date(wallClockInstant(at('2026-11-01T01:30:00Z'), offsetAt)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(wallClockInstant(at('2026-11-01T02:30:00Z'), offsetAt)).toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });
});

describe('meeting times and today, through the tables', () => {
  it('places meetings on the days clocks change', () => {
    expect(meetingStart('2026-03-08T02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(meetingClock('2026-03-08T02:30', 'America/New_York')).toBe('03:30');
    expect(meetingStart('2026-11-01T01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(meetingClock('2026-11-01T01:30', 'America/New_York')).toBe('01:30');
    expect(meetingDate('2026-11-02T02:00:00Z', 'America/New_York')).toBe('2026-11-01');
    expect(meetingClock('2026-11-02T02:00:00Z', 'America/New_York')).toBe('21:00');
  });

  it('reads years outside any table from Intl', () => {
    expect(meetingStart('1995-06-01T10:00', 'Europe/Berlin').toISOString()).toBe('1995-06-01T08:00:00.000Z');
    expect(meetingClock('2081-01-15T23:45+01:00', 'Asia/Tokyo')).toBe('07:45');
    expect(meetingDate('2081-01-15T23:45+01:00', 'Asia/Tokyo')).toBe('2081-01-16');
  });

  it('gives today in a zone ahead of UTC and one behind it', () => {
    const now = new Date('2026-12-01T23:30:00Z');
    expect(todayIn('Pacific/Auckland', now)).toBe('2026-12-02');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-12-01');
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => todayIn('Mars/Olympus_Mons', new Date('2026-12-01T12:00:00Z'))).toThrow('unknown time zone "Mars/Olympus_Mons"');
  });
});

describe('asZoneOffsetTable', () => {
  const good = { zone: 'America/New_York', from: 0, to: 10_000, changes: [100, 200], offsets: [-300, -240, -300] };

  it('takes a well-formed table', () => {
    expect(asZoneOffsetTable(good)).toEqual(good);
  });

  it.each([
    ['no zone', { ...good, zone: 5 }],
    ['an empty span', { ...good, to: 0 }],
    ['one offset too few', { ...good, offsets: [-300, -240] }],
    ['changes out of order', { ...good, changes: [200, 100] }],
    ['a change outside the span', { ...good, changes: [100, 10_000] }],
    ['an offset of a day', { ...good, offsets: [-300, 1440, -300] }],
    ['an offset that is text', { ...good, offsets: [-300, '-240', -300] }],
  ])('rejects a table with %s', (_, table) => {
    expect(asZoneOffsetTable(table)).toBeUndefined();
  });
});
