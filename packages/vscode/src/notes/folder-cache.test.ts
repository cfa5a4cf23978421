import { describe, expect, it } from 'vitest';
import { readNote, type CachedNote, type IndexSnapshot } from '@rapport/core';
import { INDEX_CACHE_FORMAT } from '@rapport/core/internal';
import { checkedSnapshot } from './folder-cache.js';

const NOTE = '---\ntype: contact\nname: Maya Chen\nstage: contacted\n---\n';

function cached(file: string, reading = readNote(file, NOTE)): CachedNote {
  return { identity: { size: NOTE.length, mtimeMs: 1 }, version: 'v', reading };
}

function snapshotOf(notes: Record<string, CachedNote>): IndexSnapshot {
  return { format: INDEX_CACHE_FORMAT, takenAt: 10_000, notes };
}

describe('checkedSnapshot', () => {
  it('keeps readings of notes inside the folder', () => {
    const snapshot = snapshotOf({ 'maya-chen.md': cached('maya-chen.md'), 'contacts/maya-chen.md': cached('contacts/maya-chen.md') });
    expect(Object.keys(checkedSnapshot(snapshot)!.notes)).toEqual(['maya-chen.md', 'contacts/maya-chen.md']);
  });

  it('drops entries outside the folder, in dot-folders, or whose reading names another file', () => {
    const snapshot = snapshotOf({
      '../outside.md': cached('../outside.md'),
      '/etc/outside.md': cached('/etc/outside.md'),
      '.git/inside.md': cached('.git/inside.md'),
      'elsewhere.md': cached('elsewhere.md', readNote('../elsewhere.md', NOTE)),
      'no-reading.md': { ...cached('no-reading.md'), reading: null as unknown as CachedNote['reading'] },
      'kept.md': cached('kept.md'),
    });
    expect(Object.keys(checkedSnapshot(snapshot)!.notes)).toEqual(['kept.md']);
  });

  it('passes no cache through', () => {
    expect(checkedSnapshot(undefined)).toBeUndefined();
  });
});
