import * as vscode from 'vscode';

/** A tree row's command: opens the note, with the cursor at `at` (line and column, 0-based) when given. */
export function openNoteCommand(uri: vscode.Uri, title: string, at?: vscode.Position): vscode.Command {
  return { command: 'vscode.open', title, arguments: at ? [uri, { selection: new vscode.Range(at, at) }] : [uri] };
}

/** Shows the note with the cursor at `at`, kept open (not a preview) unless the options say otherwise. */
export function showNoteAt(uri: vscode.Uri, at: vscode.Position, options: vscode.TextDocumentShowOptions = {}): Thenable<vscode.TextEditor> {
  return vscode.window.showTextDocument(uri, { preview: false, ...options, selection: new vscode.Range(at, at) });
}
