// Small Playwright helpers for driving the code-server workbench like a user:
// open a folder, run a command from the palette (F1), wait for tree items and
// notifications, take screenshots. Selectors are VS Code 1.100's DOM.
//
//   import { startCodeServer, installExtension, launchBrowser } from './code-server.mjs';
//   import { openWorkbench, runCommand, waitForNotification, expandView,
//            waitForTreeItem } from './workbench.mjs';
//
//   const server = await startCodeServer();
//   const browser = await launchBrowser();
//   try {
//     await installExtension(server, 'rapport-vscode-0.1.0.vsix'); // before openWorkbench
//     const page = await openWorkbench(browser, server, '/abs/examples/job-search');
//     await runCommand(page, 'Rapport: Show Agenda');
//     await expandView(page, 'Contacts');
//     await waitForTreeItem(page, 'Grace Liu');
//     await page.screenshot({ path: 'agenda.png' });
//   } finally {
//     await browser.close();
//     await server.stop();
//   }

import { workbenchUrl } from './code-server.mjs';

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** RegExp matching `text` exactly (whole text content, surrounding spaces ignored). */
const exactly = (text) => (text instanceof RegExp ? text : new RegExp(`^\\s*${escapeRe(text)}\\s*$`));

/**
 * Open `folder` in a new browser context and wait until the workbench shows
 * the folder in the Explorer. Install VSIXs before calling this (extensions are
 * scanned when the window loads).
 *
 * @param {import('playwright-core').Browser} browser from launchBrowser()
 * @param {{url: string, port: number}} server from startCodeServer()
 * @param {string} [folder] absolute path on this machine; none: empty window
 * @param {{viewport?: {width: number, height: number}, timeout?: number}} [opts]
 * @returns {Promise<import('playwright-core').Page>} close it with page.context().close()
 */
export async function openWorkbench(browser, server, folder, opts = {}) {
  const timeout = opts.timeout ?? 60_000;
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  await page.goto(workbenchUrl(server, folder, payload), { waitUntil: 'domcontentloaded', timeout });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
  if (folder) {
    // The Explorer's file tree, once the remote file system answered (the
    // Explorer is the default view; skip quietly if another view is shown).
    await page.locator('.explorer-folders-view').first().waitFor({ state: 'attached', timeout: 15_000 }).catch(() => {});
  }
  return page;
}

/**
 * Run a command the way a user does: F1, type its palette title (with its
 * category, e.g. "Rapport: Show Agenda"), wait until that exact entry is the
 * selected one, Enter. Resolves when the palette has closed (the command may
 * still be running).
 *
 * @param {import('playwright-core').Page} page
 * @param {string} title exact palette label
 * @param {{timeout?: number}} [opts]
 */
export async function runCommand(page, title, opts = {}) {
  const timeout = opts.timeout ?? 30_000;
  const deadline = Date.now() + timeout;
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const focused = widget
    .locator('.monaco-list-row.focused .quick-input-list-label .label-name', { hasText: exactly(title) })
    .first();
  // Right after the window opens, extension contributions may not be
  // registered yet and the palette does not refresh its list by itself:
  // re-open it and retype until the entry shows up.
  for (let attempt = 0; ; attempt++) {
    // The input, not the widget: a quick input that is closing still shows its widget for a moment, with the input already hidden.
    if (!(await input.isVisible())) {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) });
    }
    try {
      await input.fill(`>${title}`, { timeout: 5000 });
      await focused.waitFor({ state: 'visible', timeout: Math.min(3000 + attempt * 1000, Math.max(500, deadline - Date.now())) });
      break;
    } catch (e) {
      if (Date.now() >= deadline) {
        const shown = await widget.locator('.monaco-list-row .label-name').allTextContents().catch(() => []);
        await page.keyboard.press('Escape').catch(() => {});
        throw new Error(`command "${title}" not found in the palette within ${timeout} ms; entries: ${JSON.stringify(shown.slice(0, 10))}`);
      }
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    }
  }
  await page.keyboard.press('Enter');
  // Done when the palette is gone, or when the command has reused the widget
  // for its own input box / quick pick (its value is then no longer ours).
  await page.waitForFunction(
    (typed) => {
      const w = document.querySelector('.quick-input-widget');
      if (!w || w.getClientRects().length === 0 || getComputedStyle(w).display === 'none') return true;
      const i = w.querySelector('.quick-input-box input');
      return !i || i.value !== typed;
    },
    `>${title}`,
    { timeout: Math.max(5000, deadline - Date.now()) },
  );
}

/**
 * Answer the input box or quick pick a command opened: type `text`, then
 * Enter. For a quick pick, waits until the focused entry's label contains
 * `text` first. Resolves when that prompt has gone (or was replaced).
 *
 * @param {import('playwright-core').Page} page
 * @param {string} text
 * @param {{timeout?: number}} [opts]
 */
export async function answerQuickInput(page, text, opts = {}) {
  const timeout = opts.timeout ?? 15_000;
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout });
  const before = await widget.locator('.quick-input-title, .quick-input-message').allTextContents();
  await input.fill(text);
  if (await widget.locator('.quick-input-list .monaco-list-row').count()) {
    await widget.locator('.monaco-list-row.focused .label-name', { hasText: text }).first().waitFor({ timeout }).catch(() => {});
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([typed, prev]) => {
      const w = document.querySelector('.quick-input-widget');
      if (!w || w.getClientRects().length === 0 || getComputedStyle(w).display === 'none') return true;
      const i = w.querySelector('.quick-input-box input');
      const now = [...w.querySelectorAll('.quick-input-title, .quick-input-message')].map((e) => e.textContent);
      return !i || i.value !== typed || JSON.stringify(now) !== JSON.stringify(prev);
    },
    [text, before],
    { timeout },
  );
}

/**
 * Wait for a toast notification whose message contains `text` (string or RegExp).
 * @returns {Promise<import('playwright-core').Locator>} the toast
 */
export async function waitForNotification(page, text, opts = {}) {
  const toast = page
    .locator('.notifications-toasts .notification-toast', {
      has: page.locator('.notification-list-item-message', { hasText: text }),
    })
    .first();
  await toast.waitFor({ state: 'visible', timeout: opts.timeout ?? 30_000 });
  return toast;
}

/**
 * Closes every editor (answering "Don't Save" for a drafted letter left open)
 * and waits until no editor tab is left: the close runs after the palette
 * has gone, and a command run before it ends would still see the last note
 * as the active editor (Advance Stage… then skips its contact picker).
 */
export async function closeAllEditors(page) {
  await runCommand(page, 'View: Close All Editors');
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
  const tabs = page.locator('.tabs-container .tab');
  const deadline = Date.now() + 15_000;
  // A command that opens a note as it ends (New Contact) can open it just after the close ran: closed again then.
  let closeAgainAt = Date.now() + 2_000;
  while ((await tabs.count()) > 0) {
    if (Date.now() > deadline) throw new Error(`editors still open after "View: Close All Editors": ${JSON.stringify(await tabs.allTextContents())}`);
    if (await dontSave.first().isVisible()) await dontSave.first().click();
    else if (Date.now() > closeAgainAt) {
      await runCommand(page, 'View: Close All Editors');
      closeAgainAt = Date.now() + 2_000;
    }
    await page.waitForTimeout(100);
  }
}

/** Close every notification toast (they can cover tree items at the bottom right). */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
}

/**
 * Points at the `[[link]]` reading `linkText` on the active editor's line that contains
 * `lineText`, and waits for a hover containing `hoverText`. Returns the hover, and the
 * point pointed at (to click the link).
 */
export async function hoverLink(page, lineText, linkText, hoverText) {
  const line = page.locator('.editor-instance:visible .view-line', { hasText: lineText }).first();
  await line.waitFor({ timeout: 15_000 });
  // The link provider's underline re-renders the line's spans: wait for the link's own span.
  const link = line.locator('span.detected-link', { hasText: linkText }).first();
  await link.waitFor({ state: 'visible', timeout: 15_000 });
  const box = await link.boundingBox();
  if (!box) throw new Error(`the link ${linkText} is not on screen`);
  const point = { x: box.x + box.width - 12, y: box.y + box.height / 2 };
  await page.mouse.move(point.x, point.y);
  const hover = page.locator('.monaco-hover:visible', { hasText: hoverText }).first();
  await hover.waitFor({ timeout: 15_000 });
  return { hover, point };
}

/**
 * Open a view container from the activity bar by its title (e.g. "Explorer",
 * or the extension's own container title). No-op when already open.
 */
export async function openViewContainer(page, title, opts = {}) {
  const timeout = opts.timeout ?? 30_000;
  const item = page.locator(`.activitybar .action-item a.action-label[aria-label^="${title}"]`).first();
  await item.waitFor({ state: 'visible', timeout });
  const li = item.locator('xpath=..');
  const open = () => li.evaluate((e) => e.getAttribute('aria-expanded') === 'true' || e.classList.contains('checked'));
  if (await open()) return;
  // The action item itself, which handles the click: its badge (a count of what is due) covers the icon's
  // middle and would take a click aimed at the icon, as it does a user's, who still opens the container.
  await li.click({ timeout });
  await page.waitForFunction((e) => e.getAttribute('aria-expanded') === 'true' || e.classList.contains('checked'), await li.elementHandle(), { timeout });
}

/**
 * Expand a view section (pane) by its name as shown in its header, e.g.
 * "Throwaway Tree" (case-insensitive: headers are upper-cased by CSS).
 * @returns {Promise<import('playwright-core').Locator>} the pane (header + body)
 */
export async function expandView(page, name, opts = {}) {
  const timeout = opts.timeout ?? 30_000;
  const header = page
    .locator('.pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^\\s*${escapeRe(name)}\\s*$`, 'i') }) })
    .first();
  await header.waitFor({ state: 'visible', timeout });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await header.elementHandle(), { timeout });
  return header.locator('xpath=..');
}

/**
 * Wait for a tree item (custom TreeView or Explorer) whose label is exactly
 * `label` (or matches a RegExp) to be visible. Expand its view first.
 * @param {{timeout?: number, within?: import('playwright-core').Locator}} [opts]
 *        within: e.g. the pane returned by expandView, to avoid matches elsewhere
 * @returns {Promise<import('playwright-core').Locator>} the row, for .click() etc.
 */
export async function waitForTreeItem(page, label, opts = {}) {
  const scope = opts.within ?? page;
  const row = scope
    .locator('.monaco-list-row[role="treeitem"]', {
      has: page.locator('.label-name', { hasText: exactly(label) }),
    })
    .first();
  await row.waitFor({ state: 'visible', timeout: opts.timeout ?? 30_000 });
  return row;
}

/** Labels of the visible rows of a tree (e.g. the pane from expandView). */
export async function treeItemLabels(scope) {
  return scope.locator('.monaco-list-row[role="treeitem"] .label-name').allTextContents();
}

/**
 * True when the window shows VS Code's "Restricted Mode" status bar item,
 * i.e. the folder is open untrusted (startCodeServer({ untrusted: true })).
 */
export async function isRestrictedMode(page) {
  return (await page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).count()) > 0;
}
