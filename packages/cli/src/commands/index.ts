import type { RegisterCommand } from '../program.js';

/** A command's name and how to load the module that registers it: a run loads only the command it names (all of them for help, or a name that is none). */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

/** Every command, in the order `rapport --help` lists them. */
export const commands: readonly CommandEntry[] = [
  { name: 'init', load: async () => (await import('./init.js')).registerInit },
  { name: 'new', load: async () => (await import('./new.js')).registerNew },
  { name: 'list', load: async () => (await import('./list.js')).registerList },
  { name: 'agenda', load: async () => (await import('./agenda.js')).registerAgenda },
  { name: 'advance', load: async () => (await import('./advance.js')).registerAdvance },
  { name: 'log', load: async () => (await import('./log.js')).registerLog },
  { name: 'next', load: async () => (await import('./next.js')).registerNext },
  { name: 'dismiss', load: async () => (await import('./dismiss.js')).registerDismiss },
  { name: 'check', load: async () => (await import('./check.js')).registerCheck },
  { name: 'graph', load: async () => (await import('./graph.js')).registerGraph },
  { name: 'report', load: async () => (await import('./report.js')).registerReport },
  { name: 'letter', load: async () => (await import('./letter.js')).registerLetter },
  { name: 'trust', load: async () => (await import('./trust.js')).registerTrust },
  { name: 'questions', load: async () => (await import('./questions.js')).registerQuestions },
  { name: 'import', load: async () => (await import('./import.js')).registerImport },
  { name: 'export', load: async () => (await import('./export.js')).registerExport },
  { name: 'schema', load: async () => (await import('./schema.js')).registerSchema },
  { name: 'merge-driver', load: async () => (await import('./merge-driver.js')).registerMergeDriver },
];

/** The command `argv` runs: its first word that is not an option (nor `--dir`'s value), if that names a command. */
export function invokedCommand(argv: readonly string[]): CommandEntry | undefined {
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    if (arg === '-d' || arg === '--dir') at++;
    else if (!arg.startsWith('-')) return commands.find((command) => command.name === arg);
  }
  return undefined;
}
