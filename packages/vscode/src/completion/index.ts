import * as vscode from 'vscode';
import { STAGES } from '@rapport/core';
import type { Services } from '../services.js';
import { completionTarget, isFrontmatterLine, STAGE_MEANINGS } from './completion-context.js';

/** Completes `[[id]]` wikilinks from the indexed contacts and `stage:` values in the frontmatter. */
export class NoteCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly services: Services) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const line = document.lineAt(position.line).text;
    const inFrontmatter = isFrontmatterLine((index) => document.lineAt(index).text, position.line, document.lineCount);
    const target = completionTarget(line.slice(0, position.character), line.slice(position.character), inFrontmatter);
    if (!target) return [];
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
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new NoteCompletions(services), '[', ':', ' '));
}
