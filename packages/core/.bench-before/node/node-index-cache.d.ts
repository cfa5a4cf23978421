import { type FileIdentity, type IndexCache, type IndexSnapshot } from '../workspace/index-cache.js';
import type { NodeStore } from './node-store.js';
/** Where the cache lives, relative to the notes folder. */
export declare const INDEX_CACHE_PATH = ".rapport/cache/index.jsonl";
/**
 * The index cache of a notes folder on the local disk: one JSON line per
 * note in `.rapport/cache/index.jsonl` (a header line first), written to a
 * temp file and renamed. It is only written in a folder that already has
 * `.rapport/` — pointing `rapport` at any folder must not leave files
 * behind — and the cache folder ignores itself in git. Errors never fail a
 * load: an unreadable cache is no cache.
 *
 * Loading it is most of a warm start, so the lines are kept small and
 * cheap to parse: pure ASCII (other characters escaped as `\uXXXX`), which
 * Node reads without decoding UTF-8 and V8 stores one byte per character;
 * one `JSON.parse` per line, which measured ~2× faster than one over the
 * whole file (a single huge result strains the garbage collector); and a
 * contact's fields that repeat its frontmatter value for value are written
 * once (see `encodeReading`).
 */
export declare class NodeIndexCache implements IndexCache {
    private readonly store;
    readonly path: string;
    constructor(store: NodeStore, path?: string);
    identify(files: readonly string[]): Promise<(FileIdentity | undefined)[]>;
    load(): Promise<IndexSnapshot | undefined>;
    save(snapshot: IndexSnapshot): Promise<void>;
}
