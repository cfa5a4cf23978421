import { isUtf8 } from 'node:buffer';
import { accessSync, closeSync, constants, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockSync } from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { InvalidEncodingError, InvalidInputError, NoteConflictError } from '../errors.js';
import { contentVersion } from '../workspace/store.js';
/** A notes folder on the local disk. Writes go to a temp file and are renamed into place. */
export class NodeStore {
    root;
    constructor(root) {
        this.root = resolve(root);
    }
    /**
     * Every `.md` entry under the folder, outside dot-folders and
     * `node_modules`. Symlinked folders are followed once (loops are cut);
     * entries that cannot be read as files — a folder named `x.md`, a dangling
     * or looping symlink — are listed too, so reading them reports the problem
     * instead of hiding the note.
     */
    async listNotes() {
        // Synchronous, like `read`: one `readdir` per folder, where `opendir` took a thread-pool round trip per 32 entries.
        const found = [];
        const visited = new Set();
        const walk = (folder, prefix) => {
            let real = folder;
            try {
                real = realpathSync.native(folder);
            }
            catch {
                // Listed as it is; reading it reports the problem.
            }
            if (visited.has(real))
                return;
            visited.add(real);
            let entries;
            try {
                entries = readdirSync(folder, { withFileTypes: true });
            }
            catch {
                return;
            }
            for (const entry of entries) {
                if (entry.name.startsWith('.') || entry.name === 'node_modules')
                    continue;
                const path = prefix + entry.name;
                const isMarkdown = entry.name.toLowerCase().endsWith('.md');
                let isFolder = entry.isDirectory();
                if (entry.isSymbolicLink())
                    isFolder = isFolderSync(join(folder, entry.name));
                if (isMarkdown)
                    found.push(path);
                else if (isFolder)
                    walk(join(folder, entry.name), `${path}/`);
            }
        };
        walk(this.root, '');
        return found.sort();
    }
    /** Files directly in `folder` (symlinks to files included), as folder-relative paths; `[]` when it is missing. */
    async listFiles(folder) {
        const relativeFolder = folder === '.' ? '' : folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
        const absolute = relativeFolder === '' ? this.root : this.resolve(relativeFolder);
        const directory = await opendir(absolute).catch(() => undefined);
        if (!directory)
            return [];
        const found = [];
        for await (const entry of directory) {
            let isFile = entry.isFile();
            if (entry.isSymbolicLink())
                isFile = await stat(join(absolute, entry.name)).then((info) => info.isFile(), () => false);
            if (isFile)
                found.push(relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`);
        }
        return found.sort();
    }
    /**
     * Reads synchronously under the async signature: a note is a few KB, which
     * a synchronous read returns in ~15 µs, while the thread pool takes four
     * round trips (open, stat, read, close) — about 6× slower over a folder.
     */
    async read(path) {
        return this.readSync(path);
    }
    readSync(path) {
        try {
            const bytes = readBytes(this.resolve(path));
            // Invalid bytes decode to U+FFFD; only a text with one (invalid, or a real U+FFFD) has its
            // bytes checked strictly, to refuse it and place the error.
            const decoded = bytes.toString('utf8');
            const text = decoded.includes('\uFFFD') ? decodeUtf8(path, bytes) : decoded;
            return { text, version: contentVersion(text) };
        }
        catch (error) {
            if (isMissing(error))
                return undefined;
            throw error;
        }
    }
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
    async write(path, text, options = {}) {
        const absolute = this.resolve(path);
        const folder = dirname(absolute);
        mkdirSync(folder, { recursive: true });
        // A folder that cannot be written fails here at once, naming the folder rather than a temp file.
        accessSync(folder, constants.W_OK);
        const release = await lockNote(absolute);
        try {
            if (options.expectedVersion !== undefined) {
                const current = this.readSync(path);
                if ((current?.version ?? null) !== options.expectedVersion)
                    throw new NoteConflictError(path);
            }
            // The note keeps its mode; write-file-atomic keeps its owner where the process may.
            const mode = statSync(absolute, { throwIfNoEntry: false })?.mode;
            writeFileAtomic.sync(absolute, text, { encoding: 'utf8', fsync: true, ...(mode === undefined ? {} : { mode: mode & 0o7777 }) });
        }
        finally {
            release();
        }
        return { text, version: contentVersion(text) };
    }
    /** The absolute path of a folder-relative path; refuses anything outside the folder. */
    resolve(path) {
        if (isAbsolute(path) || path.includes('\0'))
            throw new InvalidInputError(`${path} is not a path inside the notes folder`);
        const absolute = resolve(this.root, path);
        const inside = relative(this.root, absolute);
        if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
            throw new InvalidInputError(`${path} is outside the notes folder`);
        return absolute;
    }
    /** Converts an absolute or cwd-relative path to a folder-relative one with `/` separators. */
    relativePath(path) {
        return relative(this.root, resolve(path)).split(sep).join('/');
    }
}
/** True for a folder or a symlink to one; false for anything else, a dangling or looping link included. */
function isFolderSync(path) {
    try {
        return statSync(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 2_000;
/** Attempts to take a held lock: 5 ms apart, growing by half each time up to 100 ms, about 5 s in all. */
const LOCK_RETRIES = 60;
/** Takes the note's lock, waiting while another process holds it (proper-lockfile's sync API has no retries of its own). */
async function lockNote(absolute) {
    let wait = 5;
    for (let attempt = 0;; attempt++) {
        try {
            return lockSync(absolute, { realpath: false, stale: STALE_LOCK_MS });
        }
        catch (error) {
            if (error.code !== 'ELOCKED' || attempt >= LOCK_RETRIES)
                throw error;
        }
        await sleep(wait);
        wait = Math.min(wait * 1.5, 100);
    }
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * One buffer for every read: notes are a few KB, and reading into it skips
 * the size query and the fresh buffer `readFileSync` makes per file (15% of
 * reading a folder). Reads are synchronous, so no two ever share it.
 */
const readBuffer = Buffer.allocUnsafe(64 * 1024);
/** A file's bytes: a view of `readBuffer`, valid until the next read, or a buffer of its own for a file too large for it. */
function readBytes(absolute) {
    const descriptor = openSync(absolute, 'r');
    try {
        let length = 0;
        for (;;) {
            const read = readSync(descriptor, readBuffer, length, readBuffer.length - length, null);
            if (read === 0)
                return readBuffer.subarray(0, length);
            length += read;
            // Larger than the buffer: a rare note, read whole.
            if (length === readBuffer.length)
                return readFileSync(absolute);
        }
    }
    finally {
        closeSync(descriptor);
    }
}
/** Decodes UTF-8, refusing invalid bytes: replacing them would corrupt the note on the next write. */
function decodeUtf8(path, bytes) {
    // `isUtf8` validates natively; `toString` then decodes without a second check (and keeps a BOM, as `ignoreBOM` does).
    if (isUtf8(bytes))
        return bytes.toString('utf8');
    try {
        return strictUtf8.decode(bytes);
    }
    catch {
        // Streaming decodes accept an unfinished sequence at the end, so "this prefix is valid" only
        // turns false once, at the first bad byte: binary-search for it.
        const prefixIsValid = (end) => {
            try {
                new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
                return true;
            }
            catch {
                return false;
            }
        };
        let low = 0;
        let high = bytes.length;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (prefixIsValid(mid))
                low = mid;
            else
                high = mid - 1;
        }
        const valid = low;
        let line = 1;
        let lineStart = 0;
        for (let i = 0; i < valid; i++)
            if (bytes[i] === 0x0a)
                (line++, (lineStart = i + 1));
        throw new InvalidEncodingError(path, line, valid - lineStart + 1);
    }
}
function isMissing(error) {
    const code = error.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
//# sourceMappingURL=node-store.js.map