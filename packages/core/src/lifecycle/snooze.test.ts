import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { InvalidInputError } from '../errors.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { markLetterSent } from '../letters/letters.js';
import { advance, logInteraction, moveMeeting } from './advance.js';
import { agenda, nextActions } from './next-action.js';
import { snoozeContact, snoozeDay, snoozeRefusal, unsnoozeContact } from './snooze.js';

const zone = 'America/New_York';
/** Monday 2026-12-07, 10:00 in New York. */
const monday = new Date('2026-12-07T15:00:00Z');
const context = { now: monday, timezone: zone };

function contact(fields: Record<string, unknown>, body = ''): Contact {
  const reading = readNote('owen-park.md', noteText(contactFields({ name: 'Owen Park', ...fields }), body));
  if (!reading.contact) throw new Error('test note is not a contact');
  return reading.contact;
}

/** Written to Owen on Friday 2026-11-20: the follow-up is due 7 business days later, Tuesday 2026-12-01. */
const contactedOn20 = { stage: 'contacted', history: [{ date: '2026-11-20', stage: 'contacted' }] };

describe('a snoozed contact’s next actions', () => {
  it('are due on the snooze’s day when they were due before it, with their kind, words and letter', () => {
    expect(nextActions(contact(contactedOn20), context)).toEqual([{ contactId: 'owen-park', kind: 'follow-up', action: 'Follow up with Owen Park if there is no reply', due: '2026-12-01', letter: 'follow-up' }]);
    expect(nextActions(contact({ ...contactedOn20, snoozed_until: '2026-12-09' }), context)).toEqual([
      { contactId: 'owen-park', kind: 'follow-up', action: 'Follow up with Owen Park if there is no reply', due: '2026-12-09', letter: 'follow-up', snoozedFrom: '2026-12-01' },
    ]);
  });

  it('keep a due date after the snooze’s day', () => {
    // Written on Friday 2026-12-04: 7 business days later is Tuesday 2026-12-15.
    const late = contact({ stage: 'contacted', history: [{ date: '2026-12-04', stage: 'contacted' }], snoozed_until: '2026-12-09' });
    expect(nextActions(late, context)).toEqual([{ contactId: 'owen-park', kind: 'follow-up', action: 'Follow up with Owen Park if there is no reply', due: '2026-12-15', letter: 'follow-up' }]);
  });

  it('are as the rules say once the snooze’s day has passed, and moved on that day itself', () => {
    expect(nextActions(contact({ ...contactedOn20, snoozed_until: '2026-12-04' }), context)).toEqual([{ contactId: 'owen-park', kind: 'follow-up', action: 'Follow up with Owen Park if there is no reply', due: '2026-12-01', letter: 'follow-up' }]);
    // In an agenda with nobody else at Acme Health, a second person is suggested too, 3 business days after the letter: 2026-11-25.
    const items = agenda([contact({ ...contactedOn20, snoozed_until: '2026-12-07' })], context);
    expect(items.map(({ kind, due, overdue, snoozedFrom }) => ({ kind, due, overdue, snoozedFrom }))).toEqual([
      { kind: 'follow-up', due: '2026-12-07', overdue: false, snoozedFrom: '2026-12-01' },
      { kind: 'second-contact', due: '2026-12-07', overdue: false, snoozedFrom: '2026-11-25' },
    ]);
  });

  it('include a hand-written next; one without a date stays undated', () => {
    const dated = contact({ ...contactedOn20, next: { action: 'Send him the diary-study article', due: '2026-12-02' }, snoozed_until: '2026-12-09' });
    expect(nextActions(dated, context)).toEqual([{ contactId: 'owen-park', kind: 'manual', action: 'Send him the diary-study article', due: '2026-12-09', snoozedFrom: '2026-12-02' }]);
    const undated = contact({ ...contactedOn20, next: { action: 'Send him the diary-study article' }, snoozed_until: '2026-12-09' });
    expect(nextActions(undated, context)).toEqual([{ contactId: 'owen-park', kind: 'manual', action: 'Send him the diary-study article', due: null }]);
    expect(nextActions(contact({ stage: 'identified', snoozed_until: '2026-12-09' }), context)).toEqual([{ contactId: 'owen-park', kind: 'write', action: 'Write to Owen Park', due: null, letter: 'cold-email' }]);
  });

  it('leave a meeting on its day, and put its preparation off no later than that day', () => {
    // Meeting on Thursday 2026-12-10: preparing is due 2 days before, Tuesday 2026-12-08.
    const scheduled = { stage: 'scheduled', history: [{ date: '2026-12-01', stage: 'scheduled' }], meeting: { at: '2026-12-10T10:00', minutes: 30, format: 'video' } };
    const meet = { contactId: 'owen-park', kind: 'meet', action: 'Meet Owen Park at 10:00 (video, 30 min)', due: '2026-12-10', time: '10:00' };
    expect(nextActions(contact(scheduled), context)).toEqual([{ contactId: 'owen-park', kind: 'prepare', action: 'Prepare for Owen Park: research and questions', due: '2026-12-08' }, meet]);
    expect(nextActions(contact({ ...scheduled, snoozed_until: '2026-12-09' }), context)).toEqual([{ contactId: 'owen-park', kind: 'prepare', action: 'Prepare for Owen Park: research and questions', due: '2026-12-09', snoozedFrom: '2026-12-08' }, meet]);
    expect(nextActions(contact({ ...scheduled, snoozed_until: '2026-12-14' }), context)).toEqual([{ contactId: 'owen-park', kind: 'prepare', action: 'Prepare for Owen Park: research and questions', due: '2026-12-10', snoozedFrom: '2026-12-08' }, meet]);
  });

  it('put off recording a meeting that is over', () => {
    const over = contact({ stage: 'scheduled', history: [{ date: '2026-11-30', stage: 'scheduled' }], meeting: { at: '2026-12-03T10:00', minutes: 30, format: 'video' }, snoozed_until: '2026-12-09' });
    expect(nextActions(over, context)).toEqual([{ contactId: 'owen-park', kind: 'mark-held', action: 'Record the meeting with Owen Park as held and write your notes', due: '2026-12-09', snoozedFrom: '2026-12-03' }]);
  });

  it('leave the Outcomes’ dates as written', () => {
    // Thanked on 2026-10-05, in touch every 60 days: due Friday 2026-12-04.
    const thanked = contact({ stage: 'thanked', history: [{ date: '2026-10-05', stage: 'thanked' }], snoozed_until: '2026-12-09' }, '\n## Outcomes\n\n- [ ] Lead: Lumen Diagnostics: Data Analyst II (by 2026-12-04)\n');
    expect(agenda([thanked], context).map(({ kind, due, overdue, snoozedFrom }) => ({ kind, due, overdue, snoozedFrom }))).toEqual([
      { kind: 'outcome', due: '2026-12-04', overdue: true, snoozedFrom: undefined },
      { kind: 'keep-in-touch', due: '2026-12-09', overdue: false, snoozedFrom: '2026-12-04' },
    ]);
  });
});

describe('reading snoozed_until', () => {
  it('reads a date as snoozedUntil', () => {
    expect(contact({ snoozed_until: '2026-12-09' }).snoozedUntil).toBe('2026-12-09');
    expect(contact({}).snoozedUntil).toBeUndefined();
  });

  it('reports a date that is not one at its line, and reads the contact without it', () => {
    const text = ['---', 'type: contact', 'name: Owen Park', 'stage: contacted', 'snoozed_until: 2026-12-32', 'history:', '  - {date: 2026-11-20, stage: contacted}', '---', ''].join('\n');
    const reading = readNote('owen-park.md', text);
    expect(reading.contact?.snoozedUntil).toBeUndefined();
    expect(reading.diagnostics.map(({ file, line, column, rule, severity, message }) => ({ file, line, column, rule, severity, message }))).toEqual([
      { file: 'owen-park.md', line: 5, column: 16, rule: 'invalid-date', severity: 'error', message: '`snoozed_until` is not a valid date: "2026-12-32"' },
    ]);
    expect(nextActions(reading.contact!, context)[0]?.due).toBe('2026-12-01');
    const words = readNote('owen-park.md', text.replace('2026-12-32', 'next week'));
    expect(words.diagnostics.map(({ line, message, hint }) => ({ line, message, hint }))).toEqual([
      { line: 5, message: '`snoozed_until` is not a valid date: "next week"', hint: 'Write the day the snooze ends as YYYY-MM-DD, or delete the line' },
    ]);
  });
});

const crlfNote = ['---', 'type: contact', 'name: Owen Park', 'stage: contacted # wrote on LinkedIn', '# found at the AMIA meetup', 'history:', '  - {date: 2026-11-20, stage: contacted, via: linkedin}', '---', '', '# Owen Park', ''].join('\r\n');

describe('snoozeContact and unsnoozeContact', () => {
  it('add and take out the one line, keeping line endings and comments', () => {
    const snoozed = snoozeContact(crlfNote, '2026-12-09');
    expect(snoozed).toBe(['---', 'type: contact', 'name: Owen Park', 'stage: contacted # wrote on LinkedIn', '# found at the AMIA meetup', 'history:', '  - {date: 2026-11-20, stage: contacted, via: linkedin}', 'snoozed_until: 2026-12-09', '---', '', '# Owen Park', ''].join('\r\n'));
    expect(unsnoozeContact(snoozed)).toBe(crlfNote);
    expect(unsnoozeContact(crlfNote)).toBe(crlfNote);
  });

  it('moves a snooze already there in place, its comment kept', () => {
    const text = ['---', 'type: contact', 'name: Owen Park', 'stage: contacted', 'snoozed_until: 2026-12-09 # after the conference', 'tags: [ux]', '---', ''].join('\n');
    expect(snoozeContact(text, '2026-12-14')).toBe(['---', 'type: contact', 'name: Owen Park', 'stage: contacted', 'snoozed_until: 2026-12-14 # after the conference', 'tags: [ux]', '---', ''].join('\n'));
  });

  it('refuses a day that is not a real date', () => {
    expect(() => snoozeContact(crlfNote, '2026-02-30')).toThrow(InvalidInputError);
    expect(() => snoozeContact(crlfNote, 'monday')).toThrow('invalid date "monday" to snooze until (use YYYY-MM-DD)');
  });
});

describe('a snooze ends when something is recorded', () => {
  const snoozed = ['---', 'type: contact', 'name: Owen Park', 'stage: contacted # wrote on LinkedIn', '# put off during the conference week', 'snoozed_until: 2026-12-09', 'history:', '  - {date: 2026-11-20, stage: contacted, via: linkedin}', '---', '', '# Owen Park', ''].join('\r\n');

  it('advance removes the field in the same edit', () => {
    expect(advance(snoozed, 'followed-up', { date: '2026-12-07', via: 'linkedin', letter: 'follow-up' })).toBe(
      ['---', 'type: contact', 'name: Owen Park', 'stage: followed-up # wrote on LinkedIn', '# put off during the conference week', 'history:', '  - {date: 2026-11-20, stage: contacted, via: linkedin}', '  - {date: 2026-12-07, stage: followed-up, via: linkedin, letter: follow-up}', '---', '', '# Owen Park', ''].join('\r\n'),
    );
  });

  it('logInteraction removes it too', () => {
    expect(logInteraction(snoozed, { date: '2026-12-07', note: 'He wrote back: busy until January', replied: true })).toBe(
      ['---', 'type: contact', 'name: Owen Park', 'stage: contacted # wrote on LinkedIn', '# put off during the conference week', 'history:', '  - {date: 2026-11-20, stage: contacted, via: linkedin}', '  - {date: 2026-12-07, stage: contacted, touch: true, replied: true, note: "He wrote back: busy until January"}', '---', '', '# Owen Park', ''].join('\r\n'),
    );
  });

  it('moveMeeting removes it too', () => {
    const booked = ['---', 'type: contact', 'name: Owen Park', 'stage: scheduled', 'snoozed_until: 2026-12-09', 'history:', '  - date: 2026-12-01', '    stage: scheduled', 'meeting:', '  at: 2026-12-10T10:00', '  minutes: 30', '  format: video', '---', ''].join('\n');
    expect(moveMeeting(booked, { at: '2026-12-11T10:00' }, { date: '2026-12-07' })).toBe(
      ['---', 'type: contact', 'name: Owen Park', 'stage: scheduled', 'history:', '  - date: 2026-12-01', '    stage: scheduled', '  - date: 2026-12-07', '    stage: scheduled', '    note: rescheduled from 2026-12-10 10:00', 'meeting:', '  at: 2026-12-11T10:00', '  minutes: 30', '  format: video', '---', ''].join('\n'),
    );
  });

  it('a letter marked as sent removes it too', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'owen-park.md': snoozed }));
    await markLetterSent(workspace, 'owen-park', 'follow-up', { date: '2026-12-07', via: 'linkedin' });
    expect(await workspace.store.read('owen-park.md')).toMatchObject({
      text: ['---', 'type: contact', 'name: Owen Park', 'stage: followed-up # wrote on LinkedIn', '# put off during the conference week', 'history:', '  - {date: 2026-11-20, stage: contacted, via: linkedin}', '  - {date: 2026-12-07, stage: followed-up, via: linkedin, letter: follow-up}', '---', '', '# Owen Park', ''].join('\r\n'),
    });
  });

  it('changing only the meeting’s link records nothing, and keeps the snooze', () => {
    const booked = ['---', 'type: contact', 'name: Owen Park', 'stage: scheduled', 'snoozed_until: 2026-12-09', 'meeting:', '  at: 2026-12-10T10:00', '---', ''].join('\n');
    expect(advance(booked, 'scheduled', { date: '2026-12-07', meeting: { at: '2026-12-10T10:00', link: 'https://meet.example.com/owen' } })).toBe(
      ['---', 'type: contact', 'name: Owen Park', 'stage: scheduled', 'snoozed_until: 2026-12-09', 'meeting:', '  at: 2026-12-10T10:00', '  link: https://meet.example.com/owen', '---', ''].join('\n'),
    );
  });
});

describe('snoozeDay', () => {
  // 2026-12-07 is a Monday.
  it.each([
    ['2026-12-09', '2026-12-09'],
    ['tomorrow', '2026-12-08'],
    ['+7d', '2026-12-14'],
    ['+3', '2026-12-10'],
    ['+2w', '2026-12-21'],
    ['monday', '2026-12-14'],
    ['Wed', '2026-12-09'],
    ['friday', '2026-12-11'],
    ['sunday', '2026-12-13'],
  ])('reads %s on Monday 2026-12-07 as %s', (input, day) => {
    expect(snoozeDay(input, '2026-12-07')).toBe(day);
  });

  it.each(['someday', 'mo', '2026-02-30', '-3d', ''])('understands no day in %j', (input) => {
    expect(snoozeDay(input, '2026-12-07')).toBeUndefined();
  });
});

describe('snoozeRefusal', () => {
  const owen = { name: 'Owen Park', stage: 'contacted' } as const;
  const claire = { name: 'Claire Dubois', stage: 'declined' } as const;

  it('takes a later day for an open contact', () => {
    expect(snoozeRefusal({ contact: owen, day: '2026-12-08', today: '2026-12-07' })).toBeUndefined();
    expect(snoozeRefusal({ day: '2027-01-04', today: '2026-12-07' })).toBeUndefined();
    expect(snoozeRefusal({ contact: owen, today: '2026-12-07' })).toBeUndefined();
  });

  it('refuses today and a day gone', () => {
    expect(snoozeRefusal({ contact: owen, day: '2026-12-07', today: '2026-12-07' })).toBe('2026-12-07 is not after today (2026-12-07): a snooze puts actions off to a later day');
    expect(snoozeRefusal({ day: '2026-11-30', today: '2026-12-07' })).toBe('2026-11-30 is not after today (2026-12-07): a snooze puts actions off to a later day');
  });

  it('refuses a closed contact, the day checked first', () => {
    expect(snoozeRefusal({ contact: claire, today: '2026-12-07' })).toBe('Claire Dubois is declined, and a closed contact has no next action to put off');
    expect(snoozeRefusal({ contact: { name: 'Greg Malone', stage: 'no-response' }, day: '2026-12-09', today: '2026-12-07' })).toBe('Greg Malone is no-response, and a closed contact has no next action to put off');
    expect(snoozeRefusal({ contact: claire, day: '2026-12-01', today: '2026-12-07' })).toBe('2026-12-01 is not after today (2026-12-07): a snooze puts actions off to a later day');
  });
});
