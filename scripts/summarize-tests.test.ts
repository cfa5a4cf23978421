import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { report, summarize } from './summarize-tests.mjs';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const FLOORS = { vitest: 2, 'integration-trusted': 1, 'integration-restricted': 0, 'integration-web': 0, 'integration-web-restricted': 0, browser: 1, 'memfs-node': 0, 'memfs-webworker': 0, 'browser-web': 0 };
const PASSING_WINDOW = { passed: 0, failed: 0, failures: [] };

function results(vitest: object, windows: Record<string, object>): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-summary-'));
  folders.push(folder);
  writeFileSync(join(folder, 'vitest.json'), JSON.stringify(vitest));
  const all = { 'integration-trusted': PASSING_WINDOW, 'integration-restricted': PASSING_WINDOW, 'integration-web': PASSING_WINDOW, 'integration-web-restricted': PASSING_WINDOW, browser: PASSING_WINDOW, 'memfs-node': PASSING_WINDOW, 'memfs-webworker': PASSING_WINDOW, 'browser-web': PASSING_WINDOW, ...windows };
  writeFileSync(join(folder, 'vscode.json'), JSON.stringify({ windows: all }));
  return folder;
}

describe('the closing lines of a test run', () => {
  it('name every test that failed, in vitest and in each VS Code window, so that the last lines of a CI log say which', () => {
    const folder = results(
      {
        numPassedTests: 1,
        numFailedTests: 1,
        testResults: [
          { name: '/check/work/main/packages/core/src/agenda.test.ts', status: 'failed', assertionResults: [{ status: 'passed', fullName: 'agenda › lists today' }, { status: 'failed', fullName: 'agenda › sorts overdue first' }] },
          { name: '/check/work/main/packages/cli/test/broken.test.ts', status: 'failed', assertionResults: [] },
        ],
      },
      {
        'integration-trusted': { passed: 3, failed: 1, registered: 4, failures: ['Referrals › the view lists the name under the referrer'] },
        browser: { passed: 1, failed: 1, failures: ['"Rapport: New Contact" from the command palette adds the contact to the tree'] },
      },
    );
    expect(report(summarize(folder, {}, FLOORS))).toEqual([
      'summarize-tests: 4 failed:\n' +
        '    vitest: packages/core/src/agenda.test.ts › agenda › sorts overdue first\n' +
        '    vitest: packages/cli/test/broken.test.ts (did not load)\n' +
        '    integration-trusted: Referrals › the view lists the name under the referrer\n' +
        '    browser: "Rapport: New Contact" from the command palette adds the contact to the tree',
      '5 passed, 4 failed, 0 skipped: FAILED (1 reason above)',
    ]);
  });

  it('say OK with the totals when every test passed and every floor was met', () => {
    const folder = results({ numPassedTests: 2, numFailedTests: 0, testResults: [] }, { 'integration-trusted': { passed: 1, failed: 0, registered: 1, failures: [] }, browser: { passed: 1, failed: 0 } });
    expect(report(summarize(folder, {}, FLOORS))).toEqual(['4 passed, 0 failed, 0 skipped: OK']);
  });

  it('name a VS Code test that passed only when run again as flaky, without failing the run', () => {
    const folder = results({ numPassedTests: 2, numFailedTests: 0, testResults: [] }, { 'integration-trusted': { passed: 1, failed: 0, registered: 1, failures: [], flaky: ['Add a referral from the note › the Referrals view lists the name'] }, browser: { passed: 1, failed: 0 } });
    expect(report(summarize(folder, {}, FLOORS))).toEqual([
      'summarize-tests: 1 passed only when run again (flaky, to be mended):\n    integration-trusted: Add a referral from the note › the Referrals view lists the name',
      '4 passed, 0 failed, 0 skipped: OK',
    ]);
  });

  it('fail a window that ran fewer tests than it registered, and a step that exited non-zero', () => {
    const folder = results({ numPassedTests: 2, numFailedTests: 0, testResults: [] }, { 'integration-trusted': { passed: 2, failed: 0, registered: 3, failures: [] }, browser: { passed: 1, failed: 0 } });
    expect(report(summarize(folder, { bench: 1 }, FLOORS))).toEqual([
      'summarize-tests: the integration-trusted window ran 2 of its 3 tests',
      'summarize-tests: bench exited 1',
      '5 passed, 0 failed, 0 skipped: FAILED (2 reasons above)',
    ]);
  });
});
