import { isCalendarDate, outcomeSummary, outreachReport, OUTCOME_KINDS, type OutreachFigures } from '@rapport/core';
import { printable } from '../io.js';
import { UsageError, type RegisterCommand } from '../program.js';

interface ReportOptions {
  since?: string;
  today?: string;
  json?: boolean;
}

const COLUMNS: [keyof OutreachFigures, string][] = [
  ['outreachSent', 'sent'],
  ['contacted', 'contacted'],
  ['replyRate', 'reply rate'],
  ['meetingsHeld', 'held'],
  ['thankYousOnTime', 'thanked on time'],
  ['referralsGained', 'referrals'],
];

export const registerReport: RegisterCommand = (program, context) => {
  program
    .command('report')
    .description('outreach sent, reply rate, meetings held, thank-yous on time and referrals gained, by week')
    .option('--since <YYYY-MM-DD>', 'only count from this day')
    .option('--today <YYYY-MM-DD>', 'the report as of this day: later history entries are left out (default: today in the configured time zone)')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExample:\n  rapport report --since 2026-11-01\n')
    .action(async (options: ReportOptions) => {
      for (const value of [options.since, options.today]) {
        if (value !== undefined && !isCalendarDate(value)) throw new UsageError(`invalid date "${value}" (use YYYY-MM-DD)`);
      }
      const ctx = context();
      const workspace = await ctx.workspace();
      const report = outreachReport(workspace.index.contacts(), { ...(options.since ? { since: options.since } : {}), until: ctx.today(workspace, options.today), rules: workspace.config.rules });
      const outcomes = outcomeSummary(workspace.index.contacts());
      if (options.json) return ctx.json({ ...report, outcomes });
      const cell = (figures: OutreachFigures, key: keyof OutreachFigures) => {
        if (key === 'replyRate') return figures.replyRate === null ? '—' : `${Math.round(figures.replyRate * 100)}%`;
        if (key === 'thankYousOnTime') return `${figures.thankYousOnTime}/${figures.thankYous}`;
        return String(figures[key]);
      };
      const rows = [...report.weeks.map((week) => [week.week, ...COLUMNS.map(([key]) => cell(week, key))]), ['total', ...COLUMNS.map(([key]) => cell(report.total, key))]];
      const header = ['week', ...COLUMNS.map(([, title]) => title)];
      const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
      const line = (cells: string[]) => cells.map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ');
      ctx.print(ctx.colors.bold(line(header)));
      for (const row of rows) ctx.print(row[0] === 'total' ? ctx.colors.bold(line(row)) : line(row));
      const recorded = OUTCOME_KINDS.filter((kind) => outcomes.byKind[kind].total > 0);
      if (recorded.length === 0) return;
      ctx.print();
      ctx.print(ctx.colors.bold('Outcomes') + '  ' + recorded.map((kind) => `${kind} ${outcomes.byKind[kind].total} (${outcomes.byKind[kind].open} open)`).join(', '));
      if (outcomes.openLeads.length > 0) ctx.print(ctx.colors.bold(`Open leads (${outcomes.openLeads.length})`));
      for (const lead of outcomes.openLeads) ctx.print(`  ${lead.due ?? 'no date   '}  ${printable(lead.text)}  ${ctx.colors.dim(`${lead.name}, ${ctx.displayPath(lead.file)}:${lead.line}`)}`);
    });
};
