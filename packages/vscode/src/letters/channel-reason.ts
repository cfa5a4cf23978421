import type { Channel, Contact, Stage } from '@rapport/core';

/** Why `preferredChannel` took `channel`, in a few words, from what the note says. */
export function channelReason(contact: Contact, channel: Channel, stage: Stage | undefined): string {
  const request = contact.history.findLast((entry) => entry.stage === 'contacted' && !entry.touch)?.via;
  if (stage === 'followed-up' && request === channel) return 'the way the request went';
  if (channel === 'email' && contact.email) return 'the note has an email address';
  if (contact.history.some((entry) => entry.via === channel)) return 'the way you last wrote';
  if (channel === 'linkedin' && contact.linkedin) return 'the note has a LinkedIn profile';
  return 'the note has no email address or LinkedIn profile';
}
