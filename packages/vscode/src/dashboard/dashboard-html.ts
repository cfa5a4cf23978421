/** The dashboard page, as a string (tested without VS Code). */
import type { ChartTheme, ReportCharts } from '@rapport/core/charts';
import type { SearchReport } from '@rapport/core';
import { dueBadge } from '../contacts-tree/contact-view.js';
import type { OpenOutcome } from './open-outcomes.js';

/**
 * The charts in VS Code's colours: the renderer writes each colour as given
 * into the SVG, and the webview defines these variables for the current theme.
 */
export const VSCODE_CHART_THEME: Partial<ChartTheme> = {
  foreground: 'var(--vscode-foreground)',
  grid: 'var(--vscode-widget-border, var(--vscode-panel-border))',
  background: 'transparent',
  accent: 'var(--vscode-charts-blue)',
  outreach: 'var(--vscode-charts-blue)',
  meetings: 'var(--vscode-charts-green)',
  thankYous: 'var(--vscode-charts-orange)',
  fontFamily: 'var(--vscode-font-family)',
};

export interface DashboardPage {
  /** The webview's `cspSource`: the only origin styles and scripts may come from. */
  readonly cspSource: string;
  /** For the one script tag. */
  readonly nonce: string;
  /** `asWebviewUri` of media/dashboard.css and media/dashboard.js. */
  readonly styleUri: string;
  readonly scriptUri: string;
  readonly report: SearchReport;
  readonly charts: ReportCharts;
  readonly openOutcomes: readonly OpenOutcome[];
  /** The referral graph's SVG, or `undefined` when nobody referred anybody. */
  readonly graph: string | undefined;
  /** `YYYY-MM-DD` the figures run to. */
  readonly today: string;
}

/**
 * The whole page. Content-Security-Policy: nothing by default; styles and
 * scripts only from the extension's media folder (and the script also by
 * nonce), no inline script or style, no event-handler attributes: clicks
 * are handled by media/dashboard.js reading `data-*` attributes.
 */
export function dashboardHtml(page: DashboardPage): string {
  const csp = [`default-src 'none'`, `img-src ${page.cspSource} data:`, `font-src ${page.cspSource}`, `style-src ${page.cspSource}`, `script-src 'nonce-${page.nonce}' ${page.cspSource}`].join('; ');
  const { total, medianDaysToReply, thankYous } = page.report;
  const figures = [
    figure(page.report.funnel[0]?.reached ?? 0, 'contacts'),
    figure(total.outreachSent, 'letters sent'),
    figure(total.replyRate === null ? '–' : `${Math.round(total.replyRate * 100)}%`, `replied (${total.replied} of ${total.contacted})`),
    figure(total.meetingsHeld, 'meetings held'),
    figure(medianDaysToReply === null ? '–' : medianDaysToReply, 'median days to reply'),
    figure(thankYous.sameDay + thankYous.onTime, `thank-yous on time (of ${thankYous.meetings})`),
  ].join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>Rapport Dashboard</title></head>
<body>
<header><h1>Your search</h1><p class="as-of">as of ${escapeHtml(page.today)}</p></header>
<section class="figures" aria-label="Totals">${figures}</section>
<div class="grid">
<section class="chart" id="funnel">${page.charts.funnel}</section>
<section class="chart" id="reply-rate">${page.charts.replyRateBySource}</section>
<section class="chart" id="weekly">${page.charts.weekly}</section>
<section id="open-outcomes"><h2>Open leads, offers, job shadows and résumé reviews</h2>${openList(page.openOutcomes, page.today)}</section>
<section class="wide" id="referrals"><h2>Referral graph</h2>${page.graph ?? '<p class="empty">No referrals yet.</p>'}</section>
</div>
<script nonce="${page.nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body></html>`;
}

function figure(value: number | string, label: string): string {
  return `<div class="figure"><span class="value">${escapeHtml(String(value))}</span><span class="label">${escapeHtml(label)}</span></div>`;
}

/**
 * An overdue item, and one due today, say so in words under the date and are classed `overdue` / `today`:
 * media/dashboard.css colours them as the Contacts tree and the Agenda do (the list's error and warning colours).
 */
function openList(items: readonly OpenOutcome[], today: string): string {
  if (items.length === 0) return '<p class="empty">No open leads or offers. Write them under <code>## Outcomes</code>, e.g. <code>- Lead: Xcel Energy: Data Analyst II (by 2026-12-15)</code>.</p>';
  const rows = items.map((item) => {
    const badge = dueBadge(item.due, today);
    const urgent = badge?.urgency === 'overdue' || badge?.urgency === 'today' ? badge : undefined;
    return (
      `<li><a href="#" class="outcome" data-file="${escapeHtml(item.file)}" data-line="${item.line}">` +
      `<span class="due${urgent ? ` ${urgent.urgency}` : ''}">${item.due ? `by ${escapeHtml(item.due)}` : ''}${urgent ? `<span class="urgency">${urgent.text}</span>` : ''}</span> <span class="what"><span class="kind">${escapeHtml(item.label)}:</span> <span class="text">${escapeHtml(withoutDate(item.text))}</span>` +
      ` <span class="who">— ${escapeHtml(item.contactName)}</span></span></a></li>`
    );
  });
  return `<ul class="outcomes">${rows.join('')}</ul>`;
}

/** The item's text without its date marker, which the list shows on its own: `(by 2026-12-04)` or `due: 2026-12-04`. */
function withoutDate(text: string): string {
  return text.replace(/\s*\(by[ \t]+\d{4}-\d{2}-\d{2}\)/gi, '').replace(/,?\s*\bdue:[ \t]*\d{4}-\d{2}-\d{2}/gi, '').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
