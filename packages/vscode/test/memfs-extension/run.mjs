// Runs the memfs tests (src/tests.ts): code-server opens `memfs:/job-search`
// — examples/job-search held in memory by this fixture extension, the way
// github.dev serves a repository — with the Rapport extension under
// development, in the Node extension host or in the web-worker one
// (`host: 'webworker'`: both extensions get `remote.extensionKind: ["web"]`,
// so their `browser` entries run there).
//
//   node test/memfs-extension/run.mjs [--host node|webworker]
//
// The window opens on the memfs folder from the start (`?folder=memfs:/…`),
// as github.dev opens `vscode-vfs://github/…`: in code-server's web window
// `updateWorkspaceFolders` returns true but changes no folder (docs/web.md
// says more).
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { installExtension, launchBrowser, remoteUri, startCodeServer } from '../harness/code-server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const EXTENSION = resolve(HERE, '../..');
const RESULTS_MARKER = 'rapport-memfs-results ';
const FIXTURE_ID = 'rapport-test.memfs-fixture';
const RAPPORT_ID = 'rapport.rapport-vscode';
/** The fixture and the tests are built once per process, for both hosts. */
let built = false;

/**
 * @param {{host: 'node' | 'webworker', timeoutMs?: number, screenshotOnFailure?: string}} options
 * @returns {Promise<{passed: number, failed: number, registered: number, host?: string}>}
 */
export async function runMemfsTests({ host, timeoutMs = 180_000, screenshotOnFailure }) {
  if (!built) {
    execFileSync(process.execPath, ['build.mjs'], { cwd: HERE, stdio: 'inherit' });
    built = true;
  }
  const settings = {
    'rapport.today': '2026-11-23',
    'memfsFixture.expectedHost': host,
    ...(host === 'webworker' ? { 'remote.extensionKind': { [RAPPORT_ID]: ['web'], [FIXTURE_ID]: ['web'] } } : {}),
  };
  const server = await startCodeServer({ settings });
  let browser;
  let timer;
  let results;
  const started = Date.now();
  try {
    // Installed, not a second development extension: code-server's server loads only one of those.
    await installExtension(server, join(HERE, 'out/memfs-fixture.vsix'));
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let settle;
    const exited = new Promise((r) => (settle = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      const at = line.indexOf(RESULTS_MARKER);
      if (at >= 0) results = JSON.parse(line.slice(at + RESULTS_MARKER.length));
      if (/^(\s+[✓✗]|Rapport on a virtual|\s{6})/.test(line) || type === 'error' || process.env.RAPPORT_HARNESS_VERBOSE) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('crash', () => settle({ code: 1, why: 'the browser page crashed' }));
    server.exited.then((c) => settle({ code: 2, why: `code-server exited (${c})` }));
    timer = setTimeout(() => settle({ code: 124, why: `timed out after ${timeoutMs} ms` }), timeoutMs);
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, EXTENSION)],
      ['extensionTestsPath', remoteUri(server, join(EXTENSION, 'out/test/memfs/tests.cjs'))],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const query = new URLSearchParams({ folder: 'memfs:/job-search', payload: JSON.stringify(payload) });
    await page.goto(`${server.url}/?${query}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const { code, why } = await exited;
    if (why) console.error(`[memfs] ${why}`);
    if (code !== 0 && screenshotOnFailure) await page.screenshot({ path: screenshotOnFailure }).catch(() => {});
    console.log(`[memfs] ${host} host: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!results) return { passed: 0, failed: 1, registered: 0, failures: [{ test: `the run ended (exit ${code}) without reporting results`, error: '' }] };
    // A run that ended badly after its last test still counts as a failure.
    if (code === 0 || results.failed > 0) return results;
    return { ...results, failed: 1, failures: [{ test: `the run exited ${code} after its tests`, error: '' }] };
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { host: { type: 'string', default: 'node' } } });
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: EXTENSION, stdio: 'inherit' });
  const result = await runMemfsTests({ host: values.host });
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
}
