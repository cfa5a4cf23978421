import type { Contact } from '../model/contact.js';
import { AFTER_MEETING_STAGES, type Stage } from '../model/vocabulary.js';

/** Steps before any answer, or a refusal. */
const UNANSWERED: readonly Stage[] = ['identified', 'contacted', 'followed-up', 'declined', 'no-response'];

/**
 * Whether the seeker has talked with the contact: a meeting recorded as held
 * (or thanked for) in the history; otherwise a stage that says so (`held`,
 * `thanked`, `nurturing`), unless the history shows them never answering
 * with a meeting: a contact moved to `nurturing` after a no, to pick it up
 * again later, has not talked with you.
 */
export function hasMet(contact: Contact): boolean {
  const steps = contact.history.filter((entry) => !entry.touch);
  if (steps.some((entry) => entry.stage === 'held' || entry.stage === 'thanked')) return true;
  const meetingBooked = steps.some((entry) => entry.stage === 'scheduled' || entry.stage === 'prepared');
  if (!meetingBooked && steps.some((entry) => UNANSWERED.includes(entry.stage))) return false;
  return AFTER_MEETING_STAGES.includes(contact.stage);
}
