import * as vscode from 'vscode';
import { STAGES } from '@rapport/core';
import type { Services } from '../services.js';
import { completionTarget, isFrontmatterLine, STAGE_MEANINGS } from './completion-context.js';
import { fieldHover, fieldNameCompletions, fieldNameTarget, fieldValues, fieldValueTarget, parentKey, topLevelKeys } from './frontmatter-fields.js';

/**
 * Completes `[[id]]` wikilinks from the indexed contacts and `stage:` values
 * in the frontmatter; in a contact note also the frontmatter's field names
 * and the values of the fields with a closed set.
 */
export class NoteCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly services: Services) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const line = document.lineAt(position.line).text;
    const inFrontmatter = isFrontmatterLine((index) => document.lineAt(index).text, position.line, document.lineCount);
    const target = completionTarget(line.slice(0, position.character), line.slice(position.character), inFrontmatter);
    if (!target) return inFrontmatter && this.services.notes.pathOf(document.uri) ? this.fieldCompletions(document, position) : [];
    if (target.kind === 'stage') {
      const range = new vscode.Range(position.line, target.start, position.line, position.character);
      return STAGES.map((stage, order) => {
        const item = new vscode.CompletionItem(stage, vscode.CompletionItemKind.EnumMember);
        item.range = range;
        item.sortText = String(order).padStart(2, '0');
        item.detail = STAGE_MEANINGS[stage];
        return item;
      });
    }
    const self = this.services.notes.pathOf(document.uri);
    const contacts = this.services.notes.workspace?.index.contacts() ?? [];
    if (target.kind === 'referredBy') {
      // The whole value, quotes included, so the line stays valid YAML; a closing quote already typed is replaced too.
      const after = line.slice(position.character);
      const valueRange = new vscode.Range(position.line, target.start, position.line, position.character + (/^["']/.test(after) ? 1 : 0));
      return contacts
        .filter((contact) => contact.file !== self)
        .map((contact) => {
          const item = new vscode.CompletionItem({ label: contact.id, description: contact.name }, vscode.CompletionItemKind.Reference);
          item.range = valueRange;
          item.filterText = `${/^["']/.test(line.slice(target.start)) ? line[target.start] : ''}${contact.id} ${contact.name}`;
          item.insertText = `"[[${contact.id}]]"`;
          item.detail = [contact.name, contact.role, contact.organization].filter(Boolean).join(' · ');
          item.documentation = `Who referred this contact: links to ${contact.file}`;
          return item;
        });
    }
    // One range up to `end`, past the cursor: the `]]` and quote already there are replaced in either suggest mode (insert or replace), never doubled.
    const range = new vscode.Range(position.line, target.start, position.line, target.end);
    const openQuote = target.openQuote === undefined ? [] : [vscode.TextEdit.insert(new vscode.Position(position.line, target.start - 2), target.openQuote)];
    return contacts
      .filter((contact) => contact.file !== self)
      .map((contact) => {
        const item = new vscode.CompletionItem({ label: contact.id, description: contact.name }, vscode.CompletionItemKind.Reference);
        item.range = range;
        item.filterText = `${contact.id} ${contact.name}`;
        item.insertText = `${contact.id}${target.close}`;
        item.additionalTextEdits = openQuote;
        item.detail = [contact.name, contact.role, contact.organization].filter(Boolean).join(' · ');
        item.documentation = `Stage: ${contact.stage}`;
        return item;
      });
  }

  private fieldCompletions(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const line = document.lineAt(position.line).text;
    const before = line.slice(0, position.character);
    const today = this.services.notes.today();
    if (fieldNameTarget(before, line.slice(position.character))) {
      const range = new vscode.Range(position.line, 0, position.line, position.character);
      return fieldNameCompletions(topLevelKeys(frontmatterLines(document)), today).map((field, order) => {
        const item = new vscode.CompletionItem(field.name, vscode.CompletionItemKind.Field);
        item.insertText = new vscode.SnippetString(field.snippet);
        item.range = range;
        item.sortText = String(order).padStart(2, '0');
        if (field.description) item.documentation = new vscode.MarkdownString(field.description);
        // The values come next: a source, a date, a time zone.
        if (field.hasValues) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest a value' };
        return item;
      });
    }
    const value = fieldValueTarget(before, parentKey((index) => document.lineAt(index).text, position.line));
    if (!value) return [];
    const range = new vscode.Range(position.line, value.start, position.line, position.character);
    return fieldValues(value.path, value.prefix, today).map((candidate, order) => {
      const item = new vscode.CompletionItem(candidate.value, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      item.sortText = String(order).padStart(3, '0');
      if (candidate.detail) item.detail = candidate.detail;
      return item;
    });
  }
}

/** Hover on a frontmatter key of a contact note: what the field means; on a stage: what the stage means. */
export class FieldHover implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const lineAt = (index: number) => document.lineAt(index).text;
    if (!this.services.notes.pathOf(document.uri) || !isFrontmatterLine(lineAt, position.line, document.lineCount)) return undefined;
    const hover = fieldHover(lineAt(position.line), position.character, parentKey(lineAt, position.line));
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.text), new vscode.Range(position.line, hover.start, position.line, hover.end));
  }
}

/** The lines between the frontmatter's fences, read up to the closing one only. */
function* frontmatterLines(document: vscode.TextDocument): Generator<string> {
  for (let index = 1; index < document.lineCount; index++) {
    const text = document.lineAt(index).text;
    if (/^---[ \t]*$/.test(text)) return;
    yield text;
  }
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new NoteCompletions(services), '[', ':', ' '),
    vscode.languages.registerHoverProvider({ language: 'markdown' }, new FieldHover(services)),
  );
}
