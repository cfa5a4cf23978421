import { RapportError } from '../errors.js';
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
export class SortedContributions {
    compare;
    byKey = new Map();
    /** Every item in order, or `undefined` while a full sort is pending. */
    sorted;
    changesSinceRead = 0;
    /** The last array handed out; callers may keep it, so it is never mutated. */
    view;
    constructor(compare) {
        this.compare = compare;
    }
    /** Replaces what `key` contributes (`[]` removes it). */
    set(key, items) {
        const previous = this.byKey.get(key);
        if (previous === undefined && items.length === 0)
            return;
        if (items.length > 0)
            this.byKey.set(key, items);
        else
            this.byKey.delete(key);
        this.view = undefined;
        if (!this.sorted)
            return;
        // Splicing costs O(n) per item: past about n/8 changes, one sort is cheaper.
        if (++this.changesSinceRead > 64 && this.changesSinceRead > this.sorted.length >> 3) {
            this.sorted = undefined;
            return;
        }
        for (const item of previous ?? [])
            this.sorted.splice(this.indexOf(item), 1);
        for (const item of items)
            this.sorted.splice(this.lowerBound(item), 0, item);
    }
    get(key) {
        return this.byKey.get(key) ?? [];
    }
    /** Every item in order. The array is fresh after each change and never changed afterwards. */
    values() {
        if (!this.sorted) {
            // A loop rather than `[...values].flat()`, several times slower over tens of thousands of small arrays.
            const all = [];
            for (const items of this.byKey.values())
                for (const item of items)
                    all.push(item);
            this.sorted = all.sort(this.compare);
        }
        this.changesSinceRead = 0;
        return (this.view ??= this.sorted.slice());
    }
    /** True when the last `values()` array is still current. */
    isCurrent(view) {
        return view === this.view;
    }
    lowerBound(item) {
        const sorted = this.sorted;
        let low = 0;
        let high = sorted.length;
        while (low < high) {
            const mid = (low + high) >>> 1;
            if (this.compare(sorted[mid], item) < 0)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
    indexOf(item) {
        const sorted = this.sorted;
        for (let i = this.lowerBound(item); i < sorted.length && this.compare(sorted[i], item) === 0; i++) {
            if (sorted[i] === item)
                return i;
        }
        throw new RapportError('sorted contributions lost track of an item');
    }
}
//# sourceMappingURL=sorted-contributions.js.map