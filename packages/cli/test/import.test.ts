import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readNote } from '@rapport/core';
import { exampleCopy, exampleFolder, rapport, userFiles } from './support/run-cli.js';

const fixtures = fileURLToPath(new URL('../../core/test-fixtures/import/', import.meta.url));
const fixture = (name: string) => join(fixtures, name);
const TODAY = ['--today', '2026-11-23'];

interface Summary {
  created: { line: number; name: string; file: string; fields: string[]; namesake?: string }[];
  updated: { line: number; name: string; file: string; matchedBy: string; fields: string[] }[];
  skipped: { line: number; name?: string; file?: string; reason: string }[];
  diagnostics: { file: string; line: number; rule: string; severity: string }[];
  dryRun: boolean;
}

const contacts = (folder: string) => JSON.parse(rapport(['list', '--json', '--dir', folder, ...TODAY]).stdout) as { id: string; file: string; name: string }[];

describe('rapport import', () => {
  it('explains itself with examples', () => {
    const help = rapport(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: rapport import');
    expect(help.stdout).toContain('rapport import linkedin ~/Downloads/Connections.csv --dry-run');
    expect(help.stdout).toMatch(/choices: "linkedin", "vcard"/);
    expect(help.stdout).toContain('(any case), else the exact name and organization, unless both have LinkedIn URLs and\nthey differ, or both have emails and none is shared');
  });

  it('--dry-run shows what would happen and writes nothing', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    const result = rapport(['import', 'linkedin', fixture('linkedin-connections.csv'), '--dry-run', '--dir', folder, ...TODAY]);
    expect(result.code).toBe(0);
    expect(userFiles(folder)).toEqual(before);
    expect(result.stdout).toMatch(/^Would create \d+ contacts:/m);
    expect(result.stdout).toMatch(/\(dry run: nothing was written\)/);
    const preview = JSON.parse(rapport(['import', 'linkedin', fixture('linkedin-connections.csv'), '--dry-run', '--json', '--dir', folder, ...TODAY]).stdout) as Summary;
    const real = JSON.parse(rapport(['import', 'linkedin', fixture('linkedin-connections.csv'), '--json', '--dir', folder, ...TODAY]).stdout) as Summary;
    expect(preview).toEqual({ ...real, dryRun: true });
  });

  it('imports LinkedIn connections into the example notes twice without duplicates or overwritten data', () => {
    const folder = exampleCopy();
    const before = contacts(folder);
    const beforeFiles = userFiles(folder);
    const first = rapport(['import', 'linkedin', fixture('linkedin-connections.csv'), '--json', '--dir', folder, ...TODAY]);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as Summary;
    const after = contacts(folder);
    expect(after).toHaveLength(before.length + summary.created.length);
    expect(summary.created.length).toBeGreaterThan(0);

    // New notes are valid identified LinkedIn contacts with the connection date in history.
    for (const entry of summary.created) {
      const reading = readNote(entry.file, readFileSync(join(folder, entry.file), 'utf8'));
      expect(reading.diagnostics).toEqual([]);
      expect(reading.contact).toMatchObject({ name: entry.name, stage: 'identified', source: 'linkedin' });
      expect(reading.contact!.history).toHaveLength(1);
    }
    expect(rapport(['check', '--dir', folder]).code).toBe(0);

    // A note that matched only gained the fields it lacked: every line it had is still there, in order.
    expect(summary.updated.length).toBeGreaterThan(0);
    for (const entry of summary.updated) {
      const old = readFileSync(join(exampleFolder, entry.file), 'utf8').split('\n');
      const now = readFileSync(join(folder, entry.file), 'utf8').split('\n');
      expect(now.filter((line) => old.includes(line))).toEqual(old);
      expect(now.length - old.length).toBe(entry.fields.length);
    }
    // Notes the file matched with nothing to add are byte-identical.
    const touched = new Set([...summary.created, ...summary.updated].map((entry) => entry.file));
    const afterFiles = userFiles(folder);
    for (const [file, hash] of Object.entries(beforeFiles)) if (!touched.has(file)) expect(afterFiles[file], file).toBe(hash);

    const second = rapport(['import', 'linkedin', fixture('linkedin-connections.csv'), '--dir', folder, ...TODAY]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^0 created, 0 updated, \d+ skipped$/m);
    expect(userFiles(folder)).toEqual(afterFiles);
    const names = contacts(folder).map((contact) => contact.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('matches an existing example contact by LinkedIn URL written differently, and fills only empty fields', () => {
    const folder = exampleCopy();
    const victor = readFileSync(join(folder, 'victor-nguyen.md'), 'utf8');
    const summary = JSON.parse(rapport(['import', 'linkedin', fixture('linkedin-connections.csv'), '--json', '--dir', folder, ...TODAY]).stdout) as Summary;
    // The row says "http://linkedin.com/in/victor-nguyen-design-example/" and another role: the note keeps its own, and only learns that he is a connection.
    expect(summary.updated).toContainEqual(expect.objectContaining({ line: 6, file: 'victor-nguyen.md', matchedBy: 'linkedin', fields: ['linkedin_connected'] }));
    expect(readFileSync(join(folder, 'victor-nguyen.md'), 'utf8')).toBe(victor.replace('\n---\n', '\nlinkedin_connected: 2026-10-27\n---\n'));
    expect(summary.updated).toContainEqual(expect.objectContaining({ line: 10, file: 'ben-osei.md', matchedBy: 'name-organization', fields: ['linkedin', 'linkedin_connected'] }));
    expect(readFileSync(join(folder, 'ben-osei.md'), 'utf8')).toContain('role: Service Designer, Patient Access');
  });

  it('imports vCard 3.0 and 4.0 files twice without duplicates', () => {
    const folder = exampleCopy();
    const count = contacts(folder).length;
    const v3 = JSON.parse(rapport(['import', 'vcard', fixture('contacts-3.0.vcf'), '--json', '--dir', folder, ...TODAY]).stdout) as Summary;
    const v4 = JSON.parse(rapport(['import', 'vcard', fixture('contacts-4.0.vcf'), '--json', '--dir', folder, ...TODAY]).stdout) as Summary;
    expect(v3.skipped).toContainEqual(expect.objectContaining({ line: 27, reason: expect.stringContaining('no name') }));
    // Lauren Fitzgerald is in the example; her card only adds the phone her note lacks.
    expect(v3.updated).toContainEqual(expect.objectContaining({ file: 'lauren-fitzgerald.md', matchedBy: 'email', fields: ['phone'] }));
    const total = count + v3.created.length + v4.created.length;
    expect(contacts(folder)).toHaveLength(total);
    const after = userFiles(folder);
    for (const file of ['contacts-3.0.vcf', 'contacts-4.0.vcf']) {
      const again = rapport(['import', 'vcard', fixture(file), '--dir', folder, ...TODAY]);
      expect(again.stdout).toMatch(/^0 created, 0 updated/m);
    }
    expect(userFiles(folder)).toEqual(after);
    expect(contacts(folder)).toHaveLength(total);
  });

  it('reports problems in the input file with file and line, imports the rest, and exits 1', () => {
    const folder = exampleCopy();
    const result = rapport(['import', 'linkedin', fixture('linkedin-malformed.csv'), '--dir', folder, ...TODAY]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/linkedin-malformed\.csv:6 {2}Not valid CSV/);
    expect(result.stdout).toMatch(/linkedin-malformed\.csv:7 {2}The row has 2 fields but the header has 7; row skipped/);
    expect(result.stderr).toMatch(/linkedin-malformed\.csv:8:1 warning Not a date: "sometime in 2024"/);
    expect(result.stdout).toMatch(/^3 created, 0 updated, 3 skipped$/m);
    const vcard = rapport(['import', 'vcard', fixture('malformed.vcf'), '--dir', folder, ...TODAY]);
    expect(vcard.code).toBe(1);
    expect(vcard.stdout).toMatch(/malformed\.vcf:18 {2}The card is never closed with END:VCARD; card skipped/);
  });

  it('says what is wrong with a file it cannot use', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    expect(rapport(['import', 'linkedin', join(folder, 'missing.csv'), '--dir', folder])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
    expect(rapport(['import', 'outlook', fixture('contacts-3.0.vcf'), '--dir', folder]).code).toBe(2);
    const latin1 = join(folder, 'latin1.csv');
    writeFileSync(latin1, Buffer.concat([Buffer.from('First Name,Last Name\nJos'), Buffer.from([0xe9]), Buffer.from(',Ruiz\n')]));
    const notUtf8 = rapport(['import', 'linkedin', latin1, '--dir', folder]);
    expect(notUtf8.code).toBe(1);
    expect(notUtf8.stderr).toMatch(/latin1\.csv:2:4 error The file is not UTF-8 text/);
    // Excel's "Unicode text": UTF-16 with a byte-order mark, tabs or commas.
    const unicode = join(folder, 'unicode.csv');
    writeFileSync(unicode, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('First Name,Last Name\r\nJosé,Ruiz\r\n', 'utf16le')]));
    expect(rapport(['import', 'linkedin', unicode, '--dir', folder])).toMatchObject({
      code: 1,
      stderr: `${unicode}:1:1 error The file is UTF-16LE text, not UTF-8; nothing was imported [import-not-utf8]\n    hint: Save or export it again as UTF-8 (in Excel: CSV UTF-8)\n`,
    });
    const notLinkedIn = rapport(['import', 'linkedin', fixture('contacts-4.0.vcf'), '--dir', folder]);
    expect(notLinkedIn.code).toBe(1);
    expect(notLinkedIn.stderr).toMatch(/contacts-4\.0\.vcf:1:1 error No header line/);
    delete (before as Record<string, string>)['latin1.csv'];
    const after = userFiles(folder);
    delete after['latin1.csv'];
    delete after['unicode.csv'];
    expect(after).toEqual(before);
  });

  /** A file beside the copy of the example folder, not in it (so it is none of the folder's files). */
  const besides = (folder: string, name: string, text: string) => {
    const path = `${folder}-${name}`;
    writeFileSync(path, text);
    return path;
  };
  const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

  it('makes a new contact of a namesake with another LinkedIn URL or email, and names the note with the same name', () => {
    const folder = exampleCopy();
    const maya = readFileSync(join(folder, 'maya-chen.md'), 'utf8');
    const csv = besides(folder, 'namesakes.csv', [
      HEADER,
      'Maya,Chen,https://www.linkedin.com/in/maya-chen-2,maya.chen2@brightline.example,Brightline Health,Nurse Manager,12 Mar 2024',
      'Ana,Silva,https://www.linkedin.com/in/ana-3,,,,12 Mar 2024',
      'Ana,Silva,https://www.linkedin.com/in/ana-4,,,,13 Mar 2024',
      '',
    ].join('\r\n'));
    const result = rapport(['import', 'linkedin', csv, '--dir', folder, ...TODAY]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        'Created 3 contacts:',
        '  + contacts/maya-chen-brightline-health.md  Maya Chen (line 2; maya-chen.md has the same name: if it is the same person, copy what you need and delete one)',
        '  + contacts/ana-silva.md  Ana Silva (line 3)',
        '  + contacts/ana-silva-2.md  Ana Silva (line 4; contacts/ana-silva.md has the same name: if it is the same person, copy what you need and delete one)',
        '3 created, 0 updated, 0 skipped',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(readFileSync(join(folder, 'maya-chen.md'), 'utf8')).toBe(maya);
    const again = JSON.parse(rapport(['import', 'linkedin', csv, '--json', '--dir', folder, ...TODAY]).stdout) as Summary;
    expect(again.skipped.map((entry) => [entry.line, entry.reason])).toEqual([
      [2, 'already in contacts/maya-chen-brightline-health.md (same LinkedIn URL), nothing to add'],
      [3, 'already in contacts/ana-silva.md (same LinkedIn URL), nothing to add'],
      [4, 'already in contacts/ana-silva-2.md (same LinkedIn URL), nothing to add'],
    ]);
  });

  it('changes nothing when notes_folder names a file, and says which setting is wrong, in a dry run too (exit 3)', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^notes_folder: .*$/m, 'notes_folder: README.md'));
    // Keisha Brooks's note has her address and no LinkedIn URL: her row would fill it in.
    const csv = besides(folder, 'file-folder.csv', [HEADER, 'Keisha,Brooks,https://www.linkedin.com/in/keisha-brooks-example,keisha.brooks@example.org,,,12 Mar 2024', 'New,Person,,,Acme,Engineer,12 Mar 2024', ''].join('\r\n'));
    const before = userFiles(folder);
    const refusal = {
      code: 3,
      stdout: '',
      stderr: 'rapport: `notes_folder: README.md` in .rapport/config.yaml names a file, not a folder, so new contacts cannot be created; nothing was imported (set notes_folder to a folder, such as contacts)\n',
    };
    expect(rapport(['import', 'linkedin', csv, '--dir', folder, ...TODAY])).toEqual(refusal);
    expect(userFiles(folder)).toEqual(before);
    expect(rapport(['import', 'linkedin', csv, '--dry-run', '--dir', folder, ...TODAY])).toEqual(refusal);
    expect(userFiles(folder)).toEqual(before);
  });

  it('imports a vCard 2.1 card with bare parameters, as Android exports it, leaving out only a line it cannot read', () => {
    const folder = exampleCopy();
    const vcf = besides(folder, 'android.vcf', ['BEGIN:VCARD', 'VERSION:2.1', 'N:Doe;John;;;', 'FN:John Doe', 'TEL;CELL:+15551234567', 'EMAIL;HOME:john@example.com', 'EMAIL;WORK', 'END:VCARD', ''].join('\r\n'));
    const result = rapport(['import', 'vcard', vcf, '--dir', folder, ...TODAY]);
    expect(result).toEqual({
      code: 0,
      stdout: 'Created 1 contact:\n  + contacts/john-doe.md  John Doe (line 1)\n1 created, 0 updated, 0 skipped\n',
      stderr: `${vcf}:7:1 warning This line of the card cannot be read (Invalid parameters in 'EMAIL;WORK'); left out [import-malformed-property]\n`,
    });
    expect(readNote('contacts/john-doe.md', readFileSync(join(folder, 'contacts', 'john-doe.md'), 'utf8')).contact).toMatchObject({
      name: 'John Doe',
      stage: 'identified',
      phone: '+15551234567',
      email: 'john@example.com',
      history: [{ date: '2026-11-23', stage: 'identified' }],
    });
  });
});
