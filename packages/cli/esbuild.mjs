// Bundles the CLI, with every runtime dependency inlined: it runs without node_modules
// (`npm install -g` of the packed tarball works offline).
// - dist/rapport.cjs, the entry: answers `--version` alone; otherwise loads the program
//   through V8's code cache (src/code-cache.ts). CommonJS, as the program: an ES module
//   entry costs Node's module loader ~20M instructions more at every start.
// - dist/program.cjs, the program: every command, one script, so that V8 can cache its
//   compiled code (Node 20 caches no ES module's). A command's modules, and the libraries
//   only it uses (Eta, csv, iCalendar), still run only when that command runs: esbuild
//   wraps what is reached through `import()` in functions called on first use.
// - dist/charts.cjs, the report's charts (Vega), loaded by `report --html` only.
// dist/bin.js stays a thin entry for the callers that run it (tests, `pnpm demo`, the README).
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { vegaCanvasPlugin } from '@rapport/core/charts/esbuild-plugin';

const here = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));
const core = JSON.parse(readFileSync(`${here}../core/package.json`, 'utf8'));

const coreRoot = fileURLToPath(new URL('../core/', import.meta.url));

/** The source file of a core entry: `@rapport/core/node` → packages/core/src/node/index.ts. */
function coreEntrySource(specifier) {
  const target = core.exports[`.${specifier.slice('@rapport/core'.length)}`];
  const file = typeof target === 'string' ? target : target?.default;
  return file?.endsWith('.js') ? join(coreRoot, file.replace('./dist/', 'src/').replace(/\.js$/, '.ts')) : undefined;
}

/** Each name an entry re-exports (`export { a, b as c } from './x.js'`) → the source file that defines it. */
function reexports(entry) {
  const found = new Map();
  for (const [, names, from] of readFileSync(entry, 'utf8').matchAll(/^export \{([^}]*)\} from '([^']+)';/gm)) {
    for (const name of names.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [original, exported = original] = name.split(/\s+as\s+/);
      found.set(exported, { original, file: join(dirname(entry), from.replace(/\.js$/, '.ts')) });
    }
  }
  return found;
}

/**
 * `@rapport/core` and its subpaths from core's sources, each import narrowed to the
 * modules that define the names it takes. Through the root entry, which re-exports
 * everything, the program would reach every module of core from its first line, and
 * run them all at start (letters and Eta for `agenda`). Narrowed, a module of core
 * runs when the first command that uses it loads.
 */
const coreSources = {
  name: 'core-sources',
  setup(build) {
    build.onResolve({ filter: /^@rapport\/core(\/.*)?$/ }, ({ path, importer, kind }) => {
      const entry = coreEntrySource(path);
      if (!entry) return undefined;
      // A dynamic import takes the whole entry (it is loaded when used anyway).
      if (kind === 'dynamic-import' || !importer.startsWith(here)) return { path: entry };
      return { path: `${importer}|${path}`, namespace: 'core-import', pluginData: { entry, importer, specifier: path } };
    });
    build.onLoad({ filter: /.*/, namespace: 'core-import' }, ({ pluginData: { entry, importer, specifier } }) => {
      const source = readFileSync(importer, 'utf8');
      const quoted = specifier.replace(/[/]/g, '\\/');
      const names = new Set();
      for (const [, list] of source.matchAll(new RegExp(`^import \\{([^}]*)\\} from '${quoted}';`, 'gm'))) {
        for (const part of list.split(',').map((text) => text.trim()).filter((text) => text && !text.startsWith('type '))) names.add(part.split(/\s+as\s+/)[0]);
      }
      if (new RegExp(`^import (?!type |\\{)[^;]*from '${quoted}';`, 'm').test(source)) throw new Error(`${importer}: import only named values from ${specifier} (the build narrows them to core's modules)`);
      const defined = reexports(entry);
      const lines = [...names].map((name) => {
        const definition = defined.get(name);
        return definition ? `export { ${definition.original} as ${name} } from ${JSON.stringify(definition.file)};` : `export { ${name} } from ${JSON.stringify(entry)};`;
      });
      return { contents: lines.join('\n'), loader: 'ts', resolveDir: dirname(entry) };
    });
  },
};

/**
 * commander requires `node:child_process` when it loads, for subcommands that are
 * separate programs, which Rapport has none of. Loading it (with net and dgram) at
 * every start is work no command needs: commander gets it on first use. With core's
 * temp names off `node:crypto`, `rapport agenda` runs 14M fewer instructions of ~824M
 * (callgrind, 3 runs each), ~1.7%.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, ({ importer }) => (/[\\/]commander[\\/]/.test(importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
      resolveDir: here,
    }));
  },
};

// Files of earlier layouts of the bundle.
for (const stale of ['chunks', 'rapport.mjs', 'charts.mjs', 'code-cache.mjs', 'code-cache.cjs']) rmSync(`${here}dist/${stale}`, { recursive: true, force: true });
const program = await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/program.cjs',
  absWorkingDir: here,
  bundle: true,
  // `report --html` loads the charts from their own file (built below), so that Vega is not parsed by every
  // other command. Before core-sources, which would bundle them.
  plugins: [{ name: 'charts-apart', setup: (b) => b.onResolve({ filter: /^@rapport\/core\/charts$/ }, () => ({ path: './charts.cjs', external: true })) }, coreSources, lazyChildProcess],
  platform: 'node',
  // yaml's ESM build rather than its CommonJS one (the `node` condition): hoisted and tree-shaken, not ~70 wrapped modules.
  alias: { yaml: join(dirname(createRequire(`${coreRoot}package.json`).resolve('yaml/package.json')), 'browser/index.js') },
  // CommonJS: a script, whose compiled code V8 can cache (src/code-cache.ts).
  format: 'cjs',
  // A script run through node:vm has no import(): the charts' `import()` becomes a require() of dist/charts.cjs.
  supported: { 'dynamic-import': false },
  target: 'node20',
  // Names are kept: the code cache makes parsing cheap, a stack trace in a bug report stays readable, and each module's
  // wrapper keeps its path as its name (the startup test reads which ran from V8's coverage). `--readable` for profiling.
  minifyWhitespace: !process.argv.includes('--readable'),
  minifySyntax: !process.argv.includes('--readable'),
  legalComments: 'eof',
  logLevel: 'warning',
  // What the program holds, in dist/meta.json (not shipped); https://esbuild.github.io/analyze/ shows it.
  metafile: true,
});
writeFileSync(`${here}dist/meta.json`, JSON.stringify(program.metafile));
const programBytes = readFileSync(`${here}dist/program.cjs`);
// The loader reads the program as Latin-1, a plain copy, when it is ASCII (src/code-cache.ts). esbuild escapes
// every other character except in regular expressions: there, the sources write them as \u escapes.
{
  const text = programBytes.toString('utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    const line = text.slice(0, at).split('\n').length;
    console.warn(`dist/program.cjs:${line}: the character ${JSON.stringify(text[at])} in "${text.slice(Math.max(0, at - 40), at + 20)}" is not ASCII: write it as \\u${text.charCodeAt(at).toString(16).padStart(4, '0')} in its regular expression (the program is read as UTF-8 until then, ~13M instructions more at each start)`);
  }
}
// The program's code cache is kept per build: code compiled from other program text must never run.
const programBuild = createHash('sha256').update(programBytes).digest('hex').slice(0, 16);
await build({
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/rapport.cjs',
  define: { RAPPORT_VERSION: JSON.stringify(version), RAPPORT_PROGRAM_BUILD: JSON.stringify(programBuild) },
  absWorkingDir: here,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !process.argv.includes('--readable'),
  legalComments: 'eof',
  logLevel: 'warning',
});
// The report's charts (Vega): loaded by `rapport report --html` only. The plugin makes them measure text
// the same on every machine, never loading the native canvas package.
await build({
  stdin: { contents: "export * from '@rapport/core/charts';", resolveDir: here, loader: 'js' },
  outfile: 'dist/charts.cjs',
  absWorkingDir: here,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [vegaCanvasPlugin],
});
chmodSync(`${here}dist/rapport.cjs`, 0o755);
writeFileSync(`${here}dist/bin.js`, "#!/usr/bin/env node\n// The command is bundled into rapport.cjs and program.cjs; this entry keeps `node dist/bin.js` working.\nimport './rapport.cjs';\n");
chmodSync(`${here}dist/bin.js`, 0o755);
