import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, userFiles } from './support/run-cli.js';

/**
 * Contacts whose fields the YAML reader would not see without a word: a
 * `...` inside the frontmatter, a frontmatter not on the first line or
 * between `+++`, lines ending in CR alone. Each is a note that cannot be
 * read, named with its line; writes are refused, and `check --fix` repairs
 * what is mechanical. Owen Park's note in the example: `source: cold` is
 * line 11, `tags:` line 12, `history:` line 16.
 */

function withOwen(edit: (text: string) => string): { folder: string; note: string; original: string } {
  const folder = exampleCopy();
  const note = join(folder, 'owen-park.md');
  const original = readFileSync(note, 'utf8');
  writeFileSync(note, edit(original));
  return { folder, note, original };
}

describe('a `...` inside the frontmatter', () => {
  const stray = (text: string) => text.replace('source: cold\n', 'source: cold\n...\n');
  const problem = '`...` ends the YAML here, so the lines after it (`tags`, `history`) are not read';
  const hint = 'Delete the `...` line so that the lines after it are read';

  it('is an error at its line, the contact cannot be read, and nothing is written into it', () => {
    const { folder, note } = withOwen(stray);
    const check = rapport(['check', '--dir', folder]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(`owen-park.md:12:1 error ${problem} [yaml-syntax]\n    hint: ${hint}\n16 contacts checked, 1 note cannot be read: 1 error, 0 warnings\n`);
    expect(rapport(['list', '--today', '2026-12-05', '--dir', folder]).stdout).toContain(`owen-park          unreadable   owen-park.md:12: ${problem}\n`);
    const before = readFileSync(note, 'utf8');
    expect(rapport(['advance', 'owen-park', 'followed-up', '--today', '2026-12-05', '--dir', folder])).toMatchObject({ code: 3, stderr: `rapport: owen-park.md:12: cannot read this contact: ${problem} (${hint})\n` });
    expect(readFileSync(note, 'utf8')).toBe(before);
  });

  it('is deleted by check --fix, which gives the note back as it was', () => {
    const { folder, note, original } = withOwen(stray);
    expect(rapport(['check', '--fix', '--dir', folder])).toMatchObject({ code: 0, stdout: 'fixed owen-park.md:12: Delete the `...` line\n17 contacts checked: 0 errors, 0 warnings\n' });
    expect(readFileSync(note, 'utf8')).toBe(original);
  });
});

describe('a frontmatter that is not where it is looked for', () => {
  const cases = [
    { what: 'a blank line before `---`', edit: (text: string) => `\n${text}`, problem: 'The frontmatter must start on the first line: line 1 is blank', hint: 'Delete the blank line before `---`' },
    { what: 'a space before `---`', edit: (text: string) => ` ${text}`, problem: 'The frontmatter must start on the first line with `---`: line 1 starts with a space', hint: 'Delete the space before `---`' },
    { what: '`+++` fences', edit: (text: string) => text.replace(/^---\n/, '+++\n').replace('\n---\n', '\n+++\n'), problem: '+++ fences are TOML; Rapport reads YAML between --- lines', hint: 'Write `---` in place of both `+++` lines' },
  ];

  for (const { what, edit, problem, hint } of cases) {
    it(`${what}: named at line 1, refused by log, repaired by check --fix`, () => {
      const { folder, note, original } = withOwen(edit);
      const check = rapport(['check', '--dir', folder]);
      expect(check).toMatchObject({ code: 1, stdout: `owen-park.md:1:1 error ${problem} [yaml-syntax]\n    hint: ${hint}\n16 contacts checked, 1 note cannot be read: 1 error, 0 warnings\n` });
      expect(rapport(['log', 'owen-park', '--note', 'called', '--dir', folder])).toMatchObject({ code: 3, stderr: `rapport: owen-park.md:1: cannot read this contact: ${problem} (${hint})\n` });
      expect(rapport(['check', '--fix', '--dir', folder])).toMatchObject({ code: 0, stdout: `fixed owen-park.md:1: ${hint}\n17 contacts checked: 0 errors, 0 warnings\n` });
      expect(readFileSync(note, 'utf8')).toBe(original);
    });
  }

  it('lines that end in CR alone: named at line 1, with nothing for check --fix to do', () => {
    const { folder } = withOwen((text) => text.replace(/\n/g, '\r'));
    const problem = "This note's lines end in CR alone (old Mac line endings), so its frontmatter is not found";
    expect(rapport(['check', '--dir', folder])).toMatchObject({ code: 1, stdout: `owen-park.md:1:1 error ${problem} [yaml-syntax]\n    hint: Save the note with LF or CRLF line endings\n16 contacts checked, 1 note cannot be read: 1 error, 0 warnings\n` });
    const files = userFiles(folder);
    expect(rapport(['check', '--fix', '--dir', folder]).code).toBe(1);
    expect(userFiles(folder)).toEqual(files);
  });
});

describe('rapport new beside a note that cannot be read', () => {
  const unclosed = (text: string) => text.replace('stage: contacted\n', 'stage: "contacted\n');

  it('refuses when that note has the id the new one would take, naming it and its problem', () => {
    const { folder } = withOwen(unclosed);
    const files = userFiles(folder);
    expect(rapport(['new', 'Owen Park', '--org', 'Lumen Diagnostics', '--dir', folder])).toMatchObject({
      code: 3,
      stderr: 'rapport: owen-park.md:4 cannot be read (The `"` that starts this value is never closed) and may already be about Owen Park: fix it first, or create a second note with --force (nothing was created)\n',
    });
    expect(userFiles(folder)).toEqual(files);
    expect(rapport(['new', 'Owen Park', '--org', 'Lumen Diagnostics', '--force', '--dir', folder])).toMatchObject({ code: 0, stdout: 'contacts/owen-park-lumen-diagnostics.md\n' });
  });

  it('refuses when its `name:` line names the person, whatever its file is called', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'contacts-old.md'), '---\ntype: contact\nname: "Rosa Vidal"\nstage: [held\n---\n');
    expect(rapport(['new', 'rosa vidal', '--dir', folder])).toMatchObject({ code: 3, stderr: expect.stringContaining('rapport: contacts-old.md:4 cannot be read') });
    expect(existsSync(join(folder, 'contacts', 'rosa-vidal.md'))).toBe(false);
    // Someone else is created as ever.
    expect(rapport(['new', 'Rosa Vidalez', '--dir', folder])).toMatchObject({ code: 0, stdout: 'contacts/rosa-vidalez.md\n' });
  });
});

describe('a history whose entries are not mappings', () => {
  const words = (text: string) => text.replace(/history:\n(?: {2}.*\n)+/, 'history: [a, b]\n');
  const refusal = 'rapport: owen-park.md:16: A history entry must be a mapping such as `{date: 2026-11-23, stage: contacted}`: Owen Park is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)\n';

  it('refuses advance and log (exit 2, naming file and line), and --force writes anyway', () => {
    const { folder, note } = withOwen(words);
    const before = readFileSync(note, 'utf8');
    expect(rapport(['advance', 'owen-park', 'followed-up', '--today', '2026-12-05', '--dir', folder])).toMatchObject({ code: 2, stderr: refusal });
    expect(rapport(['log', 'owen-park', '--note', 'called', '--today', '2026-12-05', '--dir', folder])).toMatchObject({ code: 2, stderr: refusal });
    expect(readFileSync(note, 'utf8')).toBe(before);
    expect(rapport(['log', 'owen-park', '--note', 'called', '--today', '2026-12-05', '--force', '--dir', folder]).code).toBe(0);
    expect(readFileSync(note, 'utf8')).toBe(before.replace('history: [a, b]\n', 'history: [a, b, {date: 2026-12-05, stage: contacted, touch: true, note: called}]\n'));
  });

  it('refuses an entry without its date the same way, at its line', () => {
    const { folder } = withOwen((text) => text.replace('  - date: 2026-11-21\n', '  - when: 2026-11-21\n'));
    expect(rapport(['advance', 'owen-park', 'followed-up', '--today', '2026-12-05', '--dir', folder])).toMatchObject({
      code: 2,
      stderr: 'rapport: owen-park.md:20: A history entry needs a `date`: Owen Park is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)\n',
    });
  });
});
