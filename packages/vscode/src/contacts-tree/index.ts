import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { GroupByChoice } from '../settings/group-by.js';
import { GROUP_BY, type GroupBy } from '../settings/read-settings.js';
import { ContactsProvider } from './contacts-provider.js';

const GROUP_LABELS: Record<GroupBy, string> = { stage: 'Stage', organization: 'Organization', tag: 'Tag', due: 'Due date' };

/** The Contacts view and its "group by" switch (remembered per workspace). */
export function register(context: vscode.ExtensionContext, services: Services): ContactsProvider {
  const grouping = new GroupByChoice(context.workspaceState, () => services.settings().groupBy);
  const provider = new ContactsProvider(services, () => grouping.current);
  const view = vscode.window.createTreeView('rapport.views.contacts', { treeDataProvider: provider, showCollapseAll: true });
  provider.treeView = view;
  // The tree follows the note being edited, as the Explorer does, while the view is on screen.
  const follow = (editor: vscode.TextEditor | undefined) => {
    const file = editor && services.notes.pathOf(editor.document.uri);
    const node = file && view.visible ? provider.nodeOf(file) : undefined;
    if (node) void view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  };
  const describe = () => {
    view.description = `by ${GROUP_LABELS[grouping.current].toLowerCase()}`;
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
    grouping,
    grouping.onDidChange(() => {
      describe();
      provider.refresh();
    }),
    services.firstPaint.watch(view),
    services.notes.onDidChange(() => provider.refresh()),
    services.notes.onDidChangeChecking(showChecking),
    { dispose: () => checked?.() },
    vscode.window.onDidChangeActiveTextEditor(follow),
    view.onDidChangeVisibility(() => follow(vscode.window.activeTextEditor)),
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
          items: GROUP_BY.map((value) => ({ label: GROUP_LABELS[value], value, ...(value === grouping.current ? { description: 'current' } : {}) })),
        }));
      if (chosen) await grouping.choose(chosen);
    }),
  );
  return provider;
}
