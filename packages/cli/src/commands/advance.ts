import { advance, booksMeetingOnly, changesMeetingDetailsOnly, CHANNELS, editNote, getField, InvalidInputError, isChannel, isMeetingFormat, isMeetingTime, isStage, meetingClock, meetingDate, meetingStart, moveMeeting, repeatedStageProblem, skippedMeetingTime, unknownLetterProblem, updateMeeting, MEETING_FORMATS, STAGES, type Channel, type MeetingFormat, type MeetingInput, type Stage, type Workspace } from '@rapport/core';
import { atInZone, contactTimeZone, meetingBeforeBooking, meetingTimeLike, MEETING_PENDING_STAGES, pastMeetingDay, readableMeetingTime, stageChangeWords, timeZoneSuggestion, zoneWrittenIn } from '@rapport/core/internal';
import type { CommandContext } from '../context.js';
import { UsageError, type RegisterCommand } from '../program.js';
import { joinRepeated, printable } from '../io.js';
import { printEndedSnooze, recordIn, refuseFutureDate, remindOfManualNext } from './recording.js';
import { unknownStageMessage } from '../did-you-mean.js';
import { checkDateOptions } from '../date-options.js';

interface AdvanceCliOptions {
  date?: string;
  today?: string;
  force?: boolean;
  via?: string;
  letter?: string;
  note?: string;
  at?: string;
  zone?: string;
  minutes?: string;
  format?: string;
  place?: string;
  link?: string;
}

export const registerAdvance: RegisterCommand = (program, context) => {
  program
    .command('advance')
    .description('record a stage change (and the meeting, for scheduled)')
    .argument('<contact>', 'contact id or path to its note')
    .argument('<stage>', STAGES.join(', '))
    .option('--date <YYYY-MM-DD>', 'day of the change (default: --today; for held, the day the meeting was booked for when that has passed)')
    .option('--today <YYYY-MM-DD>', 'take this day as today (default: today in the configured time zone)')
    .option('--force', 'record it even when dated after today or before the last history entry, held before the meeting day, or the stage the contact is already in')
    .option('--via <channel>', `channel used (${CHANNELS.join(', ')})`)
    .option('--letter <template>', 'letter template that was sent')
    .option('--note <text>', 'a short remark for the history entry (given twice, both are kept, joined by "; ")', joinRepeated)
    .option('--at <YYYY-MM-DDTHH:mm>', 'meeting start, for scheduled (offset optional, e.g. -05:00); on a note with a meeting, changes only the time')
    .option('--zone <zone>', "the time zone --at is in when it is not the folder's, e.g. America/New_York (written with that zone's offset on that day)")
    .option('--minutes <n>', 'meeting length (default: as it was, or 30)')
    .option('--format <format>', `meeting format (${MEETING_FORMATS.join(', ')}; default: as it was, or video)`)
    .option('--place <place>', 'where to meet')
    .option('--link <url>', 'video or dial-in link')
    .addHelpText('after', '\nExamples:\n  rapport advance owen-park followed-up --via email --letter follow-up\n  rapport advance hannah-schultz scheduled --at 2026-12-02T08:30 --minutes 30 --format phone\n  rapport advance lauren-fitzgerald scheduled --at 2026-12-04T09:00   (reschedules: keeps place, link, format, length)\n  rapport advance sam-whitaker scheduled --at 2026-12-09T09:00 --zone America/New_York   (09:00 their time)\n')
    .action(async (reference: string, stage: string, options: AdvanceCliOptions) => {
      if (!isStage(stage)) throw new UsageError(unknownStageMessage(stage));
      checkDateOptions({ '--date': options.date, '--today': options.today });
      if (options.via !== undefined && !isChannel(options.via)) throw new UsageError(`unknown channel "${options.via}" (use one of: ${CHANNELS.join(', ')})`);
      if (options.format !== undefined && !isMeetingFormat(options.format)) throw new UsageError(`unknown meeting format "${options.format}" (use one of: ${MEETING_FORMATS.join(', ')})`);
      const minutes = options.minutes === undefined ? undefined : Number(options.minutes);
      if (minutes !== undefined && (!Number.isInteger(minutes) || minutes <= 0 || minutes > 600)) throw new UsageError(`invalid --minutes "${options.minutes}" (a whole number of minutes, 1 to 600)`);
      const meetingOptions = [options.minutes, options.format, options.place, options.link].some((value) => value !== undefined);
      // "2026-11-24 09:00" is how people write it (and how the agenda shows it): the same time.
      const writtenAt = options.at?.trim().replace(/^(\d{4}-\d{2}-\d{2}) +(\d)/, '$1T$2');
      if (writtenAt !== undefined && !isMeetingTime(writtenAt)) {
        throw new UsageError(`invalid --at "${writtenAt}" (use YYYY-MM-DDTHH:mm, e.g. 2026-11-24T09:00, with --zone America/New_York, or an offset from -12:00 to +14:00 such as -05:00, for another time zone than the folder's)`);
      }
      const givenAt = options.zone === undefined ? writtenAt : zonedAt(writtenAt, options.zone);

      const ctx = context();
      const workspace = await ctx.workspaceToWrite();
      const contact = ctx.contact(workspace, reference);
      ctx.refuseMisreadContact(workspace, contact, options.force);
      if (options.letter !== undefined && !options.force) await refuseUnknownLetter(workspace, options.letter);
      // The meeting still to come, if any: one already held is no time for the next.
      const noteText = workspace.index.text(contact.file) ?? '';
      const bookedAt = getField(noteText, ['meeting', 'at']);
      const comingAt = (contact.stage === 'scheduled' || contact.stage === 'prepared') && typeof bookedAt === 'string' ? bookedAt : undefined;
      // On a meeting still to come, a flag without --at changes only its own field: the time stays.
      const at = givenAt ?? (meetingOptions ? comingAt : undefined);
      if (meetingOptions && at === undefined) throw new UsageError(`${contact.name} has no meeting to come: meeting details need --at YYYY-MM-DDTHH:mm`);
      if (stage === 'scheduled' && at === undefined && comingAt === undefined) {
        throw new UsageError(`scheduling ${contact.name} needs the meeting time: --at YYYY-MM-DDTHH:mm`);
      }
      const meeting: MeetingInput | undefined = at === undefined ? undefined : {
        at,
        ...(minutes === undefined ? {} : { minutes }),
        ...(options.format ? { format: options.format as MeetingFormat } : {}),
        ...(options.place ? { place: options.place } : {}),
        ...(options.link ? { link: options.link } : {}),
      };
      // Only the details of the meeting to come (a new link, another room): nothing happened with the contact, so nothing goes in the history.
      // The folder's zone: a new time without an offset, for a meeting booked with one, is written with the zone's offset on its day.
      const recording = { ...(options.via ? { via: options.via as Channel } : {}), ...(options.letter ? { letter: options.letter } : {}), ...(options.note ? { note: options.note } : {}), ...(meeting ? { meeting } : {}), timezone: workspace.config.timezone };
      // Scheduled again, with a time, while a meeting is waited for: the meeting moves, and the stage stays (core's moveMeeting says which).
      const moving = stage === 'scheduled' && meeting !== undefined && MEETING_PENDING_STAGES.includes(contact.stage);
      const recorded = moving ? contact.stage : stage;
      if (meeting !== undefined && changesMeetingDetailsOnly(workspace.index.text(contact.file) ?? '', recorded, recording)) {
        const { at: _at, ...details } = meeting;
        const changed = (['minutes', 'format', 'place', 'link'] as const).filter((key) => details[key] !== undefined).join(', ');
        // The time stays as booked: said as the agenda says it.
        const when = readableMeetingTime(comingAt ?? meeting.at, workspace.config.timezone);
        if (changed === '') return ctx.print(`${printable(contact.name)}: already ${contact.stage}, the meeting still ${when}; nothing to change  ${ctx.colors.dim(contact.file)}`);
        await editNote(workspace, contact.file, (text) => updateMeeting(text, details), { retries: 5 });
        ctx.print(`${printable(contact.name)}: meeting ${changed} changed, still ${when}; no history entry  ${ctx.colors.dim(contact.file)}`);
        return;
      }
      // The stage the contact is in, recorded again, is a second entry that moves its deadlines (a command run twice, most likely):
      // only keeping in touch and rescheduling repeat a stage.
      const repeated = options.force ? undefined : repeatedStageProblem(contact, stage, meeting ? { meeting } : {});
      if (repeated !== undefined) {
        const meetingHint = stage === 'prepared' ? '; to move the meeting, give the new time with --at' : '';
        throw new UsageError(`${contact.name}: not recorded: ${repeated}${meetingHint} (add --force to record it anyway)`);
      }
      const today = ctx.today(workspace, options.today);
      // A meeting recorded as held after its day took place on that day, as far as Rapport knows: the thank-you is due from it.
      const meetingDay = stage === 'held' && options.date === undefined ? pastMeetingDay(contact, workspace.config.timezone, today) : undefined;
      const date = options.date ?? meetingDay ?? today;
      refuseFutureDate(contact.name, date, today, options.force);
      // A meeting booked for a day already gone is most likely a typo of the month; one that took place is recorded as held.
      // advance refuses it too; said here first, in the command's words.
      const bookedBefore = !options.force && givenAt !== undefined && (recorded === 'scheduled' || recorded === 'prepared') ? meetingBeforeBooking(givenAt, date) : undefined;
      if (bookedBefore !== undefined) {
        throw new UsageError(`${contact.name}: not recorded: the meeting on ${bookedBefore} is before the day it is booked (${date}); check the date, or record a meeting that took place with rapport advance ${contact.id} held (add --force to record it anyway)`);
      }
      const changes = { ...recording, date, ...(options.force ? { force: true } : {}) };
      // Scheduled (or prepared) with no time yet, as when the stage was written by hand: the time is booked, and the agreement is in the history already.
      if (meeting !== undefined && booksMeetingOnly(noteText, recorded, recording)) {
        await recordIn(contact.name, () => editNote(workspace, contact.file, (text) => advance(text, recorded, changes), { retries: 5 }));
        ctx.print(`${printable(contact.name)}: meeting booked: ${readableMeetingTime(meeting.at, workspace.config.timezone)}, still ${contact.stage}; no history entry  ${ctx.colors.dim(contact.file)}`);
        warnOfSkippedClock(ctx, meeting.at, workspace.config.timezone);
        // Agreeing the time ended the snooze, as a step would have.
        printEndedSnooze(ctx, workspace, contact, today);
        return;
      }
      const { meeting: _meeting, ...stepOnly } = changes;
      await recordIn(contact.name, () => editNote(workspace, contact.file, (text) => (moving && meeting ? moveMeeting(text, meeting, stepOnly) : advance(text, recorded, changes)), { retries: 5 }));
      ctx.print(`${printable(contact.name)}: ${stageChangeWords(contact.stage, recorded)} (${date})  ${ctx.colors.dim(contact.file)}`);
      const theirZone = contactTimeZone(noteText);
      const movedTo = comingAt !== undefined && givenAt !== undefined ? meetingTimeLike(givenAt, comingAt, workspace.config.timezone, theirZone) : undefined;
      if (comingAt !== undefined && movedTo !== undefined && movedTo !== comingAt) {
        ctx.print(ctx.colors.dim(`  meeting moved: ${readableMeetingTime(comingAt, workspace.config.timezone)} → ${readableMeetingTime(movedTo, workspace.config.timezone)}`));
      }
      if (recorded !== stage) ctx.print(ctx.colors.dim('  still prepared: the meeting changed, the preparation stands'));
      if (meetingDay !== undefined) ctx.print(ctx.colors.dim(`  dated ${meetingDay}, the day the meeting was booked for (give --date for another day)`));
      // A time in their zone, newly booked, as the agenda will show it (a move says it above).
      if (options.zone !== undefined && givenAt !== undefined && movedTo === undefined) ctx.print(ctx.colors.dim(`  meeting booked: ${readableMeetingTime(givenAt, workspace.config.timezone)}`));
      if (givenAt !== undefined) warnOfSkippedClock(ctx, givenAt, workspace.config.timezone);
      if (comingAt !== undefined && givenAt !== undefined && movedTo !== undefined) sayWhoseClock(ctx, { bookedAt: comingAt, at: givenAt, movedTo, timeZone: workspace.config.timezone, noteZone: getField(noteText, ['timezone']), theirZone });
      printEndedSnooze(ctx, workspace, contact, today);
      remindOfManualNext(ctx, workspace, contact.file);
    });
};

/** `--at` read in `--zone`, as the time written with that zone's offset: a usage mistake when it cannot be. */
function zonedAt(at: string | undefined, zone: string): string {
  if (at === undefined) throw new UsageError('--zone goes with --at: the meeting time in that zone');
  try {
    return atInZone(at, zone);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError(`--zone ${zone}: ${error.message}`);
    throw error;
  }
}

/** What a move without an offset was read as, and how to say otherwise, when the booked time had one. */
interface MoveReading {
  readonly bookedAt: string;
  /** The time given, `--at`. */
  readonly at: string;
  /** The time written. */
  readonly movedTo: string;
  readonly timeZone: string;
  /** The note's `timezone` as written, a zone or not. */
  readonly noteZone: unknown;
  /** The note's `timezone` when it is a zone. */
  readonly theirZone: string | undefined;
}

/**
 * A meeting booked with an offset, moved to a time without one, is read in the zone the booked time
 * was written in (core's `meetingTimeLike`): the contact's own, named by the note, or the folder's.
 * Where that changes the meeting's instant, or cannot be told, the user reads which clock was taken
 * and how to give the other.
 */
function sayWhoseClock(ctx: CommandContext, { bookedAt, at, movedTo, timeZone, noteZone, theirZone }: MoveReading): void {
  const offset = OFFSET.exec(bookedAt)?.[0];
  if (offset === undefined || OFFSET.test(at)) return;
  const clock = at.slice(11, 16);
  if (noteZone !== undefined && theirZone === undefined) {
    ctx.io.stderr.write(`rapport: warning: the note's timezone ${JSON.stringify(noteZone)} is unknown${timeZoneSuggestion(noteZone) || ' (write an IANA name such as America/Bogota)'}, so ${clock} is read in ${timeZone}\n`);
  }
  const writtenIn = zoneWrittenIn(bookedAt, timeZone, theirZone);
  if (writtenIn === undefined) {
    // Someone else's offset, and no zone to tell whose: "the same time on Thursday" would land hours away.
    if (meetingStart(at, timeZone).getTime() === meetingStart(at + offset, timeZone).getTime()) return;
    ctx.io.stderr.write(
      `rapport: warning: the meeting was booked for ${readableMeetingTime(bookedAt, timeZone)}, at another offset (${offset}); ${at.replace('T', ' ')} has none, so it is read in ${timeZone}. For ${clock} their time, give --at ${at} --zone and their time zone (e.g. America/New_York), or --at ${at}${offset} if ${offset} is still their offset that day\n`,
    );
    return;
  }
  const written = OFFSET.exec(movedTo)?.[0];
  if (writtenIn !== timeZone) {
    // Their zone, named by the note: said where it differs from the folder's clock.
    if (meetingStart(movedTo, timeZone).getTime() !== meetingStart(at, timeZone).getTime()) {
      ctx.print(ctx.colors.dim(`  ${clock} is their time: read in ${writtenIn}, the note's timezone, as the meeting was booked (for ${clock} in ${timeZone}, give --zone ${timeZone})`));
    }
    return;
  }
  // The folder's offset then: maybe theirs too (a zone without summer time). Said when the new day's offset differs.
  if (theirZone === undefined && written !== undefined && written !== offset) {
    const nameIt = noteZone === undefined ? ', and name their zone in the note (timezone: America/Bogota)' : '';
    ctx.print(ctx.colors.dim(`  ${clock} read in ${timeZone} (${written} on ${at.slice(0, 10)}; booked at ${offset}): if ${offset} is their own offset all year, give --at ${at}${offset}${nameIt}`));
  }
}

/** The offset that ends a meeting time, if it has one (`Z` or `±HH:mm`). */
const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** A meeting time written without an offset that the zone skips (clocks going forward) is read as a later one: the user should know which. */
function warnOfSkippedClock(ctx: CommandContext, at: string, timeZone: string): void {
  const readAs = skippedMeetingTime(at, timeZone);
  if (readAs !== undefined) ctx.io.stderr.write(`rapport: warning: ${at.slice(11, 16)} on ${at.slice(0, 10)} does not exist in ${timeZone}, whose clocks skip it: the meeting is read as ${readAs}\n`);
}

/** A letter name that is no letter (a typo kept in the history), refused as core's `unknownLetterProblem` says it. */
async function refuseUnknownLetter(workspace: Workspace, letter: string): Promise<void> {
  const problem = await unknownLetterProblem(workspace.store, letter);
  if (problem !== undefined) throw new UsageError(`${printable(problem)} (add --force to record it anyway)`);
}
