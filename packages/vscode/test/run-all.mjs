#!/usr/bin/env node
// `pnpm --filter rapport-vscode run test:integration`: builds the extension
// and its test bundles, runs the integration suite in a real VS Code
// (code-server) twice — a trusted window and one in Restricted Mode — each
// over a fresh copy of examples/job-search, the same two windows again in
// the browser's web-worker extension host (Rapport's browser entry, as on
// vscode.dev and github.dev), then the memfs tests (the example on a
// virtual file system, in the Node and the web-worker extension host:
// test/memfs-extension), then the browser test (the packaged VSIX in
// code-server, driven through Chromium), and the browser test again with
// the VSIX in the web-worker host (test/browser/web-host.mjs). Ends with
// one "N passed, N failed" line; exits non-zero on any failure.
//
//   node test/run-all.mjs [--only integration|integration-web|memfs|browser|browser-web]
//
// Needs scripts/setup-test-env.sh (code-server, Debian chromium) and a built
// core (packages/core/dist). With RAPPORT_TEST_RESULTS=<dir>, also writes
// <dir>/vscode.json for the repository's summary.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runExtensionTests, REPO_ROOT } from './harness/code-server.mjs';
import { runBrowserTest } from './browser/new-contact.mjs';
import { startFsBridge } from './harness/fs-bridge.mjs';
import { runMemfsTests } from './memfs-extension/run.mjs';
import { runWebHostBrowserTest } from './browser/web-host.mjs';

const EXTENSION = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = join(REPO_ROOT, 'examples/job-search');
const TESTS = join(EXTENSION, 'out/test/index.cjs');
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const runs = values.only ? [values.only] : ['integration', 'integration-web', 'browser'];
/** code-server runs an extension's `browser` entry in the web-worker host when the user settings say so. */
const WEB_WORKER_HOST = { 'remote.extensionKind': { 'rapport.rapport-vscode': ['web'] } };
// Rapport on a virtual file system (memfs, github.dev's case), in the Node and the web-worker extension host.
if (!values.only) runs.push('memfs', 'browser-web');

const totals = { passed: 0, failed: 0 };
/**
 * Each window's own counts, for the repository's summary (scripts/summarize-tests.mjs checks them against
 * floors), and the title of each test that failed, which the summary names on CI's last lines.
 */
const windows = {};
const count = (window, passed, failed, registered, failures = [], flaky = []) => {
  totals.passed += passed;
  totals.failed += failed;
  windows[window] = { passed, failed, ...(registered === undefined ? {} : { registered }), failures, flaky };
};
/** The tests of a window that passed only when run again (test/integration/runner.ts's results), by title. */
const flakyTitles = (results) => (results.flaky ?? []).map((flaky) => flaky.test);
/** A window's failed tests by title, and why it failed besides them (a run that died after its last test). */
const failedTitles = (results, code) => [
  ...(results.failures ?? []).map((failure) => failure.test),
  ...(code !== 0 && results.failed === 0 ? [`the window exited ${code} after its tests`] : []),
];

execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: EXTENSION, stdio: 'inherit' });
const scratch = mkdtempSync(join(tmpdir(), 'rapport-vscode-tests-'));

/** A throwaway copy of the example folder (tests write to it), without the index cache a run of the demo leaves there. */
function exampleCopy(name) {
  const target = join(scratch, name);
  cpSync(EXAMPLE, target, { recursive: true, filter: (source) => !/[\\/]\.rapport[\\/]cache$/.test(source) });
  return target;
}

try {
  if (runs.includes('integration')) {
    for (const mode of ['trusted', 'restricted']) {
      const results = join(EXTENSION, `out/test/results-${mode}.json`);
      rmSync(results, { force: true });
      console.log(`\n— integration tests, ${mode} window —`);
      const code = await runExtensionTests({
        extensionDevelopmentPath: EXTENSION,
        extensionTestsPath: TESTS,
        folder: exampleCopy(`job-search-${mode}`),
        untrusted: mode === 'restricted',
        timeoutMs: 240_000,
        screenshotOnFailure: join(scratch, `failure-${mode}.png`),
      });
      if (existsSync(results)) {
        const reported = JSON.parse(readFileSync(results, 'utf8'));
        const { passed, failed, registered } = reported;
        // A run that died after its last test still counts as a failure.
        count(`integration-${mode}`, passed, failed + (code !== 0 && failed === 0 ? 1 : 0), registered, failedTitles(reported, code), flakyTitles(reported));
      } else {
        console.error(`the ${mode} run ended (exit ${code}) without reporting results`);
        count(`integration-${mode}`, 0, 1, undefined, [`the window ended (exit ${code}) without reporting results`]);
      }
    }
  }
  if (runs.includes('integration-web')) {
    // The same two windows in the browser's web-worker host: Restricted Mode shows that folder templates follow trust there too.
    const resultsFolder = join(EXTENSION, 'out/test/web');
    for (const mode of ['trusted', 'restricted']) {
      // The names scripts/summarize-tests.mjs checks.
      const webWindow = mode === 'trusted' ? 'integration-web' : 'integration-web-restricted';
      const results = join(resultsFolder, `results-web-${mode}.json`);
      rmSync(results, { force: true });
      console.log(`\n— integration tests, web-worker extension host (the browser entry), ${mode} window —`);
      const folder = exampleCopy(`job-search-web-${mode}`);
      // The suites' fixture calls (Node's fs) reach this machine through the bridge; the extension itself uses workspace.fs.
      const bridge = await startFsBridge({ roots: [scratch, resultsFolder], tmp: scratch });
      let code;
      try {
        code = await runExtensionTests({
          extensionDevelopmentPath: EXTENSION,
          // In a "type": "module" package the web-worker host loads a test module as CommonJS only when its
          // path ends in .cjs, and then fetches that path with .js appended: esbuild.mjs writes index.cjs.js.
          extensionTestsPath: join(resultsFolder, 'index.cjs'),
          folder,
          untrusted: mode === 'restricted',
          settings: { ...WEB_WORKER_HOST, 'rapportTests.fsBridge': bridge.url },
          timeoutMs: 300_000,
          screenshotOnFailure: join(scratch, `failure-web-${mode}.png`),
        });
      } finally {
        await bridge.stop();
      }
      if (existsSync(results)) {
        const reported = JSON.parse(readFileSync(results, 'utf8'));
        const { passed, failed, registered } = reported;
        count(webWindow, passed, failed + (code !== 0 && failed === 0 ? 1 : 0), registered, failedTitles(reported, code), flakyTitles(reported));
      } else {
        console.error(`the web-worker ${mode} run ended (exit ${code}) without reporting results`);
        count(webWindow, 0, 1, undefined, [`the window ended (exit ${code}) without reporting results`]);
      }
    }
  }
  if (runs.includes('memfs')) {
    for (const host of ['node', 'webworker']) {
      console.log(`\n— memfs: the notes on a virtual file system, ${host} extension host —`);
      const started = Date.now();
      try {
        const results = await runMemfsTests({ host, screenshotOnFailure: join(scratch, `failure-memfs-${host}.png`) });
        count(`memfs-${host}`, results.passed, results.failed, results.registered, failedTitles(results, 0), flakyTitles(results));
      } catch (error) {
        console.error(`the memfs run (${host} host) could not run: ${error?.stack ?? error}`);
        count(`memfs-${host}`, 0, 1, undefined, ['the run could not start']);
      }
      console.log(`memfs, ${host} host: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  if (runs.includes('browser')) {
    console.log('\n— browser test: the VSIX in code-server, through Chromium —');
    const { passed, failed, failures } = await runBrowserTest({ extension: EXTENSION, folder: exampleCopy('job-search-browser'), scratch });
    count('browser', passed, failed, undefined, failures);
  }
  if (runs.includes('browser-web')) {
    console.log('\n— browser test: the VSIX in the web-worker extension host, through Chromium —');
    const started = Date.now();
    const { passed, failed, failures } = await runWebHostBrowserTest({ extension: EXTENSION, folder: exampleCopy('job-search-browser-web'), scratch });
    count('browser-web', passed, failed, undefined, failures);
    console.log(`browser test, web-worker host: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  if (!process.env.RAPPORT_KEEP_TEST_FILES) rmSync(scratch, { recursive: true, force: true });
}

if (process.env.RAPPORT_TEST_RESULTS) {
  mkdirSync(process.env.RAPPORT_TEST_RESULTS, { recursive: true });
  writeFileSync(join(process.env.RAPPORT_TEST_RESULTS, 'vscode.json'), JSON.stringify({ ...totals, windows }));
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
