import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport } from './support/run-cli.js';

const HOSTILE = 'Esc\x1b]0;pwned\x07\x1b[2J';
const SHOWN = 'Esc\\x1B]0;pwned\\x07\\x1B[2J';

describe('control characters in names', () => {
  it('are removed on import from LinkedIn CSV and vCard, and never reach the output', () => {
    const folder = exampleCopy();
    const csv = join(folder, '..', `${folder.split('/').at(-1)}-connections.csv`);
    writeFileSync(csv, `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${HOSTILE},Smith\u202E,,,Acme\x08Corp,Engineer,12 Mar 2024\n`);
    const imported = rapport(['import', 'linkedin', csv, '--dir', folder, '--today', '2026-11-23']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('Created 1 contact:\n  + contacts/esc-0-pwned-2j-smith.md  Esc]0;pwned[2J Smith (line 2)\n1 created, 0 updated, 0 skipped\n');
    const note = readFileSync(join(folder, 'contacts', 'esc-0-pwned-2j-smith.md'), 'utf8');
    expect(note).toContain('name: Esc]0;pwned[2J Smith\n');
    expect(note).toContain('organization: AcmeCorp\n');

    const vcf = join(folder, '..', `${folder.split('/').at(-1)}-cards.vcf`);
    writeFileSync(vcf, `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bell\x07 Ringer\x1b[2J\r\nEND:VCARD\r\n`);
    const fromCards = rapport(['import', 'vcard', vcf, '--dir', folder, '--today', '2026-11-23']);
    expect(fromCards.stdout).toContain('  + contacts/bell-ringer-2j.md  Bell Ringer[2J (line 1)\n');
    expect(readFileSync(join(folder, 'contacts', 'bell-ringer-2j.md'), 'utf8')).toContain('name: Bell Ringer[2J\n');
  });

  it('written into a note by hand are shown as visible escapes by list, agenda and check', () => {
    const folder = exampleCopy();
    const note = readFileSync(join(folder, 'owen-park.md'), 'utf8');
    writeFileSync(join(folder, 'owen-park.md'), note.replace(/^name: .*$/m, `name: "${HOSTILE.replace(/\x1b/g, '\\e').replace(/\x07/g, '\\a')}"`));
    for (const args of [['list'], ['agenda'], ['check']]) {
      const result = rapport([...args, '--dir', folder, '--today', '2026-11-23']
        .filter((arg, index, all) => args[0] !== 'check' || (arg !== '--today' && all[index - 1] !== '--today')));
      expect(result.stdout + result.stderr, args[0]).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
      if (args[0] !== 'check') expect(result.stdout, args[0]).toContain(SHOWN);
    }
    const list = rapport(['list', '--dir', folder, '--today', '2026-11-23']).stdout;
    expect(list.split('\n').find((line) => line.startsWith(SHOWN))).toMatch(/^Esc\\x1B\]0;pwned\\x07\\x1B\[2J {2}\S/);
    const advanced = rapport(['advance', 'owen-park', 'followed-up', '--date', '2026-11-23', '--dir', folder]);
    expect(advanced.stdout).toBe(`${SHOWN}: contacted → followed-up (2026-11-23)  owen-park.md\n`);
    // A new contact's name is one line of text: refused, and named escaped.
    expect(rapport(['new', HOSTILE, '--dir', folder])).toMatchObject({ code: 2, stdout: '', stderr: 'rapport: a contact\'s name is one line of text, without control characters: "Esc\\u001b]0;pwned\\u0007\\u001b[2J"\n' });
    // JSON keeps the name as written, escaped the JSON way.
    expect(rapport(['list', '--json', '--dir', folder]).stdout).toContain('"name": "Esc\\u001b]0;pwned\\u0007\\u001b[2J"');
  });
});
