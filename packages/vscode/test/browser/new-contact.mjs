// The browser test: the packaged VSIX installed into code-server, driven
// through Debian's Chromium like a user would — the command palette, quick
// inputs, the tree views — and the README's screenshots taken on the way.
//
//   node test/run-all.mjs --only browser
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVsix, stepRunner } from '../harness/browser-steps.mjs';
import { installExtension, launchBrowser, REPO_ROOT, startCodeServer } from '../harness/code-server.mjs';
import { clearNotifications, closeAllEditors, expandView, hoverLink, openViewContainer, openWorkbench, runCommand, waitForTreeItem } from '../harness/workbench.mjs';
import { LINKED_REFERRAL_LINE, newContactNote, REFERRAL_LINE, REFERRER_NOTE } from '../harness/new-contact-note.mjs';
import { runSafetySteps } from './safety.mjs';

const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const TODAY = '2026-11-23';

/**
 * @param {{extension: string, folder: string, scratch: string}} options
 * @returns {Promise<{passed: number, failed: number, failures: string[]}>}
 */
export async function runBrowserTest({ extension, folder, scratch }) {
  const result = { passed: 0, failed: 0, failures: [] };
  const step = stepRunner(result);

  const vsix = packageVsix(extension);
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

    await step('the Rapport icon opens its views while its badge counts what is due (1 due today, 4 overdue)', async () => {
      await openViewContainer(page, 'Explorer');
      const rapportItem = page.locator('.activitybar .action-item', { has: page.locator('a.action-label[aria-label^="Rapport"]') });
      await rapportItem.locator('.badge-content', { hasText: /^5$/ }).waitFor({ state: 'visible', timeout: 15_000 });
      await openViewContainer(page, 'Rapport', { timeout: 15_000 });
      await waitForTreeItem(page, 'Keisha Brooks', { within: contacts, timeout: 15_000 });
    });

    await step('"Rapport: New Contact" for Grace Liu, whom Priya Raman\'s Outcomes name, offers Priya first, adds Grace to the tree and links Priya\'s line', async () => {
      const referrer = join(folder, REFERRER_NOTE);
      const referrerBefore = readFileSync(referrer, 'utf8');
      if (!referrerBefore.includes(`\n${REFERRAL_LINE}\n`)) throw new Error(`${REFERRER_NOTE} has no line ${REFERRAL_LINE}: the example changed, update this test`);
      await runCommand(page, 'Rapport: New Contact');
      await answerInput(page, 'New Contact (1/4)', 'Grace Liu');
      await answerInput(page, 'New Contact (2/4)', 'Carelink Labs');
      await answerInput(page, 'New Contact (3/4)', 'Nurse Informaticist');
      await answerInput(page, 'New Contact (4/4)', 'referral');
      await answerInput(page, 'New Contact (5/5)', 'Priya Raman', { description: 'names Grace Liu in their Outcomes' });
      const row = await waitForTreeItem(page, 'Grace Liu', { within: contacts });
      const description = await row.locator('.label-description').textContent();
      if (!/Nurse Informaticist · Carelink Labs/.test(description ?? '')) throw new Error(`unexpected description: ${description}`);
      await page.locator('.editor-instance .view-lines', { hasText: 'name: Grace Liu' }).first().waitFor({ timeout: 15_000 });
      const note = readFileSync(join(folder, 'contacts/grace-liu.md'), 'utf8');
      if (note !== newContactNote(TODAY)) throw new Error(`contacts/grace-liu.md is\n${note}`);
      const referrerAfter = readFileSync(referrer, 'utf8');
      if (referrerAfter !== referrerBefore.replace(REFERRAL_LINE, LINKED_REFERRAL_LINE)) throw new Error(`${REFERRER_NOTE} is\n${referrerAfter}`);
      await clearNotifications(page);
      await page.mouse.move(640, 5);
      // A tooltip of what the pointer passed over (the Rapport icon's) fades before the picture is taken.
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SCREENSHOTS, 'contacts-tree.png') });
    });

    await step('wikilinks: Go to Contact… opens a note, hovering [[maya-chen]] shows her card, F12 opens her note', async () => {
      await closeAllEditors(page);
      await runCommand(page, 'Rapport: Go to Contact…');
      await answerInput(page, 'Go to Contact', 'Sam Whitaker');
      const { hover, point } = await hoverLink(page, 'referred_by', 'maya-chen', 'Stage: nurturing');
      const card = (await hover.textContent()) ?? '';
      if (!/Maya Chen[\s\S]*Senior UX Researcher at Brightline Health[\s\S]*Next: Keep in touch with Maya Chen/.test(card)) throw new Error(`unexpected card: ${card}`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, 'wikilink-hover.png') });
      await page.mouse.click(point.x, point.y);
      await page.keyboard.press('F12');
      await page.locator('.tabs-container .tab.active', { hasText: 'maya-chen.md' }).waitFor({ timeout: 15_000 });
      await closeAllEditors(page);
    });

    await step('the Agenda groups actions Overdue first, each group with its count, every row naming the person', async () => {
      await closeAllEditors(page);
      const agenda = await expandView(page, 'Agenda');
      await agenda.locator('.monaco-list-row[role="treeitem"]').first().waitFor({ timeout: 15_000 });
      const groups = agenda.locator('.monaco-list-row[aria-level="1"]');
      const firstGroup = await groups.first().locator('.label-name').textContent();
      const count = await groups.first().locator('.label-description').textContent();
      if (firstGroup?.trim() !== 'Overdue' || !/^\d+$/.test(count?.trim() ?? '')) throw new Error(`the first group is ${firstGroup} (${count})`);
      const row = agenda.locator('.monaco-list-row[aria-level="2"]').first();
      const person = (await row.locator('.label-name').textContent())?.trim() ?? '';
      const when = (await row.locator('.label-description').textContent())?.trim() ?? '';
      if (!/^[A-Z][\p{L}'-]+ [A-Z]/u.test(person) || !/^overdue \d+ d · /.test(when)) throw new Error(`unexpected first row: ${person} | ${when}`);
      await collapseView(page, 'Contacts');
      // Clicking an action opens the contact's note beside the list.
      await row.click();
      await page.locator('.editor-instance .view-lines', { hasText: 'type: contact' }).first().waitFor({ timeout: 15_000 });
      // Grace Liu, added above, is a first letter to write now, where Priya Raman's row asked to add her.
      await agenda.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Grace Liu' }).filter({ hasText: 'no date · write the first letter' }).first().waitFor({ timeout: 15_000 });
      if ((await agenda.locator('.monaco-list-row[aria-level="2"]', { hasText: 'add Grace Liu' }).count()) > 0) throw new Error('the Agenda still asks to add Grace Liu');
      await page.mouse.move(640, 5);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, 'agenda.png') });
      await closeAllEditors(page);
      await expandView(page, 'Contacts');
    });

    await step('"Rapport: Draft a Letter…" opens a letter filled from the note, markers where a field is missing', async () => {
      await runCommand(page, 'Rapport: Draft a Letter…');
      // Keeping in touch with Maya is due in two days; the article to share is Jordan's to give: the letter leaves a place to fill, named in words.
      await answerInput(page, 'Draft a Letter', 'Maya Chen');
      await answerInput(page, 'Letter for Maya Chen', 'keep-in-touch');
      await page.locator('.editor-instance .view-lines', { hasText: 'Dear Maya' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.editor-instance .view-lines', { hasText: '[[fill: the article or news to share' }).first().waitFor({ timeout: 5_000 });
      await page.locator('.editor-actions [aria-label="Mark Letter as Sent"]').first().waitFor({ timeout: 10_000 });
      await clearNotifications(page);
      await page.mouse.move(640, 5);
      await page.screenshot({ path: join(SCREENSHOTS, 'letter.png') });
      // A draft closes without asking to be saved.
      await page.keyboard.type('https://www.nngroup.com/articles/parent-portal-usability/');
      await page.locator('.tabs-container .tab.active .tab-actions .action-label').first().click();
      await page.locator('.tabs-container .tab', { hasText: 'keep-in-touch to Maya Chen' }).waitFor({ state: 'detached', timeout: 10_000 });
      if (await page.locator('.monaco-dialog-box').isVisible()) throw new Error('closing the draft asked something');
    });

    await step('the referral graph fits the panel and names every person', async () => {
      await runCommand(page, 'Rapport: Open Referral Graph');
      await page.locator('.tabs-container .tab.active', { hasText: 'Referral Graph' }).waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1500);
      await page.mouse.move(640, 5);
      await page.screenshot({ path: join(SCREENSHOTS, 'referral-graph.png') });
      await closeAllEditors(page);
    });

    await runSafetySteps({ page, step, folder, screenshots: SCREENSHOTS, contacts });

    await step('a next action written by hand offers "Mark Next Action Done" on its agenda row, which takes it off the agenda', async () => {
      await closeAllEditors(page);
      await collapseView(page, 'Contacts');
      const agenda = await expandView(page, 'Agenda');
      const row = agenda.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Tell Aisha how the coffee' }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.click({ button: 'right' });
      const markDone = page.locator('.context-view .action-item', { hasText: 'Mark Next Action Done' }).first();
      await markDone.waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(scratch, 'mark-next-done-menu.png') });
      await markDone.click();
      await row.waitFor({ state: 'detached', timeout: 15_000 });
      // Her keep-in-touch, in 90 days, moves to Later: Next 7 days 9 → 8, Later 5 → 6.
      await agenda.locator('.monaco-list-row[aria-level="1"]').filter({ hasText: /Next 7 days\s*8$/ }).first().waitFor({ timeout: 15_000 });
      await agenda.locator('.monaco-list-row[aria-level="1"]').filter({ hasText: /Later\s*6$/ }).first().waitFor({ timeout: 15_000 });
      await page.mouse.move(640, 5);
      await page.screenshot({ path: join(scratch, 'mark-next-done-after.png') });
    });
  } finally {
    if (page && result.failed > 0) await page.screenshot({ path: join(scratch, 'browser-failure.png') }).catch(() => {});
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
  return result;
}

/**
 * Waits for the quick input titled `title`, types `text` and presses Enter (picks filter by the text); with
 * `description`, the focused pick must show it beside the label.
 */
async function answerInput(page, title, text, { description } = {}) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
  const input = widget.locator('.quick-input-box input');
  await input.fill(text);
  const list = widget.locator('.quick-input-list');
  if (await list.isVisible()) {
    const focused = widget.locator('.monaco-list-row.focused', { hasText: text }).first();
    await focused.waitFor({ timeout: 5_000 });
    if (description !== undefined) await focused.locator('.label-description', { hasText: description }).waitFor({ timeout: 5_000 });
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
