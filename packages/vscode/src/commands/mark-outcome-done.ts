import { InvalidInputError, setOutcomeDone, type Outcome } from '@rapport/core';
import { editContactNote, recordedMessage } from '../notes/note-edits.js';
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
    only: { fits: (candidate) => candidate.outcomes.some((outcome) => outcome.done !== true), nobody: 'Nobody has an open item under ## Outcomes' },
  });
  if (!contact) return undefined;
  const line = lineOf(target);
  const open = contact.outcomes.filter((outcome) => outcome.done !== true);
  let outcome = line === undefined ? undefined : contact.outcomes.find((candidate) => candidate.line === line);
  if (!outcome) {
    if (open.length === 0) throw new InvalidInputError(`${contact.name} has no open outcome under ## Outcomes`);
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

/** The Outcomes line an Agenda row stands for. */
function lineOf(target: unknown): number | undefined {
  const line = typeof target === 'object' && target !== null ? (target as { line?: unknown }).line : undefined;
  return typeof line === 'number' ? line : undefined;
}
