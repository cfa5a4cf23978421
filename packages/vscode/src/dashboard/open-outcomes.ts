/** The leads and offers still open across contacts, for the dashboard's list (tested without VS Code). */
import type { Contact, OutcomeKind } from '@rapport/core';

/** Outcomes that ask the seeker to act: a lead on an opening, and the offers (a job shadow, a résumé review). */
export const ACTIONABLE_OUTCOMES: readonly OutcomeKind[] = ['lead', 'job-shadow', 'resume-review'];

export interface OpenOutcome {
  readonly kind: OutcomeKind;
  /** The label as written, e.g. `Job shadow`. */
  readonly label: string;
  readonly text: string;
  readonly due: string | null;
  readonly contactId: string;
  readonly contactName: string;
  readonly file: string;
  /** 1-based line of the outcome's list marker. */
  readonly line: number;
}

/** Leads and offers not ticked `[x]`: soonest due first, undated last, then by name and line. */
export function openOutcomes(contacts: readonly Contact[]): OpenOutcome[] {
  const open: OpenOutcome[] = [];
  for (const contact of contacts) {
    for (const outcome of contact.outcomes) {
      if (outcome.done === true || !ACTIONABLE_OUTCOMES.includes(outcome.kind)) continue;
      open.push({ kind: outcome.kind, label: outcome.label, text: outcome.text, due: outcome.due, contactId: contact.id, contactName: contact.name, file: contact.file, line: outcome.line });
    }
  }
  return open.sort((a, b) => byDue(a.due, b.due) || a.contactName.localeCompare(b.contactName) || a.file.localeCompare(b.file) || a.line - b.line);
}

/** `YYYY-MM-DD` sorts as text; undated last. */
function byDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
