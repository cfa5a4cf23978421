/**
 * Files grouped by a key (an id, a link target, an organization), as a map
 * of sets would hold them — but a key with one file, nearly every key in a
 * notes folder, holds the bare path: a `Set` costs ~200 bytes, and the index
 * keeps several such groups per note.
 */
export class FilesByKey {
  private readonly groups = new Map<string, string | Set<string>>();

  /** Number of keys with at least one file. */
  get size(): number {
    return this.groups.size;
  }

  has(key: string): boolean {
    return this.groups.has(key);
  }

  add(key: string, file: string): void {
    const group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, file);
    else if (typeof group !== 'string') group.add(file);
    else if (group !== file) this.groups.set(key, new Set([group, file]));
  }

  delete(key: string, file: string): void {
    const group = this.groups.get(key);
    if (group === undefined) return;
    if (typeof group === 'string') {
      if (group === file) this.groups.delete(key);
      return;
    }
    group.delete(file);
    // Back to the bare path; it was the first of the set, so iteration order is unchanged.
    if (group.size === 1) this.groups.set(key, group.values().next().value!);
    else if (group.size === 0) this.groups.delete(key);
  }

  /** `add`, or with `added` false `delete`: for code that records and takes back the same groups. */
  update(key: string, file: string, added: boolean): void {
    if (added) this.add(key, file);
    else this.delete(key, file);
  }

  /** The key's files, in the order they were added. */
  files(key: string): Iterable<string> {
    return filesOf(this.groups.get(key));
  }

  /** The file added first under the key. */
  first(key: string): string | undefined {
    const group = this.groups.get(key);
    return typeof group === 'string' || group === undefined ? group : group.values().next().value;
  }

  /** Keys in the order they were added, each with its number of files. */
  *counts(): IterableIterator<[key: string, count: number]> {
    for (const [key, group] of this.groups) yield [key, typeof group === 'string' ? 1 : group.size];
  }

  keys(): IterableIterator<string> {
    return this.groups.keys();
  }
}

function filesOf(group: string | Set<string> | undefined): Iterable<string> {
  if (group === undefined) return [];
  return typeof group === 'string' ? [group] : group;
}
