import { isNotePath, type CachedNote, type IndexCache, type IndexSnapshot } from '@rapport/core';

/** The index cache of a notes folder, and how the index reads a note's text back when asked. */
export interface FolderCache {
  readonly cache: IndexCache;
  /**
   * The note's current text on disk (`undefined` when unreadable): the index
   * then keeps no texts and readings are reused for unchanged files. Absent
   * where nothing can be read synchronously (the browser): the cache then
   * only paints the views at once, and every note is read again behind them.
   */
  readonly readText?: (file: string) => string | undefined;
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
