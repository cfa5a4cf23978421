import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { exampleCopy, rapport } from './support/run-cli.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** `RAPPORT_SCREENSHOTS=1` refreshes the screenshot in the docs; otherwise it goes to a temporary folder. */
const SCREENSHOT = process.env.RAPPORT_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../../docs/screenshots/report.png', import.meta.url)) : join(mkdtempSync(join(tmpdir(), 'rapport-report-')), 'report.png');

it('the HTML report of the example opens in Chromium with no error and no request, and draws the hand-counted figures', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'rapport-report-')), 'report.html');
  expect(rapport(['report', '--html', out, '--today', '2026-11-23', '--dir', exampleCopy()]).code).toBe(0);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(out).href;
    await page.goto(url, { waitUntil: 'load' });

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.title()).toBe('Rapport report');

    const labels = (figure: string, role: string) =>
      page.$$eval(`figure#${figure} svg [aria-roledescription="${role}"]`, (marks) => marks.map((mark) => mark.getAttribute('aria-label')));
    expect(await labels('funnel', 'bar')).toEqual([
      'identified: 17 contacts',
      'contacted: 14 contacts',
      'scheduled: 8 contacts',
      'held: 5 contacts',
      'thanked: 4 contacts',
      'nurturing: 3 contacts',
    ]);
    const weekly = await labels('weekly', 'bar');
    // 12 weeks, 2026-W37 to 2026-W48 (the week of the report's day, 2026-11-23), three bars each.
    expect(weekly).toHaveLength(36);
    expect(weekly.slice(0, 3)).toEqual(['2026-W37, Outreach sent: 3', '2026-W37, Meetings held: 0', '2026-W37, Thank-yous sent: 0']);
    expect(weekly).toContain('2026-W46, Outreach sent: 4');
    expect(weekly).toContain('2026-W47, Meetings held: 1');
    expect(await labels('reply-rate-by-source', 'bar')).toEqual([
      'linkedin: 33% (1/3)',
      'association: 0% (0/1)',
      'personal: 100% (1/1)',
      'referral: 100% (5/5)',
      'cold: 0% (0/2)',
      'event: 100% (1/1)',
      'alumni: 100% (1/1)',
    ]);
    // The bars are drawn, not just listed: the funnel's widest bar is the 17 identified.
    const widths = await page.$$eval('figure#funnel svg [aria-roledescription="bar"]', (bars) => bars.map((bar) => Math.round((bar as SVGGraphicsElement).getBBox().width)));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[5]).toBeGreaterThan(0);

    // The figures and the weekly table are the text report's (packages/cli/test/report.test.ts), counted by hand from the example.
    const figures = await page.$$eval('ul.figures li', (items) => items.map((item) => item.textContent));
    expect(figures).toEqual(['18outreach sent', '64%reply rate (9 of 14)', '4 daysmedian time to reply', '5meetings held', '4/5thank-yous on time (0 late, 1 missing)', '6referrals gained', '4longest referral chain']);
    const weeks = await page.$$eval('table#weeks tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent).join(' ')));
    expect(weeks).toEqual([
      '2026-W37 3 3 67% 0 0/0 0',
      '2026-W38 1 1 0% 1 1/1 0',
      '2026-W39 1 1 100% 1 1/1 1',
      '2026-W40 1 0 — 0 0/0 0',
      '2026-W41 1 1 100% 1 1/1 2',
      '2026-W42 1 1 100% 0 0/0 0',
      '2026-W43 2 0 — 0 0/0 0',
      '2026-W44 1 1 0% 0 0/0 0',
      '2026-W45 2 2 50% 0 0/0 0',
      '2026-W46 4 3 100% 1 1/1 2',
      '2026-W47 1 1 0% 1 0/1 1',
      '2026-W48 0 0 — 0 0/0 0',
      'total 18 14 64% 5 4/5 6',
    ]);

    const leads = await page.$$eval('table#open-leads tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    expect(leads).toEqual([
      ['2026-12-04', 'Lead: Mon Valley Health: UX Research Associate, patient portal team (by 2026-12-04)', 'Marcus Bell', 'contacts/health-tech/marcus-bell.md:82'],
      ['', 'Lead: Carelink may post a contract Research Coordinator role in Q1 2027; she will send it to me when it opens.', 'Priya Raman', 'contacts/health-tech/priya-raman.md:99'],
    ]);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // On a phone (400 px) nothing is wider than the screen: the page never scrolls sideways, nor does a table inside it.
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('table')].filter((table) => table.scrollWidth > table.clientWidth).map((table) => table.id),
    }));
    expect(overflow).toEqual({ page: 400, tables: [] });
    // The table by source shows each figure under its name, as the wide table's header says it.
    const named = await page.$$eval('table#by-source tbody tr:first-child td', (cells) => cells.map((cell) => `${getComputedStyle(cell, '::before').content.replace(/^none$/, '').replace(/"/g, '')}${cell.textContent}`));
    expect(named).toEqual(['linkedin', 'sent 4', 'contacted 3', 'replied 1', 'reply rate 33%', 'meetings 0', 'per letter 0.00']);
  } finally {
    await browser.close();
  }
}, 120_000);
