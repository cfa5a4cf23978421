import { DISMISSABLE_ACTIONS, dismissAction, editNote, isDismissableAction, nextActions } from '@rapport/core';
import { printable } from '../io.js';
import { UsageError, type RegisterCommand } from '../program.js';

export const registerDismiss: RegisterCommand = (program, context) => {
  program
    .command('dismiss')
    .description("stop suggesting an action for a contact (adds it to the note's `dismissed` list)")
    .argument('<contact>', 'contact id or path to its note')
    .argument('[action]', `the suggestion to stop (${DISMISSABLE_ACTIONS.join(', ')})`, 'second-contact')
    .option('--force', 'write into a note with a stage or history date that cannot be read as written, instead of refusing')
    .option('--today <YYYY-MM-DD>', 'the day whose suggestions are dismissed (names the suggestion as the agenda of that day does)')
    .addHelpText('after', '\nExample:\n  rapport dismiss hannah-schultz second-contact\n')
    .action(async (reference: string, action: string, options: { force?: boolean; today?: string }) => {
      if (!isDismissableAction(action)) throw new UsageError(`"${action}" cannot be dismissed (only: ${DISMISSABLE_ACTIONS.join(', ')})`);
      const ctx = context();
      const workspace = await ctx.workspaceToWrite();
      const contact = ctx.contact(workspace, reference);
      // As advance and log: the suggestion named, and whether it is made at all, follow a stage the note does not say.
      ctx.refuseMisreadContact(workspace, contact, options.force);
      // Dismissing what the note dismisses already changes nothing: said as such.
      const text = workspace.index.text(contact.file);
      if (text !== undefined && dismissAction(text, action) === text) {
        ctx.print(`${printable(contact.name)}: ${action} was dismissed already; nothing changed  ${ctx.colors.dim(contact.file)}`);
        return;
      }
      // Named as the agenda words it, when it is suggested now.
      const suggested = nextActions(contact, { ...ctx.actionContext(workspace, options.today), contacts: workspace.index.contacts() }).find((candidate) => candidate.kind === action);
      await editNote(workspace, contact.file, (text) => dismissAction(text, action), { retries: 5 });
      const what = suggested ? `"${printable(suggested.action)}" dismissed` : `"${SUGGESTION_WORDS[action]}" dismissed: not suggested for them today, and now never`;
      ctx.print(`${printable(contact.name)}: ${what}  ${ctx.colors.dim(contact.file)}`);
    });
};

/** How the agenda begins each suggestion that can be dismissed, for one not suggested on the day. */
const SUGGESTION_WORDS: Readonly<Record<(typeof DISMISSABLE_ACTIONS)[number], string>> = {
  'second-contact': 'Try a second person',
};
