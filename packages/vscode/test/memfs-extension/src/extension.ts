import * as vscode from 'vscode';
import exampleNotes from 'example-notes';
import { MemoryFileSystem } from './memory-file-system.js';

/** The folder the launcher opens: `memfs:/job-search`, a copy of examples/job-search in memory. */
export const FOLDER = 'job-search';

/** What the tests read back: the provider's own bytes, not a copy an editor or a cache may hold. */
export interface MemoryFolderApi {
  bytesAt(path: string): Uint8Array | undefined;
  filesUnder(folder: string): string[];
  /** Writes straight into the provider, as a change from elsewhere would arrive (a pull, another tab): only its change event tells the editor. */
  writeFromOutside(path: string, text: string): void;
}

/**
 * Registers the `memfs` scheme and fills it with the example notes (bundled
 * at build time: a browser extension host has no disk to read them from).
 * Activated by `onFileSystem:memfs`, i.e. as soon as the workbench opens
 * `memfs:/job-search`, before any other extension reads it.
 */
export function activate(context: vscode.ExtensionContext): MemoryFolderApi {
  const memory = new MemoryFileSystem();
  const encoder = new TextEncoder();
  for (const [path, text] of Object.entries(exampleNotes)) memory.seed(`${FOLDER}/${path}`, encoder.encode(text));
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider('memfs', memory, { isCaseSensitive: true }));
  return {
    bytesAt: (path) => memory.bytesAt(path),
    filesUnder: (folder) => memory.filesUnder(folder),
    writeFromOutside: (path, text) => memory.writeFile(vscode.Uri.from({ scheme: 'memfs', path: `/${path}` }), encoder.encode(text), { create: true, overwrite: true }),
  };
}

export function deactivate(): void {}
