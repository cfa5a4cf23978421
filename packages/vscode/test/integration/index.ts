/**
 * The integration suite, run inside a real VS Code extension host by either
 * launcher: test/run-all.mjs (code-server, here and in CI) or
 * test/run-electron.mjs (@vscode/test-electron, for contributors with
 * desktop VS Code). A trusted window runs every suite but "Restricted"; a
 * window in Restricted Mode runs only that one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, setSetting, TODAY, waitFor } from './fixture.js';
import { runRegistered } from './runner.js';
import './dashboard-charts.suite.js';
import './trees.suite.js';
import './commands.suite.js';
import './diagnostics.suite.js';
import './letters.suite.js';
import './scale.suite.js';
import './cache.suite.js';
import './malformed.suite.js';
import './navigation.suite.js';
import './advance-stage.suite.js';
import './completion.suite.js';
import './mark-sent.suite.js';
import './due-status.suite.js';
import './contacts-tree-problems.suite.js';
import './quick-fixes.suite.js';
import './dashboard.suite.js';
import './restricted.suite.js';

export async function run(): Promise<void> {
  const trusted = vscode.workspace.isTrusted;
  const mode = trusted ? 'trusted' : 'restricted';
  console.log(`Rapport integration tests (${mode} window, VS Code ${vscode.version})`);
  const rapport = await api();
  await setSetting('today', TODAY);
  await waitFor(() => rapport.notes.today() === TODAY, 'the pinned date to apply');

  const result = await runRegistered((suite) => (suite === 'Restricted' || suite.startsWith('Restricted ›')) !== trusted, (line) => console.log(line));
  writeFileSync(join(__dirname, `results-${mode}.json`), JSON.stringify({ suite: `vscode-${mode}`, registered: result.registered, passed: result.passed, failed: result.failed, failures: result.failures, durationMs: result.durationMs }, null, 2));
  console.log(`${result.passed} passed, ${result.failed} failed`);
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
}
