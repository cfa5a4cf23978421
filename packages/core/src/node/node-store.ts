import { isUtf8 } from 'node:buffer';
import { accessSync, closeSync, constants, existsSync, fchmodSync, fchownSync, fstatSync, fsyncSync, futimesSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync, type Dirent, type Stats } from 'node:fs';
import { close, fsync, open, opendir, stat } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { InvalidEncodingError, InvalidInputError, NoteConflictError, ReadOnlyNoteError, UneditableNoteError, UnreadableNoteError } from '../errors.js';
import { refuseUtf16 } from '../note/encoding.js';
import { readLayout } from '../note/source.js';
import type { FileIdentity } from '../workspace/index-cache.js';
import { contentVersion, type NewFile, type NoteStore, type StoredText, type WriteOptions } from '../workspace/store.js';

// Node's callback functions, already loaded at its start: `node:fs/promises` and
// `node:timers/promises` load some twenty more modules (streams, readline), ~3 ms of every command.
const openAsync = promisify(open);
const opendirAsync = promisify(opendir);
const statAsync = promisify(stat);
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * A notes folder on the local disk. Writes go to a temp file and are renamed into place.
 *
 * @example
 * ```ts
 * import { loadWorkspace } from '@rapport/core';
 * import { NodeStore } from '@rapport/core/node';
 *
 * const workspace = await loadWorkspace(new NodeStore('~/job-search'));
 * console.log(workspace.index.contactCount());
 * ```
 */
export class NodeStore implements NoteStore {
  /** The folder's absolute path: `root` as given, with a leading `~` expanded to the home folder. */
  readonly root: string;
  /** Temp files of killed writes seen by the last listing, removed by the next write. */
  private leftovers: string[] = [];
  /** Notes whose lock `lock` holds: writes to them within it need not take it again. */
  private readonly held = new Set<string>();
  /** Said when the folder is not found: `~maya/notes` was most likely meant as another user's home. */
  private readonly notFoundHint: string;
  /** Folders already found inside the notes folder (symlinks resolved), so a read checks each folder once; every listing starts afresh. */
  private readonly foldersInside = new Set<string>();

  /**
   * @param root The notes folder, absolute or relative to the working directory. A leading `~` is the
   * user's home folder (`~/job-search`), as a shell would read it; `~user` is not expanded (listing such a missing folder says so). The folder
   * need not exist yet (writing creates it), but listing a missing one throws.
   * @throws InvalidInputError for an empty path (or one of blanks only), which would be the working directory unseen.
   */
  constructor(root: string) {
    if (typeof root !== 'string' || root.trim() === '') {
      throw new InvalidInputError(`the notes folder path is empty (got ${JSON.stringify(root)}): give a folder, such as ~/job-search, or . for the current one`);
    }
    this.root = resolve(/^~(?=$|[\\/])/.test(root) ? homedir() + root.slice(1) : root);
    this.notFoundHint = /^~[^\\/]/.test(root) ? ` (only \`~\` and \`~/…\` are expanded to your home folder, not \`${root.split(/[\\/]/)[0]}\`: write the full path)` : '';
  }

  /**
   * Every `.md` entry under the folder, outside dot-folders and
   * `node_modules`. Symlinked folders are followed once (loops are cut),
   * and only when they lead to a folder inside the notes folder: a link to
   * a folder elsewhere (`/`, another notes folder) is not walked;
   * entries that cannot be read as files — a folder named `x.md`, a dangling
   * or looping symlink — are listed too, so reading them reports the problem
   * instead of hiding the note. A symlink to a note listed under its own
   * path is that note, listed once (its contact would count twice in the
   * agenda and the report). Temp files a killed write left
   * (`owen-park.md.4117527850`) are not notes; the next write removes them.
   *
   * @throws InvalidInputError naming the folder when it does not exist, is a file or cannot be read:
   * a mistyped path is not an empty folder.
   */
  async listNotes(): Promise<string[]> {
    checkFolder(this.root, this.notFoundHint);
    // Synchronous, like `read`: one `readdir` per folder, where `opendir` took a thread-pool round trip per 32 entries.
    const found: string[] = [];
    const leftovers: string[] = [];
    const visited = new Set<string>();
    /** Symlinked notes, with the path their target has inside the folder. */
    const aliases = new Map<string, string>();
    const realRoot = realPathOr(this.root);
    this.foldersInside.clear();
    const walk = (folder: string, prefix: string): void => {
      // A folder that cannot be resolved is listed as it is; reading its notes reports the problem.
      const real = realPathOr(folder);
      if (visited.has(real)) return;
      visited.add(real);
      if (real !== realRoot && !isInside(realRoot, real)) return;
      this.foldersInside.add(folder);
      let entries: Dirent[];
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        if (LEFTOVER.test(entry.name)) leftovers.push(join(folder, entry.name));
        const path = prefix + entry.name;
        const isMarkdown = entry.name.toLowerCase().endsWith('.md');
        let isFolder = entry.isDirectory();
        if (entry.isSymbolicLink()) isFolder = isFolderSync(join(folder, entry.name));
        if (isMarkdown && entry.isSymbolicLink()) {
          const target = targetInside(join(folder, entry.name), realRoot);
          if (target === undefined) found.push(path);
          else aliases.set(path, target);
        } else if (isMarkdown) found.push(path);
        else if (isFolder) walk(join(folder, entry.name), `${path}/`);
      }
    };
    walk(this.root, '');
    this.leftovers = leftovers;
    if (aliases.size > 0) {
      const listed = new Set(found);
      for (const [path, target] of aliases) if (!listed.has(target)) found.push(path);
    }
    return found.sort();
  }

  /** Files directly in `folder` (symlinks to files included), as folder-relative paths; `[]` when it is missing. */
  async listFiles(folder: string): Promise<string[]> {
    const relativeFolder = folder === '.' ? '' : folder.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const absolute = relativeFolder === '' ? this.root : this.resolve(relativeFolder);
    const outside = this.outsideReason(absolute, 'its folder');
    if (outside) throw new InvalidInputError(`${relativeFolder} cannot be read: ${outside}; Rapport reads only files inside it`);
    const directory = await opendirAsync(absolute).catch(() => undefined);
    if (!directory) return [];
    const found: string[] = [];
    for await (const entry of directory) {
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) isFile = await statAsync(join(absolute, entry.name)).then((info) => info.isFile(), () => false);
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
    const absolute = this.resolve(path);
    const folder = dirname(absolute);
    if (!this.foldersInside.has(folder)) {
      const outside = this.outsideReason(folder, 'its folder');
      if (outside) throw new UnreadableNoteError(`${outside}; Rapport reads only notes inside it`, path);
      this.foldersInside.add(folder);
    }
    try {
      const { bytes, identity } = readFile(absolute, path);
      const text = decode(path, bytes);
      return { text, version: contentVersion(text), identity };
    } catch (error) {
      if (isMissing(error)) return undefined;
      // A read on the open file (a folder named like a note) fails without the path: the message should name it.
      if (error instanceof Error && (error as NodeJS.ErrnoException).code !== undefined) (error as NodeJS.ErrnoException).path ??= absolute;
      throw error;
    }
  }

  /**
   * Writes through a temp file renamed into place (written and fsynced
   * first), so a crash leaves the old or the new note, never a partial one.
   * The version check and the rename happen under a lock (`<note>.lock`,
   * proper-lockfile), so two Rapport processes editing the same note cannot
   * both pass the check and lose one update.
   *
   * Editors do not take that lock, so an edit also guards against them:
   * - a note being saved in place (truncated, then written) is left to
   *   settle before it is checked, so a half-saved note is never edited;
   * - the version is checked again right before the rename, after the slow
   *   part (writing and syncing the temp file), and the file's inode, size
   *   and modification time once more just before it, so an editor's save
   *   in between is not replaced;
   * - the replaced file keeps a second name (a hard link) until the rename is
   *   done: if an editor began saving into it in place meanwhile, or put its
   *   own file there by rename, that file becomes the note again at once
   *   (the editor goes on writing into the note, not into a file without a
   *   name) and the edit reports a conflict, to be redone on the saved text;
   * - a note whose frontmatter is opened but never closed is not written over.
   *
   * A new note (`expectedVersion: null`) is put in place with a hard link,
   * which fails rather than replace a file created meanwhile.
   *
   * Synchronous under the async signature, like `read`: an edit is a handful
   * of system calls, and each round trip through the thread pool costs more
   * than the call itself. Only waiting (for a lock, for a save to settle)
   * yields.
   */
  async write(path: string, text: string, options: WriteOptions = {}): Promise<StoredText> {
    const target = this.writeTarget(path);
    const folder = dirname(target);
    mkdirSync(folder, { recursive: true });
    // A folder that cannot be written fails here at once, naming the folder rather than a temp file.
    accessSync(folder, constants.W_OK);
    this.removeLeftovers();
    const { expectedVersion } = options;
    if (typeof expectedVersion === 'string') await settleInPlaceSave(target);
    const release = this.held.has(target) ? () => undefined : await lockNote(target, path);
    let temporary: string | undefined;
    let replaced: { descriptor: number; before: Stats } | undefined;
    let aside: string | undefined;
    try {
      if (expectedVersion !== undefined) this.checkVersion(path, target, expectedVersion);
      // The note keeps its mode and, where the process may, its owner.
      const existing = statSync(target, { throwIfNoEntry: false });
      // A rename would replace a file the user made read-only, as if the mode were not there.
      if (existing && !isWritable(target, existing)) throw new ReadOnlyNoteError(path);
      temporary = writeTemporary(target, text, existing);
      if (expectedVersion === null) {
        createFrom(temporary, target, path);
      } else {
        // Checked again now that the slow part is done: an editor may have saved meanwhile.
        if (expectedVersion !== undefined) replaced = this.checkVersion(path, target, expectedVersion, true);
        // The cheapest last look, just before the rename: an editor that saved by rename since has put another
        // file there, and one saving in place has written into this one (its save would go to a file no longer the note).
        if (replaced && !sameFile(statSync(target, { throwIfNoEntry: false }), replaced.before)) throw new NoteConflictError(path);
        // Linked only now: a link changes the file's change time, which tells a save in place from a rename.
        if (replaced) aside = linkAside(target);
        renameSync(temporary, target);
        temporary = undefined;
        if (replaced) {
          const putBack = aside;
          aside = undefined;
          await this.recoverEditorSave(path, target, replaced, putBack, text);
        }
      }
    } finally {
      if (replaced) closeSync(replaced.descriptor);
      if (temporary !== undefined) rmSync(temporary, { force: true });
      if (aside !== undefined) rmSync(aside, { force: true });
      release();
    }
    return { text, version: contentVersion(text) };
  }

  /**
   * Takes the note's lock for a whole read, edit and write, so that other
   * Rapport processes wait their turn instead of conflicting: waits while
   * another holds it, up to 10 s, then reports a conflict. Writes to the
   * note before the returned function releases it go through.
   */
  async lock(path: string): Promise<() => void> {
    const target = this.writeTarget(path);
    // Another edit of this process holds it: wait for it as for another process.
    while (this.held.has(target)) await sleep(5);
    const release = await lockNote(target, path);
    this.held.add(target);
    return () => {
      this.held.delete(target);
      release();
    };
  }

  /** Waits while the note is being saved in place (see `write`). */
  async settle(path: string): Promise<void> {
    await settleInPlaceSave(this.resolve(path));
  }

  /**
   * Throws `NoteConflictError` unless the note holds `expectedVersion`
   * (`null`: no note). With `keepOpen`, returns the checked file, still
   * open, and how it looked before it was read, to see afterwards whether
   * anything wrote into it.
   */
  private checkVersion(path: string, target: string, expectedVersion: string | null, keepOpen = false): { descriptor: number; before: Stats } | undefined {
    let descriptor: number;
    try {
      descriptor = openNote(target, path).descriptor;
    } catch (error) {
      if (isMissing(error) && expectedVersion === null) return undefined;
      if (isMissing(error)) throw new NoteConflictError(path);
      throw error;
    }
    try {
      const before = fstatSync(descriptor);
      const current = decode(path, readAll(descriptor, path));
      if (contentVersion(current) !== expectedVersion) throw new NoteConflictError(path);
      // Half of a note being saved, or a note broken by hand: writing over it would make the loss permanent.
      if (readLayout(current).unterminated) throw new UneditableNoteError('its frontmatter is never closed with `---`', path);
      if (keepOpen) return { descriptor, before };
    } catch (error) {
      closeSync(descriptor);
      throw error;
    }
    closeSync(descriptor);
    return undefined;
  }

  /**
   * After the rename: the file replaced was meant to be the note as checked.
   * If an editor wrote into it meanwhile (saving in place) or put another
   * file there (saving by rename), that save would be lost with it: the
   * replaced file, kept under `aside`, is renamed back into place while the
   * note still holds only this edit, and the edit reports a conflict. A save
   * in place may still be under way: it goes on into the note, and the
   * conflict is reported once it has settled, so the edit is redone on the
   * whole saved text. Without a second name (a file system without hard
   * links), the saved text is copied back once it has settled instead.
   */
  private async recoverEditorSave(path: string, target: string, replaced: { descriptor: number; before: Stats }, aside: string | undefined, written: string): Promise<void> {
    const { descriptor, before } = replaced;
    try {
      const asideInfo = aside === undefined ? undefined : statSync(aside, { throwIfNoEntry: false });
      const after = fstatSync(descriptor);
      // Not the change time: the rename itself changes it (the file loses its name), and so does the link.
      const writtenInto = after.size !== before.size || after.mtimeMs !== before.mtimeMs;
      const renamedOver = asideInfo !== undefined && asideInfo.ino !== before.ino;
      if (!writtenInto && !renamedOver) return;
      if (aside !== undefined && asideInfo !== undefined && this.readSync(path)?.text === written && putBack(aside, target)) {
        aside = undefined;
        if (!renamedOver) await settle(() => fstatSync(descriptor));
        throw new NoteConflictError(path);
      }
      // Copied back instead: the editor's renamed file, or what was saved into the replaced one once it has settled.
      let saved: string;
      if (renamedOver) {
        try {
          saved = readFileSync(aside!, 'utf8');
        } catch {
          throw new NoteConflictError(path);
        }
      } else {
        await settle(() => fstatSync(descriptor));
        saved = readAll(descriptor, path).toString('utf8');
      }
      if (this.readSync(path)?.text === written) {
        const temporary = writeTemporary(target, saved, statSync(target, { throwIfNoEntry: false }));
        renameSync(temporary, target);
      }
      throw new NoteConflictError(path);
    } finally {
      if (aside !== undefined) rmSync(aside, { force: true });
    }
  }

  /**
   * Where a note is written: the note itself, or the file a symlinked note
   * points to when that file is inside the notes folder (or inside the
   * folder the link sits in). A link leading out of the folder is refused,
   * and so is a note in a folder that leads out (a symlinked folder).
   */
  private writeTarget(path: string): string {
    const absolute = this.resolve(path);
    const outside = this.outsideReason(dirname(absolute), 'its folder');
    if (outside) throw new UneditableNoteError(`${outside}; Rapport edits only notes inside it`, path);
    let info: Stats | undefined;
    try {
      info = lstatSync(absolute, { throwIfNoEntry: false });
    } catch {
      // A file where a folder should be, say: creating the folder reports it, naming it.
    }
    if (!info?.isSymbolicLink()) return absolute;
    let real: string;
    try {
      real = realpathSync.native(absolute);
    } catch (error) {
      const loops = (error as NodeJS.ErrnoException).code === 'ELOOP';
      throw new UneditableNoteError(loops ? 'it is a symbolic link that leads back to itself' : 'it is a symbolic link to a file that does not exist', path);
    }
    const folders = [this.root, dirname(absolute)].map(realPathOr);
    if (!folders.some((folder) => isInside(folder, real))) {
      throw new UneditableNoteError(`it is a symbolic link to ${real}, outside the notes folder; Rapport edits only notes inside it (replace the link with the file to edit it here)`, path);
    }
    return real;
  }

  /** Removes temp files that a write killed midway left, once they are a minute old (none is still being written). */
  private removeLeftovers(): void {
    if (this.leftovers.length === 0) return;
    const cutoff = Date.now() - LEFTOVER_AGE_MS;
    for (const file of this.leftovers.splice(0)) {
      try {
        const info = lstatSync(file, { throwIfNoEntry: false });
        if (info?.isFile() && info.mtimeMs < cutoff) unlinkSync(file);
      } catch {
        // Another process removed it, or it cannot be: it is ignored in listings either way.
      }
    }
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
          const outside = this.outsideReason(folder, 'its folder');
          if (outside) throw new UneditableNoteError(`${outside}; Rapport edits only notes inside it`, path);
          mkdirSync(folder, { recursive: true });
          accessSync(folder, constants.W_OK);
          folders.add(folder);
        }
        const temp = `${absolute}.${process.pid}.${randomWord().toString(16)}.tmp`;
        writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
        staged.push({ path, absolute, temp });
      }
      let next = 0;
      const flush = async () => {
        while (next < staged.length) {
          const descriptor = await openAsync(staged[next++]!.temp, 'r+');
          try {
            await fsyncAsync(descriptor);
          } finally {
            await closeAsync(descriptor);
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

  /**
   * Why `folder` (absolute, inside the notes folder as written) is outside it once
   * symbolic links are resolved, naming the first step of the path that leads out
   * and where it leads; undefined when it is inside. A folder not created yet is
   * where its nearest existing parent is.
   */
  private outsideReason(folder: string, what: string): string | undefined {
    if (folder === this.root) return undefined;
    const realRoot = realPathOfNearest(this.root);
    const leadsOut = (path: string) => {
      const real = realPathOfNearest(path);
      return real !== realRoot && !isInside(realRoot, real) ? real : undefined;
    };
    if (leadsOut(folder) === undefined) return undefined;
    const steps = relative(this.root, folder).split(sep);
    for (let count = 1; count <= steps.length; count++) {
      const real = leadsOut(join(this.root, ...steps.slice(0, count)));
      if (real !== undefined) return `${what} ${steps.slice(0, count).join('/')} is a symbolic link to ${real}, outside the notes folder`;
    }
    return `${what} leads outside the notes folder`;
  }

  /**
   * Why the note at `path` (folder-relative) is outside the notes folder once
   * symbolic links are resolved: its folder, or one on the way, is a link that
   * leads out (`its folder escapedir is a symbolic link to /elsewhere, outside
   * the notes folder`). Undefined when it is inside; a note that is itself a
   * link is left to reading and writing, which say where it leads.
   * @throws InvalidInputError for a path outside the folder as written.
   */
  folderOutside(path: string): string | undefined {
    return this.outsideReason(dirname(this.resolve(path)), 'its folder');
  }

  /** The absolute path of a folder-relative path; refuses anything outside the folder. */
  resolve(path: string): string {
    if (isAbsolute(path) || path.includes('\0')) throw new InvalidInputError(`${path} is not a path inside the notes folder`);
    const absolute = resolve(this.root, path);
    const inside = relative(this.root, absolute);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new InvalidInputError(`${path} is outside the notes folder`);
    return absolute;
  }

  /**
   * The note a symlinked note leads to, as `listNotes` lists it (folder-relative,
   * with `/`), when the link at `path` leads to a file inside the folder;
   * undefined for anything else (no link, a link out of the folder or nowhere).
   */
  linkedNote(path: string): string | undefined {
    let link: string;
    try {
      link = this.resolve(path);
      if (!lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) return undefined;
    } catch {
      return undefined;
    }
    return targetInside(link, realPathOr(this.root));
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
/** How long to wait for a lock that no other process takes or leaves meanwhile before reporting a conflict. */
const LOCK_WAIT_MS = 10_000;

/**
 * Takes the note's lock, waiting while another process holds it
 * (proper-lockfile's sync API has no retries of its own): 5 ms apart at
 * first, growing by half each time up to 100 ms, with jitter so that many
 * waiting processes do not retry in step. While the lock changes hands the
 * queue moves, so the 10 s count starts again; a lock held 10 s by one
 * process is reported as a conflict.
 */
/** Throws when `root` cannot be listed, naming it and why. */
function checkFolder(root: string, notFoundHint: string): void {
  let info: Stats;
  try {
    info = statSync(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (isMissing(error)) throw new InvalidInputError(`notes folder not found: ${root}${notFoundHint}`);
    throw new InvalidInputError(`notes folder cannot be read: ${root} (${code ?? String(error)})`);
  }
  if (!info.isDirectory()) throw new InvalidInputError(`${root} is a file, not a notes folder`);
  try {
    accessSync(root, constants.R_OK | constants.X_OK);
  } catch (error) {
    throw new InvalidInputError(`notes folder cannot be read: ${root} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

async function lockNote(absolute: string, path: string): Promise<() => void> {
  const { lockSync } = await loadLockfile();
  let started = Date.now();
  let holder: string | undefined;
  let wait = 5;
  for (;;) {
    try {
      return lockSync(absolute, { realpath: false, stale: STALE_LOCK_MS });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      // The lock is a folder: a new one (another inode or creation time; not its time, which its holder refreshes) means another process took it since.
      const info = statSync(`${absolute}.lock`, { throwIfNoEntry: false });
      const current = info && `${info.ino}/${info.birthtimeMs}`;
      if (current !== holder) [holder, started] = [current, Date.now()];
      else if (Date.now() - started >= LOCK_WAIT_MS) throw new NoteConflictError(path);
    }
    await sleep(wait / 2 + Math.random() * wait);
    wait = Math.min(wait * 1.5, 100);
  }
}

type Lockfile = typeof import('proper-lockfile');
let lockfile: Promise<Lockfile> | undefined;

/**
 * proper-lockfile (and graceful-fs, which it loads) on the first write: a command that
 * only reads starts without them (~25 ms). It is CommonJS: its exports are the default
 * export's, in Node and in a bundle alike.
 */
function loadLockfile(): Promise<Lockfile> {
  return (lockfile ??= import('proper-lockfile').then((loaded) => loaded.default));
}

/** Where a symlink leads inside the (real) folder `root`, as a folder-relative path with `/`; undefined when it leads out or nowhere. */
function targetInside(link: string, root: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(link);
  } catch {
    return undefined;
  }
  return isInside(root, real) ? relative(root, real).split(sep).join('/') : undefined;
}

/**
 * The path with every symlink resolved; for a path not there (yet), its nearest
 * existing parent resolved and the rest appended as written.
 */
function realPathOfNearest(path: string): string {
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    try {
      return join(realpathSync.native(at), ...missing.reverse());
    } catch {
      if (dirname(at) === at) return path;
      missing.push(basename(at));
    }
  }
}

/** The path with every symlink resolved, or the path itself when it cannot be. */
function realPathOr(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** Temp files of this store's writes (and write-file-atomic's, which it used before): the note's name and a number; or, from `createMany`, a process id, hex digits and `.tmp`. */
const LEFTOVER = /\.md\.(\d+|\d+\.[0-9a-f]+\.tmp)$/i;
/** A temp file this old is no write in progress. */
const LEFTOVER_AGE_MS = 60_000;
/** A note modified in place more recently than this may be half-saved by an editor: wait. */
const SETTLE_MS = 500;
/** How long to wait at most for a note that keeps being written in place. */
const SETTLE_LIMIT_MS = 5_000;

/**
 * Waits while a note is being saved in place: an editor that truncates the
 * file and writes it again leaves it half-written for a moment, and the
 * half must not be taken for the note. A file put in place by rename (as
 * Rapport and many editors save) was written before it appeared: it was
 * modified when it was created, and renamed (a change of status) after.
 * Only a file whose last change was a write, after its creation, is
 * waited for.
 */
async function settleInPlaceSave(target: string): Promise<void> {
  const info = statSync(target, { throwIfNoEntry: false });
  if (!info || info.ctimeMs !== info.mtimeMs || (info.birthtimeMs > 0 && info.mtimeMs <= info.birthtimeMs)) return;
  await settle(() => statSync(target));
}

/** The same file, unwritten since `before` was taken: same inode, size and modification time. */
function sameFile(now: Stats | undefined, before: Stats): boolean {
  return now !== undefined && now.ino === before.ino && now.size === before.size && now.mtimeMs === before.mtimeMs;
}

/** Waits until a file has not changed for `SETTLE_MS` (at most `SETTLE_LIMIT_MS`). */
async function settle(look: () => Stats): Promise<void> {
  const started = Date.now();
  for (;;) {
    const info = look();
    const age = Date.now() - Math.max(info.mtimeMs, info.ctimeMs);
    if (age >= SETTLE_MS || Date.now() - started >= SETTLE_LIMIT_MS) return;
    await sleep(Math.min(SETTLE_MS - age + 5, SETTLE_LIMIT_MS));
  }
}

/**
 * A random 32-bit number for a temp file's name. Names need only be unlikely to
 * meet (each is created exclusively), not unguessable: `Math.random` rather than
 * `node:crypto`, which no command should load at its start for this.
 */
function randomWord(): number {
  return Math.floor(Math.random() * 2 ** 32);
}

/** Writes `text` to a new temp file beside `target` and syncs it to disk; returns its path. */
function writeTemporary(target: string, text: string, existing: Stats | undefined): string {
  for (;;) {
    const temporary = `${target}.${randomWord()}`;
    let descriptor: number;
    try {
      descriptor = openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      if (existing) {
        fchmodSync(descriptor, existing.mode & 0o7777);
        try {
          fchownSync(descriptor, existing.uid, existing.gid);
        } catch {
          // Only the owner's own processes (or root) may give a file away: the writer's owner stays.
        }
      }
      writeSync(descriptor, text, null, 'utf8');
      // Dated a millisecond before its own write: the rename that puts it in place then always changes it
      // later than it was modified, as a file saved in place never is. With timestamps of a clock tick
      // (4 ms here), a write and its rename in one tick looked like an editor's save in progress, and the
      // next edit of the note waited half a second for it to settle.
      try {
        futimesSync(descriptor, new Date(), new Date(fstatSync(descriptor).mtimeMs - 1));
      } catch {
        // A file system that refuses to set times costs the next edit that wait, nothing more.
      }
      fsyncSync(descriptor);
    } catch (error) {
      closeSync(descriptor);
      rmSync(temporary, { force: true });
      throw error;
    }
    closeSync(descriptor);
    return temporary;
  }
}

/**
 * Gives the note a second name beside it (a hard link, named as a temp file
 * so that one left by a killed write is cleaned up), to put that very file
 * back if an editor writes into it after it is replaced. Undefined where the
 * file system has no hard links, or the note went meanwhile.
 */
function linkAside(target: string): string | undefined {
  for (;;) {
    const aside = `${target}.${randomWord()}`;
    try {
      linkSync(target, aside);
      return aside;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      return undefined;
    }
  }
}

/**
 * Renames the note's second name back over it. False if that cannot be done
 * (the name is gone: another process took it for a killed write's leftover,
 * as it has the note's own, maybe old, modification time), so that the saved
 * text is copied back instead.
 */
function putBack(aside: string, target: string): boolean {
  try {
    renameSync(aside, target);
    return true;
  } catch {
    return false;
  }
}

/** Puts a new note in place without ever replacing a file: a hard link fails when the name is taken. */
function createFrom(temporary: string, target: string, path: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new NoteConflictError(path);
    // File systems without hard links: check, then rename (a narrow window, as before links).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (existsSync(target)) throw new NoteConflictError(path);
    renameSync(temporary, target);
    return;
  }
  rmSync(temporary, { force: true });
}

function isInside(folder: string, file: string): boolean {
  const inside = relative(folder, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** Reads a whole open file from its start; refuses one that grows past `NOTE_SIZE_LIMIT` while read. */
function readAll(descriptor: number, path: string): Buffer {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const read = readSync(descriptor, chunk, 0, chunk.length, position);
    if (read === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, read));
    position += read;
    if (position > NOTE_SIZE_LIMIT) throw new UnreadableNoteError(tooLarge(position, true), path);
  }
}

/** A real note is a few KB; a file this large is something else, and reading it whole would take seconds and gigabytes. */
const NOTE_SIZE_LIMIT = 10 * 1024 * 1024;

function tooLarge(size: number, atLeast = false): string {
  return `it is ${atLeast ? 'over ' : ''}${Math.floor(size / (1024 * 1024))} MB: too large to be a note (Rapport reads notes of up to ${NOTE_SIZE_LIMIT / (1024 * 1024)} MB)`;
}

/** Opening never waits: a named pipe would block `open` until something writes into it. O_NOCTTY: a terminal device never becomes the process's. */
const OPEN_NOTE = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Opens a note to read it: only a regular file (or a folder, whose read then
 * fails with EISDIR, as before) of at most `NOTE_SIZE_LIMIT`. A named pipe,
 * a device or a socket is refused without reading a byte.
 */
function openNote(absolute: string, path: string): { descriptor: number; info: Stats } {
  const descriptor = openSync(absolute, OPEN_NOTE);
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile() && !info.isDirectory()) throw new UnreadableNoteError(`it is ${specialKind(info)}, not a file`, path);
    if (info.size > NOTE_SIZE_LIMIT) throw new UnreadableNoteError(tooLarge(info.size), path);
    return { descriptor, info };
  } catch (error) {
    closeSync(descriptor);
    throw error;
  }
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

/** Whether a note may be written over: its owner has not taken the write permission away (which root would not feel), and this process may write it. */
function isWritable(target: string, info: Stats): boolean {
  if ((info.mode & 0o200) === 0 && process.platform !== 'win32') return false;
  try {
    accessSync(target, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A note's text: invalid bytes decode to U+FFFD, so only a text with one has its bytes checked strictly, to refuse it and place the error. */
function decode(path: string, bytes: Buffer): string {
  refuseUtf16(path, bytes);
  const decoded = bytes.toString('utf8');
  return decoded.includes('\uFFFD') ? decodeUtf8(path, bytes) : decoded;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * One buffer for every read: notes are a few KB, and reading into it skips
 * the size query and the fresh buffer `readFileSync` makes per file (15% of
 * reading a folder). Reads are synchronous, so no two ever share it.
 */
const readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * A file's bytes: a view of `readBuffer`, valid until the next read, or a buffer
 * of its own for a file too large for it; and its identity, taken from the open
 * file before reading (a change made after that changes the identity too).
 */
function readFile(absolute: string, path: string): { bytes: Buffer; identity: FileIdentity } {
  const { descriptor, info } = openNote(absolute, path);
  try {
    const { size, mtimeMs, ino, ctimeMs } = info;
    const identity = { size, mtimeMs, ino, ctimeMs };
    let length = 0;
    for (;;) {
      const read = readSync(descriptor, readBuffer, length, readBuffer.length - length, null);
      if (read === 0) return { bytes: readBuffer.subarray(0, length), identity };
      length += read;
      // Larger than the buffer: a rare note, read whole from the same open file.
      if (length === readBuffer.length) return { bytes: readAll(descriptor, path), identity };
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
