import { nextAction, isStage, STAGES } from '@rapport/core';
import type { RegisterCommand } from '../program.js';
import { unknownStageMessage } from '../did-you-mean.js';
import { printable } from '../io.js';
import { UsageError } from '../program.js';

/** What the stage column says of a note that cannot be read as a contact. */
const BROKEN = 'unreadable';

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
    .option('--json', 'print a JSON array of {id, file, name, stage, organization, next} (next.snoozedFrom when a snooze moved it; problems, for a note that cannot be read)')
    .addHelpText('after', '\nExample:\n  rapport list --stage contacted\n')
    .action(async (options: ListOptions) => {
      if (options.stage !== undefined && !isStage(options.stage)) throw new UsageError(unknownStageMessage(options.stage));
      const ctx = context();
      const workspace = await ctx.workspace();
      const actions = ctx.actionContext(workspace, options.today);
      const broken = ctx.warnBrokenNotes(workspace);
      const all = workspace.index.contacts();
      const org = options.org?.toLowerCase();
      const contacts = all.filter(
        (contact) =>
          (options.stage === undefined || contact.stage === options.stage) &&
          (options.tag === undefined || contact.tags.includes(options.tag)) &&
          (org === undefined || (contact.organization ?? '').toLowerCase().includes(org)),
      );
      const withContacts = { ...actions, contacts: all };
      const rows = contacts.map((contact) => {
        const next = nextAction(contact, withContacts);
        return { id: contact.id, file: contact.file, name: contact.name, stage: contact.stage, organization: contact.organization ?? null, next: next ? { action: next.action, due: next.due, ...(next.snoozedFrom === undefined ? {} : { snoozedFrom: next.snoozedFrom }) } : null };
      });
      // A note that cannot be read has no stage, tag or organization to match: it shows only in the unfiltered list.
      const filtered = options.stage !== undefined || options.tag !== undefined || org !== undefined;
      const brokenRows = filtered ? [] : broken.map((note) => ({ id: note.id, file: note.file, name: null, stage: null, organization: null, next: null, problems: note.problems }));
      if (options.json) return ctx.json([...rows, ...brokenRows]);
      const { colors } = ctx;
      if (rows.length === 0 && brokenRows.length === 0) return ctx.print('No contacts match.');
      // Only the table lines text up: `--json` (scripts, a large folder) does not load string-width.
      const { columns, padColumns } = await import('../columns.js');
      for (const row of rows) {
        row.name = printable(row.name);
        row.organization = row.organization === null ? null : printable(row.organization);
        if (row.next) row.next.action = printable(row.next.action);
      }
      const width = Math.max(...rows.map((row) => columns(row.name)), ...brokenRows.map((row) => columns(row.id)));
      const stageWidth = Math.max(...rows.map((row) => row.stage.length), ...brokenRows.map(() => BROKEN.length));
      for (const row of rows) {
        const snoozed = row.next?.snoozedFrom === undefined ? '' : `, snoozed from ${row.next.snoozedFrom}`;
        const due = row.next?.due ? (row.next.due < actions.today ? colors.red(` (overdue ${row.next.due}${snoozed})`) : colors.dim(` (due ${row.next.due}${snoozed})`)) : '';
        const org = row.organization ? colors.dim(` · ${row.organization}`) : '';
        ctx.print(`${padColumns(row.name, width)}  ${colors.cyan(row.stage.padEnd(stageWidth))}  ${row.next ? row.next.action + due : colors.dim('—')}${org}`);
      }
      for (const row of brokenRows) {
        const problem = row.problems[0];
        ctx.print(`${padColumns(row.id, width)}  ${colors.red(BROKEN.padEnd(stageWidth))}  ${problem ? `${problem.file}:${problem.line}: ${problem.message}` : row.file}`);
      }
    });
};
