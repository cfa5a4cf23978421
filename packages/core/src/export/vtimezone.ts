import { tzOffset, tzScan } from '@date-fns/tz';
import ICAL from 'ical.js';

/**
 * A VTIMEZONE component for an IANA zone over `[from, to)`, built from the
 * runtime's own time-zone data (Intl): one observance per offset change, so
 * calendar programs read `TZID=<zone>` times exactly as Rapport meant them,
 * with no bundled zone table to go stale. `null` for UTC.
 */
export function vtimezone(timeZone: string, from: Date, to: Date): string | null {
  return isUtc(timeZone) ? null : zoneComponent(timeZone, from, to).toString();
}

/** UTC by one of its names: times in it are written as UTC (`…Z`), with no VTIMEZONE. */
export function isUtc(timeZone: string): boolean {
  return /^(utc|etc\/utc|gmt|etc\/gmt)$/i.test(timeZone);
}

/** The VTIMEZONE of any zone as an ical.js component; for UTC, one observance at +00:00. */
export function zoneComponent(timeZone: string, from: Date, to: Date): ICAL.Component {
  const first = tzOffset(timeZone, from);
  const changes = tzScan(timeZone, { start: from, end: to }).map((change) => {
    const previous = change.offset - change.change;
    return { at: exactChange(timeZone, change.date.getTime(), previous), from: previous, to: change.offset };
  });
  const standard = Math.min(first, ...changes.map((change) => change.to));
  const zone = new ICAL.Component('vtimezone');
  zone.addPropertyWithValue('tzid', timeZone);
  const observance = (at: number, fromOffset: number, toOffset: number) => {
    const component = new ICAL.Component(toOffset > standard ? 'daylight' : 'standard');
    // DTSTART of an observance is the wall-clock time just before the change, in the old offset.
    const local = new Date(at + fromOffset * 60_000);
    const start = ICAL.Time.fromData({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: 0, isDate: false });
    component.addPropertyWithValue('dtstart', start);
    component.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(fromOffset * 60));
    component.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(toOffset * 60));
    zone.addSubcomponent(component);
  };
  observance(from.getTime(), first, first);
  for (const change of changes) observance(change.at, change.from, change.to);
  return zone;
}

/** `tzScan` finds changes to the hour; some zones change on the half hour, so find the minute. */
function exactChange(timeZone: string, found: number, previous: number): number {
  let low = found - 3_600_000;
  let high = found;
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (tzOffset(timeZone, new Date(middle)) === previous) low = middle;
    else high = middle;
  }
  return high;
}
