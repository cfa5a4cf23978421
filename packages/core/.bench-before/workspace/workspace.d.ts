import type { Diagnostic } from '../diagnostics.js';
import type { Contact } from '../model/contact.js';
import { type NewContact } from '../note/template.js';
import { type RapportConfig } from './config.js';
import { type IndexCache } from './index-cache.js';
import { NoteIndex } from './note-index.js';
import type { NoteStore, StoredText } from './store.js';
/** A notes folder read into memory: its settings and every note. */
export interface Workspace {
    readonly store: NoteStore;
    readonly config: RapportConfig;
    readonly index: NoteIndex;
    /** Problems in `.rapport/config.yaml` and files that could not be read. */
    readonly configDiagnostics: readonly Diagnostic[];
}
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
     * longer in the folder are removed from it. Default: a new index.
     */
    readonly index?: NoteIndex;
}
/** Reads the config and every note of a folder through its store. */
export declare function loadWorkspace(store: NoteStore, options?: LoadOptions): Promise<Workspace>;
/**
 * The `unreadable-file` diagnostic of a note that is listed but cannot be
 * read: at the first bad byte for invalid UTF-8, else at 1:1. Exported so an
 * editor that reads notes its own way words the problem the same.
 */
export declare function unreadableFileDiagnostic(file: string, error: unknown): Diagnostic;
/** Finds a contact by id or path, or throws `NoteNotFoundError`. */
export declare function findContact(workspace: Workspace, reference: string): Contact;
export interface EditOptions {
    /**
     * How many times to re-read and re-apply the edit when the note changed
     * on disk in between (another process wrote it). Default 0: report the
     * conflict, as an editor with unsaved changes must.
     */
    readonly retries?: number;
}
/**
 * Applies an edit to a note: reads it, transforms the text, and writes it
 * back atomically — refusing if the file changed on disk in between. The
 * index is updated with the new text.
 */
export declare function editNote(workspace: Workspace, file: string, edit: (text: string) => string, options?: EditOptions): Promise<StoredText>;
/** A safe file name stem for a contact: lowercase ASCII words joined by dashes, never a path. */
export declare function contactSlug(name: string): string;
/**
 * Creates a contact note in the configured folder and returns its path. The
 * file name comes from the name (slugged, so it never leaves the folder);
 * when the id is taken, the organization and then a number are added.
 */
export declare function createContact(workspace: Workspace, contact: NewContact): Promise<{
    id: string;
    file: string;
}>;
