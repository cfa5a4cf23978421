/**
 * The raw layout of a note file: byte-order mark, line endings and where the
 * YAML frontmatter sits. Everything here is offsets into the text without
 * its BOM, so positions match what an editor shows.
 */
export type LineEnding = '\n' | '\r\n';
export interface NoteLayout {
    /** The file had a UTF-8 byte-order mark (kept on write). */
    readonly bom: boolean;
    /** The text without its BOM; every offset below points into it. */
    readonly content: string;
    /** The line ending new lines get: the first one the file uses. */
    readonly eol: LineEnding;
    readonly frontmatter: FrontmatterBlock | undefined;
    /** Set when the file opens with `---` but the frontmatter is never closed. */
    readonly unterminated: boolean;
    /** Offset where the Markdown body starts. */
    readonly bodyStart: number;
}
export interface FrontmatterBlock {
    /** Offset of the first character of the YAML text (the line after `---`). */
    readonly start: number;
    /** Offset just after the YAML text (the start of the closing fence line). */
    readonly end: number;
    /** The YAML text, including its last line ending. */
    readonly yaml: string;
}
/** Finds BOM, line endings and frontmatter fences without parsing anything. */
export declare function readLayout(text: string): NoteLayout;
/** Puts the BOM back in front of edited content when the file had one. */
export declare function withBom(layout: Pick<NoteLayout, 'bom'>, content: string): string;
/** 1-based line and column of an offset, computed from a table of line starts. */
export interface Position {
    readonly line: number;
    readonly column: number;
}
export declare class LineIndex {
    readonly text: string;
    private readonly starts;
    constructor(text: string);
    position(offset: number): Position;
    /** Offset of the start of the line holding `offset`. */
    lineStart(offset: number): number;
}
/** Offset just past the line break that ends the line holding `offset` (or the text's end). */
export declare function endOfLine(text: string, offset: number): number;
/** Offset of the first character of the line holding `offset`. */
export declare function startOfLine(text: string, offset: number): number;
