import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { INDEX_CACHE_FORMAT, asSnapshot, type CachedNote, type FileIdentity, type IndexCache, type IndexSnapshot } from '../workspace/index-cache.js';
import type { NodeStore } from './node-store.js';

/** Where the cache lives, relative to the notes folder. */
export const INDEX_CACHE_PATH = '.rapport/cache/index.jsonl';

/** Bytes read or written at a time: the cache of a large folder is tens of MB, never held as one string. */
const CHUNK = 1 << 20;

/**
 * The index cache of a notes folder on the local disk: one JSON line per
 * note in `.rapport/cache/index.jsonl` (a header line first), written to a
 * temp file and renamed, and read back line by line. It is only written in
 * a folder that already has `.rapport/` — pointing `rapport` at any folder
 * must not leave files behind — and the cache folder ignores itself in git.
 * Errors never fail a load: an unreadable cache is no cache.
 */
export class NodeIndexCache implements IndexCache {
  readonly path: string;

  constructor(
    private readonly store: NodeStore,
    path = INDEX_CACHE_PATH,
  ) {
    this.path = join(store.root, path);
  }

  async identify(files: readonly string[]): Promise<(FileIdentity | undefined)[]> {
    return files.map((file) => {
      try {
        const info = statSync(this.store.resolve(file));
        return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino } : undefined;
      } catch {
        return undefined;
      }
    });
  }

  async load(): Promise<IndexSnapshot | undefined> {
    let descriptor: number;
    try {
      descriptor = openSync(this.path, 'r');
    } catch {
      return undefined;
    }
    try {
      let header: Partial<IndexSnapshot> | undefined;
      const notes: Record<string, CachedNote> = {};
      forEachLine(descriptor, (line) => {
        if (!header) {
          header = JSON.parse(line) as Partial<IndexSnapshot>;
          if (header.format !== INDEX_CACHE_FORMAT) throw new Error('other format');
          return;
        }
        const [file, size, mtimeMs, ino, version, reading] = JSON.parse(line) as [string, number, number, number | null, string, CachedNote['reading']];
        notes[file] = { identity: { size, mtimeMs, ...(ino === null ? {} : { ino }) }, version, reading };
      });
      return asSnapshot({ ...header, notes });
    } catch {
      return undefined;
    } finally {
      closeSync(descriptor);
    }
  }

  async save(snapshot: IndexSnapshot): Promise<void> {
    const folder = dirname(this.path);
    if (!existsSync(join(this.store.root, '.rapport'))) return;
    try {
      mkdirSync(folder, { recursive: true });
      const ignore = join(folder, '.gitignore');
      if (!existsSync(ignore)) writeFileSync(ignore, '# Rapport index cache: rebuilt from the notes, never commit it\n*\n');
      const temporary = `${this.path}.${process.pid}.tmp`;
      const descriptor = openSync(temporary, 'w');
      try {
        let chunk = JSON.stringify({ format: snapshot.format, takenAt: snapshot.takenAt }) + '\n';
        for (const [file, note] of Object.entries(snapshot.notes)) {
          chunk += JSON.stringify([file, note.identity.size, note.identity.mtimeMs, note.identity.ino ?? null, note.version, note.reading]) + '\n';
          if (chunk.length >= CHUNK) {
            writeSync(descriptor, chunk);
            chunk = '';
          }
        }
        writeSync(descriptor, chunk);
      } finally {
        closeSync(descriptor);
      }
      // No fsync: a cache lost in a crash is rebuilt from the notes.
      renameSync(temporary, this.path);
    } catch {
      // A read-only folder or a full disk costs the next load its speed, nothing else.
    }
  }
}

/** Calls `onLine` for each line of a file, reading it a chunk at a time. */
function forEachLine(descriptor: number, onLine: (line: string) => void): void {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for (;;) {
    const count = readSync(descriptor, buffer, 0, CHUNK, null);
    const text = rest + (count > 0 ? decoder.write(buffer.subarray(0, count)) : decoder.end());
    const lines = text.split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (line !== '') onLine(line);
    if (count === 0) break;
  }
  if (rest !== '') onLine(rest);
}
