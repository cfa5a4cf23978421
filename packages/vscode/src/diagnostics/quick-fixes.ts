import * as vscode from 'vscode';
import { applyFix, closestStage, isCalendarDate, isMeetingTime, STAGES, getField, setField, type DiagnosticFix, type Stage } from '@rapport/core';
import { DIAGNOSTIC_SOURCE } from '../adapter.js';
import { minimalChange } from '../notes/minimal-change.js';
import type { Services } from '../services.js';
import { unreadableLinkTarget } from '../links/note-texts.js';
import { addName, duplicateKeyReported, guessName, keepOne, lastHistoryStage, recordStageInHistory, tagsAsList } from './fix-edits.js';
import { normalizedDate } from '@rapport/core/internal';

/** A quick fix for every problem that has an obvious repair; the ones that need a choice ask for it. */
export class NoteQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly services: Services,
    /** The repair core gives with a diagnostic shown in the editor, if any. */
    private readonly coreFix: (document: vscode.TextDocument, diagnostic: vscode.Diagnostic) => DiagnosticFix | undefined,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const offeredDuplicates = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const fix = (title: string, after: string | undefined, preferred = false) => {
        if (after === undefined || after === document.getText()) return;
        actions.push(editAction(document, diagnostic, title, after, preferred));
      };
      // Core's own repair, as data: the preferred fix (Enter in the light bulb).
      const repair = this.coreFix(document, diagnostic);
      if (repair) {
        try {
          fix(repair.title, applyFix(document.getText(), repair), true);
        } catch {
          // Placed in a text typed over since: the diagnostics of the new text come with their own repair.
        }
      }
      const ask = (title: string, command: string, ...args: unknown[]) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { command, title, arguments: args };
        action.diagnostics = [diagnostic];
        actions.push(action);
      };
      const text = document.getText();
      switch (diagnostic.code) {
        case 'unknown-stage': {
          const written = document.getText(diagnostic.range).replace(/^['"]|['"]$/g, '');
          const suggestion = closestStage(written);
          if (suggestion) actions.push(replaceAction(document, diagnostic, `Change stage to "${suggestion}"`, suggestion, true));
          ask('Pick a stage…', 'rapport.fixStage', document.uri, diagnostic.range);
          break;
        }
        case 'missing-type': {
          const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
          const action = new vscode.CodeAction('Add "type: contact"', vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.insert(document.uri, new vscode.Position(1, 0), `type: contact${eol}`);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
          break;
        }
        case 'stage-history-mismatch': {
          const stage = String(getField(text, ['stage']));
          const today = this.services.notes.today();
          const last = lastHistoryStage(text);
          // The fix that moves the contact forward comes first (Enter takes it), as in Advance Stage.
          const historyAhead = last !== undefined && STAGES.indexOf(last) > STAGES.indexOf(stage as Stage);
          const setStage = () => {
            if (last) actions.push(replaceAction(document, diagnostic, `Set the stage ${historyAhead ? 'forward' : 'back'} to "${last}" (the last history entry)`, last, historyAhead));
          };
          if (historyAhead) setStage();
          // Core's repair, when there is one (the day's entries put back in order), stays the one Enter takes.
          fix(`Record "${stage}" in the history (dated ${today})${historyAhead ? `, after "${last}"` : ''}`, recordStageInHistory(text, today), !historyAhead && !repair);
          if (!historyAhead) setStage();
          break;
        }
        case 'unresolved-link': {
          const target = /\[\[([^\]|#]+)/.exec(document.getText(diagnostic.range))?.[1]?.trim();
          if (!target) break;
          // The note is there but cannot be read: fixing it resolves the link, creating another would make a duplicate id.
          const unreadable = unreadableLinkTarget(this.services, target);
          if (unreadable) {
            ask(`Open ${unreadable.file}, which cannot be read`, 'vscode.open', this.services.notes.uriOf(unreadable.file));
            break;
          }
          ask(`Create the contact "${guessName('', target)}" (${target}.md)`, 'rapport.fixLink.create', target);
          ask('Link to an existing contact…', 'rapport.fixLink.pick', document.uri, diagnostic.range, target);
          break;
        }
        case 'invalid-type': {
          if (document.lineAt(diagnostic.range.start.line).text.startsWith('tags:')) fix('Write the tags as a list', tagsAsList(text), true);
          break;
        }
        case 'missing-field': {
          const file = this.services.notes.pathOf(document.uri) ?? document.uri.path;
          const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
          const current = getField(text, ['name']);
          if (!emptyField(current)) break;
          const name = guessName(text, id);
          // Missing: placed on the opening fence. There but empty: placed on its key, and filled in (a second `name:` would be a duplicate key).
          if (current === undefined && diagnostic.range.start.line === 0) fix(`Add "name: ${name}"`, addName(text, name), true);
          else if (current !== undefined && /^name:/.test(document.lineAt(diagnostic.range.start.line).text)) fix(`Set "name: ${name}"`, setField(text, ['name'], name), true);
          break;
        }
        case 'invalid-date': {
          const normalized = normalizedDate(document.getText(diagnostic.range));
          if (normalized) actions.push(replaceAction(document, diagnostic, `Change the date to ${normalized}`, normalized, true));
          ask('Pick a date…', 'rapport.fixDate', document.uri, diagnostic.range);
          break;
        }
        case 'yaml-syntax': {
          // Only on the diagnostic of a repeated key, for that key: not on another mistake of a note that also repeats one.
          const duplicate = duplicateKeyReported(text, diagnostic.range.start.line, diagnostic.range.start.character, document.getText(diagnostic.range));
          if (!duplicate || offeredDuplicates.has(duplicate.key)) break;
          offeredDuplicates.add(duplicate.key);
          const lines = duplicate.occurrences.map((occurrence) => occurrence.start + 1);
          fix(`Keep the first "${duplicate.key}" (line ${lines[0]}), delete the others`, keepOne(text, duplicate, 'first'));
          fix(`Keep the last "${duplicate.key}" (line ${lines.at(-1)}), delete the others`, keepOne(text, duplicate, 'last'));
          break;
        }
      }
    }
    return actions;
  }
}

function emptyField(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A fix that turns the whole note text into `after`, touching only the characters that differ. */
function editAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string, after: string, preferred: boolean): vscode.CodeAction {
  const change = minimalChange(document.getText(), after);
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

function replaceAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string, text: string, preferred = false): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, diagnostic.range, text);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

/** The commands behind the fixes that ask: a stage, a date, the contact a link should point at. */
export function registerFixCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('rapport.fixStage', async (uri: vscode.Uri, range: vscode.Range) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const written = document.getText(range).replace(/^['"]|['"]$/g, '');
      const suggestion = closestStage(written);
      const stage = await services.prompts.pick({
        id: 'fix.stage',
        title: `Replace "${written}"`,
        placeholder: 'The stage this contact is in',
        items: STAGES.map((value) => ({ label: value, value, ...(value === suggestion ? { description: 'closest match' } : {}) })),
        ...(suggestion ? { focus: suggestion } : {}),
      });
      if (!stage) return;
      await replace(uri, range, stage);
    }),
    vscode.commands.registerCommand('rapport.fixDate', async (uri: vscode.Uri, range: vscode.Range) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const written = document.getText(range);
      // A meeting's `at:` takes a time too.
      const meeting = /^\s*at:/.test(document.lineAt(range.start.line).text);
      const today = services.notes.today();
      const value = await services.prompts.input({
        id: 'fix.date',
        title: `Replace ${written}`,
        prompt: meeting ? 'Day and time (YYYY-MM-DDTHH:mm)' : 'Day (YYYY-MM-DD)',
        // A day the calendar lacks (2026-11-31) is kept as written, for its digits to be corrected, not replaced with today.
        value: normalizedDate(written) ?? (/^\d{4}-\d{2}-\d{2}/.test(written.trim()) ? written.trim() : meeting ? `${today}T09:00` : today),
        validate: (answer) => ((meeting ? isMeetingTime(answer.trim()) : isCalendarDate(answer.trim())) ? undefined : meeting ? 'Write it as YYYY-MM-DDTHH:mm, e.g. 2026-12-03T08:30' : 'Write the day as YYYY-MM-DD, e.g. 2026-12-03'),
      });
      if (value === undefined) return;
      await replace(uri, range, value.trim());
    }),
    vscode.commands.registerCommand('rapport.fixLink.pick', async (uri: vscode.Uri, range: vscode.Range, target: string) => {
      const contacts = services.notes.workspace?.index.contacts() ?? [];
      const self = services.notes.pathOf(uri);
      const first = target.split(/[-_\s]/)[0]!.toLowerCase();
      const likely = (id: string) => (id.includes(first) ? 0 : 1);
      const id = await services.prompts.pick({
        id: 'fix.link',
        title: `Replace [[${target}]]`,
        placeholder: 'The contact this link means',
        items: contacts
          .filter((contact) => contact.file !== self)
          .sort((a, b) => likely(a.id) - likely(b.id) || a.id.localeCompare(b.id))
          .map((contact) => ({ label: contact.id, description: contact.name, ...(contact.organization ? { detail: contact.organization } : {}), value: contact.id })),
      });
      if (!id) return;
      const document = await vscode.workspace.openTextDocument(uri);
      await replace(uri, range, document.getText(range).replace(`[[${target}`, `[[${id}`));
    }),
    vscode.commands.registerCommand('rapport.fixLink.create', (target: string) => vscode.commands.executeCommand('rapport.newContact', { name: guessName('', target) })),
  );
}

async function replace(uri: vscode.Uri, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, text);
  await vscode.workspace.applyEdit(edit);
}
