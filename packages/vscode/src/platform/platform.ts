import type * as vscode from 'vscode';
import type { StoredText } from '@rapport/core';
import type { FolderCache } from '../notes/folder-cache.js';

/**
 * What differs between the desktop extension host (Node) and the browser's
 * web-worker host (vscode.dev, github.dev): each entry point (`entry/node.ts`,
 * `entry/web.ts`) passes its own, so no feature asks where it runs.
 */
export interface Platform {
  /** `'web'` in the browser's extension host. Shown in the log; features never branch on it. */
  readonly kind: 'node' | 'web';
  /** Direct access to a local disk for `file:` folders; `undefined` where there is none (the browser). */
  readonly localDisk: LocalDisk | undefined;
  /** The index cache of a notes folder; `undefined` when the folder gets none (a full read every time). */
  folderCache(root: vscode.Uri): FolderCache | undefined;
}

/**
 * What the Node host can do with a `file:` folder that `workspace.fs`
 * cannot: list it as the CLI does (loops cut, links to nothing kept) and
 * read failures with Node's error codes, which core words for the user.
 */
export interface LocalDisk {
  /** Every note under `folder` (an absolute path), as `NodeStore.listNotes` lists them. */
  listNotes(folder: string): Promise<string[]>;
  /**
   * The note at `path` in `folder`, read as the CLI reads it (core's `NodeStore`:
   * a regular file of at most 10 MB, in a folder inside the notes folder),
   * `undefined` when there is none; other failures keep Node's code.
   */
  read(folder: string, path: string): Promise<StoredText | undefined>;
  /** Whether anything is at `path`, without following a symbolic link. */
  exists(path: string): Promise<boolean>;
}
