import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { AgendaProvider } from './agenda-provider.js';
import { DueStatus } from './due-status.js';

/** The Agenda view, its badge, and the status-bar count of what is due today. */
export function register(context: vscode.ExtensionContext, services: Services): { provider: AgendaProvider; status: DueStatus } {
  // Once the slugger an agenda waited for has loaded: the view and the status bar's count.
  const provider = new AgendaProvider(services, () => update());
  const view = vscode.window.createTreeView('rapport.views.agenda', { treeDataProvider: provider });
  const status = new DueStatus(view);

  const update = () => {
    provider.refresh();
    if (services.notes.state !== 'ready') status.hide();
    else status.show(provider.entries());
  };
  update();
  // "Today" moves at midnight even when no note changes.
  const timer = setInterval(update, 15 * 60_000);
  context.subscriptions.push(view, status, services.notes.onDidChange(() => services.firstPaint.run(update)), services.onDidChangeSettings(update), { dispose: () => clearInterval(timer) });
  return { provider, status };
}
