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
});
