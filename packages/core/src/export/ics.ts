import { TZDate } from '@date-fns/tz';
import { ICalAlarmType, ICalCalendar, ICalEventTransparency } from 'ical-generator';
import { meetingStart } from '../lifecycle/dates.js';
import { agenda, type AgendaItem } from '../lifecycle/next-action.js';
import type { Contact, Meeting } from '../model/contact.js';
import type { Stage } from '../model/vocabulary.js';
import { contactSlug } from '../workspace/create-contact.js';
import type { Workspace } from '../workspace/workspace.js';
import { privateFieldFilter } from './privacy.js';
import type { ExportOptions } from './records.js';
import { vtimezone } from './vtimezone.js';

/** Stages whose `meeting` is put in the calendar: planned ones, and the one just held. */
const MEETING_STAGES: readonly Stage[] = ['scheduled', 'prepared', 'held'];

/** When a due action's reminder goes off: this long after the start of its day. */
const REMINDER_AFTER_MIDNIGHT = 9 * 3600;

/**
 * The notes as an iCalendar file. Every meeting of a scheduled, prepared or
 * just-held contact is an event in the configured time zone (with its
 * VTIMEZONE), lasting its `minutes`, with the place as LOCATION and the link
 * as URL. Every dated next action (core `agenda`) is an all-day event with
 * a reminder at 9:00 — except "meet", which the meeting event already is.
 *
 * UIDs are derived from the contact id and what the event is
 * (`maya-chen-meeting@rapport`, `maya-chen-follow-up@rapport`) and SEQUENCE
 * from the length of the contact's history, so importing a newer export
 * into a calendar updates its events instead of duplicating them.
 */
export function exportIcs(workspace: Workspace, options: ExportOptions = {}): string {
  const now = options.now ?? new Date();
  const { config } = workspace;
  const zone = config.timezone;
  const contacts = workspace.index.contacts();
  const isPrivate = privateFieldFilter(config.privateFields);
  const uids = new UidRegistry();

  const meetings = contacts.flatMap((contact) => (contact.meeting && MEETING_STAGES.includes(contact.stage) && !isPrivate('meeting') ? [{ contact, meeting: contact.meeting }] : []));
  const starts = meetings.map(({ meeting }) => meetingStart(meeting.at, zone).getTime());
  const years = [...starts, now.getTime()].map((time) => new Date(time).getUTCFullYear());
  const from = new Date(Date.UTC(Math.min(...years) - 1, 0, 1));
  const to = new Date(Date.UTC(Math.max(...years) + 2, 0, 1));

  const calendar = new ICalCalendar({
    prodId: { company: 'Rapport', product: 'Rapport', language: 'EN' },
    name: 'Rapport informational interviews',
    // No calendar-wide zone (DTSTAMP stays UTC); the generator adds a VTIMEZONE for each zone events use.
    timezone: { name: null, generator: (name) => vtimezone(name, from, to) },
  });

  meetings.forEach(({ contact, meeting }, index) => {
    const start = starts[index]!;
    calendar.createEvent({
      id: uids.claim(contact, 'meeting'),
      sequence: contact.history.length,
      stamp: now,
      start: new TZDate(start, zone),
      end: new TZDate(start + meeting.minutes * 60_000, zone),
      timezone: zone,
      summary: meetingSummary(contact, isPrivate),
      description: meetingDescription(contact, meeting, isPrivate),
      ...(meeting.place && !isPrivate('meeting.place') ? { location: meeting.place } : {}),
      ...(meeting.link && !isPrivate('meeting.link') ? { url: meeting.link } : {}),
    });
  });

  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  for (const item of agenda(contacts, { now, timezone: zone, rules: config.rules })) {
    // A meeting is its own timed event; an undated action has no day to put in a calendar.
    if (item.kind === 'meet' || item.due === null) continue;
    const contact = byId.get(item.id)!;
    const [year, month, day] = item.due.split('-').map(Number) as [number, number, number];
    // A contact can have several dated outcomes: each is its own event, named by what it asks (kept when its date or line moves).
    const key = item.kind === 'outcome' ? `outcome-${contactSlug(item.action)}` : item.kind;
    const event = calendar.createEvent({
      id: uids.claim(contact, key),
      sequence: contact.history.length,
      stamp: now,
      allDay: true,
      start: new Date(Date.UTC(year, month - 1, day)),
      end: new Date(Date.UTC(year, month - 1, day + 1)),
      summary: item.action,
      description: actionDescription(contact, item, isPrivate),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
    // ical-generator reads `relatesTo` only through its setter; without it a positive trigger is taken after END.
    event.createAlarm({ type: ICalAlarmType.display, triggerAfter: REMINDER_AFTER_MIDNIGHT, description: item.action }).relatesTo('START');
  }
  return calendar.toString();
}

/** `Informational interview: Maya Chen (Brightline Health)`. */
function meetingSummary(contact: Contact, isPrivate: (path: string) => boolean): string {
  const organization = contact.organization && !isPrivate('organization') ? ` (${contact.organization})` : '';
  return `Informational interview: ${contact.name}${organization}`;
}

function meetingDescription(contact: Contact, meeting: Meeting, isPrivate: (path: string) => boolean): string {
  const who = [contact.role && !isPrivate('role') ? contact.role : undefined, contact.organization && !isPrivate('organization') ? contact.organization : undefined].filter(Boolean).join(', ');
  return [
    `Informational interview with ${contact.name}${who ? `, ${who}` : ''}.`,
    `${meeting.format}, ${meeting.minutes} minutes.`,
    meeting.link && !isPrivate('meeting.link') ? `Link: ${meeting.link}` : undefined,
    meeting.place && !isPrivate('meeting.place') ? `Place: ${meeting.place}` : undefined,
    `Note: ${contact.file}`,
  ].filter(Boolean).join('\n');
}

function actionDescription(contact: Contact, item: AgendaItem, isPrivate: (path: string) => boolean): string {
  return [
    item.action,
    `Contact: ${contact.name}${contact.organization && !isPrivate('organization') ? ` (${contact.organization})` : ''}, stage ${contact.stage}`,
    item.letter ? `Letter: rapport letter ${item.letter} ${contact.id}` : undefined,
    `Note: ${contact.file}`,
  ].filter(Boolean).join('\n');
}

/** Gives each event a UID from its contact's id; two notes with the same id (a reported problem) fall back to the path. */
class UidRegistry {
  private readonly used = new Set<string>();

  claim(contact: Contact, kind: string): string {
    let uid = `${contact.id}-${kind}@rapport`;
    if (this.used.has(uid)) uid = `${contact.file.replace(/\.md$/i, '').replace(/\//g, '.')}-${kind}@rapport`;
    this.used.add(uid);
    return uid;
  }
}
