import { COMMAND_NAMES, invokedCommandName, type CommandName } from '../command-names.js';
import type { RegisterCommand } from '../program.js';

/** A command's name and how to load the module that registers it: a run loads only the command it names (all of them for help, or a name that is none). */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

const loaders: { readonly [Name in CommandName]: () => Promise<RegisterCommand> } = {
  init: async () => (await import('./init.js')).registerInit,
  new: async () => (await import('./new.js')).registerNew,
  list: async () => (await import('./list.js')).registerList,
  agenda: async () => (await import('./agenda.js')).registerAgenda,
  advance: async () => (await import('./advance.js')).registerAdvance,
  log: async () => (await import('./log.js')).registerLog,
  next: async () => (await import('./next.js')).registerNext,
  outcome: async () => (await import('./outcome.js')).registerOutcome,
  dismiss: async () => (await import('./dismiss.js')).registerDismiss,
  snooze: async () => (await import('./snooze.js')).registerSnooze,
  check: async () => (await import('./check.js')).registerCheck,
  graph: async () => (await import('./graph.js')).registerGraph,
  report: async () => (await import('./report.js')).registerReport,
  letter: async () => (await import('./letter.js')).registerLetter,
  trust: async () => (await import('./trust.js')).registerTrust,
  questions: async () => (await import('./questions.js')).registerQuestions,
  import: async () => (await import('./import.js')).registerImport,
  export: async () => (await import('./export.js')).registerExport,
  schema: async () => (await import('./schema.js')).registerSchema,
  'merge-driver': async () => (await import('./merge-driver.js')).registerMergeDriver,
};

/** Every command, in the order `rapport --help` lists them. */
export const commands: readonly CommandEntry[] = COMMAND_NAMES.map((name) => ({ name, load: loaders[name] }));

/** The command `argv` runs, if its first word that is not an option names one. */
export function invokedCommand(argv: readonly string[]): CommandEntry | undefined {
  const name = invokedCommandName(argv);
  return name === undefined ? undefined : commands.find((command) => command.name === name);
}
