import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { AgendaProvider } from './agenda-provider.js';
import { dueSummary } from './agenda-view.js';

/** The Agenda view, its badge, and the status-bar count of what is due today. */
export function register(context: vscode.ExtensionContext, services: Services): AgendaProvider {
  const provider = new AgendaProvider(services);
  const view = vscode.window.createTreeView('rapport.views.agenda', { treeDataProvider: provider });
  const status = vscode.window.createStatusBarItem('rapport.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Rapport agenda';
  status.command = 'rapport.views.agenda.focus';

  const update = () => {
    provider.refresh();
    if (services.notes.state !== 'ready') {
      status.hide();
      view.badge = undefined;
      return;
    }
    const summary = dueSummary(provider.entries());
    status.text = `$(checklist) ${summary.count}`;
    status.tooltip = `Rapport: ${summary.text}`;
    status.backgroundColor = summary.overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    status.show();
    view.badge = summary.count > 0 ? { value: summary.count, tooltip: summary.text } : undefined;
  };
  update();
  // "Today" moves at midnight even when no note changes.
  const timer = setInterval(update, 15 * 60_000);
  context.subscriptions.push(view, status, services.notes.onDidChange(() => services.firstPaint.run(update)), services.onDidChangeSettings(update), { dispose: () => clearInterval(timer) });
  return provider;
}
