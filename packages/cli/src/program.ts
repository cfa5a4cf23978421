import { Command, CommanderError, Option } from 'commander';
import { RapportError } from '@rapport/core';
import { commands } from './commands/index.js';
import { CommandContext } from './context.js';
import type { Io } from './io.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, problems: 1, usage: 2, failure: 3 } as const;

/** A problem with what the user asked for: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Runs the CLI and returns its exit code. Never throws: every failure is
 * one line on stderr and a non-zero code.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('rapport')
    .description('Run informational interviews from a folder of Markdown notes.')
    .version('0.1.0')
    .addOption(new Option('-d, --dir <folder>', 'notes folder').default('.', 'the current directory'))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  let exitCode: number = EXIT.ok;
  const context = () => new CommandContext(io, program.opts<{ dir: string }>().dir);
  for (const register of commands) {
    register(program, context, (code) => {
      exitCode = code;
    });
  }

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`rapport: ${message}\n`);
    if (error instanceof UsageError || error instanceof RapportError) return error instanceof UsageError || error.name === 'InvalidInputError' ? EXIT.usage : EXIT.failure;
    const code = (error as NodeJS.ErrnoException).code;
    return code ? EXIT.failure : EXIT.failure;
  }
}

/** How each command file plugs itself into the program. */
export type RegisterCommand = (program: Command, context: () => CommandContext, setExitCode: (code: number) => void) => void;
