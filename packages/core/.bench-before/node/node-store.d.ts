import { type NoteStore, type StoredText, type WriteOptions } from '../workspace/store.js';
/** A notes folder on the local disk. Writes go to a temp file and are renamed into place. */
export declare class NodeStore implements NoteStore {
    readonly root: string;
    constructor(root: string);
    /**
     * Every `.md` entry under the folder, outside dot-folders and
     * `node_modules`. Symlinked folders are followed once (loops are cut);
     * entries that cannot be read as files — a folder named `x.md`, a dangling
     * or looping symlink — are listed too, so reading them reports the problem
     * instead of hiding the note.
     */
    listNotes(): Promise<string[]>;
    /** Files directly in `folder` (symlinks to files included), as folder-relative paths; `[]` when it is missing. */
    listFiles(folder: string): Promise<string[]>;
    /**
     * Reads synchronously under the async signature: a note is a few KB, which
     * a synchronous read returns in ~15 µs, while the thread pool takes four
     * round trips (open, stat, read, close) — about 6× slower over a folder.
     */
    read(path: string): Promise<StoredText | undefined>;
    readSync(path: string): StoredText | undefined;
    /**
     * Writes through a temp file renamed into place (write-file-atomic, with
     * fsync), so a crash leaves the old or the new note, never a partial one.
     * The version check and the write happen under a lock (`<note>.lock`,
     * proper-lockfile), so two processes editing the same note cannot both
     * pass the check and lose one update.
     *
     * Synchronous under the async signature, like `read`: an edit is a handful
     * of system calls, and each round trip through the thread pool costs more
     * than the call itself. Only waiting for a lock another process holds
     * yields.
     */
    write(path: string, text: string, options?: WriteOptions): Promise<StoredText>;
    /** The absolute path of a folder-relative path; refuses anything outside the folder. */
    resolve(path: string): string;
    /** Converts an absolute or cwd-relative path to a folder-relative one with `/` separators. */
    relativePath(path: string): string;
}
