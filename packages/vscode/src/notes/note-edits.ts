import * as vscode from 'vscode';
import { editNote, UneditableNoteError } from '@rapport/core';
import { minimalChange } from './minimal-change.js';
import type { NotesSession } from './notes-session.js';

/**
 * Applies a core edit (text → text) to a note. When the note is open with
 * unsaved changes, the edit goes into that editor, so nothing the user typed
 * is lost or overwritten; otherwise core writes the file (refusing if it
 * changed on disk since it was read) and VS Code reloads any clean editor.
 */
export async function editContactNote(notes: NotesSession, file: string, edit: (text: string) => string): Promise<void> {
  const workspace = await notes.requireWorkspace();
  const uri = notes.uriOf(file);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open?.isDirty) {
    const before = open.getText();
    let after: string;
    try {
      after = edit(before);
    } catch (error) {
      if (error instanceof UneditableNoteError) throw new UneditableNoteError(error.reason, file);
      throw error;
    }
    if (after === before) return;
    const change = minimalChange(before, after);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(uri, new vscode.Range(open.positionAt(change.start), open.positionAt(change.end)), change.text);
    await vscode.workspace.applyEdit(workspaceEdit);
    return;
  }
  await editNote(workspace, file, edit);
  notes.notifyEdited([file]);
}
