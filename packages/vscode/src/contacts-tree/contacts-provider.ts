import * as vscode from 'vscode';
import type { Services } from '../services.js';
import type { GroupBy } from '../settings/read-settings.js';
import { brokenNoteView, groupContacts, type BrokenNoteView, type ContactGroupView, type ContactView, type Urgency } from './contact-view.js';
import { openNoteCommand } from '../notes/open-at.js';

export type ContactsNode =
  | { readonly kind: 'loading' }
  | { readonly kind: 'brokenGroup'; readonly notes: readonly BrokenNoteView[] }
  | { readonly kind: 'brokenNote'; readonly view: BrokenNoteView }
  | { readonly kind: 'group'; readonly group: ContactGroupView }
  | { readonly kind: 'contact'; readonly contactId: string; readonly file: string; readonly view: ContactView; readonly groupKey: string };

const URGENCY_COLORS: Partial<Record<Urgency, string>> = { overdue: 'list.errorForeground', today: 'list.warningForeground' };

/** The Contacts view: core's contacts grouped by stage, organization, tag or due date. */
export class ContactsProvider implements vscode.TreeDataProvider<ContactsNode> {
  private readonly changed = new vscode.EventEmitter<ContactsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The view showing this tree (set by `register`); tests read its selection. */
  treeView: vscode.TreeView<ContactsNode> | undefined;

  constructor(
    private readonly services: Services,
    private readonly groupBy: () => GroupBy,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** What the view says above its rows: while the cached rows are checked against the disk, that they may still change. */
  message(): string | undefined {
    return this.services.notes.checkingDisk ? 'Checking the notes against the disk: rows may still change.' : undefined;
  }

  getChildren(node?: ContactsNode): ContactsNode[] {
    if (node?.kind === 'brokenGroup') return node.notes.map((view) => ({ kind: 'brokenNote', view }));
    if (node?.kind === 'group') {
      const views = node.group.contacts();
      if (views.length > 0) this.painted();
      return views.map((view) => ({ kind: 'contact', contactId: view.id, file: view.file, view, groupKey: node.group.key }));
    }
    if (node) return [];
    if (this.services.notes.state === 'loading') return [{ kind: 'loading' }];
    this.services.firstPaint.asked();
    const groups = this.groups();
    // VS Code asks next for the items of expanded groups, the first of which paints contacts; with none expanded, this is the paint.
    if (groups.length > 0) this.services.timings.mark('treePainted');
    if (groups.length === 0) this.services.firstPaint.painted();
    else if (groups.every((group) => group.collapsed)) this.painted();
    // Notes that cannot be read come first: they are listed nowhere else, and need fixing.
    const brokenGroup = this.brokenGroup();
    return [...(brokenGroup ? [brokenGroup] : []), ...groups.map((group): ContactsNode => ({ kind: 'group', group }))];
  }

  private brokenGroup(): (ContactsNode & { kind: 'brokenGroup' }) | undefined {
    const broken = this.services.notes.state === 'ready' ? (this.services.notes.workspace?.index.brokenNotes() ?? []) : [];
    return broken.length > 0 ? { kind: 'brokenGroup', notes: broken.map(brokenNoteView) } : undefined;
  }

  /** The files of the notes listed as unreadable, to tell which became so after a change. */
  brokenFiles(): string[] {
    return this.brokenGroup()?.notes.map((note) => note.file) ?? [];
  }

  private painted(): void {
    this.services.timings.mark('contactsPainted');
    this.services.firstPaint.painted();
  }

  private groups(): ContactGroupView[] {
    const { notes } = this.services;
    const workspace = notes.workspace;
    if (!workspace || notes.state !== 'ready') return [];
    return groupContacts(workspace.index.contacts(), this.groupBy(), notes.actionContext(), notes.today());
  }

  /** The tree's parent of a node: what `reveal` needs to expand the way to a contact. */
  getParent(node: ContactsNode): ContactsNode | undefined {
    // Without its group, `reveal` looks for a broken note's row among the top-level rows, and fails.
    if (node.kind === 'brokenNote') return this.brokenGroup();
    if (node.kind !== 'contact') return undefined;
    const group = this.groups().find((candidate) => candidate.key === node.groupKey);
    return group && { kind: 'group', group };
  }

  /** The row of a note (a contact's first, when grouping by tag lists it more than once; or the note that cannot be read), for revealing it. */
  nodeOf(file: string): ContactsNode | undefined {
    const broken = this.brokenGroup()?.notes.find((note) => note.file === file);
    if (broken) return { kind: 'brokenNote', view: broken };
    for (const group of this.groups()) {
      const view = group.contacts().find((candidate) => candidate.file === file);
      if (view) return { kind: 'contact', contactId: view.id, file: view.file, view, groupKey: group.key };
    }
    return undefined;
  }

  /** The tooltip, when VS Code asks for it (on hover). */
  resolveTreeItem(item: vscode.TreeItem, node: ContactsNode): vscode.TreeItem {
    if (node.kind === 'contact') item.tooltip = new vscode.MarkdownString(node.view.tooltip());
    if (node.kind === 'brokenNote') item.tooltip = new vscode.MarkdownString(node.view.tooltip);
    return item;
  }

  getTreeItem(node: ContactsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'loading': {
        const item = new vscode.TreeItem('Reading notes…');
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        return item;
      }
      case 'brokenGroup': {
        const item = new vscode.TreeItem('cannot be read', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'broken';
        item.description = String(node.notes.length);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.contextValue = 'group';
        item.tooltip = `${node.notes.length} note${node.notes.length === 1 ? '' : 's'} that cannot be read as a contact: fix the problem shown and the contact comes back`;
        return item;
      }
      case 'brokenNote':
        return brokenNoteItem(node.view, this.services.notes.uriOf(node.view.file), `broken/${node.view.file}`);
      case 'group': {
        const item = new vscode.TreeItem(node.group.label, node.group.collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.group.key;
        item.description = String(node.group.size);
        item.iconPath = new vscode.ThemeIcon(node.group.icon, node.group.icon === 'error' ? new vscode.ThemeColor('list.errorForeground') : undefined);
        item.contextValue = 'group';
        item.tooltip = `${node.group.size} contact${node.group.size === 1 ? '' : 's'}`;
        return item;
      }
      case 'contact': {
        const { view } = node;
        const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.groupKey}/${view.id}`;
        item.description = view.description;
        const color = view.unknownStage ? 'list.errorForeground' : view.urgency && URGENCY_COLORS[view.urgency];
        item.iconPath = new vscode.ThemeIcon(view.icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = view.contextValue;
        item.resourceUri = this.services.notes.uriOf(view.file);
        item.command = { command: 'vscode.open', title: 'Open Note', arguments: [item.resourceUri] };
        return item;
      }
    }
  }
}

/** The row of a note that cannot be read as a contact, in the Contacts view or the Agenda: clicking opens it at its first problem. */
export function brokenNoteItem(view: BrokenNoteView, uri: vscode.Uri, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = view.description;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  item.contextValue = 'brokenNote';
  item.resourceUri = uri;
  item.command = openNoteCommand(uri, 'Open Note at the Problem', new vscode.Position(view.line, view.column));
  return item;
}
