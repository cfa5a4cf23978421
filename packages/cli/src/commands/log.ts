import { CHANNELS, editNote, isChannel, logInteraction } from '@rapport/core';
import { UsageError, type RegisterCommand } from '../program.js';
import { printEndedSnooze, printNextAction, recordIn, refuseFutureDate, remindOfManualNext } from './recording.js';
import { checkDateOptions } from '../date-options.js';
import { joinRepeated } from '../io.js';

interface LogOptions {
  replied?: boolean;
  note?: string;
  via?: string;
  date?: string;
  today?: string;
  force?: boolean;
}

export const registerLog: RegisterCommand = (program, context) => {
  program
    .command('log')
    .description('record a touch (a call, a shared article, a chat at an event, their reply) without changing the stage')
    .argument('<contact>', 'contact id or path to its note')
    .option('--replied', 'they replied, with neither a time agreed nor a no: the follow-up stops')
    .option('--note <text>', 'what happened (given twice, both are kept, joined by "; ")', joinRepeated)
    .option('--via <channel>', `channel used (${CHANNELS.join(', ')})`)
    .option('--date <YYYY-MM-DD>', 'day it happened (default: --today)')
    .option('--today <YYYY-MM-DD>', 'take this day as today (default: today in the configured time zone)')
    .option('--force', 'record it even when dated after today or before the last history entry')
    .addHelpText('after', '\nExamples:\n  rapport log maya-chen --note "shared the NN/g article on diary studies" --via email\n  rapport log ben-osei --note "met at the HIMSS chapter meetup" --via in-person --date 2026-11-20\n  rapport log owen-park --replied --note "happy to talk, will send times" --via linkedin\n')
    .action(async (reference: string, options: LogOptions) => {
      const note = options.note?.trim();
      if (!note && options.via === undefined && !options.replied) throw new UsageError('say what happened with --note (and how with --via), or that they replied with --replied');
      checkDateOptions({ '--date': options.date, '--today': options.today });
      if (options.via !== undefined && !isChannel(options.via)) throw new UsageError(`unknown channel "${options.via}" (use one of: ${CHANNELS.join(', ')})`);

      const ctx = context();
      const workspace = await ctx.workspaceToWrite();
      const contact = ctx.contact(workspace, reference);
      ctx.refuseMisreadContact(workspace, contact, options.force);
      const today = ctx.today(workspace, options.today);
      const date = options.date ?? today;
      refuseFutureDate(contact.name, date, today, options.force);
      const touch = { date, ...(options.replied ? { replied: true } : {}), ...(options.via ? { via: options.via } : {}), ...(note ? { note } : {}), ...(options.force ? { force: true } : {}) };
      await recordIn(contact.name, () => editNote(workspace, contact.file, (text) => logInteraction(text, touch), { retries: 5 }));
      // The touch is recorded at the stage the note had when it was written, which an editor may have changed since it was read.
      const stage = workspace.index.contact(contact.file)?.stage ?? contact.stage;
      ctx.print(`${contact.name}: ${options.replied ? 'reply logged' : 'logged'} (${date}, still ${stage})  ${ctx.colors.dim(contact.file)}`);
      printEndedSnooze(ctx, workspace, contact, today);
      if (!remindOfManualNext(ctx, workspace, contact.file) && options.replied) printNextAction(ctx, workspace, contact.file, options.today);
    });
};

