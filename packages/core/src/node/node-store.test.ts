import { chmod, lstat, mkdtemp, mkdir, readFile, readdir, realpath, rmdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, NoteConflictError, UneditableNoteError } from '../errors.js';
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
  it('reads a leading ~ as the home folder, as a shell would, and leaves ~user and a ~ inside a name alone', async () => {
    const home = await mkdtemp(join(tmpdir(), 'rapport-home-'));
    await mkdir(join(home, 'job-search'));
    await writeFile(join(home, 'job-search/maya-chen.md'), '---\ntype: contact\n---\n');
    const before = process.env.HOME;
    process.env.HOME = home;
    try {
      expect(await new NodeStore('~/job-search').listNotes()).toEqual(['maya-chen.md']);
      expect(new NodeStore('~').root).toBe(home);
      expect(new NodeStore('~/job-search/').root).toBe(`${home}/job-search`);
      expect(new NodeStore('/srv/~/notes').root).toBe('/srv/~/notes');
      expect(new NodeStore('/srv/~maya').root).toBe('/srv/~maya');
      expect(new NodeStore('~maya/notes').root).toBe(join(process.cwd(), '~maya/notes'));
    } finally {
      process.env.HOME = before;
    }
  });

  it('refuses an empty path, which would be the working directory unseen', () => {
    expect(() => new NodeStore('')).toThrow(InvalidInputError);
    expect(() => new NodeStore('')).toThrow('the notes folder path is empty (got ""): give a folder, such as ~/job-search, or . for the current one');
    expect(() => new NodeStore('  ')).toThrow('the notes folder path is empty (got "  ")');
    expect(new NodeStore('.').root).toBe(process.cwd());
  });

  it('says, of a missing ~user folder, that only ~ and ~/… are expanded', async () => {
    const root = join(process.cwd(), '~nobody-rapport-test/notes');
    await expect(new NodeStore('~nobody-rapport-test/notes').listNotes()).rejects.toThrow(
      new InvalidInputError(`notes folder not found: ${root} (only \`~\` and \`~/…\` are expanded to your home folder, not \`~nobody-rapport-test\`: write the full path)`),
    );
  });

  it('refuses to list a folder that does not exist or is a file, naming it, instead of finding 0 notes', async () => {
    const root = await tempFolder();
    await expect(new NodeStore(join(root, 'job-serach')).listNotes()).rejects.toThrow(new InvalidInputError(`notes folder not found: ${root}/job-serach`));
    await expect(new NodeStore(join(root, 'notes.txt')).listNotes()).rejects.toThrow(new InvalidInputError(`${root}/notes.txt is a file, not a notes folder`));
    await expect(new NodeStore(join(root, 'notes.txt/inside')).listNotes()).rejects.toThrow(`notes folder not found: ${root}/notes.txt/inside`);
    await mkdir(join(root, 'empty'));
    expect(await new NodeStore(join(root, 'empty')).listNotes()).toEqual([]);
  });

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

  it('leaves each note it writes changed after it was modified, so that its own write never looks like an editor saving in place', async () => {
    // With timestamps of a clock tick, a write and its rename often fell in one tick (change time = modification time),
    // the mark of a note being saved in place: the next edit then waited half a second for it to settle.
    const store = new NodeStore(await mkdtemp(join(tmpdir(), 'rapport-store-')));
    let written = await store.write('maya.md', '---\ntype: contact\nname: Maya\n---\n', { expectedVersion: null });
    for (let edit = 1; edit <= 30; edit++) {
      written = await store.write('maya.md', `---\ntype: contact\nname: Maya\nedit: ${edit}\n---\n`, { expectedVersion: written.version });
      const info = await stat(join(store.root, 'maya.md'));
      expect(info.ctimeMs, `edit ${edit}`).toBeGreaterThan(info.mtimeMs);
    }
  });

  it('gives with each text the identity of the file it was read from: size, times and inode', async () => {
    const root = await tempFolder();
    await writeFile(join(root, 'maya-chen.md'), '---\ntype: contact\n---\n');
    await utimes(join(root, 'maya-chen.md'), 1_700_000_000, 1_700_000_000);
    const { ino, ctimeMs } = await stat(join(root, 'maya-chen.md'));
    const stored = await new NodeStore(root).read('maya-chen.md');
    expect(stored?.identity).toEqual({ size: 22, mtimeMs: 1_700_000_000_000, ino, ctimeMs });
  });

  it('reads a note larger than its read buffer whole, from the file it opened', async () => {
    const root = await tempFolder();
    const text = `---\ntype: contact\nname: Long Notes\n---\n${'Said a lot. '.repeat(10_000)}\n`;
    await writeFile(join(root, 'long.md'), text);
    const stored = await new NodeStore(root).read('long.md');
    expect(stored?.text).toBe(text);
    expect(stored?.identity?.size).toBe(120_040);
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

  it('lists a symlink to a note in the folder once, as that note; a link out of the folder or to a skipped folder is a note of its own', async () => {
    const root = await tempFolder();
    await symlink('people/deep/b.md', join(root, 'link.md'));
    await symlink(join(root, 'a.md'), join(root, 'people/absolute-link.md'));
    await mkdir(join(root, '.private'));
    await writeFile(join(root, '.private/kept.md'), 'kept');
    await symlink('.private/kept.md', join(root, 'kept.md'));
    const outside = await mkdtemp(join(tmpdir(), 'rapport-outside-'));
    await writeFile(join(outside, 'owen.md'), 'owen');
    await symlink(join(outside, 'owen.md'), join(root, 'owen-park.md'));
    const store = new NodeStore(root);
    expect(await store.listNotes()).toEqual(['a.md', 'kept.md', 'owen-park.md', 'people/deep/b.md']);
    expect([store.linkedNote('link.md'), store.linkedNote('people/absolute-link.md'), store.linkedNote('owen-park.md'), store.linkedNote('a.md'), store.linkedNote('missing.md')]).toEqual(['people/deep/b.md', 'a.md', undefined, undefined, undefined]);
  });

  it('edits a symlinked note at its target inside the folder, keeping the link', async () => {
    const root = await tempFolder();
    const store = new NodeStore(root);
    await symlink('people/deep/b.md', join(root, 'link.md'));
    const read = (await store.read('link.md'))!;
    await store.write('link.md', 'edited through the link', { expectedVersion: read.version });
    expect(await readFile(join(root, 'people/deep/b.md'), 'utf8')).toBe('edited through the link');
    expect((await lstat(join(root, 'link.md'))).isSymbolicLink()).toBe(true);
  });

  it('refuses to edit a symlinked note whose target is outside the folder', async () => {
    const root = await tempFolder();
    const outside = await mkdtemp(join(tmpdir(), 'rapport-outside-'));
    await writeFile(join(outside, 'owen.md'), 'kept');
    await symlink(join(outside, 'owen.md'), join(root, 'owen-park.md'));
    const store = new NodeStore(root);
    const read = (await store.read('owen-park.md'))!;
    await expect(store.write('owen-park.md', 'x', { expectedVersion: read.version })).rejects.toThrow(UneditableNoteError);
    const target = await realpath(join(outside, 'owen.md'));
    await expect(store.write('owen-park.md', 'x', { expectedVersion: read.version })).rejects.toThrow(
      `owen-park.md cannot be edited: it is a symbolic link to ${target}, outside the notes folder; Rapport edits only notes inside it (replace the link with the file to edit it here)`,
    );
    expect(await readFile(join(outside, 'owen.md'), 'utf8')).toBe('kept');
  });

  it('leaves out the temp files of a killed write, and removes them on the next write once a minute old', async () => {
    const root = await tempFolder();
    await writeFile(join(root, 'a.md.4117527850'), 'half a note');
    await writeFile(join(root, 'people/deep/b.md.12345'), 'another half');
    await writeFile(join(root, 'a.md.77'), 'a write in progress');
    await writeFile(join(root, 'a.md.4117.9f3c2a1b.tmp'), 'half an imported note');
    const past = new Date(Date.now() - 120_000);
    await utimes(join(root, 'a.md.4117527850'), past, past);
    await utimes(join(root, 'a.md.4117.9f3c2a1b.tmp'), past, past);
    await utimes(join(root, 'people/deep/b.md.12345'), past, past);
    const store = new NodeStore(root);
    expect(await store.listNotes()).toEqual(['a.md', 'people/deep/b.md']);
    await store.write('a.md', 'next write');
    expect((await readdir(root)).filter((name) => name.startsWith('a.md')).sort()).toEqual(['a.md', 'a.md.77']);
    expect(await readdir(join(root, 'people/deep'))).toEqual(['b.md']);
  });

  it('does not write over a note whose frontmatter is never closed', async () => {
    const root = await tempFolder();
    await writeFile(join(root, 'half.md'), '---\ntype: contact\nname: Ow');
    const store = new NodeStore(root);
    const read = (await store.read('half.md'))!;
    await expect(store.write('half.md', '---\ntype: contact\nname: Ow\n---\n\n## Notes\n', { expectedVersion: read.version })).rejects.toThrow(
      'half.md cannot be edited: its frontmatter is never closed with `---`',
    );
    expect(await readFile(join(root, 'half.md'), 'utf8')).toBe('---\ntype: contact\nname: Ow');
  });
});
