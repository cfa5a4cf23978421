/**
 * Strings cut out of a note (`text.slice`, regex captures) are, in V8, views
 * into the note's whole text that keep all of it alive. An index that keeps a
 * few values from each of 50,000 notes would keep every text with them —
 * hundreds of MB, and garbage collections that walk them. What a reading
 * keeps is therefore copied out first.
 */

/**
 * Short values repeat from note to note (stages, dates, tags, places,
 * organizations): each is kept once. Bounded, so values from edits over a
 * long session cannot pile up; emptying it only loses the sharing.
 */
const SHARED_MAX_LENGTH = 32;
const SHARED_MAX_COUNT = 50_000;
const shared = new Map<string, string>();

/** The same characters in a string that keeps no larger text alive (and is shared when short). */
export function detach(value: string): string {
  if (value.length <= SHARED_MAX_LENGTH) {
    let copy = shared.get(value);
    if (copy === undefined) {
      if (shared.size >= SHARED_MAX_COUNT) shared.clear();
      copy = copied(value);
      shared.set(copy, copy);
    }
    return copy;
  }
  return copied(value);
}

/**
 * Joining and cutting again makes V8 copy the pair into a new flat string: a
 * third of a microsecond, several times cheaper than a JSON round trip.
 */
function copied(value: string): string {
  return (' ' + value).slice(1);
}

/**
 * Plain data (objects, arrays, scalars, as `yaml`'s `toJS` gives) with every
 * string detached, in place. Aliases may make the data share or even contain
 * itself, so each object is visited once.
 */
export function detachData(value: unknown, visited = new Set<object>()): unknown {
  if (typeof value === 'string') return detach(value);
  if (value === null || typeof value !== 'object' || visited.has(value)) return value;
  visited.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detachData(value[i], visited);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // Defined rather than assigned: an own `__proto__` key must stay a plain property.
    Object.defineProperty(record, key, { value: detachData(record[key], visited), writable: true, enumerable: true, configurable: true });
  }
  return value;
}
