import { resolve } from 'node:path';
import { Argument } from 'commander';
import { CONFIG_PATH, type Workspace } from '@rapport/core';
import type { ExportOptions } from '@rapport/core/export';
import { assertSafeOutput, writeOutputFile } from '../output-file.js';
import { UsageError, type RegisterCommand } from '../program.js';

type ExportFormat = 'ics' | 'vcard' | 'csv' | 'json';

interface ExportCommandOptions {
  out?: string;
  force?: boolean;
  today?: string;
}

/** The writers (ical.js, csv-stringify) load only when something is exported: every other command starts faster. */
async function writers(): Promise<Record<ExportFormat, (workspace: Workspace, options: ExportOptions) => string>> {
  const { exportCsv, exportIcs, exportJson, exportVCards } = await import('@rapport/core/export');
  return { ics: exportIcs, vcard: (workspace) => exportVCards(workspace), csv: exportCsv, json: exportJson };
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
      // The problem itself was printed with the config's others.
      if (workspace.config.privateFieldsUnreadable) throw new UsageError(`nothing exported: the \`private:\` setting of ${CONFIG_PATH} cannot be read, so fields meant to stay private could leak (fix it, then export again)`);
      const { now } = ctx.actionContext(workspace, options.today);
      const text = (await writers())[format](workspace, { now });
      if (target === undefined) return void ctx.io.stdout.write(text);
      await writeOutputFile(target, text, options.out!, options.force ?? false);
      ctx.print(`Wrote ${options.out}`);
    });
};
