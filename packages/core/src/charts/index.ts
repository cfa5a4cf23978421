/**
 * `@rapport/core/charts`: the report's charts (Vega-Lite rendered to SVG) and
 * the self-contained HTML report, shared by the CLI and the VS Code dashboard.
 * Its own entry so that Vega loads only for the callers that draw.
 */
export { renderReportCharts, CHART_LABELS } from './report-charts.js';
export type { ReportCharts, ReportChartOptions } from './report-charts.js';
export { renderReportHtml } from './report-html.js';
export type { ReportHtmlOptions } from './report-html.js';
export { defaultChartTheme } from './theme.js';
export type { ChartTheme } from './theme.js';
