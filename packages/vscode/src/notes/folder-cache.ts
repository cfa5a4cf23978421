import type * as vscode from 'vscode';
import { isNotePath, type CachedNote, type IndexCache, type IndexSnapshot } from '@rapport/core';
import { NodeIndexCache, NodeStore } from '@rapport/core/node';

/** The index cache of a notes folder, and how the index reads a note's text back when asked. */
export interface FolderCache {
  readonly cache: IndexCache;
  /** The note's current text on disk (`undefined` when unreadable): the index keeps no texts. */
  readonly readText: (file: string) => string | undefined;
}

/**
 * The cache the CLI keeps too (`.rapport/cache/index.jsonl`, written only
 * when `.rapport/` exists, git-ignored by its own `.gitignore`), for folders
 * the extension host reaches as a local disk: `file:` URIs, which is every
 * folder the extension supports (it declares virtual workspaces
 * unsupported; over SSH or in code-server the host runs beside the files).
 * Identities are taken with `stat` on the same paths `VscodeNoteStore`
 * reads, and the index reads texts back synchronously from the disk, so
 * restored notes (whose texts are not cached) still have one — letters,
 * questions and imports need it. Any other scheme gets no cache: a full read.
 *
 * Restricted Mode uses it too. The cache is data, never code: JSON parsed
 * and checked by `asSnapshot`, then by `checkedSnapshot` below. A cache
 * planted in a repository (committed despite its `.gitignore`, or shipped
 * in an archive that keeps times) could at worst show readings that differ
 * from the notes — no more than the notes themselves could say — and only
 * for files whose size, time and inode match; it cannot point the views
 * outside the folder, and the reconcile that follows re-reads every note
 * whose identity does not match.
 */
export function folderCache(root: vscode.Uri): FolderCache | undefined {
  if (root.scheme !== 'file') return undefined;
  const store = new NodeStore(root.fsPath);
  const cache = new NodeIndexCache(store);
  return {
    cache: {
      identify: (files) => cache.identify(files),
      load: async () => checkedSnapshot(await cache.load()),
      save: (snapshot) => cache.save(snapshot),
    },
    readText: (file) => {
      try {
        return store.readSync(file)?.text;
      } catch {
        return undefined;
      }
    },
  };
}

/** The same cache, but never reused: a full re-read that still saves a fresh cache ("Refresh"). */
export function rereadingCache(cache: IndexCache): IndexCache {
  return { identify: (files) => cache.identify(files), load: async () => undefined, save: (snapshot) => cache.save(snapshot) };
}

/**
 * Keeps only entries that describe a note inside the folder and whose
 * reading is about that same file: views turn these paths into URIs.
 */
export function checkedSnapshot(snapshot: IndexSnapshot | undefined): IndexSnapshot | undefined {
  if (!snapshot) return undefined;
  const notes: Record<string, CachedNote> = {};
  for (const [file, note] of Object.entries(snapshot.notes)) if (isSafeEntry(file, note)) notes[file] = note;
  return { ...snapshot, notes };
}

function isSafeEntry(file: string, note: CachedNote): boolean {
  if (!isNotePath(file) || file.startsWith('/') || file.includes('\\') || file.split('/').includes('..')) return false;
  const reading = note?.reading as Partial<CachedNote['reading']> | undefined;
  if (!reading || typeof reading !== 'object' || typeof note.version !== 'string' || !Array.isArray(reading.diagnostics)) return false;
  if (reading.contact !== undefined && (reading.contact === null || typeof reading.contact !== 'object' || reading.contact.file !== file)) return false;
  return reading.diagnostics.every((diagnostic) => diagnostic !== null && typeof diagnostic === 'object' && diagnostic.file === file);
}
