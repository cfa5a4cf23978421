import { CLOSED_STAGES, clearManualNext, editNote, setManualNext } from '@rapport/core';
import { printable } from '../io.js';
import { UsageError, type RegisterCommand } from '../program.js';
import { checkDateOptions } from '../date-options.js';
import { printEndedSnooze, printNextAction } from './recording.js';

interface NextOptions {
  due?: string;
  done?: boolean;
  today?: string;
  force?: boolean;
}

export const registerNext: RegisterCommand = (program, context) => {
  program
    .command('next')
    .description("write a contact's next action into the note (ahead of the rules), take it out once done, or show it")
    .argument('<contact>', 'contact id or path to its note')
    .argument('[action]', 'what to do next, e.g. "Send the diary-study article"')
    .option('--due <YYYY-MM-DD>', 'when it is due (without it, it waits under Ready to write); without an action, moves the one written already')
    .option('--done', 'take the hand-written next action out of the note: the rules suggest the next one again')
    .option('--today <YYYY-MM-DD>', 'compute due dates as of this day')
    .option('--force', 'write into a note with a stage or history date that cannot be read as written, instead of refusing')
    .addHelpText('after', '\nExamples:\n  rapport next owen-park "Send him the diary-study article" --due 2026-11-06\n  rapport next owen-park --due 2026-11-09\n  rapport next owen-park --done\n  rapport next owen-park\n')
    .action(async (reference: string, action: string | undefined, options: NextOptions) => {
      checkDateOptions({ '--due': options.due, '--today': options.today });
      if (options.done && (action !== undefined || options.due !== undefined)) throw new UsageError('--done takes the next action out: give no action or --due with it');
      const ctx = context();
      const workspace = await ctx.workspaceToWrite();
      const contact = ctx.contact(workspace, reference);
      const where = ctx.colors.dim(contact.file);
      // As advance and log: with a stage typed wrong the closed-contact check and the next action shown would follow a stage the note does not say.
      if (action !== undefined || options.due !== undefined || options.done) ctx.refuseMisreadContact(workspace, contact, options.force);
      // --due alone moves the hand-written action already there.
      if (action === undefined && options.due !== undefined) {
        if (!contact.next) throw new UsageError(`${contact.name} has no hand-written next action to move (no \`next:\` in ${contact.file}): say what it is, rapport next ${contact.id} "…" --due ${options.due}; or put off what the agenda suggests, rapport snooze ${contact.id} ${options.due}`);
        action = contact.next.action;
      }
      if (action !== undefined) {
        // A closed contact shows no next action anywhere: one written now would sit in the note unseen.
        if (CLOSED_STAGES.includes(contact.stage)) {
          throw new UsageError(`${contact.name} is ${contact.stage}, and a closed contact has no next action: to pick the conversation up again, first run rapport advance ${contact.id} nurturing`);
        }
        const due = options.due;
        const previous = contact.next;
        await editNote(workspace, contact.file, (text) => setManualNext(text, { action, ...(due ? { due } : {}) }), { retries: 5 });
        ctx.print(`${printable(contact.name)}: next: ${printable(action.trim())}${due ? ` (due ${due})` : ''}  ${where}`);
        if (previous) ctx.print(ctx.colors.dim(`  replaces: ${printable(previous.action)}${previous.due ? ` (due ${previous.due})` : ''}`));
        printEndedSnooze(ctx, workspace, contact, ctx.today(workspace, options.today));
        // A day already gone is most likely a typo of the month or the year: said, not refused (a reminder may be meant as overdue).
        const today = ctx.today(workspace, options.today);
        if (due !== undefined && due < today) ctx.print(ctx.colors.dim(`  due before today (${today}): it shows as overdue on the agenda`));
        return;
      }
      if (options.done) {
        if (!contact.next) throw new UsageError(`${contact.name} has no hand-written next action (no \`next:\` in ${contact.file})`);
        await editNote(workspace, contact.file, clearManualNext, { retries: 5 });
        ctx.print(`${printable(contact.name)}: done: ${printable(contact.next.action)}  ${where}`);
      }
      // What comes next now, by the rules or by hand.
      printNextAction(ctx, workspace, contact.file, options.today);
    });
};
