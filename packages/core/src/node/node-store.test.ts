import { mkdtemp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
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
  });

  it('refuses paths outside the folder', async () => {
    const store = new NodeStore(await tempFolder());
    await expect(store.write('../escape.md', 'x')).rejects.toThrow(InvalidInputError);
    await expect(store.read('/etc/passwd')).rejects.toThrow(InvalidInputError);
  });
});
