import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, hasSetpriv, isRoot, makeReadOnly, rapport, rapportUnprivileged, snapshot } from './support/run-cli.js';

/**
 * A read-only notes folder. File modes do not stop root, so when the tests
 * run as root the binary runs as `nobody` (util-linux `setpriv`); the
 * "parent is a file" cases in cli.test.ts cover unwritable paths for root itself.
 */
const canDropPrivileges = !isRoot || hasSetpriv;

function readOnlyExample(): string {
  const folder = exampleCopy();
  // mkdtemp makes the folder private to its owner; `nobody` must be able to read it.
  chmodSync(folder, 0o755);
  makeReadOnly(folder);
  return folder;
}

describe.skipIf(!canDropPrivileges)('a read-only notes folder (as root this needs util-linux setpriv)', () => {
  it('can still be read', () => {
    const folder = readOnlyExample();
    const result = rapportUnprivileged(['check', '--dir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: '17 contacts checked: 0 errors, 0 warnings\n' });
  });

  it.each([
    [['advance', 'maya-chen', 'nurturing', '--date', '2026-11-23'], 'cannot write to {folder}: permission denied'],
    [['advance', 'marcus-bell', 'thanked'], 'cannot write to {folder}/contacts/health-tech: permission denied'],
    [['new', 'Renee Jackson', '--org', 'Monongahela Valley Health'], 'cannot write to {folder}/contacts: permission denied'],
  ])('refuses %j with exit 3, one line, and writes nothing', (args, message) => {
    const folder = readOnlyExample();
    const before = snapshot(folder);
    const result = rapportUnprivileged([...args, '--dir', folder]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`rapport: ${message.replace('{folder}', folder)}\n`);
    expect(snapshot(folder)).toEqual(before);
  });

  it('refuses init inside a read-only folder with exit 3, creating nothing', () => {
    const parent = mkdtempSync(join(tmpdir(), 'rapport-readonly-'));
    chmodSync(parent, 0o555);
    const result = rapportUnprivileged(['init', join(parent, 'search')]);
    expect(result).toMatchObject({ code: 3, stdout: '', stderr: `rapport: cannot create ${join(parent, 'search')}: permission denied\n` });
    expect(snapshot(parent)).toEqual({});
  });

  it('refuses init of a read-only folder that exists, creating nothing', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'rapport-readonly-')), 'search');
    mkdirSync(folder);
    chmodSync(join(folder, '..'), 0o755);
    chmodSync(folder, 0o555);
    const result = rapportUnprivileged(['init', folder]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toBe(`rapport: cannot create ${folder}/.rapport: permission denied\n`);
    expect(snapshot(folder)).toEqual({});
  });
});

describe('the same commands as the owner of a writable copy', () => {
  it('succeed, so the refusals above come from the folder mode alone', () => {
    const folder = exampleCopy();
    expect(rapport(['advance', 'maya-chen', 'nurturing', '--date', '2026-11-23', '--dir', folder]).code).toBe(0);
    expect(rapport(['new', 'Renee Jackson', '--dir', folder])).toMatchObject({ code: 0, stdout: 'contacts/renee-jackson.md\n' });
  });
});
