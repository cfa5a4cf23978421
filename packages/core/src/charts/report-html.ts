import { Eta } from 'eta/core';
import { OUTCOME_KINDS } from '../outcomes/outcomes.js';
import { percent, sourceRatios, WEEK_COLUMNS, weekTable } from '../report/report-cells.js';
import type { SearchReport } from '../report/search-report.js';
import { renderReportCharts, type ReportChartOptions } from './report-charts.js';
import { defaultChartTheme } from './theme.js';

/** How `renderReportHtml` writes the page: the charts' options and the page title. */
export interface ReportHtmlOptions extends ReportChartOptions {
  /** The page title. Default `Rapport report`. */
  readonly title?: string;
}

/** Every value is escaped by Eta; the chart SVG, made by Vega, is written raw (`<%~`). */
const eta = new Eta({ autoEscape: true, useWith: false, autoTrim: false });

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %></title>
<style>
  body { font-family: <%~ it.font %>; color: <%~ it.foreground %>; max-width: 76rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
  h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid <%~ it.grid %>; padding-bottom: 0.2rem; }
  .period { color: #59636e; margin-top: 0; }
  .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.75rem; padding: 0; list-style: none; }
  .figures li { border: 1px solid <%~ it.grid %>; border-radius: 6px; padding: 0.6rem 0.8rem; }
  .figures strong { display: block; font-size: 1.4rem; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 36rem), 1fr)); gap: 1.5rem 2.5rem; align-items: start; }
  figure { margin: 0; }
  figure svg { max-width: 100%; height: auto; }
  /* A table wider than the screen scrolls by itself, never the page (a phone is 360-400 px wide). */
  table { border-collapse: collapse; margin: 0.5rem 0; display: block; max-width: 100%; overflow-x: auto; }
  th, td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid <%~ it.grid %>; vertical-align: top; }
  td.number, th.number { text-align: right; }
  .muted { color: #59636e; }
  td.muted { overflow-wrap: anywhere; }
  td.path { overflow-wrap: normal; }
  .nowrap { white-space: nowrap; }
  .overdue { color: #b3261e; font-weight: 600; }
  tr.total td { font-weight: 600; }
  @media (max-width: 36rem) {
    body { margin: 1rem auto; padding: 0 0.75rem; }
    .figures { grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.5rem; }
    table { font-size: 0.875rem; }
    th, td { padding-right: 0.5rem; }
    /* Seven columns do not fit a phone: each week and each source becomes a block of its figures, each named. */
    #by-source thead, #weeks thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    #by-source tbody, #weeks tbody { display: block; }
    #by-source tr, #weeks tr { display: grid; grid-template-columns: repeat(3, 1fr); border-bottom: 1px solid <%~ it.grid %>; padding: 0.35rem 0; }
    #by-source td, #weeks td { border-bottom: none; padding: 0.1rem 0.5rem 0.1rem 0; text-align: left; }
    #by-source td:first-child, #weeks td:first-child { grid-column: 1 / -1; font-weight: bold; }
    #by-source td.number::before, #weeks td.number::before { content: attr(data-label) " "; color: #59636e; }
    #open-leads td:nth-child(3) { white-space: normal; }
  }
</style>
</head>
<body>
<h1><%= it.title %></h1>
<p class="period"><%= it.period %></p>

<ul class="figures">
<% for (const figure of it.figures) { %>  <li><strong><%= figure.value %></strong><%= figure.label %></li>
<% } %></ul>

<h2>Charts</h2>
<div class="charts">
  <figure id="funnel"><%~ it.charts.funnel %></figure>
  <figure id="weekly"><%~ it.charts.weekly %></figure>
  <figure id="reply-rate-by-source"><%~ it.charts.replyRateBySource %></figure>
</div>

<h2>Week by week</h2>
<table id="weeks">
  <thead><tr><th>week</th><% for (const column of it.weekColumns) { %><th class="number"><%= column.title %></th><% } %></tr></thead>
  <tbody>
<% for (const row of it.weeks) { %>    <tr<% if (row.total) { %> class="total"<% } %>><td class="nowrap"><%= row.label %></td><% for (const column of it.weekColumns) { %><td class="number" data-label="<%= column.title %>"><%= row.cells[column.key] %></td><% } %></tr>
<% } %>  </tbody>
</table>

<h2>By source</h2>
<% if (it.bySource.length === 0) { %><p class="muted">No letter sent yet.</p>
<% } else { %><table id="by-source">
  <thead><tr><th>source</th><th class="number">sent</th><th class="number">contacted</th><th class="number">replied</th><th class="number">reply rate</th><th class="number">meetings</th><th class="number">meetings per letter</th></tr></thead>
  <tbody>
<% for (const row of it.bySource) { %>    <tr><td><%= row.source %></td><td class="number" data-label="sent"><%= row.outreachSent %></td><td class="number" data-label="contacted"><%= row.contacted %></td><td class="number" data-label="replied"><%= row.replied %></td><td class="number" data-label="reply rate"><%= row.replyRate %></td><td class="number" data-label="meetings"><%= row.meetingsHeld %></td><td class="number" data-label="per letter"><%= row.meetingsPerOutreach %></td></tr>
<% } %>  </tbody>
</table>
<% } %>

<h2>Open leads and offers</h2>
<% if (it.leads.length === 0) { %><p class="muted">No open lead.</p>
<% } else { %><table id="open-leads">
  <thead><tr><th>by</th><th>lead</th><th>from</th><th>note</th></tr></thead>
  <tbody>
<% for (const lead of it.leads) { %>    <tr><td class="nowrap"><%= lead.due %><% if (lead.overdue) { %> <span class="overdue">overdue</span><% } %></td><td><%= lead.text %></td><td class="nowrap"><%= lead.name %></td><td class="muted path"><% lead.where.forEach((part, index) => { %><% if (index > 0) { %>/<wbr><% } %><%= part %><% }) %></td></tr>
<% } %>  </tbody>
</table>
<% } %>
<h2>Outcomes</h2>
<% if (it.outcomes.length === 0) { %><p class="muted">No outcome recorded.</p>
<% } else { %><table id="outcomes">
  <thead><tr><th>kind</th><th class="number">recorded</th><th class="number">open</th></tr></thead>
  <tbody>
<% for (const row of it.outcomes) { %>    <tr><td><%= row.kind %></td><td class="number"><%= row.total %></td><td class="number"><%= row.open %></td></tr>
<% } %>  </tbody>
</table>
<% } %>
<h2>Referral chains</h2>
<p><%= it.chain %></p>
<% if (it.depths.length > 0) { %><table id="referral-depths">
  <thead><tr><th>introductions in a row</th><th class="number">contacts</th></tr></thead>
  <tbody>
<% for (const row of it.depths) { %>    <tr><td><%= row.depth %></td><td class="number"><%= row.contacts %></td></tr>
<% } %>  </tbody>
</table>
<% } %></body>
</html>
`;

/**
 * The report as one self-contained HTML page: figures, the charts as inline
 * SVG, the weekly table and the table by source (as the text report has them),
 * open leads and offers, outcomes and referral chains. No
 * script, font, stylesheet or image is loaded from anywhere, and the page's
 * Content-Security-Policy forbids it.
 */
export async function renderReportHtml(report: SearchReport, options: ReportHtmlOptions = {}): Promise<string> {
  const theme = { ...defaultChartTheme, ...options.theme };
  const charts = await renderReportCharts(report, options);
  const { total, thankYous } = report;
  const period = report.since === null && report.until === null ? 'The whole history' : `From ${report.since ?? 'the start'} to ${report.until ?? 'today'}`;
  const chain = report.referralChains.longestChain;
  return eta.renderString(PAGE, {
    title: options.title ?? 'Rapport report',
    font: theme.fontFamily,
    foreground: theme.foreground,
    grid: theme.grid,
    period,
    charts,
    figures: [
      { value: String(total.outreachSent), label: 'outreach sent' },
      { value: `${percent(total.replyRate)}`, label: `reply rate (${total.replied} of ${total.contacted})` },
      { value: report.medianDaysToReply === null ? '—' : `${report.medianDaysToReply} days`, label: 'median time to reply' },
      { value: String(total.meetingsHeld), label: 'meetings held' },
      { value: `${thankYous.sameDay + thankYous.onTime}/${thankYous.meetings}`, label: `thank-yous on time (${thankYous.late} late, ${thankYous.missing} missing${thankYous.pending > 0 ? `, ${thankYous.pending} not due yet` : ''})` },
      { value: String(total.referralsGained), label: 'referrals gained' },
      { value: String(report.referralChains.longest), label: 'longest referral chain' },
    ],
    // The text report's weekly table, row for row: a long run of quiet weeks is one row.
    weekColumns: WEEK_COLUMNS,
    weeks: weekTable(report),
    bySource: report.bySource.map((row) => ({ ...row, ...sourceRatios(row) })),
    // As the text report and the agenda say it: a lead whose day passed before the report's last day is overdue.
    leads: report.outcomes.openLeads.map((lead) => ({ due: lead.due ?? '', overdue: lead.due !== null && report.until !== null && lead.due < report.until, text: `${lead.label}: ${lead.text}`, name: lead.name, where: `${lead.file}:${lead.line}`.split('/') })),
    outcomes: OUTCOME_KINDS.filter((kind) => report.outcomes.byKind[kind].total > 0).map((kind) => ({ kind, ...report.outcomes.byKind[kind] })),
    chain: chain.length === 0 ? 'Nobody was referred yet.' : `Longest: ${chain.map((person) => person.name).join(' → ')} (${report.referralChains.longest} ${report.referralChains.longest === 1 ? 'introduction' : 'introductions'}).`,
    depths: report.referralChains.depths,
  });
}
