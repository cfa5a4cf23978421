import type { Diagnostic } from '../diagnostics.js';
import type { Source } from '../model/vocabulary.js';
import { InvalidInputError, NoteConflictError, RapportError } from '../errors.js';
import { isCalendarDate } from '../lifecycle/dates.js';
import { getField, setField } from '../note/edit.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { NoteIndex } from '../workspace/note-index.js';
import { contentVersion, type NoteStore } from '../workspace/store.js';
import { createContact } from '../workspace/create-contact.js';
import { editNote, type Workspace } from '../workspace/workspace.js';
import type { ImportCandidate, ImportFormat, ImportReading, ImportRule } from './candidate.js';
import { ContactMatcher, type MatchKind } from './match.js';

/** Options of `importContacts`. */
export interface ImportOptions {
  /** Day of the import, `YYYY-MM-DD`: the history date of people the file gives no date for. */
  readonly today: string;
  /** Work out what would be created and updated without writing anything. Default `false`. */
  readonly dryRun?: boolean;
}

/** A note created or filled in by an import. */
export interface ImportedContact {
  /** Line of the input file the person came from. */
  readonly line: number;
  readonly name: string;
  /** The note, relative to the notes folder. */
  readonly file: string;
  /** For an update: which key recognised the existing note. */
  readonly matchedBy?: MatchKind;
  /** Frontmatter fields written: all of a new note's, only the empty ones filled in an update. */
  readonly fields: readonly string[];
  /**
   * For a new note: an existing note with the same name that was not matched
   * (no LinkedIn URL, email or organization in common), so the user can tell
   * whether it is the same person.
   */
  readonly namesake?: string;
}

/** A person of the input file that changed nothing, and why. */
export interface SkippedImport {
  readonly line: number;
  readonly name?: string;
  readonly reason: string;
  /** The existing note, when the person was recognised. */
  readonly file?: string;
}

/** What an import created, updated and skipped, and the problems found in the input file. */
export interface ImportSummary {
  readonly file: string;
  readonly format: ImportFormat;
  readonly dryRun: boolean;
  readonly created: readonly ImportedContact[];
  readonly updated: readonly ImportedContact[];
  readonly skipped: readonly SkippedImport[];
  /** Problems in the input file, from the reader. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Reader rules that mean a whole row or card was left out. */
const SKIPPING_RULES: ReadonlySet<ImportRule> = new Set(['import-short-row', 'import-missing-name', 'import-malformed-csv', 'import-malformed-vcard']);

/** Fields an import may fill, in the order they are written. */
const FILLABLE = ['organization', 'role', 'email', 'phone', 'linkedin', 'location', 'source'] as const;
type Fillable = (typeof FILLABLE)[number];
type FillValues = { readonly [K in Fillable]?: K extends 'source' ? Source : string };

/**
 * Brings the people of an import file into the notes. Someone already there
 * (matched by LinkedIn URL, then email, then exact name and organization)
 * only gets the fields their note leaves empty, written with lossless edits:
 * nothing the user wrote is ever overwritten. Anyone else becomes a new
 * `identified` contact whose history starts on the date the file gives
 * (LinkedIn's connection date) or on the import day. Running the same import
 * again changes nothing.
 */
export async function importContacts(workspace: Workspace, reading: ImportReading, options: ImportOptions): Promise<ImportSummary> {
  if (!isCalendarDate(options.today)) throw new InvalidInputError(`invalid date "${options.today}" (use YYYY-MM-DD)`);
  const dryRun = options.dryRun ?? false;
  const deferral = dryRun ? undefined : deferringCreations(workspace);
  const target = deferral?.workspace ?? inMemoryCopy(workspace);
  const matcher = new ContactMatcher(target.index.contacts());
  const created: ImportedContact[] = [];
  const updated: ImportedContact[] = [];
  const skipped: SkippedImport[] = reading.diagnostics
    .filter((diagnostic) => SKIPPING_RULES.has(diagnostic.rule as ImportRule))
    .map((diagnostic) => ({ line: diagnostic.line, reason: diagnostic.message }));

  for (const candidate of reading.candidates) {
    const values = valuesOf(candidate);
    const keys = { name: candidate.name, organization: candidate.organization, emails: candidate.emails, linkedin: candidate.linkedin };
    const match = matcher.match(keys);
    try {
      if (match) {
        const filled: Fillable[] = [];
        await editNote(target, match.file, (text) => {
          filled.length = 0;
          let result = text;
          for (const field of FILLABLE) {
            const value = values[field];
            if (value === undefined || !isEmpty(getField(result, [field]))) continue;
            result = setField(result, [field], value);
            filled.push(field);
          }
          return result;
        });
        matcher.add(match.file, keys);
        if (filled.length > 0) updated.push({ line: candidate.line, name: candidate.name, file: match.file, matchedBy: match.by, fields: [...filled] });
        else skipped.push({ line: candidate.line, name: candidate.name, file: match.file, reason: `already in ${match.file} (same ${MATCH_WORDS[match.by]}), nothing to add` });
      } else {
        const { organization, role, source, ...fields } = values;
        const namesake = target.index.contacts().find((contact) => sameName(contact.name, candidate.name))?.file;
        const { file } = await createContact(target, {
          name: candidate.name,
          date: candidate.since ?? options.today,
          ...(organization ? { organization } : {}),
          ...(role ? { role } : {}),
          ...(source ? { source } : {}),
          fields,
        });
        matcher.add(file, keys);
        created.push({ line: candidate.line, name: candidate.name, file, fields: ['name', 'stage', ...FILLABLE.filter((field) => values[field] !== undefined), 'history'], ...(namesake ? { namesake } : {}) });
      }
    } catch (error) {
      if (!(error instanceof RapportError)) throw error;
      skipped.push({ line: candidate.line, name: candidate.name, reason: error.message, ...(match ? { file: match.file } : {}) });
    }
  }
  const existed = new Set(await deferral?.flush());
  for (const entry of created.filter((entry) => existed.has(entry.file))) {
    created.splice(created.indexOf(entry), 1);
    skipped.push({ line: entry.line, name: entry.name, file: entry.file, reason: `${entry.file} appeared while importing; left as it is` });
    const stored = await workspace.store.read(entry.file);
    if (stored) workspace.index.set(entry.file, stored.text, stored.version);
  }
  skipped.sort((a, b) => a.line - b.line);
  return { file: reading.file, format: reading.format, dryRun, created, updated, skipped, diagnostics: reading.diagnostics };
}

/** The same name, ignoring case, spacing and Unicode composition (as matching does). */
function sameName(a: string, b: string): boolean {
  const normal = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
  return normal(a) === normal(b);
}

const MATCH_WORDS: Record<MatchKind, string> = { linkedin: 'LinkedIn URL', email: 'email', 'name-organization': 'name and organization' };

function valuesOf(candidate: ImportCandidate): FillValues {
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

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** How many new notes are held back before they are written together (bounds the memory they take). */
const CREATION_BATCH = 1000;

/**
 * The workspace with the notes it creates held back and written together,
 * a batch at a time and the rest by `flush` (which returns every path that
 * turned out to exist by then): one disk flush per note made a 50,000-row
 * import take minutes. Edits of notes already on disk go straight through,
 * with their version checks.
 */
function deferringCreations(workspace: Workspace): { workspace: Workspace; flush(): Promise<readonly string[]> } {
  const store = workspace.store;
  const createMany = store.createMany?.bind(store);
  if (!createMany) return { workspace, flush: async () => [] };
  const pending = new Map<string, string>();
  const existed: string[] = [];
  const writePending = async () => {
    const files = [...pending].map(([path, text]) => ({ path, text }));
    pending.clear();
    if (files.length > 0) existed.push(...(await createMany(files)));
  };
  const deferred: NoteStore = {
    listNotes: () => store.listNotes(),
    listFiles: (folder) => store.listFiles(folder),
    read: async (path) => {
      const text = pending.get(path);
      return text === undefined ? store.read(path) : { text, version: contentVersion(text) };
    },
    write: async (path, text, options = {}) => {
      const held = pending.get(path);
      if (held === undefined && options.expectedVersion !== null) return store.write(path, text, options);
      const current = held === undefined ? ((await store.read(path))?.version ?? null) : contentVersion(held);
      if (options.expectedVersion !== undefined && options.expectedVersion !== current) throw new NoteConflictError(path);
      pending.set(path, text);
      if (pending.size >= CREATION_BATCH) await writePending();
      return { text, version: contentVersion(text) };
    },
  };
  return {
    workspace: { ...workspace, store: deferred },
    flush: async () => {
      await writePending();
      return existed;
    },
  };
}

/** The workspace as it is, in memory: a dry run works on this copy so it can report exactly what a real run would do. */
function inMemoryCopy(workspace: Workspace): Workspace {
  const files: Record<string, string> = {};
  const index = new NoteIndex();
  for (const file of workspace.index.files()) {
    const text = workspace.index.text(file)!;
    files[file] = text;
    index.set(file, text);
  }
  return { ...workspace, store: new MemoryStore(files), index };
}
