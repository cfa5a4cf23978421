/**
 * A VTIMEZONE component for an IANA zone over `[from, to)`, built from the
 * runtime's own time-zone data (Intl): one observance per offset change, so
 * calendar programs read `TZID=<zone>` times exactly as Rapport meant them,
 * with no bundled zone table to go stale. `null` for UTC.
 */
export declare function vtimezone(timeZone: string, from: Date, to: Date): string | null;
