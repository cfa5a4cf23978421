import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { agendaGroups, entryView, type AgendaEntryView, type AgendaGroupView } from './agenda-view.js';

export type AgendaNode =
  | { readonly kind: 'loading' }
  | { readonly kind: 'group'; readonly group: AgendaGroupView }
  | { readonly kind: 'agendaItem'; readonly contactId: string; readonly file: string; readonly letter?: string; readonly view: AgendaEntryView };

/** The Agenda view: due actions across contacts, grouped Overdue, Today, This week, Later, Ready to write. */
export class AgendaProvider implements vscode.TreeDataProvider<AgendaNode> {
  private readonly changed = new vscode.EventEmitter<AgendaNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** One function, so that asking again while the Contacts view paints queues one refresh. */
  private readonly refreshAfterPaint = () => this.refresh();

  constructor(private readonly services: Services) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The current entries (empty until the notes are read). */
  entries(): AgendaEntryView[] {
    const { notes } = this.services;
    const workspace = notes.workspace;
    if (!workspace || notes.state !== 'ready') return [];
    // The index's agenda: after one note changes, only that note's lines are recomputed.
    const today = notes.today();
    return workspace.index.agenda(notes.agendaContext()).map((item) => entryView(item, today));
  }

  getChildren(node?: AgendaNode): AgendaNode[] {
    if (node?.kind === 'group') return node.group.entries.map((view) => ({ kind: 'agendaItem', contactId: view.contactId, file: view.file, view, ...(view.letter ? { letter: view.letter } : {}) }));
    if (node) return [];
    if (this.services.notes.state === 'loading') return [{ kind: 'loading' }];
    // Computing a large folder's agenda (and then sending its rows) would make VS Code's request for the Contacts view's items wait:
    // the Agenda fills in once the contacts are shown (at most a second later).
    if (this.services.firstPaint.waiting) {
      this.services.firstPaint.run(this.refreshAfterPaint);
      return [{ kind: 'loading' }];
    }
    return agendaGroups(this.entries()).map((group) => ({ kind: 'group', group }));
  }

  getTreeItem(node: AgendaNode): vscode.TreeItem {
    if (node.kind === 'loading') {
      const item = new vscode.TreeItem('Reading notes…');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      return item;
    }
    if (node.kind === 'group') {
      const { group } = node;
      const item = new vscode.TreeItem(group.label, group.key === 'later' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `agenda:${group.key}`;
      item.description = String(group.entries.length);
      item.tooltip = `${group.entries.length} action${group.entries.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon(group.icon, group.key === 'overdue' ? new vscode.ThemeColor('list.errorForeground') : undefined);
      item.contextValue = 'agendaGroup';
      return item;
    }
    const { view } = node;
    const item = new vscode.TreeItem(view.label);
    item.description = view.description;
    item.tooltip = view.tooltip;
    const color = view.urgency === 'overdue' ? 'list.errorForeground' : view.urgency === 'today' ? 'list.warningForeground' : undefined;
    item.iconPath = new vscode.ThemeIcon(view.icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = view.contextValue;
    item.resourceUri = this.services.notes.uriOf(view.file);
    item.command = { command: 'vscode.open', title: 'Open Note', arguments: [item.resourceUri] };
    return item;
  }
}
