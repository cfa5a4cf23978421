import { NoteConflictError } from '../errors.js';
import { contentVersion, isNotePath, type NoteStore, type StoredText, type WriteOptions } from './store.js';

/** A notes folder held in memory: for tests, previews and dry runs. */
export class MemoryStore implements NoteStore {
  private readonly files = new Map<string, string>();

  constructor(files: Readonly<Record<string, string>> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  async listNotes(): Promise<string[]> {
    return [...this.files.keys()].filter(isNotePath).sort();
  }

  async listFiles(folder: string): Promise<string[]> {
    const prefix = folder === '.' ? '' : folder.replace(/^\.\//, '').replace(/\/+$/, '');
    const start = prefix === '' ? '' : `${prefix}/`;
    return [...this.files.keys()].filter((path) => path.startsWith(start) && !path.slice(start.length).includes('/')).sort();
  }

  async read(path: string): Promise<StoredText | undefined> {
    const text = this.files.get(path);
    return text === undefined ? undefined : { text, version: contentVersion(text) };
  }

  async write(path: string, text: string, options: WriteOptions = {}): Promise<StoredText> {
    if (options.expectedVersion !== undefined) {
      const current = this.files.get(path);
      const currentVersion = current === undefined ? null : contentVersion(current);
      if (currentVersion !== options.expectedVersion) throw new NoteConflictError(path);
    }
    this.files.set(path, text);
    return { text, version: contentVersion(text) };
  }

  /** Every file, for assertions. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.files);
  }
}
