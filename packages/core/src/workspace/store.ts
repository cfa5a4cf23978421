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
}

export interface StoredText {
  readonly text: string;
  /** Opaque token that changes whenever the file's content changes. */
  readonly version: string;
}

export interface WriteOptions {
  readonly expectedVersion?: string | null;
}

/** Anything that can be notified when notes change (the extension's watcher, the CLI's nothing). */
export interface NoteChange {
  readonly path: string;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/** The id-free content version every store uses: a 32-bit FNV-1a hash plus the length. */
export function contentVersion(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}-${text.length.toString(36)}`;
}

/** True for paths a notes folder indexes: `.md` files outside dot-folders and `node_modules`. */
export function isNotePath(path: string): boolean {
  if (!path.toLowerCase().endsWith('.md')) return false;
  return !path.split('/').some((part, index, parts) => (index < parts.length - 1 && part.startsWith('.')) || part === 'node_modules');
}
