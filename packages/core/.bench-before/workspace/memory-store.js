import { NoteConflictError } from '../errors.js';
import { contentVersion, isNotePath } from './store.js';
/** A notes folder held in memory: for tests, previews and dry runs. */
export class MemoryStore {
    files = new Map();
    constructor(files = {}) {
        for (const [path, text] of Object.entries(files))
            this.files.set(path, text);
    }
    async listNotes() {
        return [...this.files.keys()].filter(isNotePath).sort();
    }
    async listFiles(folder) {
        const prefix = folder === '.' ? '' : folder.replace(/^\.\//, '').replace(/\/+$/, '');
        const start = prefix === '' ? '' : `${prefix}/`;
        return [...this.files.keys()].filter((path) => path.startsWith(start) && !path.slice(start.length).includes('/')).sort();
    }
    async read(path) {
        const text = this.files.get(path);
        return text === undefined ? undefined : { text, version: contentVersion(text) };
    }
    async write(path, text, options = {}) {
        if (options.expectedVersion !== undefined) {
            const current = this.files.get(path);
            const currentVersion = current === undefined ? null : contentVersion(current);
            if (currentVersion !== options.expectedVersion)
                throw new NoteConflictError(path);
        }
        this.files.set(path, text);
        return { text, version: contentVersion(text) };
    }
    /** Every file, for assertions. */
    snapshot() {
        return Object.fromEntries(this.files);
    }
}
//# sourceMappingURL=memory-store.js.map