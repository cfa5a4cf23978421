import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, realpath, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadOnlyNoteError, UneditableNoteError, UnreadableNoteError } from '../errors.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { NodeStore } from './node-store.js';

const NOTE = '---\ntype: contact\nname: Owen Park\nstage: contacted\n---\n';

/** A notes folder with one note, and a folder outside it holding a note of the same name. */
async function folderAndOutside(): Promise<{ root: string; outside: string }> {
  const root = await mkdtemp(join(tmpdir(), 'rapport-limits-'));
  const outside = await realpath(await mkdtemp(join(tmpdir(), 'rapport-elsewhere-')));
  await writeFile(join(root, 'owen-park.md'), NOTE);
  await writeFile(join(outside, 'owen-park.md'), 'outside');
  return { root, outside };
}

/** The folder of `folderAndOutside` with a named pipe, a link to /dev/zero and a sparse file of `megabytes` MB, all named like notes. */
async function withSpecialFiles(megabytes: number): Promise<string> {
  const { root } = await folderAndOutside();
  execFileSync('mkfifo', [join(root, 'fifo.md')]);
  await symlink('/dev/zero', join(root, 'zero.md'));
  await writeFile(join(root, 'big.md'), '');
  await truncate(join(root, 'big.md'), megabytes * 1024 * 1024);
  return root;
}

describe('NodeStore keeps to the notes folder through linked folders', () => {
  it('does not list a linked folder that leads out, and lists one that stays inside once', async () => {
    const { root, outside } = await folderAndOutside();
    await symlink(outside, join(root, 'escapedir'));
    await mkdir(join(root, 'people'));
    await writeFile(join(root, 'people/ana.md'), 'ana');
    await symlink(join(root, 'people'), join(root, 'same-people'));
    expect(await new NodeStore(root).listNotes()).toEqual(['owen-park.md', 'people/ana.md']);
  });

  it('refuses to read or edit a note through a linked folder that leads out, naming the link and where it leads', async () => {
    const { root, outside } = await folderAndOutside();
    await symlink(outside, join(root, 'escapedir'));
    const store = new NodeStore(root);
    const read = store.read('escapedir/owen-park.md');
    await expect(read).rejects.toThrow(UnreadableNoteError);
    await expect(store.read('escapedir/owen-park.md')).rejects.toThrow(
      `escapedir/owen-park.md cannot be read: its folder escapedir is a symbolic link to ${outside}, outside the notes folder; Rapport reads only notes inside it`,
    );
    await expect(store.write('escapedir/owen-park.md', 'edited')).rejects.toThrow(UneditableNoteError);
    await expect(store.write('escapedir/owen-park.md', 'edited')).rejects.toThrow(
      `escapedir/owen-park.md cannot be edited: its folder escapedir is a symbolic link to ${outside}, outside the notes folder; Rapport edits only notes inside it`,
    );
    await expect(store.lock('escapedir/owen-park.md')).rejects.toThrow(UneditableNoteError);
    expect(await readFile(join(outside, 'owen-park.md'), 'utf8')).toBe('outside');
    expect(store.folderOutside('escapedir/owen-park.md')).toBe(`its folder escapedir is a symbolic link to ${outside}, outside the notes folder`);
    expect(store.folderOutside('owen-park.md')).toBeUndefined();
  });

  it('refuses to create notes in a linked folder that leads out (notes_folder: linkdir), even in a folder not made yet below it', async () => {
    const { root, outside } = await folderAndOutside();
    await symlink(outside, join(root, 'linkdir'));
    const store = new NodeStore(root);
    await expect(store.write('linkdir/test-person.md', NOTE, { expectedVersion: null })).rejects.toThrow(
      `linkdir/test-person.md cannot be edited: its folder linkdir is a symbolic link to ${outside}, outside the notes folder; Rapport edits only notes inside it`,
    );
    await expect(store.write('linkdir/new/deeper/test-person.md', NOTE, { expectedVersion: null })).rejects.toThrow(UneditableNoteError);
    await expect(store.createMany([{ path: 'linkdir/test-person.md', text: NOTE }])).rejects.toThrow(UneditableNoteError);
    expect(execFileSync('ls', ['-A', outside], { encoding: 'utf8' })).toBe('owen-park.md\n');
    // A folder not made yet inside the folder is fine.
    await store.write('contacts/new/test-person.md', NOTE, { expectedVersion: null });
    expect(await readFile(join(root, 'contacts/new/test-person.md'), 'utf8')).toBe(NOTE);
  });

  it('keeps working in a notes folder that is itself reached through a link, and through a linked folder that stays inside', async () => {
    const { root } = await folderAndOutside();
    const link = join(await mkdtemp(join(tmpdir(), 'rapport-link-')), 'notes');
    await symlink(root, link);
    await mkdir(join(root, 'people'));
    await symlink(join(root, 'people'), join(root, 'team'));
    const store = new NodeStore(link);
    await store.write('team/ana.md', 'ana', { expectedVersion: null });
    expect((await store.read('team/ana.md'))?.text).toBe('ana');
    expect(await readFile(join(root, 'people/ana.md'), 'utf8')).toBe('ana');
  });
});

describe('NodeStore reads only regular files of a note\'s size', () => {
  it('refuses a named pipe without waiting on it, a device without reading it, and a file over 10 MB', async () => {
    const root = await withSpecialFiles(300);
    await writeFile(join(root, 'ten.md'), '');
    await truncate(join(root, 'ten.md'), 10 * 1024 * 1024);
    const store = new NodeStore(root);
    expect(() => store.readSync('fifo.md')).toThrow(new UnreadableNoteError('it is a named pipe (FIFO), not a file', 'fifo.md'));
    expect(() => store.readSync('fifo.md')).toThrow('fifo.md cannot be read: it is a named pipe (FIFO), not a file');
    expect(() => store.readSync('zero.md')).toThrow('zero.md cannot be read: it is a device, not a file');
    expect(() => store.readSync('big.md')).toThrow('big.md cannot be read: it is 300 MB: too large to be a note (Rapport reads notes of up to 10 MB)');
    expect(store.readSync('ten.md')?.text.length).toBe(10 * 1024 * 1024);
    await expect(store.write('fifo.md', NOTE, { expectedVersion: 'any' })).rejects.toThrow('fifo.md cannot be read: it is a named pipe (FIFO), not a file');
  });

  it('reports each of them as an unreadable file when the folder is loaded, and reads the other notes', async () => {
    const root = await withSpecialFiles(11);
    const workspace = await loadWorkspace(new NodeStore(root));
    expect(workspace.index.contactCount()).toBe(1);
    expect(workspace.configDiagnostics.filter((d) => d.rule === 'unreadable-file').map((d) => `${d.file}: ${d.message}`)).toEqual([
      'big.md: The note cannot be read: it is 11 MB: too large to be a note (Rapport reads notes of up to 10 MB)',
      'fifo.md: The note cannot be read: it is a named pipe (FIFO), not a file',
      'zero.md: The note cannot be read: it is a device, not a file',
    ]);
  });
});

describe('NodeStore leaves read-only notes alone', () => {
  it('refuses to write over a note the user made read-only, and writes nothing', async () => {
    const { root } = await folderAndOutside();
    await chmod(join(root, 'owen-park.md'), 0o444);
    const store = new NodeStore(root);
    const read = (await store.read('owen-park.md'))!;
    await expect(store.write('owen-park.md', 'edited', { expectedVersion: read.version })).rejects.toThrow(ReadOnlyNoteError);
    await expect(store.write('owen-park.md', 'edited')).rejects.toThrow('owen-park.md is read-only: Rapport leaves it as it is (make it writable to edit it, e.g. chmod u+w owen-park.md)');
    expect(await readFile(join(root, 'owen-park.md'), 'utf8')).toBe(NOTE);
    expect(execFileSync('ls', ['-A', root], { encoding: 'utf8' })).toBe('owen-park.md\n');
  });
});
