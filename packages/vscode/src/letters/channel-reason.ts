import type { Channel, Contact, Stage } from '@rapport/core';

/**
 * Why `preferredChannel` took `channel`, in a few words, from what the note says; `undefined` when the note
 * says nothing of how to reach them (no email address, no LinkedIn profile, never written to): `letter` is
 * then only core's last resort, not a likely answer.
 */
export function channelReason(contact: Contact, channel: Channel, stage: Stage | undefined): string | undefined {
  const request = contact.history.findLast((entry) => entry.stage === 'contacted' && !entry.touch)?.via;
  if (stage === 'followed-up' && request === channel) return 'the way the request went';
  if (channel === 'email' && contact.email) return 'the note has an email address';
  if (contact.history.some((entry) => entry.via === channel)) return 'the way you last wrote';
  if (channel === 'linkedin' && contact.linkedin) return 'the note has a LinkedIn profile';
  return undefined;
}
