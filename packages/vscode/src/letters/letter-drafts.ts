import * as vscode from 'vscode';
import type { Channel } from '@rapport/core';

/** What a drafted letter's editor was written for, so "mark as sent" knows what to record. */
export interface LetterDraft {
  readonly contactId: string;
  readonly contactName: string;
  readonly template: string;
  readonly via: Channel;
}

/** A `[[fill: field]]` marker left where the note or the profile lacks a value. */
export const FILL_MARKER = /\[\[fill:[^\]\r\n]*\]\]/g;

/**
 * The open letter editors: which contact and template each was drafted
 * for, the `rapport.activeEditorIsLetter` context key for the title-bar
 * actions, and a highlight on every marker still to fill.
 */
export class LetterDrafts implements vscode.Disposable {
  private readonly drafts = new Map<string, LetterDraft>();
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editorWarning.background'),
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.drafts.has(event.document.uri.toString())) this.update();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.drafts.delete(document.uri.toString())),
    ];
  }

  add(uri: vscode.Uri, draft: LetterDraft): void {
    this.drafts.set(uri.toString(), draft);
    this.update();
  }

  get(uri: vscode.Uri): LetterDraft | undefined {
    return this.drafts.get(uri.toString());
  }

  /** Highlights the markers of every visible letter and sets the context key for the active editor. */
  update(): void {
    const active = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', 'rapport.activeEditorIsLetter', active !== undefined && this.drafts.has(active.document.uri.toString()));
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.drafts.has(editor.document.uri.toString())) continue;
      const text = editor.document.getText();
      const ranges = [...text.matchAll(FILL_MARKER)].map((match) => new vscode.Range(editor.document.positionAt(match.index), editor.document.positionAt(match.index + match[0].length)));
      editor.setDecorations(this.decoration, ranges);
    }
  }

  dispose(): void {
    this.decoration.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
