import { CONFIG_PATH, defaultRules, InvalidInputError, NoteConflictError, NoteExistsError, systemTimeZone } from '@rapport/core';
import type { Services } from '../services.js';

export interface InitInput {
  readonly name?: string;
  readonly field?: string;
}

/** `rapport.init`: writes `.rapport/config.yaml` (profile, time zone, default rules) into the notes folder. */
export async function initFolder(services: Services, input: InitInput = {}): Promise<{ file: string } | undefined> {
  await services.notes.whenLoaded();
  const store = services.notes.store;
  if (!store) throw new InvalidInputError('Open a folder first: Rapport keeps its notes in a workspace folder');
  if (await store.read(CONFIG_PATH)) throw new NoteExistsError(`${CONFIG_PATH} (this folder is already a Rapport notes folder)`);
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
  void services.prompts.info('Rapport is set up in this folder. Fill in the rest of your profile in .rapport/config.yaml.');
  return { file: CONFIG_PATH };
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
    `  second_contact_after: ${defaultRules.secondContactAfter}`,
    `  give_up_after: ${defaultRules.giveUpAfter}`,
    `  prepare_before: ${defaultRules.prepareBefore}`,
    `  thank_within: ${defaultRules.thankWithin}`,
    `  touch_every: ${defaultRules.touchEvery}`,
    '',
  ].join('\n');
}
