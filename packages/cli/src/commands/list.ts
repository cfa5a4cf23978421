import { nextAction, isStage, STAGES } from '@rapport/core';
import type { RegisterCommand } from '../program.js';
import { printable } from '../io.js';
import { UsageError } from '../program.js';

interface ListOptions {
  stage?: string;
  tag?: string;
  org?: string;
  json?: boolean;
  today?: string;
}

export const registerList: RegisterCommand = (program, context) => {
  program
    .command('list')
    .description('one line per contact with its stage and next action')
    .option('--stage <stage>', `only this stage (${STAGES.join(', ')})`)
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--org <organization>', 'only this organization (case-insensitive substring)')
    .option('--today <YYYY-MM-DD>', 'compute due dates as of this day')
    .option('--json', 'print a JSON array of {id, file, name, stage, organization, next}')
    .addHelpText('after', '\nExample:\n  rapport list --stage contacted\n')
    .action(async (options: ListOptions) => {
      if (options.stage !== undefined && !isStage(options.stage)) throw new UsageError(`unknown stage "${options.stage}" (use one of: ${STAGES.join(', ')})`);
      const ctx = context();
      const workspace = await ctx.workspace();
      const actions = ctx.actionContext(workspace, options.today);
      const all = workspace.index.contacts();
      const org = options.org?.toLowerCase();
      const contacts = all.filter(
        (contact) =>
          (options.stage === undefined || contact.stage === options.stage) &&
          (options.tag === undefined || contact.tags.includes(options.tag)) &&
          (org === undefined || (contact.organization ?? '').toLowerCase().includes(org)),
      );
      const rows = contacts.map((contact) => {
        const next = nextAction(contact, { ...actions, contacts: all });
        return { id: contact.id, file: contact.file, name: contact.name, stage: contact.stage, organization: contact.organization ?? null, next: next ? { action: next.action, due: next.due } : null };
      });
      if (options.json) return ctx.json(rows);
      const { colors } = ctx;
      if (rows.length === 0) return ctx.print('No contacts match.');
      for (const row of rows) {
        row.name = printable(row.name);
        row.organization = row.organization === null ? null : printable(row.organization);
        if (row.next) row.next.action = printable(row.next.action);
      }
      const width = Math.max(...rows.map((row) => row.name.length));
      const stageWidth = Math.max(...rows.map((row) => row.stage.length));
      for (const row of rows) {
        const due = row.next?.due ? (row.next.due < actions.today ? colors.red(` (overdue ${row.next.due})`) : colors.dim(` (due ${row.next.due})`)) : '';
        const org = row.organization ? colors.dim(` · ${row.organization}`) : '';
        ctx.print(`${row.name.padEnd(width)}  ${colors.cyan(row.stage.padEnd(stageWidth))}  ${row.next ? row.next.action + due : colors.dim('—')}${org}`);
      }
    });
};
