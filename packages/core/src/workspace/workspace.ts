import type { Diagnostic } from '../diagnostics.js';
import { InvalidEncodingError, InvalidInputError, NoteConflictError, NoteNotFoundError, RapportError, RecordingRefusedError, UneditableNoteError, UnreadableNoteError } from '../errors.js';
import { nearest } from '../model/did-you-mean.js';
import { typeName } from '../model/type-name.js';
import { fieldLine } from '../note/field-line.js';
import { noteId } from '../note/wikilinks.js';
import type { Contact } from '../model/contact.js';
import { rememberZoneOffsets, zoneOffsets } from '../lifecycle/dates.js';
import type { ZoneOffsetTable } from '../lifecycle/zone-offsets.js';
import { findConflicts } from '../merge/conflict-markers.js';
import { CONFIG_PATH, loadConfig, type RapportConfig } from './config.js';
import { INDEX_CACHE_FORMAT, isReusable, outcomeLabelsKey, type CachedNote, type ContactOrder, type FileIdentity, type IndexCache } from './index-cache.js';
import { NoteIndex, sharedIdProblem } from './note-index.js';
import { NOT_VALID_YAML } from '../note/edit.js';
import { readNote } from '../note/read-contact.js';
import type { NoteStore, StoredText } from './store.js';

/** A notes folder read into memory: its settings and every note. */
export interface Workspace {
  readonly store: NoteStore;
  readonly config: RapportConfig;
  readonly index: NoteIndex;
  /** Problems in `.rapport/config.yaml` and files that could not be read. */
  readonly configDiagnostics: readonly Diagnostic[];
}

/** Options of `loadWorkspace`. */
export interface LoadOptions {
  /** Called after each note is read (or taken from the cache), for progress display. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How many files are read at once. Default 64. */
  readonly concurrency?: number;
  /**
   * A persisted index: notes whose file identity (size, time, inode) is
   * unchanged are taken from it instead of being read, and it is saved
   * again when anything changed. Default: none — every note is read.
   */
  readonly cache?: IndexCache;
  /**
   * An index to bring up to date instead of a new one — e.g. the one
   * `restoreIndex` built from the cache to paint views at once. Notes no
   * longer in the folder are removed from it. An index that reads with
   * other outcome labels than the folder's config is left as it is, and a
   * new one is read. Default: a new index.
   */
  readonly index?: NoteIndex;
}

/** How long a load runs before it lets the event loop breathe (timers, I/O, a UI). */
const SLICE_MS = 32;

/**
 * Reads the config and every note of a folder through its store.
 *
 * @example
 * ```ts
 * import { loadWorkspace, MemoryStore } from '@rapport/core';
 *
 * const workspace = await loadWorkspace(new MemoryStore({
 *   'maya-chen.md': '---\ntype: contact\nname: Maya Chen\nstage: identified\n---\n',
 *   'ideas.md': '# Not a contact\n',
 * }));
 * console.log(workspace.index.contacts().map((contact) => `${contact.id} ${contact.stage}`)); // → [ 'maya-chen identified' ]
 * ```
 */
export async function loadWorkspace(store: NoteStore, options: LoadOptions = {}): Promise<Workspace> {
  // Checked for callers without types (plain JavaScript), which would otherwise get a TypeError from deep inside.
  if (store === null || typeof store !== 'object' || typeof store.listNotes !== 'function' || typeof store.read !== 'function') {
    throw new InvalidInputError(`loadWorkspace(store, options?) needs a note store, such as new NodeStore('notes') or new MemoryStore({ … }) (got ${typeName(store)}${store !== null && typeof store === 'object' ? ' without listNotes and read' : ''})`);
  }
  if (options === null || typeof options !== 'object') throw new InvalidInputError(`loadWorkspace(store, options?) needs its options as an object, such as { concurrency: 16 } (got ${typeName(options)})`);
  const takenAt = Date.now();
  const cache = options.cache;
  const snapshotLoad = cache ? cache.load().catch(() => undefined) : Promise.resolve(undefined);
  // The config is read once the snapshot is in: its zone table then answers whether the config's zone is known without `Intl`.
  const configLoad = snapshotLoad.then((saved) => {
    if (saved?.zoneOffsets) rememberZoneOffsets(saved.zoneOffsets);
    return loadConfig(store);
  });
  const [{ config, diagnostics }, files, snapshot] = await Promise.all([configLoad, store.listNotes(), snapshotLoad]);
  // Without a way to read a text back on demand, the index keeps every text (the VS Code store); with one, none.
  const readSync = store.readSync?.bind(store);
  const outcomeLabels = config.outcomeLabels ? { outcomeLabels: config.outcomeLabels } : {};
  // Readings made with other outcome labels (a cache's, a given index's) are not this folder's readings.
  const labels = outcomeLabelsKey(config.outcomeLabels);
  const given = options.index && outcomeLabelsKey(options.index.outcomeLabels) === labels ? options.index : undefined;
  const index = given ?? new NoteIndex(readSync ? { readText: (file) => readTextQuietly(readSync, file), ...outcomeLabels } : outcomeLabels);
  const listed = new Set(files);
  for (const file of [...index.files(), ...index.brokenNotes().map((note) => note.file)]) if (!listed.has(file)) index.delete(file);

  const unreadable: Diagnostic[] = [];
  const cached: Record<string, CachedNote> = {};
  const toRead: number[] = [];
  let done = 0;
  const reusable = snapshot?.outcomeLabels === labels ? snapshot : undefined;
  // Identities tell which cached readings still hold. With none to reuse, each read gives its file's where the store can
  // (taken from the open file), and only the files read without one are examined, after: `takenAt` comes before every
  // read, so a change made in between is inside the racy window and read again next time.
  const identities: readonly (FileIdentity | undefined)[] = cache && reusable ? await cache.identify(files).catch(() => []) : [];
  const unidentified: number[] = [];
  const keptOrders: [string, ContactOrder][] = [];
  files.forEach((file, position) => {
    const saved = reusable?.notes[file];
    if (reusable && isReusable(saved, identities[position], reusable)) {
      if (index.version(file) !== saved.version) index.setReading(file, saved.reading, { version: saved.version });
      cached[file] = saved;
      if (saved.order) keptOrders.push([file, saved.order]);
      options.onProgress?.(++done, files.length);
    } else toRead.push(position);
  });
  // The notes kept so far are the ones the snapshot saved as they are.
  index.useContactOrders(keptOrders);

  const breathe = breather();
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const position = toRead[next++]!;
      const file = files[position]!;
      try {
        const stored = await store.read(file);
        if (stored === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        const reading = index.version(file) === stored.version ? index.reading(file)! : index.set(file, stored.text, stored.version);
        const identity = stored.identity ?? identities[position];
        if (identity) cached[file] = { identity, version: stored.version, reading };
        else if (cache && !reusable) unidentified.push(position);
      } catch (error) {
        const problem = unreadableFileDiagnostic(file, error);
        index.setUnreadable(file, problem);
        unreadable.push(problem);
      }
      options.onProgress?.(++done, files.length);
      await breathe();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 64, toRead.length) }, worker));
  if (cache && unidentified.length > 0) {
    const late = await cache.identify(unidentified.map((position) => files[position]!)).catch(() => []);
    unidentified.forEach((position, at) => {
      const file = files[position]!;
      const identity = late[at];
      const reading = index.reading(file);
      if (identity && reading) cached[file] = { identity, version: index.version(file)!, reading };
    });
  }
  const zoneTable = cache ? zoneTableQuietly(config.timezone) : undefined;
  // The table rides along with every save; a saved one for another zone, or gone stale, is a reason to save by itself.
  // A cache without one is not: two tools on different time zone data would otherwise rewrite it in turn.
  const replacedTable = snapshot?.zoneOffsets !== undefined && snapshot.zoneOffsets !== zoneTable;
  if (cache && (toRead.length > 0 || !reusable || Object.keys(reusable.notes).length !== files.length || replacedTable)) {
    const zone = zoneTable ? { zoneOffsets: zoneTable } : {};
    await cache.save({ format: INDEX_CACHE_FORMAT, takenAt, ...(labels ? { outcomeLabels: labels } : {}), ...zone, notes: cache.keepsContactOrder ? withContactOrders(cached, index) : cached }).catch(() => undefined);
  }
  return { store, config, index, configDiagnostics: [...diagnostics, ...unreadable] };
}

/** The notes to save, each contact with its place in the index's order now. */
function withContactOrders(notes: Record<string, CachedNote>, index: NoteIndex): Record<string, CachedNote> {
  const orders = index.contactOrders();
  const result: Record<string, CachedNote> = {};
  for (const [file, note] of Object.entries(notes)) {
    const order = orders.get(file);
    result[file] = order ? { ...note, order } : note;
  }
  return result;
}

/** The zone's offsets to keep in the cache; none for a zone the runtime cannot give offsets for. */
function zoneTableQuietly(timeZone: string): ZoneOffsetTable | undefined {
  try {
    return zoneOffsets(timeZone);
  } catch {
    return undefined;
  }
}

/**
 * The errors in the folder's config (`.rapport/config.yaml`), in file order. While
 * there is one, the setting it concerns is read with its default in its place, so
 * a write, a letter or an export made now would not be what the user set: each
 * frontend refuses those until it is fixed.
 */
export function configErrors(workspace: Workspace): Diagnostic[] {
  return workspace.configDiagnostics.filter((diagnostic) => diagnostic.file === CONFIG_PATH && diagnostic.severity === 'error');
}

function readTextQuietly(readSync: (path: string) => StoredText | undefined, file: string): string | undefined {
  try {
    return readSync(file)?.text;
  } catch {
    return undefined;
  }
}

/**
 * Reads from a local disk often complete at once, so a load could run to
 * the end without the event loop ever turning; every few ms all readers
 * wait for one macrotask together.
 */
function breather(): () => Promise<void> {
  const defer: (resume: () => void) => void = typeof setImmediate === 'function' ? (resume) => setImmediate(resume) : (resume) => setTimeout(resume, 0);
  // Date.now, not performance.now: a 32 ms slice needs no finer clock, and Node loads perf_hooks on first use of `performance`.
  let last = Date.now();
  let pause: Promise<void> | undefined;
  return async () => {
    if (!pause && Date.now() - last > SLICE_MS) {
      pause = new Promise((resolve) =>
        defer(() => {
          pause = undefined;
          last = Date.now();
          resolve();
        }),
      );
    }
    if (pause) await pause;
  };
}

const READ_FAILURES: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  ELOOP: 'it is a symbolic link that loops',
  ENOENT: 'it is a symbolic link to nothing',
  EACCES: 'permission denied',
  // Opening a socket (or a device file with no device behind it) fails so.
  ENXIO: 'it is a socket, not a file',
};

/**
 * The `unreadable-file` diagnostic of a note that is listed but cannot be
 * read: at the first bad byte for invalid UTF-8, else at 1:1. Exported so an
 * editor that reads notes its own way words the problem the same.
 */
export function unreadableFileDiagnostic(file: string, error: unknown): Diagnostic {
  const place = error instanceof InvalidEncodingError ? { line: error.line, column: error.column } : { line: 1, column: 1 };
  const code = (error as NodeJS.ErrnoException).code;
  const encoding = error instanceof InvalidEncodingError ? error.encoding : undefined;
  const reason =
    error instanceof InvalidEncodingError ? (encoding ? `it is ${encoding} text, not UTF-8` : 'it is not valid UTF-8 text') : error instanceof UnreadableNoteError ? error.reason : ((code && READ_FAILURES[code]) ?? code ?? (error as Error).message);
  const hint = encoding ? 'Save it as UTF-8, in VS Code with Save with Encoding; Rapport leaves this file untouched' : 'Rapport leaves this file untouched';
  return { file, ...place, endLine: place.line, endColumn: place.column, severity: 'error', rule: 'unreadable-file', message: `The note cannot be read: ${reason}`, hint };
}

/**
 * Finds a contact by id or path. Throws `NoteNotFoundError` when no note is
 * found (naming the nearest ids, as in `did you mean hannah-schultz?`), and `InvalidInputError` when the note found cannot be read as a
 * contact (naming its first problem), or when two notes share the id: an
 * edit through it could change the wrong person, so give the path instead.
 */
export function findContact(workspace: Workspace, reference: string): Contact {
  assertWorkspace(workspace, 'findContact(workspace, reference)');
  if (typeof reference !== 'string') throw new InvalidInputError(`findContact(workspace, reference) needs the contact's id or path as a string, such as 'hannah-schultz' (got ${typeName(reference)})`);
  const named = workspace.index.contactsNamed(reference);
  if (named.length > 1) throw new InvalidInputError(`${sharedIdProblem(reference, named.map((contact) => contact.file))}; give the path of the one you mean`);
  if (named[0]) return named[0];
  const broken = workspace.index.brokenNoteNamed(reference);
  const problem = broken?.problems.find((d) => d.severity === 'error') ?? broken?.problems[0];
  if (broken) throw new InvalidInputError(`${broken.file} cannot be read as a contact${problem ? ` (line ${problem.line}: ${problem.message})` : ''}; correct it first`);
  // As the CLI says it: the ids nearest to the one typed (`hannah-shultz` → hannah-schultz).
  const ids = [...workspace.index.contacts(), ...workspace.index.brokenNotes()].map((candidate) => candidate.id);
  throw new NoteNotFoundError(reference, nearest(noteId(reference), ids));
}

/** The workspace, checked for callers without types: `findContact(undefined, …)` would fail deep inside with a `TypeError`. */
function assertWorkspace(workspace: unknown, call: string): void {
  const given = workspace !== null && typeof workspace === 'object' ? (workspace as Partial<Workspace>) : undefined;
  if (typeof given?.index === 'object' && given.index !== null && typeof given.store === 'object' && given.store !== null) return;
  throw new InvalidInputError(`${call} needs the workspace, as loadWorkspace gives it (got ${given ? 'an object without its index and store' : typeName(workspace)})`);
}

/** Why a note's frontmatter does not parse, in the words of its diagnostic, with the line: for an edit refused because of it. */
function syntaxProblem(file: string, text: string): string | undefined {
  const syntax = readNote(file, text).diagnostics.find((d) => d.rule === 'yaml-syntax');
  return syntax && `${NOT_VALID_YAML}: line ${syntax.line}: ${syntax.message}`;
}

/** Options of `editNote`. */
export interface EditOptions {
  /**
   * Re-read and re-apply the edit when the note changed on disk in between
   * (another process wrote it, or it was half-saved by an editor): at least
   * this many times, and more, after growing random pauses, for up to
   * `retryFor`. Default 0: report the conflict, as an editor with unsaved
   * changes must.
   */
  readonly retries?: number;
  /** With `retries`, how long to keep retrying in ms. Default 10,000. */
  readonly retryFor?: number;
}

/**
 * Applies an edit to a note: reads it, transforms the text, and writes it
 * back atomically — refusing if the file changed on disk in between. The
 * index is updated with the new text. `edit` must return the new text
 * (the same text for no change): anything else throws `InvalidInputError`.
 * A `RecordingRefusedError` or `UneditableNoteError` thrown by `edit` comes
 * out naming the note (`owen-park.md:4: its stage "contcted" is not a stage
 * …`, with the line of the field it is about when the note writes it).
 *
 * @example
 * ```ts
 * import { advance, editNote, loadWorkspace, MemoryStore } from '@rapport/core';
 *
 * const workspace = await loadWorkspace(new MemoryStore({ 'maya-chen.md': '---\ntype: contact\nname: Maya Chen\nstage: identified\n---\n' }));
 * await editNote(workspace, 'maya-chen.md', (text) => advance(text, 'contacted', { date: '2026-11-23' }));
 * console.log(workspace.index.contact('maya-chen')?.stage); // → contacted
 * ```
 */
export async function editNote(workspace: Workspace, file: string, edit: (text: string) => string, options: EditOptions = {}): Promise<StoredText> {
  assertWorkspace(workspace, 'editNote(workspace, file, edit, options?)');
  if (typeof file !== 'string') throw new InvalidInputError(`editNote(workspace, file, edit, options?) needs the note's path in the folder as a string, such as contact.file (got ${typeName(file)})`);
  if (typeof edit !== 'function') throw new InvalidInputError(`editNote(workspace, file, edit, options?) needs the edit as a function from the note's text to its new text (got ${typeName(edit)})`);
  if (options === null || typeof options !== 'object') throw new InvalidInputError(`editNote(workspace, file, edit, options?) needs its options as an object, such as { retries: 5 } (got ${typeName(options)})`);
  // Other Rapport processes wait for the lock rather than conflict; editors, which take none, still can.
  let release: (() => void) | undefined;
  try {
    release = await workspace.store.lock?.(file);
  } catch (error) {
    // A refusal (held too long, a link out of the folder) stands; anything else (a missing or read-only folder) is reported by the read or write below.
    if (error instanceof RapportError) throw error;
  }
  try {
    return await editWithRetries(workspace, file, edit, options);
  } finally {
    release?.();
  }
}

/** A refusal from the edit, said with the note and, where its field is written, the line: `owen-park.md:4: its stage "contcted" is not a stage …`. */
function refusalInNote(error: RecordingRefusedError, file: string, text: string): RecordingRefusedError {
  const line = error.field && fieldLine(text, error.field);
  const placed = new RecordingRefusedError(error.reason, { file, ...(line === undefined ? {} : { line }), ...(error.field ? { field: error.field } : {}) });
  if (error.stack !== undefined) placed.stack = error.stack;
  return placed;
}

/** What an edit function returned instead of text, in words for the error. */
function describeReturned(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  // An async edit function: editNote reads, edits and writes under one lock, so the edit must be synchronous.
  if (typeof (value as { then?: unknown }).then === 'function') return 'a Promise; the edit function must not be async';
  return typeof value;
}

async function editWithRetries(workspace: Workspace, file: string, edit: (text: string) => string, options: EditOptions): Promise<StoredText> {
  const started = Date.now();
  const retries = options.retries ?? 0;
  const mayRetry = (attempt: number) => retries > 0 && (attempt < retries || Date.now() - started < (options.retryFor ?? 10_000));
  for (let attempt = 0; ; attempt++) {
    const stored = await workspace.store.read(file);
    if (!stored) {
      // Deleted since the folder was read: the index no longer lists it either.
      workspace.index.delete(file);
      throw new NoteNotFoundError(file);
    }
    const conflict = findConflicts(stored.text)[0];
    // Either side could be the one the user keeps: writing into the conflict would pick for them.
    if (conflict) throw new UneditableNoteError(`it has an unresolved merge conflict at line ${conflict.line}; resolve it first, keeping both sides' history entries`, file);
    let text: string;
    try {
      text = edit(stored.text);
    } catch (error) {
      if (error instanceof RecordingRefusedError && error.file === undefined) throw refusalInNote(error, file, stored.text);
      if (!(error instanceof UneditableNoteError)) throw error;
      // A note an editor is saving can be caught half-written: once the save is done, the edit is tried again.
      if (mayRetry(attempt) && (await changedOnceSettled(workspace, file, stored.version))) continue;
      const unparsed = error.reason.startsWith(NOT_VALID_YAML) ? syntaxProblem(file, stored.text) : undefined;
      throw new UneditableNoteError(unparsed ?? error.reason, file);
    }
    if (typeof text !== 'string') throw new InvalidInputError(`the edit function must return the note's new text (got ${describeReturned(text)})`);
    if (text === stored.text) return stored;
    try {
      const written = await workspace.store.write(file, text, { expectedVersion: stored.version });
      workspace.index.set(file, text);
      return written;
    } catch (error) {
      if (!(error instanceof NoteConflictError) || !mayRetry(attempt)) throw error;
      await pause(attempt);
    }
  }
}

/** A random pause that grows with the attempts (5 ms, then up to 200 ms), so racing writers spread out. */
function pause(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 5 * 1.5 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * ceiling));
}

async function changedOnceSettled(workspace: Workspace, file: string, version: string): Promise<boolean> {
  if (!workspace.store.settle) return false;
  await workspace.store.settle(file);
  return (await workspace.store.read(file))?.version !== version;
}
