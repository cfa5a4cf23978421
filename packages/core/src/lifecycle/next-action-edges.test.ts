import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { agenda, nextActions, unnamedPerson } from './next-action.js';

/** Edges of the suggested actions a user would notice: wording, missing data, colleagues, the exact end of a meeting. */

const zone = 'America/New_York';
/** Monday 2026-11-23, 10:00 in New York. */
const monday = new Date('2026-11-23T15:00:00Z');
const context = { now: monday, timezone: zone };

function contact(fields: Record<string, unknown>, file = 'maya-chen.md', body = ''): Contact {
  const reading = readNote(file, noteText(contactFields(fields), body));
  if (!reading.contact) throw new Error('test note is not a contact');
  return reading.contact;
}

const contacted = (extra: Record<string, unknown> = {}, file = 'maya-chen.md') => contact({ stage: 'contacted', history: [{ date: '2026-11-16', stage: 'contacted' }], ...extra }, file);

describe('nextActions: what each action says', () => {
  it('words the follow-up, the give-up and the mark-held actions', () => {
    expect(nextActions(contacted(), context)).toEqual([
      { contactId: 'maya-chen', kind: 'follow-up', action: 'Follow up with Maya Chen if there is no reply', due: '2026-11-25', letter: 'follow-up' },
    ]);
    expect(nextActions(contact({ stage: 'followed-up', history: [{ date: '2026-11-16', stage: 'followed-up' }] }), context)).toEqual([
      { contactId: 'maya-chen', kind: 'give-up', action: 'No reply from Maya Chen since the follow-up: mark as no-response', due: '2026-11-25' },
    ]);
    const met = contact({ stage: 'prepared', history: [{ date: '2026-11-16', stage: 'prepared' }], meeting: { at: '2026-11-20T09:00', minutes: 30, format: 'video' } });
    expect(nextActions(met, context)).toEqual([
      { contactId: 'maya-chen', kind: 'mark-held', action: 'Record the meeting with Maya Chen as held and write your notes', due: '2026-11-20' },
    ]);
  });

  it('asks for the meeting time when a scheduled note has none, dated from the day it was scheduled', () => {
    expect(nextActions(contact({ stage: 'scheduled', history: [{ date: '2026-11-18', stage: 'scheduled' }] }), context)).toEqual([
      { contactId: 'maya-chen', kind: 'schedule', action: 'Add the meeting time with Maya Chen', due: '2026-11-18' },
    ]);
  });

  it('asks to mark the meeting held from the very minute it ends, not before', () => {
    const meeting = { at: '2026-11-23T09:30', minutes: 30, format: 'phone' };
    const prepared = contact({ stage: 'prepared', history: [{ date: '2026-11-16', stage: 'prepared' }], meeting });
    // 09:30 + 30 minutes in New York is 15:00 UTC, the instant of `monday`.
    expect(nextActions(prepared, { ...context, now: new Date('2026-11-23T15:00:00Z') }).map((action) => action.kind)).toEqual(['mark-held']);
    expect(nextActions(prepared, { ...context, now: new Date('2026-11-23T14:59:59Z') })).toEqual([
      { contactId: 'maya-chen', kind: 'meet', action: 'Meet Maya Chen at 09:30 (phone, 30 min)', due: '2026-11-23', time: '09:30' },
    ]);
  });
});

describe('nextActions: notes with little history', () => {
  it('dates the follow-up from the last entry when no entry is for the current stage', () => {
    const stageNotInHistory = contact({ stage: 'contacted', history: [{ date: '2026-11-16', stage: 'identified' }] });
    expect(nextActions(stageNotInHistory, { ...context, contacts: [] }).map((action) => [action.kind, action.due])).toEqual([
      ['follow-up', '2026-11-25'],
      ['second-contact', '2026-11-19'],
    ]);
  });

  it('leaves actions undated, and asks for no second person, when the history is empty', () => {
    const noHistory = contact({ stage: 'contacted', history: [] });
    expect(nextActions(noHistory, { ...context, contacts: [] })).toEqual([
      { contactId: 'maya-chen', kind: 'follow-up', action: 'Follow up with Maya Chen if there is no reply', due: null, letter: 'follow-up' },
    ]);
    expect(nextActions(contact({ stage: 'thanked', history: [] }), context)).toEqual([
      { contactId: 'maya-chen', kind: 'keep-in-touch', action: 'Keep in touch with Maya Chen', due: null, letter: 'keep-in-touch' },
    ]);
  });

  it('counts from the first entry when it is the stage entry and only a touch follows', () => {
    const letterThenTouch = contact({ stage: 'contacted', history: [{ date: '2026-11-16', stage: 'contacted' }, { date: '2026-11-20', stage: 'contacted', touch: true }] });
    expect(nextActions(letterThenTouch, { ...context, contacts: [] }).map((action) => [action.kind, action.due])).toEqual([
      ['follow-up', '2026-11-25'],
      ['second-contact', '2026-11-19'],
    ]);
  });

  it('counts from the latest entry for the stage the note is in, even when a later entry names another stage', () => {
    const movedBack = contact({ stage: 'contacted', history: [{ date: '2026-11-16', stage: 'contacted' }, { date: '2026-11-18', stage: 'scheduled' }] });
    expect(nextActions(movedBack, context)[0]).toMatchObject({ kind: 'follow-up', due: '2026-11-25' });
  });
});

describe('nextActions: a second person at the organization (3B7)', () => {
  const twoActions = ['follow-up', 'second-contact'];

  it('asks for no second person when the caller gives no contact list to look for colleagues in', () => {
    expect(nextActions(contacted(), context).map((action) => action.kind)).toEqual(['follow-up']);
  });

  it('asks for no second person at an organization the note does not name', () => {
    expect(nextActions(contacted({ organization: undefined }), { ...context, contacts: [] }).map((action) => action.kind)).toEqual(['follow-up']);
  });

  it('still asks when the only active contact at the organization is this one', () => {
    const self = contacted();
    expect(nextActions(self, { ...context, contacts: [self] }).map((action) => action.kind)).toEqual(twoActions);
  });

  it('does not ask when a colleague is under way, listed before or after, whatever the spacing and case of the organization', () => {
    const self = contacted();
    const colleague = contacted({ name: 'Sam Lee', organization: '  ACME health ' }, 'sam-lee.md');
    expect(nextActions(self, { ...context, contacts: [self, colleague] }).map((action) => action.kind)).toEqual(['follow-up']);
    expect(nextActions(self, { ...context, contacts: [colleague, self] }).map((action) => action.kind)).toEqual(['follow-up']);
  });

  it('still asks when the others at the organization are only identified, closed, or at no organization', () => {
    const self = contacted();
    const others = [
      contact({ name: 'Ida New', stage: 'identified' }, 'ida-new.md'),
      contacted({ name: 'Cal Closed', stage: 'declined' }, 'cal-closed.md'),
      contacted({ name: 'Nora Free', organization: undefined }, 'nora-free.md'),
    ];
    expect(nextActions(self, { ...context, contacts: [...others, self] }).map((action) => action.kind)).toEqual(twoActions);
  });

  it('names someone found at the organization and not yet written to: the first by id, never one closed or elsewhere', () => {
    const self = contacted();
    const second = (others: Contact[]) => nextActions(self, { ...context, contacts: [self, ...others] }).find((action) => action.kind === 'second-contact')?.action;
    expect(second([])).toBe('No reply from Maya Chen yet: try a second person at Acme Health');
    const tom = contact({ name: 'Tom Brien', stage: 'identified', organization: 'acme health' }, 'tom-brien.md');
    const ana = contact({ name: 'Ana Ruiz', stage: 'identified' }, 'people/ana-ruiz.md');
    expect(second([tom])).toBe('No reply from Maya Chen yet: try a second person at Acme Health, such as Tom Brien');
    expect(second([tom, ana])).toBe('No reply from Maya Chen yet: try a second person at Acme Health, such as Ana Ruiz');
    expect(second([ana, tom])).toBe('No reply from Maya Chen yet: try a second person at Acme Health, such as Ana Ruiz');
    const closed = contacted({ name: 'Cal Closed', stage: 'declined' }, 'cal-closed.md');
    const elsewhere = contact({ name: 'Bea Beta', stage: 'identified', organization: 'Beta Labs' }, 'bea-beta.md');
    expect(second([closed, elsewhere])).toBe('No reply from Maya Chen yet: try a second person at Acme Health');
    // The one named is given by id, to write to; none when no one is named.
    const colleague = (others: Contact[]) => nextActions(self, { ...context, contacts: [self, ...others] }).find((action) => action.kind === 'second-contact')?.colleague;
    expect(colleague([tom, ana])).toBe('ana-ruiz');
    expect(colleague([closed, elsewhere])).toBeUndefined();
  });

  it('still asks when the other contact under way works at another organization', () => {
    const self = contacted();
    const elsewhere = contacted({ name: 'Sam Lee', organization: 'Beta Labs' }, 'sam-lee.md');
    expect(nextActions(self, { ...context, contacts: [self, elsewhere] }).map((action) => action.kind)).toEqual(twoActions);
  });

  it('on the agenda, looks for colleagues among all contacts the caller gives, not only those listed', () => {
    const self = contacted();
    const colleague = contacted({ name: 'Sam Lee' }, 'sam-lee.md');
    expect(agenda([self], { ...context, contacts: [self, colleague] }).map((item) => item.kind)).toEqual(['follow-up']);
    expect(agenda([self], context).map((item) => item.kind)).toEqual(['second-contact', 'follow-up']);
  });
});

describe('nextActions: preparation of a meeting', () => {
  it('never dates the preparation after the meeting, even when the booking was recorded later', () => {
    const lateRecord = contact({ stage: 'scheduled', history: [{ date: '2026-11-28', stage: 'scheduled' }], meeting: { at: '2026-11-27T09:00', minutes: 30, format: 'video' } });
    expect(nextActions(lateRecord, context).map((action) => [action.kind, action.due])).toEqual([
      ['prepare', '2026-11-27'],
      ['meet', '2026-11-27'],
    ]);
  });
});

describe('agenda: outcome lines', () => {
  it('carries the outcome line and the referral name, and no letter, only where they apply', () => {
    // Lines 1-9 are the frontmatter, 10 is blank, 11 the heading, 12 blank: the items are on lines 13 and 14.
    const body = '\n## Outcomes\n\n- Lead: analyst role at Carelink (by 2026-11-30)\n- Referral: Renee Jackson, data engineer\n';
    const held = contact({ name: 'Marcus Bell', stage: 'thanked', history: [{ date: '2026-11-20', stage: 'thanked' }] }, 'marcus-bell.md', body);
    expect(agenda([held], context)).toStrictEqual([
      { id: 'marcus-bell', name: 'Marcus Bell', file: 'marcus-bell.md', kind: 'outcome', action: 'Follow up on the lead: analyst role at Carelink', due: '2026-11-30', overdue: false, line: 13 },
      { id: 'marcus-bell', name: 'Marcus Bell', file: 'marcus-bell.md', kind: 'keep-in-touch', action: 'Keep in touch with Marcus Bell', due: '2027-01-19', overdue: false, letter: 'keep-in-touch' },
      { id: 'marcus-bell', name: 'Marcus Bell', file: 'marcus-bell.md', kind: 'add-referral', action: 'Add Renee Jackson (referred by Marcus Bell)', due: null, overdue: false, line: 14, referral: 'Renee Jackson' },
    ]);
  });
});

describe('agenda: Ready to write', () => {
  it('lists referrals first, people to add from an Outcomes line with the referral letters, then the rest by name', () => {
    const body = '\n## Outcomes\n\n- Referral: Renee Jackson, data engineer\n';
    const contacts = [
      contact({ name: 'Abe Cold', stage: 'identified', history: [] }, 'abe-cold.md'),
      contact({ name: 'Zoe Referred', stage: 'identified', history: [], referred_by: '[[marcus-bell]]' }, 'zoe-referred.md'),
      contact({ name: 'Marcus Bell', stage: 'thanked', history: [{ date: '2026-11-20', stage: 'thanked' }] }, 'marcus-bell.md', body),
      contact({ name: 'Bea Manual', stage: 'contacted', history: [{ date: '2026-11-20', stage: 'contacted' }], next: { action: 'Call the front desk' } }, 'bea-manual.md'),
    ];
    expect(agenda(contacts, context).filter((item) => item.due === null).map((item) => item.action)).toEqual([
      'Add Renee Jackson (referred by Marcus Bell)',
      'Write to Zoe Referred, naming who referred you',
      'Write to Abe Cold',
      'Call the front desk',
    ]);
  });
});

describe('unnamedPerson', () => {
  it("names the person of an action written by hand or from Outcomes when its words leave them out, and no one else's", () => {
    expect(unnamedPerson({ kind: 'outcome', name: 'Marcus Bell', action: 'Follow up on the lead at Xcel Energy: Data Analyst II' })).toBe('Marcus Bell');
    expect(unnamedPerson({ kind: 'manual', name: 'Dana Okafor', action: 'Send her the article' })).toBe('Dana Okafor');
    // The first name is enough: "Tell Aisha how the coffee went" names Aisha Karim.
    expect(unnamedPerson({ kind: 'manual', name: 'Aisha Karim', action: 'Tell Aisha how the coffee with Ben Osei went' })).toBeUndefined();
    expect(unnamedPerson({ kind: 'outcome', name: 'Marcus Bell', action: 'Send your résumé to Marcus Bell for review' })).toBeUndefined();
    // The rules' actions always name their person.
    expect(unnamedPerson({ kind: 'second-contact', name: 'Owen Park', action: 'Try a second person at Lumen Diagnostics' })).toBeUndefined();
  });
});
