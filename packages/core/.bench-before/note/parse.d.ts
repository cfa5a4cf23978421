import type { Root } from 'mdast';
import { type ParsedFrontmatter } from './frontmatter.js';
import { type LineEnding } from './source.js';
import { type Wikilink } from './wikilinks.js';
/** A 1-based position in the note as an editor shows it (BOM not counted). */
export interface Place {
    readonly line: number;
    readonly column: number;
    readonly offset: number;
}
export interface NoteSection {
    readonly title: string;
    readonly depth: number;
    readonly start: Place;
    readonly end: Place;
    /** Text of each list item directly in the section, in order. */
    readonly items: readonly string[];
    readonly wikilinks: readonly Wikilink[];
}
/** A note fully parsed: the Markdown tree, the YAML document and the body sections. */
export interface ParsedNote {
    readonly bom: boolean;
    readonly eol: LineEnding;
    readonly frontmatter: ParsedFrontmatter | undefined;
    readonly tree: Root;
    readonly sections: readonly NoteSection[];
    readonly wikilinks: readonly Wikilink[];
}
/** Parses a note with remark (body) and the `yaml` Document API (frontmatter). */
export declare function parseNote(text: string): ParsedNote;
