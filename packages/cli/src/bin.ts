#!/usr/bin/env node
/** Put in from package.json by the bundler (esbuild.mjs), which is how this file always runs. */
declare const RAPPORT_VERSION: string;

const argv = process.argv.slice(2);
// Asked by hooks, scripts and install checks: answered by this file alone, before anything else is loaded.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${RAPPORT_VERSION}\n`);
} else {
  // A reader that stops early (`rapport list | head -3`) closes the pipe: the command still
  // finishes what it was doing, and the rest of its output goes nowhere, as with any Unix tool.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  // The command's own chunk loads alongside the program's rather than after it
  // (a failure to load it is reported by `run`, which loads it again).
  const command = import('./commands/index.js').then(({ invokedCommand }) => invokedCommand(argv)?.load()).catch(() => undefined);
  const [{ run }] = await Promise.all([import('./program.js'), command]);
  process.exitCode = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  });
}
