import { describe, expect, it, vi } from 'vitest';

vi.mock('vscode', () => {
  class Range {
    constructor(
      readonly startLine: number,
      readonly startCharacter: number,
      readonly endLine: number,
      readonly endCharacter: number,
    ) {}
    get start() {
      return { line: this.startLine, character: this.startCharacter };
    }
  }
  class CompletionItem {
    insertText: unknown;
    constructor(readonly label: string) {}
  }
  return {
    Range,
    CompletionItem,
    SnippetString: class {
      constructor(readonly value: string) {}
    },
    MarkdownString: class {
      constructor(readonly value: string) {}
    },
    CompletionItemKind: { Snippet: 27 },
    CompletionTriggerKind: { Invoke: 0, TriggerCharacter: 1 },
  };
});

const { NoteSnippets } = await import('./index.js');

/** A note as a `TextDocument` needs to be for the provider: its lines. */
function documentOf(lines: string[]) {
  return { lineCount: lines.length, lineAt: (line: number) => ({ text: lines[line]! }) };
}

const NOTE = ['---', 'type: contact', 'name: Ben Osei', 'referred_by: "[[', '---', '', '# Notes', 'Met [['];
const invoke = { triggerKind: 0, triggerCharacter: undefined };

describe('NoteSnippets', () => {
  it('offers nothing (and does not throw) right after [[ in the frontmatter or the body: wikilink completion answers there', () => {
    const provider = new NoteSnippets();
    expect(provider.provideCompletionItems(documentOf(NOTE) as never, { line: 3, character: 16 } as never, {} as never, invoke as never)).toEqual([]);
    expect(provider.provideCompletionItems(documentOf(NOTE) as never, { line: 7, character: 6 } as never, {} as never, invoke as never)).toEqual([]);
  });

  it('still offers the body snippets for a word alone on its line', () => {
    const lines = [...NOTE.slice(0, 7), 'rapport-'];
    const labels = new NoteSnippets().provideCompletionItems(documentOf(lines) as never, { line: 7, character: 8 } as never, {} as never, invoke as never).map((item) => item.label);
    expect(labels).toEqual(['rapport-sections', 'rapport-questions', 'rapport-outcome']);
  });
});
