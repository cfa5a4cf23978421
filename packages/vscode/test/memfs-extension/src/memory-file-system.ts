import * as vscode from 'vscode';

interface FileEntry {
  readonly type: vscode.FileType.File;
  ctime: number;
  mtime: number;
  bytes: Uint8Array;
}

interface FolderEntry {
  readonly type: vscode.FileType.Directory;
  ctime: number;
  mtime: number;
  readonly children: Map<string, Entry>;
}

type Entry = FileEntry | FolderEntry;

/**
 * A file system that lives only in this extension host's memory: what a
 * browser-only VS Code (github.dev, vscode.dev) gives an extension in place
 * of a disk. Every change is announced through `onDidChangeFile`, as a real
 * provider's watcher would, so the extension under test sees its own and
 * the test's writes.
 */
export class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly root: FolderEntry = { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now(), children: new Map() };
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Clock of the last write: two writes in one millisecond must still differ in `mtime`. */
  private lastTime = 0;

  watch(): vscode.Disposable {
    // Every change is announced anyway; there is nothing to start or stop.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.lookup(uri);
    return { type: entry.type, ctime: entry.ctime, mtime: entry.mtime, size: entry.type === vscode.FileType.File ? entry.bytes.byteLength : entry.children.size };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const entry = this.lookup(uri);
    if (entry.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    return [...entry.children].map(([name, child]) => [name, child.type]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.lookup(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.bytes.slice();
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void {
    const { parent, name } = this.parentOf(uri);
    const existing = parent.children.get(name);
    if (existing?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && options.create && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    const now = this.tick();
    if (existing) {
      existing.bytes = content.slice();
      existing.mtime = now;
    } else {
      parent.children.set(name, { type: vscode.FileType.File, ctime: now, mtime: now, bytes: content.slice() });
      parent.mtime = now;
    }
    this.changed.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  createDirectory(uri: vscode.Uri): void {
    const { parent, name } = this.parentOf(uri);
    if (parent.children.has(name)) throw vscode.FileSystemError.FileExists(uri);
    const now = this.tick();
    parent.children.set(name, { type: vscode.FileType.Directory, ctime: now, mtime: now, children: new Map() });
    parent.mtime = now;
    this.changed.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri, options: { readonly recursive: boolean }): void {
    const { parent, name } = this.parentOf(uri);
    const entry = parent.children.get(name);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    if (entry.type === vscode.FileType.Directory && entry.children.size > 0 && !options.recursive) throw vscode.FileSystemError.NoPermissions(`${uri.toString()} is not empty`);
    parent.children.delete(name);
    parent.mtime = this.tick();
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { readonly overwrite: boolean }): void {
    const source = this.parentOf(from);
    const entry = source.parent.children.get(source.name);
    if (!entry) throw vscode.FileSystemError.FileNotFound(from);
    const target = this.parentOf(to);
    if (target.parent.children.has(target.name) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    source.parent.children.delete(source.name);
    target.parent.children.set(target.name, entry);
    const now = this.tick();
    source.parent.mtime = now;
    target.parent.mtime = now;
    this.changed.fire([
      { type: vscode.FileChangeType.Deleted, uri: from },
      { type: vscode.FileChangeType.Created, uri: to },
    ]);
  }

  /** Writes a file and every missing folder above it, for filling the folder before anyone reads it. */
  seed(path: string, bytes: Uint8Array): void {
    const parts = path.split('/');
    let folder = this.root;
    for (const part of parts.slice(0, -1)) {
      let child = folder.children.get(part);
      if (!child) {
        child = { type: vscode.FileType.Directory, ctime: this.tick(), mtime: this.tick(), children: new Map() };
        folder.children.set(part, child);
      }
      if (child.type !== vscode.FileType.Directory) throw new Error(`${path}: ${part} is a file`);
      folder = child;
    }
    const now = this.tick();
    folder.children.set(parts[parts.length - 1]!, { type: vscode.FileType.File, ctime: now, mtime: now, bytes });
  }

  /** The bytes stored at `path` (`/`-separated, from the root), or `undefined`: what the provider holds, not what an editor shows. */
  bytesAt(path: string): Uint8Array | undefined {
    try {
      const entry = this.lookup(vscode.Uri.from({ scheme: 'memfs', path: `/${path}` }));
      return entry.type === vscode.FileType.File ? entry.bytes.slice() : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every file's path under `folder` (a folder below the root), sorted. */
  filesUnder(folder: string): string[] {
    const found: string[] = [];
    const walk = (entry: Entry, prefix: string) => {
      if (entry.type === vscode.FileType.File) found.push(prefix);
      else for (const [name, child] of entry.children) walk(child, prefix === '' ? name : `${prefix}/${name}`);
    };
    const start = this.lookup(vscode.Uri.from({ scheme: 'memfs', path: `/${folder}` }));
    walk(start, '');
    return found.map((path) => `${folder}/${path}`).sort();
  }

  private tick(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  private lookup(uri: vscode.Uri): Entry {
    let entry: Entry = this.root;
    for (const part of segments(uri)) {
      const child: Entry | undefined = entry.type === vscode.FileType.Directory ? entry.children.get(part) : undefined;
      if (!child) throw vscode.FileSystemError.FileNotFound(uri);
      entry = child;
    }
    return entry;
  }

  private parentOf(uri: vscode.Uri): { parent: FolderEntry; name: string } {
    const parts = segments(uri);
    const name = parts.pop();
    if (name === undefined) throw vscode.FileSystemError.NoPermissions('the root cannot be replaced');
    const parent = this.lookup(uri.with({ path: `/${parts.join('/')}` }));
    if (parent.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    return { parent, name };
  }
}

function segments(uri: vscode.Uri): string[] {
  return uri.path.split('/').filter((part) => part !== '');
}
