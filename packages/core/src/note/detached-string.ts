/**
 * Strings cut out of a note (`text.slice`, regex captures) are, in V8, views
 * into the note's whole text that keep all of it alive. An index that keeps a
 * few values from each of 50,000 notes would keep every text with them —
 * hundreds of MB, and garbage collections that walk them. What a reading
 * keeps is therefore copied out first.
 */

/** V8 copies cuts shorter than this (its minimum sliced-string length), so they are already independent. */
const MIN_SLICE_LENGTH = 13;

/** The same characters in a string that keeps no larger text alive. */
export function detach(value: string): string {
  // Joining and cutting again makes V8 copy the pair into a new flat string:
  // a third of a microsecond, several times cheaper than a JSON round trip.
  return value.length < MIN_SLICE_LENGTH ? value : (' ' + value).slice(1);
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
