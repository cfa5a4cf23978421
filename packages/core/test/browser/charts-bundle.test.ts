import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { vegaCanvasPlugin } from '../../src/charts/esbuild-plugin.js';

interface PageElement {
  innerHTML: string;
  querySelector(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  document: { getElementById(id: string): PageElement | null };
  getComputedStyle(element: PageElement): { fill: string };
}

const CHARTS = fileURLToPath(new URL('../../src/charts/index.ts', import.meta.url));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A report small enough to count by eye: 2 contacted, 1 answered; 3 identified, 2 contacted. */
const REPORT = {
  since: null,
  until: '2026-11-23',
  weeks: [{ week: '2026-W47', outreachSent: 2, contacted: 2, replied: 1, replyRate: 0.5, meetingsHeld: 1, thankYous: 1, thankYousOnTime: 1, referralsGained: 0 }],
  total: { outreachSent: 2, contacted: 2, replied: 1, replyRate: 0.5, meetingsHeld: 1, thankYous: 1, thankYousOnTime: 1, referralsGained: 0 },
  bySource: [{ source: 'cold', outreachSent: 2, contacted: 2, replied: 1, replyRate: 0.5, meetingsHeld: 1, meetingsPerOutreach: 0.5 }],
  medianDaysToReply: 2,
  thankYous: { meetings: 1, sameDay: 1, onTime: 0, late: 0, missing: 0, pending: 0 },
  funnel: [{ stage: 'identified', reached: 3 }, { stage: 'contacted', reached: 2 }, { stage: 'scheduled', reached: 1 }, { stage: 'held', reached: 1 }, { stage: 'thanked', reached: 1 }, { stage: 'nurturing', reached: 0 }],
  referralChains: { longest: 0, longestChain: [], depths: [{ depth: 0, contacts: 3 }] },
  outcomes: { byKind: { referral: { total: 0, open: 0 }, lead: { total: 0, open: 0 }, 'job-shadow': { total: 0, open: 0 }, 'resume-review': { total: 0, open: 0 }, resource: { total: 0, open: 0 }, advice: { total: 0, open: 0 }, training: { total: 0, open: 0 } }, openLeads: [] },
};

const ENTRY = `import { renderReportCharts } from ${JSON.stringify(CHARTS)};
export function run(theme) { return renderReportCharts(${JSON.stringify(REPORT)}, { theme }); }`;

async function bundle(options: BuildOptions): Promise<string> {
  const result = await build({ stdin: { contents: ENTRY, loader: 'js', resolveDir: process.cwd() }, bundle: true, minify: true, write: false, logLevel: 'silent', plugins: [vegaCanvasPlugin], ...options });
  return result.outputFiles![0]!.text;
}

describe('the charts in a bundle', () => {
  it('bundle to CommonJS for Node (the VS Code extension) and draw there', async () => {
    const code = await bundle({ platform: 'node', format: 'cjs', target: 'node20' });
    const file = join(mkdtempSync(join(tmpdir(), 'rapport-charts-')), 'charts.cjs');
    writeFileSync(file, code);
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)}).run({}).then((charts) => console.log(Object.keys(charts).join(' '), charts.funnel.includes('aria-label="identified: 3 contacts"')))`], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('funnel weekly replyRateBySource true\n');
  }, 60_000);

  it('without the plugin, a CommonJS bundle fails on vega-canvas’s top-level await', async () => {
    await expect(build({ stdin: { contents: ENTRY, loader: 'js', resolveDir: process.cwd() }, bundle: true, write: false, logLevel: 'silent', platform: 'node', format: 'cjs' })).rejects.toThrow(/Top-level await/);
  }, 60_000);

  it('bundle for the browser, draw in Chromium, and take their colours from the page’s CSS variables', async () => {
    const code = await bundle({ platform: 'browser', format: 'iife', globalName: 'rapportCharts' });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.setContent('<!doctype html><title>Charts</title><style>:root { --bar: rgb(1, 2, 3); --ink: rgb(4, 5, 6); }</style><div id="funnel"></div>');
      await page.addScriptTag({ content: code });
      const drawn = await page.evaluate(async () => {
        const { run } = (globalThis as unknown as { rapportCharts: { run(theme: object): Promise<{ funnel: string }> } }).rapportCharts;
        const charts = await run({ accent: 'var(--bar)', foreground: 'var(--ink)' });
        // The page's DOM, typed here because core's own code is compiled without the DOM library.
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        const holder = document.getElementById('funnel')!;
        holder.innerHTML = charts.funnel;
        const bar = holder.querySelector('[aria-roledescription="bar"]')!;
        const label = holder.querySelector('text')!;
        return { label: bar.getAttribute('aria-label'), fill: getComputedStyle(bar).fill, text: getComputedStyle(label).fill };
      });
      expect(errors).toEqual([]);
      expect(drawn).toEqual({ label: 'identified: 3 contacts', fill: 'rgb(1, 2, 3)', text: 'rgb(4, 5, 6)' });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
