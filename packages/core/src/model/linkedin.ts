import { isCalendarDate } from '../lifecycle/dates.js';
import type { Contact } from './contact.js';

/**
 * Whether the note says the contact is already one of the user's LinkedIn
 * connections: `linkedin_connected:` is `true` or the day they connected (a
 * LinkedIn import writes it). A connection request makes no sense then.
 */
export function isLinkedInConnection(contact: Contact): boolean {
  const connected = contact.fields.linkedin_connected;
  return connected === true || (typeof connected === 'string' && isCalendarDate(connected));
}
