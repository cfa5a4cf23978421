// Bundles the CLI into one file, dist/rapport.mjs (and the report's charts into dist/charts.mjs), with every runtime dependency inlined:
// it runs without node_modules (`npm install -g` of the packed tarball works offline) and
// starts in one module load instead of hundreds. dist/bin.js stays a thin entry for the
// callers that run it (tests, `pnpm demo`, the README).
import { chmodSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { vegaCanvasPlugin } from '@rapport/core/charts/esbuild-plugin';

const here = fileURLToPath(new URL('.', import.meta.url));

await build({
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/rapport.mjs',
  absWorkingDir: here,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  // `report --html` loads the charts from their own file, so that Vega is not parsed by every other command.
  plugins: [{ name: 'charts-apart', setup: (b) => b.onResolve({ filter: /^@rapport\/core\/charts$/ }, () => ({ path: './charts.mjs', external: true })) }],
  // The hashbang comes from src/bin.ts. CommonJS dependencies (proper-lockfile, write-file-atomic) call require() for Node's own modules and read __filename.
  banner: { js: "import { createRequire as __rapportRequire } from 'node:module'; import { fileURLToPath as __rapportPath } from 'node:url'; import { dirname as __rapportDirname } from 'node:path'; const require = __rapportRequire(import.meta.url); const __filename = __rapportPath(import.meta.url); const __dirname = __rapportDirname(__filename);" },
});
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
writeFileSync(`${here}dist/bin.js`, "#!/usr/bin/env node\n// The command lives in one bundled file; this entry keeps `node dist/bin.js` working.\nimport './rapport.mjs';\n");
chmodSync(`${here}dist/bin.js`, 0o755);
