/**
 * Strings cut out of a note (`text.slice`, regex captures) are, in V8, views
 * into the note's whole text that keep all of it alive. An index that keeps a
 * few values from each of 50,000 notes would keep every text with them —
 * hundreds of MB, and garbage collections that walk them. What a reading
 * keeps is therefore copied out first.
 */
/** The same characters in a string that keeps no larger text alive (and is shared when short). */
export declare function detach(value: string): string;
/**
 * Plain data (objects, arrays, scalars, as `yaml`'s `toJS` gives) with every
 * string detached, in place. Aliases may make the data share or even contain
 * itself, so each object is visited once.
 */
export declare function detachData(value: unknown, visited?: Set<object>): unknown;
