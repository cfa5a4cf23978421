// Prints the one closing line CI reads and exits with the status that line states:
//
//   node scripts/summarize-tests.mjs <results dir> [--step name=exitcode]... [--floor suite=N]...
//
// (--floor lowers or raises one suite's floor, for a partial run by hand.)
//
// It reads every suite's results file from <results dir>: vitest.json (vitest's
// JSON report) and vscode.json (test/run-all.mjs: one entry per VS Code window).
// The run fails, and the line says why, when
//   - any test failed (each is named, so that CI's last lines say which), or a
//     --step (build, benchmark…) exited non-zero;
//   - any test was skipped (each is named): CI installs what every test needs;
//   - a suite's results file is missing (the suite did not run to its end);
//   - a suite ran fewer tests than its floor below, or a VS Code window ran
//     fewer tests than it registered (a window whose suites failed to load
//     reports "0 passed, 0 failed").
// A VS Code test that failed once and passed when run again does not fail the
// run, but is named above the closing line as flaky, to be mended.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The fewest tests each suite may run. Raise a floor when adding tests; a
 * floor is a guard against suites that silently stop running, not a count.
 */
export const FLOORS = {
  vitest: 700,
  'integration-trusted': 91,
  'integration-restricted': 5,
  // The same suites in the browser's web-worker host, less the Node-only ones (test/integration/web/index.ts).
  'integration-web': 60,
  'integration-web-restricted': 4,
  browser: 4,
  'memfs-node': 6,
  'memfs-webworker': 6,
  'browser-web': 5,
};

/** The suites whose results files must be there, each with the windows it reports. */
const SUITES = {
  'vitest.json': ['vitest'],
  'vscode.json': ['integration-trusted', 'integration-restricted', 'integration-web', 'integration-web-restricted', 'browser', 'memfs-node', 'memfs-webworker', 'browser-web'],
};

/** Reads the results in `dir`; returns the totals and every reason the run fails. */
export function summarize(dir, steps = {}, floors = FLOORS) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const problems = [];
  const failures = [];
  const flaky = [];
  for (const [file, windows] of Object.entries(SUITES)) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`${file} is missing (that suite did not run to its end)`);
      continue;
    }
    let report;
    try {
      report = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${file} is not JSON (${error.message})`);
      continue;
    }
    if (file === 'vitest.json') readVitest(report, totals, problems, floors, failures);
    else readWindows(file, report, windows, totals, problems, floors, failures, flaky);
  }
  for (const [name, code] of Object.entries(steps)) {
    if (code !== 0) problems.push(`${name} exited ${code}`);
  }
  if (totals.failed > 0) problems.unshift(`${totals.failed} failed${failures.length > 0 ? `:\n${failures.map((name) => `    ${name}`).join('\n')}` : ''}`);
  return { totals, problems, flaky };
}

function readVitest(report, totals, problems, floors, failures) {
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  // Files that failed to load count as failures too: their tests never ran.
  totals.failed += (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  const skipped = [];
  for (const file of report.testResults ?? []) {
    const where = file.name.replace(/^.*?\/packages\//, 'packages/');
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failures.push(`vitest: ${where} (did not load)`);
    for (const test of file.assertionResults ?? []) {
      if (['pending', 'skipped', 'todo'].includes(test.status)) skipped.push(`${where} › ${test.fullName ?? test.title}`);
      if (test.status === 'failed') failures.push(`vitest: ${where} › ${test.fullName ?? test.title}`);
    }
  }
  const skippedCount = Math.max(skipped.length, (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0));
  totals.skipped += skippedCount;
  if (skippedCount > 0) problems.push(`${skippedCount} skipped (CI must run every test):\n${skipped.map((name) => `    ${name}`).join('\n')}`);
  const ran = (report.numPassedTests ?? 0) + (report.numFailedTests ?? 0);
  if (ran < floors.vitest) problems.push(`vitest ran ${ran} tests, fewer than its floor of ${floors.vitest}`);
}

function readWindows(file, report, windows, totals, problems, floors, failures, flaky) {
  for (const name of windows) {
    const window = report.windows?.[name];
    if (!window) {
      problems.push(`${file} has no results for the ${name} window`);
      continue;
    }
    const { passed = 0, failed = 0, skipped = 0, registered, failures: failedTitles = [] } = window;
    flaky.push(...(window.flaky ?? []).map((title) => `${name}: ${title}`));
    totals.passed += passed;
    totals.failed += failed;
    failures.push(...failedTitles.map((title) => `${name}: ${title}`));
    totals.skipped += skipped;
    if (skipped > 0) problems.push(`${skipped} skipped in the ${name} window`);
    const ran = passed + failed;
    if (registered !== undefined && ran < registered) problems.push(`the ${name} window ran ${ran} of its ${registered} tests`);
    if (ran < floors[name]) problems.push(`the ${name} window ran ${ran} tests, fewer than its floor of ${floors[name]}`);
  }
}

/** What to print: the flaky tests and every reason the run fails, then the closing line with the totals and the verdict. */
export function report({ totals, problems, flaky = [] }) {
  const counts = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
  const flakyLines = flaky.length === 0 ? [] : [`summarize-tests: ${flaky.length} passed only when run again (flaky, to be mended):\n${flaky.map((name) => `    ${name}`).join('\n')}`];
  if (problems.length === 0) return [...flakyLines, `${counts}: OK`];
  return [...flakyLines, ...problems.map((problem) => `summarize-tests: ${problem}`), `${counts}: FAILED (${problems.length} ${problems.length === 1 ? 'reason' : 'reasons'} above)`];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { step: { type: 'string', multiple: true, default: [] }, floor: { type: 'string', multiple: true, default: [] } } });
  if (positionals.length !== 1) {
    console.error('usage: node scripts/summarize-tests.mjs <results dir> [--step name=exitcode]... [--floor suite=N]...');
    process.exit(2);
  }
  const pairs = (list) => Object.fromEntries(list.map((pair) => [pair.slice(0, pair.lastIndexOf('=')), Number(pair.slice(pair.lastIndexOf('=') + 1))]));
  const summary = summarize(positionals[0], pairs(values.step), { ...FLOORS, ...pairs(values.floor) });
  for (const line of report(summary)) console.log(line);
  process.exitCode = summary.problems.length === 0 ? 0 : 1;
}
