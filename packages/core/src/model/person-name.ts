/** Titles written before a name ("Dr. Ana Lima", "Prof Lee"), with or without a full stop. */
const TITLES = /^(dr|prof|mr|mrs|ms|mx|miss|sir|dame|rev|fr)\.?$/i;

/** Generational suffixes: part of the name itself ("Ana Lima, Jr."), not a credential. */
const GENERATIONAL = /^(jr|sr|ii|iii|iv)\.?$/i;

/**
 * Suffixes whose shape alone would not say so (one capital, or a name typed in
 * capitals): "Esq.", "Jr.", "MEng", and the commonest degrees.
 */
const KNOWN_SUFFIXES = /^(jr|sr|ii|iii|iv|esq|meng|mphil|mres|mba|phd|md|jd|cpa|cfa|pe|pmp|rn)\.?$/i;

/** Particles that start a family name ("van der Berg", "de la Fuente"), so "van der Berg, Anna" is "Family, Given". */
const PARTICLES = /^(van|von|der|den|de|del|della|di|da|das|dos|du|la|le|ter|ten|bin|ibn|al|el|st\.?)$/i;

/** A contact's name taken apart as letters and vCards need it. */
export interface NameParts {
  /** "Dr." in "Dr. Ana Lima", as written. */
  readonly title?: string;
  /** The given names: "Ana" in "Dr. Ana Lima" and in "Lima, Ana". */
  readonly given: string;
  /** The family name: the last word, or what comes before the comma of "Lima, Ana". */
  readonly family: string;
  /** What follows the name after a comma, as written: "MBA, CSCP" in "Priya Shah, MBA, CSCP", "Jr." in "Ana Lima, Jr.". */
  readonly suffix?: string;
  /**
   * Set when the reading is a guess: a name of several words before its comma,
   * followed by something that is not a known credential. "García Márquez,
   * Gabriel" (a given name after the comma) is read as "Family, Given"; "Priya
   * Shah, MBA candidate" as the full name "Priya Shah" followed by the rest.
   */
  readonly doubtful?: true;
}

/**
 * Splits a name as written: an optional title first, then either
 * "Full Name, credentials" ("Priya Shah, MBA, CSCP": the text after the
 * comma is credentials or a suffix such as Jr.), or "Family, Given"
 * ("Lima, Ana", "van der Berg, Anna": one word, or a family name with its
 * particles, before the comma), else the last word as the family name. A
 * name of several words before a comma followed by anything else is marked
 * `doubtful`: read as "Family, Given" when what follows looks like one or two
 * given names ("García Márquez, Gabriel"), else as "Full Name, suffix".
 */
export function nameParts(name: string): NameParts {
  const written = name.trim().split(/\s+/).filter((word) => word !== '');
  // A word with no letter (an emoji, a dash) is decoration, not a part of the name: "Zoë Ørsted 🎉" is Zoë Ørsted. A comma on it stays.
  const words = written.some((word) => /\p{L}/u.test(word)) ? written.map((word) => (/\p{L}/u.test(word) ? word : word.replace(/[^,]/g, ''))).filter((word) => word !== '') : written;
  const title = words.length > 1 && TITLES.test(words[0]!) ? words.shift() : undefined;
  const withTitle = title === undefined ? {} : { title };
  const text = words.join(' ');
  const comma = text.indexOf(',');
  const before = (comma < 0 ? text : text.slice(0, comma)).trim();
  const after = comma < 0 ? '' : text.slice(comma + 1).trim();
  if (after === '') return { ...withTitle, ...givenFirst(before) };
  const beforeWords = before.split(' ').filter((word) => word !== '');
  if (isCredentials(after, credentialReading(before))) return { ...withTitle, ...givenFirst(before), suffix: after };
  if (beforeWords.length <= 1 || beforeWords.slice(0, -1).every((word) => PARTICLES.test(word))) return { ...withTitle, family: before, given: after };
  if (GIVEN_NAMES.test(after) && beforeWords.every((word) => NAME_WORD.test(word) || PARTICLES.test(word))) return { ...withTitle, family: before, given: after, doubtful: true };
  return { ...withTitle, ...givenFirst(before), suffix: after, doubtful: true };
}

/** A word written as a name: a capital, then small letters ("Márquez", "O'Brien", "Jean-Luc", "McKenzie"). */
const NAME_WORD_PATTERN = String.raw`\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)*(?:['\u2019-]\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)*)*`;
const NAME_WORD = new RegExp(`^${NAME_WORD_PATTERN}$`, 'u');
/** One or two given names: "Gabriel", "Ana María", "Jean-Luc". */
const GIVEN_NAMES = new RegExp(`^${NAME_WORD_PATTERN}(?: ${NAME_WORD_PATTERN})?$`, 'u');

/** "Ana Maria Lima": the last word is the family name, the words before it the given names. */
function givenFirst(text: string): { given: string; family: string } {
  const words = text.split(' ').filter((word) => word !== '');
  const family = words.length > 1 ? words.pop()! : '';
  return { given: words.join(' '), family };
}

/**
 * How sure a word after the comma of `before` must be to be a credential:
 * with a name typed in capitals ("SMITH, ANA") only the known ones count,
 * and after a single word ("Nguyen, AJ", read as "Family, Given") two
 * capitals without a full stop are initials, not a credential.
 */
type CredentialReading = 'known' | 'not-initials' | 'shape';

function credentialReading(before: string): CredentialReading {
  if (/\p{Lu}.*\p{Lu}/u.test(before) && !/\p{Ll}/u.test(before)) return 'known';
  return before.includes(' ') ? 'shape' : 'not-initials';
}

/**
 * Whether text written after a name's comma is credentials or suffixes, each
 * comma-separated item made of words such as "MBA", "PhD", "P.E.", "CSCP",
 * "PMP®", "LEED AP", "SHRM-CP", "Jr.", "III", "Esq.". A word counts by its
 * shape (two capitals or more, no more small letters than capitals) or as
 * one of a few known ones; see `CredentialReading` for the stricter cases.
 */
function isCredentials(text: string, reading: CredentialReading): boolean {
  const items = text.split(',').map((item) => item.trim());
  return items.every((item) => item !== '' && item.split(/\s+/).every((word) => isCredentialWord(word, reading)));
}

function isCredentialWord(word: string, reading: CredentialReading): boolean {
  const bare = word.replace(/[\u00ae\u2122\u00a9]/gu, '');
  if (KNOWN_SUFFIXES.test(bare)) return true;
  if (reading === 'known' || bare.length > 12 || !/^\p{L}[\p{L}\d.\-&/+]*$/u.test(bare)) return false;
  if (reading === 'not-initials' && /^\p{Lu}{2}$/u.test(bare)) return false;
  const capitals = bare.match(/\p{Lu}/gu)?.length ?? 0;
  const small = bare.match(/\p{Ll}/gu)?.length ?? 0;
  return capitals >= 2 && capitals >= small;
}

/**
 * A name and the credentials written after it, taken apart as LinkedIn users
 * type them in the last-name field ("Shah, MBA, CSCP"): generational suffixes
 * ("Jr.") stay in the name, the rest are credentials. Text after the comma
 * that is not credentials stays in the name.
 *
 * @example
 * splitCredentials('Priya Shah, MBA, CSCP'); // → { name: 'Priya Shah', credentials: 'MBA, CSCP' }
 * splitCredentials('Ana Lima, Jr., PhD'); // → { name: 'Ana Lima, Jr.', credentials: 'PhD' }
 */
export function splitCredentials(name: string): { name: string; credentials?: string } {
  const comma = name.indexOf(',');
  if (comma < 0) return { name };
  const before = name.slice(0, comma).trim();
  const items = name
    .slice(comma + 1)
    .split(',')
    .map((item) => item.trim());
  if (before === '' || !isCredentials(items.join(', '), credentialReading(before))) return { name };
  const generational = items.filter((item) => GENERATIONAL.test(item));
  const credentials = items.filter((item) => !GENERATIONAL.test(item));
  return {
    name: generational.length > 0 ? `${before}, ${generational.join(', ')}` : before,
    ...(credentials.length > 0 ? { credentials: credentials.join(', ') } : {}),
  };
}

/**
 * A name as people are told apart by it: case, accents, spacing, Unicode composition and typographic apostrophes
 * folded ("José  ÁLVAREZ" = "Jose Alvarez", "O’Brien" = "O'Brien"), and a title before a full name left out
 * ("Dr. Olivia Grant" = "Olivia Grant").
 */
export function personNameKey(name: string): string {
  // Default case mapping: the same as English's, which no locale tailors.
  return withoutTitle(plainLetters(name).replace(/\s+/g, ' ').trim()).toLowerCase();
}

/** A title before a given and a family name ("Dr. " in "Dr. Olivia Grant"), with the space after it. */
const LEADING_TITLE = /^(?:dr|prof|mr|mrs|ms|mx|miss|sir|dame|rev|fr)\.?\s+(?=\S+\s+\S)/i;

/**
 * A name without the title written before it, when a given and a family name
 * follow: "Dr. Olivia Grant" is Olivia Grant, the person an id and a namesake
 * are about; "Dr. Grant" is left as it is.
 */
export function withoutTitle(name: string): string {
  return name.replace(LEADING_TITLE, '');
}

/**
 * Text without accents, its typographic apostrophes and hyphens (what phones,
 * macOS and LinkedIn write) as typed ones: O’Brien is O'Brien.
 */
function plainLetters(text: string): string {
  // An index keys every contact's name as it loads: ASCII names, most of them, skip the Unicode folding they do not need.
  return PRINTABLE_ASCII.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u2010\u2011]/g, '-');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The keys a contact's name answers to: the whole name, and the name before
 * its first comma when that is two words or more, so a referral to "Priya
 * Shah" finds "Priya Shah, MBA, CSCP" (but "Lima, Ana" is not "Lima").
 */
export function personNameKeys(name: string): string[] {
  const whole = personNameKey(name);
  if (!name.includes(',')) return [whole];
  // Credentials only: "Ana Lima, Jr." is not Ana Lima.
  const withoutCredentials = personNameKey(splitCredentials(name).name);
  return withoutCredentials !== whole && withoutCredentials.includes(' ') ? [whole, withoutCredentials] : [whole];
}

/**
 * The contacts a name written elsewhere (a referral in Outcomes, `rapport
 * new "<name>"`) may already be about: the same name, ignoring case, accents
 * and spacing, or the same name before a comma that adds credentials
 * ("Priya Shah, MBA, CSCP"). In the order given. With `organization` (where the
 * name was said to work), a contact whose note names another organization is
 * someone else.
 */
export function namesakes<T extends { readonly name: string; readonly organization?: string }>(contacts: readonly T[], name: string, organization?: string): T[] {
  const wanted = personNameKeys(name);
  return contacts.filter((contact) => personNameKeys(contact.name).some((key) => wanted.includes(key)) && !isOtherOrganization(contact.organization, organization));
}

/** The ids of the `contacts` a name may be about, as `namesakes` finds them; the names are keyed on the first name asked about (most folders ask none). */
export function namesakeIdsAmong(contacts: readonly { readonly id: string; readonly name: string; readonly organization?: string }[]): (name: string, organization?: string) => string[] {
  let byName: Map<string, Set<(typeof contacts)[number]>> | undefined;
  return (name, organization) => {
    if (!byName) {
      byName = new Map();
      for (const other of contacts) for (const key of personNameKeys(other.name)) byName.set(key, (byName.get(key) ?? new Set()).add(other));
    }
    const found = personNameKeys(name).flatMap((key) => [...(byName!.get(key) ?? [])]);
    return [...new Set(found.filter((other) => !isOtherOrganization(other.organization, organization)).map((other) => other.id))];
  };
}

/**
 * The contact a new note for `name` at `organization` would duplicate: the
 * first of `namesakes` whose note names the same organization, case and
 * spacing aside (the importer's rule: the same name at the same organization
 * is the same person). `rapport new` refuses it and VS Code's New Contact
 * offers to open it; a namesake elsewhere, or with no organization, may be
 * someone else.
 */
export function sameNameAndOrganization<T extends { readonly name: string; readonly organization?: string }>(contacts: readonly T[], name: string, organization: string): T | undefined {
  if (organization.trim() === '') return undefined;
  const key = organizationKey(organization);
  return namesakes(contacts, name).find((contact) => contact.organization !== undefined && organizationKey(contact.organization) === key);
}

/**
 * An organization as Rapport tells one from another: case, spacing and Unicode
 * composition aside ("ACME  Corp" is "Acme Corp"). Colleagues are grouped by it,
 * and the importer and `rapport new` take the same name at the same key for the
 * same person.
 */
export function organizationKey(organization: string): string {
  // Every contact's organization is keyed as a folder loads: ASCII ones, most of them, need no composition.
  const composed = PRINTABLE_ASCII.test(organization) ? organization : organization.normalize('NFC');
  return composed.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * True when two organizations written for the same name are plainly not the same:
 * both given, and neither contains the other once folded ("Kroger" is "Kroger Co.").
 */
export function isOtherOrganization(noted: string | undefined, said: string | undefined): boolean {
  if (noted === undefined || said === undefined) return false;
  const a = organizationFold(noted);
  const b = organizationFold(said);
  return a !== '' && b !== '' && !a.includes(b) && !b.includes(a);
}

/** `organizationKey`, accents and the punctuation of "Co., Inc." aside too. */
function organizationFold(organization: string): string {
  return organizationKey(plainLetters(organization).replace(/[.,]/g, ' '));
}

/**
 * Institutions named after what they are, whose names a sentence gives "the": "the University
 * of Pittsburgh", "the Carnegie Museum of Art", "the Department of Labor", "the Gates
 * Foundation". Brands that happen to read so ("Bank of America") are not among them.
 */
const INSTITUTION_OF = /^(?:[\p{Lu}\d][\p{L}\d.'\u2019&-]*\s+){0,3}(?:University|Institute|College|School|Academy|Museum|Library|Society|Hospital|Center|Centre|Centers|Department|Office|Bureau|Ministry|Board|Council|Commission|Administration|Agency|Authority|District|Reserve Bank|City|County|State|Commonwealth|Government)\s+(?:of|for)\s+\S/u;
const INSTITUTION_ENDING = /\s(?:Foundation|Institute|Institution|Museum|Endowments?)$/u;

/**
 * An organization as a sentence says it, after "at" or "to": "the University of Texas at
 * Austin", "the Broad Institute"; one that starts with "The" with a small "the"; any other
 * name as written. A letter says "what it is like at the University of Pittsburgh", not "at University
 * of Pittsburgh".
 */
export function organizationInText(organization: string): string {
  const name = organization.trim();
  // "The Ohio State University" mid-sentence is "the Ohio State University".
  if (/^the\s/i.test(name)) return `the${name.slice(3)}`;
  if (!(INSTITUTION_OF.test(name) || INSTITUTION_ENDING.test(name) || /^United (?:Nations|States)\b/.test(name))) return name;
  return `the ${name}`;
}
