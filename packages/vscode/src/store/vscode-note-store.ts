import * as vscode from 'vscode';
import { InvalidInputError, NoteConflictError, type NoteStore, type StoredText, type WriteOptions } from '@rapport/core';
import { contentVersion } from '@rapport/core/internal';
import { toNoteUri } from '../adapter.js';
import type { LocalDisk } from '../platform/platform.js';
import { decodeNote } from './utf8.js';

/** Node-style codes for file-system failures, so core words them as it does for the CLI. */
const ERROR_CODES: Record<string, string> = {
  FileIsADirectory: 'EISDIR',
  NoPermissions: 'EACCES',
  FileNotADirectory: 'ENOTDIR',
};

/**
 * A notes folder reached through `vscode.workspace.fs`, so it works for
 * local folders, remote ones (code-server, SSH) and anything else a file
 * system provider serves.
 */
export class VscodeNoteStore implements NoteStore {
  /** `localDisk`: the Node host's own access to `file:` folders (see `LocalDisk`); none in the browser. */
  constructor(
    readonly root: vscode.Uri,
    private readonly localDisk?: LocalDisk,
  ) {}

  /** The local disk, when the folder is on one and the host can reach it directly. */
  private get disk(): LocalDisk | undefined {
    return this.root.scheme === 'file' ? this.localDisk : undefined;
  }

  /**
   * Every `.md` entry under the folder, outside dot-folders and
   * `node_modules`. A local folder (`file:`) in the Node host is listed as
   * the CLI lists it, with core's `NodeStore`: `readDirectory` leaves out a
   * link that loops, so the note would vanish instead of showing why it
   * cannot be read.
   * Other schemes go through the file system API, and symlinked folders are
   * not followed there: it cannot tell where they lead, so a loop could not
   * be cut.
   */
  async listNotes(): Promise<string[]> {
    // A notes folder not created yet (the `rapport.notesFolder` setting names it first) lists as empty, as below: the welcome view offers to initialize it.
    if (this.disk) return this.disk.listNotes(this.root.fsPath).catch((): string[] => []);
    const found: string[] = [];
    const walk = async (folder: vscode.Uri, prefix: string): Promise<void> => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(folder);
      } catch {
        return;
      }
      const folders: Promise<void>[] = [];
      for (const [name, type] of entries) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const path = prefix + name;
        // A folder named `x.md` or a dangling link is listed too: reading it reports the problem.
        if (name.toLowerCase().endsWith('.md')) found.push(path);
        else if (type === vscode.FileType.Directory) folders.push(walk(vscode.Uri.joinPath(folder, name), `${path}/`));
      }
      await Promise.all(folders);
    };
    await walk(this.root, '');
    return found.sort();
  }

  /** Files directly in `folder` (relative to the notes folder), e.g. letter templates; none when it is missing. */
  async listFiles(folder: string): Promise<string[]> {
    const uri = folder === '' ? this.root : this.uri(folder);
    // Most folders have no templates folder: check first, as reading a missing one logs an error.
    const isFolder = await vscode.workspace.fs.stat(uri).then(
      (stat) => (stat.type & vscode.FileType.Directory) !== 0,
      () => false,
    );
    if (!isFolder) return [];
    const entries = await vscode.workspace.fs.readDirectory(uri).then(
      (result) => result,
      () => [] as [string, vscode.FileType][],
    );
    const prefix = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
    return entries
      .filter(([, type]) => (type & vscode.FileType.File) !== 0)
      .map(([name]) => prefix + name)
      .sort();
  }

  /**
   * The note's text, or `undefined` when nothing readable is there (a link
   * to nothing too, as `NodeStore` answers: `exists` tells the two apart).
   * A local file is read with Node (where there is one), as the CLI reads it:
   * a named pipe or a device is refused rather than waited on or read
   * without end, a file over 10 MB is refused, and error codes (ELOOP,
   * EISDIR, …) are Node's, which core words for the user; the file system
   * API calls most of them "Unknown".
   */
  async read(path: string): Promise<StoredText | undefined> {
    const uri = this.uri(path);
    if (this.disk) return this.disk.read(this.root.fsPath, path);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw withNodeCode(error);
    }
    const text = decodeNote(path, bytes);
    return { text, version: contentVersion(text) };
  }

  /**
   * Whether anything is at `path`, without following a symbolic link: a link
   * to nothing exists (and cannot be read), a deleted note does not.
   */
  async exists(path: string): Promise<boolean> {
    const uri = this.uri(path);
    if (this.disk) return this.disk.exists(uri.fsPath);
    return vscode.workspace.fs.stat(uri).then(() => true, () => false);
  }

  /**
   * Writes the note, refusing (with `NoteConflictError`) when
   * `expectedVersion` no longer matches. The check and the write are not
   * atomic across processes; inside the editor, VS Code's own file service
   * serialises writes to one file.
   */
  async write(path: string, text: string, options: WriteOptions = {}): Promise<StoredText> {
    const uri = this.uri(path);
    if (options.expectedVersion !== undefined) {
      const current = await this.read(path);
      if ((current?.version ?? null) !== options.expectedVersion) throw new NoteConflictError(path);
    }
    const parent = vscode.Uri.joinPath(uri, '..');
    await vscode.workspace.fs.createDirectory(parent);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return { text, version: contentVersion(text) };
  }

  /** The URI of a folder-relative path; refuses anything that would leave the folder. */
  uri(path: string): vscode.Uri {
    const parts = path.split('/');
    if (path === '' || path.startsWith('/') || /^[a-z]:/i.test(path) || path.includes('\0') || path.includes('\\') || parts.includes('..')) {
      throw new InvalidInputError(`${path} is not a path inside the notes folder`);
    }
    return toNoteUri(this.root, path);
  }
}

function withNodeCode(error: unknown): unknown {
  if (!(error instanceof vscode.FileSystemError)) return error;
  const code = ERROR_CODES[error.code];
  return code ? Object.assign(new Error(error.message), { code }) : error;
}
