/**
 * The names of Rapport's commands, in the order `rapport --help` lists them. Apart from
 * the modules that register them, so that the entry file can tell which command a run
 * names (its code cache is kept per command) without loading any of them.
 */
export const COMMAND_NAMES = ['init', 'new', 'list', 'agenda', 'advance', 'log', 'next', 'outcome', 'dismiss', 'snooze', 'check', 'graph', 'report', 'letter', 'trust', 'questions', 'import', 'export', 'schema', 'merge-driver'] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/** The command `argv` runs: its first word that is not an option (nor `--dir`'s value), if that names a command. */
export function invokedCommandName(argv: readonly string[]): CommandName | undefined {
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    if (arg === '-d' || arg === '--dir') at++;
    else if (!arg.startsWith('-')) return COMMAND_NAMES.find((name) => name === arg);
  }
  return undefined;
}
