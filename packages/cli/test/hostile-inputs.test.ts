import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, userFiles } from './support/run-cli.js';

describe('advance --at and --link', () => {
  it('refuse an offset out of range and a link that is not a URL, writing nothing', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-12-01T10:00+25:00', '--today', '2026-11-26', '--dir', folder])).toMatchObject({ code: 2, stderr: `rapport: invalid --at "2026-12-01T10:00+25:00" (use YYYY-MM-DDTHH:mm, e.g. 2026-11-24T09:00, with --zone America/New_York, or an offset from -12:00 to +14:00 such as -05:00, for another time zone than the folder's)\n` });
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-12-01T10:00', '--link', 'not a url', '--today', '2026-11-26', '--dir', folder])).toMatchObject({ code: 2, stderr: 'rapport: invalid meeting link "not a url" (use a full https:// address such as https://meet.example.com/abc, or a dial-in such as tel:+14125550142)\n' });
    expect(userFiles(folder)).toEqual(before);
  });

  it('refuse a meeting booked for a day before the booking, most likely a typo of the month, unless forced', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-11-01T10:00', '--today', '2026-11-26', '--dir', folder])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'rapport: Owen Park: not recorded: the meeting on 2026-11-01 is before the day it is booked (2026-11-26); check the date, or record a meeting that took place with rapport advance owen-park held (add --force to record it anyway)\n',
    });
    expect(userFiles(folder)).toEqual(before);
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-11-26T16:00', '--today', '2026-11-26', '--dir', folder]).code).toBe(0);
    expect(rapport(['advance', 'owen-park', 'held', '--at', '2026-11-26T16:00', '--today', '2026-11-27', '--dir', folder]).code).toBe(0);
  });

  it('written by hand are flagged by check', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('stage: contacted\n', 'stage: contacted\nmeeting:\n  at: 2026-12-01T10:00+25:00\n  link: not a url\n'));
    const result = rapport(['check', '--json', '--dir', folder]);
    expect(result.code).toBe(1);
    const problems = (JSON.parse(result.stdout) as { file: string; rule: string; message: string }[]).filter((problem) => problem.file === 'owen-park.md');
    expect(problems.map(({ rule, message }) => [rule, message])).toEqual([
      ['invalid-date', 'Not a valid meeting time: "2026-12-01T10:00+25:00"'],
      ['invalid-value', '`link` is not a meeting link: "not a url"'],
    ]);
  });
});

describe('advance archived', () => {
  it('takes a contact with a hand-written next action off the agenda', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('stage: contacted\n', 'stage: contacted\nnext:\n  action: Ask Owen about the panel\n  due: 2026-11-20\n'));
    expect(rapport(['agenda', '--today', '2026-11-23', '--dir', folder]).stdout).toContain('Ask Owen about the panel');
    expect(rapport(['advance', 'owen-park', 'archived', '--date', '2026-11-23', '--dir', folder]).code).toBe(0);
    expect(rapport(['agenda', '--today', '2026-11-23', '--dir', folder]).stdout).not.toContain('Owen');
    // The user's own words stay in the note.
    expect(readFileSync(file, 'utf8')).toContain('next:\n  action: Ask Owen about the panel\n  due: 2026-11-20\n');
  });
});

describe('letter --sent to a contact with neither email nor LinkedIn', () => {
  it('records the letter through the channel of the last message, else by post, as docs/letters.md says', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const unreachable = readFileSync(file, 'utf8').replace(/^email: .*\n/m, '').replace(/^linkedin: .*\n/m, '');
    expect(unreachable).toContain('    via: email\n');
    writeFileSync(file, unreachable);
    const emailed = rapport(['letter', 'follow-up', 'owen-park', '--sent', '--date', '2026-11-23', '--dir', folder]);
    expect(emailed.code).toBe(0);
    expect(emailed.stderr).toContain('(2026-11-23, via email, letter follow-up)');

    const other = exampleCopy();
    writeFileSync(join(other, 'owen-park.md'), unreachable.replaceAll(/^ {4}via: .*\n/gm, ''));
    const posted = rapport(['letter', 'follow-up', 'owen-park', '--sent', '--date', '2026-11-23', '--dir', other]);
    expect(posted.code).toBe(0);
    expect(posted.stderr).toContain('(2026-11-23, via letter, letter follow-up)');
    // Said before it is recorded, and the letter is worded for the post.
    expect(posted.stderr).toContain('rapport: the note has no email address or LinkedIn profile, and no message you wrote to them is recorded: recorded as sent, this letter would say `via: letter` (by post); to send it by email, set `email:` in owen-park.md\nrapport: (or give the channel it goes by, e.g. --via email)\n');
    expect(posted.stdout).toContain('I know how easily a letter gets set aside, so I am writing once more.');
    expect(emailed.stdout).toContain('I know how full an inbox gets, so I am writing once more.');
    expect(readFileSync(new URL('../../../docs/letters.md', import.meta.url), 'utf8').replace(/\s+/g, ' ')).toContain('else the channel of the last message the history records (a LinkedIn message is followed up through LinkedIn), else linkedin when they have a profile or are a connection (`linkedin_connected`), else letter');
  });
});

describe('letter --out', () => {
  it('never writes over a note or a file under .rapport/, even with --force', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    for (const target of ['owen-park.md', '.rapport/config.yaml']) {
      const result = rapport(['letter', 'follow-up', 'owen-park', '--out', target, '--force', '--sent', '--dir', folder], { cwd: folder });
      expect(result.code, target).toBe(2);
      expect(result.stderr, target).toMatch(/^rapport: refusing to write /);
    }
    expect(userFiles(folder)).toEqual(before);
  });
});

describe('an option given without its value', () => {
  it.each([
    [['log', 'owen-park', '--via', 'email', '--note', '--force'], "option '--note <text>' argument missing: --force after it is another option (for a value that starts with a dash, write --note=--force)"],
    [['advance', 'owen-park', 'followed-up', '--letter', '--force'], "option '--letter <template>' argument missing: --force after it is another option (for a value that starts with a dash, write --letter=--force)"],
    [['new', 'Bob Two', '--org', 'Acme', '--role', '--today=2026-12-03'], "option '--role <role>' argument missing: --today=2026-12-03 after it is another option (for a value that starts with a dash, write --role=--today=2026-12-03)"],
  ])('rapport %j is refused, and nothing is written', (args, message) => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    const result = rapport([...args, '--dir', folder]);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `rapport: ${message}\n` });
    expect(userFiles(folder)).toEqual(before);
  });

  it('takes a value that starts with dashes when it is joined to its option', () => {
    const folder = exampleCopy();
    const result = rapport(['log', 'owen-park', '--note=--see the thread--', '--today', '2026-11-30', '--dir', folder]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(folder, 'owen-park.md'), 'utf8')).toContain('note: --see the thread--');
  });
});
