import { TZDate, tzOffset } from '@date-fns/tz';
import ICAL from 'ical.js';
import { isMap, isScalar, type Node } from 'yaml';
import { meetingStart } from '../lifecycle/dates.js';
import { unnamedPerson, type AgendaItem } from '../lifecycle/next-action.js';
import type { Contact, Meeting } from '../model/contact.js';
import { AFTER_MEETING_STAGES, MEETING_PENDING_STAGES, type Stage } from '../model/vocabulary.js';
import { parseFrontmatter } from '../note/frontmatter.js';
import { LineIndex, readLayout } from '../note/source.js';
import type { Workspace } from '../workspace/workspace.js';
import { contentLines } from './content-lines.js';
import { ExportedActions, privateFieldFilter } from './privacy.js';
import { exportActionContext, type ExportOptions } from './records.js';
import { refuseUnsafeExport } from './refusal.js';
import { outcomeEventKey, uidStems } from './uid.js';
import { isUtc, zoneComponent } from './vtimezone.js';

/**
 * Stages whose `meeting` is put in the calendar: planned ones, and the one that took place, which
 * stays after the thank-you (a calendar that subscribes to the file keeps it). A closed contact's
 * meeting is left out: it may never have taken place.
 */
const MEETING_STAGES: readonly Stage[] = [...MEETING_PENDING_STAGES, ...AFTER_MEETING_STAGES];

/** When a due action's reminder goes off: this long after the start of its day. */
const REMINDER_AFTER_MIDNIGHT = 9 * 3600;

const CALENDAR_NAME = 'Rapport informational interviews';

/** A meeting the calendar leaves out because its note's `meeting` cannot be read (`minutes: 0`, a time that is no time). */
export interface LeftOutMeeting {
  /** The note, relative to the notes folder. */
  readonly file: string;
  /** The contact's name. */
  readonly name: string;
  /** The 1-based line of the problem (of `meeting:` when none is found). */
  readonly line: number;
  /** What is wrong, as `rapport check` words it. */
  readonly reason: string;
}

/** `exportIcsDetails`'s result: the calendar, how many events it holds, and the meetings it leaves out. */
export interface IcsExport {
  /** The iCalendar text (CRLF line endings, the last line's included). */
  readonly text: string;
  /** Events in the calendar; with none, it holds only the configured zone's VTIMEZONE. */
  readonly events: number;
  readonly leftOut: readonly LeftOutMeeting[];
}

/**
 * The notes as an iCalendar file (RFC 5545), written by ical.js. Every
 * meeting of a scheduled, prepared or just-held contact is an event in the
 * configured time zone (with its VTIMEZONE; in UTC when it touches the
 * hour the clocks go back, which local times cannot say for every reader),
 * lasting its `minutes`, with the place as LOCATION and the link as URL. Every dated next action (core `agenda`) is an
 * all-day event with a reminder at 9:00 — except "meet", which the meeting
 * event already is. Private fields are left out, and so is what is worked
 * out from them (see `ExportedActions`). A calendar with no event holds the
 * configured zone's VTIMEZONE: RFC 5545 wants at least one component.
 *
 * UIDs are derived from the contact id and what the event is
 * (`maya-chen-meeting@rapport`, `maya-chen-follow-up@rapport`; an outcome's
 * by its kind and place among the contact's outcomes of that kind,
 * `marcus-bell-outcome-lead-1@rapport`, see `outcomeEventKey`; a note whose
 * id another note shares takes its path, `closed/maya-chen-meeting@rapport`) and SEQUENCE
 * from the length of the contact's history, so importing a newer export
 * into a calendar updates its events instead of duplicating them.
 *
 * Throws `ExportRefusedError` (the reason `exportRefusal` gives) when
 * `.rapport/config.yaml` has an error or a `private:` that cannot be read.
 */
export function exportIcs(workspace: Workspace, options: ExportOptions = {}): string {
  return exportIcsDetails(workspace, options).text;
}

/** `exportIcs`, with what a caller reports besides the text: how many events there are, and which meetings are left out for a problem in their note. */
export function exportIcsDetails(workspace: Workspace, options: ExportOptions = {}): IcsExport {
  refuseUnsafeExport(workspace);
  const now = options.now ?? new Date();
  const { config } = workspace;
  const zone = config.timezone;
  const contacts = workspace.index.contacts();
  const isPrivate = privateFieldFilter(config.privateFields);
  const actions = new ExportedActions(contacts, exportActionContext(workspace, options, now), isPrivate);
  const uidStem = uidStems(contacts);
  const uid = (contact: Contact, kind: string) => `${uidStem(contact)}-${kind}@rapport`;

  const meetings = contacts.flatMap((contact) => {
    const shown = actions.contact(contact);
    return shown.meeting && MEETING_STAGES.includes(shown.stage) ? [{ contact: shown, meeting: shown.meeting, start: meetingStart(shown.meeting.at, zone).getTime() }] : [];
  });
  const years = [...meetings.map((meeting) => meeting.start), now.getTime()].map((time) => new Date(time).getUTCFullYear());
  const from = new Date(Date.UTC(Math.min(...years) - 1, 0, 1));
  const to = new Date(Date.UTC(Math.max(...years) + 2, 0, 1));

  const events: ICAL.Component[] = [];
  let zoneUsed = false;
  for (const { contact, meeting, start } of meetings) {
    const event = newEvent(uid(contact, 'meeting'), contact, now);
    const times = meetingTimes(start, start + meeting.minutes * 60_000, zone);
    zoneUsed ||= times.inZone;
    for (const [name, time] of [['dtstart', times.start], ['dtend', times.end]] as const) {
      const property = event.addPropertyWithValue(name, time);
      if (times.inZone) property.setParameter('tzid', zone);
    }
    event.addPropertyWithValue('summary', meetingSummary(contact));
    if (meeting.place) event.addPropertyWithValue('location', meeting.place);
    event.addPropertyWithValue('description', meetingDescription(contact, meeting));
    // A URI value (RFC 5545 3.3.13) is written as it is: no backslash before `,` or `;`.
    if (meeting.link) event.addPropertyWithValue('url', meeting.link).setParameter('value', 'URI');
    events.push(event);
  }

  const byFile = new Map(contacts.map((contact) => [contact.file, contact]));
  for (const item of actions.agenda()) {
    // A meeting is its own timed event; an undated action has no day to put in a calendar.
    if (item.kind === 'meet' || item.due === null) continue;
    const written = byFile.get(item.file)!;
    const contact = actions.contact(written);
    // A contact can have several dated outcomes (referrals to add included): each is its own event, named by its kind and place, not its words.
    const key = (item.kind === 'outcome' || item.kind === 'add-referral' || item.kind === 'ask-referral-name') && item.line !== undefined ? outcomeEventKey(written, item.line) : item.kind;
    const event = newEvent(uid(contact, key), contact, now);
    const day = ICAL.Time.fromDateString(item.due);
    event.addPropertyWithValue('dtstart', day);
    const end = day.clone();
    end.adjust(1, 0, 0, 0);
    event.addPropertyWithValue('dtend', end);
    // Outlook's own marks of an all-day event, which it reads besides the dates.
    event.addPropertyWithValue('x-microsoft-cdo-alldayevent', 'TRUE');
    event.addPropertyWithValue('x-microsoft-msncalendar-alldayevent', 'TRUE');
    // The title names the person when the action's words do not.
    const person = unnamedPerson(item);
    event.addPropertyWithValue('summary', person === undefined ? item.action : `${item.action} · ${person}`);
    event.addPropertyWithValue('transp', 'TRANSPARENT');
    event.addPropertyWithValue('description', actionDescription(contact, item));
    const alarm = new ICAL.Component('valarm');
    alarm.addPropertyWithValue('action', 'DISPLAY');
    alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(REMINDER_AFTER_MIDNIGHT)).setParameter('related', 'START');
    alarm.addPropertyWithValue('description', item.action);
    event.addSubcomponent(alarm);
    events.push(event);
  }

  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Rapport//Rapport//EN');
  calendar.addPropertyWithValue('name', CALENDAR_NAME);
  calendar.addPropertyWithValue('x-wr-calname', CALENDAR_NAME);
  if (zoneUsed || events.length === 0) calendar.addSubcomponent(zoneComponent(zone, from, to));
  for (const event of events) calendar.addSubcomponent(event);
  return { text: contentLines(calendar), events: events.length, leftOut: meetingsLeftOut(workspace, contacts, isPrivate) };
}

function newEvent(uid: string, contact: Contact, now: Date): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', uid);
  event.addPropertyWithValue('sequence', contact.history.length);
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(Math.floor(now.getTime() / 1000) * 1000), true));
  return event;
}

/**
 * A meeting's start and end as local times with the zone's TZID, or in UTC
 * where local times could be misread: the zone is UTC, or the meeting
 * touches the hour the night clocks go back. RFC 5545 3.3.5 reads a local
 * time that happens twice as the first, but libical and Python's icalendar
 * read the second; and an end in the other offset than the start would come
 * out before it, or an hour off.
 */
function meetingTimes(start: number, end: number, zone: string): { start: ICAL.Time; end: ICAL.Time; inZone: boolean } {
  const offsets = [tzOffset(zone, new Date(start)), tzOffset(zone, new Date(end))];
  const local = !isUtc(zone) && offsets[0] === offsets[1] && !happensTwice(start + offsets[0]! * 60_000, zone) && !happensTwice(end + offsets[1]! * 60_000, zone);
  if (!local) return { start: ICAL.Time.fromJSDate(new Date(start), true), end: ICAL.Time.fromJSDate(new Date(end), true), inZone: false };
  return { start: wallClock(start, zone), end: wallClock(end, zone), inZone: true };
}

/** The time on the zone's clocks at `instant`, without a zone (the TZID parameter says it). */
function wallClock(instant: number, zone: string): ICAL.Time {
  const local = new TZDate(instant, zone);
  return ICAL.Time.fromData({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate(), hour: local.getHours(), minute: local.getMinutes(), second: local.getSeconds(), isDate: false });
}

/** Whether a wall-clock time (in ms, as if it were UTC) is shown by the zone's clocks twice: it fits both the offset of the day before and that of the day after. */
function happensTwice(wall: number, zone: string): boolean {
  const offsets = new Set([tzOffset(zone, new Date(wall - 86_400_000)), tzOffset(zone, new Date(wall + 86_400_000))]);
  return [...offsets].filter((offset) => tzOffset(zone, new Date(wall - offset * 60_000)) === offset).length > 1;
}

/** `Informational interview: Maya Chen (Brightline Health)`. */
function meetingSummary(contact: Contact): string {
  return `Informational interview: ${contact.name}${contact.organization ? ` (${contact.organization})` : ''}`;
}

function meetingDescription(contact: Contact, meeting: Meeting): string {
  const who = [contact.role, contact.organization].filter(Boolean).join(', ');
  return [
    sentence(`Informational interview with ${contact.name}${who ? `, ${who}` : ''}`),
    `${meeting.format}, ${meeting.minutes} minutes.`,
    meeting.link ? `Link: ${meeting.link}` : undefined,
    meeting.place ? `Place: ${meeting.place}` : undefined,
    `Note: ${contact.file}`,
  ].filter(Boolean).join('\n');
}

/** Text with its closing period, unless it ends in one already ("Pecan Street Inc."). */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function actionDescription(contact: Contact, item: AgendaItem): string {
  return [
    item.action,
    `Contact: ${contact.name}${contact.organization ? ` (${contact.organization})` : ''}, stage ${contact.stage}`,
    item.letter ? `Letter: rapport letter ${item.letter} ${contact.id}` : undefined,
    `Note: ${contact.file}`,
  ].filter(Boolean).join('\n');
}

/** Meetings of calendar stages whose `meeting` is written but cannot be read; one made private is left out on purpose, not reported. */
function meetingsLeftOut(workspace: Workspace, contacts: readonly Contact[], isPrivate: (path: string) => boolean): LeftOutMeeting[] {
  if (['meeting.at', 'meeting.minutes', 'meeting.format'].some((path) => isPrivate(path))) return [];
  const leftOut: LeftOutMeeting[] = [];
  for (const contact of contacts) {
    const written = contact.fields.meeting;
    if (contact.meeting || written === undefined || written === null || !MEETING_STAGES.includes(contact.stage)) continue;
    leftOut.push({ file: contact.file, name: contact.name, ...meetingProblem(workspace, contact.file) });
  }
  return leftOut;
}

/** The first problem the note's reading found inside its `meeting:` (the lines from the key to the end of its value). */
function meetingProblem(workspace: Workspace, file: string): { line: number; reason: string } {
  const lines = meetingLines(workspace.index.text(file) ?? '');
  const inside = (workspace.index.reading(file)?.diagnostics ?? []).filter((d) => d.severity === 'error' && lines !== undefined && d.line >= lines.from && d.line <= lines.to);
  const [first, ...others] = inside;
  if (!first) return { line: lines?.from ?? 1, reason: 'the meeting cannot be read (rapport check)' };
  const more = others.length === 0 ? '' : ` (and ${others.length} more problem${others.length === 1 ? '' : 's'}: rapport check)`;
  return { line: first.line, reason: `${first.message}${more}` };
}

function meetingLines(text: string): { from: number; to: number } | undefined {
  const layout = readLayout(text);
  if (!layout.frontmatter) return undefined;
  const { document } = parseFrontmatter(layout.frontmatter);
  if (!isMap(document.contents)) return undefined;
  const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === 'meeting');
  const key = (pair?.key as Node | undefined)?.range;
  if (!key) return undefined;
  const value = (pair?.value as Node | null | undefined)?.range ?? key;
  const index = new LineIndex(layout.content);
  const start = layout.frontmatter.start;
  // A block mapping's value ends where the next line starts: its last character is the one before.
  return { from: index.position(start + key[0]).line, to: index.position(start + Math.max(value[1] - 1, key[0])).line };
}

