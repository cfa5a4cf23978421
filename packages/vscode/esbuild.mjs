// Bundles the extension to one CommonJS file per extension host (`vscode`
// stays external; the ESM core and its dependencies are bundled in):
// dist/extension.cjs for the desktop's Node host (`main`) and
// dist/web/extension.js for the browser's web-worker host (`browser`,
// vscode.dev and github.dev), built from the same sources, each entry with
// its platform (src/entry/). `--tests` also bundles the integration suite
// to out/test/index.cjs, the module both test launchers (code-server here,
// @vscode/test-electron for contributors) load, its browser build to
// out/test/web/index.js for the web-worker host, and the paint benchmark's
// probe to out/test/bench-paint-probe.cjs.
import { build } from 'esbuild';
import { vegaCanvasPlugin } from '@rapport/core/charts/esbuild-plugin';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  format: 'cjs',
  external: ['vscode'],
  absWorkingDir: here,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // The dashboard's charts (Vega): its canvas package must resolve to the build that needs no native module.
  plugins: [vegaCanvasPlugin],
};

const node = {
  ...common,
  platform: 'node',
  target: 'node20',
  // Some bundled ESM dependencies read import.meta.url; give them the CJS equivalent.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * The desktop entry's options. The dashboard's charts (Vega, about 870 KB minified) go to a
 * file of their own, dist/charts.cjs, which the dashboard imports when it first draws: every
 * other start of the extension loads and parses none of it. (The browser entry keeps them in
 * its one file: a web-worker extension host loads no second script.)
 */
export const desktop = {
  ...node,
  entryPoints: ['src/entry/node.ts'],
  outfile: 'dist/extension.cjs',
  plugins: [{ name: 'charts-apart', setup: (b) => b.onResolve({ filter: /^@rapport\/core\/charts$/ }, ({ kind }) => (kind === 'dynamic-import' ? { path: './charts.cjs', external: true } : undefined)) }, ...common.plugins],
};

/** dist/charts.cjs: what the desktop entry leaves out, loaded from beside it. */
export const desktopCharts = {
  ...node,
  stdin: { contents: "export * from '@rapport/core/charts';", resolveDir: here, loader: 'js' },
  outfile: 'dist/charts.cjs',
};

/** The browser entry's options: no Node built-in may be required (src/entry/web-bundle.test.ts checks). */
export const web = {
  ...common,
  platform: 'browser',
  // The web-worker host of VS Code 1.100 and the browsers it supports.
  target: 'es2022',
  entryPoints: ['src/entry/web.ts'],
  outfile: 'dist/web/extension.js',
  inject: ['src/platform/web-globals.ts'],
};

/** Node built-ins the integration suites use, and what stands for each in their browser bundle. */
const WEB_TEST_SHIMS = {
  'node:fs': 'test/integration/web/node-fs.ts',
  'node:os': 'test/integration/web/node-os.ts',
  'node:path': 'path-browserify',
  'node:assert/strict': 'test/integration/web/assert.ts',
};

/** The integration suite for the web-worker host: the same suites, Node's fixtures calls sent to the launcher's file bridge. */
const webTests = {
  ...web,
  sourcemap: 'inline',
  entryPoints: ['test/integration/web/index.ts'],
  // Loaded by the web-worker host as `out/test/web/index.cjs` (see test/run-all.mjs), to which it appends `.js`.
  outfile: 'out/test/web/index.cjs.js',
  define: { RESULTS_FOLDER: JSON.stringify(join(here, 'out/test/web')) },
  plugins: [
    ...common.plugins,
    {
      name: 'web-test-shims',
      setup(build) {
        build.onResolve({ filter: /^node:/ }, (args) => {
          const shim = WEB_TEST_SHIMS[args.path];
          if (!shim) return { errors: [{ text: `${args.path} has no stand-in in the browser test bundle (esbuild.mjs, WEB_TEST_SHIMS)` }] };
          return shim.startsWith('test/') ? { path: join(here, shim) } : build.resolve(shim, { resolveDir: here, kind: args.kind });
        });
      },
    },
  ],
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build(desktop);
  await build(desktopCharts);
  await build(web);
  if (tests) {
    await build({ ...node, sourcemap: 'inline', entryPoints: ['test/integration/index.ts'], outfile: 'out/test/index.cjs' });
    await build(webTests);
    // The path the launcher names (and checks exists); the web-worker host fetches it with .js appended.
    writeFileSync(join(here, 'out/test/web/index.cjs'), "module.exports = require('./index.cjs.js');\n");
    await build({ ...node, sourcemap: 'inline', entryPoints: ['test/bench/paint-probe.ts'], outfile: 'out/test/bench-paint-probe.cjs' });
  }
}
