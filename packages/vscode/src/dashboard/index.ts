import * as vscode from 'vscode';
import { loadSlugger, searchReport, type Contact } from '@rapport/core';
import { registerCommand } from '../commands/run-command.js';
import { layoutReferrals } from '../graph/graph-layout.js';
import { graphSvg } from '../graph/graph-svg.js';
import type { Services } from '../services.js';
import { dashboardHtml, VSCODE_CHART_THEME } from './dashboard-html.js';
import { openOutcomes } from './open-outcomes.js';
import { showNoteAt } from '../notes/open-at.js';

/** Pause after the last change to the notes before the dashboard is redrawn (a checkout changes many at once). */
const REDRAW_DELAY_MS = 300;

/** What the webview may ask: open a note, at a 1-based line. */
export interface DashboardMessage {
  readonly open?: unknown;
  readonly line?: unknown;
}

export interface DashboardHandle {
  /** The panel's HTML while it is open. */
  html(): string | undefined;
  /** How many times the page was drawn since the panel opened. */
  renders(): number;
  /** Handles a message as if the webview had sent it (the tests' click). */
  receive(message: DashboardMessage): Promise<void>;
}

/**
 * `rapport.openDashboard`: the search at a glance in a webview — totals, the
 * funnel of stages reached, outreach/meetings/thank-yous per week, reply rate
 * by source (charts from core's renderer, in VS Code's theme colours), open
 * leads and offers, and the referral graph. It redraws when notes change.
 */
export function register(context: vscode.ExtensionContext, services: Services): DashboardHandle {
  let panel: vscode.WebviewPanel | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let drawing = 0;
  let renders = 0;
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  // A hidden panel is redrawn when it is shown again: drawing the charts takes a few hundred milliseconds.
  let stale = false;

  const draw = async () => {
    const workspace = services.notes.workspace;
    if (!panel || !workspace) return;
    if (!panel.visible) {
      stale = true;
      return;
    }
    stale = false;
    const ticket = ++drawing;
    const contacts = workspace.index.contacts();
    const today = services.notes.today();
    const report = searchReport(contacts, { until: today, rules: workspace.config.rules });
    // Loaded on first draw: Vega is most of the bundle, and activation should not pay for it.
    const { renderReportCharts } = await import('@rapport/core/charts');
    const charts = await renderReportCharts(report, { theme: VSCODE_CHART_THEME, width: 560 });
    const layout = layoutReferrals(workspace.index.referralGraph({ contactSlug: await loadSlugger() }), new Map<string, Contact>(contacts.map((contact) => [contact.id, contact])));
    // A later change started a newer drawing meanwhile, or the panel closed: this one is stale.
    if (ticket !== drawing || !panel) return;
    const webview = panel.webview;
    const html = dashboardHtml({
      cspSource: webview.cspSource,
      nonce: nonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'dashboard.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'dashboard.js')).toString(),
      report,
      charts,
      openOutcomes: openOutcomes(contacts),
      graph: layout.nodes.length === 0 ? undefined : graphSvg(layout, { id: 'referral-graph' }),
      today,
    });
    webview.html = html;
    renders++;
  };
  const redraw = () => {
    if (!panel) return;
    if (!panel.visible) {
      stale = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void draw().catch((error: unknown) => services.log.error(`The dashboard could not be drawn: ${(error as Error).stack ?? String(error)}`)), REDRAW_DELAY_MS);
  };

  const receive = async (message: DashboardMessage) => {
    if (typeof message.open !== 'string') return;
    const line = typeof message.line === 'number' && Number.isInteger(message.line) && message.line > 0 ? message.line - 1 : 0;
    await showNoteAt(services.notes.uriOf(message.open), new vscode.Position(line, 0), { preview: true, viewColumn: vscode.ViewColumn.Beside });
  };

  context.subscriptions.push(
    registerCommand(services, 'rapport.openDashboard', async () => {
      await services.notes.requireWorkspace();
      if (panel) {
        panel.reveal();
        return { opened: true };
      }
      panel = vscode.window.createWebviewPanel('rapport.dashboard', 'Rapport Dashboard', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media] });
      panel.onDidDispose(() => {
        panel = undefined;
        renders = 0;
        clearTimeout(timer);
      });
      panel.webview.onDidReceiveMessage((message: DashboardMessage) => void receive(message));
      panel.onDidChangeViewState(() => stale && redraw());
      await draw();
      return { opened: true };
    }),
    services.notes.onDidChange(redraw),
    services.onDidChangeSettings(redraw),
    { dispose: () => (clearTimeout(timer), panel?.dispose()) },
  );
  return { html: () => panel?.webview.html, renders: () => renders, receive };
}

function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
