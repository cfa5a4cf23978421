import type { Contact } from '../model/contact.js';

/**
 * What a contact's UIDs start with, in calendars and address books: its id,
 * which stays the same from one export to the next wherever the note moves.
 * Notes in two folders can share an id (a reported problem, `duplicate-id`):
 * each of them then takes its path, without `.md`, which no other note has,
 * so that a calendar keeps both meetings instead of one replacing the other.
 */
export function uidStems(contacts: readonly Contact[]): (contact: Contact) => string {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const contact of contacts) (seen.has(contact.id) ? shared : seen).add(contact.id);
  return (contact) => (shared.has(contact.id) ? contact.file.replace(/\.md$/i, '') : contact.id);
}

/**
 * What tells an outcome's event from the contact's others (`outcome-lead-1`,
 * `outcome-referral-2`): the outcome's kind, and its place among the
 * contact's outcomes of that kind as written, counting those ticked `[x]` and
 * those without a date. Not its words: rewording a line, changing its date,
 * ticking another one done or adding one below keeps the event; only adding
 * or deleting one of the same kind above it moves it to the next number.
 * Kinds rather than labels, so a lead that becomes an offer (`Lead:` →
 * `Offer:`, both leads) stays one event. `line` is the outcome's 1-based
 * line, as agenda items give it.
 */
export function outcomeEventKey(contact: Contact, line: number): string {
  const outcome = contact.outcomes.find((candidate) => candidate.line === line);
  // Agenda items of outcomes carry their line; one without is a programming mistake, and the line still tells events apart.
  if (!outcome) return `outcome-line-${line}`;
  const place = contact.outcomes.filter((candidate) => candidate.kind === outcome.kind && candidate.line <= line).length;
  return `outcome-${outcome.kind}-${place}`;
}
