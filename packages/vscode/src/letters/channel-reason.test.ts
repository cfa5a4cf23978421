import { describe, expect, it } from 'vitest';
import { readNote } from '@rapport/core';
import { channelReason } from './channel-reason.js';

function contact(fields: string): ReturnType<typeof readNote>['contact'] & object {
  return readNote('siobhan-o-connor.md', `---\ntype: contact\nname: Siobhán O'Connor\nstage: held\n${fields}---\n`).contact!;
}

describe('channelReason', () => {
  it('says why a channel is suggested from what the note says, never an address it does not have', () => {
    const emailedBefore = contact('history:\n  - date: 2026-11-20\n    stage: contacted\n    via: email\n  - date: 2026-12-01\n    stage: held\n');
    expect(channelReason(emailedBefore, 'email', 'thanked')).toBe('the way you last wrote');
    expect(channelReason(contact('email: s@example.com\n'), 'email', 'thanked')).toBe('the note has an email address');
    expect(channelReason(contact('linkedin: https://www.linkedin.com/in/siobhan\n'), 'linkedin', 'contacted')).toBe('the note has a LinkedIn profile');
    expect(channelReason(contact('history:\n  - date: 2026-11-20\n    stage: contacted\n    via: letter\n'), 'letter', 'thanked')).toBe('the way you last wrote');
    const byLinkedIn = contact('email: s@example.com\nhistory:\n  - date: 2026-11-20\n    stage: contacted\n    via: linkedin\n');
    expect(channelReason(byLinkedIn, 'linkedin', 'followed-up')).toBe('the way the request went');
  });

  it('gives no reason for a postal letter when the note has no email address, no LinkedIn profile and no letter sent before', () => {
    expect(channelReason(contact(''), 'letter', 'contacted')).toBeUndefined();
    expect(channelReason(contact('phone: "+1 412 555 0199"\n'), 'letter', 'thanked')).toBeUndefined();
  });
});
