import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
export const exampleFolder = fileURLToPath(new URL('../../../../examples/job-search', import.meta.url));

// These tests run the built binary and never build it: `pnpm test` builds first.
if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (npx -y pnpm@10 run build, or npx tsc -p packages/cli/tsconfig.build.json)`);
if (!existsSync(exampleFolder)) throw new Error(`${exampleFolder} is missing: the CLI tests run on a copy of the example notes folder`);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An environment without the variables that switch colours or progress on or off, plus `env`. */
function cleanEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'TERM']) delete result[name];
  return { ...result, ...env };
}

/** Runs the real `rapport` binary, as piped output (no TTY), without colours. */
export function rapport(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? tmpdir(),
    encoding: 'utf8',
    env: cleanEnv({ NO_COLOR: '1', ...options.env }),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Whether util-linux `script` is here to give the binary a terminal. */
export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * Runs the binary on a pseudo-terminal (util-linux `script`), as a user at a
 * terminal would: stdout and stderr both arrive in `output`.
 */
export function rapportInTerminal(args: readonly string[], env: NodeJS.ProcessEnv = {}): { code: number; output: string } {
  const command = [process.execPath, bin, ...args].map(shellQuote).join(' ');
  const result = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], { encoding: 'utf8', env: cleanEnv({ TERM: 'xterm-256color', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status ?? -1, output: result.stdout };
}

/** Whether writes can be refused with file modes: root ignores them, so root tests drop to `nobody` with util-linux `setpriv`. */
export const isRoot = process.getuid?.() === 0;
export const hasSetpriv = spawnSync('setpriv', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs the binary as an unprivileged user (nobody, when the tests run as root), so read-only modes hold. */
export function rapportUnprivileged(args: readonly string[]): CliResult {
  const command = isRoot ? 'setpriv' : process.execPath;
  const prefix = isRoot ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [];
  const result = spawnSync(command, [...prefix, bin, ...args], { cwd: tmpdir(), encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1' }) });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh copy of the example notes folder, without the index cache a run of the demo leaves there. */
export function exampleCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
  cpSync(exampleFolder, folder, { recursive: true, filter: (source) => !/[\\/]\.rapport[\\/]cache$/.test(source) });
  return folder;
}

/** Makes every folder under `root` (and `root`) readable but not writable by anyone but root. */
export function makeReadOnly(root: string): void {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) if (lstatSync(join(dir, name)).isDirectory()) walk(join(dir, name));
    chmodSync(dir, 0o555);
  };
  walk(root);
}

/** Every file's hash, every folder and every symlink's target, to prove a failed command wrote nothing (lock folders and the index cache included). */
export function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = lstatSync(path);
      if (info.isDirectory()) {
        result[`${relative(folder, path)}/`] = 'folder';
        walk(path);
      } else if (info.isSymbolicLink()) result[relative(folder, path)] = `symlink → ${readlinkSync(path)}`;
      else result[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return result;
}

/** What the user keeps: `snapshot` without the index cache a successful command may refresh in `.rapport/cache/`. */
export function userFiles(folder: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(folder)).filter(([path]) => !path.startsWith(INDEX_CACHE_FOLDER)));
}

const INDEX_CACHE_FOLDER = `.rapport${sep}cache${sep}`;

/**
 * An environment for real git with the built CLI on the PATH as `rapport` (as a
 * user's git hooks and merge driver find it), a fixed author and no system or
 * user git config.
 */
export function gitEnvironmentWithRapport(): NodeJS.ProcessEnv {
  const shims = mkdtempSync(join(tmpdir(), 'rapport-bin-'));
  writeFileSync(join(shims, 'rapport'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(join(shims, 'rapport'), 0o755);
  return {
    PATH: `${shims}${delimiter}${process.env.PATH}`,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: shims,
  };
}
