import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, snapshot } from './support/run-cli.js';

const TODAY = '2026-11-23';

describe('the notes folder, found like git finds a repository', () => {
  it('is the nearest folder with .rapport/ above the current one: the same list from a subfolder as from the top', () => {
    const folder = exampleCopy();
    const fromTop = rapport(['list', '--today', TODAY], { cwd: folder });
    const fromSubfolder = rapport(['list', '--today', TODAY], { cwd: join(folder, 'contacts', 'health-tech') });
    expect(fromTop.code).toBe(0);
    expect(fromTop.stdout.split('\n')[0]).toBe('Aisha Karim        nurturing    Tell Aisha how the coffee with Ben Osei went (due 2026-11-27) · Steel City Health Innovation Lab');
    expect(fromSubfolder).toEqual(fromTop);
  });

  it('gives letters the profile of .rapport/config.yaml from a subfolder', () => {
    const folder = exampleCopy();
    const result = rapport(['letter', 'thank-you', 'marcus-bell', '--today', TODAY], { cwd: join(folder, 'contacts', 'health-tech') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('\nJordan Reyes\n');
  });

  it('takes note paths from the current folder, and new writes into notes_folder, printing the path from here', () => {
    const folder = exampleCopy();
    const here = join(folder, 'contacts', 'health-tech');
    const advanced = rapport(['advance', './marcus-bell.md', 'thanked', '--date', TODAY], { cwd: here });
    expect(advanced).toEqual({ code: 0, stdout: 'Marcus Bell: held → thanked (2026-11-23)  contacts/health-tech/marcus-bell.md\n', stderr: '' });
    const created = rapport(['new', 'Lee Park', '--referred-by', 'marcus-bell', '--date', TODAY], { cwd: here });
    expect(created).toEqual({ code: 0, stdout: '../lee-park.md\n', stderr: '' });
    expect(readFileSync(join(folder, 'contacts', 'lee-park.md'), 'utf8')).toContain('referred_by: "[[marcus-bell]]"');
    expect(existsSync(join(here, 'lee-park.md'))).toBe(false);
    expect(rapport(['new', 'Ada Stone', '--date', TODAY], { cwd: folder }).stdout).toBe('contacts/ada-stone.md\n');
    expect(rapport(['new', 'Bo Stone', '--date', TODAY], { cwd: join(folder, '.rapport') }).stdout).toBe('../contacts/bo-stone.md\n');
  });

  it('lists a symlink to a note as that note, once, and takes the link for the note it leads to', () => {
    const folder = exampleCopy();
    symlinkSync('contacts/health-tech/marcus-bell.md', join(folder, 'marcus.md'));
    const listed = rapport(['list', '--today', TODAY], { cwd: folder });
    expect(listed.stdout.split('\n').filter((line) => line.startsWith('Marcus Bell'))).toEqual(['Marcus Bell        held         Send Marcus Bell a thank-you note (overdue 2026-11-21) · Monongahela Valley Health']);
    expect(rapport(['advance', 'marcus', 'thanked', '--date', TODAY], { cwd: folder })).toEqual({ code: 0, stdout: 'Marcus Bell: held → thanked (2026-11-23)  contacts/health-tech/marcus-bell.md\n', stderr: '' });
    expect(rapport(['log', 'marcus.md', '--note', 'Sent the article', '--date', TODAY], { cwd: folder }).stdout).toBe('Marcus Bell: logged (2026-11-23, still thanked)  contacts/health-tech/marcus-bell.md\n');
    expect(lstatSync(join(folder, 'marcus.md')).isSymbolicLink()).toBe(true);
    // Named from outside the folder, with --dir: the link's own name still leads to the note.
    expect(rapport(['log', 'marcus', '--note', 'Replied', '--date', TODAY, '--dir', folder], { cwd: tmpdir() }).stdout).toBe('Marcus Bell: logged (2026-11-23, still thanked)  contacts/health-tech/marcus-bell.md\n');
  });

  it('is what --dir names, whatever folder the command runs in', () => {
    const folder = exampleCopy();
    const other = mkdtempSync(join(tmpdir(), 'rapport-cli-other-'));
    mkdirSync(join(other, '.rapport'));
    expect(rapport(['list', '--today', TODAY, '--dir', other], { cwd: join(folder, 'contacts') }).stdout).toBe('No contacts match.\n');
    const created = rapport(['new', 'Cy Park', '--date', TODAY, '--dir', folder], { cwd: other });
    expect(created.stdout).toBe('contacts/cy-park.md\n');
  });

  it('reads a leading ~ in --dir as the home folder, as a shell would, when it reaches rapport unexpanded', () => {
    const home = mkdtempSync(join(tmpdir(), 'rapport-cli-home-'));
    cpSync(exampleCopy(), join(home, 'job-search'), { recursive: true });
    for (const args of [['--dir=~/job-search'], ['--dir', '~/job-search']]) {
      const listed = rapport(['list', '--today', TODAY, ...args], { env: { HOME: home } });
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout.split('\n')[0]).toBe('Aisha Karim        nurturing    Tell Aisha how the coffee with Ben Osei went (due 2026-11-27) · Steel City Health Innovation Lab');
    }
  });

  it('names a --dir folder that does not exist instead of listing no contacts', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'rapport-cli-gone-')), 'job-serach');
    const listed = rapport(['list', '--today', TODAY, '--dir', missing]);
    expect(listed.stdout).toBe('');
    expect(listed.stderr).toContain(`notes folder not found: ${missing}`);
    expect(listed.code).not.toBe(0);
  });

  it('is the current folder when no folder above has .rapport/', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-bare-'));
    expect(rapport(['new', 'Dee Ray', '--date', TODAY], { cwd: folder })).toEqual({ code: 0, stdout: 'dee-ray.md\n', stderr: '' });
    expect(existsSync(join(folder, 'dee-ray.md'))).toBe(true);
  });

  it('is not looked for by init, which sets up the folder it is given or the current one', () => {
    const folder = exampleCopy();
    const inner = join(folder, 'contacts', 'new-search');
    mkdirSync(inner);
    const before = snapshot(folder);
    const result = rapport(['init'], { cwd: inner });
    expect(result.code, result.stderr).toBe(0);
    // Run from inside the new folder, which commands there find themselves: no --dir to type.
    expect(result.stdout).toContain(`Notes folder ready: ${inner}\nNext: rapport new "Full Name" --org "Organization"\n`);
    expect(existsSync(join(inner, '.rapport', 'config.yaml'))).toBe(true);
    const after = snapshot(folder);
    for (const [path, hash] of Object.entries(before)) expect(after[path], path).toBe(hash);
  });
});
