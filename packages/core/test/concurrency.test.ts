import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contactNoteText, readLayout } from '../src/index.js';

const workers = new URL('./workers/', import.meta.url);
const built = existsSync(new URL('../dist/index.js', import.meta.url));

/** Runs a worker and resolves with what it printed. */
function output(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(script, workers), args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let printed = '';
    child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', () => resolve(printed.trim()));
  });
}

/** Runs one worker per argument list, lets them all go at once when all are loaded, and resolves with what each printed. */
async function together(script: string, runs: string[][]): Promise<string[]> {
  const children = runs.map((args) => fork(new URL(script, workers), args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] }));
  const printed = children.map((child) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    return new Promise<string>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve(text.trim()));
    });
  });
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('message', resolve))));
  for (const child of children) child.send('go');
  return Promise.all(printed);
}

/** The `save-N` lines an editor added to the note's body, in order. */
function saves(text: string): string[] {
  return text.split('\n').filter((line) => /^save-\d+$/.test(line));
}

function expectedSaves(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `save-${index}`);
}

function run(script: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(script, workers), args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

describe.runIf(built)('concurrent writers (built core)', () => {
  it('two processes editing the same note lose no update', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rapport-concurrent-'));
    await writeFile(join(folder, 'maya.md'), contactNoteText({ name: 'Maya', date: '2026-11-01' }));
    const codes = await Promise.all([run('append-history.mjs', [folder, 'maya.md', '25', 'a']), run('append-history.mjs', [folder, 'maya.md', '25', 'b'])]);
    expect(codes).toEqual([0, 0]);
    const text = await readFile(join(folder, 'maya.md'), 'utf8');
    const history = (parse(readLayout(text).frontmatter!.yaml) as { history: { note?: string }[] }).history;
    const notes = history.map((entry) => entry.note).filter(Boolean);
    expect(notes).toHaveLength(50);
    expect(new Set(notes).size).toBe(50);
    expect((await readdir(folder)).filter((name) => name !== 'maya.md')).toEqual([]);
  }, 120_000);

  it('a crash mid-write leaves the old or the new note, never a partial one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rapport-crash-'));
    const first = contactNoteText({ name: 'First Version', date: '2026-11-01' }) + 'a'.repeat(200_000);
    const second = contactNoteText({ name: 'Second Version', date: '2026-11-02' }) + 'b'.repeat(300_000);
    await writeFile(join(folder, 'note.md'), first);
    const contents = await mkdtemp(join(tmpdir(), 'rapport-crash-contents-'));
    await writeFile(join(contents, 'first.txt'), first);
    await writeFile(join(contents, 'second.txt'), second);
    const faults = 30;
    for (let i = 0; i < faults; i++) {
      const child = fork(new URL('rewrite-forever.mjs', workers), [folder, 'note.md', join(contents, 'first.txt'), join(contents, 'second.txt')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      await new Promise((resolve) => child.once('message', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // The killed writer's lock is stale; the store would take it over after 2 s — skip the wait.
      await rm(join(folder, 'note.md.lock'), { recursive: true, force: true });
      const text = await readFile(join(folder, 'note.md'), 'utf8');
      expect(text === first || text === second, `fault ${i}: ${text.length} bytes`).toBe(true);
    }
    console.log(`crash test: ${faults} kills mid-write, 0 partial notes`);
  }, 120_000);

  it('20 simultaneous advances of one note all succeed, each recorded once', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rapport-twenty-'));
    await writeFile(join(folder, 'maya.md'), contactNoteText({ name: 'Maya', date: '2026-11-01' }));
    const results = await together('advance-once.mjs', Array.from({ length: 20 }, (_, index) => [folder, 'maya.md', 'contacted', `run-${index}`]));
    const succeeded = results.filter((result) => result === 'ok').length;
    console.log(`20 concurrent advances: ${succeeded} of 20 succeeded`);
    expect(results.filter((result) => result !== 'ok')).toEqual([]);
    const text = await readFile(join(folder, 'maya.md'), 'utf8');
    const notes = (parse(readLayout(text).frontmatter!.yaml) as { history: { note?: string }[] }).history.map((entry) => entry.note).filter(Boolean);
    expect(notes.sort()).toEqual(Array.from({ length: 20 }, (_, index) => `run-${index}`).sort());
  }, 120_000);

  it('10 simultaneous creations of one name give one note and nine clear refusals', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rapport-same-name-'));
    const results = await together('create-contact.mjs', Array.from({ length: 10 }, () => [folder, 'Same Name']));
    expect(results.filter((result) => result === 'same-name.md')).toHaveLength(1);
    expect(results.filter((result) => result !== 'same-name.md')).toEqual(Array.from({ length: 9 }, () => 'NoteExistsError: same-name.md already exists'));
    expect((await readdir(folder)).sort()).toEqual(['same-name.md']);
  }, 120_000);

  it('an editor saving by temp file and rename while notes are edited keeps its saves, in order, but for a rare one lost to the last system call', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rapport-editor-rename-'));
    await writeFile(join(folder, 'maya.md'), `${contactNoteText({ name: 'Maya', date: '2026-11-01' })}\n## Notes\n\n`);
    const [, edits] = await Promise.all([output('editor-save-by-rename.mjs', [folder, 'maya.md', '300']), output('advance-until.mjs', [folder, 'maya.md'])]);
    const text = await readFile(join(folder, 'maya.md'), 'utf8');
    const lost = 300 - saves(text).length;
    const { done, errors } = JSON.parse(edits) as { done: number; errors: string[] };
    console.log(`racing editor (temp file + rename): ${lost} of 300 saves lost; ${done} edits made beside it, ${errors.length} refused`);
    // An editor's rename landing between the store's second name for the note and its own rename is
    // replaced, and Node offers no call that closes that window (no RENAME_EXCHANGE). Both renames wait
    // on the folder's lock, which widens it to a few hundred microseconds: 26 runs on 2 cores lost 0 to 2
    // saves (mean 0.5). Which guard keeps which save is pinned down call by call in
    // node-store-races.test.ts; racing processes cannot tell them apart (with every guard taken out, 0 to
    // 6 were lost). Here: the saves kept are in order, the last is there, and the note is whole.
    const kept = saves(text);
    expect(lost).toBeLessThanOrEqual(5);
    expect(kept).toEqual(expectedSaves(300).filter((save) => kept.includes(save)));
    expect(kept.at(-1)).toBe('save-299');
    expect(readLayout(text).frontmatter).toBeDefined();
    expect(done).toBeGreaterThan(0);
  }, 120_000);

  it('an editor saving in place, pausing halfway, never has half a note edited or its save lost', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rapport-editor-in-place-'));
    // A long body, so that half of the note is a whole frontmatter and half a body.
    await writeFile(join(folder, 'maya.md'), `${contactNoteText({ name: 'Maya', date: '2026-11-01' })}\n## Notes\n\n${'Talked about diary studies and recruiting patients. '.repeat(20)}\n\n`);
    const [, edits] = await Promise.all([output('editor-save-in-place.mjs', [folder, 'maya.md', '20', '120']), output('advance-until.mjs', [folder, 'maya.md'])]);
    const text = await readFile(join(folder, 'maya.md'), 'utf8');
    const { done, errors } = JSON.parse(edits) as { done: number; errors: string[] };
    console.log(`racing editor (in place, 120 ms pause halfway): ${20 - saves(text).length} of 20 saves lost; ${done} edits made beside it, ${errors.length} refused`);
    expect(saves(text)).toEqual(expectedSaves(20));
    expect(text.endsWith('save-19\n')).toBe(true);
    expect(text).toContain('Talked about diary studies and recruiting patients. '.repeat(20));
    expect(done).toBeGreaterThan(0);
  }, 120_000);
});
