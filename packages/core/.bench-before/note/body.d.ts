import { type Wikilink } from './wikilinks.js';
/** One heading-delimited part of a note's Markdown body. */
export interface BodySection {
    /** Heading text; empty for the part before the first heading. */
    readonly title: string;
    /** Heading level 1–6; 0 for the part before the first heading. */
    readonly depth: number;
    /** Offset of the heading line in the note text (without BOM). */
    readonly start: number;
    /** Offset just after the section's last line. */
    readonly end: number;
    /** Wikilinks in the section's text, outside code. */
    readonly wikilinks: readonly Wikilink[];
}
/**
 * Splits a Markdown body into sections by ATX headings, skipping fenced code,
 * with the wikilinks of each. A line scanner rather than a full Markdown
 * parse: indexing thousands of notes needs only headings and links, and
 * `parseNote` gives the full tree when a caller needs it. Only lines that
 * can matter — a `#`, a fence character or a `[[` — are cut out of the text:
 * most lines of a note are prose, and indexing runs this over every note.
 */
export declare function scanSections(content: string, bodyStart: number): BodySection[];
/** The first section whose heading matches `title` (case-insensitive). */
export declare function findSection(sections: readonly BodySection[], title: string): BodySection | undefined;
