import { NoteIndex } from './note-index.js';
/**
 * A persisted index: what reading each note found, keyed by the file's
 * identity on disk (size, modification time, inode), so that loading a
 * folder again reads only the notes that changed — as git's index does.
 * Core only defines the data and the interface; the Node implementation
 * (`NodeIndexCache`, a JSON file in `.rapport/cache/`) lives in `node/`,
 * and the VS Code extension can keep its own in extension storage.
 */
/**
 * Bump whenever `readNote`'s output or `contentVersion` changes for the
 * same text, so caches written by older code are ignored. A test pins the
 * readings of the example notes to this number.
 */
export const INDEX_CACHE_FORMAT = 4;
/**
 * Notes modified this close to (or after) the moment their identity was
 * taken are read again next time: a second write within the same
 * timestamp tick (2 s on FAT, 1 s on HFS+, a few ms on ext4) could keep
 * size and time unchanged.
 */
export const RACY_WINDOW_MS = 2_000;
/** True when a cached note can be reused for a file with `identity`, as seen in `snapshot`. */
export function isReusable(cached, identity, snapshot) {
    if (!cached || !identity)
        return false;
    const same = cached.identity.size === identity.size && cached.identity.mtimeMs === identity.mtimeMs && (cached.identity.ino === undefined || identity.ino === undefined || cached.identity.ino === identity.ino);
    return same && identity.mtimeMs < snapshot.takenAt - RACY_WINDOW_MS;
}
/** Checks that parsed JSON is a snapshot this code can use (right format, the expected shape). */
export function asSnapshot(data) {
    if (data === null || typeof data !== 'object')
        return undefined;
    const snapshot = data;
    if (snapshot.format !== INDEX_CACHE_FORMAT || typeof snapshot.takenAt !== 'number' || snapshot.notes === null || typeof snapshot.notes !== 'object')
        return undefined;
    return snapshot;
}
/**
 * An index built straight from a snapshot, without touching the disk: what
 * the folder looked like when the snapshot was taken. For painting views at
 * once; `loadWorkspace(store, { cache, index })` then brings it up to date.
 */
export function restoreIndex(snapshot, options = {}) {
    const index = new NoteIndex(options);
    for (const [file, cached] of Object.entries(snapshot.notes))
        index.setReading(file, cached.reading, { version: cached.version });
    return index;
}
//# sourceMappingURL=index-cache.js.map