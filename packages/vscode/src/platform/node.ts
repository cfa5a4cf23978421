import { lstat } from 'node:fs/promises';
import type * as vscode from 'vscode';
import { NodeIndexCache, NodeStore } from '@rapport/core/node';
import { checkedSnapshot, type FolderCache } from '../notes/folder-cache.js';
import type { LocalDisk, Platform } from './platform.js';
import { storageFolderCache } from './storage-cache.js';

/**
 * The desktop extension host: Node's file system beside `workspace.fs`, and
 * the CLI's index cache for a folder on disk. A virtual folder opened on the
 * desktop (a GitHub repository, say) is treated as in the browser: its cache
 * goes to the extension's workspace storage (`storage`).
 */
export function nodePlatform(storage: vscode.Uri | undefined): Platform {
  return { kind: 'node', localDisk, folderCache: (root) => (root.scheme === 'file' ? nodeFolderCache(root) : storageFolderCache(storage, root)) };
}

/** One store a folder: a listing tells it which folders are inside, so reads need not check them again. */
const stores = new Map<string, NodeStore>();
const storeOf = (folder: string): NodeStore => stores.get(folder) ?? stores.set(folder, new NodeStore(folder)).get(folder)!;

const localDisk: LocalDisk = {
  listNotes: (folder) => storeOf(folder).listNotes(),
  read: async (folder, path) => storeOf(folder).readSync(path),
  exists: (path) => lstat(path).then(() => true, () => false),
};

/**
 * The cache the CLI keeps too (`.rapport/cache/index.jsonl`, written only
 * when `.rapport/` exists, git-ignored by its own `.gitignore`), for folders
 * the extension host reaches as a local disk: `file:` URIs (over SSH or in
 * code-server the host runs beside the files). Identities are taken with
 * `stat` on the same paths `VscodeNoteStore` reads, and the index reads
 * texts back synchronously from the disk, so restored notes (whose texts
 * are not cached) still have one — letters, questions and imports need it.
 *
 * Restricted Mode uses it too. The cache is data, never code: JSON parsed
 * and checked by `asSnapshot`, then by `checkedSnapshot`. A cache planted
 * in a repository (committed despite its `.gitignore`, or shipped in an
 * archive that keeps times) could at worst show readings that differ from
 * the notes — no more than the notes themselves could say — and only for
 * files whose size, time and inode match; it cannot point the views
 * outside the folder, and the reconcile that follows re-reads every note
 * whose identity does not match.
 */
function nodeFolderCache(root: vscode.Uri): FolderCache {
  const store = new NodeStore(root.fsPath);
  const cache = new NodeIndexCache(store);
  return {
    cache: {
      identify: (files) => cache.identify(files),
      load: async () => checkedSnapshot(await cache.load()),
      save: (snapshot) => cache.save(snapshot),
    },
    readText: (file) => {
      try {
        return store.readSync(file)?.text;
      } catch {
        return undefined;
      }
    },
  };
}
