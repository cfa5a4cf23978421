import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import writeFileAtomic from 'write-file-atomic';
import { InvalidInputError, NoteConflictError } from '../errors.js';
import { contentVersion, type NoteStore, type StoredText, type WriteOptions } from '../workspace/store.js';

/** A notes folder on the local disk. Writes go to a temp file and are renamed into place. */
export class NodeStore implements NoteStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async listNotes(): Promise<string[]> {
    const files = await glob('**/*.md', {
      cwd: this.root,
      dot: false,
      ignore: ['**/node_modules/**'],
      followSymbolicLinks: false,
      onlyFiles: true,
      caseSensitiveMatch: false,
    });
    return files.sort();
  }

  async read(path: string): Promise<StoredText | undefined> {
    try {
      const text = await readFile(this.resolve(path), 'utf8');
      return { text, version: contentVersion(text) };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async write(path: string, text: string, options: WriteOptions = {}): Promise<StoredText> {
    const absolute = this.resolve(path);
    if (options.expectedVersion !== undefined) {
      const current = await this.read(path);
      if ((current?.version ?? null) !== options.expectedVersion) throw new NoteConflictError(path);
    }
    await mkdir(dirname(absolute), { recursive: true });
    const mode = await stat(absolute).then((info) => info.mode, () => undefined);
    await writeFileAtomic(absolute, text, { encoding: 'utf8', fsync: true, ...(mode === undefined ? {} : { mode }) });
    return { text, version: contentVersion(text) };
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

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
