import { InvalidInputError, readNote, setOutcomeDone, type Contact, type Outcome, type Workspace } from '@rapport/core';
import { ACTIONABLE_OUTCOMES } from '../dashboard/open-outcomes.js';
import { editContactNote, openDocument, recordedMessage } from '../notes/note-edits.js';
import type { Services } from '../services.js';
import { resolveContact } from './contact-target.js';

/**
 * `rapport.markOutcomeDone`: ticks an item under the note's `## Outcomes` (a lead, an offer, a
 * résumé review…) as done, so it leaves the Agenda and the open leads: the item of the Agenda row it
 * was run on, or one picked from the contact's open outcomes.
 */
export async function markOutcomeDone(services: Services, target?: unknown): Promise<{ file: string; line: number; written: 'written' | 'unsaved' } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const contact = await resolveContact(services, workspace, target, 'Mark Outcome Done', {
    only: { fits: (candidate) => candidate.outcomes.some(isOpenToDo), nobody: 'Nobody has an open lead, offer, job shadow or résumé review under ## Outcomes' },
  });
  if (!contact) return undefined;
  // As the note reads now (an editor's text, typed or just saved, may be ahead of the index): its lines are the ones to show and tick.
  const outcomes = await currentOutcomes(services, workspace, contact);
  const line = lineOf(target);
  const open = outcomes.filter(isOpenToDo);
  // The row's line is the index's: the same item is found again by its words where lines moved above it.
  const rowOutcome = line === undefined ? undefined : contact.outcomes.find((candidate) => candidate.line === line);
  let outcome = rowOutcome && (outcomes.find((candidate) => candidate.label === rowOutcome.label && candidate.text === rowOutcome.text) ?? rowOutcome);
  if (!outcome) {
    if (open.length === 0) throw new InvalidInputError(`${contact.name} has no open lead, offer, job shadow or résumé review under ## Outcomes`);
    outcome = await services.prompts.pick<Outcome>({
      id: 'outcome',
      title: `Mark an Outcome of ${contact.name} Done`,
      placeholder: 'Which one is done?',
      items: open.map((candidate) => ({ label: `${candidate.label}: ${candidate.text}`, description: `line ${candidate.line}`, value: candidate })),
    });
    if (!outcome) return undefined;
  }
  const picked = outcome;
  const written = await editContactNote(services.notes, contact.file, (text) => setOutcomeDone(text, picked, true, { labels: workspace.config.outcomeLabels }));
  const done = `${contact.name}: ${picked.label} done (ticked [x] on line ${picked.line})`;
  void services.prompts.info(written === 'unsaved' ? recordedMessage(`${done}.`, written) : `${done}: it leaves the Agenda.`);
  return { file: contact.file, line: picked.line, written };
}

/** An open outcome to tick: a lead (or offer), job shadow or résumé review, or any other with a date, as the Agenda lists them. */
function isOpenToDo(outcome: Outcome): boolean {
  return outcome.done !== true && outcome.kind !== 'referral' && (ACTIONABLE_OUTCOMES.includes(outcome.kind) || outcome.due !== null);
}

/**
 * The Outcomes line an Agenda row stands for: on the row's node as the Agenda
 * hands it to a menu command (`view.line`), or on the row's view itself.
 */
function lineOf(target: unknown): number | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const { line, view } = target as { line?: unknown; view?: { line?: unknown } };
  const found = view?.line ?? line;
  return typeof found === 'number' ? found : undefined;
}

/** The contact's outcomes as its note reads now: the open editor's text, else the file's; the index's when neither reads as a contact. */
async function currentOutcomes(services: Services, workspace: Workspace, contact: Contact): Promise<readonly Outcome[]> {
  const text = openDocument(services.notes.uriOf(contact.file))?.getText() ?? (await workspace.store.read(contact.file))?.text;
  if (text === undefined) return contact.outcomes;
  const labels = workspace.config.outcomeLabels;
  return readNote(contact.file, text, labels ? { outcomeLabels: labels } : {}).contact?.outcomes ?? contact.outcomes;
}
