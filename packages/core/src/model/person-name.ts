/** Titles written before a name ("Dr. Ana Lima", "Prof Lee"), with or without a full stop. */
const TITLES = /^(dr|prof|mr|mrs|ms|mx|miss|sir|dame|rev|fr)\.?$/i;

/** A contact's name taken apart as letters and vCards need it. */
export interface NameParts {
  /** "Dr." in "Dr. Ana Lima", as written. */
  readonly title?: string;
  /** The given names: "Ana" in "Dr. Ana Lima" and in "Lima, Ana". */
  readonly given: string;
  /** The family name: the last word, or what comes before the comma of "Lima, Ana". */
  readonly family: string;
}

/** Splits a name as written: an optional title first, "Family, Given" when a comma follows the first word, else the last word as the family name. */
export function nameParts(name: string): NameParts {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  const title = words.length > 1 && TITLES.test(words[0]!) ? words.shift() : undefined;
  const withTitle = title === undefined ? {} : { title };
  const comma = words.findIndex((word) => word.endsWith(','));
  if (comma >= 0 && comma < words.length - 1) {
    return { ...withTitle, family: words.slice(0, comma + 1).join(' ').replace(/,$/, ''), given: words.slice(comma + 1).join(' ') };
  }
  const family = words.length > 1 ? words.pop()! : '';
  return { ...withTitle, given: words.join(' '), family };
}
