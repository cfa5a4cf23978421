import type { Contact } from '../model/contact.js';
import type { Stage } from '../model/vocabulary.js';

/** Stages that say a conversation took place, for a note whose history does not tell. */
const MET_STAGES: readonly Stage[] = ['held', 'thanked', 'nurturing'];
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
  return MET_STAGES.includes(contact.stage);
}
