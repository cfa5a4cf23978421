import { collate } from '../collation.js';
import { compareDue } from '../lifecycle/next-action.js';
import type { Contact } from '../model/contact.js';
import { OUTCOME_KINDS, type Outcome, type OutcomeKind } from './outcomes.js';

/**
 * How many outcomes of one kind were recorded, and how many are still open: not ticked `[x]`,
 * and for a referral, not yet linked to the person's note (adding them is what it asked for).
 * Advice and a resource written without a task box were received, not a step to take: open
 * only with an empty box (`- [ ] Resource: …`).
 */
export interface OutcomeCount {
  readonly total: number;
  readonly open: number;
}

/** A lead or offer not ticked `[x]`, with where it is written. */
export interface OpenLead {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly line: number;
  /** As written: `Lead`, `Offer`, or a label of the config's `outcome_labels`. */
  readonly label: string;
  readonly text: string;
  readonly due: string | null;
}

/** What the interviews led to, by kind, and the leads still open: `outcomeSummary`'s result. */
export interface OutcomeSummary {
  readonly byKind: Readonly<Record<OutcomeKind, OutcomeCount>>;
  /** Soonest due first, undated last. */
  readonly openLeads: readonly OpenLead[];
}

/** Kinds that record something given rather than a step: without a task box, nothing is left to do. */
const RECEIVED: readonly OutcomeKind[] = ['advice', 'resource'];

function isOpen(outcome: Outcome, noted: ReadonlySet<string>): boolean {
  if (outcome.done === true) return false;
  if (outcome.done === null && RECEIVED.includes(outcome.kind)) return false;
  return !(outcome.kind === 'referral' && outcome.contact !== undefined && noted.has(outcome.contact));
}

/** What the interviews led to, across contacts. */
export function outcomeSummary(contacts: readonly Contact[]): OutcomeSummary {
  const byKind = Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, { total: 0, open: 0 }])) as Record<OutcomeKind, { total: number; open: number }>;
  const openLeads: OpenLead[] = [];
  const noted = new Set(contacts.map((contact) => contact.id));
  for (const contact of contacts) {
    for (const outcome of contact.outcomes) {
      const count = byKind[outcome.kind];
      count.total++;
      if (!isOpen(outcome, noted)) continue;
      count.open++;
      if (outcome.kind === 'lead') openLeads.push({ id: contact.id, name: contact.name, file: contact.file, line: outcome.line, label: outcome.label, text: outcome.text, due: outcome.due });
    }
  }
  openLeads.sort((a, b) => compareDue(a.due, b.due) || collate(a.name, b.name) || a.line - b.line);
  return { byKind, openLeads };
}
