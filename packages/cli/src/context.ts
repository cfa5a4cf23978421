import { homedir } from 'node:os';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CONFIG_PATH, compareDiagnostics, loadWorkspace, noteId, privateFieldDiagnostics, todayIn, isCalendarDate, InvalidInputError, type BrokenNote, type Contact, type Diagnostic, type DiagnosticRule, type Workspace, type ActionContext, type FileIdentity, type IndexCache, type IndexSnapshot } from '@rapport/core';
import { NodeIndexCache, NodeStore } from '@rapport/core/node';
import { configErrors, sharedIdProblem } from '@rapport/core/internal';
import { colorsFor, formatDiagnostic, printable, progressReporter, type Colors, type Io } from './io.js';
import { invalidDate } from './date-options.js';
import { didYouMean } from '@rapport/core/internal';
import { FailureError, UsageError } from './errors.js';

/** What every command gets: its output streams, colours and the notes folder. */
export class CommandContext {
  readonly colors: Colors;
  readonly store: NodeStore;
  /** The folder `--dir` names, else the current one: where `init` sets up a notes folder. */
  readonly givenFolder: string;
  private indexCache: DeferredIndexCache | undefined;
  private problemsReported = false;
  /** Whether the folder was named by `--dir` or found by its `.rapport/`, rather than taken to be the current one. */
  private readonly folderChosen: boolean;

  constructor(
    readonly io: Io,
    dir: string | undefined,
    private readonly options: { readonly cache?: boolean } = {},
  ) {
    this.colors = colorsFor(io.stdout, io.env);
    // `--dir "$NOTES"` with the variable unset would otherwise read, and write into, the current folder.
    if (dir !== undefined && dir.trim() === '') throw new UsageError('--dir is empty (an unset variable?): give the notes folder, or leave --dir out to use the one around the current folder');
    // `--dir=~/x` or a quoted "~/x" reaches us unexpanded: read `~` as the shell would.
    this.givenFolder = resolve(io.cwd, dir === undefined ? '.' : /^~(?=$|[\\/])/.test(dir) ? homedir() + dir.slice(1) : dir);
    // Like git: from anywhere inside a notes folder, the nearest `.rapport/` up from here marks it.
    const found = dir === undefined ? notesFolderAbove(io.cwd) : undefined;
    this.folderChosen = dir !== undefined || found !== undefined;
    this.store = new NodeStore(found ?? this.givenFolder);
  }

  /**
   * Reads the whole folder, with progress on a terminal. Notes unchanged on
   * disk since the last run come from `.rapport/cache/` unless `--no-cache`.
   * Problems in the config (a setting silently ignored could leak a private
   * field) and notes left in a merge conflict (which would otherwise just be
   * missing) are printed on stderr, unless the command lists them itself.
   */
  async workspace(options: { readonly reportProblems?: boolean } = {}): Promise<Workspace> {
    // A mistyped --dir would otherwise read as an empty folder: "no contacts", exit 0.
    // Synchronous: `node:fs/promises` would load some twenty modules for this one call.
    const folder = statSync(this.store.root, { throwIfNoEntry: false });
    // Only a --dir can name a folder that is not there (without it, the folder is the current one).
    if (!folder) {
      // `~root/x` is left as written: only `~` and `~/…` are read as the home folder.
      const tilde = /(^|[\\/])~[^\\/]+/.test(relative(this.io.cwd, this.store.root)) ? '; only ~ and ~/… are read as your home folder, so write another user\'s folder in full' : '';
      throw new FailureError(`notes folder not found: ${this.store.root} (check the --dir path${tilde}, or create the folder with: rapport init ${this.store.root})`);
    }
    if (!folder.isDirectory()) throw new FailureError(`${this.store.root} is a file, not a notes folder`);
    // Run from / or the home folder by mistake, a command would read every file below it (all of the disk).
    const root = this.store.root;
    if (!this.folderChosen && (dirname(root) === root || root === resolve(homedir()))) {
      throw new FailureError(`no notes folder here: ${root} has no .rapport/ (run rapport init there, or give --dir)`);
    }
    const progress = progressReporter(this.io, 'Reading notes');
    if (this.options.cache !== false) this.indexCache ??= new DeferredIndexCache(new NodeIndexCache(this.store));
    let workspace: Workspace;
    try {
      workspace = await loadWorkspace(this.store, { onProgress: progress.update, ...(this.indexCache ? { cache: this.indexCache } : {}) });
    } finally {
      progress.done();
    }
    if (options.reportProblems !== false) this.warnAboutProblems(workspace);
    return workspace;
  }

  /**
   * `workspace()` for a command that writes into the notes or a letter: refused
   * while the config has an error, since it is then read with defaults in its
   * place (where a new note goes, the day in the configured zone, the profile
   * a letter is signed with) and the result would not be what the user set.
   */
  async workspaceToWrite(refused = 'nothing written'): Promise<Workspace> {
    const workspace = await this.workspace();
    const errors = configErrors(workspace);
    if (errors.length > 0) {
      // Each error was printed above, with its hint.
      const lines = `line${errors.length === 1 ? '' : 's'} ${[...new Set(errors.map((d) => d.line))].join(', ')}`;
      throw new UsageError(`${refused}: ${CONFIG_PATH} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`} (${lines}, above), and until it is fixed Rapport reads the defaults in its place`);
    }
    return workspace;
  }

  private warnAboutProblems(workspace: Workspace): void {
    if (this.problemsReported) return;
    this.problemsReported = true;
    const colors = colorsFor(this.io.stderr, this.io.env);
    for (const d of workspace.configDiagnostics) if (d.file === CONFIG_PATH) this.io.stderr.write(`${formatDiagnostic(d, colors)}\n`);
    const reported = new Set<string>();
    for (const d of workspace.index.diagnostics('merge-conflict')) {
      if (reported.has(d.file)) continue;
      reported.add(d.file);
      const effect = workspace.index.contact(d.file) ? 'resolve it before editing the note' : 'the contact is left out until it is resolved';
      this.io.stderr.write(`rapport: ${colors.yellow('warning')}: ${printable(d.file)}:${d.line} has an unresolved merge conflict: ${effect} (rapport check lists every conflict)\n`);
    }
  }

  /**
   * Entries of the config's `private:` that leave nothing out of exports (a
   * typo such as `phne`, or `name`). Only the notes tell a field of the
   * user's own from a typo, so `check` and `export` ask once the folder is read.
   */
  async privateFieldProblems(workspace: Workspace): Promise<Diagnostic[]> {
    const stored = await workspace.store.read(CONFIG_PATH).catch(() => undefined);
    return privateFieldDiagnostics(stored?.text, () => workspace.index.contacts());
  }

  /** Saves the index cache the last load prepared, if any (best effort, like every cache write). */
  async saveIndexCache(): Promise<void> {
    await this.indexCache?.flush();
  }

  /** "Now" for next actions: `--today` pins the date (at noon in the user's zone) for scripts and tests. */
  actionContext(workspace: Workspace, today: string | undefined): ActionContext & { today: string } {
    const timezone = workspace.config.timezone;
    if (today !== undefined) {
      if (!isCalendarDate(today)) throw new InvalidInputError(invalidDate('--today', today));
      const now = new Date(`${today}T12:00:00Z`);
      return { now, timezone, rules: workspace.config.rules, today };
    }
    const now = new Date();
    return { now, timezone, rules: workspace.config.rules, today: todayIn(timezone, now) };
  }

  /** The day a command takes as today: `--today` when given, else today in the configured zone. */
  today(workspace: Workspace, today: string | undefined): string {
    return this.actionContext(workspace, today).today;
  }

  /**
   * A contact named on the command line by id, by path from the notes
   * folder, or by path from the current directory. A note that cannot be
   * read says why and where; an unknown id suggests the nearest ones.
   * `label` (e.g. `--referred-by`) starts the message when it names an option.
   */
  contact(workspace: Workspace, reference: string, label?: string): Contact {
    const path = this.notePath(reference);
    const prefix = label ? `${label}: ` : '';
    this.refusePathOutside(reference, path, prefix);
    const named = workspace.index.contactsNamed(reference);
    const candidates = named.length > 0 ? named : workspace.index.contactsNamed(path);
    // Named by an id that two notes share, it could be either: editing the first found might edit the wrong one.
    if (candidates.length > 1) {
      const files = candidates.map((other) => printable(this.displayPath(other.file)));
      throw new FailureError(`${prefix}${sharedIdProblem(printable(reference), files)}; give the path of the one you mean (each contact needs an id of its own: rename one of the files)`);
    }
    const contact = candidates[0];
    if (contact) return contact;
    // A symlink to a note is listed as that note: named through the link, it is the note it leads to.
    // As typed from the notes folder or from here, with or without `.md`.
    const spellings = [reference, path].flatMap((file) => [file, `${file}.md`]);
    const linked = spellings.map((file) => this.store.linkedNote(file)).find((file) => file !== undefined);
    const throughLink = linked === undefined ? undefined : workspace.index.contact(linked);
    if (throughLink) return throughLink;
    const broken = workspace.index.brokenNoteNamed(reference) ?? workspace.index.brokenNoteNamed(path);
    if (broken) throw new FailureError(`${prefix}${brokenNotePlace(broken)}`);
    // A note named by its path that is there but is no contact: said so, rather than "not found".
    const note = spellings.find((file) => workspace.index.has(file));
    if (note) {
      const what = workspace.index.text(note)?.trim() === '' ? 'is empty' : 'has no `type: contact` in its frontmatter';
      throw new FailureError(`${prefix}${printable(this.displayPath(note))} ${what}, so it is not a contact note (rapport new "Full Name" creates one)`);
    }
    const ids = [...workspace.index.contacts(), ...workspace.index.brokenNotes()].map((candidate) => candidate.id);
    throw new FailureError(`${prefix}no contact note found for "${reference}"${didYouMean(noteId(reference), ids)}`);
  }

  /**
   * A contact named by a path (it has a `/` or ends in `.md`) must be a note in
   * the notes folder: `/tmp/other/owen-park.md` is not `./owen-park.md`, even
   * though they share an id. Taken from the notes folder and from here, the path
   * is refused when both lead out of it (through a linked folder too), and when
   * it ends in `/` (a folder).
   */
  private refusePathOutside(reference: string, path: string, prefix: string): void {
    const slashed = reference.replace(/\\/g, '/');
    if (!slashed.includes('/') && !/\.md$/i.test(slashed)) return;
    if (slashed.endsWith('/')) throw new UsageError(`${prefix}${printable(reference)} ends in /, so it names a folder: give the note, such as ${printable(slashed.replace(/\/+$/, ''))}`);
    const fromFolder = isAbsolute(reference) ? path : this.store.relativePath(resolve(this.store.root, reference));
    const inside = [path, fromFolder].filter((file) => !(file === '' || file === '..' || file.startsWith('../') || isAbsolute(file)));
    const why = inside.map((file) => this.store.folderOutside(file));
    if (inside.length > 0 && why.some((reason) => reason === undefined)) return;
    const where = why[0] === undefined ? ' is outside the notes folder' : `: ${why[0]}`;
    throw new UsageError(`${prefix}${printable(reference)}${printable(where)} (${printable(this.store.root)}): give a note inside it, or --dir`);
  }

  /** A path in the notes folder as the user should type it from here: relative to the current folder when inside the notes folder. */
  displayPath(file: string): string {
    const here = relative(this.store.root, resolve(this.io.cwd));
    if (here === '..' || here.startsWith(`..${sep}`) || isAbsolute(here)) return file;
    return relative(here, file.split('/').join(sep)).split(sep).join('/');
  }

  /** A path given on the command line, made relative to the notes folder. */
  notePath(path: string): string {
    return this.store.relativePath(isAbsolute(path) ? path : resolve(this.io.cwd, path));
  }

  /**
   * One line on stderr per note that cannot be read as a contact, so that
   * no contact vanishes from a listing without a word. A value left unread
   * that the command names itself (`file:line` in `saidElsewhere`, such as a
   * meeting an export leaves out) is not said twice.
   */
  warnBrokenNotes(workspace: Workspace, saidElsewhere: ReadonlySet<string> = new Set()): readonly BrokenNote[] {
    const broken = workspace.index.brokenNotes();
    // A merge conflict has its own warning, given by every command as it loads the folder.
    for (const note of broken) if (!note.problems.some((problem) => problem.rule === 'merge-conflict')) this.io.stderr.write(`rapport: warning: ${brokenNotePlace(note)}\n`);
    // Two contacts with one id are both listed, and a command given that id cannot tell which is meant.
    for (const d of workspace.index.diagnostics('duplicate-id')) this.io.stderr.write(`rapport: warning: ${printable(d.file)}: ${printable(d.message)} (${printable(d.hint ?? '')})\n`);
    // A contact read otherwise than written (a stage typed wrong is read as the default one; a date, a `next:` or a value that is not one is left out): said once per note.
    const misread = new Map<string, { d: Diagnostic; contact: Contact }>();
    for (const rule of UNREAD_VALUE_RULES) {
      for (const d of workspace.index.diagnostics(rule)) {
        const contact = misread.has(d.file) || saidElsewhere.has(`${d.file}:${d.line}`) ? undefined : workspace.index.contact(d.file);
        if (contact) misread.set(d.file, { d, contact });
      }
    }
    for (const { d, contact } of [...misread.values()].sort((a, b) => compareDiagnostics(a.d, b.d))) {
      this.io.stderr.write(`rapport: warning: ${printable(d.file)}:${d.line}: ${printable(d.message)}: ${printable(contact.name)} is not read as written until it is corrected (rapport check lists every problem)\n`);
    }
    return broken;
  }

  /**
   * Before recording in a contact's history: a note read otherwise than
   * written (a stage typed wrong, a date that is not one) would have the
   * change recorded out of place, so it is refused, naming the line to
   * correct, unless forced.
   */
  refuseMisreadContact(workspace: Workspace, contact: Contact, force: boolean | undefined): void {
    if (force) return;
    const own = workspace.index.reading(contact.file)?.diagnostics ?? [];
    const misread = [...own.filter((d) => MISREADING_RULES.includes(d.rule)), ...unreadHistoryProblems(workspace, contact, own)].sort(compareDiagnostics)[0];
    if (misread) {
      throw new UsageError(`${printable(misread.file)}:${misread.line}: ${printable(misread.message)}: ${printable(contact.name)} is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)`);
    }
  }

  print(text = ''): void {
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text || '\n' : text + '\n');
  }

  json(value: unknown): void {
    this.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
  }
}

/** The nearest folder from `start` upwards (itself included) that holds a `.rapport/` folder: the one a command run there without `--dir` uses. */
export function notesFolderAbove(start: string): string | undefined {
  for (let folder = resolve(start); ; folder = dirname(folder)) {
    if (isFolder(join(folder, '.rapport'))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The problems that leave entries of a contact's `history` unread (`history:
 * [a, b]`, an entry without its date): a step recorded after them would be
 * recorded out of place. Found by comparing the history as written with the
 * history read, and placed by the lines of the `history` field.
 */
function unreadHistoryProblems(workspace: Workspace, contact: Contact, own: readonly Diagnostic[]): Diagnostic[] {
  const written = contact.fields.history;
  // An empty entry (`-` alone) holds nothing to misread; a `history` that is no list cannot be added to, and the edit says so.
  if (!Array.isArray(written) || written.filter((entry) => entry !== null).length === contact.history.length) return [];
  const lines = (workspace.index.text(contact.file) ?? '').split('\n');
  const first = lines.findIndex((line) => /^history[ \t]*:/.test(line)) + 1;
  // The field runs on over its indented lines, its `- ` lines (a list may sit at the key's own indent) and blank or comment lines.
  let last = first;
  while (last < lines.length && /^(?:[ \t]|-(?:[ \t]|\r?$)|#|\r?$)/.test(lines[last]!)) last++;
  const inHistory = own.filter((d) => HISTORY_RULES.includes(d.rule) && d.line >= first && d.line <= last);
  if (inHistory.length > 0) return inHistory;
  const line = Math.max(first, 1);
  return [{ file: contact.file, line, column: 1, endLine: line, endColumn: 1, severity: 'error', rule: 'invalid-type', message: 'Not every history entry can be read' }];
}

/** Where a broken note's first problem is and what it is: `file:line: cannot read this contact: problem`. */
export function brokenNotePlace(note: BrokenNote): string {
  const [first, ...others] = note.problems;
  if (!first) return `${note.file}: cannot read this contact`;
  const more = others.length === 0 ? '' : ` (and ${others.length} more problem${others.length === 1 ? '' : 's'}: rapport check)`;
  return `${first.file}:${first.line}: cannot read this contact: ${first.message}${first.hint ? ` (${first.hint})` : ''}${more}`;
}

/**
 * An index cache whose saves wait for `flush`: a command that fails must
 * write nothing, not even the cache its load prepared.
 */
class DeferredIndexCache implements IndexCache {
  private pending: IndexSnapshot | undefined;

  constructor(private readonly cache: IndexCache) {}

  get keepsContactOrder(): boolean {
    return this.cache.keepsContactOrder === true;
  }

  identify(files: readonly string[]): Promise<readonly (FileIdentity | undefined)[]> {
    return this.cache.identify(files);
  }

  load(): Promise<IndexSnapshot | undefined> {
    return this.cache.load();
  }

  async save(snapshot: IndexSnapshot): Promise<void> {
    this.pending = snapshot;
  }

  async flush(): Promise<void> {
    const snapshot = this.pending;
    this.pending = undefined;
    if (snapshot) await this.cache.save(snapshot).catch(() => undefined);
  }
}

/** Problems that leave a contact readable, but read otherwise than written. */
const MISREADING_RULES: readonly DiagnosticRule[] = ['unknown-stage', 'invalid-date'];
/** The problems a history entry that cannot be read gets: not a mapping, no date or stage, a date or stage misread. */
const HISTORY_RULES: readonly DiagnosticRule[] = ['invalid-type', 'missing-field', 'invalid-date', 'unknown-stage'];
/**
 * Problems that leave a value of the note unread (an empty `name:` is read as the file's id, a `next:` that is not a mapping is no next step on the agenda,
 * `tags: ux` no tag, an offer's `(by 2026-11-31)` no deadline on the agenda): listings say so, as for a misread
 * stage, but writes go on, since nothing is recorded out of place.
 */
const UNREAD_VALUE_RULES: readonly DiagnosticRule[] = [...MISREADING_RULES, 'missing-field', 'invalid-type', 'invalid-value', 'value-cut-by-comment', 'invalid-outcome-date', 'unknown-time-zone', 'list-item-continued'];
