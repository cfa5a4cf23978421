import * as vscode from 'vscode';
import type { FileIdentity } from '@rapport/core';
import { asSnapshot, contentVersion } from '@rapport/core/internal';
import { checkedSnapshot, type FolderCache } from '../notes/folder-cache.js';

/**
 * Identities are not taken: a virtual file system may not keep times, and
 * one `stat` per note costs a round trip there. So the cache only paints
 * the views at once (see `FolderCache.readText`); every note is then read
 * again, and nothing is reused on the strength of this placeholder.
 */
const NOT_TAKEN: FileIdentity = { size: -1, mtimeMs: -1 };

/**
 * The snapshot as JSON in `storage`, one file per notes folder. Data, never
 * code: parsed, then checked by `asSnapshot` and `checkedSnapshot`. A cache
 * that cannot be read or written is no cache (a full read), never an error.
 */
export function storageFolderCache(storage: vscode.Uri | undefined, root: vscode.Uri): FolderCache | undefined {
  if (!storage) return undefined;
  const file = vscode.Uri.joinPath(storage, `index-cache-${contentVersion(root.toString())}.json`);
  return {
    cache: {
      identify: async (files) => files.map(() => NOT_TAKEN),
      load: async () => {
        try {
          const snapshot = checkedSnapshot(asSnapshot(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)))));
          // A browser does not say which time zone data it has, so a saved table of offsets could outlive a change of a zone's rules.
          if (!snapshot) return undefined;
          const { zoneOffsets, ...withoutOffsets } = snapshot;
          return withoutOffsets;
        } catch {
          return undefined;
        }
      },
      save: async (snapshot) => {
        try {
          await vscode.workspace.fs.createDirectory(storage);
          await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(snapshot)));
        } catch {
          // Failing to save must not fail a load; the next start reads every note, as without a cache.
        }
      },
    },
  };
}
