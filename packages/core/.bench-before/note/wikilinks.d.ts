/** A `[[target]]`, `[[target|alias]]` or `[[target#heading]]` link. */
export interface Wikilink {
    readonly target: string;
    /** Offset of `[[` in the text it was found in. */
    readonly offset: number;
    readonly length: number;
}
export declare function findWikilinks(text: string, baseOffset?: number): Wikilink[];
/** The id inside a whole-value wikilink such as `"[[maya-chen]]"`, or `undefined`. */
export declare function wikilinkTarget(value: string): string | undefined;
/** The note id of a path: its file name without `.md`. */
export declare function noteId(file: string): string;
