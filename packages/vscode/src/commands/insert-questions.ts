import * as vscode from 'vscode';
import { CLOSED_STAGES, insertQuestions, loadQuestions, newQuestions, pickQuestions } from '@rapport/core';
import { questionPlace } from '@rapport/core/internal';
import { showNoteAt } from '../notes/open-at.js';
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
  const contact = await resolveContact(services, workspace, target, 'Insert Questions', {
    only: { fits: (candidate) => !CLOSED_STAGES.includes(candidate.stage), nobody: 'Every contact is closed (declined, no response or archived): there is no conversation to prepare questions for' },
  });
  if (!contact) return undefined;
  const set = await loadQuestions(workspace.store);
  // The closing "who else" question is added by pickQuestions, never offered.
  const closing = set.questions.at(-1)!;
  let ids = input.ids;
  if (ids === undefined) {
    const themes = set.themes.filter((theme) => set.questions.some((question) => question.theme === theme.id && question !== closing));
    const firstTiara = themes.find((theme) => theme.tiara);
    const chosenThemes = await services.prompts.pickMany({
      id: 'questions.themes',
      title: `Questions for ${contact.name}`,
      step: 1,
      totalSteps: 2,
      // Short enough for the quick pick's box (a longer one was cut off); what TIARA is, is said beside its first theme.
      placeholder: 'Themes to ask about; "who else should I talk to?" comes last',
      items: themes.map((theme) => ({ label: theme.label, description: !theme.tiara ? '' : theme === firstTiara ? 'TIARA, a frame for informational interviews' : 'TIARA', value: theme.id })),
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
      placeholder: 'Untick those you will not ask (order them in the note)',
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
  if (added.length > 0) await revealQuestion(services.notes.uriOf(contact.file), added[0]!);
  // Questions written is half of preparing (research is the other): the next step is offered, not taken.
  const prepare = contact.stage === 'scheduled' ? [MARK_PREPARED] : [];
  const message = added.length === 0 ? `${contact.name}'s note already has those questions.` : `Added ${added.length} question${added.length === 1 ? '' : 's'} to ${contact.name}'s note.`;
  void services.prompts.info(message, ...prepare).then((action) => {
    if (action === MARK_PREPARED) void vscode.commands.executeCommand('rapport.advanceStage', contact.id, { stage: 'prepared' });
  });
  return { file: contact.file, added };
}

const MARK_PREPARED = 'Mark as Prepared';

/**
 * Shows the note with the cursor on `question`, at the start of its text. An editor open on
 * the note shows the written file only once it reloads it: the line is looked for then.
 */
async function revealQuestion(uri: vscode.Uri, question: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position =
    questionPosition(document, question) ??
    (await new Promise<vscode.Position | undefined>((resolve) => {
      const done = (found: vscode.Position | undefined) => {
        clearTimeout(timer);
        listener.dispose();
        resolve(found);
      };
      const timer = setTimeout(() => done(undefined), RELOAD_WAIT_MS);
      const listener = vscode.workspace.onDidChangeTextDocument((event) => {
        const found = event.document === document ? questionPosition(document, question) : undefined;
        if (found) done(found);
      });
    }));
  await (position ? showNoteAt(uri, position) : vscode.window.showTextDocument(document, { preview: false }));
}

/** How long an open editor may take to show the written note (it reloads on the file watcher's event). */
const RELOAD_WAIT_MS = 2_000;

/** Where `question` starts on its list item under `## Questions`, as core reads the section. */
function questionPosition(document: vscode.TextDocument, question: string): vscode.Position | undefined {
  const place = questionPlace(document.getText(), question);
  return place && new vscode.Position(place.line, place.character);
}
