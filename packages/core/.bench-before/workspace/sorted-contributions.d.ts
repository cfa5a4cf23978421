/**
 * A sorted list made of what each key (a note file) contributes, kept
 * sorted as keys change: one change costs two binary searches and an array
 * splice, not a re-sort. Until the first read, and after a large batch of
 * changes, it only records contributions and sorts once when read — a bulk
 * load stays O(n log n).
 *
 * `compare` must be a total order on distinct items (ties only between
 * items that are interchangeable).
 */
export declare class SortedContributions<T> {
    private readonly compare;
    private readonly byKey;
    /** Every item in order, or `undefined` while a full sort is pending. */
    private sorted;
    private changesSinceRead;
    /** The last array handed out; callers may keep it, so it is never mutated. */
    private view;
    constructor(compare: (a: T, b: T) => number);
    /** Replaces what `key` contributes (`[]` removes it). */
    set(key: string, items: readonly T[]): void;
    get(key: string): readonly T[];
    /** Every item in order. The array is fresh after each change and never changed afterwards. */
    values(): readonly T[];
    /** True when the last `values()` array is still current. */
    isCurrent(view: readonly T[]): boolean;
    private lowerBound;
    private indexOf;
}
