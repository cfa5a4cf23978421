import ICAL from 'ical.js';
import quotedPrintable from 'quoted-printable';
import type { Diagnostic } from '../diagnostics.js';
import { splitCredentials } from '../model/person-name.js';
import { cleanNote, cleanText, inputProblem, isEmailAddress, isProfileUrl, type ImportCandidate, type ImportReading } from './candidate.js';

type Property = InstanceType<typeof ICAL.Property>;
type Component = InstanceType<typeof ICAL.Component>;

/**
 * Reads a vCard file (2.1, 3.0 or 4.0) holding any number of cards. ical.js
 * parses each card (grouped properties such as `item1.EMAIL`, escapes,
 * values); this function only frames the cards and their lines, so that a
 * broken card is reported with its line and the others are still read, and
 * a property that cannot be read is left out, reported at its own line,
 * while the rest of its card is read.
 *
 * vCard 2.1, as phones still export it, names parameters by their value
 * alone (`TEL;CELL;VOICE:`, `EMAIL;INTERNET;PREF:`): each such line is
 * handed to ical.js with the parameters named as 3.0 names them
 * (`TEL;TYPE=CELL;TYPE=VOICE:`).
 *
 * Never throws for anything in the text.
 */
export function parseVCards(text: string, file: string): ImportReading {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];
  const candidates: ImportCandidate[] = [];
  let start: number | undefined;
  let anyCard = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim().toUpperCase();
    if (line === 'BEGIN:VCARD') {
      if (start !== undefined) diagnostics.push(inputProblem(file, start + 1, 'error', 'import-malformed-vcard', 'The card has no END:VCARD before the next BEGIN:VCARD; card skipped'));
      start = index;
      anyCard = true;
    } else if (line === 'END:VCARD' && start !== undefined) {
      const card = readCard(contentLines(lines, start + 1, index), file, start + 1, diagnostics);
      if (card) candidates.push(card);
      start = undefined;
    }
  }
  if (start !== undefined) diagnostics.push(inputProblem(file, start + 1, 'error', 'import-malformed-vcard', 'The card is never closed with END:VCARD; card skipped'));
  if (!anyCard) {
    diagnostics.push(inputProblem(file, 1, 'error', 'import-not-vcard', 'No BEGIN:VCARD found: this is not a vCard file', 'Export contacts as vCard (.vcf) from your address book'));
  }
  // A card's own problems are found after those of its lines: in the file's order (the sort is stable).
  diagnostics.sort((a, b) => a.line - b.line);
  return { file, format: 'vcard', candidates, diagnostics };
}

/** One property of a card, on one line. */
interface ContentLine {
  /** 1-based line of the file where it starts. */
  readonly line: number;
  /** As written, its continuation lines joined. */
  readonly written: string;
  /** As handed to ical.js: bare parameters named. */
  readonly text: string;
}

/**
 * The properties of a card (the file's lines `from` to `to`, without BEGIN
 * and END), each on one line: a folded line (the next one starting with a
 * space or tab) or a quoted-printable value with soft line breaks is joined
 * as ical.js and quoted-printable would join it.
 */
function contentLines(lines: readonly string[], from: number, to: number): ContentLine[] {
  const joined: { line: number; written: string }[] = [];
  let continuing = false;
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    const last = joined.at(-1);
    if (continuing && last) last.written = last.written.slice(0, -1) + line;
    else if (last && (line.startsWith(' ') || line.startsWith('\t'))) last.written += line.slice(1);
    else if (line.trim() !== '') joined.push({ line: index + 1, written: line.replace(/^[ \t]+/, '') });
    const current = joined.at(-1)?.written ?? '';
    const name = current.slice(0, current.indexOf(':') + 1);
    continuing = QUOTED_PRINTABLE.test(name) && current.endsWith('=');
  }
  return joined.map(({ line, written }) => ({ line, written, text: withNamedParameters(written) }));
}

const ENCODINGS = /^(7BIT|8BIT|QUOTED-PRINTABLE|BASE64)$/i;

/**
 * A line with vCard 2.1's bare parameters named: an encoding as
 * `ENCODING=`, any other as `TYPE=` (`TEL;CELL;PREF:` → `TEL;TYPE=CELL;TYPE=PREF:`).
 * The name ends at the first `;`, the parameters at the first `:` outside
 * double quotes; the value is left as it is.
 */
function withNamedParameters(line: string): string {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    if (quoted || (char !== ';' && char !== ':')) continue;
    parts.push(line.slice(from, index));
    from = index + 1;
    if (char === ':') {
      const [name, ...parameters] = parts;
      if (!parameters.some(isBare)) return line;
      return [name, ...parameters.map((parameter) => (isBare(parameter) ? `${ENCODINGS.test(parameter) ? 'ENCODING' : 'TYPE'}=${parameter}` : parameter))].join(';') + line.slice(index);
    }
  }
  return line;
}

/** Groups an address book puts every card in (Google Contacts' export), which say nothing of the person. */
const ADDRESS_BOOK_GROUPS = /^(?:mycontacts|starred)$/i;

/** How a card says it is an organization's rather than a person's, as written, if it does. */
function organizationKind(card: Component): string | undefined {
  const kind = textOf(card.getFirstProperty('kind'))?.trim().toLowerCase();
  if (kind === 'org' || kind === 'group' || kind === 'location') return `KIND:${kind}`;
  const shownAs = textOf(card.getFirstProperty('x-abshowas'))?.trim().toUpperCase();
  return shownAs === 'COMPANY' ? 'X-ABShowAs:COMPANY' : undefined;
}

function isBare(parameter: string): boolean {
  return parameter.trim() !== '' && !parameter.includes('=');
}

function readCard(lines: readonly ContentLine[], file: string, line: number, diagnostics: Diagnostic[]): ImportCandidate | undefined {
  let card = parseCard(lines);
  if (card instanceof Error) {
    // Some property cannot be read: each is tried alone, and those that fail are left out.
    const version = /^VERSION:4\.0$/i.test(lines[0]?.text.trim() ?? '') ? 'VERSION:4.0' : 'VERSION:3.0';
    const readable = lines.filter((property) => {
      const alone = parseCard([{ ...property, text: version }, property]);
      if (!(alone instanceof Error)) return true;
      const reason = alone.message.split(property.text).join(property.written);
      diagnostics.push(inputProblem(file, property.line, 'warning', 'import-malformed-property', `This line of the card cannot be read (${reason}); left out`));
      return false;
    });
    card = parseCard(readable);
  }
  if (card instanceof Error) {
    diagnostics.push(inputProblem(file, line, 'error', 'import-malformed-vcard', `The card cannot be read (${card.message}); card skipped`));
    return undefined;
  }

  const name = cleanText(textOf(card.getFirstProperty('fn'))) ?? nameFromN(card.getFirstProperty('n'));
  if (name === undefined) {
    diagnostics.push(inputProblem(file, line, 'warning', 'import-missing-name', 'The card has no name (FN or N); card skipped'));
    return undefined;
  }
  // A company's card (Apple's X-ABShowAs:COMPANY, vCard 4's KIND:org) names no one to write to: "Dear Pitt," would follow.
  const organizationCard = organizationKind(card);
  if (organizationCard && nameFromN(card.getFirstProperty('n')) === undefined) {
    diagnostics.push(inputProblem(file, line, 'warning', 'import-missing-name', `The card is an organization's (${organizationCard}), not a person's; card skipped`));
    return undefined;
  }

  const emails: string[] = [];
  for (const property of byPreference(card.getAllProperties('email'))) {
    const email = cleanText(textOf(property))?.replace(/^mailto:/i, '');
    if (email === undefined) continue;
    if (isEmailAddress(email)) emails.push(email);
    else diagnostics.push(inputProblem(file, propertyLine(lines, 'EMAIL', email) ?? line, 'warning', 'import-invalid-email', `Not an email address, left out: ${JSON.stringify(email)}`));
  }
  const phone = byPreference(card.getAllProperties('tel'))
    .map((property) => cleanText(textOf(property))?.replace(/^tel:/i, ''))
    .find((value) => value !== undefined);
  const linkedin = [...card.getAllProperties('url'), ...card.getAllProperties('x-socialprofile')]
    .map((property) => cleanText(textOf(property)))
    .find((value): value is string => value !== undefined && /linkedin\.com\//i.test(value) && isProfileUrl(value));
  // ORG is the organization, then its units (`Huntington Bank;Learning & Development`): the units go to the note's Notes, not lost.
  const [organizationPart, ...units] = components(card.getFirstProperty('org'));
  const organization = cleanText(organizationPart);
  const department = units.map(cleanText).filter((unit) => unit !== undefined).join(', ');
  const role = cleanText(textOf(card.getFirstProperty('title'))) ?? cleanText(textOf(card.getFirstProperty('role')));
  const location = locationOf(byPreference(card.getAllProperties('adr'))[0]);
  const notes = card.getAllProperties('note').map((property) => textOf(property) ?? '');
  // N's suffix holds credentials as Rapport's own export writes them (`N:Shah;Priya;;;MBA`); "Jr." stays the name's.
  const suffix = cleanText(components(card.getFirstProperty('n'))[4]);
  const credentials = suffix === undefined ? undefined : splitCredentials(`${name}, ${suffix}`).credentials;
  const tags = [...new Set(card.getAllProperties('categories').flatMap((property) => property.getValues().map((value) => cleanText(decoded(property, String(value))))).filter((tag): tag is string => tag !== undefined && !ADDRESS_BOOK_GROUPS.test(tag)))];
  const note = cleanNote((department === '' ? notes : [`Department: ${department}`, ...notes]).join('\n\n'));
  return {
    line,
    name,
    emails,
    ...(credentials ? { credentials } : {}),
    ...(organization ? { organization } : {}),
    ...(role ? { role } : {}),
    ...(phone ? { phone } : {}),
    ...(linkedin ? { linkedin } : {}),
    ...(location ? { location } : {}),
    ...(note ? { note } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
}

/**
 * The file line of a card's property `name` (`EMAIL`, or `item1.EMAIL` in a
 * group) whose value holds `value`: ical.js keeps no positions, so a problem
 * with one value is placed on its own line, not the card's first.
 */
function propertyLine(lines: readonly ContentLine[], name: string, value: string): number | undefined {
  const property = new RegExp(`^(?:[\\w-]+\\.)?${name}[;:]`, 'i');
  return lines.find((candidate) => property.test(candidate.text) && candidate.text.slice(candidate.text.indexOf(':') + 1).includes(value))?.line;
}

/** The card ical.js reads from these lines, or why it cannot. */
function parseCard(lines: readonly ContentLine[]): Component | Error {
  try {
    return new ICAL.Component(ICAL.parse(['BEGIN:VCARD', ...lines.map((property) => property.text), 'END:VCARD', ''].join('\r\n')) as unknown[]);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * A single text value. ical.js leaves `\;` escaped in vCard text values, so that is undone here.
 * (Only structured properties, which this is not called on, have list values.)
 */
function textOf(property: Property | null | undefined): string | undefined {
  const value: unknown = property?.getFirstValue();
  return typeof value === 'string' ? decoded(property!, value).replace(/\\([;,])/g, '$1') : undefined;
}

/** The parts of a structured value such as N, ORG or ADR (a plain text value is one part). */
function components(property: Property | null | undefined): string[] {
  const value: unknown = property?.getFirstValue();
  if (Array.isArray(value)) return value.map((part) => decoded(property!, Array.isArray(part) ? part.join(' ') : String(part)));
  return typeof value === 'string' ? [decoded(property!, value)] : [];
}

/**
 * A quoted-printable value (`ENCODING=QUOTED-PRINTABLE`, or vCard 2.1's bare
 * `QUOTED-PRINTABLE`), as phones still write them in 2.1 and 3.0 cards,
 * continues on the next line after a final `=` (a soft line break) instead
 * of a folding space.
 */
const QUOTED_PRINTABLE = /;(ENCODING=)?QUOTED-PRINTABLE[;:]/i;

/** A value as written, decoded when the property says it is quoted-printable (in its CHARSET, UTF-8 by default). */
function decoded(property: Property, value: string): string {
  const encoding: unknown = property.getParameter('encoding');
  if (typeof encoding !== 'string' || encoding.toLowerCase() !== 'quoted-printable') return value;
  const bytes = Uint8Array.from(quotedPrintable.decode(value), (character) => character.charCodeAt(0));
  const charset: unknown = property.getParameter('charset');
  if (typeof charset === 'string') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown charset: read as when none is named.
    }
  }
  return utf8OrWindows1252(bytes);
}

/**
 * Bytes named by no charset: UTF-8 when they are, else Windows-1252, the Latin-1 of the old phones
 * that wrote vCard 2.1 without saying so (`M=FCller`), rather than U+FFFD in a name and its file.
 */
function utf8OrWindows1252(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** `N:Family;Given;Additional;Prefix;Suffix` as "Given Additional Family". */
function nameFromN(property: Property | null): string | undefined {
  const [family, given, additional] = components(property);
  // An absent part joins as nothing; cleanText closes the gap it leaves.
  return cleanText([given, additional, family].join(' '));
}

function locationOf(property: Property | undefined): string | undefined {
  const [, , , locality, region, , country] = components(property);
  return cleanText([locality, region].filter(Boolean).join(', ') || country);
}

/** Preferred first: vCard 4.0's `PREF=1` (lowest wins), vCard 3.0's `TYPE=pref`; otherwise file order (`sort` is stable). */
function byPreference(properties: readonly Property[]): Property[] {
  const rank = (property: Property) => {
    const pref = Number(property.getParameter('pref'));
    if (Number.isInteger(pref) && pref > 0) return pref;
    const types: unknown = property.getParameter('type');
    const list = Array.isArray(types) ? types : [types];
    return list.some((type) => typeof type === 'string' && type.toLowerCase() === 'pref') ? 1 : 101;
  };
  return properties.map((property) => ({ property, rank: rank(property) })).sort((a, b) => a.rank - b.rank).map((entry) => entry.property);
}
