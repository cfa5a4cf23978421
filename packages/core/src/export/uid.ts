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
