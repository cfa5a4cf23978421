import type { FileIdentity } from './index-cache.js';
/**
 * How core reaches a notes folder. Paths are relative to the folder, with
 * `/` separators. The Node implementation lives in `node/`, the VS Code one
 * in the extension; tests use `MemoryStore`.
 */
export interface NoteStore {
  /** Every Markdown file under the folder, skipping dot-folders and `node_modules`. */
  listNotes(): Promise<string[]>;
  /**
   * Paths (relative to the notes folder) of the files directly in `folder`,
   * itself relative to the notes folder (`''` is the folder itself), sorted;
   * `[]` when the folder does not exist. Subfolders are not listed. Used for
   * `.rapport/templates/`, which `listNotes` skips as a dot-folder.
   */
  listFiles(folder: string): Promise<string[]>;
  /** Reads a file; `undefined` when it does not exist. */
  read(path: string): Promise<StoredText | undefined>;
  /**
   * Reads a file synchronously, for stores where that is cheap (a local
   * disk). When a store has it, the index keeps no note texts in memory and
   * reads one back when asked. Optional.
   */
  readSync?(path: string): StoredText | undefined;
  /**
   * Writes atomically. With `expectedVersion`, refuses (throws
   * `NoteConflictError`) when the file changed since that version was read;
   * `null` means the file must not exist yet.
   */
  write(path: string, text: string, options?: WriteOptions): Promise<StoredText>;
  /**
   * Waits while the file is being saved in place by another program (an
   * editor that truncates it, then writes it), so that what is read next is
   * not half a note. Optional: stores whose files appear whole need none.
   */
  settle?(path: string): Promise<void>;
  /**
   * Holds the file's lock for a whole read, edit and write (writes within
   * it go through), waiting while another process holds it; returns the
   * function that releases it. Optional: without it, edits rely on
   * `expectedVersion` alone and retry.
   */
  lock?(path: string): Promise<() => void>;
  /**
   * Creates files that must not exist yet, many at once: an import of
   * thousands of contacts would otherwise wait for the disk once per note.
   * Each file is written whole or not at all; one that exists by then is
   * left untouched and its path returned. Optional: without it, callers
   * `write` each file with `expectedVersion: null`.
   */
  createMany?(files: readonly NewFile[]): Promise<readonly string[]>;
}

/** A file to create: its path relative to the notes folder, and its text. */
export interface NewFile {
  readonly path: string;
  readonly text: string;
}

/** A note's text as a store read it, with the version a later write must expect. */
export interface StoredText {
  readonly text: string;
  /** Opaque token that changes whenever the file's content changes. */
  readonly version: string;
  /**
   * How the file looked on disk as it was read (taken from the open file, before
   * its bytes), where the store has files: an index cache keys the reading by it
   * without examining the file a second time.
   */
  readonly identity?: FileIdentity;
}

/** Options of `NoteStore.write`. */
export interface WriteOptions {
  readonly expectedVersion?: string | null;
}

/** Anything that can be notified when notes change (the extension's watcher, the CLI's nothing). */
export interface NoteChange {
  readonly path: string;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/**
 * The id-free content version every store uses: FNV-1a over four
 * interleaved lanes of characters, plus the length. Four independent lanes
 * let the CPU overlap their multiplications (3× faster than one chain over a
 * folder, where hashing was a sixth of a cold load). Each step is a
 * bijection of its lane's state, so changing any one character always
 * changes the version.
 */
export function contentVersion(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let c = 0x1b873593;
  let d = 0x2c1b3c6d;
  const { length } = text;
  let i = 0;
  for (; i + 3 < length; i += 4) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i + 1), 0x01000193);
    c = Math.imul(c ^ text.charCodeAt(i + 2), 0x01000193);
    d = Math.imul(d ^ text.charCodeAt(i + 3), 0x01000193);
  }
  for (; i < length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
  // Folded to 64 bits; multiplying by an odd constant keeps each fold a bijection of either lane.
  const high = (a ^ Math.imul(c, 0x9e3779b1)) >>> 0;
  const low = (b ^ Math.imul(d, 0x9e3779b1)) >>> 0;
  return `${high.toString(36)}.${low.toString(36)}-${length.toString(36)}`;
}

/** True for paths a notes folder indexes: `.md` files outside dot-folders and `node_modules`. */
export function isNotePath(path: string): boolean {
  if (!path.toLowerCase().endsWith('.md')) return false;
  return !path.split('/').some((part, index, parts) => (index < parts.length - 1 && part.startsWith('.')) || part === 'node_modules');
}
