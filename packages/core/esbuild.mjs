// Bundles each entry of package.json's `exports` (the root and every subpath) into dist/,
// next to the declarations tsc writes. A Node process then loads a handful of files instead
// of ~115 modules plus yaml's ~70 CommonJS files: `import('@rapport/core')` measured
// ~150 ms over `node -e 0` unbundled, ~10 ms bundled. Code shared by several entries lands
// in dist/chunks/, loaded once, so a class (RapportError, NodeStore…) is the same class
// from every entry. Dependencies are inlined, in their ESM builds (yaml's, not its
// CommonJS one, so the root stays browser-safe); proper-lockfile is CommonJS and only
// `/node` uses it, so it stays a dependency, loaded by Node itself; so do Vega and Vega-Lite, which
// `/charts` uses and whose bundling needs `/charts/esbuild-plugin` (the CLI and the extension bundle them).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const manifest = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));

/** `"./node": { "default": "./dist/node/index.js" }` → `src/node/index.ts`. */
const entryPoints = Object.values(manifest.exports)
  .map((target) => (typeof target === 'string' ? target : target.default))
  .filter((path) => path.startsWith('./dist/') && path.endsWith('.js'))
  .map((path) => path.replace('./dist/', 'src/').replace(/\.js$/, '.ts'));

rmSync(`${here}dist/chunks`, { recursive: true, force: true });
const result = await build({
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  absWorkingDir: here,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  // Neutral: package.json's `browser`/`node` conditions are not taken, so dependencies come in their plain ESM builds.
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2022',
  external: ['node:*', 'proper-lockfile', 'vega', 'vega-lite', 'esbuild'],
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

for (const file of Object.keys(result.metafile.outputs)) {
  const path = `${here}${file}`;
  const code = readFileSync(path, 'utf8');
  // A bundled CommonJS dependency that calls `require` for another module would fail at run time (ESM has no `require`): refuse the build.
  if (code.includes('Dynamic require of')) throw new Error(`${file} calls require() at run time: make that dependency external`);
  // esbuild keeps `import "./chunks/x.js";` lines only to run chunks in their original order. Nothing in core runs
  // work at import ("sideEffects": false), so they are dropped: Node need not load a chunk nothing uses, and a
  // bundler of core would only warn that it ignores them.
  writeFileSync(path, code.replace(/^import "\.{1,2}\/(?:chunks\/)?[\w-]+\.js";\n/gm, ''));
}
