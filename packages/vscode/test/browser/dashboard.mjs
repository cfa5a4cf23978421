// The dashboard in a real browser: the packaged VSIX in code-server, driven
// through Debian's Chromium. Opens "Rapport: Open Dashboard", checks that the
// charts are drawn in the webview, clicks an open lead (a real click inside
// the webview) and checks that the note opens at its line, then saves
// docs/screenshots/dashboard.png.
//
//   node test/browser/dashboard.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, launchBrowser, REPO_ROOT, startCodeServer } from '../harness/code-server.mjs';
import { clearNotifications, openWorkbench, runCommand } from '../harness/workbench.mjs';

const EXTENSION = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT = join(REPO_ROOT, 'docs/screenshots/dashboard.png');
const LEAD = '- Lead: Mon Valley Health: UX Research Associate, patient portal team (by 2026-12-04)';

const scratch = mkdtempSync(join(tmpdir(), 'rapport-dashboard-'));
const folder = join(scratch, 'job-search');
cpSync(join(REPO_ROOT, 'examples/job-search'), folder, { recursive: true, filter: (source) => !/[\\/]\.rapport[\\/]cache$/.test(source) });
const leadLine = readFileSync(join(folder, 'contacts/health-tech/marcus-bell.md'), 'utf8').split('\n').indexOf(LEAD) + 1;
if (leadLine === 0) throw new Error(`the example's Marcus Bell has no line ${LEAD}`);

execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: EXTENSION, stdio: 'inherit' });
const vsix = join(EXTENSION, 'dist/rapport-vscode.vsix');
execFileSync(join(EXTENSION, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: EXTENSION, stdio: ['ignore', 'ignore', 'inherit'] });

const server = await startCodeServer({ settings: { 'rapport.today': '2026-11-23', 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'window.commandCenter': false, 'workbench.startupEditor': 'none' } });
let browser;
let failed = false;
try {
  await installExtension(server, vsix);
  browser = await launchBrowser();
  const page = await openWorkbench(browser, server, folder, { viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && /dashboard|Content Security Policy|vscode-webview/i.test(message.text()) && errors.push(message.text()));
  await runCommand(page, 'Rapport: Open Dashboard', { timeout: 60_000 });
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await webview.locator('#funnel svg').waitFor({ timeout: 30_000 });
  await webview.locator('#referral-graph').waitFor({ timeout: 10_000 });
  await clearNotifications(page);
  await page.keyboard.press('Control+B'); // hide the side bar: the dashboard gets the window
  await page.waitForTimeout(800);
  await page.screenshot({ path: SCREENSHOT });
  console.log(`  ✓ the dashboard draws its charts and graph; screenshot: ${SCREENSHOT}`);

  // A real click on the lead, inside the webview.
  await webview.locator('a.outcome', { hasText: 'UX Research Associate' }).click();
  const cursor = page.locator('.statusbar-item[id="status.editor.selection"]');
  await page.locator('.tab', { hasText: 'marcus-bell.md' }).first().waitFor({ timeout: 15_000 });
  await cursor.filter({ hasText: `Ln ${leadLine}, Col 1` }).waitFor({ timeout: 15_000 });
  console.log(`  ✓ clicking the lead opens marcus-bell.md at line ${leadLine}`);

  // The note opened beside the dashboard, which now has half the window: the graph's names stay readable (16 px
  // names drawn at three quarters at least), and the graph scrolls sideways instead of shrinking.
  await page.waitForTimeout(800);
  const label = await webview.locator('#referral-graph .label').first().evaluate((element) => element.getBoundingClientRect().height);
  const scrolls = await webview.locator('#referrals').evaluate((section) => section.scrollWidth > section.clientWidth);
  await webview.locator('#referrals').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(tmpdir(), 'rapport-dashboard-beside-note.png') });
  if (!(label >= 11)) throw new Error(`a name in the referral graph is ${label.toFixed(1)} px high beside a note`);
  if (!scrolls) throw new Error('the referral graph beside a note does not scroll sideways');
  console.log(`  ✓ beside the note, the graph's names are ${label.toFixed(1)} px high and the graph scrolls sideways`);
  if (errors.length > 0) throw new Error(`console errors: ${errors.join('\n')}`);
} catch (error) {
  failed = true;
  console.log(`  ✗ ${String(error?.stack ?? error)}`);
} finally {
  await browser?.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
