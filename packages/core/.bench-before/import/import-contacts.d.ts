import type { Diagnostic } from '../diagnostics.js';
import { type Workspace } from '../workspace/workspace.js';
import type { ImportFormat, ImportReading } from './candidate.js';
import { type MatchKind } from './match.js';
export interface ImportOptions {
    /** Day of the import, `YYYY-MM-DD`: the history date of people the file gives no date for. */
    readonly today: string;
    /** Work out what would be created and updated without writing anything. Default `false`. */
    readonly dryRun?: boolean;
}
/** A note created or filled in by an import. */
export interface ImportedContact {
    /** Line of the input file the person came from. */
    readonly line: number;
    readonly name: string;
    /** The note, relative to the notes folder. */
    readonly file: string;
    /** For an update: which key recognised the existing note. */
    readonly matchedBy?: MatchKind;
    /** Frontmatter fields written: all of a new note's, only the empty ones filled in an update. */
    readonly fields: readonly string[];
}
/** A person of the input file that changed nothing, and why. */
export interface SkippedImport {
    readonly line: number;
    readonly name?: string;
    readonly reason: string;
    /** The existing note, when the person was recognised. */
    readonly file?: string;
}
export interface ImportSummary {
    readonly file: string;
    readonly format: ImportFormat;
    readonly dryRun: boolean;
    readonly created: readonly ImportedContact[];
    readonly updated: readonly ImportedContact[];
    readonly skipped: readonly SkippedImport[];
    /** Problems in the input file, from the reader. */
    readonly diagnostics: readonly Diagnostic[];
}
/**
 * Brings the people of an import file into the notes. Someone already there
 * (matched by LinkedIn URL, then email, then exact name and organization)
 * only gets the fields their note leaves empty, written with lossless edits:
 * nothing the user wrote is ever overwritten. Anyone else becomes a new
 * `identified` contact whose history starts on the date the file gives
 * (LinkedIn's connection date) or on the import day. Running the same import
 * again changes nothing.
 */
export declare function importContacts(workspace: Workspace, reading: ImportReading, options: ImportOptions): Promise<ImportSummary>;
