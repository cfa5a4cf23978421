import * as vscode from 'vscode';
import { nameFromLink, type Contact, type ReferralGraph } from '@rapport/core';
import { SluggerOnce } from '../slugger-once.js';
import type { Services } from '../services.js';
import { contactTooltip } from '../contacts-tree/contact-view.js';
import { hasReferrals, referralChildViews, referralRootViews, type ReferralNodeView } from './referral-view.js';

/** A row of the Referrals view: a person, or the one row shown while the notes are read. */
export type ReferralsNode = { readonly kind: 'loading' } | ReferralNodeView;

/** The Referrals view: chains of introductions, from the people who started them. */
export class ReferralsProvider implements vscode.TreeDataProvider<ReferralsNode> {
  private readonly changed = new vscode.EventEmitter<ReferralsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** One function, so that asking again while the Contacts view paints queues one refresh. */
  private readonly refreshAfterPaint = () => this.refresh();
  /** Once loaded, a name and a link to the id it gets are one person in the graph. */
  private readonly slugger: SluggerOnce;

  constructor(private readonly services: Services) {
    this.slugger = new SluggerOnce(services.log, 'Referrals view', () => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The referral graph the rows show, or `undefined` until the notes are read and the slugger is loaded. */
  private graph(): ReferralGraph | undefined {
    const { notes } = this.services;
    const contactSlug = this.slugger.slug;
    if (!notes.workspace || notes.state !== 'ready' || !contactSlug) return undefined;
    return notes.workspace.index.referralGraph({ contactSlug });
  }

  getChildren(node?: ReferralsNode): ReferralsNode[] {
    const workspace = this.services.notes.workspace;
    if (node?.kind === 'loading') return [];
    if (!node) {
      // The view says it is working, as the Contacts view and the Agenda do, rather than stay blank for seconds.
      if (this.services.notes.state === 'loading') return [{ kind: 'loading' }];
      if (!workspace || this.services.notes.state !== 'ready') return [];
      // As the Agenda: a large folder's graph would make the Contacts view's first paint wait.
      if (this.services.firstPaint.waiting) {
        this.services.firstPaint.run(this.refreshAfterPaint);
        return [{ kind: 'loading' }];
      }
      if (!this.slugger.slug) {
        this.loadSlugger();
        return [{ kind: 'loading' }];
      }
    }
    const graph = this.graph();
    if (!workspace || !graph) return [];
    const contacts = new Map<string, Contact>(workspace.index.contacts().map((contact) => [contact.id, contact]));
    const brokenNote = (id: string) => workspace.index.brokenNote(id);
    return node ? referralChildViews(graph, contacts, node, brokenNote) : referralRootViews(graph, contacts, brokenNote);
  }

  /** Starts loading the slugger the graph needs (once): called when the notes are read, so that opening the view seldom waits for it. */
  loadSlugger(): void {
    this.slugger.start();
  }

  /** The contact who named a referral, by name, as the rows are. */
  private referrerName(id: string): string {
    return this.services.notes.workspace?.index.contact(id)?.name ?? id;
  }

  /** A contact's tooltip, when VS Code asks for it (on hover): the person as the Contacts view describes them, not the note's path. */
  resolveTreeItem(item: vscode.TreeItem, node: ReferralsNode): vscode.TreeItem {
    const { notes } = this.services;
    const index = notes.workspace?.index;
    const contact = node.kind === 'contact' ? index?.contact(node.contactId) : undefined;
    if (contact) {
      const referrer = contact.referredBy ? index?.contact(contact.referredBy) : undefined;
      item.tooltip = new vscode.MarkdownString(contactTooltip(contact, notes.actionContext(), notes.today(), referrer));
    }
    return item;
  }

  getTreeItem(node: ReferralsNode): vscode.TreeItem {
    if (node.kind === 'loading') {
      const item = new vscode.TreeItem('Reading notes…');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      return item;
    }
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
      // A name that stands for a link written elsewhere was written as a name here.
      item.tooltip = `Named in the Outcomes of ${this.referrerName(node.referredBy)}${node.name !== undefined || name === node.target ? '' : ` as [[${node.target}]]`}; create the contact to follow up`;
      // Enter or a click does what the row is there for, as the inline button does.
      item.command = { command: 'rapport.newContact', title: 'New Contact', arguments: [node] };
      return item;
    }
    const index = this.services.notes.workspace?.index;
    const graph = this.graph();
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
  const refresh = () => {
    if (services.notes.state === 'ready') provider.loadSlugger();
    provider.refresh();
  };
  context.subscriptions.push(vscode.window.createTreeView('rapport.views.referrals', { treeDataProvider: provider }), services.notes.onDidChange(() => services.firstPaint.run(refresh)));
  return provider;
}
