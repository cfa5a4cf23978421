import { collate } from '../collation.js';
import type { Contact, HistoryEntry } from '../model/contact.js';
import { CLOSED_STAGES, STAGES, type Stage } from '../model/vocabulary.js';
import type { Rules } from '../workspace/config.js';
import { defaultRules } from '../workspace/config.js';
import { outcomeActions } from '../outcomes/outcome-actions.js';
import { namesakeIdsAmong, organizationInText, organizationKey } from '../model/person-name.js';
import { addCalendarDays, addWorkingDays, assertTimeZone, assertValidNow, meetingClock, meetingDate, meetingStart, offsetClock, onWorkingDay, todayIn } from './dates.js';
import { hasMet } from './met.js';
import { InvalidInputError } from '../errors.js';
import { typeName } from '../model/type-name.js';
import { isLinkedInConnection } from '../model/linkedin.js';

/** What a next action is about; letters name the template that fits. */
export type ActionKind = 'manual' | 'write' | 'follow-up' | 'second-contact' | 'give-up' | 'reply' | 'schedule' | 'prepare' | 'meet' | 'mark-held' | 'thank' | 'keep-in-touch' | 'outcome' | 'add-referral' | 'ask-referral-name';

/** What to do next about a contact, and by when, as `nextActions` computes it (or as the note's `next` field says). */
export interface NextAction {
  readonly contactId: string;
  readonly kind: ActionKind;
  /** What to do, in words. */
  readonly action: string;
  /** Day it is due, `YYYY-MM-DD`; `null` when it has no date. */
  readonly due: string | null;
  /** The letter template suited to this action, if any. */
  readonly letter?: string;
  /** An action from an Outcomes item: the item's 1-based line in the note. */
  readonly line?: number;
  /** `add-referral`: the name to create a contact for (`rapport new --from <id> "<name>"`), as written, or guessed from a link (`nameFromLink`). */
  readonly referral?: string;
  /** `add-referral`: the id of the one contact already named so, whom `addReferral` links rather than creating a second note. */
  readonly existing?: string;
  /** `second-contact`: the id of the colleague it suggests writing to, one found at the organization and not yet written to. */
  readonly colleague?: string;
  /** `meet`: the meeting's start on its day, `HH:mm` in the context's zone (the agenda orders a day's meetings by it). */
  readonly time?: string;
  /** The day it was due before the contact's snooze (`snoozed_until`) moved it to `due`. */
  readonly snoozedFrom?: string;
}

/** What next actions are computed against: the current instant and zone, the rules (default `defaultRules`) and the other contacts. */
export interface ActionContext {
  /** The current instant. */
  readonly now: Date;
  /** IANA zone of the person keeping the notes. */
  readonly timezone: string;
  readonly rules?: Rules;
  /**
   * Every contact, so the 3B7 rule can see who else works at the same organization. Without it,
   * that rule is off: no "try a second person" action, as the agenda (which always has them) would give.
   */
  readonly contacts?: readonly Contact[];
  /**
   * Ids that have a note even where it cannot be read as a contact (`NoteIndex.brokenNotes()`):
   * a referral linked to one is not a contact still to add. By default, the ids of `contacts`.
   */
  readonly unreadableIds?: ReadonlySet<string>;
  /**
   * The id a note for a name gets: `contactSlug`, synchronously (`await loadSlugger()`). Given, a referrer
   * whose Outcomes name someone in words ("Grace Liu") and link to the id they would get (`[[grace-liu]]`)
   * with no note has one agenda line for them, the named one. Without it, the two are told apart by what
   * was written. Only needed where `NoteIndex.namesBesideMissingLinks()` says so. Default: none.
   */
  readonly contactSlug?: (name: string) => string;
}

/** Actions a booked meeting keeps beside a manual `next`: it is still prepared for, takes place on its day, and asks to be recorded. */
const MEETING_KINDS: readonly ActionKind[] = ['prepare', 'meet', 'mark-held'];

/**
 * Every suggested action for one contact, main one first: the step of the
 * contact's own stage, then suggestions beside it (such as trying a second
 * person at the organization), whatever their dates; the agenda sorts them
 * by date. A manual `next`
 * in the note comes first and replaces the suggestions, but not a booked
 * meeting's (prepare for it, meet, then record it as held).
 * A closed contact has none: closing ends every action, a `next` written
 * before it included. A contact snoozed (`snoozed_until` a day after an
 * action's) has that action due on that day, `snoozedFrom` its own; see
 * `snoozeContact`. Throws `InvalidInputError` for an unknown `timezone`
 * or a `now` that is an Invalid Date, whether or not this contact needs them.
 */
export function nextActions(contact: Contact, context: ActionContext): NextAction[] {
  assertArguments('nextActions', 'contact', contact, context);
  assertValidNow(context.now);
  assertTimeZone(context.timezone);
  if (CLOSED_STAGES.includes(contact.stage)) return [];
  const suggested = suggestedActions(contact, context);
  let actions = suggested;
  if (contact.next) {
    const manual: NextAction = { contactId: contact.id, kind: 'manual', action: contact.next.action, due: contact.next.due };
    actions = [manual, ...suggested.filter((action) => MEETING_KINDS.includes(action.kind))];
  }
  return contact.snoozedUntil === undefined ? actions : snoozed(actions, contact.snoozedUntil, todayIn(context.timezone, context.now));
}

/**
 * The actions as a snooze until `until` leaves them: one due before that day is due on it
 * (`snoozedFrom` says when it was due), with its kind, words and letter. A snooze whose day
 * has passed changes nothing: once it is over, each action is due when the rules say. A
 * meeting keeps its day (it is the other person's time too: move it by rescheduling), and
 * preparing for it is put off at most to the meeting's day. Undated actions stay undated:
 * nothing in them is due.
 */
function snoozed(actions: NextAction[], until: string, today: string): NextAction[] {
  if (until < today) return actions;
  const meetingDay = actions.find((action) => action.kind === 'meet')?.due ?? undefined;
  return actions.map((action) => {
    if (action.due === null || action.due >= until || action.kind === 'meet') return action;
    const due = action.kind === 'prepare' && meetingDay !== undefined && meetingDay < until ? meetingDay : until;
    return due === action.due ? action : { ...action, due, snoozedFrom: action.due };
  });
}

/** The actions the rules suggest for a contact not closed, main one first. */
function suggestedActions(contact: Contact, context: ActionContext): NextAction[] {
  const rules = context.rules ?? defaultRules;
  const make = (kind: ActionKind, action: string, due: string | null, letter?: string): NextAction => (letter ? { contactId: contact.id, kind, action, due, letter } : { contactId: contact.id, kind, action, due });

  const since = stageDate(contact, contact.stage);
  const name = contact.name;
  switch (contact.stage) {
    case 'identified':
      return [make('write', `Write to ${name}${contact.referredBy ? ', naming who referred you' : ''}`, null, firstLetter(contact))];
    case 'contacted':
    case 'followed-up': {
      const reply = since === null ? undefined : replySince(contact, since);
      if (reply) {
        // They answered without a time or a no: no nudge, no second person. Answer it promptly; once your answer
        // is logged, a quiet spell comes back to you when a follow-up would.
        const last = contact.history.at(-1)!;
        const due = last === reply ? addWorkingDays(reply.date, rules.answerWithin, rules.holidays) : addWorkingDays(last.date, rules.followUpAfter, rules.holidays);
        return [make('reply', `${name} replied on ${reply.date}: agree a time to talk`, due)];
      }
      if (contact.stage === 'followed-up') return [make('give-up', `No reply from ${name} since the follow-up: mark as no-response`, since && addWorkingDays(since, rules.giveUpAfter, rules.holidays))];
      const actions = [make('follow-up', `Follow up with ${name} if there is no reply`, since && addWorkingDays(since, rules.followUpAfter, rules.holidays), 'follow-up')];
      // `dismissed` last: it is read from the note's frontmatter, which a contact restored from the cache decodes on first use.
      if (since && contact.organization && isColdOutreach(contact) && !hasColleague(contact, context.contacts) && !isDismissed(contact, 'second-contact')) {
        // Someone already found there, not yet written to, is the obvious second person.
        const found = identifiedColleague(contact, context.contacts);
        const second = make('second-contact', `No reply from ${name} yet: try a second person at ${organizationInText(contact.organization)}${found ? `, such as ${found.name}` : ''}`, addWorkingDays(since, rules.secondContactAfter, rules.holidays));
        actions.push(found ? { ...second, colleague: found.id } : second);
      }
      return actions;
    }
    case 'scheduled':
    case 'prepared': {
      const meeting = contact.meeting;
      if (!meeting) return [make('schedule', `Add the meeting time with ${name}`, since)];
      const day = meetingDate(meeting.at, context.timezone);
      const end = meetingStart(meeting.at, context.timezone).getTime() + meeting.minutes * 60_000;
      if (context.now.getTime() >= end) return [make('mark-held', `Record the meeting with ${name} as held and write your notes`, day)];
      const clock = meetingClock(meeting.at, context.timezone);
      // Booked at the other person's time (an offset): theirs is said too, as the letters and the call speak in it.
      const written = offsetClock(meeting.at);
      const theirs = written !== undefined && written !== clock ? `${written} their time; ` : '';
      const meet: NextAction = { ...make('meet', `Meet ${name} at ${clock} (${theirs}${meeting.format}, ${meeting.minutes} min)`, day), time: clock };
      if (contact.stage === 'prepared') return [meet];
      // Dated by the meeting, never by today: an unprepared meeting shows as overdue preparation, and the meeting itself still shows on its day.
      return [make('prepare', `Prepare for ${name}: research and questions`, prepareBy(onWorkingDay(addCalendarDays(day, -rules.prepareBefore), rules.holidays ?? [], 'earlier'), since, day)), meet];
    }
    case 'held':
      return [make('thank', `Send ${name} a thank-you note`, since && addCalendarDays(since, rules.thankWithin), 'thank-you')];
    case 'thanked':
    case 'nurturing': {
      const last = contact.history.at(-1)?.date ?? since;
      // The keep-in-touch letter recalls the conversation: not for someone picked up again after a no, never met.
      return [make('keep-in-touch', `Keep in touch with ${name}`, last ? onWorkingDay(addCalendarDays(last, contact.touchEvery ?? rules.touchEvery), rules.holidays ?? [], 'later') : null, hasMet(contact) ? 'keep-in-touch' : undefined)];
    }
    default:
      return [];
  }
}

/**
 * The letter to write first: on LinkedIn alone (no email address, a profile, not yet a connection) only a
 * connection request reaches them, and it names the referrer when there is one; else the referral letter
 * for someone referred, the cold email for anyone else.
 */
function firstLetter(contact: Contact): string {
  if (contact.email === undefined && contact.linkedin !== undefined && !isLinkedInConnection(contact)) return 'linkedin-note';
  return contact.referredBy ? 'referral' : 'cold-email';
}

/** The main next action of a contact, or `null` when none is due (closed stages). */
export function nextAction(contact: Contact, context: ActionContext): NextAction | null {
  assertArguments('nextAction', 'contact', contact, context);
  return nextActions(contact, context)[0] ?? null;
}

/**
 * The stage to offer when the user moves a contact on: the lifecycle's next one, except that
 * a logged reply leads to a meeting, not a nudge, a booked meeting that has ended leads to
 * held, not prepared, and silence after the follow-up, once the agenda says to give up, leads
 * to no-response. A snooze holds that back: the user put the contact off, so giving up
 * waits for the snooze's day, as the agenda's action does. `undefined` after nurturing and
 * in a closed stage.
 */
export function suggestedStage(contact: Contact, context: ActionContext): Stage | undefined {
  const suggested = suggestedActions(contact, context);
  const main = (contact.snoozedUntil === undefined ? suggested : snoozed(suggested, contact.snoozedUntil, todayIn(context.timezone, context.now)))[0];
  if (main?.kind === 'reply') return 'scheduled';
  if (main?.kind === 'mark-held') return 'held';
  // Before its day a reply may still come, and the meeting it leads to stays the offer.
  if (main?.kind === 'give-up' && main.due !== null && main.due <= todayIn(context.timezone, context.now)) return 'no-response';
  const current = STAGES.indexOf(contact.stage);
  return current < STAGES.indexOf('nurturing') ? STAGES[current + 1] : undefined;
}

/**
 * The day to record a contact's booked meeting as held on when that day has passed:
 * the meeting's day, unless it is before the last history entry (a held entry cannot
 * go before it); `undefined` when the meeting is today or later, or there is none.
 */
export function pastMeetingDay(contact: Contact, timeZone: string, today: string): string | undefined {
  if (!contact.meeting) return undefined;
  const day = meetingDate(contact.meeting.at, timeZone);
  const last = contact.history.at(-1)?.date;
  return day < today && (last === undefined || day >= last) ? day : undefined;
}

/** The contact's reply logged on or after `since` (the request or the follow-up), the latest if several. */
export function replySince(contact: Contact, since: string): HistoryEntry | undefined {
  const reply = contact.history.findLast((entry) => entry.replied === true);
  return reply && reply.date >= since ? reply : undefined;
}

/** Date the contact entered `stage`: the latest history entry for it (a logged touch is not a step), else the latest entry at all. */
export function stageDate(contact: Contact, stage: Stage): string | null {
  for (let i = contact.history.length - 1; i >= 0; i--) {
    const entry = contact.history[i]!;
    if (entry.stage === stage && !entry.touch) return entry.date;
  }
  return contact.history.at(-1)?.date ?? null;
}

/** Checked for callers without types (plain JavaScript), who would otherwise get a `TypeError` from deep inside. */
function assertArguments(call: string, first: string, value: unknown, context: unknown): void {
  if (value === null || typeof value !== 'object') throw new InvalidInputError(`${call}(${first}, context) needs the ${first}, as the index gives ${first === 'contact' ? 'it' : 'them'} (got ${typeName(value)})`);
  if (context === null || typeof context !== 'object') throw new InvalidInputError(`${call}(${first}, context) needs its context, such as { now: new Date(), timezone: 'Europe/Paris' } (got ${typeName(context)})`);
}

/** Another contact at the same organization that is not closed: no need for a second person. */
function hasColleague(contact: Contact, contacts: readonly Contact[] | undefined): boolean {
  if (!contacts) return true;
  const ids = colleaguesByOrganization(contacts).get(organizationKey(contact.organization!))?.active;
  return ids !== undefined && (ids.size > 1 || !ids.has(contact.id));
}

/** The contact at the same organization still only identified (the first by id, then file), if any. */
function identifiedColleague(contact: Contact, contacts: readonly Contact[] | undefined): Contact | undefined {
  const found = contacts && colleaguesByOrganization(contacts).get(organizationKey(contact.organization!))?.identified;
  return found?.id === contact.id ? undefined : found;
}


/** Contacts that count as a colleague: under way, neither just identified nor closed. */
export function isActiveContact(contact: Contact): boolean {
  return contact.stage !== 'identified' && !CLOSED_STAGES.includes(contact.stage);
}

/** Of two contacts, the one an agenda names first: by id, then by file (two notes can share an id). */
export function isNamedBefore(a: Contact, b: Contact): boolean {
  return a.id < b.id || (a.id === b.id && a.file < b.file);
}

/** One organization's people, as the colleague rules see them: the ids of active contacts, and the identified one an agenda would name. */
interface Colleagues {
  readonly active: Set<string>;
  identified?: Contact;
}

// An agenda asks about colleagues once per contact: index each contact list once, not scan it each time.
const colleagueIndexes = new WeakMap<readonly Contact[], Map<string, Colleagues>>();

function colleaguesByOrganization(contacts: readonly Contact[]): Map<string, Colleagues> {
  let index = colleagueIndexes.get(contacts);
  if (!index) {
    index = new Map();
    for (const other of contacts) {
      if (other.organization === undefined) continue;
      const active = isActiveContact(other);
      if (!active && other.stage !== 'identified') continue;
      const key = organizationKey(other.organization);
      let colleagues = index.get(key);
      if (!colleagues) index.set(key, (colleagues = { active: new Set() }));
      if (active) colleagues.active.add(other.id);
      else if (!colleagues.identified || isNamedBefore(other, colleagues.identified)) colleagues.identified = other;
    }
    colleagueIndexes.set(contacts, index);
  }
  return index;
}

/** Preparation is due `prepareBefore` days ahead (on the working day before, when that is a day off), but not before the day a short-notice meeting was booked, nor after the meeting. */
function prepareBy(daysBefore: string, booked: string | null, meetingDay: string): string {
  const due = booked !== null && booked > daysBefore ? booked : daysBefore;
  return due < meetingDay ? due : meetingDay;
}

/**
 * Cold outreach: found without a personal tie or a referral. Only then does
 * a silent organization call for a second person (the 3B7 rule); a friend
 * or a referral is followed up, not worked around.
 */
export function isColdOutreach(contact: Contact): boolean {
  return contact.referredBy === undefined && contact.source !== 'personal' && contact.source !== 'referral';
}

/** Suggested actions a note can turn off in its `dismissed` list. */
export const DISMISSABLE_ACTIONS = ['second-contact'] as const satisfies readonly ActionKind[];
/** A computed action the user can dismiss for one contact (the `dismissed` field), one of `DISMISSABLE_ACTIONS`. */
export type DismissableAction = (typeof DISMISSABLE_ACTIONS)[number];

/** True when `value` is one of `DISMISSABLE_ACTIONS`. */
export function isDismissableAction(value: unknown): value is DismissableAction {
  return typeof value === 'string' && (DISMISSABLE_ACTIONS as readonly string[]).includes(value);
}

/** True when the note's `dismissed` field (a list, or one name) names `kind`. */
export function isDismissed(contact: Contact, kind: DismissableAction): boolean {
  const dismissed = contact.fields.dismissed;
  return dismissed === kind || (Array.isArray(dismissed) && dismissed.includes(kind));
}

/** One line of the agenda. */
export interface AgendaItem {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly kind: ActionKind;
  readonly action: string;
  /** `YYYY-MM-DD`; `null` for an undated action (someone to write to, a `next` without `due`). */
  readonly due: string | null;
  /** `true` when `due` is before today; always `false` when undated. */
  readonly overdue: boolean;
  readonly letter?: string;
  /** An action from an Outcomes item: the item's 1-based line in the note. */
  readonly line?: number;
  /** `add-referral`: the name to create a contact for. */
  readonly referral?: string;
  /** `add-referral`: the id of the one contact already named so, to link rather than create. */
  readonly existing?: string;
  /** `second-contact`: the id of the colleague it suggests writing to. */
  readonly colleague?: string;
  /** `meet`: the meeting's start, `HH:mm` in the configured zone. */
  readonly time?: string;
  /** The day it was due before the contact's snooze (`snoozed_until`) moved it to `due`. */
  readonly snoozedFrom?: string;
}

/**
 * The name of the person an agenda item is about, when its words leave
 * them out: an action written by hand ("Send him the article") or one from
 * an Outcomes item ("Follow up on the lead at Xcel Energy: …"); `undefined`
 * when the action names them (the rules' actions all do). For a list or a
 * calendar with no column for the person.
 */
export function unnamedPerson(item: Pick<AgendaItem, 'kind' | 'action' | 'name'>): string | undefined {
  if (item.kind !== 'manual' && item.kind !== 'outcome') return undefined;
  const first = item.name.split(/\s+/)[0]!;
  return item.action.includes(first) ? undefined : item.name;
}

/**
 * Every action across contacts: dated ones soonest first (overdue flagged), then the undated ones,
 * referrals first among them (see `compareAgendaItems`).
 * Throws `InvalidInputError` for an unknown `timezone` or a `now` that is an Invalid Date.
 *
 * @example
 * ```ts
 * import { agenda, loadWorkspace, MemoryStore } from '@rapport/core';
 *
 * const workspace = await loadWorkspace(new MemoryStore({
 *   'maya-chen.md': '---\ntype: contact\nname: Maya Chen\nstage: contacted\nhistory:\n  - {date: 2026-11-02, stage: contacted}\n---\n',
 * }));
 * const items = agenda(workspace.index.contacts(), { now: new Date('2026-11-23T12:00:00Z'), timezone: 'UTC' });
 * console.log(items.map((item) => `${item.due} ${item.overdue} ${item.action}`)); // → [ '2026-11-11 true Follow up with Maya Chen if there is no reply' ]
 * ```
 */
export function agenda(contacts: readonly Contact[], context: ActionContext): AgendaItem[] {
  if (!Array.isArray(contacts)) throw new InvalidInputError(`agenda(contacts, context) needs the contacts as an array, such as workspace.index.contacts() (got ${typeName(contacts)})`);
  assertArguments('agenda', 'contacts', contacts, context);
  const today = todayIn(context.timezone, context.now);
  const withContacts = { ...context, contacts: context.contacts ?? contacts };
  const ids = new Set(withContacts.contacts.map((contact) => contact.id));
  const unreadable = context.unreadableIds;
  const resolves = (id: string) => ids.has(id) || unreadable?.has(id) === true;
  const named = namesakeIdsAmong(withContacts.contacts);
  return contacts.flatMap((contact) => contactAgenda(contact, withContacts, today, resolves, named)).sort(compareAgendaItems);
}

/**
 * The agenda lines of one contact: its `nextActions`, then what its open outcomes call for (`today` is `todayIn` of the
 * context; `resolves` tells which ids have a contact note, for referrals written as links; `namesakes` which contacts a
 * referral's name may be about).
 */
export function contactAgenda(contact: Contact, context: ActionContext, today: string, resolves?: (id: string) => boolean, namesakes?: (name: string, organization?: string) => readonly string[]): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const action of [...nextActions(contact, context), ...outcomeActions(contact, resolves, namesakes, context.contactSlug)]) {
    const { kind, due, letter, line, referral, existing, colleague, time, snoozedFrom } = action;
    const overdue = due !== null && due < today;
    items.push({
      id: contact.id,
      name: contact.name,
      file: contact.file,
      kind,
      action: action.action,
      due,
      overdue,
      ...(letter === undefined ? {} : { letter }),
      ...(line === undefined ? {} : { line }),
      ...(referral === undefined ? {} : { referral }),
      ...(existing === undefined ? {} : { existing }),
      ...(colleague === undefined ? {} : { colleague }),
      ...(time === undefined ? {} : { time }),
      ...(snoozedFrom === undefined ? {} : { snoozedFrom }),
    });
  }
  return items;
}

/**
 * Agenda order: soonest first, undated last, then by name and action. On a day, its meetings come
 * first, by their time. Among the undated, referrals come first: people open up more to a mutual
 * connection, and adding someone named in an Outcomes section is the step before their referral letter.
 */
export function compareAgendaItems(a: AgendaItem, b: AgendaItem): number {
  return compareDue(a.due, b.due) || compareUndatedReferralsFirst(a, b) || compareMeetingTimes(a, b) || collate(a.name, b.name) || collate(a.action, b.action);
}

/** For two items due the same day: a meeting before any other item, two meetings by their time, else 0. */
export function compareMeetingTimes(a: AgendaItem, b: AgendaItem): number {
  if (a.time === b.time) return 0;
  if (a.time === undefined) return 1;
  if (b.time === undefined) return -1;
  return a.time < b.time ? -1 : 1;
}

/** For two items due the same day, or both undated: an undated referral before any other undated item, else 0. */
export function compareUndatedReferralsFirst(a: AgendaItem, b: AgendaItem): number {
  return a.due === null && b.due === null ? Number(isReferralItem(b)) - Number(isReferralItem(a)) : 0;
}

/** A referred person: one to write to with the referral letter, one still to add (or link) from a referrer's Outcomes, or one whose name is still to ask for. */
function isReferralItem(item: AgendaItem): boolean {
  return item.letter === 'referral' || item.kind === 'add-referral' || item.kind === 'ask-referral-name';
}

/** Due dates in agenda order: `YYYY-MM-DD` by code units (their calendar order), `null` (undated) after every date. */
export function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
