/**
 * Git's conflict markers in a note: `<<<<<<< ours`, an optional
 * `||||||| base` (diff3 style), `=======`, `>>>>>>> theirs`, each at the
 * start of a line. Only a `<<<<<<<` line opens a conflict, so a Markdown
 * heading underlined with `=======` is never mistaken for one.
 */
/** One conflict: where its `<<<<<<<` line starts and where its `>>>>>>>` line ends. */
export interface ConflictRegion {
    /** Offset of the `<<<<<<<` line. */
    readonly start: number;
    /** Offset just past the `>>>>>>>` line (the text's end when it is missing). */
    readonly end: number;
    /** 1-based line of `<<<<<<<`. */
    readonly line: number;
    /** 1-based line of `>>>>>>>`, or the last line when it is missing. */
    readonly endLine: number;
}
/** True when the text may hold a conflict (a cheap test before `findConflicts`). */
export declare function mayHaveConflict(text: string): boolean;
/** Every conflict in the text, in order. */
export declare function findConflicts(text: string): ConflictRegion[];
