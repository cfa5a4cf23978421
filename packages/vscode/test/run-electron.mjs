#!/usr/bin/env node
// For contributors with desktop VS Code and internet access: the same
// integration suite (out/test/index.cjs) under @vscode/test-electron, which
// downloads VS Code on first use. CI cannot download it, so CI runs
// test/run-all.mjs (code-server) instead.
//
//   pnpm --filter rapport-vscode run test:electron
//   VSCODE_VERSION=1.100.3 pnpm --filter rapport-vscode run test:electron
//
// Two windows, each over a fresh copy of examples/job-search: a trusted one
// (every suite but "Restricted") and one in Restricted Mode.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const EXTENSION = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = resolve(EXTENSION, '../../examples/job-search');
const TESTS = join(EXTENSION, 'out/test/index.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'rapport-electron-'));
const totals = { passed: 0, failed: 0 };

try {
  for (const mode of ['trusted', 'restricted']) {
    const folder = join(scratch, `job-search-${mode}`);
    cpSync(EXAMPLE, folder, { recursive: true, filter: (source) => !/[\\/]\.rapport[\\/]cache$/.test(source) });
    const userData = join(scratch, `user-data-${mode}`);
    mkdirSync(join(userData, 'User'), { recursive: true });
    // No trust dialog: a folder that is not trusted then opens straight in Restricted Mode.
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'workbench.startupEditor': 'none' }));
    const results = join(EXTENSION, `out/test/results-${mode}.json`);
    rmSync(results, { force: true });
    let code = 0;
    try {
      await runTests({
        ...(process.env.VSCODE_VERSION ? { version: process.env.VSCODE_VERSION } : {}),
        extensionDevelopmentPath: EXTENSION,
        extensionTestsPath: TESTS,
        launchArgs: [folder, '--disable-extensions', '--user-data-dir', userData, ...(mode === 'trusted' ? ['--disable-workspace-trust'] : [])],
      });
    } catch {
      code = 1;
    }
    const { passed = 0, failed = 1 } = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : {};
    totals.passed += passed;
    totals.failed += failed + (code !== 0 && failed === 0 ? 1 : 0);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
