import { NoteConflictError, RapportError } from '../errors.js';
import { contentVersion, type NewFile, type NoteStore } from '../workspace/store.js';
import type { Workspace } from '../workspace/workspace.js';

/** How many new notes are held back before they are written together (bounds the memory they take). */
const CREATION_BATCH = 1000;

/** What writing the held notes and edits came to. */
export interface HeldWritesResult {
  /** New notes whose path turned out to be taken when they were written: left as they are. */
  readonly existed: readonly string[];
  /** Edits of existing notes that the store refused when they were written (changed on disk meanwhile, say), with why. */
  readonly refused: ReadonlyMap<string, RapportError>;
}

/** An import's writes, held back until they can be made safely. */
export interface HeldWrites {
  /** The workspace to import into: its store holds back what is written to it, and reads it back. */
  readonly workspace: Workspace;
  /** Writes everything still held: new notes first, then edits. */
  flush(): Promise<HeldWritesResult>;
  /** After a failure: drops everything still held, and puts the index back as the notes are on disk. */
  discard(): Promise<void>;
}

/**
 * The workspace with its writes held back: an import writes nothing it
 * would have to take back when it fails because new notes cannot be created.
 *
 * - New notes are written together, a batch of `CREATION_BATCH` at a time
 *   and the rest by `flush`, with the store's `createMany` where it has one:
 *   one disk flush per note made a 50,000-row import take minutes.
 * - Edits of notes already on disk wait until new notes have been written
 *   once (a notes folder that cannot take them, a read-only or full disk
 *   fail there), or until `flush` when the import creates no one; after
 *   that, they go straight through. Each is written with the version it was
 *   made on, so a note changed on disk meanwhile is refused, not overwritten.
 *   Until then each held edit keeps its note's text in memory: a few KB per
 *   note filled, and only the first 1,000 new notes are waited for.
 */
export function holdWrites(workspace: Workspace): HeldWrites {
  const store = workspace.store;
  const createMany = store.createMany?.bind(store) ?? ((files: readonly NewFile[]) => createOneByOne(store, files));
  const creations = new Map<string, string>();
  const edits = new Map<string, { text: string; base: string | undefined }>();
  const existed: string[] = [];
  const refused = new Map<string, RapportError>();
  let creationsWork = false;

  const writeEdits = async () => {
    for (const [path, { text, base }] of edits) {
      try {
        await store.write(path, text, base === undefined ? {} : { expectedVersion: base });
      } catch (error) {
        if (!(error instanceof RapportError)) throw error;
        refused.set(path, error);
      }
      edits.delete(path);
    }
  };
  const writeHeld = async () => {
    if (creations.size > 0) {
      const files = [...creations].map(([path, text]) => ({ path, text }));
      existed.push(...(await createMany(files)));
      creations.clear();
      creationsWork = true;
    }
    await writeEdits();
  };

  const held: NoteStore = {
    listNotes: () => store.listNotes(),
    listFiles: (folder) => store.listFiles(folder),
    read: async (path) => {
      const text = creations.get(path) ?? edits.get(path)?.text;
      return text === undefined ? store.read(path) : { text, version: contentVersion(text) };
    },
    write: async (path, text, options = {}) => {
      const created = creations.get(path);
      if (created !== undefined || options.expectedVersion === null) {
        // A new note, or one created earlier in this import and still held.
        const current = created === undefined ? ((await store.read(path))?.version ?? null) : contentVersion(created);
        if (options.expectedVersion !== undefined && options.expectedVersion !== current) throw new NoteConflictError(path);
        creations.set(path, text);
        if (creations.size >= CREATION_BATCH) await writeHeld();
        return { text, version: contentVersion(text) };
      }
      // New notes could be written, and every edit held until then was: this one need not wait.
      if (creationsWork) return store.write(path, text, options);
      const edit = edits.get(path);
      if (edit !== undefined && options.expectedVersion !== undefined && options.expectedVersion !== contentVersion(edit.text)) throw new NoteConflictError(path);
      // Checked against the disk, with the version the first edit was made on, when it is written.
      edits.set(path, { text, base: edit === undefined ? options.expectedVersion : edit.base });
      return { text, version: contentVersion(text) };
    },
  };

  return {
    workspace: { ...workspace, store: held },
    flush: async () => {
      await writeHeld();
      return { existed, refused };
    },
    discard: async () => {
      for (const path of creations.keys()) workspace.index.delete(path);
      for (const path of edits.keys()) {
        const stored = await store.read(path).catch(() => undefined);
        if (stored) workspace.index.set(path, stored.text, stored.version);
        else workspace.index.delete(path);
      }
      creations.clear();
      edits.clear();
    },
  };
}

/** `createMany` for a store without one: each note written on its own, never over a file that exists. */
async function createOneByOne(store: NoteStore, files: readonly NewFile[]): Promise<readonly string[]> {
  const existed: string[] = [];
  for (const { path, text } of files) {
    try {
      await store.write(path, text, { expectedVersion: null });
    } catch (error) {
      if (!(error instanceof NoteConflictError)) throw error;
      existed.push(path);
    }
  }
  return existed;
}
