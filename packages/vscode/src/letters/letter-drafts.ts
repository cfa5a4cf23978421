import * as vscode from 'vscode';
import type { Channel } from '@rapport/core';
import { LETTER_SCHEME, LetterFiles } from './letter-files.js';
import { letterSnippet } from './letter-snippet.js';

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
  private readonly files = new LetterFiles();

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerFileSystemProvider(LETTER_SCHEME, this.files),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.scheme === LETTER_SCHEME && event.document.isDirty) void event.document.save();
        if (this.drafts.has(event.document.uri.toString())) this.update();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.drafts.delete(document.uri.toString());
        if (document.uri.scheme === LETTER_SCHEME) this.files.forget(document.uri);
      }),
    ];
  }

  /**
   * Opens a letter in a Markdown editor that wraps its lines, with the
   * `[[fill: …]]` places as tab stops (Tab moves between them). The draft
   * lives in memory and is saved as it changes: closing it asks nothing.
   */
  async open(title: string, text: string, draft: LetterDraft): Promise<vscode.Uri> {
    const uri = this.files.create(title, '');
    this.drafts.set(uri.toString(), draft);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await editor.insertSnippet(new vscode.SnippetString(letterSnippet(text)), new vscode.Range(0, 0, document.lineCount, 0), { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
    await document.save();
    // Letters are prose: wrap them even when the user's Markdown editors do not.
    if (vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap') === 'off') await vscode.commands.executeCommand('editor.action.toggleWordWrap');
    this.update();
    return uri;
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
