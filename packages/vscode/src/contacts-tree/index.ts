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
  context.subscriptions.push(
    view,
    services.firstPaint.watch(view),
    services.notes.onDidChange(() => provider.refresh()),
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
