import * as vscode from 'vscode';
import { CONFIG_PATH, createContact, defaultRules, InvalidInputError, NoteConflictError, NoteExistsError, systemTimeZone } from '@rapport/core';
import type { Services } from '../services.js';

/** The example contact the welcome text promises: a note to read, then edit or delete. */
const EXAMPLE_CONTACT = {
  name: 'Alex Example',
  role: 'UX Researcher',
  organization: 'Example Health',
  source: 'other',
  sections: {
    'Why this person': 'An example contact made by "Initialize Notes Folder". Rename it (F2 on a link, or the file), fill it in, or delete it.\n\nWrite here why you want to talk to this person.',
    Research: 'What you learned about them and their organization before writing.',
  },
} as const;

export interface InitInput {
  readonly name?: string;
  readonly field?: string;
}

/**
 * `rapport.init`: writes `.rapport/config.yaml` (profile, time zone, default
 * rules) into the notes folder and, in a folder with no contact yet, an
 * example contact. In a folder already set up it says so and changes nothing.
 */
export async function initFolder(services: Services, input: InitInput = {}): Promise<{ file: string; example?: string; alreadySetUp?: true } | undefined> {
  await services.notes.whenLoaded();
  const store = services.notes.store;
  if (!store) throw new InvalidInputError('Open a folder first: Rapport keeps its notes in a workspace folder');
  if (await store.read(CONFIG_PATH)) {
    void services.prompts.info(`This folder is already set up for Rapport: ${CONFIG_PATH} exists, and nothing was changed. Edit your profile there.`);
    return { file: CONFIG_PATH, alreadySetUp: true };
  }
  const title = 'Initialize Notes Folder';
  const name = input.name ?? (await services.prompts.input({ id: 'init.name', title, step: 1, totalSteps: 2, prompt: 'Your name, for letters (optional)', placeholder: 'e.g. Jordan Reyes' }));
  if (name === undefined) return undefined;
  const field = input.field ?? (await services.prompts.input({ id: 'init.field', title, step: 2, totalSteps: 2, prompt: 'The field you are exploring (optional)', placeholder: 'e.g. UX research in health tech' }));
  if (field === undefined) return undefined;
  try {
    await store.write(CONFIG_PATH, configText(name.trim(), field.trim(), systemTimeZone()), { expectedVersion: null });
  } catch (error) {
    if (error instanceof NoteConflictError) throw new NoteExistsError(CONFIG_PATH);
    throw error;
  }
  await services.notes.load();
  const workspace = await services.notes.requireWorkspace();
  const example = workspace.index.contacts().length === 0 ? await createContact(workspace, { ...EXAMPLE_CONTACT, date: services.notes.today() }) : undefined;
  if (example) {
    services.notes.notifyEdited([example.file]);
    await vscode.window.showTextDocument(services.notes.uriOf(example.file), { preview: false });
  }
  void services.prompts.info(`Rapport is set up in this folder${example ? `, with an example contact (${example.file})` : ''}. Fill in the rest of your profile in ${CONFIG_PATH}.`);
  return { file: CONFIG_PATH, ...(example ? { example: example.file } : {}) };
}

/** A commented starting config; JSON strings are valid YAML scalars, so any name is quoted safely. */
export function configText(name: string, field: string, timezone: string): string {
  const quoted = (value: string) => (value === '' ? '' : ` ${JSON.stringify(value)}`);
  return [
    '# Rapport settings for this notes folder. Every key is optional.',
    '',
    '# Who I am: letters are filled from these fields.',
    'profile:',
    `  name:${quoted(name)}`,
    '  background:   # current position or background',
    `  field:${quoted(field)}`,
    '  email:',
    '  phone:',
    '',
    '# "Today" and meeting times without an offset are read in this zone.',
    `timezone: ${JSON.stringify(timezone)}`,
    '',
    '# Delays behind the next action of each contact (defaults shown).',
    'rules:',
    `  follow_up_after: ${defaultRules.followUpAfter}`,
    `  answer_within: ${defaultRules.answerWithin}`,
    `  second_contact_after: ${defaultRules.secondContactAfter}`,
    `  give_up_after: ${defaultRules.giveUpAfter}`,
    `  prepare_before: ${defaultRules.prepareBefore}`,
    `  thank_within: ${defaultRules.thankWithin}`,
    `  touch_every: ${defaultRules.touchEvery}`,
    '',
  ].join('\n');
}
