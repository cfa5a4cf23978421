import { resolve } from 'node:path';
import { Argument } from 'commander';
import { loadSlugger, type Workspace } from '@rapport/core';
import type { ExportOptions } from '@rapport/core/export';
import type { CommandContext } from '../context.js';
import { colorsFor, formatDiagnostic, printable } from '../io.js';
import { assertSafeOutput, writeOutputFile } from '../output-file.js';
import { UsageError, type RegisterCommand } from '../program.js';

type ExportFormat = 'ics' | 'vcard' | 'csv' | 'json';

interface ExportCommandOptions {
  out?: string;
  force?: boolean;
  today?: string;
}

/** What an export wrote, and what it says it left out: each warning, and the `file:line` of each value it names so. */
interface Exported {
  readonly text: string;
  readonly warnings: readonly string[];
  readonly saidElsewhere: ReadonlySet<string>;
}

/** Writes one format; the writers (ical.js, csv-stringify) load only when something is exported: every other command starts faster. */
async function exported(format: ExportFormat, workspace: Workspace, options: ExportOptions): Promise<Exported> {
  const { exportCsv, exportIcsDetails, exportJson, exportVCards } = await import('@rapport/core/export');
  const plain = (text: string): Exported => ({ text, warnings: [], saidElsewhere: new Set() });
  if (format === 'vcard') return plain(exportVCards(workspace));
  if (format === 'csv') return plain(exportCsv(workspace, options));
  if (format === 'json') return plain(exportJson(workspace, options));
  const calendar = exportIcsDetails(workspace, options);
  const warnings = calendar.leftOut.map((meeting) => `${meeting.file}:${meeting.line}: the meeting with ${meeting.name} is left out of the calendar: ${meeting.reason}`);
  if (calendar.events === 0) warnings.push('the calendar has no event: no meeting and no dated next action to put in it');
  return { text: calendar.text, warnings, saidElsewhere: new Set(calendar.leftOut.map((meeting) => `${meeting.file}:${meeting.line}`)) };
}

/**
 * Everything left out that the user did not ask to leave out, one warning each on stderr: `private:`
 * entries that hide nothing, notes that cannot be read, values left unread (but those the export names).
 */
async function warnAboutOmissions(ctx: CommandContext, workspace: Workspace, output: Exported): Promise<void> {
  const colors = colorsFor(ctx.io.stderr, ctx.io.env);
  for (const d of await ctx.privateFieldProblems(workspace)) ctx.io.stderr.write(`${formatDiagnostic(d, colors)}\n`);
  ctx.warnBrokenNotes(workspace, output.saidElsewhere);
  for (const warning of output.warnings) ctx.io.stderr.write(`rapport: warning: ${printable(warning)}\n`);
}

export const registerExport: RegisterCommand = (program, context) => {
  program
    .command('export')
    .description('write meetings and due actions as a calendar (ics), or contacts as vCard 4.0, CSV or JSON; fields listed under `private:` in the config are left out')
    .addArgument(new Argument('<format>', 'ics: meetings and due actions; vcard, csv, json: every contact').choices(['ics', 'vcard', 'csv', 'json']))
    .option('-o, --out <file>', 'write to this file (atomically: written whole or not at all) instead of standard output; never a note or a file under .rapport/')
    .option('--force', 'with --out, replace the file if it exists')
    .option('--today <YYYY-MM-DD>', 'compute next actions as of this day')
    .addHelpText(
      'after',
      [
        '',
        'Calendar events keep their UIDs from one export to the next, so importing a newer',
        'file into your calendar updates the events instead of duplicating them.',
        '',
        'Examples:',
        '  rapport export ics --out ~/interviews.ics',
        '  rapport export csv --out contacts.csv',
        '  rapport export json | jq \'.[] | select(.stage == "held")\'',
        '',
      ].join('\n'),
    )
    .action(async (format: ExportFormat, options: ExportCommandOptions) => {
      if (options.force && options.out === undefined) throw new UsageError('--force goes with --out');
      const ctx = context();
      const target = options.out === undefined ? undefined : resolve(ctx.io.cwd, options.out);
      if (target !== undefined) await assertSafeOutput(target, ctx.store.root, options.out!);
      const workspace = await ctx.workspace();
      // A config Rapport cannot read as written would make the export leak or lie (its problems were printed with the config's others).
      const refusal = (await import('@rapport/core/export')).exportRefusal(workspace);
      if (refusal) throw new UsageError(refusal);
      const { now } = ctx.actionContext(workspace, options.today);
      // A referral both linked and named is one event, as it is one agenda line (the slugger only where some referrer wrote both).
      const contactSlug = format !== 'vcard' && workspace.index.namesBesideMissingLinks() ? await loadSlugger() : undefined;
      const output = await exported(format, workspace, { now, ...(contactSlug ? { contactSlug } : {}) });
      await warnAboutOmissions(ctx, workspace, output);
      if (target === undefined) return void ctx.io.stdout.write(output.text);
      await writeOutputFile(target, output.text, options.out!, options.force ?? false);
      ctx.print(`Wrote ${options.out}`);
    });
};
