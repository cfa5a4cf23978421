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
export class SortedContributions<T> {
  private readonly byKey = new Map<string, readonly T[]>();
  /** Every item in order, or `undefined` while a full sort is pending. */
  private sorted: T[] | undefined;
  private changesSinceRead = 0;
  /** The last array handed out; callers may keep it, so it is never mutated. */
  private view: readonly T[] | undefined;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  /** Replaces what `key` contributes (`[]` removes it). */
  set(key: string, items: readonly T[]): void {
    const previous = this.byKey.get(key);
    if (previous === undefined && items.length === 0) return;
    if (items.length > 0) this.byKey.set(key, items);
    else this.byKey.delete(key);
    this.view = undefined;
    if (!this.sorted) return;
    // Splicing costs O(n) per item: past about n/8 changes, one sort is cheaper.
    if (++this.changesSinceRead > 64 && this.changesSinceRead > this.sorted.length >> 3) {
      this.sorted = undefined;
      return;
    }
    for (const item of previous ?? []) this.sorted.splice(this.indexOf(item), 1);
    for (const item of items) this.sorted.splice(this.lowerBound(item), 0, item);
  }

  get(key: string): readonly T[] {
    return this.byKey.get(key) ?? [];
  }

  /** Every item in order. The array is fresh after each change and never changed afterwards. */
  values(): readonly T[] {
    if (!this.sorted) {
      // A loop rather than `[...values].flat()`, several times slower over tens of thousands of small arrays.
      const all: T[] = [];
      for (const items of this.byKey.values()) for (const item of items) all.push(item);
      this.sorted = all.sort(this.compare);
    }
    this.changesSinceRead = 0;
    return (this.view ??= this.sorted.slice());
  }

  /** True when the last `values()` array is still current. */
  isCurrent(view: readonly T[]): boolean {
    return view === this.view;
  }

  private lowerBound(item: T): number {
    const sorted = this.sorted!;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(sorted[mid]!, item) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private indexOf(item: T): number {
    const sorted = this.sorted!;
    for (let i = this.lowerBound(item); i < sorted.length && this.compare(sorted[i]!, item) === 0; i++) {
      if (sorted[i] === item) return i;
    }
    throw new RapportError('sorted contributions lost track of an item');
  }
}
