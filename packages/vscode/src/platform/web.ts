import type * as vscode from 'vscode';
import type { Platform } from './platform.js';
import { storageFolderCache } from './storage-cache.js';

/**
 * The browser's web-worker extension host (vscode.dev, github.dev): no Node,
 * every file goes through `workspace.fs`, and the index cache lives in the
 * extension's workspace storage (`storageUri`, which VS Code keeps in the
 * browser), never in the notes folder: on github.dev that folder is a
 * repository, and a cache written there would be a change to commit.
 */
export function webPlatform(storage: vscode.Uri | undefined): Platform {
  return { kind: 'web', localDisk: undefined, folderCache: (root) => storageFolderCache(storage, root) };
}
