// The browser test: the packaged VSIX installed into code-server, driven
// through Debian's Chromium like a user would — the command palette, quick
// inputs, the tree views — and the README's screenshots taken on the way.
//
//   node test/run-all.mjs --only browser
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, launchBrowser, REPO_ROOT, startCodeServer } from '../harness/code-server.mjs';
import { clearNotifications, expandView, openViewContainer, openWorkbench, runCommand, waitForTreeItem } from '../harness/workbench.mjs';
import { runSafetySteps } from './safety.mjs';

const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const TODAY = '2026-11-23';

/**
 * @param {{extension: string, folder: string, scratch: string}} options
 * @returns {Promise<{passed: number, failed: number}>}
 */
export async function runBrowserTest({ extension, folder, scratch }) {
  const result = { passed: 0, failed: 0 };
  const step = async (name, body) => {
    const started = Date.now();
    try {
      await body();
      result.passed++;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      result.failed++;
      console.log(`  ✗ ${name}\n${String(error?.stack ?? error).replace(/^/gm, '      ')}`);
      return false;
    }
  };

  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: extension, stdio: 'inherit' });
  const vsix = join(extension, 'dist/rapport-vscode.vsix');
  execFileSync(join(extension, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: extension, stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const server = await startCodeServer({ settings: { 'rapport.today': TODAY, 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'editor.wordWrap': 'on', 'window.commandCenter': false } });
  let browser;
  let page;
  try {
    await installExtension(server, vsix);
    browser = await launchBrowser();
    page = await openWorkbench(browser, server, folder, { viewport: { width: 1280, height: 760 } });
    let contacts;

    const opened = await step('the installed VSIX shows the example contacts in the Contacts tree', async () => {
      await openViewContainer(page, 'Rapport');
      contacts = await expandView(page, 'Contacts');
      await waitForTreeItem(page, 'Keisha Brooks', { within: contacts, timeout: 60_000 });
      await widenSideBar(page, 560);
    });
    if (!opened) return result;

    await step('"Rapport: New Contact" from the command palette adds the contact to the tree', async () => {
      await runCommand(page, 'Rapport: New Contact');
      await answerInput(page, 'New Contact (1/5)', 'Ada Lovelace');
      await answerInput(page, 'New Contact (2/5)', 'Analytical Engines');
      await answerInput(page, 'New Contact (3/5)', 'Research Lead');
      await answerInput(page, 'New Contact (4/5)', 'referral');
      await answerInput(page, 'New Contact (5/5)', 'Maya Chen');
      const row = await waitForTreeItem(page, 'Ada Lovelace', { within: contacts });
      const description = await row.locator('.label-description').textContent();
      if (!/Research Lead · Analytical Engines/.test(description ?? '')) throw new Error(`unexpected description: ${description}`);
      await page.locator('.editor-instance .view-lines', { hasText: 'name: Ada Lovelace' }).first().waitFor({ timeout: 15_000 });
      await clearNotifications(page);
      await page.mouse.move(640, 5);
      await page.screenshot({ path: join(SCREENSHOTS, 'contacts-tree.png') });
    });

    await step('the Agenda lists due actions with the overdue ones first', async () => {
      await runCommand(page, 'View: Close All Editors');
      const agenda = await expandView(page, 'Agenda');
      await agenda.locator('.monaco-list-row[role="treeitem"]').first().waitFor({ timeout: 15_000 });
      const first = await agenda.locator('.monaco-list-row[role="treeitem"] .label-description').first().textContent();
      if (!/overdue/.test(first ?? '')) throw new Error(`the first agenda item is not overdue: ${first}`);
      await collapseView(page, 'Contacts');
      // Clicking an action opens the contact's note beside the list.
      await agenda.locator('.monaco-list-row[role="treeitem"]').nth(1).click();
      await page.locator('.editor-instance .view-lines', { hasText: 'type: contact' }).first().waitFor({ timeout: 15_000 });
      await page.mouse.move(640, 5);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, 'agenda.png') });
      await runCommand(page, 'View: Close All Editors');
      await expandView(page, 'Contacts');
    });

    await step('"Rapport: Draft a Letter…" opens a letter filled from the note, markers where a field is missing', async () => {
      await runCommand(page, 'Rapport: Draft a Letter…');
      // Keisha's note has no "Learned:" line: the thank-you leaves a marker for it (the cold letter no longer needs any field she lacks).
      await answerInput(page, 'Draft a Letter', 'Keisha Brooks');
      await answerInput(page, 'Letter for Keisha Brooks', 'thank-you');
      await page.locator('.editor-instance .view-lines', { hasText: 'Keisha' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.editor-instance .view-lines', { hasText: '[[fill: learned' }).first().waitFor({ timeout: 5_000 });
      await page.locator('.editor-actions [aria-label="Mark Letter as Sent"]').first().waitFor({ timeout: 10_000 });
      await clearNotifications(page);
      await page.mouse.move(640, 5);
      await page.screenshot({ path: join(SCREENSHOTS, 'letter.png') });
    });

    await runSafetySteps({ page, step, folder, screenshots: SCREENSHOTS, contacts });
  } finally {
    if (page && result.failed > 0) await page.screenshot({ path: join(scratch, 'browser-failure.png') }).catch(() => {});
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
  return result;
}

/** Waits for the quick input titled `title`, types `text` and presses Enter (picks filter by the text). */
async function answerInput(page, title, text) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
  const input = widget.locator('.quick-input-box input');
  await input.fill(text);
  const list = widget.locator('.quick-input-list');
  if (await list.isVisible()) {
    await widget.locator('.monaco-list-row.focused', { hasText: text }).first().waitFor({ timeout: 5_000 });
  }
  await page.keyboard.press('Enter');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
}

/** Drags the sash between the side bar and the editor so labels and descriptions fit in the screenshots. */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

async function collapseView(page, name) {
  const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^\\s*${name}\\s*$`, 'i') }) }).first();
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}
