import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Argument } from 'commander';
import { todayIn, type Diagnostic } from '@rapport/core';
import { utf16Encoding } from '@rapport/core/internal';
import type { ImportFormat, ImportReading, ImportSummary } from '@rapport/core/import';
import type { CommandContext } from '../context.js';
import { colorsFor, formatDiagnostic, printable } from '../io.js';
import { EXIT, UsageError, type RegisterCommand } from '../program.js';
import { checkDateOptions } from '../date-options.js';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
  today?: string;
}


export const registerImport: RegisterCommand = (program, context, setExitCode) => {
  program
    .command('import')
    .description('add people from LinkedIn’s Connections.csv or a vCard file as contacts; people already in your notes only get their empty fields filled')
    .addArgument(new Argument('<format>', 'what the file is').choices(['linkedin', 'vcard']))
    .argument('<file>', 'the file to import')
    .option('--dry-run', 'show what would be created and updated, and write nothing')
    .option('--today <YYYY-MM-DD>', 'history date for people the file gives no date for (default: today)')
    .option('--json', 'print the summary as JSON: {created, updated, skipped, diagnostics}')
    .addHelpText(
      'after',
      [
        '',
        'Matching: a person is the same contact when the LinkedIn URL matches, else the email',
        '(any case), else the exact name and organization, unless both have LinkedIn URLs and',
        'they differ, or both have emails and none is shared: that is another person, made a new',
        'contact, and the summary names the note with the same name. Re-running an import',
        'changes nothing.',
        '',
        'Examples:',
        '  rapport import linkedin ~/Downloads/Connections.csv --dry-run',
        '  rapport import linkedin ~/Downloads/Connections.csv',
        '  rapport import vcard contacts.vcf',
        '',
      ].join('\n'),
    )
    .action(async (format: ImportFormat, file: string, options: ImportOptions) => {
      checkDateOptions({ '--today': options.today });
      const ctx = context();
      const text = await readInput(ctx, file);
      if (typeof text !== 'string') {
        setExitCode(EXIT.problems);
        return printDiagnostics(ctx, [text]);
      }
      const workspace = await ctx.workspaceToWrite();
      // The CSV and vCard parsers load only when a file is imported: every other command starts faster.
      const { importContacts, parseLinkedInConnections, parseVCards } = await import('@rapport/core/import');
      const readers: Record<ImportFormat, (text: string, file: string) => ImportReading> = { linkedin: parseLinkedInConnections, vcard: parseVCards };
      const reading = readers[format](text, file);
      const summary = await importContacts(workspace, reading, { today: options.today ?? todayIn(workspace.config.timezone), dryRun: options.dryRun ?? false });
      setExitCode(reading.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT.problems : EXIT.ok);
      if (options.json) return ctx.json(summary);
      // A row the reader skipped is listed under "skipped" already, with its file and line.
      const listed = new Set(summary.skipped.map((entry) => `${entry.line}\0${entry.reason}`));
      printDiagnostics(ctx, reading.diagnostics.filter((diagnostic) => !listed.has(`${diagnostic.line}\0${diagnostic.message}`)));
      printSummary(ctx, summary);
    });
};

/** The file's text, or a diagnostic when it is not UTF-8; a file that cannot be opened is a usage error. */
async function readInput(ctx: CommandContext, file: string): Promise<string | Diagnostic> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(ctx.io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
  // Excel's "Unicode text" and some address books save UTF-16: said as such, at the start.
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'import-not-utf8', message: `The file is ${utf16} text, not UTF-8; nothing was imported`, hint: 'Save or export it again as UTF-8 (in Excel: CSV UTF-8)' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Point at the first byte that is not UTF-8: decoding leniently marks it with U+FFFD.
    const lenient = bytes.toString('utf8');
    const before = lenient.slice(0, lenient.indexOf('\uFFFD'));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { file, line, column, endLine: line, endColumn: column, severity: 'error', rule: 'import-not-utf8', message: 'The file is not UTF-8 text; nothing was imported', hint: 'Save or export it again as UTF-8' };
  }
}

function printDiagnostics(ctx: CommandContext, diagnostics: readonly Diagnostic[]): void {
  const colors = colorsFor(ctx.io.stderr, ctx.io.env);
  for (const d of diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d, colors)}\n`);
}

function printSummary(ctx: CommandContext, summary: ImportSummary): void {
  const { colors } = ctx;
  const verb = summary.dryRun ? { created: 'Would create', updated: 'Would fill in', skipped: 'Would skip' } : { created: 'Created', updated: 'Filled in', skipped: 'Skipped' };
  if (summary.created.length > 0) {
    ctx.print(`${verb.created} ${plural(summary.created.length, 'contact')}:`);
    for (const entry of summary.created) {
      const namesake = entry.namesake ? `; ${printable(entry.namesake)} has the same name: if it is the same person, copy what you need and delete one` : '';
      ctx.print(`  ${colors.green('+')} ${printable(entry.file)}  ${printable(entry.name)} ${colors.dim(`(line ${entry.line}${namesake})`)}`);
    }
  }
  if (summary.updated.length > 0) {
    ctx.print(`${verb.updated} empty fields of ${plural(summary.updated.length, 'contact')}:`);
    for (const entry of summary.updated) ctx.print(`  ${colors.yellow('~')} ${printable(entry.file)}  ${printable(entry.name)}: ${entry.fields.join(', ')} ${colors.dim(`(matched by ${entry.matchedBy}, line ${entry.line})`)}`);
  }
  if (summary.skipped.length > 0) {
    ctx.print(`${verb.skipped} ${summary.skipped.length}:`);
    for (const entry of summary.skipped) ctx.print(`  ${colors.dim('-')} ${printable(summary.file)}:${entry.line}  ${entry.name ? `${printable(entry.name)}: ` : ''}${printable(entry.reason)}`);
  }
  const totals = `${summary.created.length} created, ${summary.updated.length} updated, ${summary.skipped.length} skipped`;
  ctx.print(summary.dryRun ? `${totals} ${colors.cyan('(dry run: nothing was written)')}` : totals);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
