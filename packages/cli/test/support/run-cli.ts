import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
export const exampleFolder = fileURLToPath(new URL('../../../../examples/job-search', import.meta.url));

if (!existsSync(bin)) throw new Error(`${bin} is missing: build the CLI first (pnpm build)`);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `rapport` binary, as piped output (no TTY), without colours. */
export function rapport(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh copy of the example notes folder. */
export function exampleCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  cpSync(exampleFolder, folder, { recursive: true });
  return folder;
}

/** Every file's hash, to prove a failed command wrote nothing. */
export function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else result[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return result;
}
