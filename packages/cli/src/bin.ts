#!/usr/bin/env node
import { invokedCommandName } from './command-names.js';

/** Put in by the bundler (esbuild.mjs), which is how this file always runs: the version in package.json, and a hash of dist/program.cjs. */
declare const RAPPORT_VERSION: string;
declare const RAPPORT_PROGRAM_BUILD: string;

// Bundled as CommonJS (dist/rapport.cjs): an ES module entry sets Node's module loader to ~20M instructions more work at every start.
const argv = process.argv.slice(2);
// Asked by hooks, scripts and install checks: answered by this file alone, before anything else is loaded.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${RAPPORT_VERSION}\n`);
} else {
  // The command is bundled into program.cjs, whose compiled code is kept per command. (The bundler keeps what
  // code-cache.ts requires, node:vm among them, from running until here.)
  void import('./code-cache.js').then(({ loadProgram }) => loadProgram(`${__dirname}/program.cjs`, RAPPORT_PROGRAM_BUILD, invokedCommandName(argv) ?? 'none').main(argv));
}
