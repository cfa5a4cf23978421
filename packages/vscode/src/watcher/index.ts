import * as vscode from 'vscode';
import { CONFIG_PATH, type NoteChange } from '@rapport/core';
import type { Services } from '../services.js';

/** How long to gather events before re-indexing: a `git checkout` fires hundreds at once. */
const SETTLE_MS = 150;
/** A batch this large is a burst, after which the folder listing is checked for events the watcher dropped. */
const BURST_CHANGES = 50;
/** Quiet time after a burst before that check. */
const SWEEP_AFTER_MS = 1_000;

/**
 * Keeps the index current when notes change on disk (another editor, git,
 * a sync tool): changed files are re-read one by one through core's
 * `NoteIndex.set/delete`, never the whole folder.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  let watchers: vscode.Disposable[] = [];
  let pending = new Map<string, NoteChange['kind']>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watchedRoot: string | undefined;

  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  const sweepSoon = () => {
    if (sweepTimer) clearTimeout(sweepTimer);
    sweepTimer = setTimeout(() => {
      sweepTimer = undefined;
      void services.notes.sweep().catch((error: unknown) => services.log.error(`Checking the folder after a burst of changes failed: ${String(error)}`));
    }, SWEEP_AFTER_MS);
  };
  const flush = () => {
    timer = undefined;
    const changes = [...pending].map(([path, kind]) => ({ path, kind }));
    pending = new Map();
    if (changes.length > 0) void services.notes.applyChanges(changes).catch((error: unknown) => services.log.error(`Re-indexing failed: ${String(error)}`));
    // File watchers can drop events in a burst (VS Code's included): then the listing tells.
    if (changes.length >= BURST_CHANGES || sweepTimer) sweepSoon();
  };
  const queue = (kind: NoteChange['kind']) => (uri: vscode.Uri) => {
    const path = services.notes.pathOf(uri);
    if (!path) return;
    // A delete followed by a create (atomic saves) is a change.
    pending.set(path, pending.get(path) === 'deleted' && kind === 'created' ? 'changed' : kind);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  };

  const watch = () => {
    const root = services.notes.root;
    if (root?.toString() === watchedRoot) return;
    for (const watcher of watchers) watcher.dispose();
    watchers = [];
    watchedRoot = root?.toString();
    if (!root) return;
    for (const glob of ['**/*.md', CONFIG_PATH]) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, glob));
      watchers.push(watcher, watcher.onDidCreate(queue('created')), watcher.onDidChange(queue('changed')), watcher.onDidDelete(queue('deleted')));
    }
    // Deleting or renaming a folder reports the folder only: drop every note under it, indexed or
    // shown as unreadable (a folder may be named `x.md`, so every deleted path is checked).
    const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**'), false, true, false);
    watchers.push(
      folders,
      // A folder that appears (a checkout, a sync, a copy) may hold notes written the instant it was made,
      // before the watcher looked into it, whose own events never come: the listing tells.
      folders.onDidCreate((uri) => {
        const path = services.notes.pathOf(uri);
        if (!path || /\.md$/i.test(path) || path.startsWith('.rapport/')) return;
        void Promise.resolve(vscode.workspace.fs.stat(uri)).then(
          (stat) => (stat.type & vscode.FileType.Directory ? sweepSoon() : undefined),
          () => undefined,
        );
      }),
      folders.onDidDelete((uri) => {
        const path = services.notes.pathOf(uri);
        if (!path) return;
        for (const file of services.notes.filesUnder(path)) queue('deleted')(services.notes.uriOf(file));
      }),
    );
  };
  watch();
  context.subscriptions.push(services.notes.onDidChange(watch), {
    dispose: () => {
      if (timer) clearTimeout(timer);
      if (sweepTimer) clearTimeout(sweepTimer);
      for (const watcher of watchers) watcher.dispose();
    },
  });
}
