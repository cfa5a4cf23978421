import * as vscode from 'vscode';
import type { Diagnostic, DiagnosticFix } from '@rapport/core';
import { contentVersion } from '@rapport/core/internal';
import { toVscodeDiagnostic, toVscodeRange } from '../adapter.js';
import type { Services } from '../services.js';
import { bufferDiagnostics, byFile } from './note-diagnostics.js';
import { NoteQuickFixes, registerFixCommands } from './quick-fixes.js';

/** Pause after the last keystroke before re-checking a note. */
const TYPING_DELAY_MS = 250;

/**
 * Core's validator in the Problems panel: every note of the folder from the
 * index, and notes being edited from their unsaved text as the user types.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const collection = vscode.languages.createDiagnosticCollection('rapport');
  const shown = new Map<string, string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Core's diagnostics as last shown, by note URI: where a quick fix finds the repair core gave with one. */
  const shownByUri = new Map<string, readonly Diagnostic[]>();

  const show = (file: string, diagnostics: readonly Diagnostic[]) => {
    const key = JSON.stringify(diagnostics);
    if (shown.get(file) === key) return;
    shown.set(file, key);
    const uri = services.notes.uriOf(file);
    if (diagnostics.length === 0) shownByUri.delete(uri.toString());
    else shownByUri.set(uri.toString(), diagnostics);
    collection.set(uri, diagnostics.map(toVscodeDiagnostic));
  };

  /** The repair of a diagnostic in the editor: the core diagnostic shown with its rule at its place. */
  const coreFix = (document: vscode.TextDocument, shownDiagnostic: vscode.Diagnostic): DiagnosticFix | undefined =>
    shownByUri.get(document.uri.toString())?.find((diagnostic) => diagnostic.fix !== undefined && diagnostic.rule === shownDiagnostic.code && toVscodeRange(diagnostic).isEqual(shownDiagnostic.range))?.fix;

  /** Unsaved text of an open note, when it differs from what the index holds. */
  const unsavedText = (document: vscode.TextDocument): { file: string; text: string } | undefined => {
    const file = services.notes.pathOf(document.uri);
    if (!file || !file.toLowerCase().endsWith('.md') || !document.isDirty) return undefined;
    const text = document.getText();
    // By version: the index may keep no texts, and reading the disk on each keystroke would be wasted.
    return services.notes.workspace?.index.version(file) === contentVersion(text) ? undefined : { file, text };
  };

  const refreshAll = () => {
    const workspace = services.notes.workspace;
    if (!workspace || !services.notes.root) {
      collection.clear();
      shown.clear();
      shownByUri.clear();
      return;
    }
    const grouped = byFile([...workspace.index.diagnostics(), ...workspace.configDiagnostics]);
    for (const document of vscode.workspace.textDocuments) {
      const unsaved = unsavedText(document);
      if (unsaved) grouped.set(unsaved.file, bufferDiagnostics(workspace.index, unsaved.file, unsaved.text));
    }
    for (const file of [...shown.keys()]) if (!grouped.has(file)) show(file, []);
    for (const [file, diagnostics] of grouped) show(file, diagnostics);
  };

  const refreshDocument = (document: vscode.TextDocument) => {
    const unsaved = unsavedText(document);
    if (unsaved) show(unsaved.file, bufferDiagnostics(services.notes.workspace?.index, unsaved.file, unsaved.text));
    else refreshAll();
  };

  context.subscriptions.push(
    collection,
    services.notes.onDidChange(() => services.firstPaint.run(refreshAll)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      const key = event.document.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          refreshDocument(event.document);
        }, TYPING_DELAY_MS),
      );
    }),
    // Reverting or closing an unsaved note brings back the saved note's diagnostics.
    vscode.workspace.onDidCloseTextDocument(() => refreshAll()),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new NoteQuickFixes(services, coreFix), { providedCodeActionKinds: NoteQuickFixes.kinds }),
    registerFixCommands(services),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
  refreshAll();
}
