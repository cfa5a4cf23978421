import * as vscode from 'vscode';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, setSetting, TODAY, waitFor } from './fixture.js';
import { runRegistered } from './runner.js';

/**
 * Runs the registered suites in the window at hand and writes
 * `results-<mode>.json` into `resultsFolder` for the launcher: a trusted
 * window runs every suite but "Restricted", a window in Restricted Mode
 * only that one. In the browser's web-worker host the mode is prefixed
 * with `web-`, and the host is checked: the browser entry must be the one
 * running.
 */
export async function runSuites(resultsFolder: string, expectedHost: 'node' | 'web'): Promise<void> {
  const trusted = vscode.workspace.isTrusted;
  const rapport = await api();
  const mode = `${expectedHost === 'web' ? 'web-' : ''}${trusted ? 'trusted' : 'restricted'}`;
  console.log(`Rapport integration tests (${mode} window, ${rapport.host} extension host, VS Code ${vscode.version})`);
  if (rapport.host !== expectedHost) throw new Error(`Rapport runs in the ${rapport.host} extension host; these tests expect the ${expectedHost} one`);
  console.log(startupFigures(rapport.timings.values));
  await setSetting('today', TODAY);
  await waitFor(() => rapport.notes.today() === TODAY, 'the pinned date to apply');

  const result = await runRegistered((suite) => (suite === 'Restricted' || suite.startsWith('Restricted ›')) !== trusted, (line) => console.log(line));
  writeFileSync(join(resultsFolder, `results-${mode}.json`), JSON.stringify({ suite: `vscode-${mode}`, registered: result.registered, passed: result.passed, failed: result.failed, failures: result.failures, flaky: result.flaky, durationMs: result.durationMs }, null, 2));
  console.log(`${result.passed} passed, ${result.failed} failed`);
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
}

/**
 * How long this host took to load Rapport's bundle and run `activate()`,
 * from the marks VS Code's extension host sets (kept by `performance` in
 * the web worker, by `MonacoPerformanceMarks.getMarks()` in the Node host), and
 * Rapport's own start-up marks: the figures docs/web.md compares.
 */
function startupFigures(marks: Readonly<Partial<Record<string, number>>>): string {
  const id = 'rapport.rapport-vscode';
  const times = new Map<string, number>();
  const entries = (globalThis.performance?.getEntriesByType?.('mark') ?? []) as { name: string; startTime: number }[];
  for (const entry of entries) times.set(entry.name, entry.startTime);
  // The Node host keeps its marks in VS Code's own polyfill (vs/base/common/performance).
  const monaco = (globalThis as { MonacoPerformanceMarks?: { getMarks?: () => { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  for (const entry of monaco?.getMarks?.() ?? []) times.set(entry.name, entry.startTime);
  const span = (from: string, to: string) => {
    const start = times.get(`code/extHost/${from}/${id}`);
    const end = times.get(`code/extHost/${to}/${id}`);
    return start !== undefined && end !== undefined ? `${(end - start).toFixed(1)} ms` : 'not marked';
  };
  const own = Object.entries(marks).map(([name, ms]) => `${name} ${ms!.toFixed(1)} ms`).join(', ');
  return `Start-up: bundle fetched in ${span('willFetchExtensionCode', 'didFetchExtensionCode')}, loaded in ${span('willLoadExtensionCode', 'didLoadExtensionCode')}, activated in ${span('willActivateExtension', 'didActivateExtension')}; Rapport's marks: ${own}`;
}
