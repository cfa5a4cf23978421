import ICAL from 'ical.js';
import quotedPrintable from 'quoted-printable';
import type { Diagnostic } from '../diagnostics.js';
import { cleanText, inputProblem, isEmailAddress, isProfileUrl, type ImportCandidate, type ImportReading } from './candidate.js';

type Property = InstanceType<typeof ICAL.Property>;
type Component = InstanceType<typeof ICAL.Component>;

/**
 * Reads a vCard 3.0 or 4.0 file holding any number of cards. ical.js parses
 * each card (unfolding lines, grouped properties such as `item1.EMAIL`,
 * escapes); this function only frames the cards, so that a broken card is
 * reported with its line and the others are still read.
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
      const card = readCard(joinSoftLineBreaks(lines.slice(start, index + 1)).join('\r\n'), file, start + 1, diagnostics);
      if (card) candidates.push(card);
      start = undefined;
    }
  }
  if (start !== undefined) diagnostics.push(inputProblem(file, start + 1, 'error', 'import-malformed-vcard', 'The card is never closed with END:VCARD; card skipped'));
  if (!anyCard) {
    diagnostics.push(inputProblem(file, 1, 'error', 'import-not-vcard', 'No BEGIN:VCARD found: this is not a vCard file', 'Export contacts as vCard (.vcf) from your address book'));
  }
  return { file, format: 'vcard', candidates, diagnostics };
}

function readCard(text: string, file: string, line: number, diagnostics: Diagnostic[]): ImportCandidate | undefined {
  let card: Component;
  try {
    card = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    diagnostics.push(inputProblem(file, line, 'error', 'import-malformed-vcard', `The card cannot be read (${(error as Error).message}); card skipped`));
    return undefined;
  }

  const name = cleanText(textOf(card.getFirstProperty('fn'))) ?? nameFromN(card.getFirstProperty('n'));
  if (name === undefined) {
    diagnostics.push(inputProblem(file, line, 'warning', 'import-missing-name', 'The card has no name (FN or N); card skipped'));
    return undefined;
  }

  const emails: string[] = [];
  for (const property of byPreference(card.getAllProperties('email'))) {
    const email = cleanText(textOf(property))?.replace(/^mailto:/i, '');
    if (email === undefined) continue;
    if (isEmailAddress(email)) emails.push(email);
    else diagnostics.push(inputProblem(file, line, 'warning', 'import-invalid-email', `Not an email address, left out: ${JSON.stringify(email)}`));
  }
  const phone = byPreference(card.getAllProperties('tel'))
    .map((property) => cleanText(textOf(property))?.replace(/^tel:/i, ''))
    .find((value) => value !== undefined);
  const linkedin = [...card.getAllProperties('url'), ...card.getAllProperties('x-socialprofile')]
    .map((property) => cleanText(textOf(property)))
    .find((value): value is string => value !== undefined && /linkedin\.com\//i.test(value) && isProfileUrl(value));
  const organization = cleanText(components(card.getFirstProperty('org'))[0]);
  const role = cleanText(textOf(card.getFirstProperty('title'))) ?? cleanText(textOf(card.getFirstProperty('role')));
  const location = locationOf(byPreference(card.getAllProperties('adr'))[0]);
  return {
    line,
    name,
    emails,
    ...(organization ? { organization } : {}),
    ...(role ? { role } : {}),
    ...(phone ? { phone } : {}),
    ...(linkedin ? { linkedin } : {}),
    ...(location ? { location } : {}),
  };
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

const QUOTED_PRINTABLE = /;ENCODING=QUOTED-PRINTABLE[;:]/i;

/**
 * vCard 2.1 values, still written by phones in 3.0 cards as
 * `FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:J=C3=BCrgen`, continue on the
 * next line after a final `=` (a soft line break) instead of a folding space.
 */
function joinSoftLineBreaks(lines: readonly string[]): string[] {
  const joined: string[] = [];
  let continuing = false;
  for (const line of lines) {
    if (continuing) joined[joined.length - 1] = joined.at(-1)!.slice(0, -1) + line;
    else joined.push(line);
    const current = joined.at(-1)!;
    const name = current.slice(0, current.indexOf(':') + 1);
    continuing = QUOTED_PRINTABLE.test(name) && current.endsWith('=');
  }
  return joined;
}

/** A value as written, decoded when the property says it is quoted-printable (in its CHARSET, UTF-8 by default). */
function decoded(property: Property, value: string): string {
  const encoding: unknown = property.getParameter('encoding');
  if (typeof encoding !== 'string' || encoding.toLowerCase() !== 'quoted-printable') return value;
  const bytes = Uint8Array.from(quotedPrintable.decode(value), (character) => character.charCodeAt(0));
  const charset: unknown = property.getParameter('charset');
  try {
    return new TextDecoder(typeof charset === 'string' ? charset : 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
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
