import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONFIG_PATH, createContact, loadWorkspace, todayIn, systemTimeZone } from '@rapport/core';
import { NodeStore } from '@rapport/core/node';
import type { RegisterCommand } from '../program.js';

const CONFIG = (timezone: string) => `# Rapport settings for this notes folder. Every setting is optional.

# Your own details, used to fill letters.
profile:
  name: ""            # e.g. Jordan Reyes
  background: ""      # current position or background, e.g. high-school biology teacher for eight years
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
  second_contact_after: 3  # business days before also trying a second person at the same organization (3B7)
  give_up_after: 7         # business days after the follow-up before no-response
  prepare_before: 2        # days before a meeting to have research and questions ready
  thank_within: 1          # days after a meeting to send the thank-you
  touch_every: 60          # days between keep-in-touch notes (a note's touch_every wins)

# Fields left out of CSV and JSON exports.
private: []
`;

const TEMPLATES_README = `# Your letter templates

Put Eta templates here as \`NAME.eta\` to add a letter or to override a shipped
one of the same name (cold-email, cold-letter, referral, follow-up, thank-you,
keep-in-touch). \`rapport letter --help\` lists what a template can use.

Templates are code: VS Code runs them only in a trusted workspace.
`;

const QUESTIONS = `# My questions

Questions added here join Rapport's question bank. Each \`## heading\` is a
theme; each list item is a question.

## Health tech

- How do clinicians take part in your research?
`;

interface InitResult {
  readonly created: string[];
  readonly kept: string[];
}

export const registerInit: RegisterCommand = (program, context) => {
  program
    .command('init')
    .description('set up a notes folder: .rapport/config.yaml, templates/, questions.md and an example contact')
    .argument('[dir]', 'folder to set up (default: --dir, or the current directory)')
    .addHelpText('after', '\nExample:\n  rapport init ~/job-search && cd ~/job-search && git init\n\nExisting files are kept as they are.\n')
    .action(async (dir: string | undefined) => {
      const ctx = context();
      const store = dir === undefined ? ctx.store : new NodeStore(resolve(ctx.io.cwd, dir));
      await mkdir(store.root, { recursive: true });
      const result: InitResult = { created: [], kept: [] };
      const ensure = async (path: string, text: string) => {
        if ((await store.read(path)) !== undefined) return void result.kept.push(path);
        await store.write(path, text, { expectedVersion: null });
        result.created.push(path);
      };
      const timezone = systemTimeZone();
      await ensure(CONFIG_PATH, CONFIG(timezone));
      await ensure('.rapport/templates/README.md', TEMPLATES_README);
      await ensure('.rapport/questions.md', QUESTIONS);
      const workspace = await loadWorkspace(store);
      if (workspace.index.contacts().length === 0) {
        const example = await createContact(workspace, {
          name: 'Example Contact',
          role: 'UX Researcher',
          organization: 'Example Health',
          source: 'linkedin',
          date: todayIn(workspace.config.timezone),
          sections: { 'Why this person': 'Impressed by: replace this line with what drew you to this person.' },
        });
        result.created.push(example.file);
      }
      for (const path of result.created) ctx.print(`created ${path}`);
      for (const path of result.kept) ctx.print(ctx.colors.dim(`kept    ${path} (already there)`));
      ctx.print(`\nNotes folder ready: ${store.root}\nNext: rapport new "Full Name" --org "Organization" --dir ${JSON.stringify(store.root)}`);
    });
};
