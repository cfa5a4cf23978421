import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { MemoryStore } from './memory-store.js';

describe('MemoryStore', () => {
  it('reads a path as NodeStore does: ./a.md and contacts/../a.md are a.md', async () => {
    const store = new MemoryStore({ './a.md': 'A', 'contacts//b.md': 'B' });
    expect(await store.listNotes()).toEqual(['a.md', 'contacts/b.md']);
    expect((await store.read('contacts/../a.md'))?.text).toBe('A');
    await store.write('contacts/./c.md', 'C');
    expect(store.snapshot()).toEqual({ 'a.md': 'A', 'contacts/b.md': 'B', 'contacts/c.md': 'C' });
    expect(await store.listFiles('./contacts/')).toEqual(['contacts/b.md', 'contacts/c.md']);
  });

  it('refuses, as NodeStore does, an absolute path, a NUL, and a path out of the folder or of the folder itself', async () => {
    const store = new MemoryStore();
    await expect(store.write('/etc/passwd', 'x')).rejects.toThrow(new InvalidInputError('/etc/passwd is not a path inside the notes folder'));
    await expect(store.write('C:\\notes\\a.md', 'x')).rejects.toThrow(new InvalidInputError('C:\\notes\\a.md is not a path inside the notes folder'));
    await expect(store.read('a\0.md')).rejects.toThrow(new InvalidInputError('a\0.md is not a path inside the notes folder'));
    await expect(store.write('../outside.md', 'x')).rejects.toThrow(new InvalidInputError('../outside.md is outside the notes folder'));
    await expect(store.read('contacts/../../outside.md')).rejects.toThrow(new InvalidInputError('contacts/../../outside.md is outside the notes folder'));
    await expect(store.write('contacts/..', 'x')).rejects.toThrow(new InvalidInputError('contacts/.. is outside the notes folder'));
    expect(() => new MemoryStore({ '../x.md': 'x' })).toThrow(new InvalidInputError('../x.md is outside the notes folder'));
    expect(store.snapshot()).toEqual({});
  });
});
