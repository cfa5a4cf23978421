import { type NoteStore, type StoredText, type WriteOptions } from './store.js';
/** A notes folder held in memory: for tests, previews and dry runs. */
export declare class MemoryStore implements NoteStore {
    private readonly files;
    constructor(files?: Readonly<Record<string, string>>);
    listNotes(): Promise<string[]>;
    listFiles(folder: string): Promise<string[]>;
    read(path: string): Promise<StoredText | undefined>;
    write(path: string, text: string, options?: WriteOptions): Promise<StoredText>;
    /** Every file, for assertions. */
    snapshot(): Record<string, string>;
}
