import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { rapport, snapshot } from './support/run-cli.js';

const TODAY = '2026-11-23';

/**
 * A notes folder with one readable contact and three notes that cannot be
 * read as contacts: an unquoted colon in a value (line 4), a name and a
 * stage without `type: contact`, and bytes that are not UTF-8 (line 3).
 */
function folderWithBrokenNotes(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-broken-'));
  mkdirSync(join(folder, '.rapport'));
  mkdirSync(join(folder, 'contacts'));
  writeFileSync(join(folder, '.rapport', 'config.yaml'), 'timezone: America/New_York\nnotes_folder: contacts\n');
  writeFileSync(
    join(folder, 'contacts', 'ana-ruiz.md'),
    '---\ntype: contact\nname: Ana Ruiz\nstage: held\norganization: Acme Grid\nhistory:\n  - date: 2026-11-02\n    stage: identified\n  - date: 2026-11-20\n    stage: held\n---\n',
  );
  writeFileSync(join(folder, 'contacts', 'lena-ortiz.md'), '---\ntype: contact\nname: Lena Ortiz\nrole: Manager: DER Integration Analytics\nstage: identified\n---\n\n# Lena Ortiz\n');
  writeFileSync(join(folder, 'contacts', 'kim-lo.md'), '---\nname: Kim Lo\nstage: contacted\n---\n');
  writeFileSync(join(folder, 'contacts', 'raw-bytes.md'), Buffer.concat([Buffer.from('---\ntype: contact\nname: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]));
  return folder;
}

/** YAML's words for the unquoted colon in Lena's role, as `list` shows them, and with the hint as stderr and errors show them. */
const COLON_PROBLEM = 'The value of `role` contains `: `, which YAML reads as the start of another field';
const COLON_HINT = 'Put the value in quotes: it contains `: ` (role: "Manager: DER Integration Analytics")';
const COLON_PROBLEM_AND_HINT = `${COLON_PROBLEM} (${COLON_HINT})`;
const LENA = `contacts/lena-ortiz.md:4: cannot read this contact: ${COLON_PROBLEM_AND_HINT}`;
const KIM = 'contacts/kim-lo.md:1: cannot read this contact: This note has a name and a stage but no `type: contact`, so it is not listed as a contact (Add `type: contact` to the frontmatter)';
const RAW = 'contacts/raw-bytes.md:3: cannot read this contact: The note cannot be read: it is not valid UTF-8 text (Rapport leaves this file untouched)';

describe('a note that cannot be read as a contact', () => {
  let folder: string;
  beforeEach(() => {
    folder = folderWithBrokenNotes();
  });

  it('is listed under its id with its problem, and named on stderr', () => {
    const result = rapport(['list', '--today', TODAY, '--dir', folder]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Ana Ruiz    held        Send Ana Ruiz a thank-you note (overdue 2026-11-21) · Acme Grid',
        'kim-lo      unreadable  contacts/kim-lo.md:1: This note has a name and a stage but no `type: contact`, so it is not listed as a contact',
        `lena-ortiz  unreadable  contacts/lena-ortiz.md:4: ${COLON_PROBLEM}`,
        'raw-bytes   unreadable  contacts/raw-bytes.md:3: The note cannot be read: it is not valid UTF-8 text',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(`rapport: warning: ${KIM}\nrapport: warning: ${LENA}\nrapport: warning: ${RAW}\n`);
  });

  it('is an entry with its problems in list --json', () => {
    const result = rapport(['list', '--json', '--today', TODAY, '--dir', folder]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as unknown[];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ id: 'ana-ruiz', file: 'contacts/ana-ruiz.md', name: 'Ana Ruiz', stage: 'held', organization: 'Acme Grid', next: { action: 'Send Ana Ruiz a thank-you note', due: '2026-11-21' } });
    expect(rows[2]).toEqual({
      id: 'lena-ortiz',
      file: 'contacts/lena-ortiz.md',
      name: null,
      stage: null,
      organization: null,
      next: null,
      problems: [
        {
          file: 'contacts/lena-ortiz.md',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 41,
          severity: 'error',
          rule: 'yaml-syntax',
          message: COLON_PROBLEM,
          hint: COLON_HINT,
          // The repair, for a script or an editor: the 34 characters of the value, quoted.
          fix: { title: 'Put the value in quotes: "Manager: DER Integration Analytics"', line: 4, column: 7, endLine: 4, endColumn: 41, text: '"Manager: DER Integration Analytics"' },
        },
      ],
    });
    expect(rows.map((row) => (row as { id: string }).id)).toEqual(['ana-ruiz', 'kim-lo', 'lena-ortiz', 'raw-bytes']);
    expect(result.stderr.split('\n')).toHaveLength(4);
  });

  it('stays out of a filtered list, but is still named on stderr', () => {
    const result = rapport(['list', '--stage', 'held', '--today', TODAY, '--dir', folder]);
    expect(result.stdout).toBe('Ana Ruiz  held  Send Ana Ruiz a thank-you note (overdue 2026-11-21) · Acme Grid\n');
    expect(result.stderr).toBe(`rapport: warning: ${KIM}\nrapport: warning: ${LENA}\nrapport: warning: ${RAW}\n`);
  });

  it('is named on stderr by agenda, whose stdout stays the agenda', () => {
    const text = rapport(['agenda', '--today', TODAY, '--dir', folder]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('Overdue (1)\n  2026-11-21  Send Ana Ruiz a thank-you note  → rapport letter thank-you ana-ruiz\n');
    expect(text.stderr).toBe(`rapport: warning: ${KIM}\nrapport: warning: ${LENA}\nrapport: warning: ${RAW}\n`);
    const json = rapport(['agenda', '--json', '--today', TODAY, '--dir', folder]);
    expect(JSON.parse(json.stdout)).toEqual([{ id: 'ana-ruiz', name: 'Ana Ruiz', action: 'Send Ana Ruiz a thank-you note', due: '2026-11-21', overdue: true }]);
    expect(json.stderr).toBe(text.stderr);
  });

  it('is named on stderr by report and graph, whose figures leave it out', () => {
    const report = rapport(['report', '--json', '--today', TODAY, '--dir', folder]);
    expect(report.code).toBe(0);
    // Ana Ruiz alone.
    expect((JSON.parse(report.stdout) as { funnel: { stage: string; reached: number }[] }).funnel.find((step) => step.stage === 'identified')?.reached).toBe(1);
    expect(report.stderr).toBe(`rapport: warning: ${KIM}\nrapport: warning: ${LENA}\nrapport: warning: ${RAW}\n`);
    const graph = rapport(['graph', '--dir', folder]);
    expect(graph.code).toBe(0);
    expect(graph.stderr).toBe(report.stderr);
  });

  it.each([
    [['advance', 'lena-ortiz', 'contacted', '--date', TODAY], LENA],
    [['advance', 'contacts/lena-ortiz.md', 'contacted', '--date', TODAY], LENA],
    [['letter', 'cold-email', 'lena-ortiz', '--today', TODAY], LENA],
    [['questions', '--into', 'lena-ortiz'], LENA],
    [['advance', 'kim-lo', 'followed-up', '--date', TODAY], KIM],
    [['advance', 'raw-bytes', 'held', '--date', TODAY], RAW],
    [['new', 'Sam Lee', '--referred-by', 'lena-ortiz', '--date', TODAY], `--referred-by: ${LENA}`],
  ])('%j says what is wrong and where, and writes nothing', (args, message) => {
    const before = snapshot(folder);
    const result = rapport([...args, '--dir', folder]);
    expect(result).toEqual({ code: 3, stdout: '', stderr: `rapport: ${message}\n` });
    expect(snapshot(folder)).toEqual(before);
  });
});
