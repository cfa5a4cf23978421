#!/usr/bin/env node
import { run } from './program.js';

// A reader that stops early (`rapport list | head -3`) closes the pipe: the command still
// finishes what it was doing, and the rest of its output goes nowhere, as with any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
