// Bundles the in-memory folder fixture (out/extension.js, for both the Node
// and the web-worker extension host, with examples/job-search baked in: a
// browser extension host cannot read the example from disk) and packages it
// as out/memfs-fixture.vsix; bundles the tests to the Rapport extension's
// out/test/memfs/tests.cjs: a test module runs in the extension host of the
// development extension whose folder holds it, which must be Rapport's.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const example = join(here, '../../../../examples/job-search');

/** Every file of the example, without the index cache a run of the CLI may leave there. */
function exampleFiles() {
  const files = {};
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = relative(example, path).split(sep).join('/');
      if (name === '.rapport/cache') continue;
      if (entry.isDirectory()) walk(path);
      else files[name] = readFileSync(path, 'utf8');
    }
  };
  walk(example);
  return files;
}

const exampleNotes = {
  name: 'example-notes',
  setup(builder) {
    builder.onResolve({ filter: /^example-notes$/ }, () => ({ path: 'example-notes', namespace: 'example-notes' }));
    builder.onLoad({ filter: /.*/, namespace: 'example-notes' }, () => ({ contents: JSON.stringify(exampleFiles()), loader: 'json' }));
  },
};

const common = {
  bundle: true,
  // The same file runs in a web worker (no Node built-ins) and in Node.
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  absWorkingDir: here,
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [exampleNotes],
};

await build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'out/extension.js' });
// Two names for one bundle. The test module's path ends in `.cjs`: in an
// extension whose package.json says "type": "module", that is what keeps
// both hosts from loading it as ESM (which the web-worker host refuses).
// The web-worker host then fetches that path with `.js` appended.
await build({ ...common, entryPoints: ['src/tests.ts'], outfile: '../../out/test/memfs/tests.cjs' });
copyFileSync(join(here, '../../out/test/memfs/tests.cjs'), join(here, '../../out/test/memfs/tests.cjs.js'));
execFileSync(join(here, '../../node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', 'out/memfs-fixture.vsix'], { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] });
