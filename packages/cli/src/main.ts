import { invokedCommand } from './commands/index.js';
import { run } from './program.js';
import { StandardOutput } from './standard-output.js';

/**
 * Runs `rapport` with `argv` (the program file's one export, called by the entry,
 * src/bin.ts) and sets the process's exit code.
 */
export async function main(argv: readonly string[]): Promise<void> {
  // The command's module starts loading now, alongside the program's set-up (a failure to load it is reported by `run`, which loads it again).
  void invokedCommand(argv)?.load().catch(() => undefined);
  process.exitCode = await run(argv, {
    stdout: new StandardOutput(1, () => nodeStream(process.stdout)),
    stderr: new StandardOutput(2, () => nodeStream(process.stderr)),
    cwd: process.cwd(),
    env: process.env,
  });
}

/**
 * A reader that stops early (`rapport list | head -3`) closes the pipe: the command still
 * finishes what it was doing, and the rest of its output goes nowhere, as with any Unix tool.
 */
function nodeStream(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return stream;
}
