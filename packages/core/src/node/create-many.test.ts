import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeStore } from './node-store.js';

describe('NodeStore.createMany', () => {
  it('creates every new file whole, leaves one that exists untouched and says which, and leaves no temp file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rapport-create-many-'));
    writeFileSync(join(root, 'taken.md'), 'mine\n');
    const store = new NodeStore(root);
    const existed = await store.createMany([
      { path: 'contacts/ann-smith.md', text: '---\nname: Ann Smith\n---\n' },
      { path: 'taken.md', text: 'theirs\n' },
      { path: 'contacts/bo-li.md', text: '---\nname: Bo Li\n---\n' },
    ]);
    expect(existed).toEqual(['taken.md']);
    expect(readFileSync(join(root, 'taken.md'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(root, 'contacts', 'ann-smith.md'), 'utf8')).toBe('---\nname: Ann Smith\n---\n');
    expect(readdirSync(root).sort()).toEqual(['contacts', 'taken.md']);
    expect(readdirSync(join(root, 'contacts')).sort()).toEqual(['ann-smith.md', 'bo-li.md']);
  });

  it('refuses a path outside the folder before writing anything', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rapport-create-many-'));
    const store = new NodeStore(root);
    await expect(store.createMany([{ path: 'a.md', text: 'a' }, { path: '../escape.md', text: 'x' }])).rejects.toThrow('../escape.md is outside the notes folder');
    expect(readdirSync(root)).toEqual([]);
  });
});
