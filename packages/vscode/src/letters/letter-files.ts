import * as vscode from 'vscode';

/** The scheme of drafted letters: Markdown documents kept in memory, never in the notes folder. */
export const LETTER_SCHEME = 'rapport-letter';

/**
 * An in-memory file system for letter drafts. A draft is a real, writable
 * document (tab stops, word wrap, Markdown) that Rapport saves after every
 * change, so closing it never asks "Save changes?"; nothing reaches the disk.
 */
export class LetterFiles implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; ctime: number; mtime: number }>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  /** A new draft's URI, `/<title>.md`, numbered when a draft of that title is open already. */
  create(title: string, text: string): vscode.Uri {
    const safe = title.replace(/[\\/:*?"<>|]/g, '-');
    let uri = vscode.Uri.from({ scheme: LETTER_SCHEME, path: `/${safe}.md` });
    for (let n = 2; this.files.has(uri.path); n++) uri = vscode.Uri.from({ scheme: LETTER_SCHEME, path: `/${safe} (${n}).md` });
    const now = Date.now();
    this.files.set(uri.path, { data: new TextEncoder().encode(text), ctime: now, mtime: now });
    return uri;
  }

  forget(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const file = this.file(uri);
    return { type: vscode.FileType.File, ctime: file.ctime, mtime: file.mtime, size: file.data.byteLength };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.file(uri).data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean }): void {
    const existing = this.files.get(uri.path);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    this.files.set(uri.path, { data: content, ctime: existing?.ctime ?? Date.now(), mtime: Date.now() });
    this.changed.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((path) => [path.slice(1), vscode.FileType.File]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('A letter draft cannot be renamed: copy it instead');
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Letter drafts have no folders');
  }

  watch(): vscode.Disposable {
    return { dispose: () => undefined };
  }

  private file(uri: vscode.Uri): { data: Uint8Array; ctime: number; mtime: number } {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
}
