import { weekRows, type OutreachFigures, type OutreachReport } from './outreach-report.js';
import type { SourceFigures } from './search-report.js';

/** The weekly table's columns, in order, titled as the text and HTML reports title them. */
export const WEEK_COLUMNS = [
  { key: 'sent', title: 'sent' },
  { key: 'contacted', title: 'contacted' },
  { key: 'replyRate', title: 'reply rate' },
  { key: 'held', title: 'held' },
  { key: 'thankedOnTime', title: 'thanked on time' },
  { key: 'referrals', title: 'referrals' },
] as const;

/** A column of the weekly table, by key: `sent`, `contacted`, `replyRate`, `held`, `thankedOnTime`, `referrals`. */
export type WeekColumn = (typeof WEEK_COLUMNS)[number]['key'];

/** One row of the weekly table: a week, a run of quiet weeks, or the total. */
export interface WeekTableRow {
  readonly label: string;
  readonly total: boolean;
  readonly cells: Readonly<Record<WeekColumn, string>>;
}

/** A share as a whole percentage, or `—` when there is nothing to divide. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

function weekCells(figures: OutreachFigures): Record<WeekColumn, string> {
  return {
    sent: String(figures.outreachSent),
    contacted: String(figures.contacted),
    replyRate: percent(figures.replyRate),
    held: String(figures.meetingsHeld),
    thankedOnTime: `${figures.thankYousOnTime}/${figures.meetingsHeld}`,
    referrals: String(figures.referralsGained),
  };
}

/** The weekly table as both reports show it, cells worded: `weekRows`' rows, then the total. */
export function weekTable(report: Pick<OutreachReport, 'weeks' | 'total'>): WeekTableRow[] {
  return [
    ...weekRows(report.weeks).map(({ label, figures }) => ({ label, total: false, cells: weekCells(figures) })),
    { label: 'total', total: true, cells: weekCells(report.total) },
  ];
}

/** A source's two ratios as both reports word them. */
export function sourceRatios(row: SourceFigures): { replyRate: string; meetingsPerOutreach: string } {
  return {
    replyRate: percent(row.replyRate),
    meetingsPerOutreach: row.meetingsPerOutreach === null ? '—' : row.meetingsPerOutreach.toFixed(2),
  };
}
