import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleCopy } from './support/run-cli.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const preload = fileURLToPath(new URL('./support/deny-network.cjs', import.meta.url));

/** Every command, as a user would run it over a copy of the example folder. */
const COMMANDS: readonly (readonly string[])[] = [
  ['--help'],
  ['list'],
  ['list', '--json'],
  ['agenda', '--today', '2026-11-23'],
  ['check'],
  ['graph'],
  ['graph', '--format', 'dot'],
  ['report'],
  ['report', '--csv'],
  ['report', '--html', join(mkdtempSync(join(tmpdir(), 'rapport-no-network-')), 'report.html')],
  ['schema'],
  ['new', 'Network Tester', '--org', 'Offline Inc'],
  ['advance', 'maya-chen', 'nurturing', '--date', '2026-11-23'],
  ['letter', 'thank-you', 'marcus-bell', '--draft'],
  ['trust', '--status'],
  ['questions'],
  ['export', 'ics'],
  ['export', 'vcard'],
  ['export', 'csv'],
  ['export', 'json'],
];

describe('no command reaches the network', () => {
  it('has a built CLI to run', () => {
    expect(existsSync(bin), 'run `pnpm build` first').toBe(true);
  });

  it.each(COMMANDS.map((args) => [args.join(' '), args]))('rapport %s', (_, args) => {
    const folder = exampleCopy();
    const result = spawnSync(process.execPath, ['--require', preload, bin, ...args, '--dir', folder], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stderr).not.toContain('NETWORK ATTEMPT');
    expect(result.status, result.stderr).not.toBe(99);
    expect([0, 1]).toContain(result.status);
  });
});
