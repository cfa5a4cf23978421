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
export class SortedContributions<T, P = T> {
  private readonly byKey = new Map<string, readonly T[]>();
  /** Every item in order, or `undefined` while a full sort is pending. */
  private sorted: T[] | undefined;
  /** `project` of each of `sorted`, in the same places (kept only once `projectedValues` is asked for). */
  private projected: P[] | undefined;
  private changesSinceRead = 0;
  /** The last array handed out; callers may keep it, so it is never mutated. */
  private view: readonly T[] | undefined;
  private projectedView: readonly P[] | undefined;

  /**
   * `project`, when given, is what `projectedValues` lists of each item: kept
   * beside the items and spliced with them, since mapping tens of thousands
   * of items on every change cost more than the change itself.
   */
  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly project?: (item: T) => P,
  ) {}

  /** Replaces what `key` contributes (`[]` removes it). */
  set(key: string, items: readonly T[]): void {
    const previous = this.byKey.get(key);
    if (previous === undefined && items.length === 0) return;
    if (items.length > 0) this.byKey.set(key, items);
    else this.byKey.delete(key);
    this.view = undefined;
    this.projectedView = undefined;
    if (!this.sorted) return;
    // Splicing costs O(n) per item: past about n/8 changes, one sort is cheaper.
    if (++this.changesSinceRead > 64 && this.changesSinceRead > this.sorted.length >> 3) {
      this.sorted = undefined;
      this.projected = undefined;
      return;
    }
    for (const item of previous ?? []) {
      const at = this.indexOf(item);
      this.sorted.splice(at, 1);
      this.projected?.splice(at, 1);
    }
    for (const item of items) {
      const at = this.lowerBound(item);
      this.sorted.splice(at, 0, item);
      this.projected?.splice(at, 0, this.project!(item));
    }
  }

  get(key: string): readonly T[] {
    return this.byKey.get(key) ?? [];
  }

  /** Every item in order. The array is fresh after each change and never changed afterwards. */
  values(): readonly T[] {
    return (this.view ??= this.sortedItems().slice());
  }

  /** `project` of every item, in order; like `values`, fresh after each change and never changed afterwards. */
  projectedValues(): readonly P[] {
    if (this.projectedView) return this.projectedView;
    const sorted = this.sortedItems();
    this.projected ??= sorted.map((item) => this.project!(item));
    return (this.projectedView = this.projected.slice());
  }

  private sortedItems(): T[] {
    if (!this.sorted) {
      // A loop rather than `[...values].flat()`, several times slower over tens of thousands of small arrays.
      const all: T[] = [];
      for (const items of this.byKey.values()) for (const item of items) all.push(item);
      this.sorted = all.sort(this.compare);
      this.projected = undefined;
    }
    this.changesSinceRead = 0;
    return this.sorted;
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
