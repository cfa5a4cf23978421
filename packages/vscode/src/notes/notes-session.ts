import * as vscode from 'vscode';
import {
  CONFIG_PATH,
  InvalidInputError,
  isNotePath,
  loadConfig,
  loadWorkspace,
  NoteIndex,
  notesFolderDiagnostics,
  privateFieldDiagnostics,
  todayIn,
  type ActionContext,
  type AgendaContext,
  type Diagnostic,
  type IndexCache,
  type IndexSnapshot,
  type LoadOptions,
  type NoteChange,
  type RapportConfig,
  type Workspace,
} from '@rapport/core';
import { configErrors, restoreIndex, unreadableFileDiagnostic } from '@rapport/core/internal';
import { fromNoteUri, toNoteUri } from '../adapter.js';
import { applyOverrides } from '../settings/config-overrides.js';
import type { ExtensionSettings } from '../settings/read-settings.js';
import { VscodeNoteStore } from '../store/vscode-note-store.js';
import type { FirstPaint } from '../timings/first-paint.js';
import type { StartupTimings } from '../timings/startup-timings.js';
import type { Platform } from '../platform/platform.js';
import { rereadingCache, type FolderCache } from './folder-cache.js';
import { linkToNothing } from './unreadable-file.js';

/** How many changed files are read at once when re-indexing. */
const REINDEX_BATCH = 32;

/** Where the extension is with the notes folder; also the `rapport.state` context key for `viewsWelcome`. */
export type NotesState = 'noFolder' | 'loading' | 'uninitialised' | 'ready';

export interface NotesChangeEvent {
  /** Note paths that changed, or `'all'` after a full load or a config/settings change. */
  readonly files: readonly string[] | 'all';
}

export interface LoadRequest {
  /** Read every note again instead of trusting the index cache (which is still saved afresh). Default false. */
  readonly reread?: boolean;
}

/**
 * The indexed notes folder the views and commands share. Indexing runs in
 * the background after activation (`start`): the views paint at once from
 * the folder's index cache, then every note whose file changed since is
 * read again (`loadWorkspace` with the restored index). After that changes
 * are applied one file at a time (`applyChanges`), so no view ever waits
 * for a full re-read.
 */
export class NotesSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NotesChangeEvent>();
  /** Fires after a load, a config change, a watched change or an edit made by a command. */
  readonly onDidChange = this.changed.event;
  private readonly checkingChanged = new vscode.EventEmitter<boolean>();
  /** Fires when the check of the notes shown from the index cache against the disk starts or ends. */
  readonly onDidChangeChecking = this.checkingChanged.event;
  private checking = false;

  private currentState: NotesState = 'loading';
  private currentRoot: vscode.Uri | undefined;
  private currentStore: VscodeNoteStore | undefined;
  private index: NoteIndex | undefined;
  private folderConfig: RapportConfig | undefined;
  private configDiagnostics: readonly Diagnostic[] = [];
  private readonly unreadable = new Map<string, Diagnostic>();
  private cachedWorkspace: Workspace | undefined;
  private generation = 0;
  private loading: Promise<void> = Promise.resolve();
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private settings: ExtensionSettings,
    private readonly log: vscode.LogOutputChannel,
    private readonly platform: Platform,
    private readonly timings?: StartupTimings,
    private readonly firstPaint?: FirstPaint,
  ) {}

  get state(): NotesState {
    return this.currentState;
  }

  /** The views show the index cache's notes while each is checked against the disk: stages may still change. */
  get checkingDisk(): boolean {
    return this.checking;
  }

  /** The notes folder, or `undefined` when no folder is open. */
  get root(): vscode.Uri | undefined {
    return this.currentRoot;
  }

  get store(): VscodeNoteStore | undefined {
    return this.currentStore;
  }

  /** The indexed workspace (config with the VS Code settings applied), once loaded. */
  get workspace(): Workspace | undefined {
    if (!this.cachedWorkspace && this.currentStore && this.index && this.folderConfig) {
      this.cachedWorkspace = {
        store: this.currentStore,
        index: this.index,
        config: applyOverrides(this.folderConfig, this.settings.overrides),
        configDiagnostics: [...this.configDiagnostics, ...this.unreadable.values()],
      };
    }
    return this.cachedWorkspace;
  }

  /** Starts indexing without waiting for it: activation must return at once. */
  start(): void {
    setTimeout(() => void this.load(), 0);
  }

  /**
   * Reads the folder again: notes unchanged since the index cache was saved
   * come from it, unless `reread`. A newer call supersedes one still running.
   */
  load(request: LoadRequest = {}): Promise<void> {
    const generation = ++this.generation;
    this.loading = this.loadFolder(generation, request).catch((error: unknown) => {
      this.log.error(`Reading the notes folder failed: ${(error as Error).stack ?? String(error)}`);
      if (generation === this.generation) {
        this.setChecking(false);
        this.setState('ready');
      }
    });
    return this.loading;
  }

  /** Waits for the load in progress (if any) and returns the workspace. */
  async whenLoaded(): Promise<Workspace | undefined> {
    let pending: Promise<void>;
    do {
      pending = this.loading;
      await pending;
    } while (pending !== this.loading);
    return this.workspace;
  }

  /** The workspace, or a clear error when no folder is open. */
  async requireWorkspace(): Promise<Workspace> {
    const workspace = await this.whenLoaded();
    if (!workspace) throw new InvalidInputError('Open a folder first: Rapport keeps its notes in a workspace folder');
    return workspace;
  }

  /**
   * `requireWorkspace` for a command that writes into the notes or drafts a
   * letter: refused while the config has an error, since it is then read with
   * defaults in its place (where a new note goes, the day in the configured
   * zone, the profile a letter is signed with).
   */
  async requireWorkspaceToWrite(refused = 'Nothing written'): Promise<Workspace> {
    const workspace = await this.requireWorkspace();
    const [first, ...others] = configErrors(workspace);
    if (first) {
      const more = others.length === 0 ? '' : ` and ${others.length} more`;
      throw new InvalidInputError(`${refused}: ${CONFIG_PATH} has an error (line ${first.line}: ${first.message}${more}), and until it is fixed Rapport reads the defaults in its place`);
    }
    return workspace;
  }

  /** Applies new settings; a different notes folder means a full load. */
  updateSettings(settings: ExtensionSettings): void {
    const folderChanged = settings.notesFolder !== this.settings.notesFolder;
    this.settings = settings;
    this.cachedWorkspace = undefined;
    if (folderChanged) void this.load();
    else this.changed.fire({ files: 'all' });
  }

  /**
   * Re-indexes only the files that changed on disk. Batches apply one after
   * another: reads of two batches overlapping could finish out of order, and
   * an older text (a file read half-written) would replace the newer one.
   */
  applyChanges(changes: readonly NoteChange[]): Promise<void> {
    const applied = this.applying.then(() => this.applyNow(changes));
    this.applying = applied.catch(() => undefined);
    return applied;
  }

  private async applyNow(changes: readonly NoteChange[]): Promise<void> {
    const store = this.currentStore;
    const index = this.index;
    if (!store || !index) return;
    const configChanged = changes.some((change) => change.path === CONFIG_PATH);
    const notes = changes.filter((change) => isNotePath(change.path));
    const files: string[] = [];
    // Reads overlap (a checkout changes hundreds of files); each file is still indexed on its own.
    for (let start = 0; start < notes.length; start += REINDEX_BATCH) {
      const batch = notes.slice(start, start + REINDEX_BATCH);
      const reindexed = await Promise.all(batch.map((change) => this.reindex(store, index, change)));
      batch.forEach((change, position) => reindexed[position] && files.push(change.path));
    }
    if (configChanged) {
      const text = (await store.read(CONFIG_PATH).catch(() => undefined))?.text;
      const { config, diagnostics } = await loadConfig(store);
      this.folderConfig = config;
      this.configDiagnostics = [...diagnostics, ...(await configProblemsWithFolder(store, text, index))];
    }
    if (files.length === 0 && !configChanged) return;
    this.cachedWorkspace = undefined;
    if (this.currentState === 'uninitialised' && index.contacts().length > 0) this.setState('ready');
    this.changed.fire({ files: configChanged ? 'all' : files });
  }

  /** Tells the views that a command changed notes (the index already has the new text). */
  notifyEdited(files: readonly string[]): void {
    this.cachedWorkspace = undefined;
    if (this.currentState === 'uninitialised') this.setState('ready');
    this.changed.fire({ files });
  }

  uriOf(path: string): vscode.Uri {
    if (!this.currentRoot) throw new InvalidInputError('Open a folder first: Rapport keeps its notes in a workspace folder');
    return toNoteUri(this.currentRoot, path);
  }

  /** The note path of a URI inside the notes folder. */
  pathOf(uri: vscode.Uri): string | undefined {
    return this.currentRoot ? fromNoteUri(this.currentRoot, uri) : undefined;
  }

  /**
   * Catches up with events the file watcher dropped — it may, in a burst
   * such as a checkout of a thousand notes: notes on disk the index lacks
   * are read, indexed notes no longer on disk are dropped. Only the listing
   * is compared; no unchanged note is read.
   */
  async sweep(): Promise<void> {
    const store = this.currentStore;
    const index = this.index;
    if (!store || !index) return;
    const listed = new Set(await store.listNotes());
    const known = new Set([...index.files(), ...this.unreadable.keys()]);
    const changes: NoteChange[] = [];
    for (const path of listed) if (!known.has(path)) changes.push({ path, kind: 'created' });
    for (const path of known) if (!listed.has(path)) changes.push({ path, kind: 'deleted' });
    if (changes.length === 0) return;
    this.log.info(`The file watcher missed ${changes.length} change(s); applied them from the folder listing`);
    await this.applyChanges(changes);
  }

  /** Note paths under `folder` the session knows of: indexed notes and unreadable files. */
  filesUnder(folder: string): string[] {
    const prefix = `${folder}/`;
    return [...(this.index?.files() ?? []), ...this.unreadable.keys()].filter((file) => file.startsWith(prefix));
  }

  /** "Now" for next actions: the pinned `rapport.today` at noon, else the clock. */
  now(): Date {
    return this.settings.today ? new Date(`${this.settings.today}T12:00:00Z`) : new Date();
  }

  /** Today's date in the notes folder's time zone (or the pinned one). */
  today(): string {
    return this.settings.today ?? todayIn(this.workspace?.config.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, this.now());
  }

  /**
   * The context of the index's agenda, which the index keeps up to date
   * change by change while it stays the same: "now" moves by the minute.
   */
  agendaContext(): AgendaContext {
    const now = this.now();
    const timezone = this.workspace?.config.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const rules = this.workspace?.config.rules;
    return { now: new Date(now.getTime() - (now.getTime() % 60_000)), timezone, ...(rules ? { rules } : {}) };
  }

  actionContext(): ActionContext {
    const workspace = this.workspace;
    const timezone = workspace?.config.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return { now: this.now(), timezone, ...(workspace ? { rules: workspace.config.rules, contacts: workspace.index.contacts() } : {}) };
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
    this.checkingChanged.dispose();
  }

  private setChecking(checking: boolean): void {
    if (checking === this.checking) return;
    this.checking = checking;
    this.checkingChanged.fire(checking);
  }

  private async loadFolder(generation: number, request: LoadRequest): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const root = folder && (this.settings.notesFolder ? vscode.Uri.joinPath(folder.uri, ...this.settings.notesFolder.split('/')) : folder.uri);
    this.currentRoot = root;
    this.currentStore = root && new VscodeNoteStore(root, this.platform.localDisk);
    this.cachedWorkspace = undefined;
    if (!root || !this.currentStore) {
      this.index = undefined;
      this.setState('noFolder');
      this.changed.fire({ files: 'all' });
      return;
    }
    this.setState('loading');
    this.changed.fire({ files: 'all' });
    const store = this.currentStore;
    const started = performance.now();
    const local = this.platform.folderCache(root);
    const painted = local && !request.reread ? await this.paintFromCache(generation, store, local.cache, local.readText) : undefined;
    if (generation !== this.generation) return;
    const paintedMs = performance.now() - started;
    // Checking every note against the disk can wait until the Contacts view has shown the restored index.
    if (painted) await this.firstPaint?.whenPainted();
    if (generation !== this.generation) return;

    // Without a way to read texts back, cached readings would leave notes without text: every note is read again.
    const readText = local?.readText;
    const cache = local && (request.reread || !readText ? rereadingCache(local.cache) : painted ? { ...local.cache, load: async () => painted.snapshot } : local.cache);
    const options: LoadOptions = local && cache ? (readText ? { cache, index: painted?.index ?? new NoteIndex({ readText }) } : { cache }) : {};
    const loaded = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Rapport: reading notes' }, (progress) =>
      loadWorkspace(store, { ...options, onProgress: (done, total) => (done % 50 === 0 || done === total ? progress.report({ message: `${done}/${total}` }) : undefined) }),
    );
    const configText = (await store.read(CONFIG_PATH).catch(() => undefined))?.text;
    const hasConfig = configText !== undefined;
    const folderProblems = await configProblemsWithFolder(store, configText, loaded.index);
    if (generation !== this.generation) return;
    const previousConfig = this.folderConfig;
    this.index = loaded.index;
    this.folderConfig = loaded.config;
    this.configDiagnostics = [...loaded.configDiagnostics.filter((diagnostic) => diagnostic.rule !== 'unreadable-file'), ...folderProblems];
    this.unreadable.clear();
    for (const diagnostic of loaded.configDiagnostics) if (diagnostic.rule === 'unreadable-file') this.unreadable.set(diagnostic.file, diagnostic);
    this.cachedWorkspace = undefined;
    const state = hasConfig || loaded.index.contacts().length > 0 ? 'ready' : 'uninitialised';
    // After a paint from the cache, only what the disk changed is announced (often nothing).
    const files = painted && state === this.currentState && JSON.stringify(previousConfig) === JSON.stringify(loaded.config) ? [...changedSince(painted.versions, loaded.index), ...this.unreadable.keys()] : 'all';
    this.setState(state);
    this.timings?.mark('indexReady');
    this.timings?.mark('reconciled');
    this.firstPaint?.expect();
    const total = performance.now() - started;
    this.log.info(
      painted
        ? `Showed ${painted.versions.size} notes from the index cache in ${paintedMs.toFixed(0)} ms; checked ${loaded.index.files().length} notes against the disk in ${total.toFixed(0)} ms (${files.length} changed)`
        : `Indexed ${loaded.index.files().length} notes (${loaded.index.contacts().length} contacts) in ${total.toFixed(0)} ms`,
    );
    if (files === 'all' || files.length > 0) this.changed.fire({ files });
    this.setChecking(false);
  }

  /**
   * Makes the views show the folder as the index cache last saw it, before
   * any note is read; `undefined` when there is no usable cache (or it holds
   * no contact: the full read decides whether the folder is initialised).
   */
  private async paintFromCache(generation: number, store: VscodeNoteStore, cache: IndexCache, readText: FolderCache['readText']): Promise<{ snapshot: IndexSnapshot; index: NoteIndex; versions: Map<string, string> } | undefined> {
    const started = performance.now();
    // The config is read meanwhile: its file I/O overlaps the cache's parsing.
    const configLoading = loadConfig(store);
    configLoading.catch(() => undefined);
    // Listing the folder reads no note: cheap enough to leave out, before the first paint, notes deleted since the cache was saved.
    let listedMs = 0;
    const listing = store.listNotes().then(
      (files) => {
        listedMs = performance.now() - started;
        return new Set(files);
      },
      () => undefined,
    );
    const snapshot = await cache.load().catch(() => undefined);
    if (!snapshot || generation !== this.generation) return undefined;
    const cacheRead = performance.now();
    const listed = await listing;
    if (generation !== this.generation) return undefined;
    const loaded = performance.now();
    let index: NoteIndex;
    try {
      index = restoreIndex(snapshot, readText ? { readText } : {});
      if (listed) for (const file of [...index.files()]) if (!listed.has(file)) index.delete(file);
      index.contacts(); // sorts once, here rather than in the first view
    } catch (error) {
      this.log.warn(`The index cache could not be used: ${String(error)}`);
      return undefined;
    }
    if (index.contacts().length === 0) return undefined;
    const { config, diagnostics } = await configLoading;
    if (generation !== this.generation) return undefined;
    this.index = index;
    this.folderConfig = config;
    this.configDiagnostics = diagnostics;
    this.unreadable.clear();
    this.cachedWorkspace = undefined;
    this.setChecking(true);
    this.setState('ready');
    this.timings?.mark('indexReady');
    this.firstPaint?.expect();
    this.log.info(`Index cache: read in ${(cacheRead - started).toFixed(0)} ms (the folder listed in ${listedMs.toFixed(0)} ms meanwhile), restored in ${(performance.now() - loaded).toFixed(0)} ms`);
    this.changed.fire({ files: 'all' });
    return { snapshot, index, versions: new Map(index.files().map((file) => [file, index.version(file)!])) };
  }

  /**
   * Re-reads one changed file; false when neither the index nor the shown
   * problems change. A deleted path may be a folder (the watcher reports a
   * deleted folder as the folder only): problems of unreadable files under
   * it go too, as they are in no index.
   */
  private async reindex(store: VscodeNoteStore, index: NoteIndex, change: NoteChange): Promise<boolean> {
    if (change.kind === 'deleted') {
      const dropped = this.dropUnreadable(change.path, index);
      return index.delete(change.path) || dropped;
    }
    try {
      const stored = await store.read(change.path);
      // Nothing to read is a deleted note, or a link to nothing, which a full load reports too.
      if (!stored && (await store.exists(change.path))) throw linkToNothing(change.path);
      this.unreadable.delete(change.path);
      if (!stored) return index.delete(change.path);
      // Versions, not texts: the index may keep no texts (it reads them back from the disk).
      if (index.version(change.path) === stored.version) return false;
      index.set(change.path, stored.text, stored.version);
      return true;
    } catch (error) {
      // Kept in the index too, so the Contacts view lists it among the notes that cannot be read.
      const problem = unreadableFileDiagnostic(change.path, error);
      index.setUnreadable(change.path, problem);
      this.unreadable.set(change.path, problem);
      return true;
    }
  }

  /** Forgets the problems of `path` and of every unreadable file under it, here and in the index; true when there were any. */
  private dropUnreadable(path: string, index: NoteIndex): boolean {
    let dropped = this.unreadable.delete(path);
    for (const file of [...this.unreadable.keys()]) {
      if (!file.startsWith(`${path}/`)) continue;
      index.delete(file);
      dropped = this.unreadable.delete(file) || dropped;
    }
    return dropped;
  }

  private setState(state: NotesState): void {
    this.currentState = state;
    void vscode.commands.executeCommand('setContext', 'rapport.state', state);
  }
}

/** Files added, changed or removed in `index` since it held `versions`. */
function changedSince(versions: ReadonlyMap<string, string>, index: NoteIndex): string[] {
  const changed = index.files().filter((file) => index.version(file) !== versions.get(file));
  for (const file of versions.keys()) if (!index.has(file)) changed.push(file);
  return changed;
}

/**
 * The config's problems that only the notes and the folder can show: `private:` entries that hide
 * nothing (telling them from a field of the user's own needs the notes), and a `notes_folder` that is
 * a file, where new contacts would fail.
 */
async function configProblemsWithFolder(store: VscodeNoteStore, configText: string | undefined, index: NoteIndex): Promise<Diagnostic[]> {
  return [...privateFieldDiagnostics(configText, () => index.contacts()), ...(await notesFolderDiagnostics(store, configText).catch(() => []))];
}
