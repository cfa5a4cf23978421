// The browser test, second run: the packaged VSIX installed into
// code-server with the user setting that makes VS Code run an extension's
// `browser` entry in the web-worker extension host (the host of vscode.dev
// and github.dev: no Node.js), driven through Chromium like a user would.
// It checks that the extension really runs there (Running Extensions says
// "web worker"), that the Contacts tree lists the example's contacts, that
// New Contact writes its note to disk and links the referrer's line to it,
// and that Advance Stage… changes only the stage and the history of the
// note (bytes compared with a hand-written expectation); and takes
// docs/screenshots/web-extension.png.
//
//   node test/run-all.mjs --only browser-web
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVsix, stepRunner } from '../harness/browser-steps.mjs';
import { installExtension, launchBrowser, REPO_ROOT, startCodeServer } from '../harness/code-server.mjs';
import { clearNotifications, closeAllEditors, expandView, openViewContainer, openWorkbench, runCommand, waitForTreeItem } from '../harness/workbench.mjs';
import { LINKED_REFERRAL_LINE, newContactNote, REFERRAL_LINE, REFERRER_NOTE } from '../harness/new-contact-note.mjs';

const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const TODAY = '2026-11-23';
const EXTENSION_ID = 'rapport.rapport-vscode';

/** The example's contacts as the Contacts tree shows them, grouped by stage (every group expanded), written out by hand. */
const EXAMPLE_TREE = [
  'identified', 'Elena Vasquez', 'Keisha Brooks', 'Tomás Herrera',
  'contacted', 'Hannah Schultz', 'Owen Park',
  'followed-up', 'Victor Nguyen',
  'scheduled', 'Lauren Fitzgerald', 'Sam Whitaker',
  'prepared', 'Ben Osei',
  'held', 'Marcus Bell',
  'thanked', 'Priya Raman',
  'nurturing', 'Aisha Karim', 'Dana Okafor', 'Maya Chen',
  'declined', 'Claire Dubois',
  'no-response', 'Greg Malone',
  'archived', 'Irene Kowalski',
];

/** The note New Contact writes for the answers below, on the pinned date. */
const NEW_CONTACT = newContactNote(TODAY);

/**
 * @param {{extension: string, folder: string, scratch: string}} options
 * @returns {Promise<{passed: number, failed: number, failures: string[]}>}
 */
export async function runWebHostBrowserTest({ extension, folder, scratch }) {
  const result = { passed: 0, failed: 0, failures: [] };
  const step = stepRunner(result);

  const vsix = packageVsix(extension);
  mkdirSync(SCREENSHOTS, { recursive: true });

  const server = await startCodeServer({
    settings: {
      'remote.extensionKind': { [EXTENSION_ID]: ['web'] },
      'rapport.today': TODAY,
      'workbench.colorTheme': 'Default Light Modern',
      'editor.minimap.enabled': false,
      'editor.wordWrap': 'on',
      'window.commandCenter': false,
    },
  });
  let browser;
  let page;
  try {
    await installExtension(server, vsix);
    browser = await launchBrowser();
    page = await openWorkbench(browser, server, folder, { viewport: { width: 1280, height: 900 } });
    let contacts;

    const opened = await step('web-worker host: the Contacts tree lists every contact of the example, under its stage', async () => {
      await openViewContainer(page, 'Rapport');
      contacts = await expandView(page, 'Contacts');
      await waitForTreeItem(page, 'Keisha Brooks', { within: contacts, timeout: 60_000 });
      await collapseView(page, 'Agenda');
      await collapseView(page, 'Referrals');
      await expandEveryGroup(page, contacts);
      const labels = (await contacts.locator('.monaco-list-row[role="treeitem"] .label-name').allTextContents()).map((label) => label.trim());
      if (JSON.stringify(labels) !== JSON.stringify(EXAMPLE_TREE)) throw new Error(`the Contacts tree shows\n${JSON.stringify(labels)}\nnot\n${JSON.stringify(EXAMPLE_TREE)}`);
    });
    if (!opened) return result;

    await step('web-worker host: Running Extensions shows Rapport in the web worker, not in the remote (Node) host', async () => {
      await runCommand(page, 'Developer: Show Running Extensions');
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { has: page.locator('.name', { hasText: /^Rapport$/ }) }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      const text = (await row.textContent()) ?? '';
      if (!/web worker/.test(text)) throw new Error(`the Running Extensions row of Rapport does not say "web worker": ${text}`);
      if (/127\.0\.0\.1/.test(text)) throw new Error(`the Running Extensions row of Rapport names the remote host: ${text}`);
      await closeAllEditors(page);
    });

    await step('web-worker host: New Contact from the palette writes contacts/grace-liu.md on disk and links Priya Raman\'s line to it, as expected byte for byte', async () => {
      const file = join(folder, 'contacts/grace-liu.md');
      if (existsSync(file)) throw new Error('contacts/grace-liu.md is there before the test');
      const referrer = join(folder, REFERRER_NOTE);
      const referrerBefore = readFileSync(referrer, 'utf8');
      if (!referrerBefore.includes(`\n${REFERRAL_LINE}\n`)) throw new Error(`${REFERRER_NOTE} has no line ${REFERRAL_LINE}: the example changed, update this test`);
      await runCommand(page, 'Rapport: New Contact');
      await answerInput(page, 'New Contact (1/4)', 'Grace Liu');
      await answerInput(page, 'New Contact (2/4)', 'Carelink Labs');
      await answerInput(page, 'New Contact (3/4)', 'Nurse Informaticist');
      await answerInput(page, 'New Contact (4/4)', 'referral');
      await answerInput(page, 'New Contact (5/5)', 'Priya Raman');
      await waitForTreeItem(page, 'Grace Liu', { within: contacts });
      await waitUntil(page, () => existsSync(file) && readFileSync(file, 'utf8') === NEW_CONTACT, () => `contacts/grace-liu.md is\n${existsSync(file) ? readFileSync(file, 'utf8') : '(missing)'}`);
      const referrerAfter = referrerBefore.replace(REFERRAL_LINE, LINKED_REFERRAL_LINE);
      await waitUntil(page, () => readFileSync(referrer, 'utf8') === referrerAfter, () => `${REFERRER_NOTE} is\n${readFileSync(referrer, 'utf8')}`);
      await closeAllEditors(page);
      await clearNotifications(page);
    });

    await step('web-worker host: Advance Stage… records "prepared" for Lauren Fitzgerald and changes no other byte of her note', async () => {
      const file = join(folder, 'lauren-fitzgerald.md');
      const before = readFileSync(file);
      // The two places the edit touches, written out by hand: the stage line, and one entry at the end of the history list.
      const expected = before
        .toString('utf8')
        .replace('\nstage: scheduled\nrole: UX Researcher II\n', '\nstage: prepared\nrole: UX Researcher II\n')
        .replace('  - date: 2026-11-16\n    stage: scheduled\n    via: linkedin\nmeeting:\n', `  - date: 2026-11-16\n    stage: scheduled\n    via: linkedin\n  - date: ${TODAY}\n    stage: prepared\nmeeting:\n`);
      if (expected === before.toString('utf8')) throw new Error('the expected text equals the original: the example note changed, update this test');
      await runCommand(page, 'Rapport: Advance Stage…');
      await answerInput(page, 'Advance Stage', 'Lauren Fitzgerald');
      await answerInput(page, 'Advance Lauren Fitzgerald', 'prepared');
      await waitUntil(page, () => !readFileSync(file).equals(before), () => 'lauren-fitzgerald.md to change');
      const after = readFileSync(file);
      if (!after.equals(Buffer.from(expected, 'utf8'))) throw new Error(`lauren-fitzgerald.md is\n${after.toString('utf8')}\nnot\n${expected}`);
      await clearNotifications(page);
    });

    await step('web-worker host: screenshot with Contacts, Agenda and a note open (docs/screenshots/web-extension.png)', async () => {
      await closeAllEditors(page);
      await collapseAllGroups(page, contacts);
      await expandGroup(page, contacts, 'prepared');
      const agenda = await expandView(page, 'Agenda');
      await agenda.locator('.monaco-list-row[role="treeitem"]').first().waitFor({ timeout: 15_000 });
      const row = await waitForTreeItem(page, 'Lauren Fitzgerald', { within: contacts });
      await row.click();
      await page.locator('.editor-instance .view-lines', { hasText: 'name: Lauren Fitzgerald' }).first().waitFor({ timeout: 15_000 });
      await widenSideBar(page, 520);
      await page.mouse.move(640, 5);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SCREENSHOTS, 'web-extension.png') });
    });
  } finally {
    if (page && result.failed > 0) await page.screenshot({ path: join(scratch, 'browser-web-failure.png') }).catch(() => {});
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
  return result;
}

/** Waits for the quick input titled `title`, types `text` and presses Enter (picks filter by the text). */
async function answerInput(page, title, text) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
  await widget.locator('.quick-input-box input').fill(text);
  if (await widget.locator('.quick-input-list').isVisible()) {
    await widget.locator('.monaco-list-row.focused', { hasText: text }).first().waitFor({ timeout: 5_000 });
  }
  await page.keyboard.press('Enter');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
}

async function waitUntil(page, check, describe, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${describe()}`);
    await page.waitForTimeout(100);
  }
}

const groupRows = (pane) => pane.locator('.monaco-list-row[role="treeitem"][aria-level="1"]');

/** Expands every stage group of the Contacts tree (rows are re-rendered on expanding: look them up again each time). */
async function expandEveryGroup(page, pane) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const collapsed = pane.locator('.monaco-list-row[role="treeitem"][aria-level="1"][aria-expanded="false"]').first();
    if ((await collapsed.count()) === 0) return;
    await collapsed.click();
    await page.waitForTimeout(150);
  }
  throw new Error('some groups of the Contacts tree would not expand');
}

async function collapseAllGroups(page, pane) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const expanded = pane.locator('.monaco-list-row[role="treeitem"][aria-level="1"][aria-expanded="true"]').first();
    if ((await expanded.count()) === 0) return;
    await expanded.click();
    await page.waitForTimeout(150);
  }
}

async function expandGroup(page, pane, label) {
  const row = groupRows(pane).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).first();
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
}

async function collapseView(page, name) {
  const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^\\s*${name}\\s*$`, 'i') }) }).first();
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/** Drags the sash between the side bar and the editor so labels and descriptions fit in the screenshot. */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}
