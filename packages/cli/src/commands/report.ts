import { resolve } from 'node:path';
import { OUTCOME_KINDS, searchReport, type SearchReport, type SourceFigures } from '@rapport/core';
import { sourceRatios, WEEK_COLUMNS, weekTable } from '@rapport/core/internal';
import { printable } from '../io.js';
import { assertSafeOutput, writeOutputFile } from '../output-file.js';
import { UsageError, type RegisterCommand } from '../program.js';
import { checkDateOptions } from '../date-options.js';

interface ReportOptions {
  since?: string;
  today?: string;
  json?: boolean;
  csv?: boolean;
  html?: string;
  force?: boolean;
}

const SOURCE_COLUMNS: [keyof SourceFigures, string][] = [
  ['outreachSent', 'sent'],
  ['contacted', 'contacted'],
  ['replyRate', 'reply rate'],
  ['meetingsHeld', 'held'],
  ['meetingsPerOutreach', 'meetings per letter'],
];

/** Rows under a header, the first column left-aligned and the others right-aligned. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

export const registerReport: RegisterCommand = (program, context) => {
  program
    .command('report')
    .description('outreach, replies and meetings by week and by source, days to reply, thank-yous on time, the funnel, referral chains, outcomes and open leads')
    .option('--since <YYYY-MM-DD>', 'only count from this day')
    .option('--today <YYYY-MM-DD>', 'the report as of this day: later history entries are left out (default: today in the configured time zone)')
    .option('--json', 'print the report as JSON')
    .option('--csv', 'print the report as CSV, one row per figure (section, item, figure, value)')
    .option('--html <file>', 'write the report with its charts as one self-contained HTML page')
    .option('--force', 'with --html, replace the file if it exists')
    .addHelpText('after', '\nExamples:\n  rapport report --since 2026-11-01\n  rapport report --html report.html\n  rapport report --csv > report.csv\n')
    .action(async (options: ReportOptions) => {
      checkDateOptions({ '--since': options.since, '--today': options.today });
      if ([options.json, options.csv, options.html !== undefined].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --csv and --html');
      if (options.force && options.html === undefined) throw new UsageError('--force goes with --html');
      const ctx = context();
      const target = options.html === undefined ? undefined : resolve(ctx.io.cwd, options.html);
      if (target !== undefined) await assertSafeOutput(target, ctx.store.root, options.html!);
      const workspace = await ctx.workspace();
      // A contact left out of every figure must not go unsaid.
      ctx.warnBrokenNotes(workspace);
      const until = ctx.today(workspace, options.today);
      if (options.since !== undefined && options.since > until) throw new UsageError(`--since ${options.since} is after today (${until}): the report would count nothing`);
      const report = searchReport(workspace.index.contacts(), { ...(options.since ? { since: options.since } : {}), until, rules: workspace.config.rules });
      if (options.json) return ctx.json(report);
      if (options.csv) {
        // csv-stringify loads only for this.
        const { reportCsv } = await import('@rapport/core/export');
        return void ctx.io.stdout.write(reportCsv(report));
      }
      if (target !== undefined) {
        // Vega loads only for this: every other command starts faster.
        const { renderReportHtml } = await import('@rapport/core/charts');
        await writeOutputFile(target, await renderReportHtml(report), options.html!, options.force ?? false);
        return ctx.print(`Wrote ${options.html}`);
      }
      for (const line of reportText(report)) ctx.print(line.bold ? ctx.colors.bold(line.text) : line.text);
      const { outcomes } = report;
      const recorded = OUTCOME_KINDS.filter((kind) => outcomes.byKind[kind].total > 0);
      if (recorded.length === 0) return;
      ctx.print();
      ctx.print(ctx.colors.bold('Outcomes') + '  ' + recorded.map((kind) => `${kind} ${outcomes.byKind[kind].total} (${outcomes.byKind[kind].open} open)`).join(', '));
      if (outcomes.openLeads.length > 0) ctx.print(ctx.colors.bold(`Open leads and offers (${outcomes.openLeads.length})`));
      for (const lead of outcomes.openLeads) {
        // As the agenda says it: a lead whose day has passed is overdue.
        const overdue = lead.due !== null && lead.due !== undefined && lead.due < until ? ctx.colors.red(' (overdue)') : '';
        ctx.print(`  ${lead.due ?? 'no date   '}  ${printable(`${lead.label}: ${lead.text}`)}${overdue}  ${ctx.colors.dim(`${lead.name}, ${ctx.displayPath(lead.file)}:${lead.line}`)}`);
      }
    });
};

/** The figures as text, before the outcomes: the weekly table, the table by source, then one line per figure. */
function reportText(report: SearchReport): { text: string; bold?: boolean }[] {
  const weekly = table(
    ['week', ...WEEK_COLUMNS.map(({ title }) => title)],
    weekTable(report).map((row) => [row.label, ...WEEK_COLUMNS.map(({ key }) => row.cells[key])]),
  );
  const lines: { text: string; bold?: boolean }[] = weekly.map((text, index) => ({ text, bold: index === 0 || index === weekly.length - 1 }));
  if (report.bySource.length > 0) {
    const sourceCell = (row: SourceFigures, key: keyof SourceFigures) => (key === 'replyRate' || key === 'meetingsPerOutreach' ? sourceRatios(row)[key] : String(row[key]));
    const bySource = table(['source', ...SOURCE_COLUMNS.map(([, title]) => title)], report.bySource.map((row) => [row.source, ...SOURCE_COLUMNS.map(([key]) => sourceCell(row, key))]));
    lines.push({ text: '' }, ...bySource.map((text, index) => ({ text, bold: index === 0 })));
  }
  const { thankYous, referralChains } = report;
  const days = report.medianDaysToReply;
  lines.push({ text: '' });
  lines.push({ text: `Median time to reply  ${days === null ? '—' : `${days} ${days === 1 ? 'day' : 'days'}`}` });
  lines.push({ text: `Thank-yous  ${thankYous.meetings} ${thankYous.meetings === 1 ? 'meeting' : 'meetings'}: ${thankYous.sameDay} same day, ${thankYous.onTime} on time, ${thankYous.late} late, ${thankYous.missing} missing${thankYous.pending > 0 ? `, ${thankYous.pending} not due yet` : ''}` });
  lines.push({ text: `Funnel  ${report.funnel.map((step) => `${step.stage} ${step.reached}`).join(' → ')}` });
  const chain = referralChains.longestChain.map((person) => printable(person.name)).join(' → ');
  lines.push({ text: `Referral chains  ${referralChains.longest === 0 ? 'none yet' : `longest ${referralChains.longest}: ${chain}`}` });
  if (referralChains.longest > 0) lines.push({ text: `  contacts by introductions in a row: ${referralChains.depths.map((row) => `${row.depth}: ${row.contacts}`).join(', ')}` });
  return lines;
}
