/**
 * Files grouped by a key (an id, a link target, an organization), as a map
 * of sets would hold them — but a key with one file, nearly every key in a
 * notes folder, holds the bare path: a `Set` costs ~200 bytes, and the index
 * keeps several such groups per note.
 */
export declare class FilesByKey {
    private readonly groups;
    /** Number of keys with at least one file. */
    get size(): number;
    has(key: string): boolean;
    add(key: string, file: string): void;
    delete(key: string, file: string): void;
    /** The key's files, in the order they were added. */
    files(key: string): Iterable<string>;
    /** The file added first under the key. */
    first(key: string): string | undefined;
    /** Keys in the order they were added, each with its number of files. */
    counts(): IterableIterator<[key: string, count: number]>;
    keys(): IterableIterator<string>;
}
