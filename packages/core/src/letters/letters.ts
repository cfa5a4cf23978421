import { InvalidInputError, LetterUnfitError, MissingLetterFieldsError, type MissingLetterField } from '../errors.js';
import { advance, checkLetterRecordable, meetingAhead } from '../lifecycle/advance.js';
import { isCalendarDate, todayIn } from '../lifecycle/dates.js';
import type { Contact } from '../model/contact.js';
import { CHANNELS, isChannel, type Channel, type Stage } from '../model/vocabulary.js';
import { editNote, findContact, type Workspace } from '../workspace/workspace.js';
import { baseField, EVENT_UNNAMED, lastRequest, letterData, type LetterData } from './letter-data.js';
import { NOTE_FACTS } from './note-facts.js';
import { loadLetterTemplate, type TemplateOptions } from './registry.js';
import { letterUnfit } from './fit.js';
import { isLinkedInConnection } from '../model/linkedin.js';
import { renderLetterTemplate } from './render-template.js';

/** Options of `renderLetter`. */
export interface RenderLetterOptions extends TemplateOptions {
  /**
   * Leave a visible `[[fill: field]]` marker for each missing field instead
   * of throwing `MissingLetterFieldsError`, for editing in place. Default `false`.
   */
  readonly draft?: boolean;
  /** Values that fill or override fields by path, e.g. `{ article: 'https://…', visiting: 'Philadelphia, Dec 14–16' }`. Default none. */
  readonly values?: Readonly<Record<string, string>>;
  /** The day the letter is written, `YYYY-MM-DD`. Default: today in the configured time zone. */
  readonly today?: string;
  /** The channel it will go through; `linkedin`, `phone` and `in-person` leave out the `Subject:` line. Default: the template's, else from the contact and the template's stage (see `preferredChannel`). */
  readonly via?: Channel;
}

/** LinkedIn's limit on the note of a connection request. */
export const LINKEDIN_NOTE_LIMIT = 300;
/** LinkedIn's limit on the note of a connection request from a free account. */
export const LINKEDIN_FREE_NOTE_LIMIT = 200;

/** A letter ready to send. Rendering records nothing: see `markLetterSent`. */
export interface Letter {
  readonly template: string;
  readonly origin: 'shipped' | 'user';
  /** Id of the contact it is written to. */
  readonly contact: string;
  /** Empty when the letter goes through a channel without subjects: LinkedIn, the phone, in person. */
  readonly subject: string;
  readonly body: string;
  /** `Subject: …`, a blank line, then the body; the body alone for a channel without subjects (LinkedIn, phone, in person). */
  readonly text: string;
  /** Things to know before sending, e.g. a LinkedIn note over the free accounts' 200 characters. */
  readonly warnings: readonly string[];
  /** Length in characters of a LinkedIn connection note (`linkedin-note`), to compare with LinkedIn's limits. */
  readonly length?: number;
  /** Draft mode only: the fields left as `[[fill: …]]` markers and where to fill them. */
  readonly missing: readonly MissingLetterField[];
  /** The stage sending it records, when the template says. */
  readonly stage?: Stage;
  /** The channel it would go through: the one given, else the template's, else `preferredChannel` for the template's stage. */
  readonly via: Channel;
  /**
   * True when `via` is the post for want of any other way to reach the person
   * (no email address, LinkedIn profile or earlier letter): a warning says so,
   * and a frontend says how to give the channel it really goes by.
   */
  readonly viaByPost?: true;
}

/**
 * Writes letter `templateName` to a contact (id or path), filled from the
 * note and the profile. Throws `LetterUnfitError` when the letter does not
 * fit the contact (see `letterUnfit`), `MissingLetterFieldsError` listing
 * every missing field (unless `draft`), `LetterTemplateError` for a broken
 * template, `LetterNotFoundError` and `NoteNotFoundError`.
 *
 * @example
 * ```ts
 * import { loadWorkspace, MemoryStore, renderLetter } from '@rapport/core';
 *
 * const workspace = await loadWorkspace(new MemoryStore({ 'maya-chen.md': '---\ntype: contact\nname: Maya Chen\nstage: held\n---\n' }));
 * const letter = await renderLetter(workspace, 'thank-you', 'maya-chen', { draft: true });
 * console.log(letter.subject); // → Thank you for your time and advice
 * console.log(letter.missing.map((missing) => missing.field)); // → [ 'learned', 'profile.name' ]
 * ```
 */
export async function renderLetter(workspace: Workspace, templateName: string, contactRef: string, options: RenderLetterOptions = {}): Promise<Letter> {
  const contact = findContact(workspace, contactRef);
  if (options.via !== undefined && !isChannel(options.via)) throw new InvalidInputError(`unknown channel "${String(options.via)}" (use one of: ${CHANNELS.join(', ')})`);
  const template = await loadLetterTemplate(workspace.store, templateName, options);
  const unfit = letterUnfit(template.name, contact);
  if (unfit !== undefined) throw new LetterUnfitError(template.name, contact.name, unfit);
  const today = options.today ?? todayIn(workspace.config.timezone);
  if (!isCalendarDate(today)) throw new InvalidInputError(`invalid date "${today}" (use YYYY-MM-DD)`);
  const referrer = contact.referredBy ? workspace.index.contact(contact.referredBy) : undefined;
  const via = options.via ?? template.via ?? preferredChannel(contact, template.stage);
  const { data, whereToFill } = letterData({
    contact,
    noteText: workspace.index.text(contact.file) ?? '',
    profile: workspace.config.profile,
    referrer,
    today,
    via,
    problems: workspace.index.reading(contact.file)?.diagnostics,
    nameOf: (id) => workspace.index.contact(id)?.name,
    ...(options.values ? { values: options.values } : {}),
  });
  const rendered = renderLetterTemplate(template, data);
  const missing = [...new Set(rendered.missing.map(baseField))].map(whereToFill);
  if (missing.length > 0 && !options.draft) throw new MissingLetterFieldsError(template.name, contact.name, missing);
  const subjectless = SUBJECTLESS_CHANNELS.includes(via);
  const text = subjectless ? rendered.body : rendered.text;
  const warnings: string[] = [];
  let length: number | undefined;
  if (template.name === 'linkedin-note') {
    length = [...text.trimEnd()].length;
    if (length > LINKEDIN_NOTE_LIMIT) warnings.push(`the note is ${length} characters: LinkedIn takes at most ${LINKEDIN_NOTE_LIMIT} in a connection request; shorten it before sending`);
    else if (length > LINKEDIN_FREE_NOTE_LIMIT) warnings.push(`the note is ${length} characters: it fits LinkedIn's ${LINKEDIN_NOTE_LIMIT}, but a free account allows only ${LINKEDIN_FREE_NOTE_LIMIT}`);
  }
  if (data.foundVia === EVENT_UNNAMED && text.includes(EVENT_UNNAMED)) {
    const { label, section } = NOTE_FACTS.seenAt;
    warnings.push(`the letter says "a recent event": name it after "${label}:" on its own line under "## ${section}" in ${contact.file}, as it follows "I saw you at" (e.g. "${label}: the UXPA Pittsburgh meetup in October")`);
  }
  // Given with --set, it is printed as written; each shipped letter starts a sentence with it.
  if (typeof data.foundVia === 'string' && /^\p{Ll}/u.test(data.foundVia) && text.includes(`. ${data.foundVia}`)) {
    warnings.push(`"${data.foundVia}" starts a sentence in this letter: give it a capital ("${data.foundVia[0]!.toUpperCase()}${data.foundVia.slice(1)}")`);
  }
  warnings.push(...thirdPersonWarnings(data, text, contact));
  // A connection request not yet accepted leaves no way to message them on LinkedIn.
  if (template.stage === 'followed-up' && via === 'linkedin' && lastRequest(contact)?.letter === 'linkedin-note' && !isLinkedInConnection(contact)) {
    const another = typeof contact.fields.email === 'string' ? 'by email, to the address in the note' : `set \`email:\` in ${contact.file}`;
    warnings.push(`your first letter to ${contact.name} was a LinkedIn connection request, and LinkedIn lets you message only your connections: if it is still pending, follow up another way (${another}), or once they accept, set \`linkedin_connected:\` to that day`);
  }
  // A first letter longer than a connection request goes by LinkedIn message, which reaches only connections.
  if (template.stage === 'contacted' && template.name !== 'linkedin-note' && via === 'linkedin' && !isLinkedInConnection(contact)) {
    const another = typeof contact.fields.email === 'string' ? 'by email, to the address in the note' : `by email (set \`email:\` in ${contact.file})`;
    warnings.push(`LinkedIn lets you message only your connections, and ${contact.name} is not one yet (no \`linkedin_connected:\` in the note): send the \`linkedin-note\` connection request (300 characters at most), or this letter ${another}; once they accept, set \`linkedin_connected:\` to that day`);
  }
  // A friend or former colleague is not written to as a stranger: the first letters introduce you and ask how they got where they are.
  if (contact.source === 'personal' && template.stage === 'contacted') {
    warnings.push(`${contact.name} is someone you know (\`source: personal\`), and this letter introduces you as to a stranger: say it as you would to them`);
  }
  // A thank-you drafted ahead speaks of the talk in the past; recording it as sent is refused until the day.
  const meetingDay = template.stage === 'thanked' ? meetingAhead(contact.stage, contact.meeting?.at, today) : undefined;
  if (meetingDay !== undefined) {
    warnings.push(`the meeting with ${contact.name} is on ${meetingDay}, still to come: this letter thanks them for a talk that has not taken place yet`);
  }
  // The last resort, chosen for want of any other way to reach them: said, so that a letter sent by email is not recorded as posted.
  const viaByPost = options.via === undefined && template.via === undefined && via === 'letter' && !contact.history.some((entry) => entry.via === 'letter');
  if (viaByPost) {
    warnings.push(`the note has no email address or LinkedIn profile, and no message you wrote to them is recorded: recorded as sent, this letter would say \`via: letter\` (by post); to send it by email, set \`email:\` in ${contact.file}`);
  }
  return {
    template: template.name,
    origin: template.origin,
    contact: contact.id,
    subject: subjectless ? '' : rendered.subject,
    body: rendered.body,
    text,
    missing,
    warnings,
    ...(viaByPost ? { viaByPost: true as const } : {}),
    ...(length === undefined ? {} : { length }),
    ...(template.stage ? { stage: template.stage } : {}),
    via,
  };
}

/**
 * Channels whose message has no subject: a LinkedIn message or connection note
 * (the line would be pasted into the message), and what is said on the phone or
 * handed over in person.
 */
const SUBJECTLESS_CHANNELS: readonly Channel[] = ['linkedin', 'phone', 'in-person'];

/** A pronoun that speaks of someone rather than to them. */
const THIRD_PERSON = /\b(?:he|him|his|himself|she|her|hers|herself)\b/i;

/**
 * A labelled line quoted in the letter that speaks of someone in the third person
 * ("Impressed by: how his team…"): the letter speaks to the person, and Rapport
 * never rewrites the user's words, so it says so instead. The pronoun may mean
 * someone else, hence "if".
 */
function thirdPersonWarnings(data: LetterData, text: string, contact: Contact): string[] {
  const warnings: string[] = [];
  const who = data.firstName ?? contact.name;
  for (const [facts, label] of [[['impressed', 'impressedBrief'], NOTE_FACTS.impressed.label], [['learned'], NOTE_FACTS.learned.label], [['topic'], NOTE_FACTS.topic.label]] as const) {
    const quoted = facts.map((fact) => data[fact]).find((value) => typeof value === 'string' && text.includes(value));
    const pronoun = quoted && THIRD_PERSON.exec(quoted)?.[0];
    if (pronoun) warnings.push(`the "${label}" line says "${pronoun}", and the letter speaks to ${who}: if that means ${who}, write it as you would say it to them ("your team", "you said") in ${contact.file}`);
  }
  return warnings;
}

/** The channels a letter can be written through. */
const WRITTEN_CHANNELS: readonly Channel[] = ['email', 'linkedin', 'letter'];

/**
 * The channel a letter to the contact goes through when none is given. A
 * follow-up (a letter that records `followed-up`) goes the way the request
 * went (the latest `contacted` entry's `via`) while that way is still open
 * (a phone call needs a number in the note; "in person" and "other" are
 * never taken again). Any other letter, or a follow-up to a request sent
 * some other way: email when the contact has an address; else where the last
 * written message to them went (a follow-up to a LinkedIn message goes
 * through LinkedIn, even with no profile URL in the note); else LinkedIn when
 * they have a profile or are a LinkedIn connection (`isLinkedInConnection`);
 * else a letter.
 *
 * @param stage The stage the letter records (its template's `stage`), when known.
 */
export function preferredChannel(contact: Contact, stage?: Stage): Channel {
  return channelChoice(contact, stage).channel;
}

/** The channel `preferredChannel` picks, with why in a few words, for a prompt to say. */
export interface ChannelChoice {
  readonly channel: Channel;
  /** "the note has an email address"…; none for the last resort, a letter by post, which nothing in the note suggests. */
  readonly reason?: string;
}

/** `preferredChannel`'s choice and its reason (see `ChannelChoice`). */
export function channelChoice(contact: Contact, stage?: Stage): ChannelChoice {
  if (stage === 'followed-up') {
    const request = lastRequest(contact)?.via;
    if (request !== undefined && stillOpen(contact, request)) return { channel: request, reason: 'the way the request went' };
  }
  if (contact.email) return { channel: 'email', reason: 'the note has an email address' };
  const lastWritten = contact.history.findLast((entry) => entry.via !== undefined && WRITTEN_CHANNELS.includes(entry.via))?.via;
  if (lastWritten) return { channel: lastWritten, reason: 'the way you last wrote' };
  if (contact.linkedin) return { channel: 'linkedin', reason: 'the note has a LinkedIn profile' };
  if (isLinkedInConnection(contact)) return { channel: 'linkedin', reason: 'one of your LinkedIn connections' };
  return { channel: 'letter' };
}

/**
 * Whether a follow-up can still go through `channel`: by phone only with a
 * number in the note; never "in person" or "other", which say nothing of where
 * to write. (Email is always: without an address in the note, `preferredChannel`
 * picks it anyway as where the last message went.)
 */
function stillOpen(contact: Contact, channel: Channel): boolean {
  if (channel === 'phone') return contact.phone !== undefined;
  return channel === 'email' || channel === 'linkedin' || channel === 'letter';
}

/** Options of `markLetterSent`. */
export interface MarkSentOptions extends TemplateOptions {
  /** Day it was sent, `YYYY-MM-DD`. */
  readonly date: string;
  /** Channel used. Default: the template's, else from the contact and the stage recorded (see `preferredChannel`). */
  readonly via?: Channel;
  /** Stage to record. Default: the template's `stage` (contacted, followed-up, thanked, nurturing…), which needs the template to exist. */
  readonly stage?: Stage;
  /** A short remark for the history entry. */
  readonly note?: string;
  /** Record it even when refused: dated before the last entry, a thank-you before the meeting, the stage the contact is in already (a letter recorded twice; keep-in-touch aside) or one they are past. Default `false`. */
  readonly force?: boolean;
}

/** What `markLetterSent` recorded: the contact, the stage change, and the history entry's day, channel and letter. */
export interface LetterSent {
  readonly contact: string;
  readonly file: string;
  /** Stage before and after. */
  readonly from: Stage;
  readonly stage: Stage;
  readonly date: string;
  readonly via: Channel;
}

/**
 * Records that letter `templateName` was sent: `advance`s the contact to the
 * template's stage with a history entry carrying `via` and `letter`. The
 * note is edited losslessly and atomically. Refused (`RecordingRefusedError`)
 * unless `force`: what `advance` refuses, and a letter that records the
 * stage the contact is in already (keep-in-touch aside) or one before it,
 * unless they are closed (declined, no-response, archived).
 */
export async function markLetterSent(workspace: Workspace, contactRef: string, templateName: string, options: MarkSentOptions): Promise<LetterSent> {
  const { sent, edit } = await letterSentEdit(workspace, contactRef, templateName, options);
  await editNote(workspace, sent.file, edit, { retries: 5 });
  return sent;
}

/** What `letterSentEdit` gives: what would be recorded, and the edit that records it. */
export interface LetterSentEdit {
  /** The step recorded, as `markLetterSent` returns it. */
  readonly sent: LetterSent;
  /** The note's text with the step recorded; throws as `markLetterSent` refuses. */
  readonly edit: (text: string) => string;
}

/**
 * What `markLetterSent` records, as the edit of the note's text it makes, for
 * a caller that applies it elsewhere (VS Code, into an editor with unsaved
 * changes). Refuses as `markLetterSent` does; `edit` refuses a text that
 * changed meanwhile in the same ways.
 */
export async function letterSentEdit(workspace: Workspace, contactRef: string, templateName: string, options: MarkSentOptions): Promise<LetterSentEdit> {
  const contact = findContact(workspace, contactRef);
  // An unknown channel is refused by `advance`, with the same message.
  let recorded = options.stage;
  let templateChannel: Channel | undefined;
  // With an explicit stage the letter need not be one Rapport knows (it may have been written elsewhere).
  if (recorded === undefined) {
    const template = await loadLetterTemplate(workspace.store, templateName, options);
    const unfit = letterUnfit(template.name, contact);
    if (unfit !== undefined) throw new LetterUnfitError(template.name, contact.name, unfit);
    if (template.stage === undefined) throw new InvalidInputError(`the ${templateName} letter does not say which stage sending it records: give the stage`);
    recorded = template.stage;
    templateChannel = template.via;
  }
  const stage = recorded;
  const channel = options.via ?? templateChannel ?? preferredChannel(contact, stage);
  const edit = (text: string): string => {
    if (!options.force) checkLetterRecordable(text, stage, options.date);
    return advance(text, stage, { date: options.date, via: channel, letter: templateName, ...(options.note ? { note: options.note } : {}), ...(options.force ? { force: true } : {}) });
  };
  return { sent: { contact: contact.id, file: contact.file, from: contact.stage, stage, date: options.date, via: channel }, edit };
}
