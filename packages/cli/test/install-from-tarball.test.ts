import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { exampleCopy } from './support/run-cli.js';

const cliPackage = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rapport-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('installs from the packed tarball with npm install -g, offline and with nothing else, and runs from the prefix', () => {
  execFileSync('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', scratch], { cwd: cliPackage, stdio: 'pipe' });
  expect(readdirSync(scratch)).toEqual(['rapport-cli-0.1.0.tgz']);

  const prefix = join(scratch, 'prefix');
  // --offline with an empty cache: the install fails if the tarball needs anything from a registry.
  execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, '--cache', join(scratch, 'npm-cache'), join(scratch, 'rapport-cli-0.1.0.tgz')], { stdio: 'pipe' });
  const installed = join(prefix, 'lib/node_modules/@rapport/cli');
  expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);

  const rapport = join(prefix, 'bin/rapport');
  const version = spawnSync(rapport, ['--version'], { encoding: 'utf8', cwd: scratch });
  expect(version.stdout).toBe('0.1.0\n');
  expect(version.status).toBe(0);

  const notes = exampleCopy();
  const agenda = spawnSync(rapport, ['agenda', '--today', '2026-11-23'], { encoding: 'utf8', cwd: notes, env: { ...process.env, NO_COLOR: '1' } });
  expect(agenda.stderr).toBe('');
  expect(agenda.status).toBe(0);
  expect(agenda.stdout.split('\n').slice(0, 3)).toEqual([
    'Overdue (4)',
    '  2026-11-10  No reply from Hannah Schultz yet: try a second person at Northside Respiratory  → rapport new "Full Name" --org "Northside Respiratory" (or: rapport dismiss hannah-schultz)',
    '  2026-11-16  Follow up with Hannah Schultz if there is no reply  → rapport letter follow-up hannah-schultz',
  ]);

  // The charts ship in their own file of the package (dist/charts.cjs), loaded by --html only.
  const html = spawnSync(rapport, ['report', '--html', join(scratch, 'report.html'), '--today', '2026-11-23'], { encoding: 'utf8', cwd: notes, env: { ...process.env, NO_COLOR: '1' } });
  expect(html.stderr).toBe('');
  expect(html.status).toBe(0);
  expect(readFileSync(join(scratch, 'report.html'), 'utf8')).toContain('aria-label="identified: 17 contacts"');
}, 180_000);
