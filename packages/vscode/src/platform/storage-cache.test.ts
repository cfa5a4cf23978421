import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readNote, type IndexSnapshot } from '@rapport/core';
import { INDEX_CACHE_FORMAT } from '@rapport/core/internal';

/** The extension's workspace storage as the browser gives it: files reached only through `workspace.fs`. */
const stored = new Map<string, Uint8Array>();
let writable = true;

vi.mock('vscode', () => {
  class Uri {
    constructor(
      readonly scheme: string,
      readonly path: string,
    ) {}
    static from({ scheme, path }: { scheme: string; path: string }): Uri {
      return new Uri(scheme, path);
    }
    static joinPath(base: Uri, ...parts: string[]): Uri {
      return new Uri(base.scheme, [base.path, ...parts].join('/'));
    }
    toString(): string {
      return `${this.scheme}:${this.path}`;
    }
  }
  return {
    Uri,
    workspace: {
      fs: {
        readFile: async (uri: Uri) => {
          const bytes = stored.get(uri.path);
          if (!bytes) throw new Error(`FileNotFound: ${uri.path}`);
          return bytes;
        },
        writeFile: async (uri: Uri, bytes: Uint8Array) => {
          if (!writable) throw new Error('NoPermissions');
          stored.set(uri.path, bytes);
        },
        createDirectory: async () => undefined,
      },
    },
  };
});

const vscode = await import('vscode');
/** A URI of the fake `vscode` above. */
const uri = (scheme: string, path: string) => vscode.Uri.from({ scheme, path });
const { storageFolderCache } = await import('./storage-cache.js');

const storage = uri('vscode-userdata', '/User/workspaceStorage/abc/rapport.rapport-vscode');
const notes = uri('vscode-vfs', '/github/ada/job-search');
const NOTE = '---\ntype: contact\nname: Maya Chen\nstage: contacted\n---\n';
const snapshot: IndexSnapshot = {
  format: INDEX_CACHE_FORMAT,
  takenAt: 1_764_000_000_000,
  notes: { 'maya-chen.md': { identity: { size: -1, mtimeMs: -1 }, version: 'v1', reading: readNote('maya-chen.md', NOTE) } },
};

describe('the index cache in the extension storage (browser, virtual folders)', () => {
  beforeEach(() => {
    stored.clear();
    writable = true;
  });

  it('keeps the snapshot as JSON in the storage, never in the notes folder, and reads it back', async () => {
    const folder = storageFolderCache(storage, notes)!;
    await folder.cache.save(snapshot);
    expect([...stored.keys()].every((path) => path.startsWith('/User/workspaceStorage/abc/rapport.rapport-vscode/index-cache-') && path.endsWith('.json'))).toBe(true);
    expect(stored.size).toBe(1);
    expect(await storageFolderCache(storage, notes)!.cache.load()).toEqual(snapshot);
  });

  it("leaves a saved zone's offsets out when reading back: the browser's time zone data has no version to check them against", async () => {
    const zoneOffsets = { zone: 'America/New_York', from: 1_700_000_000_000, to: 1_800_000_000_000, changes: [1_710_054_000_000], offsets: [-300, -240] };
    await storageFolderCache(storage, notes)!.cache.save({ ...snapshot, zoneOffsets });
    expect(await storageFolderCache(storage, notes)!.cache.load()).toEqual(snapshot);
  });

  it('keeps one cache per notes folder', async () => {
    await storageFolderCache(storage, notes)!.cache.save(snapshot);
    expect(await storageFolderCache(storage, uri('vscode-vfs', '/github/ada/other'))!.cache.load()).toBeUndefined();
  });

  it('only paints: no readText, so every note is read again behind the views, and identities are placeholders', async () => {
    const folder = storageFolderCache(storage, notes)!;
    expect(folder.readText).toBeUndefined();
    expect(await folder.cache.identify(['a.md', 'b.md'])).toEqual([
      { size: -1, mtimeMs: -1 },
      { size: -1, mtimeMs: -1 },
    ]);
  });

  it('is no cache (never an error) when the storage is missing, unwritable, or holds something else', async () => {
    expect(storageFolderCache(undefined, notes)).toBeUndefined();
    const folder = storageFolderCache(storage, notes)!;
    writable = false;
    await expect(folder.cache.save(snapshot)).resolves.toBeUndefined();
    expect(await folder.cache.load()).toBeUndefined();
    writable = true;
    await folder.cache.save(snapshot);
    const [path] = [...stored.keys()];
    stored.set(path!, new TextEncoder().encode('{"format": 1, "notes": {'));
    expect(await folder.cache.load()).toBeUndefined();
    stored.set(path!, new TextEncoder().encode(JSON.stringify({ ...snapshot, notes: { '../outside.md': snapshot.notes['maya-chen.md'] } })));
    expect(await folder.cache.load()).toEqual({ ...snapshot, notes: {} });
  });
});
