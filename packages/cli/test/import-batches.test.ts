import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport } from './support/run-cli.js';

describe('a large import', () => {
  it('creates its notes in batches, and a person met again later in the file fills the note made earlier, in either batch', () => {
    const folder = exampleCopy();
    const rows = Array.from({ length: 1200 }, (_, i) => `Person${i},Batch,https://www.linkedin.com/in/person-${i},,Acme,,12 Mar 2024`);
    // Row 5 again after the first 1,000 notes were written, row 1,100 again while its note is still held back.
    rows.push('Person5,Batch,https://www.linkedin.com/in/person-5,,Acme,Engineer,12 Mar 2024', 'Person1100,Batch,https://www.linkedin.com/in/person-1100,,Acme,Designer,12 Mar 2024');
    const csv = join(folder, '..', `${folder.split('/').at(-1)}-large.csv`);
    writeFileSync(csv, ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows, ''].join('\n'));
    const result = rapport(['import', 'linkedin', csv, '--dir', folder, '--today', '2026-11-23']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n').at(-2)).toBe('1200 created, 2 updated, 0 skipped');
    expect(result.stdout).toContain('  ~ contacts/person5-batch.md  Person5 Batch: role (matched by linkedin, line 1202)\n');
    expect(result.stdout).toContain('  ~ contacts/person1100-batch.md  Person1100 Batch: role (matched by linkedin, line 1203)\n');
    expect(readFileSync(join(folder, 'contacts', 'person5-batch.md'), 'utf8')).toContain('role: Engineer\n');
    expect(readFileSync(join(folder, 'contacts', 'person1100-batch.md'), 'utf8')).toContain('role: Designer\n');
    expect(readdirSync(join(folder, 'contacts')).filter((name) => !name.endsWith('.md'))).toEqual(['health-tech', 'ux-research']);
    expect(rapport(['check', '--dir', folder]).code).toBe(0);
  });
});
