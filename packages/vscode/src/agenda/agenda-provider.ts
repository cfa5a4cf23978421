import * as vscode from 'vscode';
import type { Workspace } from '@rapport/core';
import { SluggerOnce } from '../slugger-once.js';
import type { Services } from '../services.js';
import { brokenNoteView, type BrokenNoteView } from '../contacts-tree/contact-view.js';
import { brokenNoteItem } from '../contacts-tree/contacts-provider.js';
import { agendaGroups, entryView, type AgendaEntryView, type AgendaGroupView } from './agenda-view.js';
import { openNoteCommand } from '../notes/open-at.js';
import { WRITE_REFERRAL_NAME_COMMAND } from '../outcomes/index.js';

/** A row asking a referrer for a name, which opens the line where the name goes. */
const ASK_REFERRAL_NAME = 'agendaItem.ask-referral-name';

export type AgendaNode =
  | { readonly kind: 'loading' }
  /** Notes that cannot be read as contacts: whatever they have to do is unknown until they are fixed, so fixing them comes first. */
  | { readonly kind: 'brokenGroup'; readonly notes: readonly BrokenNoteView[] }
  | { readonly kind: 'brokenNote'; readonly view: BrokenNoteView }
  | { readonly kind: 'group'; readonly group: AgendaGroupView }
  | { readonly kind: 'agendaItem'; readonly contactId: string; readonly file: string; readonly letter?: string; readonly view: AgendaEntryView };

/** The Agenda view: due actions across contacts, grouped Overdue, Today, Next 7 days, Later, Ready to write. */
export class AgendaProvider implements vscode.TreeDataProvider<AgendaNode> {
  private readonly changed = new vscode.EventEmitter<AgendaNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** One function, so that asking again while the Contacts view paints queues one refresh. */
  private readonly refreshAfterPaint = () => this.refresh();
  /** Once loaded, a referral named in words and one linked to the id it would get are one row. */
  private readonly slugger: SluggerOnce;

  /** @param sluggerLoaded Shows the agenda again once the slugger it waited for has loaded (default: `refresh`). */
  constructor(
    private readonly services: Services,
    sluggerLoaded: () => void = () => this.refresh(),
  ) {
    this.slugger = new SluggerOnce(services.log, 'Agenda view', sluggerLoaded);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The current entries (empty until the notes are read, and while the slugger the agenda needs loads). */
  entries(): AgendaEntryView[] {
    const { notes } = this.services;
    const workspace = notes.workspace;
    if (!workspace || notes.state !== 'ready' || this.waitsForSlugger(workspace)) return [];
    // The index's agenda: after one note changes, only that note's lines are recomputed.
    const today = notes.today();
    const context = notes.agendaContext();
    const contactSlug = this.slugger.slug;
    return workspace.index.agenda(contactSlug ? { ...context, contactSlug } : context).map((item) => entryView(item, today));
  }

  /**
   * Whether the agenda waits for the slugger, which it starts loading (once): only where a referrer names someone in words
   * beside a link to a note not there does it tell whether they are one person (most folders never load it).
   */
  private waitsForSlugger(workspace: Workspace): boolean {
    if (this.slugger.slug || !workspace.index.namesBesideMissingLinks()) return false;
    this.slugger.start();
    return true;
  }

  getChildren(node?: AgendaNode): AgendaNode[] {
    if (node?.kind === 'group') return node.group.entries.map((view) => ({ kind: 'agendaItem', contactId: view.contactId, file: view.file, view, ...(view.letter ? { letter: view.letter } : {}) }));
    if (node?.kind === 'brokenGroup') return node.notes.map((view) => ({ kind: 'brokenNote', view }));
    if (node) return [];
    if (this.services.notes.state === 'loading') return [{ kind: 'loading' }];
    // Computing a large folder's agenda (and then sending its rows) would make VS Code's request for the Contacts view's items wait:
    // the Agenda fills in once the contacts are shown (at most a second later).
    if (this.services.firstPaint.waiting) {
      this.services.firstPaint.run(this.refreshAfterPaint);
      return [{ kind: 'loading' }];
    }
    const workspace = this.services.notes.workspace;
    if (workspace && this.services.notes.state === 'ready' && this.waitsForSlugger(workspace)) return [{ kind: 'loading' }];
    const broken = workspace?.index.brokenNotes() ?? [];
    const groups: AgendaNode[] = agendaGroups(this.entries()).map((group) => ({ kind: 'group', group }));
    return broken.length > 0 ? [{ kind: 'brokenGroup', notes: broken.map(brokenNoteView) }, ...groups] : groups;
  }

  getTreeItem(node: AgendaNode): vscode.TreeItem {
    if (node.kind === 'loading') {
      const item = new vscode.TreeItem('Reading notes…');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      return item;
    }
    if (node.kind === 'brokenGroup') {
      const item = new vscode.TreeItem('Cannot be read', vscode.TreeItemCollapsibleState.Expanded);
      item.id = 'agenda:broken';
      item.description = String(node.notes.length);
      item.tooltip = `${node.notes.length} note${node.notes.length === 1 ? '' : 's'} that cannot be read as a contact: their actions are not listed until the problem shown is fixed`;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'agendaGroup';
      return item;
    }
    if (node.kind === 'brokenNote') {
      const item = brokenNoteItem(node.view, this.services.notes.uriOf(node.view.file), `agenda:broken/${node.view.file}`);
      item.tooltip = new vscode.MarkdownString(node.view.tooltip);
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
    // An Outcomes action (a referral to add or link, a lead) is about one line of the note: the cursor goes there,
    // after the label where a referral's name is still to write.
    item.command =
      view.contextValue === ASK_REFERRAL_NAME
        ? { command: WRITE_REFERRAL_NAME_COMMAND, title: "Write the Referral's Name", arguments: [node] }
        : openNoteCommand(item.resourceUri, 'Open Note', view.line !== undefined ? new vscode.Position(view.line - 1, 0) : undefined);
    return item;
  }
}
