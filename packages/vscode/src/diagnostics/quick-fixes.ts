import * as vscode from 'vscode';
import { STAGES } from '@rapport/core';
import { DIAGNOSTIC_SOURCE } from '../adapter.js';
import type { Services } from '../services.js';
import { closestStage } from './stage-suggestion.js';

/** Quick fixes for the problems with one obvious repair: an unknown stage, a missing `type: contact`. */
export class NoteQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      if (diagnostic.code === 'unknown-stage') {
        const written = document.getText(diagnostic.range).replace(/^['"]|['"]$/g, '');
        const suggestion = closestStage(written);
        if (suggestion) {
          const action = new vscode.CodeAction(`Change stage to "${suggestion}"`, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, diagnostic.range, suggestion);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        }
        const pick = new vscode.CodeAction('Pick a stage…', vscode.CodeActionKind.QuickFix);
        pick.command = { command: 'rapport.fixStage', title: 'Pick a stage', arguments: [document.uri, diagnostic.range] };
        pick.diagnostics = [diagnostic];
        actions.push(pick);
      }
      if (diagnostic.code === 'missing-type') {
        const action = new vscode.CodeAction('Add "type: contact"', vscode.CodeActionKind.QuickFix);
        const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
        action.edit = new vscode.WorkspaceEdit();
        action.edit.insert(document.uri, new vscode.Position(1, 0), `type: contact${eol}`);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
    }
    return actions;
  }
}

/** `rapport.fixStage`: replaces an unknown stage with one picked from the list. */
export function registerFixStage(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('rapport.fixStage', async (uri: vscode.Uri, range: vscode.Range) => {
    const document = await vscode.workspace.openTextDocument(uri);
    const written = document.getText(range).replace(/^['"]|['"]$/g, '');
    const suggestion = closestStage(written);
    const stage = await services.prompts.pick({
      id: 'fix.stage',
      title: `Replace "${written}"`,
      placeholder: 'The stage this contact is in',
      items: STAGES.map((value) => ({ label: value, value, ...(value === suggestion ? { description: 'closest match' } : {}) })),
    });
    if (!stage) return;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, range, stage);
    await vscode.workspace.applyEdit(edit);
  });
}
