import { chmod, mkdtemp, mkdir, readFile, readdir, rmdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, NoteConflictError } from '../errors.js';
import { NodeStore } from './node-store.js';

async function tempFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'rapport-store-'));
  await mkdir(join(root, 'people/deep'), { recursive: true });
  await mkdir(join(root, '.git'), { recursive: true });
  await mkdir(join(root, 'node_modules/x'), { recursive: true });
  await writeFile(join(root, 'a.md'), 'a');
  await writeFile(join(root, 'people/deep/b.md'), 'b');
  await writeFile(join(root, '.git/c.md'), 'c');
  await writeFile(join(root, 'node_modules/x/d.md'), 'd');
  await writeFile(join(root, 'notes.txt'), 'e');
  await symlink(root, join(root, 'people/loop'));
  return root;
}

describe('NodeStore', () => {
  it('lists Markdown notes, skipping dot-folders, node_modules and symlink loops', async () => {
    const store = new NodeStore(await tempFolder());
    expect(await store.listNotes()).toEqual(['a.md', 'people/deep/b.md']);
  });

  it('writes atomically, creating folders, and reads back', async () => {
    const root = await tempFolder();
    const store = new NodeStore(root);
    await store.write('new/c.md', 'hello', { expectedVersion: null });
    expect(await readFile(join(root, 'new/c.md'), 'utf8')).toBe('hello');
    expect((await readdir(join(root, 'new'))).filter((name) => name !== 'c.md')).toEqual([]);
    expect(await store.read('missing.md')).toBeUndefined();
  });

  it('refuses to overwrite a file that changed since it was read', async () => {
    const root = await tempFolder();
    const store = new NodeStore(root);
    const read = (await store.read('a.md'))!;
    await writeFile(join(root, 'a.md'), 'changed by someone else');
    await expect(store.write('a.md', 'mine', { expectedVersion: read.version })).rejects.toThrow(NoteConflictError);
    await expect(store.write('a.md', 'mine', { expectedVersion: null })).rejects.toThrow(NoteConflictError);
    expect(await readFile(join(root, 'a.md'), 'utf8')).toBe('changed by someone else');
    // The refused text's temp file and the lock are gone.
    expect((await readdir(root)).filter((name) => name.startsWith('a.md'))).toEqual(['a.md']);
  });

  it('keeps the mode of the note it replaces', async () => {
    const root = await tempFolder();
    const store = new NodeStore(root);
    await chmod(join(root, 'a.md'), 0o600);
    await store.write('a.md', 'private');
    expect((await stat(join(root, 'a.md'))).mode & 0o777).toBe(0o600);
  });

  it('takes over a lock left by a process that died, and waits for a live one', async () => {
    const root = await tempFolder();
    const store = new NodeStore(root);
    const lock = join(root, 'a.md.lock');
    await mkdir(lock);
    const past = new Date(Date.now() - 60_000);
    await utimes(lock, past, past);
    await store.write('a.md', 'after a crash');
    expect(await readFile(join(root, 'a.md'), 'utf8')).toBe('after a crash');

    await mkdir(lock);
    const waiting = store.write('a.md', 'after the other writer');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readFile(join(root, 'a.md'), 'utf8')).toBe('after a crash');
    await rmdir(lock);
    await waiting;
    expect(await readFile(join(root, 'a.md'), 'utf8')).toBe('after the other writer');
    expect((await readdir(root)).filter((name) => name.startsWith('a.md'))).toEqual(['a.md']);
  });

  it('refuses paths outside the folder', async () => {
    const store = new NodeStore(await tempFolder());
    await expect(store.write('../escape.md', 'x')).rejects.toThrow(InvalidInputError);
    await expect(store.read('/etc/passwd')).rejects.toThrow(InvalidInputError);
  });
});
