import { addWeeks } from 'date-fns/addWeeks';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { parse as parseDate } from 'date-fns/parse';
import { parse as parseVega, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { SearchReport } from '../report/search-report.js';
import { defaultChartTheme, type ChartTheme } from './theme.js';

/** The report's charts, each one SVG document as a string. */
export interface ReportCharts {
  /** Contacts that reached each stage, identified to nurturing. */
  readonly funnel: string;
  /** Outreach sent, meetings held and thank-yous sent per ISO week, empty weeks included (over a long span, the weeks with activity only: `chartWeeks`). */
  readonly weekly: string;
  /** Share of contacted people who answered, by how they were found. */
  readonly replyRateBySource: string;
}

/** How `renderReportCharts` draws: the theme's colours and each chart's width. */
export interface ReportChartOptions {
  /** Overrides of `defaultChartTheme`. */
  readonly theme?: Partial<ChartTheme>;
  /** Width of each chart in pixels, labels included. Default `560`. */
  readonly width?: number;
}

/** How each figure is named on the charts. */
export const CHART_LABELS = {
  outreach: 'Outreach sent',
  meetings: 'Meetings held',
  thankYous: 'Thank-yous sent',
} as const;

/**
 * Draws the report's charts with Vega-Lite, rendered headless to SVG (no
 * DOM, no canvas, no network): the same code serves the HTML report and
 * the VS Code dashboard. The SVG has no script and no `style` element.
 */
export async function renderReportCharts(report: SearchReport, options: ReportChartOptions = {}): Promise<ReportCharts> {
  const theme: ChartTheme = { ...defaultChartTheme, ...options.theme };
  const width = options.width ?? 560;
  const [funnel, weekly, replyRateBySource] = await Promise.all([
    toSvg(funnelSpec(report, theme, width)),
    toSvg(weeklySpec(report, theme, width)),
    toSvg(replyRateSpec(report, theme, width)),
  ]);
  return { funnel, weekly, replyRateBySource };
}

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parseVega(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function config(theme: ChartTheme): NonNullable<TopLevelSpec['config']> {
  const text = { labelColor: theme.foreground, titleColor: theme.foreground, labelFont: theme.fontFamily, titleFont: theme.fontFamily, labelFontSize: theme.fontSize, titleFontSize: theme.fontSize };
  return {
    background: theme.background,
    font: theme.fontFamily,
    view: { stroke: null },
    axis: { ...text, domainColor: theme.grid, tickColor: theme.grid, gridColor: theme.grid, titleFontWeight: 'normal' },
    legend: { ...text, orient: 'top', title: null },
    title: { color: theme.foreground, font: theme.fontFamily, fontSize: theme.fontSize + 2, anchor: 'start' },
    text: { color: theme.foreground, font: theme.fontFamily, fontSize: theme.fontSize },
  };
}

/** With nothing to count, a 0-to-1 axis (Vega would put the lone 0 mid-axis); otherwise Vega's own rounded scale. */
function emptyScale(counts: readonly number[]): { scale?: { domain: [number, number] } } {
  return counts.some((count) => count > 0) ? {} : { scale: { domain: [0, 1] } };
}

/** Height of one horizontal bar and its gap, in pixels. */
const BAR_STEP = 24;

function funnelSpec(report: SearchReport, theme: ChartTheme, width: number): TopLevelSpec {
  const values = report.funnel.map((step) => ({ stage: step.stage, reached: step.reached, description: `${step.stage}: ${step.reached} ${step.reached === 1 ? 'contact' : 'contacts'}` }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Funnel: ${values.map((step) => `${step.stage} ${step.reached}`).join(', ')}`,
    title: 'Contacts by stage reached',
    width,
    height: BAR_STEP * values.length,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    encoding: {
      y: { field: 'stage', type: 'nominal', sort: null, title: null },
      x: { field: 'reached', type: 'quantitative', title: 'contacts', axis: { tickMinStep: 1, format: 'd' }, ...emptyScale(values.map((step) => step.reached)) },
      description: { field: 'description' },
    },
    layer: [
      { mark: { type: 'bar', color: theme.accent } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'reached', type: 'quantitative' } } },
    ],
    config: config(theme),
  };
}

/** Every ISO week from the first to the last in the report, so a quiet week shows as a gap. */
export function weekRange(first: string, last: string): string[] {
  const weeks: string[] = [];
  const monday = parseDate(first, "RRRR-'W'II", new Date(2000, 0, 1));
  for (let date = monday, week = first; week <= last; date = addWeeks(date, 1), week = isoWeek(date)) weeks.push(week);
  return weeks;
}

function isoWeek(date: Date): string {
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

/** The most weeks the weekly chart draws: 26 groups of three bars still have readable labels at 560 pixels. */
export const MAX_CHART_WEEKS = 26;

/**
 * The weeks the weekly chart draws, and what its title says of them: every
 * week from the first with something to draw (outreach, meetings,
 * thank-yous) to the week of the report's day (else the last with something
 * to draw: a week with only another figure does not stretch it), quiet ones
 * included, so a quiet spell up to today shows; when that spans more than `MAX_CHART_WEEKS`
 * (an old letter among this year's), the weeks with something to draw
 * only, the last `MAX_CHART_WEEKS` of them.
 */
export function chartWeeks(report: SearchReport): { weeks: string[]; title: string } {
  const active = report.weeks.filter((week) => week.outreachSent + week.meetingsHeld + week.thankYous > 0).map((week) => week.week);
  const last = report.until === null ? active.at(-1) : isoWeek(new Date(`${report.until}T12:00:00`));
  const all = active.length === 0 ? [] : weekRange(active[0]!, last!);
  if (all.length <= MAX_CHART_WEEKS) return { weeks: all, title: 'Per week' };
  const shown = active.slice(-MAX_CHART_WEEKS);
  const which = shown.length < active.length ? `the last ${shown.length} weeks with activity, of ${active.length}` : 'weeks with activity only';
  return { weeks: shown, title: `Per week (${which}; ${shown[0]} to ${shown.at(-1)})` };
}

function weeklySpec(report: SearchReport, theme: ChartTheme, width: number): TopLevelSpec {
  const byWeek = new Map(report.weeks.map((week) => [week.week, week]));
  const { weeks, title } = chartWeeks(report);
  const values = weeks.flatMap((week) => {
    const figures = byWeek.get(week);
    return [
      { series: CHART_LABELS.outreach, count: figures?.outreachSent ?? 0 },
      { series: CHART_LABELS.meetings, count: figures?.meetingsHeld ?? 0 },
      { series: CHART_LABELS.thankYous, count: figures?.thankYous ?? 0 },
    ].map((bar) => ({ week, ...bar, description: `${week}, ${bar.series}: ${bar.count}` }));
  });
  const domain = [CHART_LABELS.outreach, CHART_LABELS.meetings, CHART_LABELS.thankYous];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Outreach sent, meetings held and thank-yous sent per ISO week',
    title,
    width,
    height: 180,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'week', type: 'ordinal', sort: null, title: null, axis: { labelAngle: -45, labelOverlap: 'greedy' }, scale: { domain: weeks } },
      xOffset: { field: 'series', type: 'nominal', sort: domain, scale: { domain } },
      y: { field: 'count', type: 'quantitative', title: null, axis: { tickMinStep: 1, format: 'd' }, ...emptyScale(values.map((bar) => bar.count)) },
      color: { field: 'series', type: 'nominal', sort: domain, scale: { domain, range: [theme.outreach, theme.meetings, theme.thankYous] } },
      description: { field: 'description' },
    },
    config: config(theme),
  };
}

function replyRateSpec(report: SearchReport, theme: ChartTheme, width: number): TopLevelSpec {
  const values = report.bySource
    .filter((row) => row.replyRate !== null)
    .map((row) => ({ source: row.source, rate: row.replyRate!, label: `${Math.round(row.replyRate! * 100)}% (${row.replied}/${row.contacted})` }))
    .map((row) => ({ ...row, description: `${row.source}: ${row.label}` }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Reply rate by source: ${values.map((row) => `${row.source} ${row.label}`).join(', ')}`,
    title: 'Reply rate by source',
    width,
    height: BAR_STEP * Math.max(1, values.length),
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    encoding: {
      y: { field: 'source', type: 'nominal', sort: null, title: null },
      x: { field: 'rate', type: 'quantitative', title: 'replied / contacted', scale: { domain: [0, 1] }, axis: { format: '%' } },
      description: { field: 'description' },
    },
    layer: [
      { mark: { type: 'bar', color: theme.accent } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'label', type: 'nominal' } } },
    ],
    config: config(theme),
  };
}
