import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { GROUP_BY, type GroupBy } from '../settings/read-settings.js';
import { ContactsProvider } from './contacts-provider.js';

const GROUP_LABELS: Record<GroupBy, string> = { stage: 'Stage', organization: 'Organization', tag: 'Tag', due: 'Due date' };

/** The Contacts view and its "group by" switch. */
export function register(context: vscode.ExtensionContext, services: Services): ContactsProvider {
  const provider = new ContactsProvider(services);
  const view = vscode.window.createTreeView('rapport.views.contacts', { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    view.description = `by ${GROUP_LABELS[services.settings().groupBy].toLowerCase()}`;
  };
  describe();
  // While the rows come from the index cache, a progress bar runs on the view and its message says so.
  let checked: (() => void) | undefined;
  const showChecking = () => {
    view.message = provider.message() ?? '';
    if (services.notes.checkingDisk && !checked) {
      void vscode.window.withProgress({ location: { viewId: 'rapport.views.contacts' } }, () => new Promise<void>((resolve) => (checked = resolve)));
    } else if (!services.notes.checkingDisk && checked) {
      checked();
      checked = undefined;
    }
  };
  showChecking();
  context.subscriptions.push(
    view,
    services.firstPaint.watch(view),
    services.notes.onDidChange(() => provider.refresh()),
    services.notes.onDidChangeChecking(showChecking),
    { dispose: () => checked?.() },
    services.onDidChangeSettings(() => {
      describe();
      provider.refresh();
    }),
    vscode.commands.registerCommand('rapport.contacts.groupBy', async (groupBy?: GroupBy) => {
      const chosen =
        groupBy ??
        (await services.prompts.pick({
          id: 'contacts.groupBy',
          title: 'Group Contacts By',
          placeholder: 'How the Contacts view groups contacts',
          items: GROUP_BY.map((value) => ({ label: GROUP_LABELS[value], value, ...(value === services.settings().groupBy ? { description: 'current' } : {}) })),
        }));
      if (!chosen) return;
      const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('rapport').update('contacts.groupBy', chosen, target);
    }),
  );
  return provider;
}
