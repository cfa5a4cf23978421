import { insertQuestions, loadQuestions, newQuestions, pickQuestions } from '@rapport/core';
import { editContactNote } from '../notes/note-edits.js';
import type { Services } from '../services.js';
import { resolveContact } from './contact-target.js';

export interface InsertQuestionsInput {
  /** Question ids (`trends-1`), most important first; asked (themes, then questions) when missing. */
  readonly ids?: readonly string[];
}

/**
 * `rapport.insertQuestions`: picks themes from the question bank (merged
 * with `.rapport/questions.md`), then questions, and adds them to the
 * note's `## Questions`, "who else should I talk to?" kept last.
 */
export async function insertBankQuestions(services: Services, target?: unknown, input: InsertQuestionsInput = {}): Promise<{ file: string; added: readonly string[] } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const contact = await resolveContact(services, workspace, target, 'Insert Questions');
  if (!contact) return undefined;
  const set = await loadQuestions(workspace.store);
  // The closing "who else" question is added by pickQuestions, never offered.
  const closing = set.questions.at(-1)!;
  let ids = input.ids;
  if (ids === undefined) {
    const themes = set.themes.filter((theme) => set.questions.some((question) => question.theme === theme.id && question !== closing));
    const chosenThemes = await services.prompts.pickMany({
      id: 'questions.themes',
      title: `Questions for ${contact.name}`,
      step: 1,
      totalSteps: 2,
      // TIARA is said once, where it first shows: the five themes of the frame, then what else there is.
      placeholder: `Themes to ask about; TIARA = ${themes.filter((theme) => theme.tiara).map((theme) => theme.label).join(', ')}, a frame for informational interviews ("who else should I talk to?" is always added last)`,
      items: themes.map((theme) => ({ label: theme.label, description: theme.tiara ? 'TIARA' : '', value: theme.id })),
    });
    if (!chosenThemes) return undefined;
    if (chosenThemes.length === 0) {
      // Enter with nothing ticked: said, so that it does not look as if the command failed.
      void services.prompts.info('No theme ticked, so no question was added: tick themes with Space, then press Enter.');
      return undefined;
    }
    const offered = set.questions.filter((question) => question !== closing && chosenThemes.includes(question.theme));
    const labels = new Map(set.themes.map((theme) => [theme.id, theme.label]));
    const picked = await services.prompts.pickMany({
      id: 'questions.questions',
      title: `Questions for ${contact.name}`,
      step: 2,
      totalSteps: 2,
      placeholder: 'Untick the ones you will not ask; reorder them in the note, most important first',
      items: offered.map((question) => ({ label: question.text, description: `${labels.get(question.theme) ?? question.theme}${question.origin === 'user' ? ' · yours' : ''}`, value: question.id, picked: true })),
    });
    if (!picked) return undefined;
    if (picked.length === 0) {
      void services.prompts.info(`Every question was unticked, so nothing was added to ${contact.name}'s note.`);
      return undefined;
    }
    ids = picked;
  }
  const texts = pickQuestions(set, { ids }).map((question) => question.text);
  const added = newQuestions(workspace.index.text(contact.file) ?? '', texts);
  await editContactNote(services.notes, contact.file, (text) => insertQuestions(text, texts));
  void services.prompts.info(added.length === 0 ? `${contact.name}'s note already has those questions.` : `Added ${added.length} question${added.length === 1 ? '' : 's'} to ${contact.name}'s note.`);
  return { file: contact.file, added };
}
