import { InvalidInputError, NoteConflictError } from '../errors.js';
import { contentVersion, isNotePath, type NoteStore, type StoredText, type WriteOptions } from './store.js';

/**
 * A notes folder held in memory: for tests, previews and dry runs. Paths are
 * checked and read as `NodeStore` reads them, so that code tried on it meets
 * the same refusals on disk: `./a.md` and `contacts/../a.md` are `a.md`, and
 * an absolute path, one with a NUL or one that leads out of the folder
 * throws `InvalidInputError`.
 */
export class MemoryStore implements NoteStore {
  private readonly files = new Map<string, string>();

  constructor(files: Readonly<Record<string, string>> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(insideFolder(path), text);
  }

  async listNotes(): Promise<string[]> {
    return [...this.files.keys()].filter(isNotePath).sort();
  }

  async listFiles(folder: string): Promise<string[]> {
    const prefix = folder === '.' || folder === '' ? '' : insideFolder(folder);
    const start = prefix === '' ? '' : `${prefix}/`;
    return [...this.files.keys()].filter((path) => path.startsWith(start) && !path.slice(start.length).includes('/')).sort();
  }

  async read(path: string): Promise<StoredText | undefined> {
    const text = this.files.get(insideFolder(path));
    return text === undefined ? undefined : { text, version: contentVersion(text) };
  }

  async write(path: string, text: string, options: WriteOptions = {}): Promise<StoredText> {
    const file = insideFolder(path);
    if (options.expectedVersion !== undefined) {
      const current = this.files.get(file);
      const currentVersion = current === undefined ? null : contentVersion(current);
      if (currentVersion !== options.expectedVersion) throw new NoteConflictError(path);
    }
    this.files.set(file, text);
    return { text, version: contentVersion(text) };
  }

  /** Every file, for assertions. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.files);
  }
}

/**
 * `path` as a path inside the folder, `/`-separated, without `.`, `..` or
 * empty parts; throws `InvalidInputError` for one that is absolute, holds a
 * NUL, leads out of the folder or names the folder itself (`NodeStore.resolve`'s refusals).
 */
function insideFolder(path: string): string {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.includes('\0')) throw new InvalidInputError(`${path} is not a path inside the notes folder`);
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.pop() === undefined) throw new InvalidInputError(`${path} is outside the notes folder`);
  }
  if (parts.length === 0) throw new InvalidInputError(`${path} is outside the notes folder`);
  return parts.join('/');
}
