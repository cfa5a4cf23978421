/**
 * The integration suite, run inside a real VS Code extension host by either
 * launcher: test/run-all.mjs (code-server, here and in CI) or
 * test/run-electron.mjs (@vscode/test-electron, for contributors with
 * desktop VS Code). A trusted window runs every suite but "Restricted"; a
 * window in Restricted Mode runs only that one. The browser's web-worker
 * host runs web/index.ts instead.
 */
import './suites.js';
import './cache.suite.js';
import './malformed.suite.js';
import { runSuites } from './run-suites.js';

export async function run(): Promise<void> {
  await runSuites(__dirname, 'node');
}
