import slugify from '@sindresorhus/slugify';
import { InvalidEncodingError, InvalidInputError, NoteConflictError, NoteExistsError, NoteNotFoundError, UneditableNoteError } from '../errors.js';
import { findConflicts } from '../merge/conflict-markers.js';
import { contactNoteText } from '../note/template.js';
import { loadConfig } from './config.js';
import { INDEX_CACHE_FORMAT, isReusable } from './index-cache.js';
import { NoteIndex } from './note-index.js';
/** How long a load runs before it lets the event loop breathe (timers, I/O, a UI). */
const SLICE_MS = 32;
/** Reads the config and every note of a folder through its store. */
export async function loadWorkspace(store, options = {}) {
    const takenAt = Date.now();
    const cache = options.cache;
    const [{ config, diagnostics }, files, snapshot] = await Promise.all([loadConfig(store), store.listNotes(), cache?.load().catch(() => undefined)]);
    const identities = cache ? await cache.identify(files).catch(() => []) : [];
    // Without a way to read a text back on demand, the index keeps every text (the VS Code store); with one, none.
    const readSync = store.readSync?.bind(store);
    const index = options.index ?? new NoteIndex(readSync ? { readText: (file) => readTextQuietly(readSync, file) } : {});
    const listed = new Set(files);
    for (const file of index.files())
        if (!listed.has(file))
            index.delete(file);
    const unreadable = [];
    const cached = {};
    const toRead = [];
    let done = 0;
    files.forEach((file, position) => {
        const saved = snapshot?.notes[file];
        if (snapshot && isReusable(saved, identities[position], snapshot)) {
            if (index.version(file) !== saved.version)
                index.setReading(file, saved.reading, { version: saved.version });
            cached[file] = saved;
            options.onProgress?.(++done, files.length);
        }
        else
            toRead.push(position);
    });
    const breathe = breather();
    let next = 0;
    const worker = async () => {
        while (next < toRead.length) {
            const position = toRead[next++];
            const file = files[position];
            try {
                const stored = await store.read(file);
                if (stored === undefined)
                    throw Object.assign(new Error('missing'), { code: 'ENOENT' });
                const reading = index.version(file) === stored.version ? index.reading(file) : index.set(file, stored.text, stored.version);
                const identity = identities[position];
                if (identity)
                    cached[file] = { identity, version: stored.version, reading };
            }
            catch (error) {
                index.delete(file);
                unreadable.push(unreadableFileDiagnostic(file, error));
            }
            options.onProgress?.(++done, files.length);
            await breathe();
        }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 64, toRead.length) }, worker));
    if (cache && (toRead.length > 0 || !snapshot || Object.keys(snapshot.notes).length !== files.length)) {
        await cache.save({ format: INDEX_CACHE_FORMAT, takenAt, notes: cached }).catch(() => undefined);
    }
    return { store, config, index, configDiagnostics: [...diagnostics, ...unreadable] };
}
function readTextQuietly(readSync, file) {
    try {
        return readSync(file)?.text;
    }
    catch {
        return undefined;
    }
}
/**
 * Reads from a local disk often complete at once, so a load could run to
 * the end without the event loop ever turning; every few ms all readers
 * wait for one macrotask together.
 */
function breather() {
    const defer = typeof setImmediate === 'function' ? (resume) => setImmediate(resume) : (resume) => setTimeout(resume, 0);
    let last = performance.now();
    let pause;
    return async () => {
        if (!pause && performance.now() - last > SLICE_MS) {
            pause = new Promise((resolve) => defer(() => {
                pause = undefined;
                last = performance.now();
                resolve();
            }));
        }
        if (pause)
            await pause;
    };
}
const READ_FAILURES = {
    EISDIR: 'it is a folder, not a file',
    ELOOP: 'it is a symbolic link that loops',
    ENOENT: 'it is a symbolic link to nothing',
    EACCES: 'permission denied',
};
/**
 * The `unreadable-file` diagnostic of a note that is listed but cannot be
 * read: at the first bad byte for invalid UTF-8, else at 1:1. Exported so an
 * editor that reads notes its own way words the problem the same.
 */
export function unreadableFileDiagnostic(file, error) {
    const place = error instanceof InvalidEncodingError ? { line: error.line, column: error.column } : { line: 1, column: 1 };
    const code = error.code;
    const reason = error instanceof InvalidEncodingError ? 'it is not valid UTF-8 text' : (code && READ_FAILURES[code]) ?? code ?? error.message;
    return { file, ...place, endLine: place.line, endColumn: place.column, severity: 'error', rule: 'unreadable-file', message: `The note cannot be read: ${reason}`, hint: 'Rapport leaves this file untouched' };
}
/** Finds a contact by id or path, or throws `NoteNotFoundError`. */
export function findContact(workspace, reference) {
    const contact = workspace.index.contact(reference);
    if (!contact)
        throw new NoteNotFoundError(reference);
    return contact;
}
/**
 * Applies an edit to a note: reads it, transforms the text, and writes it
 * back atomically — refusing if the file changed on disk in between. The
 * index is updated with the new text.
 */
export async function editNote(workspace, file, edit, options = {}) {
    for (let attempt = 0;; attempt++) {
        const stored = await workspace.store.read(file);
        if (!stored)
            throw new NoteNotFoundError(file);
        const conflict = findConflicts(stored.text)[0];
        // Either side could be the one the user keeps: writing into the conflict would pick for them.
        if (conflict)
            throw new UneditableNoteError(`it has an unresolved merge conflict at line ${conflict.line}; resolve it first, keeping both sides' history entries`, file);
        let text;
        try {
            text = edit(stored.text);
        }
        catch (error) {
            if (error instanceof UneditableNoteError)
                throw new UneditableNoteError(error.reason, file);
            throw error;
        }
        if (text === stored.text)
            return stored;
        try {
            const written = await workspace.store.write(file, text, { expectedVersion: stored.version });
            workspace.index.set(file, text);
            return written;
        }
        catch (error) {
            if (!(error instanceof NoteConflictError) || attempt >= (options.retries ?? 0))
                throw error;
        }
    }
}
const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_SLUG_LENGTH = 64;
/** A safe file name stem for a contact: lowercase ASCII words joined by dashes, never a path. */
export function contactSlug(name) {
    let slug = slugify(name, { separator: '-', lowercase: true, decamelize: false }).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
    if (slug === '')
        slug = 'contact';
    if (RESERVED_NAMES.test(slug))
        slug = `${slug}-contact`;
    return slug;
}
/**
 * Creates a contact note in the configured folder and returns its path. The
 * file name comes from the name (slugged, so it never leaves the folder);
 * when the id is taken, the organization and then a number are added.
 */
export async function createContact(workspace, contact) {
    if (contact.name.trim() === '')
        throw new InvalidInputError('a contact needs a name');
    if (contact.referredBy && !workspace.index.contact(contact.referredBy))
        throw new NoteNotFoundError(contact.referredBy);
    const referredBy = contact.referredBy ? workspace.index.contact(contact.referredBy).id : undefined;
    const folder = workspace.config.notesFolder;
    const base = contactSlug(contact.name);
    const candidates = [base, ...(contact.organization ? [`${base}-${contactSlug(contact.organization)}`] : [])];
    for (let n = 2; candidates.length < 1000; n++)
        candidates.push(`${base}-${n}`);
    const id = candidates.find((candidate) => !workspace.index.hasId(candidate));
    if (!id)
        throw new NoteExistsError(`${base}.md`);
    const file = folder ? `${folder}/${id}.md` : `${id}.md`;
    const text = contactNoteText({ ...contact, name: contact.name.trim(), ...(referredBy ? { referredBy } : {}) });
    await workspace.store.write(file, text, { expectedVersion: null });
    workspace.index.set(file, text);
    return { id, file };
}
//# sourceMappingURL=workspace.js.map