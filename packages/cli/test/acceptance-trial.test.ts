import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport } from './support/run-cli.js';

/** Found in the acceptance trial of 2026-12-01: a three-week search replayed with --today over a copy of the example. */

describe('a note whose opening --- line was deleted', () => {
  it('is named by check, list and advance instead of vanishing', () => {
    const folder = exampleCopy();
    const file = join(folder, 'claire-dubois.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, ''));

    const check = rapport(['check', '--dir', folder]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(
      [
        'claire-dubois.md:1:1 error The frontmatter has no opening `---` line [yaml-syntax]',
        '    hint: Add a line `---` above `type: contact`',
        '16 contacts checked, 1 note cannot be read: 1 error, 0 warnings',
        '',
      ].join('\n'),
    );

    const list = rapport(['list', '--stage', 'declined', '--today', '2026-11-23', '--dir', folder]);
    expect(list.stderr).toBe('rapport: warning: claire-dubois.md:1: cannot read this contact: The frontmatter has no opening `---` line (Add a line `---` above `type: contact`)\n');

    const advance = rapport(['advance', 'claire-dubois', 'archived', '--today', '2026-11-23', '--dir', folder]);
    expect(advance.code).toBe(3);
    expect(advance.stderr).toBe('rapport: claire-dubois.md:1: cannot read this contact: The frontmatter has no opening `---` line (Add a line `---` above `type: contact`)\n');
  });

  it('leaves a plain Markdown note without frontmatter alone', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'ideas.md'), '# Ideas\n\nA note for someone new starts with:\n\n```yaml\ntype: contact\nname: Full Name\n```\n');
    const check = rapport(['check', '--dir', folder]);
    expect(check.stdout).toBe('17 contacts checked: 0 errors, 0 warnings\n');
  });
});

describe('an import that brings someone whose name a note already has', () => {
  it('says which note has the same name, so the second note is no surprise', () => {
    const folder = exampleCopy();
    // A referral added by name only (rapport new --from writes no organization), then the LinkedIn export.
    expect(rapport(['new', 'Zoë Ørsted', '--today', '2026-11-25', '--dir', folder]).stdout).toBe('contacts/zoe-orsted.md\n');
    const csv = join(folder, 'Connections.csv');
    writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZoë,Ørsted,https://www.linkedin.com/in/zoe-orsted,,Allegheny County Health Department,Service Designer,25 Nov 2026\n');

    const dryRun = rapport(['import', 'linkedin', csv, '--dry-run', '--today', '2026-12-07', '--dir', folder]);
    expect(dryRun.stdout).toBe(
      [
        'Would create 1 contact:',
        '  + contacts/zoe-orsted-allegheny-county-health-department.md  Zoë Ørsted (line 2; contacts/zoe-orsted.md has the same name: if it is the same person, copy what you need and delete one)',
        '1 created, 0 updated, 0 skipped (dry run: nothing was written)',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(rapport(['import', 'linkedin', csv, '--dry-run', '--json', '--today', '2026-12-07', '--dir', folder]).stdout) as { created: { namesake?: string }[] };
    expect(json.created[0]!.namesake).toBe('contacts/zoe-orsted.md');
  });
});

describe('a referral whose name has no Latin letters', () => {
  it('gets a note named after them, the Outcomes line keeps the name, and the graph keeps two such people apart', () => {
    const folder = exampleCopy();
    const ben = join(folder, 'ben-osei.md');
    writeFileSync(ben, readFileSync(ben, 'utf8').replace('## Outcomes\n', '## Outcomes\n\n- Referral: 李雷 (Li Lei), data analyst at Riverside\n- Referral: 王芳, interpreter services lead\n'));

    expect(rapport(['new', '--from', 'ben-osei', '李雷', '--today', '2026-11-25', '--dir', folder]).stdout).toBe('contacts/李雷.md\n');
    expect(rapport(['new', '--from', 'ben-osei', '王芳', '--today', '2026-11-25', '--dir', folder]).stdout).toBe('contacts/王芳.md\n');
    expect(readFileSync(ben, 'utf8')).toContain('## Outcomes\n\n- Referral: [[李雷]] (Li Lei), data analyst at Riverside\n- Referral: [[王芳]], interpreter services lead\n');

    const graph = rapport(['graph', '--dir', folder]).stdout.split('\n');
    expect(graph).toContain('  n__u674e__u96f7_["李雷"]');
    expect(graph).toContain('  n__u738b__u82b3_["王芳"]');
    expect(graph).toContain('  n_ben_osei --> n__u674e__u96f7_');
    expect(graph).toContain('  n_ben_osei --> n__u738b__u82b3_');
  });
});

describe('the greeting of a letter', () => {
  const greeting = (name: string): string => {
    const folder = exampleCopy();
    const file = join(folder, 'keisha-brooks.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Keisha Brooks', `name: "${name}"`));
    const letter = rapport(['letter', 'cold-email', 'keisha-brooks', '--today', '2026-11-23', '--dir', folder]);
    expect(letter.code).toBe(0);
    return letter.stdout.split('\n').find((line) => line.startsWith('Dear '))!;
  };

  it('greets a name written "Last, First" by the first name, with one comma', () => {
    expect(greeting('Brooks, Keisha')).toBe('Dear Keisha,');
  });

  it('greets a title with the family name, as a formal letter does, written with or without a period', () => {
    expect(greeting('Prof Keisha Brooks')).toBe('Dear Prof Brooks,');
    expect(greeting('Dr Keisha Brooks')).toBe('Dear Dr Brooks,');
    expect(greeting('Dr. Keisha Brooks')).toBe('Dear Dr. Brooks,');
  });
});

describe('a history written as one-line entries ({date: …, stage: …})', () => {
  it('gets its new entries on one line too, every other byte kept', () => {
    const folder = exampleCopy();
    const file = join(folder, 'victor-nguyen.md');
    const before = readFileSync(file, 'utf8');
    const last = '  - {date: 2026-11-09, stage: followed-up, via: linkedin, letter: follow-up}\n';
    expect(before).toContain(last);

    expect(rapport(['log', 'victor-nguyen', '--note', 'Liked my post: "med rec, part 2"', '--via', 'linkedin', '--today', '2026-11-20', '--dir', folder]).code).toBe(0);
    expect(rapport(['advance', 'victor-nguyen', 'no-response', '--today', '2026-11-23', '--dir', folder]).code).toBe(0);

    const added = [
      `  - {date: 2026-11-20, stage: followed-up, touch: true, via: linkedin, note: 'Liked my post: "med rec, part 2"'}\n`,
      '  - {date: 2026-11-23, stage: no-response}\n',
    ].join('');
    expect(readFileSync(file, 'utf8')).toBe(before.replace('stage: followed-up\n', 'stage: no-response\n').replace(last, last + added));
    expect(rapport(['check', '--dir', folder]).code).toBe(0);
  });
});

describe('rapport list with names in wide characters', () => {
  it('lines its columns up by terminal columns: 李雷 takes four, Zoë Ørsted ten, Tomás Herrera thirteen', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'li-lei.md'), '---\ntype: contact\nname: 李雷\nstage: identified\n---\n');
    writeFileSync(join(folder, 'zoe-orsted.md'), '---\ntype: contact\nname: Zoë Ørsted\nstage: identified\n---\n');
    const list = rapport(['list', '--stage', 'identified', '--today', '2026-11-23', '--dir', folder]);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      [
        'Elena Vasquez  identified  Write to Elena Vasquez, naming who referred you · Monongahela Valley Health',
        'Keisha Brooks  identified  Ask Dana whether she knows Keisha before writing cold (due 2026-11-30) · Three Rivers Health',
        'Tomás Herrera  identified  Write to Tomás Herrera · PatientPath',
        'Zoë Ørsted     identified  Write to Zoë Ørsted',
        '李雷           identified  Write to 李雷',
        '',
      ].join('\n'),
    );
  });
});
