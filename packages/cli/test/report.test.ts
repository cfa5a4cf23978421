import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport } from './support/run-cli.js';

const TODAY = '2026-11-23';

/*
 * Counted by hand from the example's histories (see examples/job-search):
 * by source, e.g. referral: Ben 1 letter, Marcus 1, Priya 2 (a follow-up), Maya 1, Sam 2 = 7 letters to
 * 5 people who all answered, 3 meetings (Marcus, Priya, Maya). Days to reply: Dana 1, Maya 2, Ben 2,
 * Marcus 3, Aisha 4, Claire 5 (declined), Lauren 13, Priya 13, Sam 14: the median is 4. Meetings: Maya
 * thanked the same day; Aisha, Dana and Priya the next day; Marcus (11-20) not yet, 3 days on.
 */
const EXAMPLE_REPORT = `week      sent  contacted  reply rate  held  thanked on time  referrals
2026-W37     3          3         67%     0              0/0          0
2026-W38     1          1          0%     1              1/1          0
2026-W39     1          1        100%     1              1/1          1
2026-W40     1          0           —     0              0/0          0
2026-W41     1          1        100%     1              1/1          2
2026-W42     1          1        100%     0              0/0          0
2026-W43     2          0           —     0              0/0          0
2026-W44     1          1          0%     0              0/0          0
2026-W45     2          2         50%     0              0/0          0
2026-W46     4          3        100%     1              1/1          2
2026-W47     1          1          0%     1              0/1          1
2026-W48     0          0           —     0              0/0          0
total       18         14         64%     5              4/5          6

source       sent  contacted  reply rate  held  meetings per letter
linkedin        4          3         33%     0                 0.00
association     1          1          0%     0                 0.00
personal        1          1        100%     1                 1.00
referral        7          5        100%     3                 0.43
cold            3          2          0%     0                 0.00
event           1          1        100%     0                 0.00
alumni          1          1        100%     1                 1.00

Median time to reply  4 days
Thank-yous  5 meetings: 1 same day, 3 on time, 0 late, 1 missing
Funnel  identified 17 → contacted 14 → scheduled 8 → held 5 → thanked 4 → nurturing 3
Referral chains  longest 4: Dana Okafor → Maya Chen → Priya Raman → Marcus Bell → Elena Vasquez
  contacts by introductions in a row: 0: 11, 1: 2, 2: 2, 3: 1, 4: 1

Outcomes  referral 7 (1 open), lead 2 (2 open), job-shadow 1 (1 open), resume-review 3 (1 open), resource 2 (0 open), training 4 (3 open)
Open leads and offers (2)
  2026-12-04  Lead: Mon Valley Health: UX Research Associate, patient portal team (by 2026-12-04)  Marcus Bell, contacts/health-tech/marcus-bell.md:82
  no date     Lead: Carelink may post a contract Research Coordinator role in Q1 2027; she will send it to me when it opens.  Priya Raman, contacts/health-tech/priya-raman.md:99
`;

/** Python's csv module: a parser written apart from csv-stringify, as a spreadsheet would be. */
function parseWithPython(csv: string): string[][] {
  const result = spawnSync('python3', ['-c', 'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))))'], { input: csv, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as string[][];
}

describe('rapport report on the example', () => {
  it('prints the weekly table, the table by source, the figures, outcomes and open leads', () => {
    const result = rapport(['report', '--today', TODAY, '--dir', exampleCopy()]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(EXAMPLE_REPORT);
  });

  it('prints what docs/report.md shows for --since 2026-11-02', () => {
    const docs = readFileSync(new URL('../../../docs/report.md', import.meta.url), 'utf8');
    const command = '$ rapport report --today 2026-11-23 --since 2026-11-02\n';
    const shown = docs.slice(docs.indexOf(command) + command.length, docs.indexOf('```', docs.indexOf(command)));
    expect(shown.length).toBeGreaterThan(100);
    expect(rapport(['report', '--today', TODAY, '--since', '2026-11-02', '--dir', exampleCopy()]).stdout).toBe(shown);
  });

  it('shows a quiet week as a row of zeros, and a long quiet run as one row', () => {
    const folder = exampleCopy();
    // A letter of 2021, long before the rest of the search (which runs from 2026-W37 to W47).
    writeFileSync(join(folder, 'old-letter.md'), '---\ntype: contact\nname: Old Letter\nstage: contacted\nhistory:\n  - date: 2021-06-07\n    stage: contacted\n---\n');
    const lines = rapport(['report', '--today', '2026-12-10', '--since', '2021-01-01', '--dir', folder]).stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'week               sent  contacted  reply rate  held  thanked on time  referrals',
      '2021-W23              1          1          0%     0              0/0          0',
      '2021-W24–2026-W36     0          0           —     0              0/0          0',
    ]);
    const json = JSON.parse(rapport(['report', '--today', '2026-12-10', '--since', '2021-01-01', '--json', '--dir', folder]).stdout) as { weeks: { week: string; outreachSent: number }[] };
    // JSON has every week: from 2021-W23 to 2026-W50 (the week of 2026-12-10), 30 + 4 × 52 + 50.
    expect([json.weeks.length, json.weeks[1]!.week, json.weeks[1]!.outreachSent]).toEqual([288, '2021-W24', 0]);
  });

  it('marks an open lead whose day has passed as overdue, as the agenda does', () => {
    const folder = exampleCopy();
    const onTheDay = rapport(['report', '--today', '2026-12-04', '--dir', folder]).stdout;
    expect(onTheDay).toContain('  2026-12-04  Lead: Mon Valley Health: UX Research Associate, patient portal team (by 2026-12-04)  Marcus Bell, contacts/health-tech/marcus-bell.md:82\n');
    const after = rapport(['report', '--today', '2026-12-10', '--dir', folder]).stdout;
    expect(after).toContain('  2026-12-04  Lead: Mon Valley Health: UX Research Associate, patient portal team (by 2026-12-04) (overdue)  Marcus Bell, contacts/health-tech/marcus-bell.md:82\n');
    expect(after).toContain('  no date     Lead: Carelink may post a contract Research Coordinator role in Q1 2027; she will send it to me when it opens.  Priya Raman');
  });

  it('--json has the same figures', () => {
    const report = JSON.parse(rapport(['report', '--json', '--today', TODAY, '--dir', exampleCopy()]).stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['since', 'until', 'weeks', 'total', 'bySource', 'medianDaysToReply', 'thankYous', 'funnel', 'referralChains', 'outcomes']);
    expect(report.medianDaysToReply).toBe(4);
    expect(report.thankYous).toEqual({ meetings: 5, sameDay: 1, onTime: 3, late: 0, missing: 1, pending: 0 });
    expect(report.bySource).toContainEqual({ source: 'referral', outreachSent: 7, contacted: 5, replied: 5, replyRate: 1, meetingsHeld: 3, meetingsPerOutreach: 3 / 7 });
    expect(report.funnel).toEqual([
      { stage: 'identified', reached: 17 },
      { stage: 'contacted', reached: 14 },
      { stage: 'scheduled', reached: 8 },
      { stage: 'held', reached: 5 },
      { stage: 'thanked', reached: 4 },
      { stage: 'nurturing', reached: 3 },
    ]);
  });

  it('--csv is one row per figure that an independent parser reads back', () => {
    const csv = rapport(['report', '--csv', '--today', TODAY, '--dir', exampleCopy()]).stdout;
    expect(csv.startsWith('\uFEFFsection,item,figure,value\r\n')).toBe(true);
    const rows = parseWithPython(csv);
    expect(rows[0]).toEqual(['section', 'item', 'figure', 'value']);
    for (const row of rows) expect(row).toHaveLength(4);
    const value = (section: string, item: string, figure: string) => rows.filter((row) => row[0] === section && row[1] === item && row[2] === figure).map((row) => row[3]);
    expect(value('week', '2026-W37', 'outreachSent')).toEqual(['3']);
    expect(value('week', '2026-W40', 'replyRate')).toEqual(['']);
    expect(value('total', '', 'medianDaysToReply')).toEqual(['4']);
    expect(value('source', 'cold', 'replyRate')).toEqual(['0']);
    expect(value('source', 'personal', 'meetingsPerOutreach')).toEqual(['1']);
    expect(value('thank-yous', '', 'missing')).toEqual(['1']);
    expect(value('funnel', 'scheduled', 'reached')).toEqual(['8']);
    expect(value('referral-depth', '4', 'contacts')).toEqual(['1']);
    expect(value('outcomes', 'training', 'open')).toEqual(['3']);
    expect(value('open-lead', 'contacts/health-tech/marcus-bell.md:82', 'label')).toEqual(['Lead']);
    expect(value('open-lead', 'contacts/health-tech/marcus-bell.md:82', 'text')).toEqual(['Mon Valley Health: UX Research Associate, patient portal team (by 2026-12-04)']);
    expect(value('open-lead', 'contacts/health-tech/priya-raman.md:99', 'due')).toEqual(['']);
  });

  it('--csv defuses a lead that looks like a formula', () => {
    const folder = exampleCopy();
    const file = join(folder, 'ben-osei.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n- Lead: =HYPERLINK("http://example.com")\n`);
    const rows = parseWithPython(rapport(['report', '--csv', '--today', TODAY, '--dir', folder]).stdout);
    expect(rows.find((row) => row[0] === 'open-lead' && row[2] === 'text' && row[1]!.startsWith('ben-osei.md'))![3]).toBe(`'=HYPERLINK("http://example.com")`);
  });
});

describe('rapport report --html', () => {
  it('writes one page, refuses to replace it without --force, and replaces it with --force', () => {
    const folder = exampleCopy();
    const out = join(folder, '..', `report-${process.pid}-${Date.now()}.html`);
    const first = rapport(['report', '--html', out, '--today', TODAY, '--dir', folder]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`Wrote ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect((html.match(/<svg /g) ?? []).length).toBe(3);
    expect(html).toContain('<td>Lead: Mon Valley Health: UX Research Associate, patient portal team (by 2026-12-04)</td>');

    writeFileSync(out, 'mine');
    const again = rapport(['report', '--html', out, '--today', TODAY, '--dir', folder]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`rapport: ${out} already exists (add --force to overwrite it)\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine');

    expect(rapport(['report', '--html', out, '--force', '--today', TODAY, '--dir', folder]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(html);
  });

  it('never writes over a note, and takes one output at a time', () => {
    const folder = exampleCopy();
    const note = join(folder, 'maya-chen.md');
    const before = readFileSync(note, 'utf8');
    const refused = rapport(['report', '--html', note, '--force', '--dir', folder]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('it is a Markdown file of the notes folder');
    expect(readFileSync(note, 'utf8')).toBe(before);
    expect(rapport(['report', '--json', '--csv', '--dir', folder])).toMatchObject({ code: 2, stderr: 'rapport: choose one of --json, --csv and --html\n' });
    expect(rapport(['report', '--force', '--dir', folder])).toMatchObject({ code: 2, stderr: 'rapport: --force goes with --html\n' });
    expect(existsSync(join(folder, 'report.html'))).toBe(false);
  });
});
