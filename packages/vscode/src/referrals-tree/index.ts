import * as vscode from 'vscode';
import { nameFromLink, type Contact } from '@rapport/core';
import type { Services } from '../services.js';
import { hasReferrals, referralChildViews, referralRootViews, type ReferralNodeView } from './referral-view.js';

/** The Referrals view: chains of introductions, from the people who started them. */
export class ReferralsProvider implements vscode.TreeDataProvider<ReferralNodeView> {
  private readonly changed = new vscode.EventEmitter<ReferralNodeView | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly services: Services) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: ReferralNodeView): ReferralNodeView[] {
    const workspace = this.services.notes.workspace;
    if (!workspace || this.services.notes.state !== 'ready') return [];
    const graph = workspace.index.referralGraph();
    const contacts = new Map<string, Contact>(workspace.index.contacts().map((contact) => [contact.id, contact]));
    const brokenNote = (id: string) => workspace.index.brokenNote(id);
    return node ? referralChildViews(graph, contacts, node, brokenNote) : referralRootViews(graph, contacts, brokenNote);
  }

  /** The contact who named a referral, by name, as the rows are. */
  private referrerName(id: string): string {
    return this.services.notes.workspace?.index.contact(id)?.name ?? id;
  }

  getTreeItem(node: ReferralNodeView): vscode.TreeItem {
    if (node.kind === 'unreadableReferral') {
      const item = new vscode.TreeItem(node.target);
      item.id = `${node.path.join('/')}/!${node.target}`;
      item.description = 'cannot be read';
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = 'unreadableReferral';
      item.tooltip = `Named in the Outcomes of ${this.referrerName(node.referredBy)}. ${node.file} cannot be read as a contact: open it and fix its error (the Problems panel says how)`;
      item.resourceUri = this.services.notes.uriOf(node.file);
      item.command = { command: 'vscode.open', title: 'Open Note', arguments: [item.resourceUri] };
      return item;
    }
    if (node.kind === 'pendingReferral') {
      // A person by name, as the graph draws them: "Renee Jackson" for [[renee-jackson]].
      const name = node.name ?? nameFromLink(node.target);
      const item = new vscode.TreeItem(name);
      item.id = `${node.path.join('/')}/?${node.target}`;
      item.description = 'no note yet';
      item.iconPath = new vscode.ThemeIcon('person-add');
      item.contextValue = 'pendingReferral';
      item.tooltip = `Named in the Outcomes of ${this.referrerName(node.referredBy)}${name === node.target ? '' : ` as [[${node.target}]]`}; create the contact to follow up`;
      // Enter or a click does what the row is there for, as the inline button does.
      item.command = { command: 'rapport.newContact', title: 'New Contact', arguments: [node] };
      return item;
    }
    const index = this.services.notes.workspace?.index;
    const graph = index?.referralGraph();
    const expandable = graph !== undefined && hasReferrals(graph, node.contactId, index!.contact(node.contactId), (id) => index!.brokenNote(id));
    const item = new vscode.TreeItem(node.label, expandable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = [...node.path, node.contactId].join('/');
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.contextValue = 'contact.referral';
    item.resourceUri = this.services.notes.uriOf(node.file);
    item.command = { command: 'vscode.open', title: 'Open Note', arguments: [item.resourceUri] };
    return item;
  }
}

export function register(context: vscode.ExtensionContext, services: Services): ReferralsProvider {
  const provider = new ReferralsProvider(services);
  const refresh = () => provider.refresh();
  context.subscriptions.push(vscode.window.createTreeView('rapport.views.referrals', { treeDataProvider: provider }), services.notes.onDidChange(() => services.firstPaint.run(refresh)));
  return provider;
}
