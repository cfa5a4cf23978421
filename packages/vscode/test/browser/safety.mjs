// Browser steps for what must never harm a note or hide one: Advance Stage…
// takes the next stage on Enter, wikilink completion leaves valid YAML, and
// a note with broken YAML stays in the Contacts tree, where links to it lead. Run from
// new-contact.mjs's runBrowserTest, on the same page; screenshots go to
// docs/screenshots.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuickInput, clearNotifications, closeAllEditors, expandView, hoverLink, runCommand, waitForTreeItem } from '../harness/workbench.mjs';

const BROKEN_NOTE = ['---', 'type: contact', 'name: Rhea Vance', 'role: Manager: Data Platform', 'stage: identified', '---', '', '# Rhea Vance', ''].join('\n');
const REFERRED_BY_BROKEN_NOTE = ['---', 'type: contact', 'name: Sol Park', 'stage: identified', 'referred_by: "[[rhea-vance]]"', '---', '', '# Sol Park', ''].join('\n');

/**
 * @param {{page: import('playwright-core').Page, step: (name: string, body: () => Promise<void>) => Promise<boolean>, folder: string, screenshots: string, contacts: import('playwright-core').Locator}} options
 */
export async function runSafetySteps({ page, step, folder, screenshots, contacts }) {
  const widget = page.locator('.quick-input-widget');

  await step('"Rapport: Advance Stage…" focuses the next stage, and Enter records it', async () => {
    await closeAllEditors(page);
    await runCommand(page, 'Rapport: Advance Stage…');
    await widget.locator('.quick-input-title', { hasText: 'Advance Stage' }).waitFor({ timeout: 15_000 });
    await widget.locator('.quick-input-box input').fill('Lauren Fitzgerald');
    await widget.locator('.monaco-list-row.focused', { hasText: 'Lauren Fitzgerald' }).waitFor({ timeout: 5_000 });
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-title', { hasText: 'Advance Lauren Fitzgerald' }).waitFor({ timeout: 15_000 });
    const focused = await widget.locator('.monaco-list-row.focused .label-name').first().textContent({ timeout: 5_000 });
    if (focused?.trim() !== 'prepared') throw new Error(`the focused stage is "${focused}", not "prepared"`);
    await page.screenshot({ path: join(screenshots, 'advance-stage.png') });
    await page.keyboard.press('Enter');
    const note = join(folder, 'lauren-fitzgerald.md');
    const deadline = Date.now() + 10_000;
    while (!/^stage: prepared$/m.test(readFileSync(note, 'utf8'))) {
      if (Date.now() > deadline) throw new Error(`the note still says ${/^stage: .*$/m.exec(readFileSync(note, 'utf8'))?.[0]}`);
      await page.waitForTimeout(100);
    }
    await clearNotifications(page);
  });

  await step('wikilink completion in the frontmatter closes ]] and the quote once', async () => {
    await closeAllEditors(page);
    await page.keyboard.press('Control+P');
    await widget.locator('.quick-input-box input').fill('keisha-brooks.md');
    await widget.locator('.monaco-list-row.focused', { hasText: 'keisha-brooks.md' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: 'type: contact' }).waitFor({ timeout: 15_000 });
    await editor.locator('.view-line', { hasText: 'type: contact' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('referred_by: "[[maya', { delay: 60 });
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'maya-chen' }).first();
    await suggestion.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(screenshots, 'wikilink-completion.png') });
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: 'referred_by' }).first().waitFor({ timeout: 5_000 });
    const line = (await editor.locator('.view-line', { hasText: 'referred_by' }).first().textContent())?.replace(/\u00a0/g, ' ');
    if (line !== 'referred_by: "[[maya-chen]]"') throw new Error(`the line reads ${JSON.stringify(line)}`);
    await runCommand(page, 'File: Revert File');
    await closeAllEditors(page);
  });

  await step('a note with invalid YAML stays in the Contacts tree, as an error row that opens at its line', async () => {
    writeFileSync(join(folder, 'rhea-vance.md'), BROKEN_NOTE);
    // Earlier steps may have collapsed the Contacts view or scrolled it: open it again, its first rows in sight.
    const view = await expandView(page, 'Contacts');
    const row = await waitForTreeItem(page, 'rhea-vance', { within: view, timeout: 20_000 });
    const description = await row.locator('.label-description').textContent();
    if (!/^line 4: /.test(description ?? '')) throw new Error(`unexpected description: ${description}`);
    // A row redrawn under the pointer (the tree updates as the folder is read) shows no hover: move off and on again.
    const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'cannot be read as a contact' }).first();
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(640, 5);
      await row.hover();
      try {
        await hover.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await page.screenshot({ path: join(screenshots, 'broken-note.png') });
    await row.click();
    await page.locator('.editor-instance .view-lines', { hasText: 'Manager: Data Platform' }).first().waitFor({ timeout: 15_000 });
    await page.locator('.statusbar-item', { hasText: /Ln 4, Col/ }).first().waitFor({ timeout: 10_000 });
    await closeAllEditors(page);
  });

  await step('a link to that note says it cannot be read, and its quick fix opens it instead of creating it again', async () => {
    writeFileSync(join(folder, 'sol-park.md'), REFERRED_BY_BROKEN_NOTE);
    // Opened once indexed (Quick Open's file list may not have the new file yet): Sol Park in the tree, then Go to Contact….
    await waitForTreeItem(page, 'Sol Park', { within: await expandView(page, 'Contacts'), timeout: 20_000 });
    await runCommand(page, 'Rapport: Go to Contact…');
    await answerQuickInput(page, 'Sol Park');
    const { hover, point } = await hoverLink(page, 'referred_by', 'rhea-vance', 'rhea-vance.md cannot be read');
    const text = (await hover.textContent()) ?? '';
    if (!/line 4: The value of `?role`? contains/.test(text)) throw new Error(`unexpected hover: ${text}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'broken-link-hover.png') });
    await page.mouse.click(point.x, point.y);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Open rhea-vance.md, which cannot be read' }).first();
    await fix.waitFor({ timeout: 10_000 });
    if (await page.locator('.action-widget .monaco-list-row', { hasText: 'Create the contact' }).count()) throw new Error('the quick fix still offers to create the contact');
    await page.keyboard.press('Escape');
    // Sol Park stays (last in Ready to write): removing her would redraw the Agenda under the next step's click.
    await closeAllEditors(page);
  });
}
