import { InvalidInputError, RapportError } from '../errors.js';
import { isCalendarDate } from '../lifecycle/dates.js';
import { getField, setField } from '../note/edit.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { NoteIndex } from '../workspace/note-index.js';
import { createContact, editNote } from '../workspace/workspace.js';
import { ContactMatcher } from './match.js';
/** Reader rules that mean a whole row or card was left out. */
const SKIPPING_RULES = new Set(['import-short-row', 'import-missing-name', 'import-malformed-csv', 'import-malformed-vcard']);
/** Fields an import may fill, in the order they are written. */
const FILLABLE = ['organization', 'role', 'email', 'phone', 'linkedin', 'location', 'source'];
/**
 * Brings the people of an import file into the notes. Someone already there
 * (matched by LinkedIn URL, then email, then exact name and organization)
 * only gets the fields their note leaves empty, written with lossless edits:
 * nothing the user wrote is ever overwritten. Anyone else becomes a new
 * `identified` contact whose history starts on the date the file gives
 * (LinkedIn's connection date) or on the import day. Running the same import
 * again changes nothing.
 */
export async function importContacts(workspace, reading, options) {
    if (!isCalendarDate(options.today))
        throw new InvalidInputError(`invalid date "${options.today}" (use YYYY-MM-DD)`);
    const dryRun = options.dryRun ?? false;
    const target = dryRun ? inMemoryCopy(workspace) : workspace;
    const matcher = new ContactMatcher(target.index.contacts());
    const created = [];
    const updated = [];
    const skipped = reading.diagnostics
        .filter((diagnostic) => SKIPPING_RULES.has(diagnostic.rule))
        .map((diagnostic) => ({ line: diagnostic.line, reason: diagnostic.message }));
    for (const candidate of reading.candidates) {
        const values = valuesOf(candidate);
        const keys = { name: candidate.name, organization: candidate.organization, emails: candidate.emails, linkedin: candidate.linkedin };
        const match = matcher.match(keys);
        try {
            if (match) {
                const filled = [];
                await editNote(target, match.file, (text) => {
                    filled.length = 0;
                    let result = text;
                    for (const field of FILLABLE) {
                        const value = values[field];
                        if (value === undefined || !isEmpty(getField(result, [field])))
                            continue;
                        result = setField(result, [field], value);
                        filled.push(field);
                    }
                    return result;
                });
                matcher.add(match.file, keys);
                if (filled.length > 0)
                    updated.push({ line: candidate.line, name: candidate.name, file: match.file, matchedBy: match.by, fields: [...filled] });
                else
                    skipped.push({ line: candidate.line, name: candidate.name, file: match.file, reason: `already in ${match.file} (same ${MATCH_WORDS[match.by]}), nothing to add` });
            }
            else {
                const { organization, role, source, ...fields } = values;
                const { file } = await createContact(target, {
                    name: candidate.name,
                    date: candidate.since ?? options.today,
                    ...(organization ? { organization } : {}),
                    ...(role ? { role } : {}),
                    ...(source ? { source } : {}),
                    fields,
                });
                matcher.add(file, keys);
                created.push({ line: candidate.line, name: candidate.name, file, fields: ['name', 'stage', ...FILLABLE.filter((field) => values[field] !== undefined), 'history'] });
            }
        }
        catch (error) {
            if (!(error instanceof RapportError))
                throw error;
            skipped.push({ line: candidate.line, name: candidate.name, reason: error.message, ...(match ? { file: match.file } : {}) });
        }
    }
    skipped.sort((a, b) => a.line - b.line);
    return { file: reading.file, format: reading.format, dryRun, created, updated, skipped, diagnostics: reading.diagnostics };
}
const MATCH_WORDS = { linkedin: 'LinkedIn URL', email: 'email', 'name-organization': 'name and organization' };
function valuesOf(candidate) {
    const email = candidate.emails[0];
    return {
        ...(candidate.organization ? { organization: candidate.organization } : {}),
        ...(candidate.role ? { role: candidate.role } : {}),
        ...(email ? { email } : {}),
        ...(candidate.phone ? { phone: candidate.phone } : {}),
        ...(candidate.linkedin ? { linkedin: candidate.linkedin } : {}),
        ...(candidate.location ? { location: candidate.location } : {}),
        ...(candidate.source ? { source: candidate.source } : {}),
    };
}
function isEmpty(value) {
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}
/** The workspace as it is, in memory: a dry run works on this copy so it can report exactly what a real run would do. */
function inMemoryCopy(workspace) {
    const files = {};
    const index = new NoteIndex();
    for (const file of workspace.index.files()) {
        const text = workspace.index.text(file);
        files[file] = text;
        index.set(file, text);
    }
    return { ...workspace, store: new MemoryStore(files), index };
}
//# sourceMappingURL=import-contacts.js.map