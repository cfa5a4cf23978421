// Bundles the CLI into one file, dist/rapport.mjs, with every runtime dependency inlined:
// it runs without node_modules (`npm install -g` of the packed tarball works offline) and
// starts in one module load instead of hundreds. dist/bin.js stays a thin entry for the
// callers that run it (tests, `pnpm demo`, the README).
import { chmodSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
  // The hashbang comes from src/bin.ts. CommonJS dependencies (proper-lockfile, write-file-atomic) call require() for Node's own modules and read __filename.
  banner: { js: "import { createRequire as __rapportRequire } from 'node:module'; import { fileURLToPath as __rapportPath } from 'node:url'; import { dirname as __rapportDirname } from 'node:path'; const require = __rapportRequire(import.meta.url); const __filename = __rapportPath(import.meta.url); const __dirname = __rapportDirname(__filename);" },
});
chmodSync(`${here}dist/rapport.mjs`, 0o755);
writeFileSync(`${here}dist/bin.js`, "#!/usr/bin/env node\n// The command lives in one bundled file; this entry keeps `node dist/bin.js` working.\nimport './rapport.mjs';\n");
chmodSync(`${here}dist/bin.js`, 0o755);
