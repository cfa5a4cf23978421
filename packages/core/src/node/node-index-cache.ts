import { isAscii } from 'node:buffer';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Contact } from '../model/contact.js';
import type { NoteReading } from '../note/read-contact.js';
import { INDEX_CACHE_FORMAT, asSnapshot, type CachedNote, type FileIdentity, type IndexCache, type IndexSnapshot } from '../workspace/index-cache.js';
import type { NodeStore } from './node-store.js';

/** Options of `NodeIndexCache`. */
export interface NodeIndexCacheOptions {
  /**
   * Keep each contact's place among the sorted contacts (`ContactOrder`), so that a
   * load of an unchanged folder sorts without setting up `Intl.Collator`. By default
   * on, except on Windows and in Electron, where the locale names collate in does not
   * come from the environment, and a cache could not tell that it changed.
   */
  readonly keepContactOrder?: boolean;
}

/** Where the cache lives, relative to the notes folder. */
export const INDEX_CACHE_PATH = '.rapport/cache/index.jsonl';

/** Bytes written at a time: the cache of a large folder is megabytes, never built as one string. */
const CHUNK = 1 << 20;

/**
 * The index cache of a notes folder on the local disk: one JSON line per
 * note in `.rapport/cache/index.jsonl` (a header line first), written to a
 * temp file and renamed. It is only written in a folder that already has
 * `.rapport/` — pointing `rapport` at any folder must not leave files
 * behind — and the cache folder ignores itself in git. Errors never fail a
 * load: an unreadable cache is no cache.
 *
 * Loading it is most of a warm start, so the lines are kept small and
 * cheap to parse: pure ASCII (other characters escaped as `\uXXXX`), which
 * Node reads without decoding UTF-8 and V8 stores one byte per character;
 * one `JSON.parse` per line, which measured ~2× faster than one over the
 * whole file (a single huge result strains the garbage collector); and a
 * contact's fields that repeat its frontmatter value for value are written
 * once (see `encodeReading`).
 */
export class NodeIndexCache implements IndexCache {
  readonly path: string;
  /**
   * Whether each contact's place in the sorted contacts is kept (see `ContactOrder`): by
   * default where ICU takes the collation locale from the environment, so that it can be
   * checked: not on Windows (the system's settings) nor in Electron (the app's language).
   */
  readonly keepsContactOrder: boolean;
  /** What names' collation depends on here, when contact orders are kept: saved with them, and compared on load. */
  private readonly collation: string | undefined;

  constructor(
    private readonly store: NodeStore,
    path = INDEX_CACHE_PATH,
    options: NodeIndexCacheOptions = {},
  ) {
    this.path = join(store.root, path);
    this.keepsContactOrder = options.keepContactOrder ?? (process.platform !== 'win32' && process.versions.electron === undefined);
    this.collation = this.keepsContactOrder ? collationEnvironment() : undefined;
  }

  async identify(files: readonly string[]): Promise<(FileIdentity | undefined)[]> {
    // The files come from `listNotes`, so they are inside the folder: a plain join, without `resolve`'s checks.
    const prefix = this.store.root.endsWith(sep) ? this.store.root : this.store.root + sep;
    return files.map((file) => {
      try {
        const info = statSync(prefix + file, { throwIfNoEntry: false });
        return info?.isFile() ? { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, ctimeMs: info.ctimeMs } : undefined;
      } catch {
        return undefined;
      }
    });
  }

  async load(): Promise<IndexSnapshot | undefined> {
    try {
      let header: Partial<IndexSnapshot> | undefined;
      let ordersValid = false;
      const notes: Record<string, CachedNote> = {};
      forEachLine(this.path, (line) => {
        if (header === undefined) {
          header = JSON.parse(line) as Partial<IndexSnapshot>;
          if (header.format !== INDEX_CACHE_FORMAT) throw new TypeError('another format');
          // Contact orders found where names collate otherwise (another locale, another ICU) are left out.
          ordersValid = this.collation !== undefined && (header as { collation?: unknown }).collation === this.collation;
        } else if (line !== '') {
          const [file, note] = decodeNote(JSON.parse(line), ordersValid);
          notes[file] = note;
        }
      });
      if (header === undefined) return undefined;
      // Offsets read from other time zone data (Node updated since) are left out.
      const { zoneData, collation: _collation, ...saved } = header as Partial<IndexSnapshot> & { zoneData?: string; collation?: string };
      return asSnapshot(zoneData === process.versions.tz ? { ...saved, notes } : { ...saved, zoneOffsets: undefined, notes });
    } catch {
      return undefined;
    }
  }

  async save(snapshot: IndexSnapshot): Promise<void> {
    const folder = dirname(this.path);
    if (!existsSync(join(this.store.root, '.rapport'))) return;
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(folder, { recursive: true });
      const ignore = join(folder, '.gitignore');
      if (!existsSync(ignore)) writeFileSync(ignore, '# Rapport index cache: rebuilt from the notes, never commit it\n*\n');
      const descriptor = openSync(temporary, 'w');
      try {
        // Each (ASCII) line is copied into one buffer: writing strings built up by `+=` measured 6× slower.
        const buffer = Buffer.allocUnsafe(CHUNK);
        let used = 0;
        const put = (line: string) => {
          if (used + line.length + 1 > CHUNK) {
            writeSync(descriptor, buffer, 0, used);
            used = 0;
          }
          if (line.length + 1 > CHUNK) writeSync(descriptor, `${line}\n`, null, 'latin1');
          else {
            used += buffer.write(line, used, 'latin1');
            buffer[used++] = 0x0a;
          }
        };
        const { format, takenAt, outcomeLabels, zoneOffsets } = snapshot;
        // The environment the orders are valid in, when there are orders.
        const collation = this.collation !== undefined && Object.values(snapshot.notes).some((note) => note.order) ? this.collation : undefined;
        // (undefined fields are left out)
        put(asciiJson(JSON.stringify({ format, takenAt, outcomeLabels, zoneOffsets, zoneData: zoneOffsets && process.versions.tz, collation })));
        for (const [file, note] of Object.entries(snapshot.notes)) put(encodeNote(file, note, collation !== undefined));
        writeSync(descriptor, buffer, 0, used);
      } finally {
        closeSync(descriptor);
      }
      // No fsync: a cache lost in a crash is rebuilt from the notes.
      renameSync(temporary, this.path);
    } catch {
      // A read-only folder or a full disk costs the next load its speed, nothing else; no half-written file stays behind.
      try {
        unlinkSync(temporary);
      } catch {
        // Never created.
      }
    }
  }
}

/**
 * Calls `visit` with each line of a file, read a chunk at a time: the cache
 * of 50,000 notes is 54 MB, and holding all of it while the index is built
 * from it pushed a warm load past its memory budget. A cache this code wrote
 * is ASCII, which is decoded without UTF-8 work; any other line is decoded
 * properly, then most likely refused.
 */
function forEachLine(path: string, visit: (line: string) => void): void {
  const descriptor = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    let carried = 0;
    for (;;) {
      if (carried === buffer.length) {
        // A line longer than the buffer: make room for the rest of it.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, carried);
        buffer = larger;
      }
      const read = readSync(descriptor, buffer, carried, buffer.length - carried, null);
      const end = carried + read;
      let start = 0;
      for (let newline = buffer.indexOf(10, start); newline >= 0 && newline < end; newline = buffer.indexOf(10, start)) {
        visit(decodeLine(buffer.subarray(start, newline)));
        start = newline + 1;
      }
      if (read === 0) {
        if (start < end) visit(decodeLine(buffer.subarray(start, end)));
        return;
      }
      // The unfinished last line moves to the front, and the next read continues it.
      buffer.copy(buffer, 0, start, end);
      carried = end - start;
    }
  } finally {
    closeSync(descriptor);
  }
}

function decodeLine(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * One note's line: `[file, size, mtimeMs, ino | null, ctimeMs | null, version,
 * isContact, diagnostics, referredByRange | null, fields | null, ...contact]`, where
 * `contact` is the contact's keys and values in turn, except that a key
 * whose value is the same as the frontmatter field of that name is written
 * alone, as `=key`. Contact keys are identifiers, so `=` cannot start one.
 */
type NoteLine = [string, number, number, number | null, number | null, string, 0 | 1, NoteReading['diagnostics'], NoteReading['referredByRange'] | null, Contact['fields'] | null, [position: number, nameGroup: number] | null, ...unknown[]];

/** Where the contact's keys and values start in a note line. */
const CONTACT_START = 11;

function encodeNote(file: string, note: CachedNote, withOrder: boolean): string {
  const { identity, version, reading, order } = note;
  const place: NoteLine[10] = withOrder && order ? [order.position, order.nameGroup] : null;
  const line: NoteLine = [file, identity.size, identity.mtimeMs, identity.ino ?? null, identity.ctimeMs ?? null, version, reading.isContact ? 1 : 0, reading.diagnostics, reading.referredByRange ?? null, reading.contact?.fields ?? null, place];
  if (reading.contact) {
    const fields = reading.contact.fields as Record<string, unknown>;
    for (const [key, value] of Object.entries(reading.contact)) {
      if (key === 'fields') line.push('=fields');
      else if (value === undefined) continue;
      else if (Object.hasOwn(fields, key) && sameJson(fields[key], value)) line.push(`=${key}`);
      else line.push(key, value);
    }
  }
  return asciiJson(JSON.stringify(line));
}

function decodeNote(data: unknown, withOrder: boolean): [string, CachedNote] {
  if (!Array.isArray(data) || data.length < CONTACT_START) throw new TypeError('not a note line');
  const [file, size, mtimeMs, ino, ctimeMs, version, isContact, diagnostics, referredByRange, fields, place] = data as NoteLine;
  if (typeof file !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof version !== 'string' || !Array.isArray(diagnostics)) throw new TypeError('not a note line');
  let contact: Record<string, unknown> | undefined;
  if (fields !== null) {
    if (typeof fields !== 'object') throw new TypeError('not a note line');
    contact = {};
    for (let at = CONTACT_START; at < data.length; at++) {
      const key = data[at] as unknown;
      // `__proto__` would set the object's prototype instead of a field: never written by `encodeNote`, refused here.
      if (typeof key !== 'string' || key.endsWith('__proto__')) throw new TypeError('not a note line');
      if (key === '=fields') contact.fields = fields;
      else if (key.startsWith('=')) contact[key.slice(1)] = (fields as Record<string, unknown>)[key.slice(1)];
      else contact[key] = data[++at];
    }
  }
  const reading: NoteReading = { isContact: isContact === 1, contact: contact as Contact | undefined, diagnostics, referredByRange: referredByRange ?? undefined };
  const order = withOrder && contact && Array.isArray(place) && Number.isSafeInteger(place[0]) && Number.isSafeInteger(place[1]) ? { order: { position: place[0], nameGroup: place[1] } } : {};
  return [file, { identity: { size, mtimeMs, ...(typeof ino === 'number' ? { ino } : {}), ...(typeof ctimeMs === 'number' ? { ctimeMs } : {}) }, version, reading, ...order }];
}

/**
 * What decides how names collate in this process: ICU's version and data, and the
 * locale ICU takes from the environment, as POSIX systems give it (LC_ALL, then
 * LC_MESSAGES, then LANG; LC_COLLATE too, in case).
 */
function collationEnvironment(): string {
  const { env, versions, execArgv } = process;
  return JSON.stringify([versions.icu, versions.unicode, versions.cldr, env.LC_ALL, env.LC_COLLATE, env.LC_MESSAGES, env.LANG, env.NODE_ICU_DATA, execArgv.filter((arg) => arg.startsWith('--icu-data-dir'))]);
}

/** True when two values are written as the same JSON (strings and numbers compared directly, the common case). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** JSON text with every non-ASCII character escaped: the same value, one byte per character. */
function asciiJson(json: string): string {
  // Most lines are ASCII already; a native byte count tells, far faster than a regular expression.
  if (Buffer.byteLength(json, 'utf8') === json.length) return json;
  return json.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
