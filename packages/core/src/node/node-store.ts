import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { open, opendir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockSync } from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { InvalidEncodingError, InvalidInputError, NoteConflictError } from '../errors.js';
import { contentVersion, type NewFile, type NoteStore, type StoredText, type WriteOptions } from '../workspace/store.js';

/** A notes folder on the local disk. Writes go to a temp file and are renamed into place. */
export class NodeStore implements NoteStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /**
   * Every `.md` entry under the folder, outside dot-folders and
   * `node_modules`. Symlinked folders are followed once (loops are cut);
   * entries that cannot be read as files — a folder named `x.md`, a dangling
   * or looping symlink — are listed too, so reading them reports the problem
   * instead of hiding the note.
   */
  async listNotes(): Promise<string[]> {
    // Synchronous, like `read`: one `readdir` per folder, where `opendir` took a thread-pool round trip per 32 entries.
    const found: string[] = [];
    const visited = new Set<string>();
    const walk = (folder: string, prefix: string): void => {
      let real = folder;
      try {
        real = realpathSync.native(folder);
      } catch {
        // Listed as it is; reading it reports the problem.
      }
      if (visited.has(real)) return;
      visited.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const path = prefix + entry.name;
        const isMarkdown = entry.name.toLowerCase().endsWith('.md');
        let isFolder = entry.isDirectory();
        if (entry.isSymbolicLink()) isFolder = isFolderSync(join(folder, entry.name));
        if (isMarkdown) found.push(path);
        else if (isFolder) walk(join(folder, entry.name), `${path}/`);
      }
    };
    walk(this.root, '');
    return found.sort();
  }

  /** Files directly in `folder` (symlinks to files included), as folder-relative paths; `[]` when it is missing. */
  async listFiles(folder: string): Promise<string[]> {
    const relativeFolder = folder === '.' ? '' : folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const absolute = relativeFolder === '' ? this.root : this.resolve(relativeFolder);
    const directory = await opendir(absolute).catch(() => undefined);
    if (!directory) return [];
    const found: string[] = [];
    for await (const entry of directory) {
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) isFile = await stat(join(absolute, entry.name)).then((info) => info.isFile(), () => false);
      if (isFile) found.push(relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`);
    }
    return found.sort();
  }

  /**
   * Reads synchronously under the async signature: a note is a few KB, which
   * a synchronous read returns in ~15 µs, while the thread pool takes four
   * round trips (open, stat, read, close) — about 6× slower over a folder.
   */
  async read(path: string): Promise<StoredText | undefined> {
    return this.readSync(path);
  }

  readSync(path: string): StoredText | undefined {
    try {
      const bytes = readBytes(this.resolve(path));
      // Invalid bytes decode to U+FFFD; only a text with one (invalid, or a real U+FFFD) has its
      // bytes checked strictly, to refuse it and place the error.
      const decoded = bytes.toString('utf8');
      const text = decoded.includes('\uFFFD') ? decodeUtf8(path, bytes) : decoded;
      return { text, version: contentVersion(text) };
    } catch (error) {
      if (isMissing(error)) return undefined;
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
  async write(path: string, text: string, options: WriteOptions = {}): Promise<StoredText> {
    const absolute = this.resolve(path);
    const folder = dirname(absolute);
    mkdirSync(folder, { recursive: true });
    // A folder that cannot be written fails here at once, naming the folder rather than a temp file.
    accessSync(folder, constants.W_OK);
    const release = await lockNote(absolute);
    try {
      if (options.expectedVersion !== undefined) {
        const current = this.readSync(path);
        if ((current?.version ?? null) !== options.expectedVersion) throw new NoteConflictError(path);
      }
      // The note keeps its mode; write-file-atomic keeps its owner where the process may.
      const mode = statSync(absolute, { throwIfNoEntry: false })?.mode;
      writeFileAtomic.sync(absolute, text, { encoding: 'utf8', fsync: true, ...(mode === undefined ? {} : { mode: mode & 0o7777 }) });
    } finally {
      release();
    }
    return { text, version: contentVersion(text) };
  }

  /**
   * Creates new notes in bulk, each whole or not at all: every text goes to
   * a temp file, the temp files are flushed to disk together (an fsync per
   * file, run in parallel, so the disk commits them in a few batches rather
   * than one by one), then each is hard-linked to its name, which fails
   * rather than replace a note that appeared meanwhile. No lock is needed:
   * a note that does not exist yet has no reader to race.
   */
  async createMany(files: readonly NewFile[]): Promise<readonly string[]> {
    const staged: { path: string; absolute: string; temp: string }[] = [];
    const existed: string[] = [];
    const folders = new Set<string>();
    try {
      for (const { path, text } of files) {
        const absolute = this.resolve(path);
        const folder = dirname(absolute);
        if (!folders.has(folder)) {
          mkdirSync(folder, { recursive: true });
          accessSync(folder, constants.W_OK);
          folders.add(folder);
        }
        const temp = `${absolute}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
        staged.push({ path, absolute, temp });
      }
      let next = 0;
      const flush = async () => {
        while (next < staged.length) {
          const handle = await open(staged[next++]!.temp, 'r+');
          try {
            await handle.sync();
          } finally {
            await handle.close();
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CREATE_FLUSHES, staged.length) }, flush));
      for (const { path, absolute, temp } of staged) {
        try {
          linkSync(temp, absolute);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          existed.push(path);
        }
      }
    } finally {
      for (const { temp } of staged) rmSync(temp, { force: true });
    }
    return existed;
  }

  /** The absolute path of a folder-relative path; refuses anything outside the folder. */
  resolve(path: string): string {
    if (isAbsolute(path) || path.includes('\0')) throw new InvalidInputError(`${path} is not a path inside the notes folder`);
    const absolute = resolve(this.root, path);
    const inside = relative(this.root, absolute);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new InvalidInputError(`${path} is outside the notes folder`);
    return absolute;
  }

  /** Converts an absolute or cwd-relative path to a folder-relative one with `/` separators. */
  relativePath(path: string): string {
    return relative(this.root, resolve(path)).split(sep).join('/');
  }
}

/** True for a folder or a symlink to one; false for anything else, a dangling or looping link included. */
function isFolderSync(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** How many fsyncs `createMany` keeps in flight (the thread pool runs four at a time). */
const CREATE_FLUSHES = 16;

/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 2_000;
/** Attempts to take a held lock: 5 ms apart, growing by half each time up to 100 ms, about 5 s in all. */
const LOCK_RETRIES = 60;

/** Takes the note's lock, waiting while another process holds it (proper-lockfile's sync API has no retries of its own). */
async function lockNote(absolute: string): Promise<() => void> {
  let wait = 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return lockSync(absolute, { realpath: false, stale: STALE_LOCK_MS });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || attempt >= LOCK_RETRIES) throw error;
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
function readBytes(absolute: string): Buffer {
  const descriptor = openSync(absolute, 'r');
  try {
    let length = 0;
    for (;;) {
      const read = readSync(descriptor, readBuffer, length, readBuffer.length - length, null);
      if (read === 0) return readBuffer.subarray(0, length);
      length += read;
      // Larger than the buffer: a rare note, read whole.
      if (length === readBuffer.length) return readFileSync(absolute);
    }
  } finally {
    closeSync(descriptor);
  }
}

/** Decodes UTF-8, refusing invalid bytes: replacing them would corrupt the note on the next write. */
function decodeUtf8(path: string, bytes: Buffer): string {
  // `isUtf8` validates natively; `toString` then decodes without a second check (and keeps a BOM, as `ignoreBOM` does).
  if (isUtf8(bytes)) return bytes.toString('utf8');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Streaming decodes accept an unfinished sequence at the end, so "this prefix is valid" only
    // turns false once, at the first bad byte: binary-search for it.
    const prefixIsValid = (end: number) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (prefixIsValid(mid)) low = mid;
      else high = mid - 1;
    }
    // The longest valid stream may end inside a sequence that the next byte breaks: that sequence is the bad one.
    let bad = low;
    while (bad > 0 && bad > low - 3 && !isCompleteUtf8(bytes.subarray(0, bad))) bad--;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
    // Columns count characters (UTF-16 units, as editors do), not bytes.
    throw new InvalidEncodingError(path, line, new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isCompleteUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
