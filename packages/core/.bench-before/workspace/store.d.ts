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
/**
 * The id-free content version every store uses: FNV-1a over four
 * interleaved lanes of characters, plus the length. Four independent lanes
 * let the CPU overlap their multiplications (3× faster than one chain over a
 * folder, where hashing was a sixth of a cold load). Each step is a
 * bijection of its lane's state, so changing any one character always
 * changes the version.
 */
export declare function contentVersion(text: string): string;
/** True for paths a notes folder indexes: `.md` files outside dot-folders and `node_modules`. */
export declare function isNotePath(path: string): boolean;
