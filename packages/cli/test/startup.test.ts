import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleCopy } from './support/run-cli.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const entry = join(dist, 'rapport.cjs');
const recorder = fileURLToPath(new URL('./support/record-loads.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rapport-loads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let runs = 0;

/** Runs the entry with `args` and returns Node's own modules it loaded, as `builtin:<name>`. */
function builtinsLoadedBy(args: readonly string[], cwd: string): string[] {
  const record = join(scratch, `loads-${++runs}.txt`);
  const result = spawnSync(process.execPath, ['--import', recorder, entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', RAPPORT_LOADS: record } });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(record, 'utf8').split('\n').filter((line) => line.startsWith('builtin:'));
}

interface ModulesRun {
  /** Every module of the program that runs only when first used (reached through `import()`), by its path in the build. */
  readonly onDemand: string[];
  /** Those of them that ran. */
  readonly ran: string[];
}

/**
 * Runs the entry with `args` under V8's coverage and says which of the program's modules
 * ran. esbuild wraps each module reached through `import()` in a function named after
 * the module's path and calls it on first use: its count is whether the module ran.
 */
function modulesRunBy(args: readonly string[], cwd: string): ModulesRun {
  const coverage = join(scratch, `coverage-${++runs}`);
  // A code cache folder of its own, empty: what this run compiles does not depend on what other tests' runs left.
  const codeCache = join(scratch, `code-cache-${runs}`);
  const result = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_V8_COVERAGE: coverage, XDG_CACHE_HOME: codeCache } });
  expect(result.status, result.stderr).toBe(0);
  const program = pathToFileURL(join(dist, 'program.cjs')).href;
  const scripts = readdirSync(coverage).flatMap((file) => (JSON.parse(readFileSync(join(coverage, file), 'utf8')) as { result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] }).result);
  const wrappers = scripts.filter((script) => script.url === program).flatMap((script) => script.functions).filter((fn) => /\.(ts|js|mjs|cjs)$/.test(fn.functionName));
  // Said in full when it fails: this check failed once in a whole-suite run on a loaded machine, and never alone.
  const programScripts = scripts.filter((script) => script.url === program);
  expect(wrappers.length, `${programScripts.length} coverage entries for ${program} (${programScripts.map((script) => script.functions.length).join(', ')} functions); scripts: ${scripts.map((script) => script.url).filter((url) => !url.startsWith('node:')).join(', ')}`).toBeGreaterThan(0);
  return { onDemand: wrappers.map((fn) => fn.functionName), ran: wrappers.filter((fn) => fn.ranges[0]!.count > 0).map((fn) => fn.functionName) };
}

describe('startup', () => {
  it('answers --version from the entry file alone: it needs no other file, and loads no node:vm', () => {
    const alone = mkdtempSync(join(scratch, 'alone-'));
    copyFileSync(entry, join(alone, 'rapport.cjs'));
    const result = spawnSync(process.execPath, [join(alone, 'rapport.cjs'), '--version'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(builtinsLoadedBy(['--version'], scratch)).not.toContain('builtin:vm');
  });

  it('runs agenda without running the importers, exporters, letters (Eta), slugify or string-width; letter runs Eta', () => {
    const heavy = /core\/src\/(import|export|letters)\/|\/(eta|csv-parse|csv-stringify|ical\.js|@sindresorhus\/slugify|proper-lockfile|string-width|get-east-asian-width)\//;
    const agenda = modulesRunBy(['agenda', '--today', '2026-11-23'], exampleCopy());
    // Each of them is in the program, to run when first used.
    for (const library of ['/eta/', '/csv-parse/', '/ical.js/', '/string-width/', 'core/src/letters/']) expect(agenda.onDemand.some((path) => path.includes(library)), library).toBe(true);
    expect(agenda.ran).toContain('../core/src/lifecycle/next-action.ts');
    expect(agenda.ran.filter((path) => heavy.test(path))).toEqual([]);
    const letter = modulesRunBy(['letter', 'thank-you', 'marcus-bell', '--draft', '--today', '2026-11-23'], exampleCopy());
    expect(letter.ran.some((path) => path.includes('/eta/'))).toBe(true);
  });

  it('is ASCII, which the entry reads as Latin-1 (a copy) rather than decoding UTF-8', () => {
    const program = readFileSync(join(dist, 'program.cjs'));
    expect(program.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it('loads neither node:child_process (commander takes it on first use) nor node:crypto for agenda', () => {
    const builtins = builtinsLoadedBy(['agenda', '--today', '2026-11-23'], exampleCopy());
    expect(builtins).toContain('builtin:fs');
    expect(builtins.filter((name) => /^builtin:(child_process|crypto)$/.test(name))).toEqual([]);
  });

  // (Their internal modules are left out: the recorder, an ES module, loads them itself.)
  it('loads no node:fs/promises (which takes readline and streams with it), nor node:timers/promises, for agenda and check', () => {
    const folder = exampleCopy();
    for (const args of [['agenda', '--today', '2026-11-23'], ['check']]) {
      const builtins = builtinsLoadedBy(args, folder);
      expect(builtins, args[0]).toContain('builtin:fs');
      expect(builtins.filter((name) => /^builtin:(fs|timers)\/promises$/.test(name)), args[0]).toEqual([]);
    }
  });

  it('asks Intl for no date formatter, no list of zones and no collator once the cache holds the zone and the order: agenda, check and list on an unchanged folder', () => {
    const folder = exampleCopy();
    const counter = fileURLToPath(new URL('./support/count-intl.mjs', import.meta.url));
    const intlAsked = (args: readonly string[]) => {
      const record = join(scratch, `intl-${++runs}.txt`);
      const result = spawnSync(process.execPath, ['--import', counter, entry, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', RAPPORT_INTL: record } });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(record, 'utf8');
    };
    // Notes changed within 2 s of a load are read again by the next (RACY_WINDOW_MS), and sorted with the collator: the copy settles first.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
    // The example's zone is America/New_York; the first command reads the notes, sorts them with a collator, and writes the cache.
    expect(intlAsked(['agenda'])).toMatch(/^[1-9]\d* [1-9]\d* [1-9]\d*$/);
    expect(intlAsked(['agenda'])).toBe('0 0 0');
    expect(intlAsked(['agenda', '--today', '2026-11-23'])).toBe('0 0 0');
    expect(intlAsked(['check'])).toBe('0 0 0');
    expect(intlAsked(['list', '--json'])).toBe('0 0 0');
    expect(intlAsked(['list'])).toBe('0 0 0');
  });

  it('runs check and `list --json` without string-width, whose regular expressions take ~35 ms to load; the list table runs it', () => {
    const folder = exampleCopy();
    const lineUp = /\/(string-width|get-east-asian-width)\//;
    expect(modulesRunBy(['check'], folder).ran.filter((path) => lineUp.test(path))).toEqual([]);
    expect(modulesRunBy(['list', '--json'], folder).ran.filter((path) => lineUp.test(path))).toEqual([]);
    expect(modulesRunBy(['list'], folder).ran.some((path) => path.includes('/string-width/'))).toBe(true);
  });
});
