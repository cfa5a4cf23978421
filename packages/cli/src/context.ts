import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { loadWorkspace, todayIn, isCalendarDate, InvalidInputError, NoteNotFoundError, type Contact, type Workspace, type ActionContext, type FileIdentity, type IndexCache, type IndexSnapshot } from '@rapport/core';
import { NodeIndexCache, NodeStore } from '@rapport/core/node';
import { colorsFor, progressReporter, type Colors, type Io } from './io.js';
import { FailureError } from './errors.js';

/** What every command gets: its output streams, colours and the notes folder. */
export class CommandContext {
  readonly colors: Colors;
  readonly store: NodeStore;
  private indexCache: DeferredIndexCache | undefined;

  constructor(
    readonly io: Io,
    dir: string | undefined,
    private readonly options: { readonly cache?: boolean } = {},
  ) {
    this.colors = colorsFor(io.stdout, io.env);
    this.store = new NodeStore(resolve(io.cwd, dir ?? '.'));
  }

  /**
   * Reads the whole folder, with progress on a terminal. Notes unchanged on
   * disk since the last run come from `.rapport/cache/` unless `--no-cache`.
   */
  async workspace(): Promise<Workspace> {
    // A mistyped --dir would otherwise read as an empty folder: "no contacts", exit 0.
    const folder = await stat(this.store.root).catch(() => undefined);
    if (!folder) throw new FailureError(`notes folder not found: ${this.store.root} (use --dir, or rapport init to create one)`);
    if (!folder.isDirectory()) throw new FailureError(`${this.store.root} is a file, not a notes folder`);
    const progress = progressReporter(this.io, 'Reading notes');
    try {
      if (this.options.cache !== false) this.indexCache ??= new DeferredIndexCache(new NodeIndexCache(this.store));
      return await loadWorkspace(this.store, { onProgress: progress.update, ...(this.indexCache ? { cache: this.indexCache } : {}) });
    } finally {
      progress.done();
    }
  }

  /** Saves the index cache the last load prepared, if any (best effort, like every cache write). */
  async saveIndexCache(): Promise<void> {
    await this.indexCache?.flush();
  }

  /** "Now" for next actions: `--today` pins the date (at noon in the user's zone) for scripts and tests. */
  actionContext(workspace: Workspace, today: string | undefined): ActionContext & { today: string } {
    const timezone = workspace.config.timezone;
    if (today !== undefined) {
      if (!isCalendarDate(today)) throw new InvalidInputError(`invalid date "${today}" (use YYYY-MM-DD)`);
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

  /** A contact named on the command line by id, by path from the notes folder, or by path from the current directory. */
  contact(workspace: Workspace, reference: string): Contact {
    const contact = workspace.index.contact(reference) ?? workspace.index.contact(this.notePath(reference));
    if (!contact) throw new NoteNotFoundError(reference);
    return contact;
  }

  /** A path given on the command line, made relative to the notes folder. */
  notePath(path: string): string {
    return this.store.relativePath(isAbsolute(path) ? path : resolve(this.io.cwd, path));
  }

  print(text = ''): void {
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text || '\n' : text + '\n');
  }

  json(value: unknown): void {
    this.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
  }
}

/**
 * An index cache whose saves wait for `flush`: a command that fails must
 * write nothing, not even the cache its load prepared.
 */
class DeferredIndexCache implements IndexCache {
  private pending: IndexSnapshot | undefined;

  constructor(private readonly cache: IndexCache) {}

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
