import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone.js';

describe('vtimezone', () => {
  it('writes New York’s 2026: standard time from the start, daylight time from 8 March 02:00, standard again from 1 November 02:00', () => {
    expect(vtimezone('America/New_York', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toBe(
      [
        'BEGIN:VTIMEZONE',
        'TZID:America/New_York',
        'BEGIN:STANDARD',
        'DTSTART:20251231T190000',
        'TZOFFSETFROM:-0500',
        'TZOFFSETTO:-0500',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:20260308T020000',
        'TZOFFSETFROM:-0500',
        'TZOFFSETTO:-0400',
        'END:DAYLIGHT',
        'BEGIN:STANDARD',
        'DTSTART:20261101T020000',
        'TZOFFSETFROM:-0400',
        'TZOFFSETTO:-0500',
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join('\r\n'),
    );
  });

  it('finds changes on the half hour to the minute: St John’s, 3:30 behind UTC in winter', () => {
    expect(vtimezone('America/St_Johns', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toBe(
      [
        'BEGIN:VTIMEZONE',
        'TZID:America/St_Johns',
        'BEGIN:STANDARD',
        'DTSTART:20251231T203000',
        'TZOFFSETFROM:-0330',
        'TZOFFSETTO:-0330',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:20260308T020000',
        'TZOFFSETFROM:-0330',
        'TZOFFSETTO:-0230',
        'END:DAYLIGHT',
        'BEGIN:STANDARD',
        'DTSTART:20261101T020000',
        'TZOFFSETFROM:-0230',
        'TZOFFSETTO:-0330',
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join('\r\n'),
    );
  });

  it('writes none for UTC and its other names', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2027-01-01T00:00:00Z');
    expect(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'utc'].map((zone) => vtimezone(zone, from, to))).toEqual([null, null, null, null, null]);
  });
});
