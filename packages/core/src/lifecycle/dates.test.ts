import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { addCalendarDays, atInZone, addWorkingDays, closestTimeZones, dayOfWeek, daysBetween, isCalendarDate, isMeetingTime, isTimeZone, meetingClock, meetingDate, meetingStart, meetingTimeLike, readableMeetingTime, skippedMeetingTime, systemTimeZone, timeZoneSuggestion, todayIn, zoneWrittenIn } from './dates.js';

describe('a zone or a current instant that cannot be used', () => {
  const unknownZone = 'unknown time zone "Mars/Olympus" (use an IANA name such as America/New_York, Europe/Paris or UTC)';

  it('names the unknown zone, in every function that takes one', () => {
    expect(() => todayIn('Mars/Olympus', new Date('2026-11-23T12:00:00Z'))).toThrow(InvalidInputError);
    expect(() => todayIn('Mars/Olympus', new Date('2026-11-23T12:00:00Z'))).toThrow(unknownZone);
    expect(() => meetingStart('2026-11-25T08:00', 'Mars/Olympus')).toThrow(unknownZone);
    expect(() => meetingDate('2026-11-25T08:00', 'Mars/Olympus')).toThrow(unknownZone);
    expect(() => meetingClock('2026-11-25T08:00', 'Mars/Olympus')).toThrow(unknownZone);
    expect(() => skippedMeetingTime('2026-11-25T08:00', 'Mars/Olympus')).toThrow(unknownZone);
  });

  it('says that an Invalid Date is not a valid `now`', () => {
    expect(() => todayIn('UTC', new Date('nope'))).toThrow(InvalidInputError);
    expect(() => todayIn('UTC', new Date('nope'))).toThrow("`now` is not a valid date (got an Invalid Date): pass a Date such as new Date() or new Date('2026-11-23T12:00:00Z')");
  });

  it('names a meeting time that cannot be read', () => {
    expect(() => meetingStart('nope', 'UTC')).toThrow(InvalidInputError);
    expect(() => meetingStart('nope', 'UTC')).toThrow('invalid meeting time "nope" (use YYYY-MM-DDTHH:mm, with an offset such as -05:00 if any)');
  });
});

describe('day arithmetic on a value that is not a date', () => {
  it('throws an InvalidInputError naming the value, not a RangeError', () => {
    expect(() => addCalendarDays('nope', 1)).toThrow(new InvalidInputError('not a calendar date: "nope" (use YYYY-MM-DD, such as 2026-11-23)'));
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(new InvalidInputError('not a calendar date: "2026-02-30" (use YYYY-MM-DD, such as 2026-11-23)'));
    expect(() => daysBetween('2026-11-23', '23/11/2026')).toThrow(new InvalidInputError('not a calendar date: "23/11/2026" (use YYYY-MM-DD, such as 2026-11-23)'));
    expect(() => addCalendarDays('2026-11-23', 1.5)).toThrow(new InvalidInputError('not a whole number of days: 1.5'));
    expect(() => addWorkingDays('2026-11-23', Number.NaN)).toThrow(new InvalidInputError('not a whole number of days: NaN'));
  });

  it('still answers for real dates after a refusal', () => {
    expect(addCalendarDays('2026-11-23', 7)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(daysBetween('2026-11-23', '2026-12-01')).toBe(8);
  });
});

describe('dayOfWeek', () => {
  it('numbers the days from Sunday, 0, to Saturday, 6', () => {
    expect(dayOfWeek('2027-01-03')).toBe(0);
    expect(dayOfWeek('2026-12-07')).toBe(1);
    expect(dayOfWeek('2026-12-09')).toBe(3);
    expect(dayOfWeek('2026-12-12')).toBe(6);
    // Before 1970, and a leap day.
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(dayOfWeek('2028-02-29')).toBe(2);
  });

  it('refuses a date that is not one', () => {
    expect(() => dayOfWeek('2026-02-30')).toThrow(new InvalidInputError('not a calendar date: "2026-02-30" (use YYYY-MM-DD, such as 2026-11-23)'));
  });
});

describe('meeting times without an offset', () => {
  it('are read on the wall clock of the given zone, not of the machine', () => {
    expect(meetingStart('2026-11-25T08:30', 'Asia/Tokyo').toISOString()).toBe('2026-11-24T23:30:00.000Z');
    expect(meetingStart('2026-11-25T08:30', 'America/New_York').toISOString()).toBe('2026-11-25T13:30:00.000Z');
    expect(meetingClock('2026-11-25T08:30', 'Asia/Tokyo')).toBe('08:30');
    expect(meetingClock('2026-11-25T08:30', 'America/New_York')).toBe('08:30');
  });

  // A `Z` time was read on the user's wall clock (08:30 in New York) until this test.
  it('with an offset, `Z` included, are that instant wherever the user is', () => {
    expect(meetingStart('2026-11-25T08:30+09:00', 'America/New_York').toISOString()).toBe('2026-11-24T23:30:00.000Z');
    expect(meetingClock('2026-11-25T08:30Z', 'America/New_York')).toBe('03:30');
    expect(meetingStart('2026-11-25T08:30Z', 'Asia/Tokyo').toISOString()).toBe('2026-11-25T08:30:00.000Z');
    expect(meetingDate('2026-11-25T23:30Z', 'Asia/Tokyo')).toBe('2026-11-26');
  });

  it('that the clock skips are read as the moment after the skip, date and clock alike', () => {
    // New York springs from 02:00 to 03:00 on 2026-03-08: 02:30 does not exist that day.
    expect(meetingStart('2026-03-08T02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(meetingClock('2026-03-08T02:30', 'America/New_York')).toBe('03:30');
    expect(meetingDate('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08');
    // Samoa skipped 30 December 2011 altogether, crossing the date line.
    expect(meetingDate('2011-12-30T10:00', 'Pacific/Apia')).toBe('2011-12-31');
    expect(meetingClock('2011-12-30T10:00', 'Pacific/Apia')).toBe('10:00');
  });
});

describe('skippedMeetingTime', () => {
  it('gives the clock time a skipped time is read as, and nothing for a time the zone has', () => {
    // New York's clocks went from 02:00 to 03:00 on 2027-03-14.
    expect(skippedMeetingTime('2027-03-14T02:30', 'America/New_York')).toBe('03:30');
    expect(skippedMeetingTime('2027-03-14T02:30:00', 'America/New_York')).toBe('03:30');
    expect(skippedMeetingTime('2027-03-14T01:59', 'America/New_York')).toBeUndefined();
    expect(skippedMeetingTime('2027-03-14T03:00', 'America/New_York')).toBeUndefined();
    // Lord Howe skips half an hour, 02:00 to 02:30, on 2026-10-04.
    expect(skippedMeetingTime('2026-10-04T02:15', 'Australia/Lord_Howe')).toBe('02:45');
    // The hour New York has twice (2027-11-07), a zone without changes, a time with an offset, and no meeting time at all.
    expect(skippedMeetingTime('2027-11-07T01:30', 'America/New_York')).toBeUndefined();
    expect(skippedMeetingTime('2027-03-14T02:30', 'Asia/Kolkata')).toBeUndefined();
    expect(skippedMeetingTime('2027-03-14T02:30-05:00', 'America/New_York')).toBeUndefined();
    expect(skippedMeetingTime('next Tuesday', 'America/New_York')).toBeUndefined();
  });
});

describe('meeting time offsets', () => {
  it('go from -14:00 to +14:00, as the zones of the world do', () => {
    expect(isMeetingTime('2026-11-25T08:30+14:00')).toBe(true);
    expect(isMeetingTime('2026-11-25T08:30-12:00')).toBe(true);
    expect(isMeetingTime('2026-11-25T08:30+05:45')).toBe(true);
    expect(isMeetingTime('2026-11-25T08:30+14:01')).toBe(false);
    expect(isMeetingTime('2026-11-25T08:30+14:30')).toBe(false);
    expect(isMeetingTime('2026-11-25T08:30+15:00')).toBe(false);
  });
});

describe('meeting times, checked without date-fns', () => {
  it('accept only what date-fns parseISO also reads as a valid time', () => {
    const days = ['2026-11-25', '2028-02-29', '0000-01-01', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10'];
    const clocks = ['00:00', '08:30', '23:59', '08:30:59', '24:00', '08:60', '08:30:60', '7:30'];
    const offsets = ['', 'Z', '+14:00', '-12:00', '+05:45', '+0545', '+14:01', '+15:00', '-05:60', '+05'];
    const accepted: string[] = [];
    for (const day of days) {
      for (const clock of clocks) {
        for (const offset of offsets) {
          const value = `${day}T${clock}${offset}`;
          if (!isMeetingTime(value)) continue;
          accepted.push(value);
          expect([value, isValid(parseISO(value))]).toEqual([value, true]);
        }
      }
    }
    // The first 3 days are real, the first 4 clocks and the first 6 offsets valid: 3 × 4 × 6.
    expect(accepted).toHaveLength(72);
  });
});

describe('dates that are not text', () => {
  it('are not dates, even when they print as one (a YAML list of one date)', () => {
    expect(isCalendarDate(['2026-11-25'])).toBe(false);
    expect(isMeetingTime(['2026-11-25T08:30'])).toBe(false);
  });
});

describe('todayIn', () => {
  it('refuses an invalid instant rather than writing a date of NaNs', () => {
    expect(() => todayIn('UTC', new Date(Number.NaN))).toThrow(InvalidInputError);
  });
});

describe('time zones', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('knows an IANA zone and refuses anything else', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    // Old names and other spellings the runtime accepts, though its list of zones names them otherwise.
    expect(isTimeZone('Asia/Calcutta')).toBe(true);
    expect(isTimeZone('US/Eastern')).toBe(true);
    expect(isTimeZone('america/new_york')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Europe/Berlin ')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });

  it('finds the zone a name that is none most likely meant: a letter or two off, case and spaces forgiven, or a place alone', () => {
    expect(closestTimeZones('America/Bogata')).toEqual(['America/Bogota']);
    expect(timeZoneSuggestion('America/Bogata')).toBe(' (did you mean America/Bogota?)');
    expect(timeZoneSuggestion('Mars/Olympus')).toBe('');
    expect(timeZoneSuggestion(5)).toBe('');
    expect(closestTimeZones('america/bogata')).toEqual(['America/Bogota']);
    expect(closestTimeZones('America/New_Yrok')).toEqual(['America/New_York']);
    expect(closestTimeZones('America/New York')).toEqual(['America/New_York']);
    expect(closestTimeZones('Bogota')).toEqual(['America/Bogota']);
    expect(closestTimeZones('Australia/Sidney')).toEqual(['Australia/Sydney']);
    // Nothing near enough to be meant.
    expect(closestTimeZones('EST5')).toEqual([]);
    expect(closestTimeZones('Mars/Olympus_Mons')).toEqual([]);
  });

  it("takes the machine's zone, or UTC when the runtime names none", () => {
    const options = new Intl.DateTimeFormat().resolvedOptions();
    const resolvedOptions = vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    resolvedOptions.mockReturnValue({ ...options, timeZone: 'Asia/Tokyo' });
    expect(systemTimeZone()).toBe('Asia/Tokyo');
    resolvedOptions.mockReturnValue({ ...options, timeZone: '' });
    expect(systemTimeZone()).toBe('UTC');
  });
});

describe('a meeting time given in another time zone', () => {
  it("is written with that zone's offset on that day, summer time included", () => {
    expect(atInZone('2026-12-09T09:00', 'America/New_York')).toBe('2026-12-09T09:00-05:00');
    expect(atInZone('2027-07-14T09:00', 'America/New_York')).toBe('2027-07-14T09:00-04:00');
    expect(atInZone('2026-12-09T09:00', 'Asia/Kolkata')).toBe('2026-12-09T09:00+05:30');
    expect(atInZone('2026-12-09T09:00:30', 'UTC')).toBe('2026-12-09T09:00:30+00:00');
  });

  it('takes the first of the two times where the clocks go back', () => {
    expect(atInZone('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T01:30-04:00');
  });

  it('refuses a time the zone skips, a time that has an offset already, and an unknown zone', () => {
    expect(() => atInZone('2027-03-14T02:30', 'America/New_York')).toThrow('02:30 does not exist in America/New_York on 2027-03-14: the clocks go forward then (03:30 is the same instant)');
    expect(() => atInZone('2026-12-09T09:00-05:00', 'America/New_York')).toThrow(InvalidInputError);
    expect(() => atInZone('2026-12-09T09:00', 'Mars/Olympus')).toThrow('unknown time zone "Mars/Olympus"');
  });
});

describe('a new meeting time written as the booked one was', () => {
  it("takes the zone's offset on its own day where the booked time has one, summer time included", () => {
    expect(meetingTimeLike('2026-12-03T10:30', '2026-12-01T09:00-05:00', 'America/New_York')).toBe('2026-12-03T10:30-05:00');
    expect(meetingTimeLike('2027-07-14T09:00', '2026-12-01T09:00-05:00', 'America/New_York')).toBe('2027-07-14T09:00-04:00');
    expect(meetingTimeLike('2026-12-03T10:30', '2027-07-14T09:00-04:00', 'America/New_York')).toBe('2026-12-03T10:30-05:00');
    expect(meetingTimeLike('2026-12-03T10:30', '2026-12-01T14:00Z', 'Europe/Berlin')).toBe('2026-12-03T10:30+01:00');
  });

  it('keeps an offset given, adds none where the booked time has none, and writes a skipped time as the time it is read as', () => {
    expect(meetingTimeLike('2026-12-03T16:30+01:00', '2026-12-01T09:00-05:00', 'America/New_York')).toBe('2026-12-03T16:30+01:00');
    expect(meetingTimeLike('2026-12-03T10:30', '2026-12-01T09:00', 'America/New_York')).toBe('2026-12-03T10:30');
    expect(meetingTimeLike('2027-03-14T02:30', '2026-12-01T09:00-05:00', 'America/New_York')).toBe('2027-03-14T03:30-04:00');
  });
});

describe("a new meeting time read in the contact's own zone", () => {
  it('is read there, with its offset on the new day, when the booked offset is that zone\'s', () => {
    expect(meetingTimeLike('2027-07-14T09:00', '2026-12-01T09:00-05:00', 'America/New_York', 'America/Bogota')).toBe('2027-07-14T09:00-05:00');
    expect(meetingTimeLike('2027-07-14T09:00', '2026-12-01T15:00+01:00', 'America/New_York', 'Europe/Berlin')).toBe('2027-07-14T09:00+02:00');
  });

  it("is read in the folder's zone when the booked offset is not the contact's zone's", () => {
    expect(meetingTimeLike('2027-07-14T09:00', '2026-12-01T09:00-05:00', 'America/New_York', 'Europe/Berlin')).toBe('2027-07-14T09:00-04:00');
  });
});

describe('the zone a meeting time was written in', () => {
  it("is the contact's when its offset is theirs then, even where the folder's is the same", () => {
    expect(zoneWrittenIn('2026-12-01T09:00-05:00', 'America/New_York', 'America/Bogota')).toBe('America/Bogota');
    expect(zoneWrittenIn('2027-07-14T09:00-05:00', 'America/New_York', 'America/Bogota')).toBe('America/Bogota');
  });

  it("is the folder's for its offset, or for a time without one; unknown for anyone else's offset", () => {
    expect(zoneWrittenIn('2027-07-14T09:00-04:00', 'America/New_York', 'America/Bogota')).toBe('America/New_York');
    expect(zoneWrittenIn('2026-12-01T09:00-05:00', 'America/New_York')).toBe('America/New_York');
    expect(zoneWrittenIn('2026-12-01T09:00', 'America/New_York', 'America/Bogota')).toBe('America/New_York');
    expect(zoneWrittenIn('2026-12-01T09:00+01:00', 'America/New_York')).toBeUndefined();
    expect(zoneWrittenIn('2026-12-01T09:00+01:00', 'America/New_York', 'Mars/Olympus')).toBeUndefined();
  });
});

describe('a meeting time as people read it', () => {
  it("says the day and the clock in the folder's zone, and their clock too for a time booked at another offset", () => {
    expect(readableMeetingTime('2026-12-01T09:00-05:00', 'America/New_York')).toBe('2026-12-01 09:00');
    expect(readableMeetingTime('2026-12-01T09:00', 'America/New_York')).toBe('2026-12-01 09:00');
    expect(readableMeetingTime('2026-12-01T09:00-05:00', 'Europe/Berlin')).toBe('2026-12-01 15:00 (09:00 their time)');
    expect(readableMeetingTime('2026-12-01T21:00-05:00', 'Europe/Berlin')).toBe('2026-12-02 03:00 (21:00 their time)');
  });

  it('says it as written without a zone', () => {
    expect(readableMeetingTime('2026-12-01T09:00')).toBe('2026-12-01 09:00');
    expect(readableMeetingTime('2026-12-01T09:00-05:00')).toBe('2026-12-01 09:00-05:00');
  });
});
