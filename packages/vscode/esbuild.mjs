// Bundles the extension to one CommonJS file (`vscode` stays external; the
// ESM core and its dependencies are bundled in). `--tests` also bundles the
// integration suite to out/test/index.cjs, the module both test launchers
// (code-server here, @vscode/test-electron for contributors) load, and the
// paint benchmark's probe to out/test/bench-paint-probe.cjs.
import { build } from 'esbuild';
import { vegaCanvasPlugin } from '@rapport/core/charts/esbuild-plugin';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  absWorkingDir: here,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // The dashboard's charts (Vega): its canvas package must resolve to the build that needs no native module.
  plugins: [vegaCanvasPlugin],
  // Some bundled ESM dependencies read import.meta.url; give them the CJS equivalent.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.cjs' });
if (tests) {
  await build({ ...common, sourcemap: 'inline', entryPoints: ['test/integration/index.ts'], outfile: 'out/test/index.cjs' });
  await build({ ...common, sourcemap: 'inline', entryPoints: ['test/bench/paint-probe.ts'], outfile: 'out/test/bench-paint-probe.cjs' });
}
