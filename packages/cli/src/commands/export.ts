import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Argument } from 'commander';
import { exportCsv, exportIcs, exportJson, exportVCards, type ExportOptions, type Workspace } from '@rapport/core';
import { UsageError, type RegisterCommand } from '../program.js';

type ExportFormat = 'ics' | 'vcard' | 'csv' | 'json';

interface ExportCommandOptions {
  out?: string;
  today?: string;
}

const WRITERS: Record<ExportFormat, (workspace: Workspace, options: ExportOptions) => string> = {
  ics: exportIcs,
  vcard: (workspace) => exportVCards(workspace),
  csv: exportCsv,
  json: exportJson,
};

export const registerExport: RegisterCommand = (program, context) => {
  program
    .command('export')
    .description('write meetings and due actions as a calendar (ics), or contacts as vCard 4.0, CSV or JSON; fields listed under `private:` in the config are left out')
    .addArgument(new Argument('<format>', 'ics: meetings and due actions; vcard, csv, json: every contact').choices(['ics', 'vcard', 'csv', 'json']))
    .option('-o, --out <file>', 'write to this file (atomically: it is replaced whole or not at all) instead of standard output')
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
      const ctx = context();
      const workspace = await ctx.workspace();
      const { now } = ctx.actionContext(workspace, options.today);
      const text = WRITERS[format](workspace, { now });
      if (options.out === undefined) return void ctx.io.stdout.write(text);
      const target = resolve(ctx.io.cwd, options.out);
      await writeAtomically(target, text, options.out);
      ctx.print(`Wrote ${options.out}`);
    });
};

/** Writes through a temp file in the same folder, flushed and renamed into place: a crash leaves the old file or the new one. */
async function writeAtomically(target: string, text: string, shown: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot write ${shown}: its folder does not exist`);
    if (code === 'EISDIR') throw new UsageError(`cannot write ${shown}: it is a folder`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`cannot write ${shown}: permission denied`);
    throw error;
  }
}
