import type { Contact, Outcome } from '@rapport/core';
import { outcomeLabelKey } from '@rapport/core/internal';

/**
 * How `rapport outcome` is told which outcome of the contact is meant, in a hint: its label
 * when no other outcome of theirs has it (`"job shadow"`), else its line, which names it alone.
 */
export function outcomeReference(contact: Contact, outcome: Outcome): string {
  const label = outcomeLabelKey(outcome.label);
  const alone = contact.outcomes.filter((candidate) => outcomeLabelKey(candidate.label) === label).length === 1;
  const written = outcome.label.toLowerCase().replace(/\s+/g, ' ');
  if (!alone || !/^[\p{L}\p{N} '-]+$/u.test(written)) return String(outcome.line);
  return /[ ']/.test(written) ? JSON.stringify(written) : written;
}
