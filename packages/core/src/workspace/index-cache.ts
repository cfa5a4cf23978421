import type { NoteReading } from '../note/read-contact.js';
import type { OutcomeKind } from '../outcomes/outcomes.js';
import { asZoneOffsetTable, type ZoneOffsetTable } from '../lifecycle/zone-offsets.js';
import { NoteIndex, type NoteIndexOptions } from './note-index.js';

/**
 * A persisted index: what reading each note found, keyed by the file's
 * identity on disk (size, modification and change times, inode), so that loading a
 * folder again reads only the notes that changed — as git's index does.
 * Core only defines the data and the interface; the Node implementation
 * (`NodeIndexCache`, a JSON file in `.rapport/cache/`) lives in `node/`,
 * and the VS Code extension can keep its own in extension storage.
 */

/**
 * Bump whenever `readNote`'s output or `contentVersion` changes for the
 * same text, so caches written by older code are ignored. A test pins the
 * readings of the example notes to this number.
 */
export const INDEX_CACHE_FORMAT = 24;

/**
 * Notes modified this close to (or after) the moment their identity was
 * taken are read again next time: a second write within the same
 * timestamp tick (2 s on FAT, 1 s on HFS+, a few ms on ext4) could keep
 * size and time unchanged.
 */
export const RACY_WINDOW_MS = 2_000;

/** How a note file looks on disk without reading it. */
export interface FileIdentity {
  readonly size: number;
  /** Modification time in ms since the epoch (fractions kept where the file system has them). */
  readonly mtimeMs: number;
  /** Inode or file id where there is one: a file replaced by another with the same size and time is still noticed. */
  readonly ino?: number;
  /**
   * Status change time in ms where the file system has one: no program can
   * set it back, so an edit of the same size whose modification time was
   * restored (`touch -r`, a tool that keeps times) is still noticed.
   */
  readonly ctimeMs?: number;
}

/** One note in an index cache: its file identity when read, the version of its text and what reading it found. */
export interface CachedNote {
  readonly identity: FileIdentity;
  /** `contentVersion` of the text the reading came from. */
  readonly version: string;
  readonly reading: NoteReading;
  /** The contact's place among the snapshot's contacts, kept by a cache that keeps them (`IndexCache.keepsContactOrder`). */
  readonly order?: ContactOrder;
}

/**
 * Where a contact stood in the order `NoteIndex.contacts()` gave (by name,
 * in the user's locale) when a snapshot was saved: its position, and a
 * group shared by the contacts whose names collate as equal. An index
 * restored from the snapshot sorts its unchanged contacts by these numbers
 * (`NoteIndex.useContactOrders`) instead of asking `Intl.Collator`, whose
 * first use costs a process ~70M instructions, a third of a short command.
 * Only valid where names collate as they did when it was saved: the cache
 * that keeps them checks that.
 */
export interface ContactOrder {
  readonly position: number;
  readonly nameGroup: number;
}

/** What is persisted. Plain JSON data. */
export interface IndexSnapshot {
  readonly format: number;
  /** When the identities were taken, ms since the epoch (before any note was read). */
  readonly takenAt: number;
  /**
   * The folder's own outcome labels the notes were read with (`outcomeLabelsKey`),
   * absent for the default ones: what an Outcomes item is depends on them.
   */
  readonly outcomeLabels?: string;
  /**
   * The UTC offsets of the config's time zone, as this runtime's time zone data gave them: a
   * command whose notes have not changed then works out dates without setting up `Intl`.
   */
  readonly zoneOffsets?: ZoneOffsetTable;
  readonly notes: Readonly<Record<string, CachedNote>>;
}

/** Where a snapshot is kept and how file identities are taken. */
export interface IndexCache {
  /** Identities of the files, in order; `undefined` for one that cannot be examined (it is then read). */
  identify(files: readonly string[]): Promise<readonly (FileIdentity | undefined)[]>;
  /** The saved snapshot; `undefined` when there is none, it is unreadable or of another format. */
  load(): Promise<IndexSnapshot | undefined>;
  /** Saves a snapshot. Failing to save must not fail a load: implementations may ignore errors. */
  save(snapshot: IndexSnapshot): Promise<void>;
  /**
   * True when the cache keeps each contact's `order` with its note, and gives
   * them back only where names still collate as they did when saved (same ICU,
   * same locale): the snapshots given to `save` then carry them.
   */
  readonly keepsContactOrder?: boolean;
}

/** The outcome labels of a config as one string, the same for the same labels in any order; `undefined` for the defaults. */
export function outcomeLabelsKey(labels: Readonly<Record<string, string>> | undefined): string | undefined {
  return labels ? JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : undefined;
}

/** The outcome labels that `outcomeLabelsKey` gave `key` for (none for the defaults, or for a key that is not one). */
export function outcomeLabelsOf(key: string | undefined): Readonly<Record<string, OutcomeKind>> | undefined {
  if (key === undefined) return undefined;
  try {
    return Object.fromEntries(JSON.parse(key) as [string, OutcomeKind][]);
  } catch {
    return undefined;
  }
}

/** True when a cached note can be reused for a file with `identity`, as seen in `snapshot`. */
export function isReusable(cached: CachedNote | undefined, identity: FileIdentity | undefined, snapshot: IndexSnapshot): cached is CachedNote {
  if (!cached || !identity) return false;
  const { ino, ctimeMs } = cached.identity;
  const same =
    cached.identity.size === identity.size &&
    cached.identity.mtimeMs === identity.mtimeMs &&
    (ino === undefined || identity.ino === undefined || ino === identity.ino) &&
    (ctimeMs === undefined || identity.ctimeMs === undefined || ctimeMs === identity.ctimeMs);
  return same && Math.max(identity.mtimeMs, identity.ctimeMs ?? 0) < snapshot.takenAt - RACY_WINDOW_MS;
}

/** Checks that parsed JSON is a snapshot this code can use (right format, the expected shape). */
export function asSnapshot(data: unknown): IndexSnapshot | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const snapshot = data as Partial<IndexSnapshot>;
  if (snapshot.format !== INDEX_CACHE_FORMAT || typeof snapshot.takenAt !== 'number' || snapshot.notes === null || typeof snapshot.notes !== 'object') return undefined;
  if (snapshot.outcomeLabels !== undefined && typeof snapshot.outcomeLabels !== 'string') return undefined;
  if (snapshot.zoneOffsets !== undefined) {
    // A table that does not hold together is left out; the notes' readings are still good.
    const { zoneOffsets, ...rest } = snapshot;
    const table = asZoneOffsetTable(zoneOffsets);
    return (table ? { ...rest, zoneOffsets: table } : rest) as IndexSnapshot;
  }
  return snapshot as IndexSnapshot;
}

/**
 * An index built straight from a snapshot, without touching the disk: what
 * the folder looked like when the snapshot was taken. For painting views at
 * once; `loadWorkspace(store, { cache, index })` then brings it up to date.
 */
export function restoreIndex(snapshot: IndexSnapshot, options: NoteIndexOptions = {}): NoteIndex {
  const index = new NoteIndex(options);
  for (const [file, cached] of Object.entries(snapshot.notes)) index.setReading(file, cached.reading, { version: cached.version });
  index.useContactOrders(keptContactOrders(snapshot.notes));
  return index;
}

/** The contact orders cached notes carry, by file (for `NoteIndex.useContactOrders`). */
export function* keptContactOrders(notes: Readonly<Record<string, CachedNote>>): Generator<[string, ContactOrder]> {
  for (const [file, note] of Object.entries(notes)) if (note.order) yield [file, note.order];
}
