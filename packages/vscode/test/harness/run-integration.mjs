#!/usr/bin/env node
// Run an extension's integration tests in a real VS Code (code-server) driven
// by headless chromium, and exit with the tests' result.
//
//   node packages/vscode/test/harness/run-integration.mjs \
//     --extension packages/vscode \
//     --tests /abs/packages/vscode/out/test/index.js \
//     --folder examples/job-search [--untrusted] [--timeout 180] [--screenshot fail.png]
//
// Exit codes: 0 passed, 1 tests failed, 2 harness/server error or bad usage,
// 124 timeout. Needs scripts/setup-test-env.sh to have run.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runExtensionTests } from './code-server.mjs';

const usage =
  'usage: run-integration.mjs --extension <dir> --tests <compiled test index.js> ' +
  '[--folder <dir>] [--untrusted] [--timeout <seconds>] [--screenshot <png on failure>]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      folder: { type: 'string' },
      untrusted: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      screenshot: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.extension || !values.tests) {
  console.error(usage);
  process.exit(2);
}

let code;
try {
  code = await runExtensionTests({
    extensionDevelopmentPath: path.resolve(values.extension),
    extensionTestsPath: path.resolve(values.tests),
    folder: values.folder ? path.resolve(values.folder) : undefined,
    untrusted: values.untrusted,
    timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined,
    screenshotOnFailure: values.screenshot ? path.resolve(values.screenshot) : undefined,
  });
} catch (e) {
  console.error(`[harness] ${e.stack ?? e}`);
  code = 2;
}
process.exit(code);
