import { spawnSync } from 'node:child_process';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CLOSING_QUESTION, CONFIG_PATH, createContact, isTimeZone, loadWorkspace, QUESTION_THEMES, QUESTIONS_PATH, SHIPPED_LETTERS, systemTimeZone, TEMPLATES_FOLDER } from '@rapport/core';
import { NodeStore } from '@rapport/core/node';
import { notesFolderAbove, type CommandContext } from '../context.js';
import { FailureError, UsageError, type RegisterCommand } from '../program.js';
import { MERGE_DRIVER, MERGE_DRIVER_COMMAND } from './merge-driver.js';
import { checkDateOptions } from '../date-options.js';

const CONFIG = (timezone: string) => `# Rapport settings for this notes folder. Every setting is optional.

# Your own details, used to fill letters.
profile:
  name: ""            # e.g. Jordan Reyes
  background: ""      # as it reads after "I am <name> —", e.g. a high-school biology teacher for eight years
  field: ""           # field you are exploring, e.g. UX research in health tech
  email: ""
  phone: ""
  location: ""

# "Today" and meeting times without an offset are read in this zone.
timezone: ${timezone}

# Folder (inside this one) where \`rapport new\` puts new contacts.
notes_folder: contacts

# Delays of the next-action rules.
rules:
  follow_up_after: 7       # business days with no reply before a follow-up
  answer_within: 1         # business days to answer a reply and agree a time
  second_contact_after: 3  # business days before also trying a second person at the same organization (3B7)
  give_up_after: 7         # business days after the follow-up before no-response
  prepare_before: 2        # days before a meeting to have research and questions ready
  thank_within: 1          # days after a meeting to send the thank-you
  touch_every: 60          # days between keep-in-touch notes (a note's touch_every wins)
  holidays: [12-25, 01-01] # days off besides weekends (MM-DD every year, YYYY-MM-DD once): follow-ups, preparation and keep-in-touch notes never fall due on them

# Fields left out of every export (calendar, vCard, CSV, JSON), e.g. [phone, email].
private: []
`;

const TEMPLATES_README = `# Your letter templates

Put Eta templates here as \`NAME.eta\` to add a letter or to override a shipped
one of the same name (${SHIPPED_LETTERS.join(', ')}). \`rapport letter --list\` shows which letters you have and
where each comes from; \`rapport letter --help\` lists what a template can use;
\`rapport check\` reports a template that does not compile.

Templates are code, so they run only once you trust this folder: run
\`rapport trust\` after reading them (again after each change), and in VS Code
trust the workspace. Until then the shipped letters are used.
`;

const BANK_THEMES = QUESTION_THEMES.filter((theme) => theme.id !== CLOSING_QUESTION.theme).map((theme) => theme.label).join(', ');

const QUESTIONS = `# My questions

<!--
Questions written here join Rapport's question bank (\`rapport questions\`
lists them all, \`rapport questions --into <contact>\` copies a set into a note).

- Each \`## heading\` is a theme. A heading that names a bank theme adds to
  it; any other heading starts a theme of your own. The bank's themes:
  ${BANK_THEMES}.
- Each \`- \` list item under a heading is one question, in the order you want
  to ask (most important first).
- "${CLOSING_QUESTION.text}" is always asked last.

\`rapport check\` reports lines it cannot use.

For example, a theme of your own for people in health tech (write yours
below this comment; what is inside it is never asked):

## Health tech

- How do clinicians take part in your research?
-->
`;

const GIT_ATTRIBUTES_LINE = '*.md merge=rapport';

/** A git repository whose merges of notes go through `rapport merge-driver`: the driver in its config, the notes bound to it in `.gitattributes`. */
async function setUpGit(ctx: CommandContext, root: string, result: InitResult): Promise<void> {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const inside = git('rev-parse', '--is-inside-work-tree');
  if (inside.error) throw new FailureError('--git needs git, which was not found on the PATH');
  if (inside.status !== 0) {
    const created = git('init', '--quiet');
    if (created.status !== 0) throw new FailureError(`git init failed: ${created.stderr.trim()}`);
    result.created.push('.git/ (git init)');
  }
  for (const [key, value] of [['merge.rapport.name', 'Rapport notes: unite history entries appended on both sides'], ['merge.rapport.driver', MERGE_DRIVER]] as const) {
    const set = git('config', key, value);
    if (set.status !== 0) throw new FailureError(`git config ${key} failed: ${set.stderr.trim()}`);
  }
  const attributes = join(root, '.gitattributes');
  const existing = await readFile(attributes, 'utf8').catch(() => undefined);
  if (existing?.split(/\r?\n/).some((line) => line.trim() === GIT_ATTRIBUTES_LINE)) result.kept.push('.gitattributes');
  else {
    await appendFile(attributes, `${existing === undefined || existing === '' || existing.endsWith('\n') ? '' : '\n'}# Merges of notes unite their history entries (rapport merge-driver)\n${GIT_ATTRIBUTES_LINE}\n`, 'utf8');
    if (existing === undefined) result.created.push('.gitattributes');
    else result.updated.push(`.gitattributes (added ${GIT_ATTRIBUTES_LINE})`);
  }
  ctx.print(`git: merges of notes use "${MERGE_DRIVER_COMMAND}" (set in .git/config)`);
  if (spawnSync('rapport', ['--version'], { encoding: 'utf8' }).error) {
    ctx.io.stderr.write("rapport: warning: `rapport` is not on the PATH: until it is, git merges notes line by line and leaves conflict markers where both sides wrote\n");
  }
}

/**
 * The pre-commit hook `--hook` installs, running `check` (see `stagedCheck`): where git cannot
 * find `rapport`, it lets the commit through, saying the notes went unchecked.
 */
const preCommitHook = (check: string) => `#!/bin/sh
# Rapport: refuse a commit that holds a note rapport check finds broken (rapport init --hook)
if ! command -v rapport >/dev/null 2>&1; then
  echo "rapport is not on the PATH: the notes in this commit were not checked" >&2
  exit 0
fi
exec ${check}
`;

/** The check a hook runs for the notes folder at `prefix` in the repository ("" at its top), named from the top, wherever git runs the hook from. */
const stagedCheck = (prefix: string) => `rapport check --staged --dir "$(git rev-parse --show-toplevel)${prefix === '' ? '' : `/${prefix.replace(/\/$/, '').replace(/["$`\\]/g, '\\$&')}`}"`;

/**
 * Installs the pre-commit hook where git looks for it (`core.hooksPath` included). A hook
 * already there is the user's: kept as it is, with the line that would call the check.
 */
async function installPreCommitHook(ctx: CommandContext, root: string, result: InitResult): Promise<void> {
  const located = spawnSync('git', ['rev-parse', '--git-path', 'hooks/pre-commit', '--show-prefix'], { cwd: root, encoding: 'utf8' });
  if (located.status !== 0) throw new FailureError(`git rev-parse failed: ${located.stderr.trim()}`);
  const [hookPath = '', prefix = ''] = located.stdout.split('\n');
  const hook = resolve(root, hookPath);
  const shown = relative(root, hook).split(sep).join('/');
  const check = stagedCheck(prefix);
  const existing = await readFile(hook, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : ''));
  if (existing !== undefined) {
    result.kept.push(shown);
    // Run again (in a second clone, or to add --git to a folder), init finds this folder's check there already.
    if (existing.includes(check)) return;
    ctx.io.stderr.write(`rapport: warning: ${shown} was there already and is left as it is: to check the notes in it too, add the line\n  ${check} || exit 1\n`);
    return;
  }
  await mkdir(dirname(hook), { recursive: true });
  await writeFile(hook, preCommitHook(check), { encoding: 'utf8', mode: 0o755, flag: 'wx' });
  result.created.push(shown);
}

/** Zones a computer says when nobody set one (servers, containers, some virtual machines): rarely where the person lives. */
const UNSET_ZONES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu']);

interface InitResult {
  readonly created: string[];
  /** Files that were there, each with what was added to it. */
  readonly updated: string[];
  readonly kept: string[];
}

export const registerInit: RegisterCommand = (program, context) => {
  program
    .command('init')
    .description('set up a notes folder: .rapport/config.yaml, templates/, questions.md and an example contact')
    .argument('[dir]', 'folder to set up (default: --dir, or the current directory)')
    .option('--today <YYYY-MM-DD>', "date of the example contact's history (default: today in the configured time zone)")
    .option('--timezone <zone>', "your time zone, an IANA name such as America/New_York (default: this computer's)")
    .option('--git', 'also make it a git repository (if it is not one) whose merges unite the history entries of notes changed on both sides (rapport merge-driver)')
    .option('--hook', 'with --git, also install a git pre-commit hook that refuses a commit holding a broken note (rapport check --staged); a hook already there is kept')
    .addHelpText('after', '\nExample:\n  rapport init ~/job-search --git --hook\n\nFiles already there are never overwritten: each is reported as kept, and the\nexample contact is only added to a folder without contacts. Run `rapport init --git`\nagain in every clone, after pulling: git does not copy its config (where the merge driver is named).\n')
    .action(async (dir: string | undefined, options: { today?: string; git?: boolean; hook?: boolean; timezone?: string }) => {
      checkDateOptions({ '--today': options.today });
      if (options.hook && !options.git) throw new UsageError('--hook goes with --git (the hook is installed in the git repository --git sets up)');
      if (options.timezone !== undefined && !isTimeZone(options.timezone)) throw new UsageError(`--timezone: unknown time zone ${JSON.stringify(options.timezone)} (use an IANA name such as America/New_York, Europe/Paris or UTC)`);
      const ctx = context();
      const store = new NodeStore(dir === undefined ? ctx.givenFolder : resolve(ctx.io.cwd, dir));
      if ((await stat(store.root).catch(() => undefined))?.isDirectory() === false) throw new FailureError(`${store.root} is a file, not a folder`);
      await mkdir(store.root, { recursive: true });
      const result: InitResult = { created: [], updated: [], kept: [] };
      const ensure = async (path: string, text: string) => {
        if ((await store.read(path)) !== undefined) return void result.kept.push(path);
        await store.write(path, text, { expectedVersion: null });
        result.created.push(path);
      };
      const timezone = options.timezone ?? systemTimeZone();
      await ensure(CONFIG_PATH, CONFIG(timezone));
      // "Today", due dates and meeting times without an offset are read in it: a server's UTC would put a New York evening on the next day.
      if (options.timezone === undefined && UNSET_ZONES.has(timezone) && result.created.includes(CONFIG_PATH)) {
        ctx.io.stderr.write(`rapport: warning: this computer's time zone is ${timezone}, so .rapport/config.yaml says timezone: ${timezone}. If you live elsewhere, set yours there (for example timezone: America/New_York), or run init with --timezone: today, due dates and meeting times are read in it.\n`);
      }
      await ensure(`${TEMPLATES_FOLDER}/README.md`, TEMPLATES_README);
      await ensure(QUESTIONS_PATH, QUESTIONS);
      const workspace = await loadWorkspace(store);
      if (workspace.index.contacts().length === 0) {
        const example = await createContact(workspace, {
          name: 'Example Contact',
          role: 'UX Researcher',
          organization: 'Example Health',
          source: 'linkedin',
          date: ctx.today(workspace, options.today),
          // Left empty, so a letter asks for it instead of quoting an instruction to a stranger.
          sections: { 'Why this person': '<!-- After "Impressed by:", write what drew you to this person (a talk, a post, a project): letters quote it as you write it. -->\nImpressed by:' },
        });
        result.created.push(example.file);
      }
      if (options.git) await setUpGit(ctx, store.root, result);
      if (options.hook) await installPreCommitHook(ctx, store.root, result);
      for (const path of result.created) ctx.print(`created ${path}`);
      for (const path of result.updated) ctx.print(`updated ${path}`);
      for (const path of result.kept) ctx.print(ctx.colors.dim(`kept    ${path} (already there)`));
      // Run from inside the folder, commands find it themselves.
      const dirOption = notesFolderAbove(ctx.io.cwd) === store.root ? '' : ` --dir ${JSON.stringify(store.root)}`;
      ctx.print(`\nNotes folder ready: ${store.root}\nNext: rapport new "Full Name" --org "Organization"${dirOption}`);
      // The hook needs `rapport` on the PATH, which init cannot know: installed only when asked.
      if (options.git && !options.hook) ctx.print('To refuse commits of a broken note: rapport init --git --hook (a pre-commit hook that runs rapport check --staged).');
    });
};
