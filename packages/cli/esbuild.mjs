// Bundles the CLI into dist/rapport.mjs plus chunks in dist/chunks/, with every runtime
// dependency inlined: it runs without node_modules (`npm install -g` of the packed tarball
// works offline) and starts in a few module loads instead of hundreds. The entry is small
// and answers `--version` alone; each command is a chunk loaded when it runs, so `agenda`
// never loads what only `letter`, `import` or `export` need (Eta, csv, iCalendar). The report's
// charts (Vega) are a file of their own, dist/charts.mjs, loaded by `report --html` only.
// dist/bin.js stays a thin entry for the callers that run it (tests, `pnpm demo`, the README).
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
 * modules that define the names it takes. esbuild splits chunks by file: through the
 * root entry, which re-exports everything, every command would reach (and load) every
 * module of core — letters and Eta for `agenda`. Narrowed, a command loads what it uses.
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

/**
 * CommonJS dependencies (proper-lockfile, write-file-atomic, commander) call require() for Node's own
 * modules, and some read __filename: an ES module has neither, so the bundle defines them.
 */
const NODE_GLOBALS = {
  require: "import { createRequire as __rapportRequire } from 'node:module'; const require = __rapportRequire(import.meta.url);",
  __filename: "import { fileURLToPath as __rapportPath } from 'node:url'; const __filename = __rapportPath(import.meta.url);",
  __dirname: "import { dirname as __rapportDirname } from 'node:path'; const __dirname = __rapportDirname(__filename);",
};
const NODE_GLOBALS_BANNER = Object.values(NODE_GLOBALS).join(' ');

/**
 * Keeps in an output file only the globals of NODE_GLOBALS its code uses: they are the
 * same banner in every file, and creating a `require` costs each of the dozen chunks a
 * command loads about a millisecond. esbuild keeps these free names as they are when minifying.
 */
function keepNeededGlobals(file) {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(NODE_GLOBALS_BANNER);
  if (at < 0) throw new Error(`${file}: the banner is missing`);
  const code = text.slice(at + NODE_GLOBALS_BANNER.length);
  const uses = (name) => new RegExp(`(?<![.\\w$])${name}(?![\\w$])`).test(code);
  const needed = Object.keys(NODE_GLOBALS).filter((name) => uses(name) || (name === '__filename' && uses('__dirname')));
  writeFileSync(file, text.slice(0, at) + needed.map((name) => NODE_GLOBALS[name]).join(' ') + code);
}

rmSync(`${here}dist/chunks`, { recursive: true, force: true });
const result = await build({
  entryPoints: [{ in: 'src/bin.ts', out: 'rapport' }],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { RAPPORT_VERSION: JSON.stringify(version) },
  absWorkingDir: here,
  bundle: true,
  // `report --html` loads the charts from their own file (built below), so that Vega is not parsed by every
  // other command; the import is in the report command's chunk, in dist/chunks/. Before core-sources, which would bundle them.
  plugins: [{ name: 'charts-apart', setup: (b) => b.onResolve({ filter: /^@rapport\/core\/charts$/ }, () => ({ path: '../charts.mjs', external: true })) }, coreSources, lazyChildProcess],
  platform: 'node',
  // yaml's ESM build rather than its CommonJS one (the `node` condition): hoisted and tree-shaken, not ~70 wrapped modules.
  alias: { yaml: join(dirname(createRequire(`${coreRoot}package.json`).resolve('yaml/package.json')), 'browser/index.js') },
  format: 'esm',
  target: 'node20',
  // `node esbuild.mjs --readable` for profiling.
  minify: !process.argv.includes('--readable'),
  legalComments: 'eof',
  logLevel: 'warning',
  // What each output file holds, in dist/meta.json (not shipped): the startup test checks what a command loads with it; https://esbuild.github.io/analyze/ shows it.
  metafile: true,
  // The hashbang comes from src/bin.ts. Each output file gets this banner, taken out again below where the file does not need it.
  banner: { js: NODE_GLOBALS_BANNER },
});
writeFileSync(`${here}dist/meta.json`, JSON.stringify(result.metafile));
for (const output of Object.keys(result.metafile.outputs)) if (output.endsWith('.mjs')) keepNeededGlobals(join(here, output));
// The report's charts (Vega): loaded by `rapport report --html` only. The plugin makes them measure text
// the same on every machine, never loading the native canvas package.
await build({
  stdin: { contents: "export * from '@rapport/core/charts';", resolveDir: here, loader: 'js' },
  outfile: 'dist/charts.mjs',
  absWorkingDir: here,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [vegaCanvasPlugin],
});
chmodSync(`${here}dist/rapport.mjs`, 0o755);
writeFileSync(`${here}dist/bin.js`, "#!/usr/bin/env node\n// The command is bundled into rapport.mjs (and its chunks); this entry keeps `node dist/bin.js` working.\nimport './rapport.mjs';\n");
chmodSync(`${here}dist/bin.js`, 0o755);
