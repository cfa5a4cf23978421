import type { Contact } from '../model/contact.js';
import type { Stage } from '../model/vocabulary.js';

/** The stages in which a follow-up is unwelcome, and why, said after the contact's name. */
const NO_FOLLOW_UP: Partial<Record<Stage, string>> = {
  declined: 'declined (stage `declined`), and after a no a follow-up is unwelcome',
  'followed-up': 'has had a follow-up already (stage `followed-up`), and one is the polite limit: a second reads as pressure',
  'no-response': 'is marked as not replying (stage `no-response`): after giving up, a follow-up reads as pressure',
};

/**
 * Why letter `templateName` does not fit the contact's situation, or
 * `undefined` when it does: a referral needs someone who referred them,
 * nobody who declined gets a follow-up, and nobody gets a second one.
 * Applies to a user's letter of the same name too.
 */
export function letterUnfit(templateName: string, contact: Contact): string | undefined {
  if (templateName === 'referral' && !contact.referredBy) {
    return `nobody referred ${contact.name} (\`referred_by\` is not set in ${contact.file}); write a cold-email, cold-letter or linkedin-note instead, or set \`referred_by: "[[id]]"\` to the person who gave you the name`;
  }
  const noFollowUp = templateName === 'follow-up' ? NO_FOLLOW_UP[contact.stage] : undefined;
  if (noFollowUp) return `${contact.name} ${noFollowUp}`;
  return undefined;
}
