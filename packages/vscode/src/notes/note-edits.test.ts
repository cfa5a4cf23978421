import { beforeEach, describe, expect, it, vi } from 'vitest';
import { advance, NoteConflictError, NoteIndex, UneditableNoteError, type Workspace } from '@rapport/core';

/**
 * A fake `workspace.fs` holding one folder in memory, whose `onRead` hook
 * lets another writer change a file right after Rapport read it: what a
 * browser, with no lock and no atomic rename, can always run into.
 */
const files = new Map<string, Uint8Array>();
let onRead: ((path: string, reads: number) => void) | undefined;
let reads = 0;

class FakeUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri {
    const joined = [base.path.replace(/\/+$/, ''), ...parts].join('/');
    const resolved: string[] = [];
    for (const part of joined.split('/')) part === '..' ? resolved.pop() : resolved.push(part);
    return new FakeUri(base.scheme, resolved.join('/'));
  }
  toString(): string {
    return `${this.scheme}:${this.path}`;
  }
}

class FakeFileSystemError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

vi.mock('vscode', () => ({
  Uri: FakeUri,
  FileSystemError: FakeFileSystemError,
  FileType: { File: 1, Directory: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2 },
  workspace: {
    textDocuments: [],
    fs: {
      readFile: async (uri: FakeUri) => {
        const bytes = files.get(uri.path);
        if (!bytes) throw new FakeFileSystemError('FileNotFound');
        onRead?.(uri.path, ++reads);
        return bytes;
      },
      writeFile: async (uri: FakeUri, bytes: Uint8Array) => void files.set(uri.path, bytes),
      createDirectory: async () => undefined,
    },
  },
}));

const { VscodeNoteStore } = await import('../store/vscode-note-store.js');
const { editContactNote } = await import('./note-edits.js');
const vscode = await import('vscode');

const NOTE = '/notes/maya-chen.md';
const ORIGINAL = ['---', 'type: contact', 'name: Maya Chen', 'stage: identified', 'history:', '  - date: 2026-11-10', '    stage: identified', '---', '', '# Notes', ''].join('\n');

const text = (path: string) => new TextDecoder().decode(files.get(path));
const put = (path: string, value: string) => files.set(path, new TextEncoder().encode(value));

/** The extension's edit path (`editContactNote`) over the fake file system, with no editor open. */
async function editInBrowser(edit: (text: string) => string): Promise<void> {
  const root = new FakeUri('vscode-vfs', '/notes') as unknown as import('vscode').Uri;
  const store = new VscodeNoteStore(root);
  const workspace = { store, index: new NoteIndex(), config: {}, configDiagnostics: [] } as unknown as Workspace;
  const notes = { requireWorkspaceToWrite: async () => workspace, uriOf: (path: string) => vscode.Uri.joinPath(root, path), notifyEdited: () => undefined };
  await editContactNote(notes as never, 'maya-chen.md', edit);
}

const advanceToContacted = (note: string) => advance(note, 'contacted', { date: '2026-11-23', via: 'email' });

describe('editing a note that changes between the read and the write (no lock, as in the browser)', () => {
  beforeEach(() => {
    files.clear();
    reads = 0;
    onRead = undefined;
    put(NOTE, ORIGINAL);
  });

  it('re-reads and applies the edit to the new text, keeping the other change', async () => {
    // Right after Rapport's first read, another writer adds a line under # Notes.
    onRead = (path, count) => {
      if (path === NOTE && count === 1) put(NOTE, `${ORIGINAL}Met at the UX meetup.\n`);
    };
    await editInBrowser(advanceToContacted);
    expect(text(NOTE)).toBe(
      [
        '---',
        'type: contact',
        'name: Maya Chen',
        'stage: contacted',
        'history:',
        '  - date: 2026-11-10',
        '    stage: identified',
        '  - date: 2026-11-23',
        '    stage: contacted',
        '    via: email',
        '---',
        '',
        '# Notes',
        'Met at the UX meetup.',
        '',
      ].join('\n'),
    );
  });

  it('refuses, naming the note and why, when the edit no longer applies to the new text; the other change stays as written', async () => {
    const conflicted = ['---', 'type: contact', 'name: Maya Chen', '<<<<<<< HEAD', 'stage: identified', '=======', 'stage: contacted', '>>>>>>> phone', '---', ''].join('\n');
    onRead = (path, count) => {
      if (path === NOTE && count === 1) put(NOTE, conflicted);
    };
    const attempt = editInBrowser(advanceToContacted);
    await expect(attempt).rejects.toThrow(UneditableNoteError);
    await expect(attempt).rejects.toThrow('maya-chen.md cannot be edited: it has an unresolved merge conflict at line 4');
    expect(text(NOTE)).toBe(conflicted);
  });

  it('gives up with a conflict, never writing, when the note keeps changing under it', async () => {
    onRead = (path, count) => {
      if (path === NOTE) put(NOTE, `${ORIGINAL}Synced ${count}.\n`);
    };
    const attempt = editInBrowser(advanceToContacted);
    await expect(attempt).rejects.toThrow(NoteConflictError);
    await expect(attempt).rejects.toThrow('maya-chen.md changed on disk since it was read; reload it and try again');
    expect(text(NOTE)).toMatch(/^---\ntype: contact\nname: Maya Chen\nstage: identified\n[\s\S]*# Notes\nSynced \d+\.\n$/);
  });
});
