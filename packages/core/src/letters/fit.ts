import type { Contact } from '../model/contact.js';

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
  if (templateName === 'follow-up' && contact.stage === 'declined') {
    return `${contact.name} declined (stage \`declined\`), and after a no a follow-up is unwelcome`;
  }
  if (templateName === 'follow-up' && contact.stage === 'followed-up') {
    return `${contact.name} has had a follow-up already (stage \`followed-up\`), and one is the polite limit: a second reads as pressure`;
  }
  if (templateName === 'follow-up' && contact.stage === 'no-response') {
    return `${contact.name} is marked as not replying (stage \`no-response\`): after giving up, a follow-up reads as pressure`;
  }
  return undefined;
}
