import { stringify } from 'csv-stringify/sync';
import { OUTCOME_KINDS } from '../outcomes/outcomes.js';
import type { OutreachFigures } from './outreach-report.js';
import type { SearchReport } from './search-report.js';

/** The columns of `reportCsv`: which table, which row of it, which figure, its value. */
export const REPORT_CSV_COLUMNS = ['section', 'item', 'figure', 'value'] as const;

const OUTREACH_FIGURES: readonly (keyof OutreachFigures)[] = ['outreachSent', 'contacted', 'replied', 'replyRate', 'meetingsHeld', 'thankYous', 'thankYousOnTime', 'referralsGained'];

/**
 * The report as one long CSV table, one row per figure (`section`, `item`,
 * `figure`, `value`), ready for a spreadsheet's pivot table: weeks, total,
 * sources, thank-you timing, funnel, referral depths, outcomes and open
 * leads. Rates are fractions (`0.5`); a missing rate or date is an empty
 * cell. RFC 4180 with CRLF and a UTF-8 BOM, formulas defused, like
 * `exportCsv`.
 */
export function reportCsv(report: SearchReport): string {
  const rows: (string | number | null)[][] = [];
  const add = (section: string, item: string, figure: string, value: string | number | null) => rows.push([section, item, figure, value ?? '']);
  for (const week of report.weeks) for (const figure of OUTREACH_FIGURES) add('week', week.week, figure, week[figure]);
  for (const figure of OUTREACH_FIGURES) add('total', '', figure, report.total[figure]);
  add('total', '', 'medianDaysToReply', report.medianDaysToReply);
  for (const source of report.bySource) {
    for (const figure of ['outreachSent', 'contacted', 'replied', 'replyRate', 'meetingsHeld', 'meetingsPerOutreach'] as const) add('source', source.source, figure, source[figure]);
  }
  for (const [figure, value] of Object.entries(report.thankYous)) add('thank-yous', '', figure, value);
  for (const step of report.funnel) add('funnel', step.stage, 'reached', step.reached);
  add('referral-chains', '', 'longest', report.referralChains.longest);
  for (const row of report.referralChains.depths) add('referral-depth', String(row.depth), 'contacts', row.contacts);
  for (const kind of OUTCOME_KINDS) {
    add('outcomes', kind, 'total', report.outcomes.byKind[kind].total);
    add('outcomes', kind, 'open', report.outcomes.byKind[kind].open);
  }
  for (const lead of report.outcomes.openLeads) {
    const where = `${lead.file}:${lead.line}`;
    add('open-lead', where, 'contact', lead.name);
    add('open-lead', where, 'label', lead.label);
    add('open-lead', where, 'text', lead.text);
    add('open-lead', where, 'due', lead.due);
  }
  return stringify(rows, { header: true, columns: [...REPORT_CSV_COLUMNS], bom: true, record_delimiter: 'windows', escape_formulas: true, cast: { number: (value) => String(value) } });
}
