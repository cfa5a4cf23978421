import * as vscode from 'vscode';
import { isFrontmatterLine } from '../completion/completion-context.js';
import type { Services } from '../services.js';
import { historyIndent, snippetsAt, type SnippetPlace } from './note-snippets.js';

/**
 * Rapport's snippets, offered where they belong: the frontmatter ones
 * inside the frontmatter (which VS Code treats as YAML, so snippets
 * contributed for Markdown never showed there), the body ones in the body,
 * the contact template in a note without frontmatter. Typing `rapport-`
 * shows them without Ctrl+Space.
 */
export class NoteSnippets implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): vscode.CompletionItem[] {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const typed = /(?:^|\s)([\w-]*)$/.exec(before)?.[1];
    // Right after `[[`, a quote or other punctuation no snippet's prefix is being typed (wikilink completion's turn).
    if (typed === undefined) return [];
    // `-` starts every list item: only `rapport-` opens the list on its own.
    if (context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter && !/^rapport-$/.test(typed)) return [];
    const indent = before.slice(0, before.length - typed.length);
    // A snippet fills whole lines: only a word typed alone on its line is a snippet's prefix.
    if (indent.trim() !== '') return [];
    const places = this.places(document, position.line);
    const inFrontmatter = places[0] === 'frontmatter';
    // In the frontmatter the snippet brings its own indentation (auto-indent may have put the cursor anywhere).
    const range = new vscode.Range(position.line, inFrontmatter ? 0 : indent.length, position.line, position.character);
    const lines = inFrontmatter ? Array.from({ length: position.line }, (_, index) => document.lineAt(index).text) : [];
    return places
      .flatMap((place) => snippetsAt(place, inFrontmatter ? historyIndent(lines, position.line) : ''))
      .map((snippet) => {
        const item = new vscode.CompletionItem(snippet.prefix, vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(snippet.text);
        item.detail = 'Rapport snippet';
        item.documentation = new vscode.MarkdownString(snippet.description);
        item.range = range;
        // The range starts before the indentation: filter on it too, or nothing would match.
        item.filterText = `${document.lineAt(position.line).text.slice(range.start.character, indent.length)}${snippet.prefix}`;
        item.sortText = `0${snippet.prefix}`;
        return item;
      });
  }

  private places(document: vscode.TextDocument, line: number): SnippetPlace[] {
    if (isFrontmatterLine((index) => document.lineAt(index).text, line, document.lineCount)) return ['frontmatter'];
    const hasFrontmatter = /^---[ \t]*$/.test(document.lineAt(0).text.replace(/^\uFEFF/, ''));
    return hasFrontmatter || line > 0 ? ['body'] : ['new-note', 'body'];
  }
}

export function register(context: vscode.ExtensionContext, _services: Services): void {
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new NoteSnippets(), '-'));
}
