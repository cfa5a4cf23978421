import * as vscode from 'vscode';
import { editNote, UneditableNoteError } from '@rapport/core';
import { minimalChange } from './minimal-change.js';
import type { NotesSession } from './notes-session.js';

/**
 * A note that changed on disk between the read and the write (a sync tool,
 * git, another window; in the browser nothing locks a file) is read again
 * and the edit applied to the new text: three times at least, and again
 * for up to two seconds; an edit that no longer applies is refused with
 * why. Never written over.
 */
export const REAPPLY_ON_CHANGE = { retries: 3, retryFor: 2_000 } as const;

/**
 * Applies a core edit (text → text) to a note. When the note is open with
 * unsaved changes, the edit goes into that editor, so nothing the user typed
 * is lost or overwritten; otherwise core writes the file (re-applying the
 * edit when it changed on disk since it was read, see `REAPPLY_ON_CHANGE`)
 * and VS Code reloads any clean editor. Says which: `unsaved` when the
 * edit went into an editor (or changed nothing there).
 */
export async function editContactNote(notes: NotesSession, file: string, edit: (text: string) => string): Promise<'written' | 'unsaved'> {
  const workspace = await notes.requireWorkspaceToWrite();
  const uri = notes.uriOf(file);
  const open = openDocument(uri);
  if (open?.isDirty) {
    const before = open.getText();
    let after: string;
    try {
      after = edit(before);
    } catch (error) {
      if (error instanceof UneditableNoteError) throw new UneditableNoteError(error.reason, file);
      throw error;
    }
    if (after === before) return 'unsaved';
    const change = minimalChange(before, after);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(uri, new vscode.Range(open.positionAt(change.start), open.positionAt(change.end)), change.text);
    await vscode.workspace.applyEdit(workspaceEdit);
    return 'unsaved';
  }
  await editNote(workspace, file, edit, REAPPLY_ON_CHANGE);
  notes.notifyEdited([file]);
  return 'written';
}

/** What a command says once it recorded `what` in a note: the views follow a change in an unsaved editor only once it is saved. */
export function recordedMessage(what: string, outcome: 'written' | 'unsaved'): string {
  return outcome === 'written' ? what : `${what} The note is changed in its open editor, not on disk yet: save it to keep the change (the views follow once it is saved).`;
}

/**
 * The note's open document, saved first when it has unsaved changes, so that
 * a core edit of the file that follows does not race them (and works on the
 * text on screen); `undefined` when it is not open, `false` when the save was
 * refused.
 */
export async function saveOpenNote(uri: vscode.Uri): Promise<vscode.TextDocument | undefined | false> {
  const document = openDocument(uri);
  if (document?.isDirty && !(await document.save())) return false;
  return document;
}

/** The document at `uri`, when it is open in the window (in an editor or not): a note, a drafted letter. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const wanted = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === wanted);
}
