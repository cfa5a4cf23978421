import { editNote, getField, nextActions, snoozeContact, unsnoozeContact } from '@rapport/core';
import { snoozeDay, snoozeRefusal } from '@rapport/core/internal';
import { printable } from '../io.js';
import { UsageError, type RegisterCommand } from '../program.js';
import { checkDateOptions, invalidDate } from '../date-options.js';
import { printNextAction } from './recording.js';

interface SnoozeOptions {
  off?: boolean;
  today?: string;
  force?: boolean;
}

export const registerSnooze: RegisterCommand = (program, context) => {
  program
    .command('snooze')
    .description("put off a contact's next actions to a later day (`snoozed_until` in the note), until a step or a touch is recorded")
    .argument('<contact>', 'contact id or path to its note')
    .argument('[until]', 'the day they are due again: YYYY-MM-DD, tomorrow, +7d, +2w, or a weekday (monday: the next Monday)')
    .option('--off', 'end the snooze now: the actions are due when the rules say again')
    .option('--today <YYYY-MM-DD>', 'count the day from this one, and show the agenda of that day')
    .option('--force', 'write into a note with a stage or history date that cannot be read as written, instead of refusing')
    .addHelpText('after', '\nExamples:\n  rapport snooze owen-park 2026-12-09\n  rapport snooze hannah-schultz monday\n  rapport snooze victor-nguyen +7d\n  rapport snooze owen-park --off\n')
    .action(async (reference: string, until: string | undefined, options: SnoozeOptions) => {
      checkDateOptions({ '--today': options.today });
      if (options.off && until !== undefined) throw new UsageError('--off ends the snooze: give no day with it');
      if (!options.off && until === undefined) throw new UsageError('say until when: rapport snooze <contact> <YYYY-MM-DD | tomorrow | +7d | monday>, or --off');
      const ctx = context();
      const workspace = await ctx.workspaceToWrite();
      const contact = ctx.contact(workspace, reference);
      const where = ctx.colors.dim(contact.file);
      if (options.off) {
        // From the text: a `snoozed_until` that is no date is read as none, and still goes.
        const written = getField(workspace.index.text(contact.file) ?? '', ['snoozed_until']);
        if (written === undefined) {
          ctx.print(`${printable(contact.name)}: not snoozed; nothing changed  ${where}`);
          return;
        }
        await editNote(workspace, contact.file, unsnoozeContact, { retries: 5 });
        ctx.print(`${printable(contact.name)}: snooze ended${typeof written === 'string' ? ` (was until ${printable(written)})` : ''}  ${where}`);
        printNextAction(ctx, workspace, contact.file, options.today);
        return;
      }
      // As dismiss and next: the actions moved, and whether there are any, follow a stage the note does not say.
      // Not for --off, which records nothing and is how a `snoozed_until` that is no date is taken out.
      ctx.refuseMisreadContact(workspace, contact, options.force);
      const today = ctx.today(workspace, options.today);
      const day = snoozeDay(until!, today);
      if (day === undefined) {
        // A date written right but not on the calendar says which part is wrong, as other date options do.
        throw new UsageError(/^\d{4}-\d{2}-\d{2}$/.test(until!) ? invalidDate('day', until!) : `"${until}" is not a day to snooze until: use YYYY-MM-DD, tomorrow, +7d, +2w or a weekday such as monday`);
      }
      const refusal = snoozeRefusal({ contact, day, today });
      if (refusal !== undefined) throw new UsageError(refusal);
      await editNote(workspace, contact.file, (text) => snoozeContact(text, day), { retries: 5 });
      ctx.print(`${printable(contact.name)}: snoozed until ${day}  ${where}`);
      const snoozed = workspace.index.contact(contact.file);
      const actions = snoozed ? nextActions(snoozed, { ...ctx.actionContext(workspace, options.today), contacts: workspace.index.contacts() }).filter((action) => action.due !== null) : [];
      // What the agenda now says of them, each line with its new day.
      for (const action of actions) ctx.print(`  ${action.due}  ${printable(action.action)}${action.snoozedFrom ? ctx.colors.dim(` (snoozed from ${action.snoozedFrom})`) : ''}`);
      if (!actions.some((action) => action.snoozedFrom !== undefined)) ctx.print(ctx.colors.dim(`  nothing of theirs was due before ${day}: no date moved`));
      ctx.print(ctx.colors.dim(`  until a step or a touch is recorded, or rapport snooze ${contact.id} --off`));
    });
};
