import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleCopy } from './support/run-cli.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const recorder = fileURLToPath(new URL('./support/record-loads.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rapport-loads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What the build put in each output file (esbuild's metafile, written by esbuild.mjs). */
const meta = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };

let runs = 0;

/** Runs `rapport.mjs` with `args` and returns what it loaded: module URLs, and Node's own modules as `builtin:<name>`. */
function loadedBy(args: readonly string[], cwd: string): string[] {
  const record = join(scratch, `loads-${++runs}.txt`);
  const result = spawnSync(process.execPath, ['--import', recorder, join(dist, 'rapport.mjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', RAPPORT_LOADS: record } });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(record, 'utf8').split('\n');
}

/** Runs `rapport.mjs` with `args` and returns the source files bundled into the modules it loaded. */
function sourcesLoadedBy(args: readonly string[], cwd: string): string[] {
  const files = loadedBy(args, cwd)
    .filter((url) => url.startsWith('file:') && !url.includes('/test/support/'))
    .map((url) => `dist/${fileURLToPath(url).slice(dist.length)}`);
  expect(files[0]).toBe('dist/rapport.mjs');
  return files.flatMap((file) => {
    const output = meta.outputs[file];
    if (!output) throw new Error(`${file} was loaded but is not in dist/meta.json: rebuild`);
    return Object.keys(output.inputs);
  });
}

describe('startup', () => {
  it('answers --version from the entry file alone: no commander, no core', () => {
    expect(sourcesLoadedBy(['--version'], scratch)).toEqual(['src/bin.ts']);
  });

  it('runs agenda without loading the importers, exporters, letters (Eta), slugify or string-width', () => {
    const sources = sourcesLoadedBy(['agenda', '--today', '2026-11-23'], exampleCopy());
    expect(sources).toContain('../core/src/lifecycle/next-action.ts');
    const heavy = sources.filter((source) => /core\/src\/(import|export|letters)\/|\/(eta|csv-parse|csv-stringify|ical\.js|ical-generator|@sindresorhus\/slugify|proper-lockfile|string-width|get-east-asian-width)\//.test(source));
    expect(heavy).toEqual([]);
  });

  it('loads neither node:child_process (commander takes it on first use) nor node:crypto for agenda', () => {
    const builtins = loadedBy(['agenda', '--today', '2026-11-23'], exampleCopy()).filter((line) => line.startsWith('builtin:'));
    expect(builtins).toContain('builtin:fs');
    expect(builtins.filter((name) => /^builtin:(child_process|crypto)$/.test(name))).toEqual([]);
  });

  it('asks Intl for no date formatter and no list of zones once the cache holds the zone: agenda, check and list on an unchanged folder', () => {
    const folder = exampleCopy();
    const counter = fileURLToPath(new URL('./support/count-intl.mjs', import.meta.url));
    const intlAsked = (args: readonly string[]) => {
      const record = join(scratch, `intl-${++runs}.txt`);
      const result = spawnSync(process.execPath, ['--import', counter, join(dist, 'rapport.mjs'), ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', RAPPORT_INTL: record } });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(record, 'utf8');
    };
    // The example's zone is America/New_York; the first command reads the notes and writes the cache.
    expect(intlAsked(['agenda'])).not.toBe('0 0');
    expect(intlAsked(['agenda'])).toBe('0 0');
    expect(intlAsked(['agenda', '--today', '2026-11-23'])).toBe('0 0');
    expect(intlAsked(['check'])).toBe('0 0');
    expect(intlAsked(['list', '--json'])).toBe('0 0');
  });

  it('runs check and `list --json` without string-width, whose regular expressions take ~35 ms to load; the list table loads it', () => {
    const folder = exampleCopy();
    const lineUp = /\/(string-width|get-east-asian-width)\//;
    expect(sourcesLoadedBy(['check'], folder).filter((source) => lineUp.test(source))).toEqual([]);
    expect(sourcesLoadedBy(['list', '--json'], folder).filter((source) => lineUp.test(source))).toEqual([]);
    expect(sourcesLoadedBy(['list'], folder).some((source) => source.includes('/string-width/'))).toBe(true);
  });
});
