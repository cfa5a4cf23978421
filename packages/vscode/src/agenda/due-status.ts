import * as vscode from 'vscode';
import { dueSummary, type AgendaEntryView } from './agenda-view.js';

/** What the status bar item and the Agenda's badge show. */
export interface DueStatusShown {
  readonly text: string;
  readonly tooltip: string;
  /** The badge's number and the words that say what it counts; none when nothing is due. */
  readonly badge: { readonly value: number; readonly tooltip: string } | undefined;
}

/** The status-bar count of what is due today and overdue, and the same on the Agenda's badge. */
export class DueStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rapport.status', vscode.StatusBarAlignment.Left, 50);
  private current: DueStatusShown | undefined;

  constructor(private readonly view: vscode.TreeView<unknown>) {
    this.item.name = 'Rapport agenda';
    this.item.command = 'rapport.views.agenda.focus';
  }

  /** What is shown now; `undefined` while the notes are not read. */
  get shown(): DueStatusShown | undefined {
    return this.current;
  }

  show(entries: readonly AgendaEntryView[]): void {
    const summary = dueSummary(entries);
    // VS Code puts the view container's name ("Rapport") before it already.
    const badge = summary.count > 0 ? { value: summary.count, tooltip: summary.text } : undefined;
    this.current = { text: `$(checklist) ${summary.text}`, tooltip: `Rapport agenda: ${summary.text}. Click to open the Agenda.`, badge };
    this.item.text = this.current.text;
    this.item.tooltip = this.current.tooltip;
    this.item.backgroundColor = summary.overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.view.badge = badge;
  }

  hide(): void {
    this.current = undefined;
    this.item.hide();
    this.view.badge = undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
