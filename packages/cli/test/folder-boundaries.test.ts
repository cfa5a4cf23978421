import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, snapshot } from './support/run-cli.js';

const TODAY = '2026-12-05';
const EXAMPLE = join(import.meta.dirname, '../../../examples/job-search');

/** A copy of the example outside the notes folder, as the tester made it: `O=$(mktemp -d); cp -r examples/job-search/. $O`. */
function outsideCopy(): string {
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'rapport-cli-outside-')));
  cpSync(EXAMPLE, outside, { recursive: true });
  return outside;
}

describe('a notes folder with a linked folder that leads out of it', () => {
  it('does not list the linked folder (no contact counted twice) and refuses a note named through it, writing nothing', () => {
    const folder = exampleCopy();
    const outside = outsideCopy();
    symlinkSync(outside, join(folder, 'escapedir'));
    const before = snapshot(outside);
    expect(rapport(['check'], { cwd: folder })).toEqual({ code: 0, stdout: '17 contacts checked: 0 errors, 0 warnings\n', stderr: '' });
    const advanced = rapport(['advance', 'escapedir/owen-park.md', 'followed-up', '--today', TODAY], { cwd: folder });
    expect(advanced).toEqual({
      code: 2,
      stdout: '',
      stderr: `rapport: escapedir/owen-park.md: its folder escapedir is a symbolic link to ${outside}, outside the notes folder (${folder}): give a note inside it, or --dir\n`,
    });
    expect(snapshot(outside)).toEqual(before);
    expect(readFileSync(join(folder, 'owen-park.md'), 'utf8')).toBe(readFileSync(join(EXAMPLE, 'owen-park.md'), 'utf8'));
  });

  it('refuses to create a note when notes_folder is a link out of the folder', () => {
    const folder = exampleCopy();
    const outside = outsideCopy();
    symlinkSync(outside, join(folder, 'linkdir'));
    const config = join(folder, '.rapport/config.yaml');
    execFileSync('sed', ['-i', 's/^notes_folder:.*/notes_folder: linkdir/', config]);
    expect(readFileSync(config, 'utf8')).toContain('\nnotes_folder: linkdir\n');
    const created = rapport(['new', 'Test Person', '--today', TODAY], { cwd: folder });
    expect(created).toEqual({
      code: 3,
      stdout: '',
      stderr: `rapport: linkdir/test-person.md cannot be edited: its folder linkdir is a symbolic link to ${outside}, outside the notes folder; Rapport edits only notes inside it\n`,
    });
    expect(existsSync(join(outside, 'test-person.md'))).toBe(false);
  });
});

describe('a contact named by a path outside the notes folder', () => {
  it.each([
    ['an absolute path', '/tmp/other/owen-park.md', 'rapport: /tmp/other/owen-park.md is outside the notes folder ({folder}): give a note inside it, or --dir\n'],
    ['a path up and out', '../elsewhere/owen-park.md', 'rapport: ../elsewhere/owen-park.md is outside the notes folder ({folder}): give a note inside it, or --dir\n'],
    ['a folder path', 'owen-park.md/', 'rapport: owen-park.md/ ends in /, so it names a folder: give the note, such as owen-park.md\n'],
  ])('is refused, not taken for the note of the same name inside (%s)', (_what, reference, message) => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    const logged = rapport(['log', reference, '--note', 'x', '--today', TODAY], { cwd: folder });
    expect(logged).toEqual({ code: 2, stdout: '', stderr: message.replace('{folder}', folder) });
    expect(snapshot(folder)).toEqual(before);
  });

  it('still takes an id, a path inside, and a path from a subfolder up to the notes folder', () => {
    const folder = exampleCopy();
    expect(rapport(['log', 'owen-park', '--note', 'By id', '--today', TODAY], { cwd: folder }).code).toBe(0);
    expect(rapport(['log', `${folder}/owen-park.md`, '--note', 'By absolute path', '--today', TODAY], { cwd: join(folder, 'contacts') }).code).toBe(0);
    expect(rapport(['log', '../../owen-park.md', '--note', 'From a subfolder', '--today', TODAY], { cwd: join(folder, 'contacts/health-tech') }).code).toBe(0);
    expect(rapport(['log', 'owen-park.md', '--note', 'With --dir', '--today', TODAY, '--dir', folder], { cwd: tmpdir() }).code).toBe(0);
    const note = readFileSync(join(folder, 'owen-park.md'), 'utf8');
    for (const words of ['By id', 'By absolute path', 'From a subfolder', 'With --dir']) expect(note).toContain(words);
  });
});

describe('special and huge files named like notes', () => {
  it('reports a named pipe, a link to a device and a 300 MB file as unreadable, without blocking or reading them', () => {
    const folder = exampleCopy();
    execFileSync('mkfifo', [join(folder, 'fifo.md')]);
    symlinkSync('/dev/zero', join(folder, 'zero.md'));
    execFileSync('truncate', ['-s', '300M', join(folder, 'big.md')]);
    const checked = rapport(['check'], { cwd: folder });
    expect(checked.code).toBe(1);
    expect(checked.stdout.split('\n').filter((line) => /^(big|fifo|zero)\.md/.test(line))).toEqual([
      'big.md:1:1 error The note cannot be read: it is 300 MB: too large to be a note (Rapport reads notes of up to 10 MB) [unreadable-file]',
      'fifo.md:1:1 error The note cannot be read: it is a named pipe (FIFO), not a file [unreadable-file]',
      'zero.md:1:1 error The note cannot be read: it is a device, not a file [unreadable-file]',
    ]);
    expect(rapport(['list', '--today', TODAY], { cwd: folder }).code).toBe(0);
  });
});

describe('a folder without .rapport/ that would be all of the disk', () => {
  it('refuses / and the home folder as the notes folder, and reads nothing', () => {
    const home = realpathSync(mkdtempSync(join(tmpdir(), 'rapport-cli-home-')));
    mkdirSync(join(home, 'Documents'));
    expect(rapport(['list'], { cwd: home, env: { HOME: home } })).toEqual({ code: 3, stdout: '', stderr: `rapport: no notes folder here: ${home} has no .rapport/ (run rapport init there, or give --dir)\n` });
    expect(existsSync(join('/', '.rapport'))).toBe(false);
    expect(rapport(['list'], { cwd: '/' })).toEqual({ code: 3, stdout: '', stderr: 'rapport: no notes folder here: / has no .rapport/ (run rapport init there, or give --dir)\n' });
    // Asked for by --dir, or marked by a .rapport/, the home folder is a notes folder like any other.
    expect(rapport(['list', '--dir', home], { cwd: tmpdir(), env: { HOME: home } }).code).toBe(0);
    expect(readdirSync(home)).toEqual(['Documents']);
  });
});

describe('a read-only note', () => {
  it('is not replaced by an edit: exit 3, nothing written', () => {
    const folder = exampleCopy();
    chmodSync(join(folder, 'hannah-schultz.md'), 0o444);
    const before = snapshot(folder);
    const logged = rapport(['log', 'hannah-schultz', '--note', 'Sent the article', '--today', TODAY], { cwd: folder });
    expect(logged).toEqual({ code: 3, stdout: '', stderr: 'rapport: hannah-schultz.md is read-only: Rapport leaves it as it is (make it writable to edit it, e.g. chmod u+w hannah-schultz.md)\n' });
    expect(snapshot(folder)).toEqual(before);
  });
});
