import { Command, CommanderError, Option } from 'commander';
import { InvalidInputError, RapportError } from '@rapport/core';
import { commands, invokedCommand } from './commands/index.js';
import { CommandContext } from './context.js';
import { FailureError, UsageError } from './errors.js';
import { printable, type Io } from './io.js';
import { VERSION } from './version.js';

/** Exit codes, documented in docs/cli.md and the package README. */
export const EXIT = { ok: 0, problems: 1, usage: 2, failure: 3 } as const;

export { UsageError, FailureError };

/**
 * Runs the CLI and returns its exit code. Never throws: every failure is
 * one line on stderr and a non-zero code.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('rapport')
    .description('Run informational interviews from a folder of Markdown notes.')
    .version(VERSION)
    .addOption(new Option('-d, --dir <folder>', 'notes folder (default: the nearest folder with .rapport/ from here up, else the current directory)'))
    .addOption(new Option('--no-cache', 'read every note instead of reusing .rapport/cache/ (which is never needed for correctness)'))
    .addHelpText('after', '\nExit codes: 0 done, 1 problems found (check), 2 bad usage or input, 3 could not be done.\nExample:\n  rapport agenda --dir ~/job-search\n')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Parse errors are printed by the catch below, as one line.
      outputError: () => {},
    });

  program.hook('preAction', (_program, command) => {
    for (const given of [program, command]) {
      refuseOptionTakenAsValue(given, argv);
      refuseRepeatedOption(given, argv);
    }
  });

  let exitCode: number = EXIT.ok;
  const contexts: CommandContext[] = [];
  const context = () => {
    const { dir, cache } = program.opts<{ dir?: string; cache: boolean }>();
    const created = new CommandContext(io, dir, { cache });
    contexts.push(created);
    return created;
  };
  try {
    // Only the command being run is loaded (what `agenda` needs is a fraction of what `letter` or `import` does).
    const named = invokedCommand(argv);
    for (const register of await Promise.all((named ? [named] : commands).map((command) => command.load()))) {
      register(program, context, (code) => {
        exitCode = code;
      });
    }
    await program.parseAsync(argv as string[], { from: 'user' });
    // Only a command that fully succeeded leaves anything behind, the index cache included; it is
    // written last, once the output has been handed over, so whoever reads it never waits for the cache.
    if (exitCode === EXIT.ok && contexts.length > 0) {
      await flushed(io.stdout);
      for (const done of contexts) await done.saveIndexCache();
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version were printed already; bare `rapport` prints help to stderr and counts as a usage mistake.
      if (error.exitCode === 0 || error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      const command = argv.find((arg) => program.commands.some((candidate) => candidate.name() === arg));
      io.stderr.write(`rapport: ${error.message.replace(/^error: /, '')} (see rapport ${command ? `${command} ` : ''}--help)\n`);
      return EXIT.usage;
    }
    io.stderr.write(`rapport: ${printable(errorMessage(error))}\n`);
    return exitCodeOf(error);
  }
}

/**
 * An option given without its value takes the next word as one, an option
 * included (`log --note --force` would write "--force" into the note): refused,
 * unless written joined to its option (`--note=--force`), which says it is meant.
 */
function refuseOptionTakenAsValue(command: Command, argv: readonly string[]): void {
  for (const option of command.options) {
    const value: unknown = command.getOptionValue(option.attributeName());
    for (const given of Array.isArray(value) ? value : [value]) {
      if (typeof given !== 'string' || !/^--?[A-Za-z]/.test(given) || argv.includes(`${option.long}=${given}`)) continue;
      throw new UsageError(`option '${option.flags}' argument missing: ${given} after it is another option (for a value that starts with a dash, write ${option.long}=${given})`);
    }
  }
}

/**
 * An option of one value given twice (`--via email --via phone`) would keep
 * the last in silence: refused. Options that take several (`--note`, whose
 * texts are joined, and `--set`) have a parser of their own, and are left to it.
 */
function refuseRepeatedOption(command: Command, argv: readonly string[]): void {
  const end = argv.indexOf('--');
  const given = end === -1 ? argv : argv.slice(0, end);
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.parseArg) continue;
    const times = given.filter((arg) => arg === option.long || arg === option.short || (option.long !== undefined && arg.startsWith(`${option.long}=`))).length;
    if (times > 1) throw new UsageError(`${option.long ?? option.short} is given ${times} times: give it once`);
  }
}

/** Resolves once everything written to `stream` has been handed to the system (at once if it is closed, e.g. by `| head`). */
function flushed(stream: Io['stdout']): Promise<void> {
  if (!stream.writable) return Promise.resolve();
  return new Promise((resolve) => stream.write('', () => resolve()));
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof InvalidInputError) return EXIT.usage;
  return EXIT.failure;
}

const SYSTEM_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'it already exists',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

const SYSTEM_ACTIONS: Record<string, string> = {
  access: 'write to',
  mkdir: 'create',
  rename: 'write',
  open: 'open',
  write: 'write',
  read: 'read',
  scandir: 'read',
  opendir: 'read',
  unlink: 'remove',
  rmdir: 'remove',
};

/** One line for any error: system errors are reworded, since Node's `EACCES: …, mkdir '…'` is not for users. */
function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (error instanceof RapportError || code === undefined || !(code in SYSTEM_REASONS)) return firstLine(error.message);
  // The store locks `<note>.lock` before writing `<note>`: name the note the user knows.
  const isLock = path?.endsWith('.lock') ?? false;
  const file = isLock ? path!.slice(0, -'.lock'.length) : path;
  const action = isLock ? 'write' : ((syscall && SYSTEM_ACTIONS[syscall]) ?? 'use');
  return file ? `cannot ${action} ${file}: ${SYSTEM_REASONS[code]}` : `${SYSTEM_REASONS[code]} (${firstLine(error.message)})`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** How each command file plugs itself into the program. */
export type RegisterCommand = (program: Command, context: () => CommandContext, setExitCode: (code: number) => void) => void;
