import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import envPaths from 'env-paths';

/** What the program file (dist/program.cjs, built from src/main.ts) exports. */
export interface Program {
  main(argv: readonly string[]): Promise<void>;
}

/** How long another build's compiled code is kept after it was written: an older install may still run now and then. */
const KEEP_OTHER_BUILDS_MS = 30 * 24 * 60 * 60 * 1000;

/** The folder compiled code is kept in: `$XDG_CACHE_HOME/rapport` (`~/.cache/rapport`), `~/Library/Caches/rapport`, `%LOCALAPPDATA%\rapport\Cache`. */
export function codeCacheFolder(): string {
  return envPaths('rapport', { suffix: '' }).cache;
}

/**
 * Loads the program file, with V8's compiled code for it kept from earlier runs of the
 * same command. Compiling the program is most of what a short command costs (the
 * bundle parsed, then each function it calls compiled on first call); cached code
 * skips both. The cache is written at exit, so that it holds every function the run
 * compiled, not only the top level (which is what Node 22's compile cache and
 * v8-compile-cache keep). It is written twice: after the first run of a command, often
 * an unusual one (the first after `init` reads every note; later runs read the index
 * cache), and once more after the second, holding what both compiled; then never.
 * V8 itself refuses code from another V8 version or other flags; the build's hash in
 * the file name keeps code compiled from other program text away. A cache that cannot
 * be read or written only costs the time it would have saved.
 */
export function loadProgram(file: string, build: string, command: string): Program {
  // ASCII (as esbuild.mjs makes it) is read as Latin-1, a plain copy; as UTF-8, each byte is decoded (~13M instructions here).
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const folder = codeCacheFolder();
  // Cached code is run: only from a folder nobody else can write to.
  if (!isPrivateFolder(folder)) return run(new Script(wrap(source), { filename: file }), file);
  const settled = join(folder, `program-${build}-${command}-${process.arch}-v8-${process.versions.v8}.bin`);
  const firstRun = settled.replace(/\.bin$/, '.first.bin');
  const settledData = readIfPresent(settled);
  const cachedData = settledData ?? readIfPresent(firstRun);
  const script = new Script(wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // A first run, or a cache refused (which goes): this run's code, to be completed by the next run.
    process.once('exit', () => saveCompiledCode(script, folder, firstRun, build, settledData === undefined ? undefined : settled));
  } else if (settledData === undefined) {
    // The second run: what both runs compiled, kept.
    process.once('exit', () => saveCompiledCode(script, folder, settled, build, firstRun));
  }
  return run(script, file);
}

/** The program's text wrapped as Node wraps a CommonJS module; on its first line, so that line numbers in stack traces stay the file's. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

function run(script: Script, file: string): Program {
  const module = { exports: {} as Program };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/**
 * True when `folder` belongs to the user running this and only they can write to it, or
 * does not exist yet (it is then made so): another user's code must never be run as
 * theirs. Windows keeps a user's local app data private by itself.
 */
function isPrivateFolder(folder: string): boolean {
  if (process.platform === 'win32' || process.getuid === undefined) return true;
  try {
    const info = statSync(folder, { throwIfNoEntry: false });
    return info === undefined || (info.uid === process.getuid() && (info.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the code compiled so far (temporary file, then rename: a run reading it meanwhile
 * sees all of it or none), removes the file it replaces, and clears out other builds' code
 * long unwritten.
 */
function saveCompiledCode(script: Script, folder: string, cacheFile: string, build: string, replaced: string | undefined): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, cacheFile);
    if (replaced) rmSync(replaced, { force: true });
    const now = Date.now();
    for (const name of readdirSync(folder)) {
      if (!name.startsWith('program-') || name.startsWith(`program-${build}-`)) continue;
      const path = join(folder, name);
      if (now - statSync(path).mtimeMs > KEEP_OTHER_BUILDS_MS) rmSync(path, { force: true });
    }
  } catch {
    // A read-only or full disk: the next run compiles again, as it would without a cache.
  }
}
