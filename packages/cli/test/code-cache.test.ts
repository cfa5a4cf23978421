import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleCopy, hasSetpriv, isRoot } from './support/run-cli.js';

const entry = fileURLToPath(new URL('../dist/rapport.cjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rapport-code-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh cache home ($XDG_CACHE_HOME): the CLI keeps its compiled code in `<home>/rapport`. */
function cacheHome(): string {
  return mkdtempSync(join(scratch, 'home-'));
}

function rapport(args: readonly string[], home: string, cwd: string) {
  const result = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: home } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The cache files in `<home>/rapport`, each with what identifies one write of it. */
function cacheFiles(home: string): Map<string, string> {
  const folder = join(home, 'rapport');
  return new Map(readdirSync(folder).map((name) => {
    const stat = statSync(join(folder, name));
    return [name, `${stat.ino} ${stat.mtimeMs} ${stat.size}`];
  }));
}

const AGENDA = ['agenda', '--today', '2026-11-23'];

/** A copy of the example and a cache home after two agenda runs: its settled code file, and what the runs printed. */
function settledCache() {
  const home = cacheHome();
  const folder = exampleCopy();
  const expected = rapport(AGENDA, home, folder);
  rapport(AGENDA, home, folder);
  const [name] = cacheFiles(home).keys();
  return { home, folder, expected, name: name! };
}

describe('the code cache', () => {
  it('is written after the first run of a command, completed after the second, then read unchanged; one per command', () => {
    const home = cacheHome();
    const folder = exampleCopy();
    // The first run reads every note and writes the index cache; the next ones read that.
    const first = rapport(AGENDA, home, folder);
    expect(first.code, first.stderr).toBe(0);
    const [firstName] = cacheFiles(home).keys();
    expect(firstName).toMatch(/^program-[0-9a-f]{16}-agenda-x64-v8-.+\.first\.bin$/);
    // Only the user may read code that the CLI will run.
    expect(statSync(join(home, 'rapport')).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'rapport', firstName!)).mode & 0o777).toBe(0o600);

    const second = rapport(AGENDA, home, folder);
    expect(second).toEqual(first);
    const settled = cacheFiles(home);
    const name = firstName!.replace(/\.first\.bin$/, '.bin');
    expect([...settled.keys()]).toEqual([name]);

    for (let run = 0; run < 2; run++) {
      expect(rapport(AGENDA, home, folder)).toEqual(first);
      // Accepted by V8: a refused cache would be written again.
      expect(cacheFiles(home)).toEqual(settled);
    }

    expect(rapport(['check'], home, folder).code).toBe(0);
    expect([...cacheFiles(home).keys()].sort()).toEqual([name, name.replace('-agenda-', '-check-').replace(/\.bin$/, '.first.bin')]);
  });

  it('replaces a damaged cache file, with the output unchanged', () => {
    const { home, folder, expected: clean, name } = settledCache();
    const file = join(home, 'rapport', name);
    const good = readFileSync(file);
    for (const damaged of [Buffer.from('not compiled code'), good.subarray(0, good.length >> 1), Buffer.alloc(0)]) {
      writeFileSync(file, damaged);
      // Refused: run without it, and start over (a first run's code, then the settled file).
      expect(rapport(AGENDA, home, folder)).toEqual(clean);
      expect([...cacheFiles(home).keys()]).toEqual([name.replace(/\.bin$/, '.first.bin')]);
      expect(rapport(AGENDA, home, folder)).toEqual(clean);
      expect([...cacheFiles(home).keys()]).toEqual([name]);
    }
  });

  it('runs as without a cache when the cache folder cannot be made, and says nothing of it', () => {
    const home = join(cacheHome(), 'a-file');
    writeFileSync(home, 'not a folder\n');
    const folder = exampleCopy();
    const result = rapport(AGENDA, home, folder);
    expect(result).toEqual(rapport(AGENDA, cacheHome(), folder));
    expect(result.stderr).toBe('');
  });

  it.runIf(!isRoot || hasSetpriv)('runs as without a cache when the cache folder is read-only', () => {
    const home = cacheHome();
    const folder = exampleCopy();
    const expected = rapport(AGENDA, home, folder);
    rmSync(join(home, 'rapport'), { recursive: true });
    mkdirSync(join(home, 'rapport'), { mode: 0o500 });
    chmodSync(home, 0o555);
    const command = isRoot ? 'setpriv' : process.execPath;
    const args = [...(isRoot ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : []), entry, ...AGENDA];
    chmodSync(folder, 0o777);
    for (const name of readdirSync(folder, { recursive: true })) chmodSync(join(folder, String(name)), 0o777);
    const result = spawnSync(command, args, { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: home } });
    expect({ code: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual(expected);
    expect(readdirSync(join(home, 'rapport'))).toEqual([]);
  });

  it('neither reads nor writes compiled code in a folder others can write to', () => {
    const { home, folder, expected, name } = settledCache();
    // Code someone else could have put there would run as the user: the file is not even read.
    writeFileSync(join(home, 'rapport', name), 'not compiled code');
    chmodSync(join(home, 'rapport'), 0o777);
    for (let run = 0; run < 2; run++) expect(rapport(AGENDA, home, folder)).toEqual(expected);
    expect(readFileSync(join(home, 'rapport', name), 'utf8')).toBe('not compiled code');
    expect([...cacheFiles(home).keys()]).toEqual([name]);
  });

  it("clears out other builds' code last written over 30 days ago, and keeps the rest", () => {
    const home = cacheHome();
    const folder = join(home, 'rapport');
    mkdirSync(folder);
    const day = 24 * 60 * 60;
    const now = Date.now() / 1000;
    const stale = 'program-0000000000000000-agenda-x64-v8-11.0.0.bin';
    const recent = 'program-1111111111111111-agenda-x64-v8-11.0.0.bin';
    const other = 'notes.txt';
    for (const name of [stale, recent, other]) writeFileSync(join(folder, name), 'x');
    utimesSync(join(folder, stale), now - 31 * day, now - 31 * day);
    utimesSync(join(folder, recent), now - 29 * day, now - 29 * day);
    utimesSync(join(folder, other), now - 400 * day, now - 400 * day);
    expect(rapport(AGENDA, home, exampleCopy()).code).toBe(0);
    const names = [...cacheFiles(home).keys()];
    expect(names).not.toContain(stale);
    expect(names).toContain(recent);
    expect(names).toContain(other);
    expect(names.filter((name) => name.endsWith('.first.bin'))).toHaveLength(1);
  });
});
