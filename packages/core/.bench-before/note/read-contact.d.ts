import { type Diagnostic } from '../diagnostics.js';
import type { Contact } from '../model/contact.js';
import { type NoteLayout } from './source.js';
/** What reading one note file gives. */
export interface NoteReading {
    /** The note declares `type: contact` (or looks like a contact that forgot to). */
    readonly isContact: boolean;
    /** The contact, when the note is one; invalid fields are left out. */
    readonly contact: Contact | undefined;
    /** Problems found in this note alone (cross-note checks happen in the index). */
    readonly diagnostics: readonly Diagnostic[];
    /** Where the `referred_by` value is, for positioning cross-note diagnostics without the text. */
    readonly referredByRange: ReferredByRange | undefined;
}
/** Offsets into the note (without BOM) and the 1-based line and column of both ends. */
export interface ReferredByRange {
    readonly start: number;
    readonly end: number;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}
/**
 * Reads and validates one note. Never throws for anything in the text:
 * every problem becomes a positioned diagnostic.
 *
 * Frontmatter in the common subset of YAML is read by the fast reader. A
 * note whose problems sit where the fast reader knows no position (inside a
 * list or mapping), or with YAML it leaves alone, is read again through
 * `yaml`'s Document API, whose node ranges place diagnostics.
 */
export declare function readNote(file: string, text: string): NoteReading;
/** `readNote` with the frontmatter always read by `yaml`'s Document API: the reference the fast path matches. */
export declare function readNoteExact(file: string, text: string, layout?: NoteLayout): NoteReading;
