import { describe, expect, it } from 'vitest';
import { FilesByKey } from './files-by-key.js';

describe('FilesByKey', () => {
  it('groups files by key in the order they were added, as a map of sets would', () => {
    const groups = new FilesByKey();
    groups.add('maya', 'a/maya.md');
    groups.add('maya', 'b/maya.md');
    groups.add('maya', 'a/maya.md');
    groups.add('ben', 'ben.md');
    expect([...groups.files('maya')]).toEqual(['a/maya.md', 'b/maya.md']);
    expect([...groups.counts()]).toEqual([['maya', 2], ['ben', 1]]);
    expect(groups.first('maya')).toBe('a/maya.md');
    expect([...groups.files('nobody')]).toEqual([]);
    expect(groups.size).toBe(2);
  });

  it('drops a key with its last file, and keeps the order of the files left', () => {
    const groups = new FilesByKey();
    for (const file of ['one.md', 'two.md', 'three.md']) groups.add('id', file);
    groups.delete('id', 'one.md');
    expect([...groups.files('id')]).toEqual(['two.md', 'three.md']);
    groups.delete('id', 'three.md');
    expect(groups.first('id')).toBe('two.md');
    groups.delete('id', 'elsewhere.md');
    expect(groups.has('id')).toBe(true);
    groups.delete('id', 'two.md');
    expect(groups.has('id')).toBe(false);
    expect(groups.size).toBe(0);
  });
});
