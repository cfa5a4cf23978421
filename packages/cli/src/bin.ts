#!/usr/bin/env node
import { VERSION } from './version.js';

const argv = process.argv.slice(2);
// Asked by hooks, scripts and install checks: answered before the program (commander, core) is even loaded.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // A reader that stops early (`rapport list | head -3`) closes the pipe: the command still
  // finishes what it was doing, and the rest of its output goes nowhere, as with any Unix tool.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  const { run } = await import('./program.js');
  process.exitCode = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  });
}
