/** What merging two versions of a note gives: the merged text, or why it needs a person. */
export type NoteMerge = {
    readonly merged: true;
    readonly text: string;
} | {
    readonly merged: false;
    readonly reason: string;
};
/**
 * Merges two versions of a contact note that grew from a common base, the
 * way a person would: history entries appended on either side are all
 * kept, united in date order; a field changed on one side only takes that
 * side's value; when both sides moved the stage, the stage of the latest
 * history entry wins; the body merges only when one side alone changed it.
 * Anything else (the same field changed two ways, an old history entry
 * edited, both bodies changed, a frontmatter that does not parse) is left
 * to the person, with the reason.
 *
 * Pure: three texts in, one text out. The merged note starts from `ours`
 * and is changed with the lossless edits, so what `ours` wrote keeps its
 * comments, quoting and order.
 */
export declare function mergeNotes(base: string, ours: string, theirs: string): NoteMerge;
