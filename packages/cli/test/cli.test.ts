import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactSchema } from '@rapport/core';
import { bin, exampleCopy, rapport, snapshot } from './support/run-cli.js';

const TODAY = '2026-11-23';
const BROKEN_NOTE = '---\ntype: contact\nname: Broken\nstage: interviewed\n---\n';
const hasGraphviz = spawnSync('dot', ['-V'], { encoding: 'utf8' }).status === 0;

interface ListRow {
  id: string;
  file: string;
  name: string;
  stage: string;
  organization: string | null;
  next: { action: string; due: string | null } | null;
}

/** Runs a command that must fail, and checks the failure is one `rapport:` line with this code and nothing changed on disk. */
function expectRefused(folder: string, args: readonly string[], code: number, message: string | RegExp): void {
  const before = snapshot(folder);
  const result = rapport([...args, '--dir', folder]);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^rapport: [^\n]+\n$/);
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(snapshot(folder)).toEqual(before);
}

describe('rapport', () => {
  const help = rapport(['--help']).stdout;
  const commandList = help.slice(help.indexOf('Commands:'), help.indexOf('\n\n', help.indexOf('Commands:')));
  const commands = [...commandList.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]!).filter((name) => name !== 'help');

  it('lists every command of the issue in its help', () => {
    expect(commands).toEqual(['init', 'new', 'list', 'agenda', 'advance', 'log', 'next', 'outcome', 'dismiss', 'snooze', 'check', 'graph', 'report', 'letter', 'trust', 'questions', 'import', 'export', 'schema']);
    expect(rapport(['--help']).stdout).toContain('Exit codes: 0 done, 1 problems found (check), 2 bad usage or input, 3 could not be done.');
  });

  it.each(commands)('prints help with an example for %s', (command) => {
    const result = rapport([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: rapport ${command}`);
    expect(result.stdout).toMatch(/Examples?:\n {2}rapport /);
  });

  it('prints its version', () => {
    expect(rapport(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate' (see rapport --help)"],
    [['list', '--colour'], "unknown option '--colour' (see rapport list --help)"],
    [['advance', 'maya-chen'], "missing required argument 'stage' (see rapport advance --help)"],
    [['advance', 'maya-chen', 'held', 'now'], "too many arguments for 'advance'"],
    [['graph', '--format'], "option '--format <format>' argument missing"],
  ])('turns the parse error of %j into one line and exit 2', (args, message) => {
    expectRefused(exampleCopy(), args, 2, message);
  });

  it('prints help on stderr and exits 2 when no command is given', () => {
    const result = rapport([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: rapport [options] [command]');
  });

  it('refuses a notes folder that does not exist or is a file (exit 3)', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'rapport-missing-')), 'nowhere');
    expect(rapport(['list', '--dir', missing])).toMatchObject({ code: 3, stdout: '', stderr: `rapport: notes folder not found: ${missing} (check the --dir path, or create the folder with: rapport init ${missing})\n` });
    expect(existsSync(missing)).toBe(false);
    const folder = exampleCopy();
    expect(rapport(['agenda', '--dir', join(folder, 'maya-chen.md')])).toMatchObject({ code: 3, stderr: `rapport: ${join(folder, 'maya-chen.md')} is a file, not a notes folder\n` });
  });

  it('refuses an empty --dir (an unset variable) before reading or writing the current folder, and says how ~user is read', () => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    expect(rapport(['new', 'Grace Liu', '--dir', ''], { cwd: folder })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rapport: --dir is empty (an unset variable?): give the notes folder, or leave --dir out to use the one around the current folder\n',
    });
    expect(rapport(['list', '--dir', '  '], { cwd: folder }).code).toBe(2);
    expect(snapshot(folder)).toEqual(before);
    const parent = mkdtempSync(join(tmpdir(), 'rapport-tilde-'));
    expect(rapport(['list', '--dir=~nobody/notes'], { cwd: parent }).stderr).toBe(
      `rapport: notes folder not found: ${join(parent, '~nobody', 'notes')} (check the --dir path; only ~ and ~/… are read as your home folder, so write another user's folder in full, or create the folder with: rapport init ${join(parent, '~nobody', 'notes')})\n`,
    );
  });

  it('reads the current directory when --dir is left out', () => {
    const folder = exampleCopy();
    const rows = JSON.parse(rapport(['list', '--json'], { cwd: folder }).stdout) as ListRow[];
    expect(rows).toHaveLength(17);
  });
});

describe('init', () => {
  it('sets up a folder whose every file checks clean', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'rapport-init-')), 'search');
    const result = rapport(['init', folder], { env: { TZ: 'America/Chicago' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(['created .rapport/config.yaml', 'created .rapport/templates/README.md', 'created .rapport/questions.md', 'created contacts/example-contact.md'].join('\n'));
    // Run from elsewhere: the next command names the folder.
    expect(result.stdout).toContain(`Notes folder ready: ${folder}\nNext: rapport new "Full Name" --org "Organization" --dir "${folder}"\n`);

    const config = readFileSync(join(folder, '.rapport/config.yaml'), 'utf8');
    // Every setting of RapportConfig, each with a comment.
    for (const key of ['profile:', 'name:', 'background:', 'field:', 'email:', 'phone:', 'location:', 'timezone: America/Chicago', 'notes_folder: contacts', 'rules:', 'follow_up_after: 7', 'second_contact_after: 3', 'give_up_after: 7', 'prepare_before: 2', 'thank_within: 1', 'touch_every: 60', 'private: []']) {
      expect(config).toContain(key);
    }
    expect(config.split('\n').filter((line) => line.includes('#')).length).toBeGreaterThanOrEqual(10);

    // No diagnostic anywhere: config, questions, template folder, example contact.
    expect(rapport(['check', '--json', '--dir', folder])).toMatchObject({ code: 0, stdout: '[]\n' });
    const contacts = JSON.parse(rapport(['list', '--json', '--dir', folder]).stdout) as ListRow[];
    expect(contacts).toEqual([expect.objectContaining({ id: 'example-contact', file: 'contacts/example-contact.md', stage: 'identified', organization: 'Example Health' })]);

    // questions.md explains the format with an example that stays in its comment: a question about clinicians
    // must not reach the notes of someone exploring another field (found in a trial: it was picked for an ed-tech researcher).
    const questionsFile = readFileSync(join(folder, '.rapport/questions.md'), 'utf8');
    expect(questionsFile).toMatch(/## heading.*is a theme/s);
    expect(questionsFile).toContain('- How do clinicians take part in your research?\n-->\n');
    const questions = JSON.parse(rapport(['questions', '--json', '--dir', folder]).stdout) as { theme: string; text: string; origin: string }[];
    expect(questions.filter((question) => question.origin === 'user')).toEqual([]);
    expect(questions.map((question) => question.text)).not.toContain('How do clinicians take part in your research?');
    expect(readFileSync(join(folder, '.rapport/templates/README.md'), 'utf8')).toContain('NAME.eta');

    // The example contact says where to write what drew you, but a letter never quotes that instruction to a stranger
    // (found in a trial: "I was impressed by replace this line with what drew you to this person").
    const draft = rapport(['letter', 'cold-email', 'example-contact', '--draft', '--dir', folder]).stdout;
    expect(draft).toContain('and I was impressed by [[fill: impressed]].');
    expect(draft).not.toContain('drew you');
  });

  it("takes the zone from --timezone, and warns when it took a computer's UTC, which is rarely where the person lives", () => {
    const given = join(mkdtempSync(join(tmpdir(), 'rapport-init-zone-')), 'search');
    const chosen = rapport(['init', given, '--timezone', 'America/Denver'], { env: { TZ: 'UTC' } });
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stderr).toBe('');
    expect(readFileSync(join(given, '.rapport/config.yaml'), 'utf8')).toContain('\ntimezone: America/Denver\n');

    const server = join(mkdtempSync(join(tmpdir(), 'rapport-init-utc-')), 'search');
    const defaulted = rapport(['init', server], { env: { TZ: 'UTC' } });
    expect(defaulted.code, defaulted.stderr).toBe(0);
    expect(readFileSync(join(server, '.rapport/config.yaml'), 'utf8')).toContain('\ntimezone: UTC\n');
    expect(defaulted.stderr).toBe(
      "rapport: warning: this computer's time zone is UTC, so .rapport/config.yaml says timezone: UTC. If you live elsewhere, set yours there (for example timezone: America/New_York), or run init with --timezone: today, due dates and meeting times are read in it.\n",
    );
    // Run again, the config is kept as it is: nothing to warn about.
    expect(rapport(['init', server], { env: { TZ: 'UTC' } }).stderr).toBe('');

    const wrong = rapport(['init', join(server, 'other'), '--timezone', 'America/Denvr']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--timezone: unknown time zone "America/Denvr"');
  });

  it('keeps every file already there, and adds no example contact to a folder with contacts', () => {
    const folder = exampleCopy();
    const config = readFileSync(join(folder, '.rapport/config.yaml'), 'utf8');
    const result = rapport(['init', '--dir', folder]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kept    .rapport/config.yaml (already there)');
    expect(result.stdout).not.toContain('example-contact');
    expect(readFileSync(join(folder, '.rapport/config.yaml'), 'utf8')).toBe(config);
    const before = snapshot(folder);
    const again = rapport(['init', folder]);
    expect(again.stdout).not.toContain('created');
    expect(again.stdout).toContain('kept    .rapport/questions.md (already there)');
    expect(snapshot(folder)).toEqual(before);
  });

  it('fails with exit 3 and creates nothing where no folder can be made', () => {
    const parent = mkdtempSync(join(tmpdir(), 'rapport-init-blocked-'));
    writeFileSync(join(parent, 'a-file'), 'not a folder');
    const before = snapshot(parent);
    const under = rapport(['init', join(parent, 'a-file', 'search')]);
    expect(under).toMatchObject({ code: 3, stdout: '', stderr: `rapport: cannot create ${join(parent, 'a-file', 'search')}: part of the path is a file, not a folder\n` });
    expect(rapport(['init', join(parent, 'a-file')])).toMatchObject({ code: 3, stderr: `rapport: ${join(parent, 'a-file')} is a file, not a folder\n` });
    expect(snapshot(parent)).toEqual(before);
  });
});

describe('new', () => {
  it('creates a note in the configured folder and prints its path', () => {
    const folder = exampleCopy();
    const result = rapport(['new', 'Renee Jackson', '--org', 'Monongahela Valley Health', '--role', 'Nurse Informaticist', '--source', 'referral', '--referred-by', 'marcus-bell', '--tags', 'informatics, nursing', '--date', TODAY, '--dir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: 'contacts/renee-jackson.md\n', stderr: '' });
    const text = readFileSync(join(folder, 'contacts/renee-jackson.md'), 'utf8');
    expect(text).toMatch(/^---\ntype: contact\nname: Renee Jackson\n/);
    for (const line of ['role: Nurse Informaticist', 'organization: Monongahela Valley Health', 'source: referral', 'referred_by: "[[marcus-bell]]"', `- date: ${TODAY}`]) expect(text).toContain(line);
    expect(text).toMatch(/tags:\s*(\[informatics, nursing\]|\n\s+- informatics\n\s+- nursing)/);
    const row = (JSON.parse(rapport(['list', '--json', '--dir', folder]).stdout) as ListRow[]).find((item) => item.id === 'renee-jackson');
    expect(row).toMatchObject({ stage: 'identified', organization: 'Monongahela Valley Health' });
    expect(rapport(['check', '--dir', folder]).code).toBe(0);
    expect(rapport(['graph', '--dir', folder]).stdout).toContain('n_marcus_bell --> n_renee_jackson');
  });

  it('takes the referrer as a path, and warns when the name is already taken', () => {
    const folder = exampleCopy();
    const result = rapport(['new', 'Maya Chen', '--referred-by', join(folder, 'dana-okafor.md'), '--dir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: 'contacts/maya-chen-2.md\n', stderr: 'rapport: warning: maya-chen.md is also about Maya Chen; created a second note\n' });
    expect(readFileSync(join(folder, 'contacts/maya-chen-2.md'), 'utf8')).toContain('referred_by: "[[dana-okafor]]"');
  });

  it.each([
    [['new', 'A Person', '--referred-by', 'ghost'], 3, '--referred-by: no contact note found for "ghost"'],
    [['new', 'A Person', '--source', 'carrier-pigeon'], 2, 'unknown source "carrier-pigeon"'],
    [['new', 'A Person', '--date', '23/11/2026'], 2, 'invalid --date "23/11/2026" (use YYYY-MM-DD)'],
    [['new', '   '], 2, 'a contact needs a name'],
    [['new', 'A Person', '--linkedin', 'linkedin.com/in/someone'], 2, '--linkedin must be a profile URL'],
    [['new', 'A Person', '--email', 'not-an-email'], 2, 'rapport: --email "not-an-email" is not an email address (such as ana.ruiz@example.org)\n'],
    [['new', 'A Person', '--date', '2027-01-05', '--today', '2026-12-28'], 2, 'rapport: --date 2027-01-05 is after today (2026-12-28): the day you found them cannot be still to come\n'],
  ])('refuses %j with exit %i and writes nothing', (args, code, message) => {
    expectRefused(exampleCopy(), args, code, message);
  });

  it('fails with exit 3 when the folder for new notes cannot be made, writing nothing', () => {
    // A notes_folder that is a file cannot take new notes, even for root.
    const folder = mkdtempSync(join(tmpdir(), 'rapport-unwritable-'));
    mkdirSync(join(folder, '.rapport'));
    writeFileSync(join(folder, '.rapport/config.yaml'), 'notes_folder: people\n');
    writeFileSync(join(folder, 'people'), 'not a folder');
    expectRefused(folder, ['new', 'A Person'], 3, 'rapport: `notes_folder: people` in .rapport/config.yaml names a file, not a folder, so new contacts cannot be created (set notes_folder to a folder, such as contacts)\n');
  });
});

describe('list', () => {
  it('prints one line per contact with stage and next action', () => {
    const folder = exampleCopy();
    const result = rapport(['list', '--dir', folder, '--today', TODAY]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(17);
    expect(result.stdout).toMatch(/Marcus Bell\s+held\s+Send Marcus Bell a thank-you note \(overdue 2026-11-21\)/);
    expect(result.stdout).not.toMatch(/\x1b\[/);
  });

  it('filters and prints stable JSON', () => {
    const folder = exampleCopy();
    const rows = JSON.parse(rapport(['list', '--json', '--stage', 'contacted', '--dir', folder, '--today', TODAY]).stdout) as ListRow[];
    expect(rows.map((row) => row.id).sort()).toEqual(['hannah-schultz', 'owen-park']);
    expect(Object.keys(rows[0]!).sort()).toEqual(['file', 'id', 'name', 'next', 'organization', 'stage']);
    expect(rows.find((row) => row.id === 'owen-park')!.next).toEqual({ action: 'Follow up with Owen Park if there is no reply', due: '2026-12-01' });
    expect(JSON.parse(rapport(['list', '--json', '--tag', 'no-such-tag', '--dir', folder]).stdout)).toEqual([]);
    const health = JSON.parse(rapport(['list', '--json', '--org', 'monongahela', '--dir', folder]).stdout) as ListRow[];
    expect(health.map((row) => row.id).sort()).toEqual(['elena-vasquez', 'marcus-bell']);
  });

  it.each([
    [['list', '--stage', 'met'], 'unknown stage "met"'],
    [['list', '--today', '2026-13-01'], 'invalid --today "2026-13-01"'],
  ])('refuses %j with exit 2', (args, message) => {
    expectRefused(exampleCopy(), args, 2, message);
  });
});

describe('agenda', () => {
  it('lists due and overdue actions soonest first, as JSON and grouped text', () => {
    const folder = exampleCopy();
    const items = JSON.parse(rapport(['agenda', '--json', '--dir', folder, '--today', TODAY]).stdout) as { id: string; name: string; action: string; due: string | null; overdue: boolean }[];
    expect(items.length).toBeGreaterThan(5);
    const dated = items.filter((item) => item.due !== null);
    expect(dated.map((item) => item.due)).toEqual([...dated.map((item) => item.due)].sort());
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['action', 'due', 'id', 'name', 'overdue']);
    expect(items.find((item) => item.id === 'marcus-bell')).toMatchObject({ name: 'Marcus Bell', due: '2026-11-21', overdue: true });
    for (const item of dated) expect(item.overdue).toBe(item.due! < TODAY);

    const text = rapport(['agenda', '--dir', folder, '--today', TODAY]).stdout;
    const overdue = items.filter((item) => item.overdue).length;
    const headings = [...text.matchAll(/^(Overdue|Today|Next 7 days|Later|Ready to write) \((\d+)\)$/gm)].map((match) => [match[1], Number(match[2])]);
    expect(headings.map(([title]) => title)).toEqual(['Overdue', 'Today', 'Next 7 days', 'Later', 'Ready to write']);
    expect(headings[0]).toEqual(['Overdue', overdue]);
    expect(headings.reduce((sum, [, count]) => sum + (count as number), 0)).toBe(items.length);
    expect(text).toContain(`Today (1)\n  ${TODAY}  Prepare for Lauren Fitzgerald: research and questions`);
    expect(text).toContain('  2026-11-21  Send Marcus Bell a thank-you note  → rapport letter thank-you marcus-bell');
  });

  it('lists the people waiting for a first letter last, undated ("Ready to write", due null in JSON)', () => {
    const folder = exampleCopy();
    const items = JSON.parse(rapport(['agenda', '--json', '--dir', folder, '--today', TODAY]).stdout) as { id: string; due: string | null }[];
    expect(items.slice(-3)).toEqual([
      { id: 'elena-vasquez', name: 'Elena Vasquez', action: 'Write to Elena Vasquez, naming who referred you', due: null, overdue: false },
      { id: 'priya-raman', name: 'Priya Raman', action: 'Add Grace Liu (referred by Priya Raman)', due: null, overdue: false },
      { id: 'tomas-herrera', name: 'Tomás Herrera', action: 'Write to Tomás Herrera', due: null, overdue: false },
    ]);
    const text = rapport(['agenda', '--dir', folder, '--today', TODAY]).stdout;
    expect(text.endsWith(
      [
        'Ready to write (3)',
        '  anytime     Write to Elena Vasquez, naming who referred you  → rapport letter referral elena-vasquez',
        '  anytime     Add Grace Liu (referred by Priya Raman)  → rapport new --from priya-raman "Grace Liu"',
        '  anytime     Write to Tomás Herrera  → rapport letter linkedin-note tomas-herrera',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('rejects a bad date without writing', () => {
    expectRefused(exampleCopy(), ['agenda', '--today', '2026-02-30'], 2, 'invalid --today "2026-02-30": 2026-02 has 28 days');
  });
});

describe('advance', () => {
  it('records the stage change losslessly', () => {
    const folder = exampleCopy();
    const file = join(folder, 'contacts/health-tech/marcus-bell.md');
    const before = readFileSync(file, 'utf8');
    const result = rapport(['advance', 'marcus-bell', 'thanked', '--date', TODAY, '--via', 'email', '--letter', 'thank-you', '--note', 'mentioned the Epic analyst path', '--dir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: `Marcus Bell: held → thanked (${TODAY})  contacts/health-tech/marcus-bell.md\n` });
    const after = readFileSync(file, 'utf8');
    // Only the stage line changed, and lines were added to the history.
    const removed = before.split('\n').filter((line) => !after.split('\n').includes(line));
    expect(removed).toEqual(['stage: held']);
    expect(after).toContain('stage: thanked');
    // Marcus's history is written as one-line entries, so the new one is too.
    expect(after).toContain(`  - {date: 2026-11-20, stage: held}\n  - {date: ${TODAY}, stage: thanked, via: email, letter: thank-you, note: mentioned the Epic analyst path}\n`);
    const list = JSON.parse(rapport(['list', '--json', '--dir', folder]).stdout) as ListRow[];
    expect(list.find((row) => row.id === 'marcus-bell')?.stage).toBe('thanked');
    expect(rapport(['check', '--dir', folder]).code).toBe(0);
  });

  it('schedules with the meeting details, by path', () => {
    const folder = exampleCopy();
    const result = rapport(['advance', join(folder, 'hannah-schultz.md'), 'scheduled', '--date', TODAY, '--at', '2026-12-02T08:30', '--minutes', '30', '--format', 'phone', '--dir', folder]);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(folder, 'hannah-schultz.md'), 'utf8');
    expect(text).toMatch(/meeting:\n {2}at: 2026-12-02T08:30\n {2}minutes: 30\n {2}format: phone\n/);
    const agenda = JSON.parse(rapport(['agenda', '--json', '--today', TODAY, '--dir', folder]).stdout) as { id: string; action: string }[];
    expect(agenda.filter((item) => item.id === 'hannah-schultz').map((item) => item.action).join('\n')).toMatch(/Prepare for Hannah Schultz/);
  });

  it('warns when the meeting time does not exist in the zone (clocks going forward), and only then', () => {
    const folder = exampleCopy();
    // The example's zone is America/New_York, whose clocks went from 02:00 to 03:00 on 2027-03-14.
    const skipped = rapport(['advance', 'hannah-schultz', 'scheduled', '--date', TODAY, '--at', '2027-03-14T02:30', '--dir', folder]);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toBe('rapport: warning: 02:30 on 2027-03-14 does not exist in America/New_York, whose clocks skip it: the meeting is read as 03:30\n');
    expect(readFileSync(join(folder, 'hannah-schultz.md'), 'utf8')).toContain('  at: 2027-03-14T02:30\n');
    for (const at of ['2027-03-14T03:30', '2027-11-07T01:30', '2027-03-14T02:30-05:00']) {
      const result = rapport(['advance', 'hannah-schultz', 'scheduled', '--date', TODAY, '--at', at, '--dir', folder]);
      expect(result, at).toMatchObject({ code: 0, stderr: '' });
    }
  });

  it('reschedules without --at when the note has a meeting already', () => {
    const folder = exampleCopy();
    const file = join(folder, 'lauren-fitzgerald.md');
    const meeting = readFileSync(file, 'utf8').match(/^meeting:\n(?: {2}.*\n)+/m)![0];
    const result = rapport(['advance', 'lauren-fitzgerald', 'scheduled', '--date', TODAY, '--note', 'moved to Friday', '--dir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Lauren Fitzgerald: scheduled again') });
    const after = readFileSync(file, 'utf8');
    expect(after).toContain(meeting);
    expect(after).toMatch(new RegExp(`- date: ${TODAY}\\n\\s+stage: scheduled\\n\\s+note: moved to Friday`));
  });

  it.each([
    [['advance', 'maya-chen', 'interviewed'], 2, 'unknown stage "interviewed"'],
    [['advance', 'nobody-at-all', 'held'], 3, 'no contact note found for "nobody-at-all"'],
    [['advance', 'contacts/nowhere.md', 'held'], 3, 'no contact note found for "contacts/nowhere.md"'],
    [['advance', 'maya-chen', 'held', '--date', '2026-02-30'], 2, 'invalid --date "2026-02-30"'],
    [['advance', 'maya-chen', 'held', '--via', 'pigeon'], 2, 'unknown channel "pigeon"'],
    [['advance', 'hannah-schultz', 'scheduled'], 2, 'needs the meeting time'],
    [['advance', 'maya-chen', 'scheduled', '--at', 'tomorrow'], 2, 'invalid --at "tomorrow"'],
    [['advance', 'maya-chen', 'scheduled', '--at', '2026-12-01T09:00', '--minutes', 'half an hour'], 2, 'invalid --minutes "half an hour"'],
    [['advance', 'maya-chen', 'scheduled', '--at', '2026-12-01T09:00', '--format', 'carrier-pigeon'], 2, 'unknown meeting format "carrier-pigeon"'],
    [['advance', 'maya-chen', 'scheduled', '--minutes', '45'], 2, 'Maya Chen has no meeting to come: meeting details need --at YYYY-MM-DDTHH:mm'],
  ])('rejects %j with exit %i and writes nothing', (args, code, message) => {
    expectRefused(exampleCopy(), args, code, message);
  });

  it('refuses a note whose frontmatter does not parse (exit 3), leaving it as it is', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'tangled.md'), '---\ntype: contact\nname: Tangled\nstage: [identified\n---\n');
    expectRefused(folder, ['advance', 'tangled.md', 'contacted'], 3, /tangled/);
  });
});

describe('check', () => {
  it('passes on the example folder', () => {
    const result = rapport(['check', '--dir', exampleCopy()]);
    expect(result).toMatchObject({ code: 0, stdout: '17 contacts checked: 0 errors, 0 warnings\n' });
  });

  it('fails with positioned JSON diagnostics on a broken note', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'broken.md'), BROKEN_NOTE);
    const result = rapport(['check', '--json', '--dir', folder]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      // "interviewed" runs from column 8 to 19 (11 characters).
      { file: 'broken.md', line: 4, column: 8, endLine: 4, endColumn: 19, severity: 'error', rule: 'unknown-stage', message: 'Unknown stage "interviewed"', hint: expect.stringContaining('Use one of: identified,') },
    ]);
    const text = rapport(['check', '--dir', folder]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^broken\.md:4:8 error .*interviewed.* \[unknown-stage\]$/m);
    expect(text.stdout).toContain('18 contacts checked: 1 error, 0 warnings');
  });

  it('reports the config, the questions and the letter templates too, files relative to the notes folder', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, '.rapport/config.yaml'), 'timezone: Mars/Olympus_Mons\n');
    mkdirSync(join(folder, '.rapport/templates'));
    writeFileSync(join(folder, '.rapport/templates/coffee.eta'), '---\nstage: contacted\n---\nSubject: Coffee?\n\nHi <% if (it.organization { %>\n');
    writeFileSync(join(folder, '.rapport/questions.md'), '## Trends\n\nnot a list item\n- How do you pick which clinics to visit?\n');
    const result = rapport(['check', '--json', '--dir', folder]);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stdout) as { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
    expect(diagnostics).toEqual([
      // The zone's 17 characters from column 11, the 15 of "not a list item" from column 1.
      { file: '.rapport/config.yaml', line: 1, column: 11, endLine: 1, endColumn: 28, severity: 'error', rule: 'invalid-config', message: 'Unknown time zone "Mars/Olympus_Mons"', hint: 'Use an IANA name such as America/New_York' },
      { file: '.rapport/questions.md', line: 3, column: 1, endLine: 3, endColumn: 16, severity: 'info', rule: 'ignored-text', message: expect.any(String), hint: 'Start each question with `- `' },
      expect.objectContaining({ file: '.rapport/templates/coffee.eta', line: 6, severity: 'error' }),
    ]);
    for (const diagnostic of diagnostics) expect(Object.keys(diagnostic)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']));
  });

  it('names every mistake in the YAML of a note at once, with its line, and --fix makes the repair there is', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const original = readFileSync(file, 'utf8');
    // An unclosed quote on line 3, which swallows the lines below it for the YAML parser, and a tab before `industry` on line 7.
    writeFileSync(file, original.replace('name: Owen Park', 'name: "Owen Park').replace('industry: At-home diagnostics', '\tindustry: At-home diagnostics'));
    const mistakes =
      'owen-park.md:3:7 error The `"` that starts this value is never closed [yaml-syntax]\n    hint: Add `"` at the end of the value\n' +
      'owen-park.md:7:1 error This line is indented with a tab [yaml-syntax]\n    hint: Indent with spaces: YAML does not allow tabs\n';
    expect(rapport(['check', '--dir', folder])).toEqual({ code: 1, stdout: `${mistakes}16 contacts checked, 1 note cannot be read: 2 errors, 0 warnings\n`, stderr: '' });
    // The tab is left: how far to indent is the user's choice.
    expect(rapport(['check', '--fix', '--dir', folder])).toEqual({
      code: 1,
      stdout:
        'fixed owen-park.md:3: Close the quote: add " at the end of the line\n' +
        'owen-park.md:7:1 error This line is indented with a tab [yaml-syntax]\n    hint: Indent with spaces: YAML does not allow tabs\n' +
        '16 contacts checked, 1 note cannot be read: 1 error, 0 warnings\n',
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(original.replace('name: Owen Park', 'name: "Owen Park"').replace('industry: At-home diagnostics', '\tindustry: At-home diagnostics'));
  });

  it('--fix makes each repair that needs no choice, one after another in a note, and changes nothing else', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const original = readFileSync(file, 'utf8');
    // Two mistakes in one note: both named at once, repaired one after the other (the second is placed in the text the first repair wrote).
    writeFileSync(file, original.replace('name: Owen Park', 'name: "Owen Park').replace('role: Design Research Manager', 'role: Manager: Design Research'));
    const result = rapport(['check', '--fix', '--dir', folder]);
    expect(result).toEqual({
      code: 0,
      stdout: 'fixed owen-park.md:3: Close the quote: add " at the end of the line\nfixed owen-park.md:5: Put the value in quotes: "Manager: Design Research"\n17 contacts checked: 0 errors, 0 warnings\n',
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(original.replace('name: Owen Park', 'name: "Owen Park"').replace('role: Design Research Manager', 'role: "Manager: Design Research"'));
    // Nothing left to repair: nothing written.
    expect(rapport(['check', '--fix', '--dir', folder]).stdout).toBe('17 contacts checked: 0 errors, 0 warnings\n');
    expectRefused(folder, ['check', '--fix', '--staged'], 2, '--fix repairs the notes on disk, --staged checks what git has staged: run rapport check --fix, then git add the notes it names');
  });

  it('--fix adds the colon a contact field lost, and puts an unquoted referred_by link in quotes (trial 19)', () => {
    const folder = exampleCopy();
    const owen = join(folder, 'owen-park.md');
    const maya = join(folder, 'maya-chen.md');
    const owenText = readFileSync(owen, 'utf8');
    const mayaText = readFileSync(maya, 'utf8');
    writeFileSync(owen, owenText.replace('industry: At-home diagnostics', 'industry At-home diagnostics'));
    writeFileSync(maya, mayaText.replace('referred_by: "[[dana-okafor]]"', 'referred_by: [[dana-okafor]]'));
    expect(rapport(['check', '--fix', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'fixed maya-chen.md:12: Put the link in quotes: "[[dana-okafor]]"\nfixed owen-park.md:7: Add the colon: industry: At-home diagnostics\n17 contacts checked: 0 errors, 0 warnings\n',
      stderr: '',
    });
    expect(readFileSync(owen, 'utf8')).toBe(owenText);
    expect(readFileSync(maya, 'utf8')).toBe(mayaText);
  });

  it('--fix --json says what it repaired on stderr, and prints what is left as JSON', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('tags:\n  - ux-research\n  - diagnostics\n  - philadelphia\n', 'tags: [ux-research, diagnostics # from his article\n'));
    const result = rapport(['check', '--fix', '--json', '--dir', folder]);
    expect(result).toEqual({ code: 0, stdout: '[]\n', stderr: 'rapport: fixed owen-park.md:12: Close the list: add ] at the end of the line\n' });
    expect(readFileSync(file, 'utf8')).toContain('\ntags: [ux-research, diagnostics] # from his article\nhistory:\n');
  });

  it('exits 0 when there are only warnings', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, '.rapport/questions.md'), '- A question before any theme?\n');
    const result = rapport(['check', '--dir', folder]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\.rapport\/questions\.md:1:1 warning .* \[question-outside-theme\]$/m);
    expect(result.stdout).toContain('17 contacts checked: 0 errors, 1 warning');
  });

  it('works as the one-line git pre-commit hook of docs/cli.md', () => {
    const folder = exampleCopy();
    const shims = mkdtempSync(join(tmpdir(), 'rapport-path-'));
    // The documented hook calls `rapport`; this puts the built binary on PATH under that name.
    writeFileSync(join(shims, 'rapport'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${shims}:${process.env.PATH}`, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    const sh = (command: string) => spawnSync('sh', ['-c', command], { cwd: folder, encoding: 'utf8', env });
    expect(sh('git init -q').status).toBe(0);
    const readme = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
    const hook = readme.match(/^printf '#!\/bin\/sh.*pre-commit.*$/m)?.[0];
    expect(hook, 'docs/cli.md shows the hook as one printf line').toBeDefined();
    expect(sh(hook!).status).toBe(0);
    expect(sh('git add . && git commit -qm notes').status).toBe(0);
    writeFileSync(join(folder, 'broken.md'), BROKEN_NOTE);
    const refused = sh('git add . && git commit -qm broken');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('broken.md:4:8 error');
    expect(sh('git log --oneline').stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('graph', () => {
  it('draws the referral chain as Mermaid by default', () => {
    const result = rapport(['graph', '--dir', exampleCopy()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^flowchart LR\n/);
    for (const edge of ['n_dana_okafor --> n_maya_chen', 'n_maya_chen --> n_priya_raman', 'n_priya_raman --> n_marcus_bell', 'n_marcus_bell --> n_elena_vasquez']) expect(result.stdout).toContain(edge);
  });

  it('draws it as DOT', () => {
    const dot = rapport(['graph', '--format', 'dot', '--dir', exampleCopy()]);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph /);
    for (const edge of ['"dana-okafor" -> "maya-chen";', '"maya-chen" -> "priya-raman";', '"priya-raman" -> "marcus-bell";', '"marcus-bell" -> "elena-vasquez";']) expect(dot.stdout).toContain(edge);
  });

  it.skipIf(!hasGraphviz)('draws DOT that Graphviz renders (needs Debian graphviz: scripts/setup-test-env.sh)', () => {
    const dot = rapport(['graph', '--format', 'dot', '--dir', exampleCopy()]).stdout;
    const svg = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
    expect(svg.status, svg.stderr).toBe(0);
    expect(svg.stderr).toBe('');
    expect(svg.stdout).toContain('<svg');
    expect(svg.stdout).toContain('Marcus Bell');
  });

  it('draws someone Marcus links as [[renee-jackson]] and Priya names "Renee Jackson" as one person, with both referrers', () => {
    const folder = exampleCopy();
    const priya = join(folder, 'contacts/health-tech/priya-raman.md');
    writeFileSync(priya, readFileSync(priya, 'utf8').replace('- Referral: Grace Liu,', '- Referral: Renee Jackson, CMIO at Mon Valley Health\n- Referral: Grace Liu,'));
    const mermaid = rapport(['graph', '--dir', folder]).stdout;
    expect(mermaid.split('\n').filter((line) => /renee/i.test(line))).toEqual([
      '  n_renee_jackson["Renee Jackson (no note yet)"]:::pending',
      '  n_marcus_bell -.-> n_renee_jackson',
      '  n_priya_raman -.-> n_renee_jackson',
    ]);
    const dot = rapport(['graph', '--format', 'dot', '--dir', folder]).stdout;
    expect(dot.split('\n').filter((line) => /renee/i.test(line))).toEqual([
      '  "renee-jackson" [label="Renee Jackson (no note yet)", style=dashed];',
      '  "marcus-bell" -> "renee-jackson" [style=dashed];',
      '  "priya-raman" -> "renee-jackson" [style=dashed];',
    ]);
  });

  it('refuses an unknown format', () => {
    expectRefused(exampleCopy(), ['graph', '--format', 'svg'], 2, 'unknown graph format "svg" (use mermaid or dot)');
  });
});

describe('report', () => {
  interface Figures {
    outreachSent: number;
    contacted: number;
    replied: number;
    replyRate: number | null;
    meetingsHeld: number;
    thankYous: number;
    thankYousOnTime: number;
    referralsGained: number;
  }

  it('reports outreach by ISO week as JSON, the weeks adding up to the total', () => {
    const folder = exampleCopy();
    const report = JSON.parse(rapport(['report', '--json', '--dir', folder]).stdout) as { since: string | null; weeks: (Figures & { week: string })[]; total: Figures };
    expect(report.since).toBeNull();
    expect(Object.keys(report.total).sort()).toEqual(['contacted', 'meetingsHeld', 'outreachSent', 'referralsGained', 'replied', 'replyRate', 'thankYous', 'thankYousOnTime']);
    expect(report.weeks.map((week) => week.week)).toEqual([...report.weeks.map((week) => week.week)].sort());
    for (const week of report.weeks) expect(week.week).toMatch(/^\d{4}-W\d{2}$/);
    for (const key of ['outreachSent', 'contacted', 'replied', 'meetingsHeld', 'thankYous', 'thankYousOnTime', 'referralsGained'] as const) {
      expect(report.weeks.reduce((sum, week) => sum + week[key], 0), key).toBe(report.total[key]);
    }
    expect(report.total.meetingsHeld).toBeGreaterThanOrEqual(4);
    // Every contact at the end of a referral edge counts once.
    const graph = rapport(['graph', '--format', 'dot', '--dir', folder]).stdout;
    const referred = new Set([...graph.matchAll(/-> "([^"]+)";/g)].map((match) => match[1]));
    expect(report.total.referralsGained).toBe(referred.size);
  });

  it('prints a table whose total row matches the JSON, and starts at --since', () => {
    const folder = exampleCopy();
    const total = (JSON.parse(rapport(['report', '--json', '--dir', folder]).stdout) as { total: Figures }).total;
    const text = rapport(['report', '--dir', folder]).stdout.trim().split('\n');
    expect(text[0]).toMatch(/^week\s+sent\s+contacted\s+reply rate\s+held\s+thanked on time\s+referrals$/);
    expect(text.find((row) => row.startsWith('total'))!.split(/\s+/)).toEqual(['total', String(total.outreachSent), String(total.contacted), `${Math.round(total.replyRate! * 100)}%`, String(total.meetingsHeld), `${total.thankYousOnTime}/${total.meetingsHeld}`, String(total.referralsGained)]);
    const since = JSON.parse(rapport(['report', '--json', '--since', '2026-11-16', '--dir', folder]).stdout) as { since: string; weeks: { week: string }[]; total: Figures };
    expect(since.since).toBe('2026-11-16');
    expect(since.weeks.every((week) => week.week >= '2026-W47')).toBe(true);
    expect(since.total.outreachSent).toBeLessThan(total.outreachSent);
  });

  it('refuses a bad --since', () => {
    expectRefused(exampleCopy(), ['report', '--since', 'last week'], 2, 'invalid --since "last week" (use YYYY-MM-DD)');
    expectRefused(exampleCopy(), ['report', '--since', '2026-12-01', '--today', '2026-11-01'], 2, '--since 2026-12-01 is after today (2026-11-01): the report would count nothing');
  });
});

describe('schema', () => {
  it('prints the JSON Schema of the frontmatter, without reading any folder', () => {
    const result = rapport(['schema', '--dir', join(tmpdir(), 'no-such-folder-needed')]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema).toEqual(JSON.parse(JSON.stringify(contactSchema)));
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['type', 'name', 'stage', 'history', 'referred_by']));
  });
});
