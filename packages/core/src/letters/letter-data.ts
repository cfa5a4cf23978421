import { isMap, isScalar } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { parseFrontmatter } from '../note/frontmatter.js';
import { LineIndex, readLayout } from '../note/source.js';
import type { MissingLetterField } from '../errors.js';
import { daysBetween } from '../lifecycle/dates.js';
import type { Contact, HistoryEntry } from '../model/contact.js';
import type { Channel } from '../model/vocabulary.js';
import { CONFIG_PATH, type Profile } from '../workspace/config.js';
import { isLinkedInConnection } from '../model/linkedin.js';
import { NOTE_FACTS, noteFact } from './note-facts.js';
import { nameParts, organizationInText } from '../model/person-name.js';

/**
 * What a letter template reads as `it`. Every group (`meeting`, `referrer`,
 * `profile`) is always an object, so `it.referrer.name` is `undefined`
 * rather than an error when there is no referrer.
 */
export interface LetterData {
  /** The contact's full name. */
  readonly name?: string;
  /** The given name: the first word of the name, the word after the comma of "Lima, Ana" (not credentials: "Priya" in "Priya Shah, MBA"), or title and family name ("Dr. Jackson"). */
  readonly firstName?: string;
  readonly role?: string;
  readonly organization?: string;
  /** The organization as a sentence says it after "at" or "to": "the University of Pittsburgh", "the Gates Foundation", else as written (`organizationInText`). */
  readonly organizationInText?: string;
  readonly industry?: string;
  readonly location?: string;
  readonly email?: string;
  readonly linkedin?: string;
  /** "Impressed by:" line (under `## Why this person`) as written; letters print it after "I was impressed by". */
  readonly impressed?: string;
  /**
   * The `impressed` text up to its first comma, dash, colon, semicolon or
   * parenthesis outside quotation marks ("your keynote \"Research that
   * survives the reorg\"" of a longer line), for notes that must be short.
   */
  readonly impressedBrief?: string;
  /**
   * Role and organization as one phrase that can follow "your role as":
   * "Load Forecasting Analyst at Western Area Power Administration", "a data
   * scientist at Pecan Street Inc." (a role written in lower case takes "a" or
   * "an"; a role that already names the organization is not given it twice). Absent
   * when there is no role, or when it reads as a headline rather than a
   * title ("Analyst | Energy | Python").
   */
  readonly position?: string;
  /** "Learned:" line (under `## Notes`) as written. */
  readonly learned?: string;
  /** "Topic to follow up:" line (under `## Notes`) up to a dash, as written. */
  readonly topic?: string;
  /** Where and when the seeker is in the person's area: a value passed when rendering, `visiting:` in the frontmatter, or an "In the area:" line. */
  readonly visiting?: string;
  /** How the seeker found the person, as the start of a sentence, from `source:` (e.g. "I came across your profile on LinkedIn"). */
  readonly foundVia?: string;
  /** Where you saw them, from a "Seen at:" line, for a contact found at an event (`source: event`), e.g. "the UXPA Pittsburgh meetup in October". */
  readonly seenAt?: string;
  /** Day the last request was sent (the latest `contacted` step; a touch logged while waiting is not one), e.g. "November 5". */
  readonly sentOn?: string;
  /** The channel this letter goes through (see `renderLetter`'s `via`), when known. */
  readonly via?: Channel;
  /** The channel the last request went through (its `contacted` entry's `via`), when recorded. */
  readonly sentVia?: Channel;
  /**
   * That request named who referred you: it was the `referral` letter, or the contact came by
   * referral and it was the `linkedin-note` (which opens with the referrer) or no letter is
   * recorded. A referrer recorded after a cold letter is not named as the reason for it.
   */
  readonly sentNamedReferrer?: boolean;
  /** Minutes the last request asked for: 20 when it was the shipped `linkedin-note`, else 30 (the follow-up repeats it). */
  readonly askedMinutes: number;
  /**
   * What the letter is signed with: the seeker's name, email and phone, one per
   * line; the name alone on LinkedIn, whose messages already show who wrote and
   * where to reach them.
   */
  readonly signature?: string;
  readonly meeting: {
    /** `YYYY-MM-DD` in the configured time zone. */
    readonly date?: string;
    /** e.g. "Friday, November 20". */
    readonly day?: string;
    /** When it was, as said after "talk with me": "today", "yesterday", else "on Friday, November 20". */
    readonly when?: string;
    /** e.g. "7:15 AM". */
    readonly time?: string;
    /** e.g. "November". */
    readonly month?: string;
    /** When it was, as said looking back: "earlier this month", "last month", "in September", "in September 2025" (another year). */
    readonly past?: string;
    readonly format?: string;
    readonly place?: string;
  };
  /**
   * The people the contact suggested you talk to, by name (their Outcomes' `Referral:` items: the
   * name of a linked contact's note, or the name as written), as a sentence lists them: "Imani
   * Brooks", "Imani Brooks and Grace Liu". Absent when they named nobody (a referral still to be
   * named, "their informatics lead", or a link to a note not made yet, is not said).
   */
  readonly suggested?: string;
  /** The contact named by `referred_by`. */
  readonly referrer: { readonly name?: string; readonly firstName?: string; readonly role?: string; readonly organization?: string };
  /** The seeker, from `profile:` in `.rapport/config.yaml`. */
  readonly profile: {
    readonly name?: string;
    readonly firstName?: string;
    readonly background?: string;
    readonly field?: string;
    readonly email?: string;
    readonly phone?: string;
    readonly location?: string;
  };
  /** The note's whole frontmatter, unknown fields included. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The day the letter is written, e.g. "November 23, 2026". */
  readonly today: string;
  /** Values passed when rendering (e.g. `article`) sit at the top level too. */
  readonly [value: string]: unknown;
}

/** What `letterData` builds a letter's fields from: the contact and its note, the user's profile, the referrer, the zone. */
export interface LetterDataInput {
  readonly contact: Contact;
  /** The note's text, for the facts in its body. */
  readonly noteText: string;
  readonly profile: Profile;
  /** The contact named by `referred_by`, when it has a note. */
  readonly referrer?: Contact | undefined;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  /**
   * The note's diagnostics. A field missing because part of the note is not
   * read as written (a history entry with an impossible date) is then
   * reported with that problem to fix, not as a step never recorded. Default none.
   */
  readonly problems?: readonly Diagnostic[] | undefined;
  /** The channel the letter goes through, for templates that word it accordingly. Default: unknown (`it.via` is undefined). */
  readonly via?: Channel | undefined;
  /** Values that fill or override fields by path, e.g. `{ article: '…', 'profile.phone': '…' }`. */
  readonly values?: Readonly<Record<string, string>>;
  /** The name of the contact a `[[wikilink]]` in a quoted fact links to; without it, the link's own text is said. */
  readonly nameOf?: (id: string) => string | undefined;
}

/** `letterData`'s result: the fields a template can use, and where the user fills one that is missing. */
export interface LetterDataResult {
  readonly data: LetterData;
  /** Where a missing field is filled, for error messages and editors. */
  whereToFill(field: string): MissingLetterField;
}

/** Fields computed from another one: a missing derived field is reported as its base. */
const DERIVED_FROM: Record<string, string> = {
  firstName: 'name',
  organizationInText: 'organization',
  'referrer.firstName': 'referrer.name',
  'profile.firstName': 'profile.name',
  signature: 'profile.name',
  'meeting.day': 'meeting.date',
  'meeting.when': 'meeting.date',
  'meeting.time': 'meeting.date',
  'meeting.month': 'meeting.date',
};

/** The field whose absence explains a missing one (`firstName` → `name`). */
export function baseField(field: string): string {
  return DERIVED_FROM[field] ?? field;
}

/** How a letter says where the seeker saw someone when the note does not name the event. */
export const EVENT_UNNAMED = 'I saw you at a recent event';

/** How a letter says where the seeker found one of their LinkedIn connections (`linkedin_connected:`). */
const LINKEDIN_CONNECTION = 'We are connected on LinkedIn';

const FOUND_VIA: Record<string, string> = {
  linkedin: 'I came across your profile on LinkedIn',
  association: "I found your name in a professional association's directory",
  alumni: 'I found you through our alumni network',
  // Seen there, not necessarily heard: the note's "Impressed by:" line says what they did. Named by a "Seen at:" line.
  event: EVENT_UNNAMED,
  cold: 'I came across your work',
  // `personal` and `other` say nothing a letter to this person can claim: the user says it (`foundVia`).
};

/** How a letter says where the seeker found the contact, as a sentence; `undefined` when their source says nothing a letter can claim. */
function foundVia(contact: Contact, referrerName: string | undefined, seenAt: string | undefined): string | undefined {
  if (contact.source === 'referral') return referrerName ? `${referrerName} gave me your name` : 'A mutual acquaintance gave me your name';
  if (seenAt) return `I saw you at ${seenAt}`;
  // Someone connected to for years is no profile just come across.
  if (contact.source === 'linkedin' && isLinkedInConnection(contact)) return LINKEDIN_CONNECTION;
  return contact.source && FOUND_VIA[contact.source];
}

/** The names of the people `contact` suggested (see `LetterData.suggested`), each once, as a sentence lists them. */
function suggestedPeople(contact: Contact, nameOf: LetterDataInput['nameOf']): string | undefined {
  const names = new Set<string>();
  for (const outcome of contact.outcomes) {
    if (outcome.kind !== 'referral') continue;
    const name = outcome.contact !== undefined ? nameOf?.(outcome.contact) : outcome.name;
    if (name?.trim()) names.add(name.trim());
  }
  return names.size === 0 ? undefined : new Intl.ListFormat('en-US', { type: 'conjunction' }).format([...names]);
}

/** Builds the data a letter template reads, from a contact's note and the seeker's profile. */
export function letterData(input: LetterDataInput): LetterDataResult {
  const { contact, noteText, profile, referrer, today } = input;
  const data: Record<string, unknown> = {};
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') data[key] = value.trim();
  };
  set('name', contact.name);
  set('firstName', firstName(contact.name));
  for (const key of ['role', 'organization', 'industry', 'location', 'email', 'linkedin'] as const) set(key, contact[key]);
  set('organizationInText', contact.organization && organizationInText(contact.organization));
  // The user's own words, exactly as written: letters frame them, never rewrite them.
  for (const fact of ['impressed', 'learned', 'topic'] as const) set(fact, noteFact(noteText, fact, input.nameOf));
  set('visiting', typeof contact.fields.visiting === 'string' ? contact.fields.visiting : noteFact(noteText, 'visiting', input.nameOf));
  // A quoted name keeps the spaces around it ("  Sam Ortiz "): they must not show inside a sentence.
  const referrerName = referrer?.name.trim();
  const seenAt = contact.source === 'event' ? noteFact(noteText, 'seenAt', input.nameOf) : undefined;
  set('seenAt', seenAt);
  set('foundVia', foundVia(contact, referrerName, seenAt));
  const sent = lastRequest(contact);
  set('sentOn', sent && spokenDate(sent.date, today, 'day'));
  set('sentVia', sent?.via);
  // The referral letter names the referrer; the LinkedIn note opens with them when there is one, as for someone who came by referral.
  data.sentNamedReferrer = sent !== undefined && (sent.letter === 'referral' || ((sent.letter === undefined || sent.letter === 'linkedin-note') && contact.source === 'referral'));
  set('via', input.via);
  // What that request asked for: a LinkedIn note asks for less, to fit its 300 characters.
  data.askedMinutes = sent?.letter === 'linkedin-note' ? 20 : 30;

  set('suggested', suggestedPeople(contact, input.nameOf));

  const meeting: Record<string, unknown> = {};
  if (contact.meeting) {
    // The day as written, like its time: in the offset the meeting was booked with (the other person's), which a
    // letter to them speaks in. An evening in New York is that evening, not the next morning in Berlin.
    const date = contact.meeting.at.slice(0, 10);
    meeting.date = date;
    meeting.day = spokenDate(date, today, 'weekday');
    const daysAgo = daysBetween(date, today);
    meeting.when = daysAgo === 0 ? 'today' : daysAgo === 1 ? 'yesterday' : `on ${meeting.day}`;
    meeting.month = spokenDate(date, today, 'month');
    // The month says its year when it is not this year's ("December 2025"); last month is said so, even across a new year.
    meeting.past = date.slice(0, 7) === today.slice(0, 7) ? 'earlier this month' : date.slice(0, 7) === previousMonth(today) ? 'last month' : `in ${meeting.month}`;
    meeting.time = localTime(contact.meeting.at);
    meeting.format = contact.meeting.format;
    if (contact.meeting.place) meeting.place = contact.meeting.place;
  }
  data.meeting = meeting;

  const referrerData: Record<string, unknown> = {};
  if (referrer) {
    referrerData.name = referrerName;
    referrerData.firstName = firstName(referrer.name);
    if (referrer.role) referrerData.role = referrer.role;
    if (referrer.organization) referrerData.organization = referrer.organization;
  }
  data.referrer = referrerData;

  const me: Record<string, unknown> = {};
  for (const key of ['name', 'background', 'field', 'email', 'phone', 'location'] as const) {
    const value = profile[key]?.trim();
    if (value) me[key] = value;
  }
  if (typeof me.name === 'string') me.firstName = firstName(me.name);
  data.profile = me;
  if (typeof me.name === 'string') data.signature = input.via === 'linkedin' ? me.name : [me.name, me.email, me.phone].filter((line) => typeof line === 'string').join('\n');
  // A copy: values given by path (`fields.visiting`) must not change the contact the workspace holds.
  data.fields = structuredClone(contact.fields);
  data.today = spokenDate(today, today, 'dated');

  for (const [path, value] of Object.entries(input.values ?? {})) setPath(data, path, value);
  if (typeof data.impressed === 'string' && data.impressedBrief === undefined) data.impressedBrief = firstClause(data.impressed);
  if (data.position === undefined) set('position', position(data.role, data.organization, data.organizationInText));

  return { data: data as LetterData, whereToFill: (field) => problemFirst(field, contact, noteText, input.problems ?? []) ?? whereToFill(field, contact, referrer) };
}

/** A title such as "Senior UX Researcher", not a headline with separators or a paragraph. */
// Not | • · ; (written as escapes, as every non-ASCII character in a regular expression: packages/cli/esbuild.mjs).
const TITLE = /^[^|\u2022\u00b7;\n]{1,80}$/;

function position(role: unknown, organization: unknown, inText: unknown): string | undefined {
  if (typeof role !== 'string' || !TITLE.test(role)) return undefined;
  // A title reads as one ("your role as Senior UX Researcher"); a role written in lower case as a kind of work ("as a data scientist").
  const said = /^\p{Ll}/u.test(role) && !/^(?:a|an|the|our|their|your|his|her)\s/i.test(role) ? `${/^[aeio]/i.test(role) ? 'an' : 'a'} ${role}` : role;
  if (typeof organization !== 'string' || role.toLowerCase().includes(organization.toLowerCase())) return said;
  return `${said} at ${typeof inText === 'string' ? inText : organization}`;
}

/** The text before the first clause break (`, ` ` — ` ` – ` ` (` `: ` `; ` ` -- `) that is not inside quotation marks. */
function firstClause(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (char === '“') quoted = true;
    else if (char === '”') quoted = false;
    // A comma, an em or en dash, a bracket.
    else if (!quoted && /^(?:[,;:] |\s[\u2014\u2013(]|\s--\s)/.test(text.slice(i, i + 4))) return text.slice(0, i).trim();
  }
  return text;
}

/** Sets `a.b.c` in nested records, creating groups as needed. */
function setPath(target: Record<string, unknown>, path: string, value: string): void {
  const steps = path.split('.');
  let node = target;
  for (const step of steps.slice(0, -1)) {
    const child = node[step];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) node[step] = {};
    node = node[step] as Record<string, unknown>;
  }
  node[steps.at(-1)!] = value;
}

/** How a letter greets someone: "Maya Chen" → "Maya", "Lima, Ana" → "Ana", "Priya Shah, MBA" → "Priya", "Dr. Renée Jackson" → "Dr. Jackson". */
function firstName(name: string): string {
  const { title, given, family } = nameParts(name);
  if (title !== undefined) return family === '' ? `${title} ${given}` : `${title} ${family}`;
  const givenNames = given.split(' ');
  // "J. Robert Oppenheimer" goes by Robert: a lone initial before a given name written out is not what they are called.
  const initial = (word: string | undefined) => word !== undefined && /^\p{L}\.?$/u.test(word);
  const called = initial(givenNames[0]) && givenNames.length > 1 && !initial(givenNames[1]) ? givenNames[1] : givenNames[0];
  return called || family;
}

/**
 * How a letter says a day: `day` "December 8", `weekday` "Tuesday, December 8", `month`
 * "December", `dated` "December 8, 2026" (the first three add the year when it is not this one).
 */
export type SpokenDate = 'day' | 'weekday' | 'month' | 'dated';

const SPOKEN_DATE_FIELDS: Readonly<Record<SpokenDate, Intl.DateTimeFormatOptions>> = {
  day: { month: 'long', day: 'numeric' },
  weekday: { weekday: 'long', month: 'long', day: 'numeric' },
  month: { month: 'long' },
  dated: { month: 'long', day: 'numeric', year: 'numeric' },
};

// US English whatever the machine's language, as the letters are; made on first use (a formatter costs ~0.1 ms).
const spokenDateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as it is said in a letter (and in VS Code's messages); the year is added when it is not the current one. */
export function spokenDate(date: string, today: string, form: SpokenDate): string {
  const withYear = form === 'dated' || today.slice(0, 4) !== date.slice(0, 4);
  const key = `${form}${withYear ? '+year' : ''}`;
  let formatter = spokenDateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { ...SPOKEN_DATE_FIELDS[form], ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
    spokenDateFormats.set(key, formatter);
  }
  return formatter.format(new Date(`${date}T12:00:00Z`));
}

/** The latest request the contact was sent: their last `contacted` step (a touch logged while contacted, `rapport log`, records the stage it was made in, not a request). */
export function lastRequest(contact: Contact): HistoryEntry | undefined {
  return contact.history.findLast((entry) => entry.stage === 'contacted' && !entry.touch);
}

/** The month before the one of `date` (`YYYY-MM-DD`), as `YYYY-MM`. */
function previousMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The wall-clock time written in the note, e.g. "7:15 AM". */
function localTime(at: string): string | undefined {
  const match = /T(\d{2}):(\d{2})/.exec(at);
  if (!match) return undefined;
  const hours = Number(match[1]);
  return `${hours % 12 === 0 ? 12 : hours % 12}:${match[2]} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** The frontmatter key a field computed from the note comes from: a problem in it, not its absence, may be why the field is missing. */
const READ_FROM: Readonly<Record<string, { readonly key: string; readonly what: string }>> = {
  sentOn: { key: 'history', what: 'that history entry is not read, and the request it records is not known' },
  'meeting.date': { key: 'meeting', what: 'the meeting is not read' },
};

/**
 * A missing field explained by an error in the part of the note it is read
 * from (the first one there): `sentOn` when a `contacted` entry has the date
 * 2026-11-31, so the reading dropped it. The note must be fixed first.
 */
function problemFirst(field: string, contact: Contact, noteText: string, problems: readonly Diagnostic[]): MissingLetterField | undefined {
  const source = READ_FROM[baseField(field)];
  if (source === undefined) return undefined;
  const errors = problems.filter((problem) => problem.severity === 'error' && problem.file === contact.file);
  if (errors.length === 0) return undefined;
  const lines = keyLines(noteText, source.key);
  const problem = lines && errors.find((error) => error.line >= lines.from && error.line <= lines.to);
  if (!problem) return undefined;
  const detail = problem.hint ? `${problem.message} (${problem.hint})` : problem.message;
  return { field: baseField(field), source: 'note', file: contact.file, line: problem.line, hint: `the note has a problem to fix first: ${detail}; until it is fixed, ${source.what}` };
}

/** The lines (1-based, in the note) of a top-level frontmatter key and its value. */
function keyLines(noteText: string, key: string): { from: number; to: number } | undefined {
  const layout = readLayout(noteText);
  if (!layout.frontmatter) return undefined;
  const { document } = parseFrontmatter(layout.frontmatter);
  const pair = isMap(document.contents) ? document.contents.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
  const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  const end = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range?.[1];
  if (start === undefined || end === undefined) return undefined;
  const lines = new LineIndex(layout.content);
  return { from: lines.position(layout.frontmatter.start + start).line, to: lines.position(layout.frontmatter.start + end).line };
}

const FRONTMATTER_FIELDS = new Set(['name', 'role', 'organization', 'industry', 'location', 'email', 'linkedin']);

/** Where and how to give a letter a missing fact. "Set", not "add": the key may be there already, empty (as `rapport init` writes the profile). */
function whereToFill(field: string, contact: Contact, referrer: Contact | undefined): MissingLetterField {
  const base = baseField(field);
  const note = (hint: string, file = contact.file): MissingLetterField => ({ field: base, source: 'note', file, hint });
  if (FRONTMATTER_FIELDS.has(base)) return note(`set \`${base}:\` in the frontmatter`);
  if (base.startsWith('fields.')) return note(`set \`${base.slice('fields.'.length)}:\` in the frontmatter`);
  if (base in NOTE_FACTS) {
    const { label, section } = NOTE_FACTS[base as keyof typeof NOTE_FACTS];
    const extra = base === 'visiting' ? ' (or `visiting:` in the frontmatter)' : '';
    // New notes have the "Impressed by:" label already, empty: the same words for a label to complete and for one to add.
    return note(`write it after "${label}:" on its own line under "## ${section}"${extra}`);
  }
  if (base === 'foundVia') {
    if (contact.source !== undefined) return { field: base, source: 'value', hint: `say how you found them, as a sentence ("We met at the open house in October"): \`source: ${contact.source}\` gives a letter nothing to say` };
    return note('set `source:` in the frontmatter (linkedin, association, alumni, event, referral, cold)');
  }
  if (base === 'sentOn') return note('record the request first: a `contacted` entry in `history` (rapport advance … contacted)');
  if (base.startsWith('meeting.')) return note('set `meeting: at:` with the date and time (rapport advance … scheduled --at …)');
  if (base.startsWith('referrer.')) {
    if (!contact.referredBy) return note('set `referred_by: "[[id]]"` to the contact who referred them');
    if (!referrer) return note(`create a note for [[${contact.referredBy}]], named in \`referred_by\``);
    return note(`set \`${base.slice('referrer.'.length)}:\` in the frontmatter of the referrer's note`, referrer.file);
  }
  if (base.startsWith('profile.')) return { field: base, source: 'profile', file: CONFIG_PATH, hint: `set \`${base.slice('profile.'.length)}:\` under \`profile:\`` };
  return { field: base, source: 'value', hint: `give a value for \`${base}\` when writing the letter` };
}
