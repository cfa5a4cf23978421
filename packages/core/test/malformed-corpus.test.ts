import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { advance, editNote, loadWorkspace, RapportError, type Workspace } from '../src/index.js';
import { NodeStore } from '../src/node/index.js';
import { MALFORMED_EXPECTED } from './malformed-corpus.expected.js';
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

  it('has an expected place, worked out by hand, for every input and no other', () => {
    expect(Object.keys(MALFORMED_EXPECTED).sort()).toEqual(MALFORMED_NOTES.map((note) => note.name).sort());
    for (const note of MALFORMED_NOTES) expect(MALFORMED_EXPECTED[note.name]!.rule, note.name).toBe(note.rule);
  });

  it.each(MALFORMED_NOTES.map((note) => [note.name, note.rule]))('%s yields a %s diagnostic at the place written in the expected file', (name, rule) => {
    const all = [...workspace.configDiagnostics, ...workspace.index.diagnostics()].filter((d) => d.file === `${name}.md`);
    const match = all.find((d) => d.rule === rule);
    expect(match, JSON.stringify(all)).toBeDefined();
    const expected = MALFORMED_EXPECTED[name]!;
    expect({ rule: match!.rule, line: match!.line, column: match!.column, endLine: match!.endLine, endColumn: match!.endColumn, ...(expected.message === undefined ? {} : { message: match!.message }) }).toEqual(expected);
  });

  it.each(MALFORMED_NOTES.filter((note) => ['yaml-syntax', 'unreadable-file', 'missing-type'].includes(note.rule)).map((note) => [note.name, note.rule]))('%s is listed as a broken note with its %s problem', (name, rule) => {
    const broken = workspace.index.brokenNotes().find((note) => note.file === `${name}.md`);
    expect(broken?.id).toBe(name);
    expect(broken!.problems.map((problem) => problem.rule)).toContain(rule);
  });

  it('says every YAML mistake in plain words with a fix, never in parser words', () => {
    const yaml = workspace.index.diagnostics().filter((d) => d.rule === 'yaml-syntax');
    expect(yaml.length).toBeGreaterThanOrEqual(15);
    for (const diagnostic of yaml) {
      expect(diagnostic.message, diagnostic.file).not.toMatch(/Invalid YAML|Implicit|implicit keys|Map keys must be unique|Nested mappings|Flow (sequence|map)|Missing closing|call stack/);
      expect(diagnostic.hint, diagnostic.file).toMatch(/^[A-Z]/);
    }
  });

  /** The inputs an edit must refuse, each with the error it refuses with; every other input takes the edit. */
  const REFUSED: Readonly<Record<string, { name: string } | { code: string }>> = {
    ...Object.fromEntries(
      ['invalid-yaml-bracket', 'invalid-yaml-indent', 'invalid-yaml-tab', 'invalid-yaml-quote', 'unterminated-frontmatter', 'alias-bomb', 'deep-nesting', 'duplicate-keys', 'duplicate-keys-apart', 'colon-in-value', 'missing-colon', 'unclosed-quote-early', 'unclosed-brace', 'value-starts-with-at', 'history-string', 'tags-first-item-too-far'].map((name) => [name, { name: 'UneditableNoteError' }]),
    ),
    // A stage that is not one, or a history entry without a real date or that is no mapping: a change would be recorded out of place.
    ...Object.fromEntries(['huge-note', 'unknown-stage', 'stage-number', 'impossible-date', 'month-13', 'date-words', 'history-entry-list'].map((name) => [name, { name: 'RecordingRefusedError' }])),
    // No `type: contact` (a TOML frontmatter is not read): a history would make them half a contact.
    'toml-fences': { name: 'UneditableNoteError' },
    'yaml-directive': { name: 'UneditableNoteError' },
    'missing-type': { name: 'UneditableNoteError' },
    'binary-bytes': { name: 'InvalidEncodingError' },
    'invalid-utf8': { name: 'InvalidEncodingError' },
    'utf16-without-bom': { name: 'InvalidEncodingError' },
    'utf16-with-bom': { name: 'InvalidEncodingError' },
    'dangling-symlink': { name: 'UneditableNoteError' },
    'symlink-loop': { name: 'UneditableNoteError' },
    // The file system's own refusals, passed on with their code.
    'a-folder': { code: 'EISDIR' },
  };

  it('edits either succeed on the field alone or refuse, with the expected error, without writing', async () => {
    for (const note of MALFORMED_NOTES) {
      const file = `${note.name}.md`;
      const original = before[file];
      const refusal = REFUSED[note.name];
      let thrown: unknown;
      try {
        await editNote(workspace, file, (text) => advance(text, 'contacted', { date: '2026-11-23' }));
      } catch (error) {
        thrown = error;
      }
      if (refusal) {
        expect(thrown, note.name).toBeDefined();
        if ('name' in refusal) {
          expect(thrown, note.name).toBeInstanceOf(RapportError);
          expect((thrown as Error).name, note.name).toBe(refusal.name);
        } else expect((thrown as NodeJS.ErrnoException).code, note.name).toBe(refusal.code);
        expect((await hashes(folder))[file], note.name).toBe(original);
      } else {
        expect(thrown, note.name).toBeUndefined();
        expect(await readFile(join(folder, file), 'utf8'), note.name).toContain('stage: contacted');
      }
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
