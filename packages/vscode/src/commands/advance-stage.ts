import { advance, addCalendarDays, booksMeetingOnly, changesMeetingDetailsOnly, CHANNELS, getField, InvalidInputError, isCalendarDate, isMeetingTime, isStage, isTimeZone, logInteraction, meetingClock, meetingDate, moveMeeting, skippedMeetingTime, MEETING_FORMATS, STAGES, type Channel, type Contact, type MeetingFormat, type MeetingInput, type Stage } from '@rapport/core';
import { AFTER_MEETING_STAGES, atInZone, contactTimeZone, meetingStartInZone, MEETING_PENDING_STAGES, pastMeetingDay, readableMeetingTime, stageChangeWords, suggestedStage, zoneWrittenIn } from '@rapport/core/internal';
import { editContactNote, recordedMessage } from '../notes/note-edits.js';
import type { Services } from '../services.js';
import { resolveContact } from './contact-target.js';

/** Answers given up front; missing ones are asked. */
export interface AdvanceInput {
  readonly stage?: Stage;
  /** Day of the change; default today. */
  readonly date?: string;
  /** `null`: no channel recorded. */
  readonly via?: Channel | null;
  readonly note?: string;
  readonly meeting?: MeetingInput;
}

/** Stages whose history entry says how the message went. */
const MESSAGE_STAGES: readonly Stage[] = ['contacted', 'followed-up', 'thanked'];
/** A meeting time as the time question gives it without a zone: `2026-12-03T10:30`, on the folder's clock. */
const WALL_CLOCK_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** `9:30`, `09:30`, or a time in someone else's zone: `15:00 Europe/London`. */
const MEETING_TIME_INPUT = /^((?:[01]?\d|2[0-3]):[0-5]\d)(?:\s+(\S+))?$/;

/** The time typed for a meeting, `HH:mm`, and the zone it is in when one is named after it. */
function readMeetingTime(value: string): { clock: string; zone?: string } | undefined {
  const match = MEETING_TIME_INPUT.exec(value.trim());
  if (!match) return undefined;
  const clock = match[1]!.padStart(5, '0');
  return match[2] === undefined ? { clock } : { clock, zone: match[2] };
}

/** `rapport.advanceStage`: picks the new stage (and the meeting, when scheduling) and records it in the note. */
export async function advanceStage(services: Services, target?: unknown, input: AdvanceInput = {}): Promise<{ file: string; stage: Stage } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const contact = await resolveContact(services, workspace, target, 'Advance Stage');
  if (!contact) return undefined;
  const stage = input.stage ?? (await pickStage(services, contact));
  if (!stage) return undefined;
  const comingDay = input.date === undefined && AFTER_MEETING_STAGES.includes(stage) ? meetingDayToCome(services, contact) : undefined;
  // Held (or later) before the meeting's day: most likely it moved. Say so, and offer to move it, before any other question.
  if (comingDay !== undefined) return (await offerReschedule(services, contact, stage, comingDay)) ? rescheduleMeeting(services, contact.id) : undefined;
  if (input.stage === undefined && !(await confirmStage(services, contact, stage))) return undefined;
  const meeting = input.meeting ?? (stage === 'scheduled' ? await askMeeting(services, contact) : undefined);
  if (stage === 'scheduled' && !meeting) return undefined;
  const via = input.via !== undefined ? input.via : MESSAGE_STAGES.includes(stage) ? await pickChannel(services, `How did you reach ${contact.name}?`) : null;
  if (via === undefined) return undefined;
  const date = input.date ?? (stage === 'held' ? await askHeldDay(services, contact) : services.notes.today());
  if (date === undefined) return undefined;
  // The folder's zone: a new time without an offset, for a meeting booked with one, is written with the zone's offset on its day.
  const changes = { date, ...(via ? { via } : {}), ...(input.note ? { note: input.note } : {}), ...(meeting ? { meeting } : {}), timezone: workspace.config.timezone };
  let detailsOnly = false;
  let bookedOnly = false;
  let bookedAt: unknown;
  const outcome = await editContactNote(services.notes, contact.file, (text) => {
    const asked = meeting ? { ...changes, meeting: onYourClock(meeting, text, workspace.config.timezone) } : changes;
    detailsOnly = changesMeetingDetailsOnly(text, stage, asked);
    bookedOnly = booksMeetingOnly(text, stage, asked);
    const edited = advance(text, stage, asked);
    bookedAt = getField(edited, ['meeting', 'at']);
    return edited;
  });
  const said = detailsOnly
    ? meetingDetailsMessage(contact, meeting!, String(bookedAt), workspace.config.timezone)
    : bookedOnly
      ? `Booked the meeting with ${contact.name}: ${readableMeetingTime(String(bookedAt), workspace.config.timezone)}; still ${stage}, nothing added to the history.`
      : `Recorded: ${contact.name}, ${stageChangeWords(contact.stage, stage)} (${date}).`;
  void services.prompts.info(recordedMessage(said, outcome));
  return { file: contact.file, stage };
}

/** What Log Interaction can be given instead of asking: `replied`, the touch is the contact's reply. */
export interface InteractionInput extends Pick<AdvanceInput, 'date' | 'via' | 'note'> {
  readonly replied?: boolean;
}

/** Stages in which a letter waits for its answer: there, a touch may be the contact's reply. */
const AWAITING_REPLY: readonly Stage[] = ['contacted', 'followed-up'];

/** `rapport.rescheduleMeeting`: moves a booked meeting, keeping the stage (scheduled or prepared); every answer starts as booked. */
export async function rescheduleMeeting(services: Services, target?: unknown, input: Pick<AdvanceInput, 'meeting'> = {}): Promise<{ file: string; stage: Stage } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  // Picked from the palette: only people with a meeting booked.
  const booked = (candidate: Contact) => candidate.meeting !== undefined && MEETING_PENDING_STAGES.includes(candidate.stage);
  const contact = await resolveContact(services, workspace, target, 'Reschedule Meeting', { only: { fits: booked, nobody: 'Nobody has a meeting booked to move: Advance Stage to scheduled books one' } });
  if (!contact) return undefined;
  if (!contact.meeting || !MEETING_PENDING_STAGES.includes(contact.stage)) {
    throw new InvalidInputError(`${contact.name} has no meeting to move (stage ${contact.stage}): Advance Stage to scheduled books one`);
  }
  const meeting = input.meeting ?? (await askMeeting(services, contact));
  if (!meeting) return undefined;
  const date = services.notes.today();
  // The meeting moves at the stage the note has as it is edited: it may have changed (in the editor, say) while the questions were answered.
  let stage = contact.stage;
  let detailsOnly = false;
  let movedTo: unknown;
  const outcome = await editContactNote(services.notes, contact.file, (text) => {
    const current = getField(text, ['stage']);
    if (!isStage(current) || !MEETING_PENDING_STAGES.includes(current)) {
      throw new InvalidInputError(`${contact.name} is ${isStage(current) ? `now ${current}` : 'no longer at a known stage'}: there is no booked meeting to move (the note was changed meanwhile)`);
    }
    stage = current;
    // The time asked for is on the folder's clock (the questions start from it there): the zone says which offset to write.
    const timezone = workspace.config.timezone;
    const asked = onYourClock(meeting, text, timezone);
    detailsOnly = changesMeetingDetailsOnly(text, current, { meeting: asked, timezone });
    const moved = moveMeeting(text, asked, { date, timezone });
    movedTo = getField(moved, ['meeting', 'at']);
    return moved;
  });
  // The time as written in the note, said as the agenda says it.
  const when = readableMeetingTime(String(movedTo), workspace.config.timezone);
  const said = detailsOnly ? meetingDetailsMessage(contact, meeting, String(movedTo), workspace.config.timezone) : `Moved the meeting with ${contact.name} to ${when}; still ${stage}.`;
  void services.prompts.info(recordedMessage(said, outcome));
  return { file: contact.file, stage };
}

/**
 * The meeting asked for, its time on the user's clock, as the time question says. Core reads a
 * time without an offset in the contact's own zone when the note names it (`timezone:`) and the
 * meeting was booked at its offset; such a time is therefore given on their clock, the same
 * instant, which also keeps the note's one way of writing its times.
 */
function onYourClock(meeting: MeetingInput, text: string, timeZone: string): MeetingInput {
  const theirs = theirBookedZone(text, timeZone);
  if (theirs === undefined || !WALL_CLOCK_TIME.test(meeting.at)) return meeting;
  return { ...meeting, at: meetingStartInZone(atInZone(meeting.at, timeZone), theirs) };
}

/** The contact's own zone (the note's `timezone`) when their booked meeting is written at its offset, and it is not the folder's. */
function theirBookedZone(text: string, timeZone: string): string | undefined {
  const theirs = contactTimeZone(text);
  const bookedAt = getField(text, ['meeting', 'at']);
  return theirs !== undefined && theirs !== timeZone && isMeetingTime(bookedAt) && zoneWrittenIn(bookedAt, timeZone, theirs) === theirs ? theirs : undefined;
}

/** What a change of the meeting's details alone did: nothing is added to the history, since nothing happened with the contact. */
function meetingDetailsMessage(contact: Contact, meeting: MeetingInput, bookedAt: string, timeZone: string): string {
  const when = readableMeetingTime(bookedAt, timeZone);
  const before = contact.meeting;
  const changed = (['minutes', 'format', 'place', 'link'] as const).filter((key) => meeting[key] !== undefined && meeting[key] !== before?.[key]);
  return changed.length === 0
    ? `The meeting with ${contact.name} stays as it was, ${when}; nothing recorded.`
    : `Changed the meeting's ${changed.join(', ')} with ${contact.name}; still ${when}, nothing added to the history.`;
}

/** The day of the contact's booked meeting when it is after today (and it is still to come by the stage), else `undefined`. */
function meetingDayToCome(services: Services, contact: Contact): string | undefined {
  const zone = services.notes.workspace?.config.timezone;
  if (!contact.meeting || !zone || !MEETING_PENDING_STAGES.includes(contact.stage)) return undefined;
  const day = meetingDate(contact.meeting.at, zone);
  return day > services.notes.today() ? day : undefined;
}

async function offerReschedule(services: Services, contact: Contact, stage: Stage, day: string): Promise<boolean> {
  const answer = await services.prompts.pick({
    id: 'advance.meetingToCome',
    title: `Advance ${contact.name}`,
    placeholder: `The meeting is booked for ${day}: it cannot be ${stage} before then. Did it move?`,
    items: [
      { label: 'Reschedule the meeting…', description: 'give its new day and time; the stage stays', value: true },
      { label: 'Cancel', description: 'leave the note as it is', value: false },
    ],
  });
  return answer === true;
}

/** `rapport.logInteraction`: records a touch (a call, a shared article, their reply) without changing the stage. */
export async function logContactInteraction(services: Services, target?: unknown, input: InteractionInput = {}): Promise<{ file: string } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const contact = await resolveContact(services, workspace, target, 'Log Interaction');
  if (!contact) return undefined;
  const replied = input.replied ?? (AWAITING_REPLY.includes(contact.stage) ? await askReplied(services, contact) : false);
  if (replied === undefined) return undefined;
  const via = input.via !== undefined ? input.via : await pickChannel(services, replied ? `How did ${contact.name} reply?` : `How were you in touch with ${contact.name}?`);
  if (via === undefined) return undefined;
  const note =
    input.note ??
    (await services.prompts.input({
      id: 'interaction.note',
      title: 'Log Interaction',
      // With no channel and no reply, the note is all the touch says: logInteraction refuses an empty one.
      prompt: replied ? 'What did they say? (optional)' : via ? 'What happened? (optional)' : 'What happened?',
      placeholder: replied ? 'e.g. happy to talk, will send times next week' : 'e.g. shared the article on research ops',
      ...(replied || via ? {} : { validate: (value: string) => (value.trim() === '' ? 'Say what happened, or go back and pick how you were in touch' : undefined) }),
    }));
  if (note === undefined) return undefined;
  const date = input.date ?? services.notes.today();
  // The touch is recorded at the stage the note has as it is edited, which may have changed since the contact was read.
  let stage: unknown = contact.stage;
  const outcome = await editContactNote(services.notes, contact.file, (text) => {
    stage = getField(text, ['stage']);
    return logInteraction(text, { date, ...(replied ? { replied } : {}), ...(via ? { via } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
  });
  const what = replied ? `Logged ${contact.name}'s reply (${date}): the Agenda now asks you to agree a time.` : `Logged: ${contact.name}, ${date}, still ${String(stage)}.`;
  void services.prompts.info(recordedMessage(what, outcome));
  return { file: contact.file };
}

/** While a letter waits for its answer: is this touch their reply? (`undefined` when the question is dismissed.) */
async function askReplied(services: Services, contact: Contact): Promise<boolean | undefined> {
  return services.prompts.pick<boolean>({
    id: 'interaction.replied',
    title: 'Log Interaction',
    placeholder: `What happened with ${contact.name}?`,
    items: [
      { label: 'They replied', description: 'neither a time agreed nor a no yet: no follow-up is suggested any more', value: true },
      { label: 'Something else', description: 'a call, an article you shared, a chat at an event', value: false },
    ],
  });
}

/** Enter takes the suggested stage (a reply leads to scheduled, an ended meeting to held); where there is none, the current one, which then asks before recording anything. */
async function pickStage(services: Services, contact: Contact): Promise<Stage | undefined> {
  const suggested = suggestedStage(contact, services.notes.actionContext());
  return services.prompts.pick({
    id: 'advance.stage',
    title: `Advance ${contact.name}`,
    placeholder: `Now ${contact.stage}: move to which stage?`,
    items: STAGES.map((stage) => ({
      label: stage,
      value: stage,
      ...(stage === contact.stage ? { description: 'current' } : stage === suggested ? { description: 'suggested' } : {}),
    })),
    focus: suggested ?? contact.stage,
  });
}

/** Moving back (a meeting rescheduled) or recording the current stage again is allowed, once the user says so. */
async function confirmStage(services: Services, contact: Contact, stage: Stage): Promise<boolean> {
  const from = STAGES.indexOf(contact.stage);
  const to = STAGES.indexOf(stage);
  if (to > from) return true;
  const again = to === from;
  // Booked by hand with no time yet: giving the time adds no second entry (core's `booksMeetingOnly`), so there is nothing to confirm.
  if (again && stage === 'scheduled' && contact.meeting === undefined) return true;
  const confirmed = await services.prompts.pick({
    id: 'advance.confirm',
    title: `Advance ${contact.name}`,
    placeholder: again ? `${contact.name} is already ${stage}: add a second ${stage} entry to the history?` : `${contact.name} is ${contact.stage}: move back to ${stage}?`,
    items: [
      { label: 'Cancel', description: 'leave the note as it is', value: false },
      { label: again ? `Record ${stage} again` : `Move back to ${stage}`, value: true },
    ],
  });
  return confirmed === true;
}

async function pickChannel(services: Services, placeholder: string): Promise<Channel | null | undefined> {
  return services.prompts.pick<Channel | null>({
    id: 'advance.via',
    title: 'Channel',
    placeholder,
    items: [...CHANNELS.map((value) => ({ label: value, value })), { label: 'skip', description: 'not recorded', value: null }],
  });
}

/**
 * The day a meeting is recorded as held: today, unless it was booked for an earlier day,
 * when that day is offered first (a thank-you is then due from the meeting, not from today).
 */
async function askHeldDay(services: Services, contact: Contact): Promise<string | undefined> {
  const today = services.notes.today();
  const zone = services.notes.workspace?.config.timezone;
  const day = zone ? pastMeetingDay(contact, zone, today) : undefined;
  if (day === undefined) return today;
  return services.prompts.pick({
    id: 'held.day',
    title: `Advance ${contact.name}`,
    placeholder: 'When did you meet?',
    items: [
      { label: day, description: 'the day the meeting was booked for', value: day },
      { label: today, description: 'today', value: today },
    ],
  });
}

async function askMeeting(services: Services, contact: Contact): Promise<MeetingInput | undefined> {
  const title = `Meeting with ${contact.name}`;
  const { prompts } = services;
  const zone = services.notes.workspace?.config.timezone;
  const today = services.notes.today();
  // A meeting already booked (being moved) prefills each answer, so that Enter keeps what does not change.
  // Booked on their clock (the note names their zone): the day and time start as theirs, with their zone, so Enter keeps "the same time" for them.
  const theirs = contact.meeting && zone ? theirBookedZone(services.notes.workspace?.index.text(contact.file) ?? '', zone) : undefined;
  const booked = contact.meeting && zone ? { ...contact.meeting, day: theirs ? contact.meeting.at.slice(0, 10) : meetingDate(contact.meeting.at, zone), clock: theirs ? `${contact.meeting.at.slice(11, 16)} ${theirs}` : meetingClock(contact.meeting.at, zone) } : undefined;
  const date = await prompts.input({
    id: 'meeting.date',
    title,
    step: 1,
    totalSteps: 4,
    prompt: 'Day (YYYY-MM-DD)',
    value: booked && booked.day >= today ? booked.day : addCalendarDays(today, 7),
    validate: (value) => (isCalendarDate(value.trim()) ? undefined : 'Write the day as YYYY-MM-DD, e.g. 2026-12-03'),
  });
  if (date === undefined) return undefined;
  const day = date.trim();
  const time = await prompts.input({
    id: 'meeting.time',
    title,
    step: 2,
    totalSteps: 4,
    prompt: 'Time (HH:mm, 24-hour, in your time zone; or in theirs, e.g. 15:00 Europe/London)',
    value: booked?.clock ?? '09:00',
    validate: (value) => {
      const read = readMeetingTime(value);
      if (!read) return 'Write the time as HH:mm, e.g. 08:30, or with their time zone, e.g. 15:00 Europe/London';
      if (read.zone !== undefined) {
        if (!isTimeZone(read.zone)) return `${read.zone} is not a time zone: use an IANA name such as Europe/London or America/Chicago`;
        return skippedMeetingTime(`${day}T${read.clock}`, read.zone) !== undefined ? `${read.clock} does not exist on ${day} in ${read.zone}: the clocks skip it. Choose another time` : undefined;
      }
      // A time the zone skips (the night clocks go forward) would be read as a later one.
      return zone && skippedMeetingTime(`${day}T${read.clock}`, zone) !== undefined ? `${read.clock} does not exist on ${day} in ${zone}: the clocks skip it. Choose another time` : undefined;
    },
  });
  if (time === undefined) return undefined;
  const { clock, zone: theirZone } = readMeetingTime(time)!;
  const format = await prompts.pick<MeetingFormat>({
    id: 'meeting.format',
    title,
    step: 3,
    totalSteps: 4,
    placeholder: 'How will you meet?',
    items: MEETING_FORMATS.map((value) => ({ label: value, value, ...(value === booked?.format ? { description: 'as booked' } : {}) })),
    ...(booked ? { focus: booked.format } : {}),
  });
  if (format === undefined) return undefined;
  const bookedWhere = format === booked?.format ? (booked.link ?? booked.place) : undefined;
  const where = await prompts.input({ id: 'meeting.place', title, step: 4, totalSteps: 4, prompt: format === 'video' ? 'Link (optional)' : 'Place or phone number (optional)', ...(bookedWhere ? { value: bookedWhere } : {}) });
  if (where === undefined) return undefined;
  const place = where.trim();
  return {
    // At their time: written with their zone's offset on that day, as `rapport advance --zone` writes it.
    at: theirZone === undefined ? `${day}T${clock}` : atInZone(`${day}T${clock}`, theirZone),
    format,
    ...(place === '' ? {} : /^https?:\/\//.test(place) ? { link: place } : { place }),
  };
}
