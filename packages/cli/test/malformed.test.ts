import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MALFORMED_EXPECTED } from '../../core/test/malformed-corpus.expected.js';
import { MALFORMED_NOTES, writeMalformed, type MalformedNote } from '../../core/test/malformed-corpus.js';
import { rapport, snapshot, userFiles, type CliResult } from './support/run-cli.js';

/** Exit codes documented in `rapport --help` (packages/cli/src/program.ts). */
const EXIT = { ok: 0, problems: 1, usage: 2, failure: 3 } as const;
const TODAY = '2026-11-23';

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

/**
 * A notes folder holding `notes` and a config file, so the index cache would
 * be eligible: only a command that exits 0 may write `.rapport/cache/`.
 */
async function folderWith(notes: readonly MalformedNote[]): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-malformed-'));
  mkdirSync(join(folder, '.rapport'));
  writeFileSync(join(folder, '.rapport', 'config.yaml'), 'timezone: America/New_York\n');
  for (const note of notes) await writeMalformed(folder, note);
  return folder;
}

/** Whether `lines` appear in `text`'s lines in the same order (others may sit between them). */
function keepsInOrder(text: string, lines: readonly string[]): boolean {
  const remaining = text.split('\n');
  let at = 0;
  for (const line of lines) {
    const found = remaining.indexOf(line, at);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

describe('rapport check on the malformed corpus', () => {
  let folder: string;
  let before: Record<string, string>;
  let json: CliResult;
  let afterJson: Record<string, string>;
  let text: CliResult;
  let afterText: Record<string, string>;

  // The corpus holds a 5 MB note and 10,000-deep nesting: each form of `check` runs once, for every test below.
  beforeAll(async () => {
    folder = await folderWith(MALFORMED_NOTES);
    before = snapshot(folder);
    json = rapport(['check', '--json', '--dir', folder]);
    afterJson = snapshot(folder);
    text = rapport(['check', '--dir', folder]);
    afterText = snapshot(folder);
  });

  it('covers at least 40 inputs, every one of them on disk', () => {
    expect(MALFORMED_NOTES.length).toBeGreaterThanOrEqual(40);
    for (const note of MALFORMED_NOTES) expect(Object.keys(before), note.name).toContain(typeof note.content === 'object' && 'kind' in note.content && note.content.kind === 'folder' ? `${note.name}.md/` : `${note.name}.md`);
  });

  it('--json exits 1 (errors found) with a JSON array on stdout and nothing on stderr', () => {
    expect(json.code, json.stderr).toBe(EXIT.problems);
    expect(json.stderr).toBe('');
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });

  it.each(MALFORMED_NOTES.map((note) => [note.name, note.rule] as const))('--json reports %s with a %s diagnostic at the line and column written in the expected file', (name, rule) => {
    const diagnostics = (JSON.parse(json.stdout) as JsonDiagnostic[]).filter((diagnostic) => diagnostic.file === `${name}.md`);
    const match = diagnostics.find((diagnostic) => diagnostic.rule === rule);
    expect(match, JSON.stringify(diagnostics)).toBeDefined();
    const expected = MALFORMED_EXPECTED[name]!;
    expect({ rule: match!.rule, line: match!.line, column: match!.column }).toEqual({ rule: expected.rule, line: expected.line, column: expected.column });
    if (expected.message !== undefined) expect(match!.message).toBe(expected.message);
    expect(['error', 'warning', 'info']).toContain(match!.severity);
    expect(match!.message.trim().length).toBeGreaterThan(10);
  });

  it('the text form exits 1 and prints file:line:column with the rule for every input', () => {
    expect(text.code, text.stderr).toBe(EXIT.problems);
    const lines = text.stdout.split('\n');
    for (const note of MALFORMED_NOTES) {
      const place = MALFORMED_EXPECTED[note.name]!;
      const prefix = `${note.name}.md:${place.line}:${place.column} `;
      expect(
        lines.some((line) => line.startsWith(prefix) && line.endsWith(`[${note.rule}]`)),
        `no line "${prefix}… [${note.rule}]"`,
      ).toBe(true);
    }
    // Of the 66 inputs, the 17 yaml-syntax, 7 unreadable-file and 1 missing-type ones leave no contact to read.
    expect(lines.at(-2)).toMatch(/^41 contacts checked, 25 notes cannot be read: \d+ errors, \d+ warnings$/);
  });

  it('changes nothing on disk: every file, folder and link is the same, and no index cache is written', () => {
    expect(afterJson).toEqual(before);
    expect(afterText).toEqual(before);
    expect(Object.keys(afterText).filter((path) => path.startsWith('.rapport/cache'))).toEqual([]);
    // Content hashes, beyond the listing: the one note that cannot be listed as a file still is what was written.
    expect(readFileSync(join(folder, 'huge-note.md')).length).toBeGreaterThan(5_000_000);
  });
});

describe('rapport advance on each malformed note', () => {
  const check = async (name: string, note: MalformedNote) => {
    // One note per folder, so a success can be told from a stray write, and the big notes are read once each.
    const folder = await folderWith([note]);
    const before = userFiles(folder);
    const everything = snapshot(folder);
    const result = rapport(['advance', name, 'contacted', '--date', TODAY, '--dir', folder]);
    if (result.code === EXIT.ok) {
      const after = userFiles(folder);
      const changed = Object.keys({ ...before, ...after }).filter((path) => before[path] !== after[path]);
      expect(changed).toEqual([`${name}.md`]);
      const original = readFileSync(join(folder, `${name}.md`), 'utf8');
      expect(original).toMatch(/^stage: contacted$/m);
      expect(original).toMatch(new RegExp(`date: ${TODAY}`));
      // Every line but the old stage is still there, in order: the rest of the note is untouched.
      expect(typeof note.content).toBe('string');
      const kept = String(note.content).split('\n').filter((line) => !/^stage:/.test(line));
      expect(keepsInOrder(original, kept), original).toBe(true);
    } else {
      expect([EXIT.usage, EXIT.failure], `exit ${result.code}: ${result.stderr}`).toContain(result.code);
      expect(result.stderr).toMatch(/^rapport: .+\n$/);
      expect(result.stdout).toBe('');
      expect(snapshot(folder)).toEqual(everything);
    }
  };
  const title = '%s: the field changes alone, or a documented code and not a byte written';
  it.each(MALFORMED_NOTES.map((note) => [note.name, note] as const))(title, check);
});
