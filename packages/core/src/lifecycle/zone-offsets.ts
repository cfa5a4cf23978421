import { tzOffset } from '@date-fns/tz/tzOffset';

/**
 * A time zone's UTC offsets over a span of years, read once from `Intl` and
 * then looked up: asking `Intl` for an offset costs microseconds a call, and
 * its first formatter tens of milliseconds of a command's start. The index
 * cache keeps the table, so a command whose notes have not changed never
 * sets `Intl`'s date formatting up.
 */
export interface ZoneOffsetTable {
  /** The IANA name the offsets are of. */
  readonly zone: string;
  /** The span covered, ms since the epoch: `[from, to)`. Outside it, `Intl` is asked. */
  readonly from: number;
  readonly to: number;
  /** Instants at which the offset changes, ascending, each inside the span. */
  readonly changes: readonly number[];
  /** Offsets in minutes east of UTC: `offsets[0]` from `from`, `offsets[i + 1]` from `changes[i]` on. */
  readonly offsets: readonly number[];
}

const DAY_MS = 86_400_000;
/**
 * How far apart the scan asks `Intl`. A zone that changed its offset and back within
 * one step would be missed; none in the tz database has done so within a week.
 */
const SCAN_STEP_MS = 7 * DAY_MS;
/** Years before and after the current one that a new table covers. */
const YEARS_BEFORE = 5;
const YEARS_AFTER = 3;
/** No zone's offset is a day or more. */
const MAX_OFFSET_MINUTES = 24 * 60;

/** Offsets of `zone` in `[from, to)`, read from `Intl` (changes placed to the millisecond). */
export function scanZoneOffsets(zone: string, from: number, to: number): ZoneOffsetTable {
  const changes: number[] = [];
  const offsets = [tzOffset(zone, new Date(from))];
  let before = from;
  let offset = offsets[0]!;
  while (before < to) {
    const after = Math.min(before + SCAN_STEP_MS, to - 1);
    const next = tzOffset(zone, new Date(after));
    if (next !== offset) {
      // The first instant with the new offset: `before` has the old one, `after` the new.
      let low = before;
      let high = after;
      while (high - low > 1) {
        const middle = low + Math.floor((high - low) / 2);
        if (tzOffset(zone, new Date(middle)) === offset) low = middle;
        else high = middle;
      }
      changes.push(high);
      offsets.push(next);
      offset = next;
    }
    if (after === to - 1) break;
    before = after;
  }
  return { zone, from, to, changes, offsets };
}

/** A table for `zone` around `now`: the years before it, for past meetings, and the years after. */
export function zoneOffsetsAround(zone: string, now: number): ZoneOffsetTable {
  const year = new Date(now).getUTCFullYear();
  return scanZoneOffsets(zone, Date.UTC(year - YEARS_BEFORE, 0, 1), Date.UTC(year + YEARS_AFTER + 1, 0, 1));
}

/** The offset at `instant` from the table, `undefined` outside its span. */
export function tableOffset(table: ZoneOffsetTable, instant: number): number | undefined {
  if (!(instant >= table.from && instant < table.to)) return undefined;
  const { changes } = table;
  // The number of changes at or before `instant`.
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (changes[middle]! <= instant) low = middle + 1;
    else high = middle;
  }
  return table.offsets[low];
}

/**
 * The instant a wall-clock time names in a zone whose offsets, in ms, `offsetAt` gives
 * (`wall` is that time written as if it were UTC). A time skipped when clocks
 * go forward is read with the offset before the change (02:30 on the day clocks
 * jump from 02:00 to 03:00 is 03:30); a time that happens twice when clocks go
 * back is the first of the two. This is what JavaScript's `Date` and Temporal's
 * "compatible" choice do.
 */
export function wallClockInstant(wall: number, offsetAt: (instant: number) => number): number {
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  const fits = (offset: number) => offsetAt(wall - offset) === offset;
  const first = wall - before;
  if (before === after) return fits(before) ? first : wall - offsetAt(first);
  const second = wall - after;
  if (fits(before)) return fits(after) ? Math.min(first, second) : first;
  return fits(after) ? second : first;
}

/** Checks data read back from a cache: the shape of a table, offsets in range, changes ascending inside the span. */
export function asZoneOffsetTable(data: unknown): ZoneOffsetTable | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const { zone, from, to, changes, offsets } = data as Partial<Record<keyof ZoneOffsetTable, unknown>>;
  if (typeof zone !== 'string' || !Number.isFinite(from) || !Number.isFinite(to) || (from as number) >= (to as number)) return undefined;
  if (!Array.isArray(changes) || !Array.isArray(offsets) || offsets.length !== changes.length + 1) return undefined;
  const inRange = (offset: unknown) => typeof offset === 'number' && Math.abs(offset) < MAX_OFFSET_MINUTES;
  if (!offsets.every(inRange)) return undefined;
  let last = from as number;
  for (const change of changes) {
    if (typeof change !== 'number' || !(change > last) || change >= (to as number)) return undefined;
    last = change;
  }
  return { zone, from: from as number, to: to as number, changes: changes as number[], offsets: offsets as number[] };
}
