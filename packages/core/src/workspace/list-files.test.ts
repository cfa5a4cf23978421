import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { NodeStore } from '../node/node-store.js';
import { MemoryStore } from './memory-store.js';
import type { NoteStore } from './store.js';

const FILES: Record<string, string> = {
  'a.md': 'a',
  'notes.txt': 'n',
  '.rapport/config.yaml': 'c',
  '.rapport/templates/thank-you.eta': 't',
  '.rapport/templates/cold-email.eta': 'c',
  '.rapport/templates/old/draft.eta': 'd',
  'people/b.md': 'b',
};

async function nodeStore(): Promise<NodeStore> {
  const root = await mkdtemp(join(tmpdir(), 'rapport-list-files-'));
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await symlink(join(root, 'a.md'), join(root, '.rapport/templates/linked.eta'));
  await symlink(join(root, 'nowhere'), join(root, '.rapport/templates/dangling.eta'));
  return new NodeStore(root);
}

describe.each([
  ['MemoryStore', async (): Promise<NoteStore> => new MemoryStore({ ...FILES, '.rapport/templates/linked.eta': 'a' })],
  ['NodeStore', nodeStore],
])('%s.listFiles', (_, makeStore) => {
  it('lists the files directly in a folder as folder-relative paths, sorted, without subfolders', async () => {
    const store = await makeStore();
    expect(await store.listFiles('.rapport/templates')).toEqual(['.rapport/templates/cold-email.eta', '.rapport/templates/linked.eta', '.rapport/templates/thank-you.eta']);
    expect(await store.listFiles('.rapport/templates/')).toEqual(await store.listFiles('./.rapport/templates'));
    expect(await store.listFiles('')).toEqual(['a.md', 'notes.txt']);
    expect(await store.listFiles('.')).toEqual(['a.md', 'notes.txt']);
  });

  it('gives [] for a folder that does not exist', async () => {
    expect(await (await makeStore()).listFiles('.rapport/missing')).toEqual([]);
  });
});

it('NodeStore.listFiles refuses a folder outside the notes folder', async () => {
  const store = await nodeStore();
  await expect(store.listFiles('../elsewhere')).rejects.toThrow(InvalidInputError);
});
