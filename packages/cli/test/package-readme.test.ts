import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bin } from './support/run-cli.js';

it("runs the example of the package's README as written, and prints what it says", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const commands = readme.match(/^## Example\n[\s\S]*?^```sh\n([\s\S]*?)^```$/m)?.[1];
  const printed = readme.match(/^The agenda ends with:\n\n```text\n([\s\S]*?)^```$/m)?.[1];
  expect(commands?.split('\n')[0]).toBe('rapport init job-search --today 2026-11-23');
  expect(printed).toBe('Ready to write (2)\n  anytime     Write to Example Contact  → rapport letter cold-email example-contact\n  anytime     Write to Maya Chen  → rapport letter cold-email maya-chen\n');

  const scratch = mkdtempSync(join(tmpdir(), 'rapport-readme-'));
  // `rapport` on the PATH, as the README's install puts it.
  writeFileSync(join(scratch, 'rapport'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`, { mode: 0o755 });
  // In a time zone, as the reader's computer is: `init` warns on a computer that says UTC (a CI machine's), and the README shows no warning.
  const result = spawnSync('sh', ['-e', '-c', commands!], { cwd: scratch, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TZ: 'America/New_York', PATH: `${scratch}:${process.env.PATH}` } });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout.endsWith(`contacts/maya-chen.md\n${printed}`)).toBe(true);
  expect(readFileSync(join(scratch, 'job-search/contacts/maya-chen.md'), 'utf8')).toContain('organization: Brightline Health\n');
});
