import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { advance, editNote, loadWorkspace, RapportError, type Workspace } from '../src/index.js';
import { NodeStore } from '../src/node/index.js';
import { MALFORMED_NOTES, writeMalformed } from './malformed-corpus.js';

async function hashes(folder: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of await readdir(folder)) {
    const info = await lstat(join(folder, name));
    result[name] = info.isFile() ? createHash('sha256').update(await readFile(join(folder, name))).digest('hex') : `${info.isDirectory() ? 'dir' : 'link'}`;
  }
  return result;
}

describe('malformed notes', () => {
  let folder: string;
  let workspace: Workspace;
  let before: Record<string, string>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'rapport-malformed-'));
    for (const note of MALFORMED_NOTES) await writeMalformed(folder, note);
    before = await hashes(folder);
    workspace = await loadWorkspace(new NodeStore(folder));
  });

  it('has at least 40 inputs', () => {
    expect(MALFORMED_NOTES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(MALFORMED_NOTES.map((note) => [note.name, note.rule]))('%s yields a positioned %s diagnostic', (name, rule) => {
    const all = [...workspace.configDiagnostics, ...workspace.index.diagnostics()].filter((d) => d.file === `${name}.md`);
    const match = all.find((d) => d.rule === rule);
    expect(match, JSON.stringify(all)).toBeDefined();
    expect(match!.line).toBeGreaterThanOrEqual(1);
    expect(match!.column).toBeGreaterThanOrEqual(1);
    expect(match!.message.length).toBeGreaterThan(10);
  });

  it.each(MALFORMED_NOTES.filter((note) => ['yaml-syntax', 'unreadable-file', 'missing-type'].includes(note.rule)).map((note) => [note.name, note.rule]))('%s is listed as a broken note with its %s problem', (name, rule) => {
    const broken = workspace.index.brokenNotes().find((note) => note.file === `${name}.md`);
    expect(broken?.id).toBe(name);
    expect(broken!.problems.map((problem) => problem.rule)).toContain(rule);
  });

  it('edits either succeed on the field alone or refuse without writing', async () => {
    for (const note of MALFORMED_NOTES) {
      const file = `${note.name}.md`;
      const original = before[file];
      try {
        await editNote(workspace, file, (text) => advance(text, 'contacted', { date: '2026-11-23' }));
      } catch (error) {
        expect(error, note.name).toBeInstanceOf(error instanceof RapportError ? RapportError : Error);
        const after = await hashes(folder);
        expect(after[file], note.name).toBe(original);
        continue;
      }
      const text = await readFile(join(folder, file), 'utf8');
      expect(text, note.name).toContain('stage: contacted');
    }
  });

  it('reading changed nothing on disk', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'rapport-malformed-'));
    for (const note of MALFORMED_NOTES) await writeMalformed(fresh, note);
    const snapshot = await hashes(fresh);
    await loadWorkspace(new NodeStore(fresh));
    expect(await hashes(fresh)).toEqual(snapshot);
  });
});
