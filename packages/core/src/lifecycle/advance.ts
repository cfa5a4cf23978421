import { InvalidInputError, RecordingRefusedError, UneditableNoteError } from '../errors.js';
import { AFTER_MEETING_STAGES, CHANNELS, CLOSED_STAGES, isChannel, isMeetingFormat, isMeetingLink, isStage, MEETING_FORMATS, MEETING_PENDING_STAGES, STAGES, type Channel, type MeetingFormat, type Stage } from '../model/vocabulary.js';
import { appendToList, getField, setField } from '../note/edit.js';
import { parseFrontmatter } from '../note/frontmatter.js';
import { readLayout } from '../note/source.js';
import { unfoundFrontmatter } from '../note/unfound-frontmatter.js';
import type { Contact } from '../model/contact.js';
import { typeName } from '../model/type-name.js';
import { assertTimeZone, isCalendarDate, isMeetingTime, isTimeZone, meetingStart, meetingTimeLike, readableMeetingTime, wallClockTime } from './dates.js';
import { stageDate } from './next-action.js';
import { unsnoozeContact } from './snooze.js';

/** Details of a meeting being scheduled. */
export interface MeetingInput {
  /** `YYYY-MM-DDTHH:mm`, optionally with an offset such as `-05:00`. */
  readonly at: string;
  /** Default 30: ask for half an hour. */
  readonly minutes?: number;
  /** Default `video`. */
  readonly format?: MeetingFormat;
  readonly place?: string;
  readonly link?: string;
}

/** How `advance` and `logInteraction` record a change: its day, and what the history entry says about it. */
export interface AdvanceOptions {
  /** Day of the change, `YYYY-MM-DD`. */
  readonly date: string;
  /** Channel used, e.g. `email` for a letter sent. */
  readonly via?: Channel;
  /** Name of the letter template that was sent. */
  readonly letter?: string;
  /** A short free-text remark for the history entry. */
  readonly note?: string;
  /**
   * For `scheduled`: when and how the conversation takes place. On a note
   * with a meeting, only the fields given change (a new `at` keeps the
   * place, link, format and length).
   */
  readonly meeting?: MeetingInput;
  /** Record even what `checkRecordable` refuses (a date before the last entry, a meeting skipped). Default `false`. */
  readonly force?: boolean;
  /**
   * The folder's time zone (`config.timezone`, an IANA name), which a meeting time written
   * without an offset is read in. With it, a new meeting time given without an offset, on a
   * note whose meeting time has one, is written with this zone's offset on the new day
   * (`-05:00` in December, `-04:00` in July for America/New_York; see `meetingTimeLike`), unless
   * the note names the contact's own zone (`timezone: America/Bogota`) and the booked time is at its
   * offset: the new time is then their time, with their zone's offset on its day.
   * `rescheduled from` says the old time on this zone's clock (`2026-12-01 09:00`).
   * Default: none, and a new time is written as given (the old offset may not be right on the new day).
   */
  readonly timezone?: string;
}


/**
 * Moves a contact to `stage`: sets `stage` and appends a dated history entry
 * (plus the meeting, when scheduling). Any stage can follow any other — a
 * meeting can be rescheduled, a step skipped — but every change is recorded,
 * in order: see `checkRecordable`. Moving a meeting to another time says so
 * in the entry's note (`rescheduled from 2026-12-01 09:00`, the old time as
 * `readableMeetingTime` writes it), and the new time keeps the old one's way
 * of writing an offset, given `timezone`. A call that changes
 * only details of the meeting still to come (its length, format, place or
 * link: the same stage, the same time, no via, letter or note) records
 * nothing, since nothing happened with the contact: the meeting changes in
 * place, as `updateMeeting` does (see `changesMeetingDetailsOnly`). Nor does
 * a call that gives the time of the meeting a contact already scheduled (or
 * prepared) is waiting for, when the note has none yet: the agreement is in
 * the history already, and only `meeting` is written, a snooze ending with it (see `booksMeetingOnly`). A note
 * without `type: contact` in its frontmatter is refused
 * (`UneditableNoteError`): a stage and a history would make it half a contact.
 * Something happened with the contact, so a snooze (`snoozed_until`) ends:
 * the field goes in the same edit.
 *
 * The stage written is the one asked for: `advance(text, 'scheduled', { meeting })`
 * on a contact already `prepared` moves them back to `scheduled` (their
 * preparation is asked for again). To move a meeting and keep the stage, as
 * `rapport advance … scheduled --at` does, use `moveMeeting`. Refused
 * (`RecordingRefusedError`) unless `force`: what `checkRecordable` refuses,
 * and a meeting newly booked for a day before `date`. Recording the stage
 * the contact is in again is allowed (a second follow-up is real);
 * `repeatedStageProblem` says when it is most likely a mistake.
 *
 * @example
 * ```ts
 * import { advance, getField } from '@rapport/core';
 *
 * const text = '---\ntype: contact\nname: Maya Chen\nstage: identified\n---\n';
 * const sent = advance(text, 'contacted', { date: '2026-11-23', via: 'email', letter: 'cold-email' });
 * console.log(getField(sent, ['stage'])); // → contacted
 * console.log(JSON.stringify(getField(sent, ['history']))); // → [{"date":"2026-11-23","stage":"contacted","via":"email","letter":"cold-email"}]
 * ```
 */
export function advance(text: string, stage: Stage, options: AdvanceOptions): string {
  assertText(text, 'advance');
  // Checked again for callers without types (plain JavaScript, a value read from a prompt).
  if (!isStage(stage)) throw new InvalidInputError(`unknown stage "${stage}" (use one of: ${STAGES.join(', ')})`);
  assertOptions(options, 'advance');
  if (options.timezone !== undefined) assertTimeZone(options.timezone);
  assertContactNote(text);
  if (changesMeetingDetailsOnly(text, stage, options)) {
    const { at: _unchanged, ...details } = options.meeting!;
    return updateMeeting(text, details);
  }
  if (booksMeetingOnly(text, stage, options)) {
    const meeting = meetingFields(options.meeting!);
    assertDate(options.date);
    refuseMeetingBeforeBooking(meeting.at, options);
    // Agreeing the time happened with the contact: the snooze ends, as with any step.
    return unsnoozeContact(writeMeeting(text, meeting));
  }
  const before = recordedState(text);
  let entry = historyEntry(stage, options);
  if (!options.force) checkRecording(before, stage, options.date);
  const meeting = options.meeting && movedMeeting(meetingFields(options.meeting), before.meetingAt, options.timezone, contactTimeZone(text));
  // A new time only: a meeting already booked, kept as it is, was checked when it was booked.
  if (meeting && meeting.at !== before.meetingAt && MEETING_PENDING_STAGES.includes(stage)) refuseMeetingBeforeBooking(meeting.at, options);
  if (meeting && before.meetingAt !== undefined && before.meetingAt !== meeting.at && before.stage !== undefined && MEETING_PENDING_STAGES.includes(before.stage)) {
    const rescheduled = `rescheduled from ${readableMeetingTime(before.meetingAt, options.timezone)}`;
    entry = { ...entry, note: entry.note ? `${rescheduled}; ${entry.note}` : rescheduled };
  }
  let result = setField(text, ['stage'], stage);
  result = appendToList(result, ['history'], entry);
  if (meeting) result = writeMeeting(result, meeting);
  return unsnoozeContact(result);
}

/**
 * Moves the meeting of a contact waiting for it to another time (or changes
 * its details), keeping the stage: `scheduled` stays scheduled, and
 * `prepared` stays prepared, since the meeting changed but the preparation
 * stands. The history entry is at that stage and says `rescheduled from
 * 2026-11-25 08:00` (the old time; with `timezone`, on that zone's clock);
 * a new time given without an offset is written with the zone's offset on
 * its day when the old one had an offset (see `AdvanceOptions.timezone`);
 * a change of details alone records nothing (as in `advance`).
 * This is the rule `rapport advance … scheduled --at` and VS Code's
 * Reschedule Meeting follow. A note at another stage has no meeting to move
 * (`InvalidInputError`: book one with `advance(text, 'scheduled', …)`); one
 * whose stage is missing or not a stage is refused (`UneditableNoteError`),
 * forced or not. Otherwise refused as `advance` refuses.
 *
 * @example
 * ```ts
 * import { getField, moveMeeting } from '@rapport/core';
 *
 * const text = '---\ntype: contact\nname: Ben Osei\nstage: prepared\nmeeting:\n  at: 2026-11-25T08:00\nhistory:\n  - {date: 2026-11-22, stage: prepared}\n---\n';
 * const moved = moveMeeting(text, { at: '2026-11-26T08:00' }, { date: '2026-11-23' });
 * console.log(getField(moved, ['stage'])); // → prepared
 * console.log(JSON.stringify(getField(moved, ['history', 1]))); // → {"date":"2026-11-23","stage":"prepared","note":"rescheduled from 2026-11-25 08:00"}
 *
 * // Booked with the folder's offset: the new time gets the offset of its own day (summer time in July).
 * const booked = text.replace('at: 2026-11-25T08:00', 'at: "2026-11-25T08:00-05:00"');
 * const july = moveMeeting(booked, { at: '2027-07-01T08:00' }, { date: '2026-11-23', timezone: 'America/New_York' });
 * console.log(getField(july, ['meeting', 'at'])); // → 2027-07-01T08:00-04:00
 * ```
 */
export function moveMeeting(text: string, meeting: MeetingInput, options: Omit<AdvanceOptions, 'meeting'>): string {
  assertText(text, 'moveMeeting');
  if (meeting === null || typeof meeting !== 'object') throw new InvalidInputError("moveMeeting needs the meeting, such as { at: '2026-11-26T08:00' }");
  assertOptions(options, 'moveMeeting');
  assertContactNote(text);
  const state = recordedState(text);
  // Not a refusal `force` overrides: the stage to keep is not known.
  if (state.stage === undefined) throw new UneditableNoteError(`a meeting is moved at the contact's stage, and ${state.stageProblem ?? 'the note has no `stage`: add one (rapport check lists every problem)'}`);
  if (!MEETING_PENDING_STAGES.includes(state.stage)) {
    throw new InvalidInputError(`no meeting to move: the contact is ${state.stage}; book one with advance(text, 'scheduled', { date, meeting: { at } })`);
  }
  return advance(text, state.stage, { ...options, meeting });
}

/**
 * The day of a meeting booked for before the day it is booked (`date`), as
 * written, or `undefined`: most likely a typo of the month, since a meeting
 * that took place is recorded as held. `advance` refuses such a booking
 * unless forced; the CLI says so in its own words first.
 */
export function meetingBeforeBooking(at: string, date: string): string | undefined {
  const day = at.slice(0, 10);
  return day < date ? day : undefined;
}

/** A meeting newly booked for a day before the day it is booked, refused unless forced (see `meetingBeforeBooking`). */
function refuseMeetingBeforeBooking(at: string, options: Pick<AdvanceOptions, 'date' | 'force'>): void {
  const bookedDay = meetingBeforeBooking(at, options.date);
  if (bookedDay !== undefined && !options.force) {
    throw new RecordingRefusedError(`the meeting on ${bookedDay} is before the day it is booked (${options.date}); check the date, or record a meeting that took place as held`, { field: ['meeting', 'at'] });
  }
}

/** Stages recorded again in the normal course: each keep-in-touch, each time a meeting moves. */
const REPEATED_STAGES: readonly Stage[] = ['nurturing', 'scheduled'];

/**
 * Why recording `stage` for `contact` is most likely a mistake, or
 * `undefined`: it is the stage the contact is already in, which adds a
 * second entry to the history and moves the deadlines counted from it (a
 * command run twice, a letter recorded twice). Keeping in touch
 * (`nurturing`) and moving a meeting (`scheduled`, or any step with a
 * `meeting`) repeat a stage in the normal course. `advance` records such a
 * step as asked (a second follow-up can be real): this is the check the CLI
 * makes before it, refusing without `--force`, for a caller that wants to ask
 * or refuse as well.
 *
 * @example
 * ```ts
 * import { readNote, repeatedStageProblem } from '@rapport/core';
 *
 * const text = '---\ntype: contact\nname: Victor Nguyen\nstage: followed-up\nhistory:\n  - {date: 2026-11-09, stage: followed-up}\n---\n';
 * const victor = readNote('victor-nguyen.md', text).contact;
 * if (victor) {
 *   console.log(repeatedStageProblem(victor, 'followed-up')); // → already followed-up since 2026-11-09, and recording it again adds a second followed-up entry to the history
 *   console.log(repeatedStageProblem(victor, 'scheduled')); // → undefined
 * }
 * ```
 */
export function repeatedStageProblem(contact: Contact, stage: Stage, options: Pick<AdvanceOptions, 'meeting'> = {}): string | undefined {
  if (contact === null || typeof contact !== 'object') throw new InvalidInputError('repeatedStageProblem needs the contact, as readNote or findContact gives it');
  if (stage !== contact.stage || REPEATED_STAGES.includes(stage) || options.meeting !== undefined) return undefined;
  const since = stageDate(contact, stage);
  return `already ${stage}${since ? ` since ${since}` : ''}, and recording it again adds a second ${stage} entry to the history`;
}

/**
 * True when `advance(text, stage, options)` changes only details of the
 * meeting still to come (length, format, place, link) and so records
 * nothing: the note is already at `stage`, scheduled or prepared, the
 * meeting keeps its time (as it would be written, given `timezone`), and
 * nothing else is given to record (no `via`, `letter` or `note`). For a
 * caller that says what it did.
 *
 * @example
 * ```ts
 * import { changesMeetingDetailsOnly } from '@rapport/core';
 *
 * const text = '---\ntype: contact\nname: Maya Chen\nstage: scheduled\nmeeting:\n  at: 2026-12-01T10:00\n---\n';
 * console.log(changesMeetingDetailsOnly(text, 'scheduled', { meeting: { at: '2026-12-01T10:00', link: 'https://meet.example.com/maya' } })); // → true
 * console.log(changesMeetingDetailsOnly(text, 'scheduled', { meeting: { at: '2026-12-02T10:00' } })); // → false
 * ```
 */
export function changesMeetingDetailsOnly(text: string, stage: Stage, options: Pick<AdvanceOptions, 'via' | 'letter' | 'note' | 'meeting' | 'timezone'>): boolean {
  assertOptions(options, 'changesMeetingDetailsOnly', "{ meeting: { at: '2026-12-01T10:00' } }");
  const meetingAt = asksForMeetingOnly(text, stage, options)?.meetingAt;
  if (options.meeting === undefined || meetingAt === undefined) return false;
  const { at } = options.meeting;
  if (meetingAt === movedMeeting(options.meeting, meetingAt, options.timezone, contactTimeZone(text)).at) return true;
  // The booked time typed again without its offset, on the clock the agenda shows it on (the folder's), is the same time
  // too, for a contact in another zone whose note reads times on theirs.
  return options.timezone !== undefined && wallClockTime(at) !== undefined && isMeetingTime(meetingAt) && meetingStart(at, options.timezone).getTime() === meetingStart(meetingAt, options.timezone).getTime();
}

/**
 * True when `advance(text, stage, options)` books the meeting of a contact already at `stage`,
 * scheduled or prepared, whose note has no meeting time yet (the stage was written, or recorded,
 * before the time was agreed): only `meeting` is written, and nothing goes in the history, since
 * the agreement to meet is there already; a snooze (`snoozed_until`) ends, since agreeing the time
 * happened with the contact. As for a change of details, nothing else may be given
 * to record (no `via`, `letter` or `note`). A meeting for a day before `date` is refused unless
 * forced, as a new booking is. For a caller that says what it did.
 *
 * @example
 * ```ts
 * import { booksMeetingOnly } from '@rapport/core';
 *
 * const text = '---\ntype: contact\nname: Owen Park\nstage: scheduled\nhistory:\n  - {date: 2026-11-23, stage: scheduled}\n---\n';
 * console.log(booksMeetingOnly(text, 'scheduled', { meeting: { at: '2026-11-28T10:00' } })); // → true
 * console.log(booksMeetingOnly(text, 'scheduled', { meeting: { at: '2026-11-28T10:00' }, note: 'he wrote back' })); // → false
 * ```
 */
export function booksMeetingOnly(text: string, stage: Stage, options: Pick<AdvanceOptions, 'via' | 'letter' | 'note' | 'meeting'>): boolean {
  assertOptions(options, 'booksMeetingOnly', "{ meeting: { at: '2026-12-01T10:00' } }");
  const state = asksForMeetingOnly(text, stage, options);
  return state !== undefined && state.meetingAt === undefined;
}

/**
 * What the note says, when `options` give a meeting and nothing else to record for a contact
 * already at `stage`, one waiting for the meeting: a change to the meeting alone, not a step.
 */
function asksForMeetingOnly(text: string, stage: Stage, options: Pick<AdvanceOptions, 'via' | 'letter' | 'note' | 'meeting'>): RecordedState | undefined {
  if (!options.meeting || options.via !== undefined || options.letter !== undefined || options.note !== undefined) return undefined;
  const state = recordedState(text);
  return state.stage === stage && MEETING_PENDING_STAGES.includes(stage) ? state : undefined;
}

/**
 * Changes the details of the meeting a note has booked (its length, format, place or link), each
 * in place, with no history entry: nothing happened with the contact. Moving the meeting in time
 * is a reschedule, recorded with `advance(text, 'scheduled', { meeting: { at } })`. Throws
 * `InvalidInputError` for a note with no meeting time or a detail that is not one (a link such
 * as `javascript:…`), and `UneditableNoteError` for a note that is not a contact.
 *
 * @example
 * ```ts
 * import { getField, updateMeeting } from '@rapport/core';
 *
 * const text = '---\ntype: contact\nname: Maya Chen\nstage: scheduled\nmeeting:\n  at: 2026-12-01T10:00\n  minutes: 30\n  format: video\n---\n';
 * const updated = updateMeeting(text, { link: 'https://meet.example.com/maya' });
 * console.log(JSON.stringify(getField(updated, ['meeting']))); // → {"at":"2026-12-01T10:00","minutes":30,"format":"video","link":"https://meet.example.com/maya"}
 * ```
 */
export function updateMeeting(text: string, details: Omit<MeetingInput, 'at'>): string {
  assertText(text, 'updateMeeting');
  if (details === null || typeof details !== 'object') throw new InvalidInputError(`updateMeeting needs the details to change, such as { link: 'https://meet.example.com/maya' } (got ${typeName(details)})`);
  assertContactNote(text);
  const at = getField(text, ['meeting', 'at']);
  if (typeof at !== 'string') throw new InvalidInputError('no meeting to change: book one first, with advance(text, \'scheduled\', { date, meeting: { at } })');
  return writeMeeting(text, meetingFields({ ...details, at }));
}

/** Options of `logInteraction`: those of `advance` without a meeting, and whether the touch is the contact's reply. */
export interface InteractionOptions extends Omit<AdvanceOptions, 'meeting' | 'timezone'> {
  /**
   * The touch is their reply, with neither a time agreed nor a no ("happy to talk, will send
   * times", "swamped until January"): written `replied: true`. The follow-up and the second
   * person are no longer suggested, and the report counts the reply.
   */
  readonly replied?: boolean;
}

/**
 * Records a touch (a call, a shared article, their reply) without changing the stage: a
 * history entry at the stage the note is in, marked `touch: true` (and `replied: true` for a
 * reply), dated no earlier than the last entry unless `force`. The stage is read from the text
 * given, so an edit that re-reads the note (`editNote`) records the stage it has then, even
 * when someone changed it meanwhile. Like `advance`, refuses a note that is not a contact, and
 * one whose stage is missing or not a stage, forced or not: there is no stage to record. A touch
 * with nothing in it (no `note`, or only spaces, no `via`, no `letter`, not `replied`) is refused
 * (`InvalidInputError`), forced or not: it would only reset the keep-in-touch clock.
 * Like `advance`, ends a snooze (`snoozed_until` goes in the same edit).
 */
export function logInteraction(text: string, options: InteractionOptions): string {
  assertText(text, 'logInteraction');
  assertOptions(options, 'logInteraction');
  assertContactNote(text);
  const state = recordedState(text);
  // Not a refusal `force` overrides: there is no stage to write in the entry.
  if (state.stage === undefined) {
    // A stage written but not a stage says so; none written is said so, whatever else is wrong.
    throw new UneditableNoteError(`a touch is recorded at the contact's stage, and ${state.stageProblem ?? 'the note has no `stage`: add one (rapport check lists every problem)'}`);
  }
  // `touch: true` tells it from a step: deadlines and the report count steps only.
  const entry = historyEntry(state.stage, options, true, options.replied === true);
  // Not a refusal `force` overrides: an entry with nothing in it would only reset the keep-in-touch clock.
  if ((options.note ?? '').trim() === '' && options.via === undefined && options.letter === undefined && options.replied !== true) {
    throw new InvalidInputError('logInteraction needs what happened: a note, the channel (via), a letter sent, or replied: true; an interaction with nothing said and no channel is no interaction');
  }
  if (!options.force) {
    checkRecording(state, undefined, options.date);
    if (options.replied === true && state.stage === 'identified') throw new RecordingRefusedError('no letter has gone to them yet (stage identified): a reply answers one; record the letter you sent first', { field: ['stage'] });
  }
  return unsnoozeContact(appendToList(text, ['history'], entry));
}

/**
 * Throws the `RecordingRefusedError` that `advance` (or, with no `stage`,
 * `logInteraction`) would throw for this change, without making it: for a
 * caller that must know before doing anything else (printing a letter).
 * A note that is not a contact throws the `UneditableNoteError` of `advance`.
 */
export function checkRecordable(text: string, stage: Stage | undefined, date: string): void {
  assertText(text, 'checkRecordable');
  assertContactNote(text);
  checkRecording(recordedState(text), stage, date);
}

/**
 * `checkRecordable` for a letter sent: also refused, unless forced, a letter
 * that records the stage the contact is in already (a letter recorded twice,
 * most likely: a second entry would move the deadlines; keep-in-touch notes
 * are the one letter sent again and again) or one they are past (a
 * thank-you to someone you keep in touch with would move them back). A
 * closed contact may be written to afresh.
 */
export function checkLetterRecordable(text: string, stage: Stage, date: string): void {
  assertContactNote(text);
  const state = recordedState(text);
  checkRecording(state, stage, date);
  checkSending(state, stage);
}

function checkSending(state: RecordedState, stage: Stage): void {
  const current = state.stage;
  if (current === undefined || CLOSED_STAGES.includes(current)) return;
  if (stage === current && stage !== 'nurturing') {
    throw new RecordingRefusedError(`already ${current}: recording the letter adds a second ${current} entry to the history, which moves the deadlines`, { field: ['stage'] });
  }
  if (STAGES.indexOf(stage) < STAGES.indexOf(current)) throw new RecordingRefusedError(`already ${current}, past ${stage}: recording the letter would move the contact back`, { field: ['stage'] });
}

/**
 * A history belongs to a contact: written into any other note (an idea, a
 * meeting log), it would add a frontmatter that is half a contact's.
 */
function assertContactNote(text: string): void {
  if (getField(text, ['type']) === 'contact') return;
  const layout = readLayout(text);
  // A frontmatter that cannot be read is refused by the edit, which names its problem.
  if (layout.unterminated || (layout.frontmatter && parseFrontmatter(layout.frontmatter).problems.length > 0)) return;
  // A contact whose frontmatter is there but not where it is looked for (after a blank line, between `+++`) says why.
  const unfound = layout.frontmatter ? undefined : unfoundFrontmatter(layout.content);
  if (unfound) throw new UneditableNoteError(`${unfound.message} (${unfound.hint})`);
  throw new UneditableNoteError('not a contact note: it has no `type: contact` frontmatter');
}

/** What the note says now, as far as the recording rules need it. */
interface RecordedState {
  readonly stage?: Stage;
  readonly last?: { readonly date: string; readonly stage: string };
  readonly meetingAt?: string;
  /** What in the note keeps a change from being recorded as it should: a stage that is not one, a history entry without a real date. */
  readonly problem?: string;
  /** The field `problem` is about. */
  readonly problemField?: readonly (string | number)[];
  /** The problem with the stage written, when it is not one. */
  readonly stageProblem?: string;
  /** Index of the last history entry, which `last` is read from. */
  readonly lastIndex?: number;
}

function recordedState(text: string): RecordedState {
  const stage = getField(text, ['stage']);
  const history = getField(text, ['history']);
  const entries: unknown[] = Array.isArray(history) ? history : [];
  const lastEntry = entries.at(-1);
  const last = isRecord(lastEntry) && isCalendarDate(lastEntry.date) ? { date: lastEntry.date, stage: String(lastEntry.stage ?? 'a change') } : undefined;
  const at = getField(text, ['meeting', 'at']);
  // An empty entry (`-` alone) holds nothing to misread; a word or a list in its place is a step not read.
  const undatedIndex = entries.findIndex((entry) => entry !== null && (!isRecord(entry) || !isCalendarDate(entry.date)));
  const undated = undatedIndex < 0 ? undefined : entries[undatedIndex];
  const stageProblem = stage !== undefined && stage !== null && !isStage(stage) ? `its stage "${String(stage)}" is not a stage (one of: ${STAGES.join(', ')}): correct it in the note first (rapport check lists every problem)` : undefined;
  const problem =
    stageProblem ??
    (isRecord(undated)
      ? `a history entry is dated "${String(undated.date)}", not a real YYYY-MM-DD, so the history cannot be kept in order: correct it in the note first (rapport check lists every problem)`
      : undated !== undefined
        ? `a history entry is ${JSON.stringify(undated)}, not a mapping such as {date: 2026-11-23, stage: contacted}, so the history cannot be kept in order: correct it in the note first (rapport check lists every problem)`
        : undefined);
  const problemField = stageProblem ? ['stage'] : ['history', undatedIndex];
  return {
    ...(isStage(stage) ? { stage } : {}),
    ...(last ? { last, lastIndex: entries.length - 1 } : {}),
    ...(isMeetingTime(at) ? { meetingAt: at } : {}),
    ...(problem ? { problem, problemField } : {}),
    ...(stageProblem ? { stageProblem } : {}),
  };
}

/**
 * The history is a record of what happened, in order: a step dated before
 * the last entry, or a meeting marked held (thanked…) before its day, is
 * most likely a typo or a letter recorded too early; and a note whose stage
 * or history dates cannot be read would have the change recorded out of
 * place (its stage typed wrong would be replaced unseen). `stage` is `undefined`
 * for a touch that keeps the stage.
 */
function checkRecording(state: RecordedState, stage: Stage | undefined, date: string): void {
  if (state.problem) throw new RecordingRefusedError(state.problem, state.problemField ? { field: state.problemField } : {});
  if (state.last && date < state.last.date) {
    throw new RecordingRefusedError(`${date} is before the last entry in the history (${state.last.stage} on ${state.last.date}); the history is kept in date order`, { field: ['history', state.lastIndex ?? 0] });
  }
  const meetingDay = stage && AFTER_MEETING_STAGES.includes(stage) ? meetingAhead(state.stage, state.meetingAt, date) : undefined;
  if (meetingDay) throw new RecordingRefusedError(`the meeting is on ${meetingDay}, after ${date}: it cannot be ${stage} yet; if it moved, reschedule it`, { field: ['meeting', 'at'] });
}

/**
 * The day of a meeting still to come on `date`, for a contact whose stage
 * waits for it (scheduled, prepared): what keeps a step that follows the
 * meeting (held, a thank-you) from being recorded, or a thank-you drafted,
 * before it. The day as the meeting is written.
 */
export function meetingAhead(stage: Stage | undefined, meetingAt: string | undefined, date: string): string | undefined {
  if (stage === undefined || !MEETING_PENDING_STAGES.includes(stage) || meetingAt === undefined) return undefined;
  const meetingDay = meetingAt.slice(0, 10);
  return meetingDay > date ? meetingDay : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The note's text, checked for callers without types: `advance(undefined, …)` would fail deep inside with a `TypeError`. */
function assertText(text: unknown, call: string): void {
  if (typeof text !== 'string') throw new InvalidInputError(`${call} needs the note's text as a string (got ${typeName(text)})`);
}

/** Checked for callers without types (plain JavaScript), which would otherwise get a `TypeError` from deep inside. */
function assertOptions(options: unknown, call: string, example = "{ date: '2026-11-23' }"): void {
  if (options === null || typeof options !== 'object') throw new InvalidInputError(`${call} needs its options, such as ${example}`);
}

function assertDate(date: string): void {
  if (!isCalendarDate(date)) throw new InvalidInputError(`invalid date "${date}" (use YYYY-MM-DD)`);
}

function historyEntry(stage: Stage, options: AdvanceOptions, touch = false, replied = false): Record<string, string | boolean> {
  assertDate(options.date);
  if (options.via !== undefined && !isChannel(options.via)) throw new InvalidInputError(`unknown channel "${options.via}" (use one of: ${CHANNELS.join(', ')})`);
  return {
    date: options.date,
    stage,
    ...(touch ? { touch: true } : {}),
    ...(replied ? { replied: true } : {}),
    ...(options.via ? { via: options.via } : {}),
    ...(options.letter ? { letter: options.letter } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}

/** The meeting fields given, checked; defaults are left to `writeMeeting`, which knows whether there is a meeting to keep. */
function meetingFields(meeting: MeetingInput): MeetingInput {
  if (!isMeetingTime(meeting.at)) throw new InvalidInputError(`invalid meeting time "${meeting.at}" (use YYYY-MM-DDTHH:mm, with an offset from -12:00 to +14:00 if any)`);
  if (meeting.minutes !== undefined && (!Number.isInteger(meeting.minutes) || meeting.minutes <= 0 || meeting.minutes > 600)) throw new InvalidInputError(`invalid meeting length "${meeting.minutes}" (whole minutes)`);
  if (meeting.format !== undefined && !isMeetingFormat(meeting.format)) throw new InvalidInputError(`unknown meeting format "${meeting.format}" (use one of: ${MEETING_FORMATS.join(', ')})`);
  if (meeting.link && !isMeetingLink(meeting.link)) throw new InvalidInputError(`invalid meeting link "${meeting.link}" (use a full https:// address such as https://meet.example.com/abc, or a dial-in such as tel:+14125550142)`);
  return meeting;
}

/** The meeting given, its time written as the booked one is (see `meetingTimeLike`) when the folder's zone is known. */
function movedMeeting(meeting: MeetingInput, bookedAt: string | undefined, timezone: string | undefined, theirZone: string | undefined): MeetingInput {
  if (bookedAt === undefined || timezone === undefined || !isMeetingTime(meeting.at)) return meeting;
  const at = meetingTimeLike(meeting.at, bookedAt, timezone, theirZone);
  return at === meeting.at ? meeting : { ...meeting, at };
}

/**
 * The contact's own time zone, when the note names one Rapport knows (`timezone: America/Bogota`):
 * a meeting time written at its offset is theirs, and a new one keeps it. `undefined` for none, or
 * a name that is no zone.
 */
export function contactTimeZone(text: string): string | undefined {
  const zone = getField(text, ['timezone']);
  return isTimeZone(zone) ? zone : undefined;
}

/**
 * A note with a meeting keeps it and changes only the fields given, each in
 * place (comments and the fields not given stay); a note without one gets a
 * new meeting, 30 minutes by video unless said otherwise.
 */
function writeMeeting(text: string, meeting: MeetingInput): string {
  const current = getField(text, ['meeting']);
  if (!isRecord(current)) {
    return setField(text, ['meeting'], {
      at: meeting.at,
      minutes: meeting.minutes ?? 30,
      format: meeting.format ?? 'video',
      ...(meeting.place ? { place: meeting.place } : {}),
      ...(meeting.link ? { link: meeting.link } : {}),
    });
  }
  let result = text;
  for (const key of ['at', 'minutes', 'format', 'place', 'link'] as const) {
    const value = meeting[key];
    if (value !== undefined && value !== '' && current[key] !== value) result = setField(result, ['meeting', key], value);
  }
  return result;
}

/** A recorded step in the words the CLI and the editor say it: "held → thanked", or "nurturing again" for the stage the contact was in. */
export function stageChangeWords(from: Stage, to: Stage): string {
  return from === to ? `${to} again` : `${from} → ${to}`;
}
