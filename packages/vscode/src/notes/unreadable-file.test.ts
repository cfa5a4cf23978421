import { describe, expect, it } from 'vitest';
import { InvalidEncodingError, loadWorkspace, MemoryStore, type StoredText } from '@rapport/core';
import { unreadableFileDiagnostic as unreadableFile } from '@rapport/core/internal';
import { linkToNothing } from './unreadable-file.js';

/** A folder whose listed notes fail to read with the given errors (or read as nothing), as a disk's do. */
class FailingStore extends MemoryStore {
  constructor(private readonly failures: ReadonlyMap<string, unknown>) {
    super();
  }

  override async listNotes(): Promise<string[]> {
    return [...this.failures.keys()].sort();
  }

  override async read(path: string): Promise<StoredText | undefined> {
    const failure = this.failures.get(path);
    if (failure === undefined) return super.read(path);
    if (failure === 'nothing') return undefined;
    throw failure;
  }
}

const nodeError = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('unreadableFile', () => {
  it('words each failure as a full load by core does', async () => {
    const failures = new Map<string, unknown>([
      ['folder.md', nodeError('EISDIR')],
      ['loop.md', nodeError('ELOOP')],
      ['locked.md', nodeError('EACCES')],
      ['odd.md', nodeError('EIO')],
      ['latin1.md', new InvalidEncodingError('latin1.md', 3, 7)],
      ['dangling.md', 'nothing'],
    ]);
    const loaded = await loadWorkspace(new FailingStore(failures));
    const at = (file: string, reason: string, line = 1, column = 1) => ({ file, line, column, endLine: line, endColumn: column, severity: 'error', rule: 'unreadable-file', message: `The note cannot be read: ${reason}`, hint: 'Rapport leaves this file untouched' });
    const expected = [
      at('dangling.md', 'it is a symbolic link to nothing'),
      at('folder.md', 'it is a folder, not a file'),
      at('latin1.md', 'it is not valid UTF-8 text', 3, 7),
      at('locked.md', 'permission denied'),
      at('loop.md', 'it is a symbolic link that loops'),
      // A failure with no wording of its own is named by its code.
      at('odd.md', 'EIO'),
    ];
    expect(loaded.configDiagnostics.filter((diagnostic) => diagnostic.rule === 'unreadable-file').sort((a, b) => a.file.localeCompare(b.file))).toEqual(expected);
    // The extension's own reads (linkToNothing for a file that reads as nothing) word it the same.
    expect(unreadableFile('dangling.md', linkToNothing('dangling.md'))).toEqual(expected[0]);
  });

  it('places invalid UTF-8 at its first bad byte and anything else at the start', () => {
    expect(unreadableFile('a.md', new InvalidEncodingError('a.md', 3, 7))).toMatchObject({ line: 3, column: 7, endLine: 3, endColumn: 7 });
    expect(unreadableFile('a.md', linkToNothing('a.md'))).toMatchObject({ line: 1, column: 1, message: 'The note cannot be read: it is a symbolic link to nothing' });
  });
});
