import { applyFix, CONFIG_PATH, editNote, listLetters, loadQuestions, loadWorkspace, notesFolderDiagnostics, privateFieldDiagnostics, readConfig, type Diagnostic, type NoteStore, type Workspace } from '@rapport/core';
import { formatDiagnostic } from '../io.js';
import { EXIT, UsageError, type RegisterCommand } from '../program.js';
import type { CommandContext } from '../context.js';
import { stagedStore } from '../staged.js';

interface CheckOptions {
  json?: boolean;
  staged?: boolean;
  fix?: boolean;
}

export const registerCheck: RegisterCommand = (program, context, setExitCode) => {
  program
    .command('check')
    .description('validate every note, the config, your questions and your letter templates; exit 1 when there is an error (for git pre-commit hooks)')
    .option('--json', 'print a JSON array of {file, line, column, endLine, endColumn, severity, rule, message, hint?, fix?}')
    .option('--staged', 'check the notes as git has them staged for the next commit, not as they are on disk (for a pre-commit hook)')
    .option('--fix', 'first make, in the notes and the config, each repair that needs no choice (a value put in quotes, a quote or list closed, a missing referred_by), then check')
    .addHelpText('after', '\nExamples:\n  rapport check && git commit\n  rapport check --fix\n  rapport check --staged   (in .git/hooks/pre-commit)\n\nExit codes: 0 no error (warnings allowed), 1 at least one error.\n')
    .action(async (options: CheckOptions) => {
      const ctx = context();
      if (options.fix && options.staged) throw new UsageError('--fix repairs the notes on disk, --staged checks what git has staged: run rapport check --fix, then git add the notes it names');
      // Staged: the folder as the commit will hold it, read from git's index (no cache: it is not the folder on disk).
      const store = options.staged ? await stagedStore(ctx.store.root) : ctx.store;
      // The config first: the notes are read with its settings.
      if (options.fix) await repairConfig(ctx, store, options.json === true);
      const workspace = options.staged ? await loadWorkspace(store) : await ctx.workspace({ reportProblems: false });
      if (options.fix) await repairNotes(ctx, workspace, options.json === true);
      const questions = await loadQuestions(store);
      // Compiling a template only parses it; nothing in it runs.
      // Listing parses and compiles the folder's templates but never runs one, so it is safe in a folder that is not trusted.
      const templateProblems = (await listLetters(store, { allowUserTemplates: true })).flatMap((letter) => (letter.problem ? [letter.problem] : []));
      const notes = workspace.index.diagnostics();
      // The config's problems in the order of its lines, `private:` entries that hide nothing among them.
      // Read once, for both problems only the notes or the folder can show.
      const configText = (await store.read(CONFIG_PATH).catch(() => undefined))?.text;
      const inConfig = [...workspace.configDiagnostics.filter((d) => d.file === CONFIG_PATH), ...privateFieldDiagnostics(configText, () => workspace.index.contacts()), ...(await notesFolderDiagnostics(store, configText))].sort((a, b) => a.line - b.line || a.column - b.column);
      const unreadable = workspace.configDiagnostics.filter((d) => d.file !== CONFIG_PATH);
      const diagnostics: Diagnostic[] = [...inConfig, ...unreadable, ...questions.diagnostics, ...templateProblems, ...notes];
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      setExitCode(errors > 0 ? EXIT.problems : EXIT.ok);
      if (options.json) {
        // Core's own diagnostics, as `list --json` gives a broken note's: the hint and the repair where there is one.
        return ctx.json(diagnostics);
      }
      const { colors } = ctx;
      for (const d of diagnostics) ctx.print(formatDiagnostic(d, colors));
      const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
      const contacts = workspace.index.contactCount();
      // A contact whose note cannot be read is not among the contacts: said apart, so that none seems to vanish from the count.
      const broken = workspace.index.brokenNotes().length;
      const unread = broken > 0 ? `, ${broken} note${broken === 1 ? '' : 's'} cannot be read` : '';
      const summary = `${contacts} contact${contacts === 1 ? '' : 's'} checked${unread}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
      ctx.print(errors > 0 ? colors.red(summary) : colors.green(summary));
      // A fix on disk does not change what is staged: said, or the hook seems to ignore it.
      if (options.staged && errors > 0) ctx.print('These are the notes as staged for the next commit: fix them (rapport check --fix), then git add them again.');
    });
};

/** Repairs in one run: a note with several mistakes has one repaired after another. */
const MAX_REPAIR_ROUNDS = 20;

/**
 * Makes each repair core gives with a note's diagnostics, one per note at a
 * time (a repair is placed in the text it was found in, which the repair
 * before it changed), until none is left; says each on stdout, or on stderr
 * beside `--json`. Each is a lossless, atomic edit of that note alone.
 */
async function repairNotes(ctx: CommandContext, workspace: Workspace, json: boolean): Promise<void> {
  const say = (line: string) => (json ? ctx.io.stderr.write(`rapport: ${line}\n`) : ctx.print(line));
  const failed = new Set<string>();
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    const firstByFile = new Map<string, Diagnostic>();
    for (const diagnostic of workspace.index.diagnostics()) {
      if (diagnostic.fix && !failed.has(diagnostic.file) && !firstByFile.has(diagnostic.file)) firstByFile.set(diagnostic.file, diagnostic);
    }
    if (firstByFile.size === 0) return;
    for (const [file, diagnostic] of firstByFile) {
      try {
        await editNote(workspace, file, (text) => applyFix(text, diagnostic.fix!), { retries: 5 });
        say(`fixed ${ctx.displayPath(file)}:${diagnostic.line}: ${diagnostic.fix!.title}`);
      } catch (error) {
        // Changed meanwhile, or no longer as it was read: left for the check below to report.
        failed.add(file);
        say(`could not fix ${ctx.displayPath(file)}:${diagnostic.line}: ${(error as Error).message}`);
      }
    }
  }
}

/**
 * Makes each repair core gives with the config's YAML mistakes (the same
 * ones a note's same mistakes have), one at a time, each placed in the text
 * the one before left, until none is left; says each as `repairNotes` does.
 * Each is an atomic write that refuses if the config changed since it was read.
 */
async function repairConfig(ctx: CommandContext, store: NoteStore, json: boolean): Promise<void> {
  const say = (line: string) => (json ? ctx.io.stderr.write(`rapport: ${line}\n`) : ctx.print(line));
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    // Not UTF-8, or unreadable: left for the check below to report.
    const stored = await store.read(CONFIG_PATH).catch(() => undefined);
    const repair = stored && readConfig(stored.text).diagnostics.find((diagnostic) => diagnostic.fix);
    if (!stored || !repair) return;
    const release = await store.lock?.(CONFIG_PATH).catch(() => undefined);
    try {
      await store.write(CONFIG_PATH, applyFix(stored.text, repair.fix!), { expectedVersion: stored.version });
      say(`fixed ${ctx.displayPath(CONFIG_PATH)}:${repair.line}: ${repair.fix!.title}`);
    } catch (error) {
      say(`could not fix ${ctx.displayPath(CONFIG_PATH)}:${repair.line}: ${(error as Error).message}`);
      return;
    } finally {
      release?.();
    }
  }
}
