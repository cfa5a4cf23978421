import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactSchema } from '@rapport/core';
import { exampleCopy, rapport, snapshot } from './support/run-cli.js';

const COMMANDS = ['init', 'new', 'list', 'agenda', 'advance', 'check', 'graph', 'report', 'schema'];

describe('rapport', () => {
  it.each(COMMANDS)('prints help with an example for %s', (command) => {
    const result = rapport([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: rapport ${command}`);
    expect(result.stdout).toContain('Example');
  });

  it('rejects an unknown command and an unknown option with exit 2', () => {
    expect(rapport(['frobnicate']).code).toBe(2);
    expect(rapport(['list', '--colour']).code).toBe(2);
  });
});

describe('list', () => {
  it('prints one line per contact with stage and next action', () => {
    const folder = exampleCopy();
    const result = rapport(['list', '--dir', folder, '--today', '2026-11-23']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(17);
    expect(result.stdout).toMatch(/Marcus Bell\s+held\s+Send Marcus Bell a thank-you note \(overdue 2026-11-21\)/);
    expect(result.stdout).not.toMatch(/\x1b\[/);
  });

  it('filters and prints stable JSON', () => {
    const folder = exampleCopy();
    const result = rapport(['list', '--json', '--stage', 'contacted', '--dir', folder, '--today', '2026-11-23']);
    const rows = JSON.parse(result.stdout);
    expect(rows.map((row: { id: string }) => row.id).sort()).toEqual(['hannah-schultz', 'owen-park']);
    expect(Object.keys(rows[0]).sort()).toEqual(['file', 'id', 'name', 'next', 'organization', 'stage']);
    expect(rows.find((row: { id: string }) => row.id === 'owen-park').next).toEqual({ action: 'Follow up with Owen Park if there is no reply', due: '2026-12-01' });
    expect(JSON.parse(rapport(['list', '--json', '--tag', 'no-such-tag', '--dir', folder]).stdout)).toEqual([]);
  });

  it('rejects an unknown stage filter', () => {
    expect(rapport(['list', '--stage', 'met', '--dir', exampleCopy()])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown stage "met"') });
  });
});

describe('agenda', () => {
  it('lists due and overdue actions soonest first', () => {
    const folder = exampleCopy();
    const items = JSON.parse(rapport(['agenda', '--json', '--dir', folder, '--today', '2026-11-23']).stdout) as { id: string; due: string; overdue: boolean }[];
    expect(items.map((item) => item.due)).toEqual([...items.map((item) => item.due)].sort());
    expect(Object.keys(items[0]!).sort()).toEqual(['action', 'due', 'id', 'name', 'overdue']);
    expect(items.find((item) => item.id === 'marcus-bell')).toMatchObject({ due: '2026-11-21', overdue: true });
    expect(items.filter((item) => item.overdue).every((item) => item.due < '2026-11-23')).toBe(true);
    const text = rapport(['agenda', '--dir', folder, '--today', '2026-11-23']).stdout;
    expect(text.indexOf('Overdue')).toBeLessThan(text.indexOf('Today'));
    expect(text).toContain('Prepare for Lauren Fitzgerald');
  });

  it('rejects a bad date without writing', () => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    expect(rapport(['agenda', '--today', '2026-02-30', '--dir', folder])).toMatchObject({ code: 2, stderr: expect.stringContaining('invalid date') });
    expect(snapshot(folder)).toEqual(before);
  });
});

describe('advance', () => {
  it('records the stage change losslessly', () => {
    const folder = exampleCopy();
    const file = join(folder, 'contacts/health-tech/marcus-bell.md');
    const before = readFileSync(file, 'utf8');
    const result = rapport(['advance', 'marcus-bell', 'thanked', '--date', '2026-11-23', '--via', 'email', '--letter', 'thank-you', '--dir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Marcus Bell: held → thanked') });
    const after = readFileSync(file, 'utf8');
    expect(after.replace(/^stage: thanked$/m, 'stage: held')).toContain(before.split('\nstage:')[0]!);
    const removed = before.split('\n').filter((line) => !after.split('\n').includes(line));
    expect(removed.every((line) => line.startsWith('stage:'))).toBe(true);
    const list = JSON.parse(rapport(['list', '--json', '--dir', folder]).stdout) as { id: string; stage: string }[];
    expect(list.find((row) => row.id === 'marcus-bell')?.stage).toBe('thanked');
    expect(rapport(['check', '--dir', folder]).code).toBe(0);
  });

  it('schedules with the meeting details, by path', () => {
    const folder = exampleCopy();
    const result = rapport(['advance', join(folder, 'hannah-schultz.md'), 'scheduled', '--date', '2026-11-23', '--at', '2026-12-02T08:30', '--minutes', '30', '--format', 'phone', '--dir', folder]);
    expect(result.code).toBe(0);
    const text = readFileSync(join(folder, 'hannah-schultz.md'), 'utf8');
    expect(text).toMatch(/meeting:\n {2}at: 2026-12-02T08:30\n {2}minutes: 30\n {2}format: phone\n/);
  });

  it.each([
    [['advance', 'maya-chen', 'interviewed'], 2, 'unknown stage "interviewed"'],
    [['advance', 'nobody-at-all', 'held'], 3, 'no contact note found for "nobody-at-all"'],
    [['advance', 'maya-chen', 'held', '--date', '2026-02-30'], 2, 'invalid date "2026-02-30"'],
    [['advance', 'maya-chen', 'held', '--via', 'pigeon'], 2, 'unknown channel "pigeon"'],
    [['advance', 'hannah-schultz', 'scheduled'], 2, 'needs the meeting time'],
    [['advance', 'maya-chen', 'scheduled', '--at', 'tomorrow'], 2, 'invalid meeting time'],
  ])('rejects %j with exit %i and writes nothing', (args, code, message) => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    const result = rapport([...args, '--dir', folder]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(folder)).toEqual(before);
  });
});

describe('new', () => {
  it('creates a note in the configured folder and prints its path', () => {
    const folder = exampleCopy();
    const result = rapport(['new', 'Renee Jackson', '--org', 'Monongahela Valley Health', '--role', 'Nurse Informaticist', '--referred-by', 'marcus-bell', '--tags', 'informatics,nursing', '--date', '2026-11-23', '--dir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: 'contacts/renee-jackson.md\n' });
    const row = (JSON.parse(rapport(['list', '--json', '--dir', folder]).stdout) as { id: string; stage: string }[]).find((item) => item.id === 'renee-jackson');
    expect(row).toMatchObject({ stage: 'identified' });
    expect(rapport(['check', '--dir', folder]).code).toBe(0);
    expect(rapport(['graph', '--dir', folder]).stdout).toContain('n_marcus_bell --> n_renee_jackson');
  });

  it('refuses an unknown referrer and an unwritable folder, writing nothing', () => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    expect(rapport(['new', 'A Person', '--referred-by', 'ghost', '--dir', folder])).toMatchObject({ code: 3, stderr: expect.stringContaining('ghost') });
    expect(rapport(['new', 'A Person', '--source', 'carrier-pigeon', '--dir', folder]).code).toBe(2);
    expect(snapshot(folder)).toEqual(before);
    // A notes folder whose folder for new notes is a file cannot take new notes, even for root.
    const unwritable = mkdtempSync(join(tmpdir(), 'rapport-unwritable-'));
    mkdirSync(join(unwritable, '.rapport'));
    writeFileSync(join(unwritable, '.rapport/config.yaml'), 'notes_folder: people\n');
    writeFileSync(join(unwritable, 'people'), 'not a folder');
    const untouched = snapshot(unwritable);
    const blocked = rapport(['new', 'A Person', '--dir', unwritable]);
    expect(snapshot(unwritable)).toEqual(untouched);
    expect(blocked.code).toBe(3);
    expect(blocked.stderr).toMatch(/^rapport: .+\n$/);
  });
});

describe('check', () => {
  it('passes on the example folder', () => {
    const result = rapport(['check', '--dir', exampleCopy()]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('17 contacts checked: 0 errors, 0 warnings') });
  });

  it('fails with positioned JSON diagnostics on a broken note', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'broken.md'), '---\ntype: contact\nname: Broken\nstage: interviewed\n---\n');
    const result = rapport(['check', '--json', '--dir', folder]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: 'broken.md', line: 4, column: 8, severity: 'error', rule: 'unknown-stage', message: expect.stringContaining('interviewed') },
    ]);
    expect(rapport(['check', '--dir', folder]).stdout).toContain('broken.md:4:8 error');
  });

  it('works as a git pre-commit hook', () => {
    const folder = exampleCopy();
    const git = (...args: string[]) => spawnSync('git', args, { cwd: folder, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    const { bin } = require_bin();
    writeFileSync(join(folder, '.git/hooks/pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" check --dir "$(git rev-parse --show-toplevel)"\n`, { mode: 0o755 });
    git('add', '.');
    expect(git('commit', '-qm', 'notes').status).toBe(0);
    writeFileSync(join(folder, 'broken.md'), '---\ntype: contact\nname: Broken\nstage: interviewed\n---\n');
    git('add', '.');
    const refused = git('commit', '-qm', 'broken');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('broken.md:4:8');
  });
});

function require_bin(): { bin: string } {
  return { bin: new URL('../dist/bin.js', import.meta.url).pathname };
}

describe('graph, report, schema', () => {
  it('draws the referral chain as Mermaid and DOT', () => {
    const folder = exampleCopy();
    const mermaid = rapport(['graph', '--dir', folder]).stdout;
    for (const edge of ['n_dana_okafor --> n_maya_chen', 'n_maya_chen --> n_priya_raman', 'n_priya_raman --> n_marcus_bell', 'n_marcus_bell --> n_elena_vasquez']) expect(mermaid).toContain(edge);
    const dot = rapport(['graph', '--format', 'dot', '--dir', folder]).stdout;
    expect(dot).toContain('"priya-raman" -> "marcus-bell";');
    const graphviz = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
    if (graphviz.error) expect.soft(graphviz.error.message, 'graphviz is not installed; DOT not validated').toContain('ENOENT');
    else expect(graphviz.status, graphviz.stderr).toBe(0);
    expect(rapport(['graph', '--format', 'svg', '--dir', folder]).code).toBe(2);
  });

  it('reports outreach by week', () => {
    const folder = exampleCopy();
    const report = JSON.parse(rapport(['report', '--json', '--dir', folder]).stdout);
    expect(report.total.meetingsHeld).toBeGreaterThanOrEqual(4);
    expect(report.weeks[0].week).toMatch(/^\d{4}-W\d{2}$/);
    const since = JSON.parse(rapport(['report', '--json', '--since', '2026-11-16', '--dir', folder]).stdout);
    expect(since.total.outreachSent).toBeLessThan(report.total.outreachSent);
    expect(rapport(['report', '--since', 'last week', '--dir', folder]).code).toBe(2);
  });

  it('prints the JSON Schema', () => {
    expect(JSON.parse(rapport(['schema']).stdout)).toEqual(JSON.parse(JSON.stringify(contactSchema)));
  });
});

describe('init', () => {
  it('sets up a folder and keeps existing files on a second run', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'rapport-init-')), 'search');
    const first = rapport(['init', folder]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created .rapport/config.yaml');
    expect(first.stdout).toContain('created contacts/example-contact.md');
    expect(rapport(['check', '--dir', folder]).code).toBe(0);
    const before = snapshot(folder);
    const second = rapport(['init', folder]);
    expect(second.stdout).toContain('kept    .rapport/config.yaml');
    expect(snapshot(folder)).toEqual(before);
  });
});
