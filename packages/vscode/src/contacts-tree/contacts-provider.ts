import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { groupContacts, type ContactGroupView, type ContactView, type Urgency } from './contact-view.js';

export type ContactsNode =
  | { readonly kind: 'loading' }
  | { readonly kind: 'group'; readonly group: ContactGroupView }
  | { readonly kind: 'contact'; readonly contactId: string; readonly file: string; readonly view: ContactView; readonly groupKey: string };

const URGENCY_COLORS: Partial<Record<Urgency, string>> = { overdue: 'list.errorForeground', today: 'list.warningForeground' };

/** The Contacts view: core's contacts grouped by stage, organization, tag or due date. */
export class ContactsProvider implements vscode.TreeDataProvider<ContactsNode> {
  private readonly changed = new vscode.EventEmitter<ContactsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly services: Services) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: ContactsNode): ContactsNode[] {
    if (node?.kind === 'group') return node.group.contacts.map((view) => ({ kind: 'contact', contactId: view.id, file: view.file, view, groupKey: node.group.key }));
    if (node) return [];
    const { notes } = this.services;
    if (notes.state === 'loading') return [{ kind: 'loading' }];
    const workspace = notes.workspace;
    if (!workspace || notes.state !== 'ready') return [];
    const groups = groupContacts(workspace.index.contacts(), this.services.settings().groupBy, notes.actionContext(), notes.today());
    if (groups.length > 0) this.services.timings.mark('contactsPainted');
    return groups.map((group) => ({ kind: 'group', group }));
  }

  getTreeItem(node: ContactsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'loading': {
        const item = new vscode.TreeItem('Reading notes…');
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.group.label, node.group.collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.group.key;
        item.description = String(node.group.contacts.length);
        item.iconPath = new vscode.ThemeIcon(node.group.icon);
        item.contextValue = 'group';
        item.tooltip = `${node.group.contacts.length} contact${node.group.contacts.length === 1 ? '' : 's'}`;
        return item;
      }
      case 'contact': {
        const { view } = node;
        const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.groupKey}/${view.id}`;
        item.description = view.description;
        item.tooltip = new vscode.MarkdownString(view.tooltip);
        const color = view.urgency && URGENCY_COLORS[view.urgency];
        item.iconPath = new vscode.ThemeIcon(view.icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = view.contextValue;
        item.resourceUri = this.services.notes.uriOf(view.file);
        item.command = { command: 'vscode.open', title: 'Open Note', arguments: [item.resourceUri] };
        return item;
      }
    }
  }
}
