import { isAscii } from 'node:buffer';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Contact } from '../model/contact.js';
import { readNote, type NoteReading } from '../note/read-contact.js';
import type { OutcomeKind } from '../outcomes/outcomes.js';
import { INDEX_CACHE_FORMAT, asSnapshot, outcomeLabelsOf, type CachedNote, type FileIdentity, type IndexCache, type IndexSnapshot } from '../workspace/index-cache.js';
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
      let labels: Readonly<Record<string, OutcomeKind>> | undefined;
      const notes: Record<string, CachedNote> = {};
      let count = 0;
      let ended = false;
      const tails = new TailStore((file) => this.readAgain(file, labels));
      forEachLine(this.path, (bytes, start, end, ascii) => {
        if (ended && end > start) throw new TypeError('a line after the last');
        if (header === undefined) {
          header = JSON.parse(decodeLine(bytes, start, end, ascii)) as Partial<IndexSnapshot>;
          if (header.format !== INDEX_CACHE_FORMAT || (header as { lines?: unknown }).lines !== LINE_LAYOUT) throw new TypeError('another format');
          labels = outcomeLabelsOf(header.outcomeLabels);
          // Contact orders found where names collate otherwise (another locale, another ICU) are left out.
          ordersValid = this.collation !== undefined && (header as { collation?: unknown }).collation === this.collation;
        } else if (bytes[start] === 0x7b) {
          // The last line counts the notes: a cache cut short (whose last tail could otherwise still be read) is refused.
          if ((JSON.parse(decodeLine(bytes, start, end, ascii)) as { notes?: unknown }).notes !== count) throw new TypeError('notes missing');
          ended = true;
        } else if (end > start) {
          count++;
          // A contact's frontmatter and outcomes follow a tab: kept as bytes, read when first asked for (see `encodeNote`).
          const tab = bytes.indexOf(0x09, start);
          const headEnd = tab < 0 || tab >= end ? end : tab;
          const head = JSON.parse(decodeLine(bytes, start, headEnd, ascii));
          const [file, note] = decodeNote(head, ordersValid, headEnd === end ? undefined : (contact) => tails.keep(contact, bytes, headEnd + 1, end, ascii));
          notes[file] = note;
        }
      });
      if (header === undefined || !ended) return undefined;
      // Offsets read from other time zone data (Node updated since) are left out.
      const { zoneData, collation: _collation, lines: _lines, ...saved } = header as Partial<IndexSnapshot> & { zoneData?: string; collation?: string; lines?: number };
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
        put(asciiJson(JSON.stringify({ format, lines: LINE_LAYOUT, takenAt, outcomeLabels, zoneOffsets, zoneData: zoneOffsets && process.versions.tz, collation })));
        let count = 0;
        for (const [file, note] of Object.entries(snapshot.notes)) {
          put(encodeNote(file, note, collation !== undefined));
          count++;
        }
        put(JSON.stringify({ notes: count }));
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

  /** A note read again, for what its cached tail should have held (see `TailStore`). */
  private readAgain(file: string, labels: Readonly<Record<string, OutcomeKind>> | undefined): Contact | undefined {
    try {
      const stored = this.store.readSync(file);
      return stored && readNote(file, stored.text, labels ? { outcomeLabels: labels } : {}).contact;
    } catch {
      return undefined;
    }
  }
}

/**
 * Calls `visit` with each line of a file, as the bytes from `start` to `end`
 * of a buffer (valid until it returns: the buffer is reused), read a chunk at
 * a time: the cache of 50,000 notes is 54 MB, and holding all of it while the
 * index is built from it pushed a warm load past its memory budget. `ascii`
 * tells that the whole chunk is ASCII, as a cache this code wrote is.
 */
function forEachLine(path: string, visit: (bytes: Buffer, start: number, end: number, ascii: boolean) => void): void {
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
      // One check for the chunk, not one per line (a view per line costs more than the check).
      const ascii = isAscii(buffer.subarray(0, end));
      let start = 0;
      for (let newline = buffer.indexOf(10, start); newline >= 0 && newline < end; newline = buffer.indexOf(10, start)) {
        visit(buffer, start, newline, ascii);
        start = newline + 1;
      }
      if (read === 0) {
        if (start < end) visit(buffer, start, end, ascii);
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

/**
 * The text of bytes `start` to `end`. A cache this code wrote is ASCII,
 * which is decoded without UTF-8 work; anything else is decoded properly,
 * then most likely refused.
 */
function decodeLine(bytes: Buffer, start: number, end: number, ascii: boolean): string {
  return bytes.toString(ascii || isAscii(bytes.subarray(start, end)) ? 'latin1' : 'utf8', start, end);
}

/**
 * How note lines are laid out (`lines` in the header): a cache laid out otherwise is not read.
 */
const LINE_LAYOUT = 2;

/**
 * One note's line: `[file, size, mtimeMs, ino | null, ctimeMs | null, version,
 * isContact, diagnostics, referredByRange | null, hasContact, place | null,
 * ...contact]`, where `contact` is the contact's keys and values in turn, and
 * then, for a contact, two tails, each after a tab: its frontmatter
 * `[order, rest]`, then its Outcomes items.
 *
 * The tail is what most commands never look at: a contact's frontmatter as
 * written and its Outcomes items are two fifths of the line, and a command
 * that lists or sorts contacts needs neither. It is read when first asked
 * for (see `decodeTail`): `order` is the frontmatter's keys in order, `rest`
 * the values that are not the contact's own value of the same name. Where
 * `contact` names `fields` and `outcomes`, it holds `~fields` and
 * `~outcomes`, which keeps the contact's key order. JSON text has no raw
 * tab, so the first one ends the head.
 */
type NoteLine = [string, number, number, number | null, number | null, string, 0 | 1, NoteReading['diagnostics'], NoteReading['referredByRange'] | null, 0 | 1, [position: number, nameGroup: number] | null, ...unknown[]];

/** Where the contact's keys and values start in a note line. */
const CONTACT_START = 11;

/** Contact keys whose values are kept in the tails. */
type TailKey = 'fields' | 'outcomes';
const TAIL_KEYS: ReadonlySet<string> = new Set<TailKey>(['fields', 'outcomes']);

function encodeNote(file: string, note: CachedNote, withOrder: boolean): string {
  const { identity, version, reading, order } = note;
  const place: NoteLine[10] = withOrder && order ? [order.position, order.nameGroup] : null;
  const contact = reading.contact;
  const line: NoteLine = [file, identity.size, identity.mtimeMs, identity.ino ?? null, identity.ctimeMs ?? null, version, reading.isContact ? 1 : 0, reading.diagnostics, reading.referredByRange ?? null, contact ? 1 : 0, place];
  if (!contact) return asciiJson(JSON.stringify(line));
  const values = contact as unknown as Record<string, unknown>;
  // By key, so that the tail's accessors are not read here.
  for (const key of Object.keys(values)) {
    if (TAIL_KEYS.has(key)) line.push(`~${key}`);
    else if (values[key] !== undefined) line.push(key, values[key]);
  }
  // A contact restored from the cache: a tail no one read is still what this would write, and is copied as it was.
  const restored = (values as { [TAIL]?: RestoredTail })[TAIL];
  const fields = restored?.unread('fields') ?? JSON.stringify(fieldsTail(contact));
  const outcomes = restored?.unread('outcomes') ?? JSON.stringify(contact.outcomes);
  return asciiJson(`${JSON.stringify(line)}\t${fields}\t${outcomes}`);
}

/** A contact's frontmatter as its line's first tail keeps it: `[order, rest]` (see `decodeFields`). */
function fieldsTail(contact: Contact): [string[], Record<string, unknown>] {
  const values = contact as unknown as Record<string, unknown>;
  const keys: string[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(contact.fields)) {
    keys.push(key);
    if (!TAIL_KEYS.has(key) && Object.hasOwn(values, key) && sameJson(values[key], value)) continue;
    // A frontmatter key `__proto__` must stay a plain property: defined, not assigned.
    if (key === '__proto__') defineValue(rest, key, value);
    else rest[key] = value;
  }
  return [keys, rest];
}

function decodeNote(data: unknown, withOrder: boolean, keepTail: ((contact: Contact) => RestoredTail) | undefined): [string, CachedNote] {
  if (!Array.isArray(data) || data.length < CONTACT_START) throw new TypeError('not a note line');
  const [file, size, mtimeMs, ino, ctimeMs, version, isContact, diagnostics, referredByRange, hasContact, place] = data as NoteLine;
  if (typeof file !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof version !== 'string' || !Array.isArray(diagnostics)) throw new TypeError('not a note line');
  let contact: Record<string, unknown> | undefined;
  if (hasContact === 1) {
    if (keepTail === undefined) throw new TypeError('not a note line');
    contact = {};
    Object.defineProperty(contact, TAIL, { value: keepTail(contact as unknown as Contact), enumerable: false });
    let deferred = 0;
    for (let at = CONTACT_START; at < data.length; at++) {
      const key = data[at] as unknown;
      // `__proto__` would set the object's prototype instead of a field: never written by `encodeNote`, refused here.
      if (typeof key !== 'string' || key === '__proto__') throw new TypeError('not a note line');
      if (key === '~fields' || key === '~outcomes') {
        // Added in the contact's order, as the accessors that read the tail.
        Object.defineProperty(contact, key.slice(1), TAIL_ACCESSORS[key]);
        deferred++;
      } else contact[key] = data[++at];
    }
    if (deferred !== 2) throw new TypeError('not a note line');
  }
  const reading: NoteReading = { isContact: isContact === 1, contact: contact as Contact | undefined, diagnostics, referredByRange: referredByRange ?? undefined };
  const order = withOrder && contact && Array.isArray(place) && Number.isSafeInteger(place[0]) && Number.isSafeInteger(place[1]) ? { order: { position: place[0], nameGroup: place[1] } } : {};
  // Written out rather than spread: every identity of a cache has the same shape, as each is checked on every load.
  const identity: FileIdentity =
    typeof ino === 'number' ? (typeof ctimeMs === 'number' ? { size, mtimeMs, ino, ctimeMs } : { size, mtimeMs, ino }) : typeof ctimeMs === 'number' ? { size, mtimeMs, ctimeMs } : { size, mtimeMs };
  return [file, { identity, version, reading, ...order }];
}

/** The property of a restored contact that holds its `RestoredTail`: not enumerable, so never copied. */
const TAIL = Symbol('tail');

/**
 * The two tails of a restored contact, each read on first use: its
 * frontmatter (what `check`, `export` and letters read) and its Outcomes
 * items (what the agenda and the referral graph read). Until then they are
 * bytes in a block outside the JavaScript heap, which the garbage collector
 * never copies. Should a tail not be what `encodeNote` wrote (a damaged
 * cache), the note is read again for both: it is as it was when the cache
 * was loaded, since its identity matched.
 */
class RestoredTail {
  private readonly read: { [Key in TailKey]?: Contact[Key] } = {};

  constructor(
    private readonly contact: Contact,
    private readonly bytes: Buffer,
    /** Where the frontmatter's tail starts, where the outcomes' starts (after the tab), and where it ends. */
    private readonly start: number,
    private readonly middle: number,
    private readonly end: number,
    /** Whether the chunk the tails came from was all ASCII (checked once when it was read). */
    private readonly ascii: boolean,
    private readonly readAgain: (file: string) => Contact | undefined,
  ) {}

  /** The contact's `fields` or `outcomes`, its tail read on the first call. */
  value<Key extends TailKey>(key: Key): Contact[Key] {
    if (this.read[key] === undefined) {
      try {
        this.read[key] = this.decode(key);
      } catch {
        const again = this.readAgain(this.contact.file);
        this.read.fields ??= again?.fields ?? {};
        this.read.outcomes ??= again?.outcomes ?? [];
      }
    }
    return this.read[key] as Contact[Key];
  }

  replace<Key extends TailKey>(key: Key, value: Contact[Key]): void {
    this.read[key] = value;
  }

  /** The tail of `key` as the cache has it, when no one has read it. */
  unread(key: TailKey): string | undefined {
    return this.read[key] === undefined ? this.text(key) : undefined;
  }

  private text(key: TailKey): string {
    return key === 'fields' ? decodeLine(this.bytes, this.start, this.middle - 1, this.ascii) : decodeLine(this.bytes, this.middle, this.end, this.ascii);
  }

  private decode<Key extends TailKey>(key: Key): Contact[Key] {
    const data: unknown = JSON.parse(this.text(key));
    if (key === 'fields') return decodeFields(this.contact, data) as Contact[Key];
    if (!Array.isArray(data)) throw new TypeError('not outcomes');
    return data as unknown as Contact[Key];
  }
}

/** The bytes of a loaded cache's tails, copied out of the reused read buffer into blocks of their own. */
class TailStore {
  private block = Buffer.alloc(0);
  private used = 0;

  constructor(private readonly readAgain: (file: string) => Contact | undefined) {}

  /**
   * Keeps bytes `start` to `end` of `source` (the two tails, a tab between
   * them) for `contact`. Throws when there is no tab between them.
   */
  keep(contact: Contact, source: Buffer, start: number, end: number, ascii: boolean): RestoredTail {
    const tab = source.indexOf(0x09, start);
    if (tab < 0 || tab >= end) throw new TypeError('not a note line');
    if (this.used + end - start > this.block.length) {
      this.block = Buffer.allocUnsafeSlow(Math.max(CHUNK, end - start));
      this.used = 0;
    }
    const at = this.used;
    // A plain view and `set`: `Buffer.copy` checks its arguments in JavaScript first, which cost more than the copy of a line's tail.
    this.block.set(new Uint8Array(source.buffer, source.byteOffset + start, end - start), at);
    this.used += end - start;
    return new RestoredTail(contact, this.block, at, at + tab + 1 - start, this.used, ascii, this.readAgain);
  }
}

function defineValue(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The accessors of a restored contact's `fields` and `outcomes`, shared by every restored contact: its tails are read when asked for. */
const TAIL_ACCESSORS: Readonly<Record<'~fields' | '~outcomes', PropertyDescriptor>> = {
  '~fields': tailAccessor('fields'),
  '~outcomes': tailAccessor('outcomes'),
};

function tailAccessor(key: TailKey): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: { [TAIL]: RestoredTail }) {
      return this[TAIL].value(key);
    },
    set(this: { [TAIL]: RestoredTail }, value: Contact[TailKey]) {
      this[TAIL].replace(key, value);
    },
  };
}

/**
 * A contact's frontmatter from its first tail `[order, rest]`: the keys in
 * order, each valued from `rest` when it has the key, else from the
 * contact's value of that name. Throws on anything `encodeNote` does not write.
 */
function decodeFields(contact: Contact, tail: unknown): Contact['fields'] {
  if (!Array.isArray(tail) || tail.length !== 2) throw new TypeError('not a tail');
  const [order, rest] = tail as unknown[];
  if (!Array.isArray(order) || rest === null || typeof rest !== 'object' || Array.isArray(rest)) throw new TypeError('not a tail');
  const values = contact as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of order as unknown[]) {
    if (typeof key !== 'string') throw new TypeError('not a tail');
    let value: unknown;
    if (Object.hasOwn(rest, key)) value = (rest as Record<string, unknown>)[key];
    else if (!TAIL_KEYS.has(key) && Object.hasOwn(values, key)) value = values[key];
    else throw new TypeError('not a tail');
    // A frontmatter key `__proto__` must stay a plain property: defined, not assigned.
    if (key === '__proto__') defineValue(fields, key, value);
    else fields[key] = value;
  }
  return fields as Contact['fields'];
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
