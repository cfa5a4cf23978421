/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export declare function isCalendarDate(value: unknown): value is string;
/** True for `YYYY-MM-DDTHH:mm[:ss][Z|±HH:mm]` naming a real moment. */
export declare function isMeetingTime(value: unknown): value is string;
export declare const addCalendarDays: (date: string, days: number) => string;
/** Adds Monday–Friday days, as the 3B7 rule counts them. */
export declare const addWorkingDays: (date: string, days: number) => string;
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export declare const daysBetween: (from: string, to: string) => number;
/** The calendar date at `now` on a wall clock in `timeZone` (an IANA name). */
export declare function todayIn(timeZone: string, now?: Date): string;
/** The instant a meeting starts; a time without offset is read in `timeZone`. */
export declare function meetingStart(at: string, timeZone: string): Date;
/** The calendar date of a meeting as the person keeping the notes sees it. */
export declare const meetingDate: (at: string, timeZone: string) => string;
/** Local wall-clock `HH:mm` of a meeting in `timeZone`. */
export declare const meetingClock: (at: string, timeZone: string) => string;
/** True when `timeZone` is an IANA zone this runtime knows. */
export declare function isTimeZone(timeZone: unknown): timeZone is string;
/** The zone of the machine, used when the config names none. */
export declare function systemTimeZone(): string;
