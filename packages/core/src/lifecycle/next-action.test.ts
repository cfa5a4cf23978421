import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { defaultRules } from '../workspace/config.js';
import { InvalidInputError, RecordingRefusedError } from '../errors.js';
import { advance, checkRecordable, logInteraction } from './advance.js';
import { addWorkingDays, meetingDate, todayIn } from './dates.js';
import { agenda, nextAction, nextActions, suggestedStage } from './next-action.js';

const zone = 'America/New_York';
/** Monday 2026-11-23, 10:00 in New York. */
const monday = new Date('2026-11-23T15:00:00Z');

function contact(fields: Record<string, unknown>, file = 'maya-chen.md'): Contact {
  const reading = readNote(file, noteText(contactFields(fields)));
  if (!reading.contact) throw new Error('test note is not a contact');
  return reading.contact;
}

function at(stage: string, date: string, extra: Record<string, unknown> = {}): Contact {
  return contact({ stage, history: [{ date: '2026-10-01', stage: 'identified' }, { date, stage }], ...extra });
}

describe('a context that cannot be used', () => {
  const unknownZone = 'unknown time zone "Mars/Olympus" (use an IANA name such as America/New_York, Europe/Paris or UTC)';
  const invalidNow = '`now` is not a valid date (got an Invalid Date)';
  const contacted = at('contacted', '2026-11-16');

  it('refuses an unknown zone, even for contacts whose actions need no zone', () => {
    expect(() => agenda([contacted], { now: monday, timezone: 'Mars/Olympus' })).toThrow(InvalidInputError);
    expect(() => agenda([contacted], { now: monday, timezone: 'Mars/Olympus' })).toThrow(unknownZone);
    expect(() => agenda([], { now: monday, timezone: 'Mars/Olympus' })).toThrow(unknownZone);
    expect(() => nextActions(contacted, { now: monday, timezone: 'Mars/Olympus' })).toThrow(unknownZone);
    expect(() => nextAction(contacted, { now: monday, timezone: 'Mars/Olympus' })).toThrow(unknownZone);
  });

  it('refuses an Invalid Date as now', () => {
    expect(() => agenda([contacted], { now: new Date('nope'), timezone: zone })).toThrow(InvalidInputError);
    expect(() => agenda([contacted], { now: new Date('nope'), timezone: zone })).toThrow(invalidNow);
    expect(() => nextActions(contacted, { now: new Date('nope'), timezone: zone })).toThrow(invalidNow);
  });
});

describe('dates', () => {
  it('counts business days over weekends', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-16', 7)).toBe('2026-11-25');
  });

  it('knows today in the user zone, not UTC', () => {
    const lateEvening = new Date('2026-11-24T03:30:00Z');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-11-23');
    expect(todayIn('Asia/Tokyo', lateEvening)).toBe('2026-11-24');
  });

  it('dates a meeting with an offset in the user zone', () => {
    expect(meetingDate('2026-11-25T23:30-08:00', 'America/New_York')).toBe('2026-11-26');
    expect(meetingDate('2026-11-25T23:30', 'America/New_York')).toBe('2026-11-25');
  });

  it('keeps calendar days across a daylight-saving change', () => {
    expect(addWorkingDays('2026-10-30', 1)).toBe('2026-11-02');
  });
});

describe('nextActions', () => {
  const context = { now: monday, timezone: zone };

  it('suggests writing to an identified contact, the referral letter when referred', () => {
    expect(nextAction(at('identified', '2026-11-20'), context)).toMatchObject({ kind: 'write', due: null, letter: 'cold-email' });
    expect(nextAction(at('identified', '2026-11-20', { referred_by: '[[sam]]' }), context)).toMatchObject({ letter: 'referral' });
  });

  it('follows up 7 business days after contact, and tries a second person after 3 (3B7)', () => {
    const actions = nextActions(at('contacted', '2026-11-16'), { ...context, contacts: [] });
    expect(actions).toMatchObject([
      { kind: 'follow-up', due: '2026-11-25', letter: 'follow-up' },
      { kind: 'second-contact', due: '2026-11-19', action: 'No reply from Maya Chen yet: try a second person at Acme Health' },
    ]);
  });

  it('names an institution with "the" in the second-person suggestion', () => {
    const [, second] = nextActions(at('contacted', '2026-11-16', { organization: 'University of Pittsburgh' }), { ...context, contacts: [] });
    expect(second?.action).toBe('No reply from Maya Chen yet: try a second person at the University of Pittsburgh');
  });

  it('skips the second-person suggestion when someone else at the organization is already in play', () => {
    const colleague = contact({ name: 'Lee Park', stage: 'contacted', history: [{ date: '2026-11-10', stage: 'contacted' }] }, 'lee-park.md');
    const actions = nextActions(at('contacted', '2026-11-16'), { ...context, contacts: [colleague] });
    expect(actions.map((action) => action.kind)).toEqual(['follow-up']);
  });

  it('suggests a second person only for cold outreach: not for a personal contact or a referral', () => {
    const kinds = (extra: Record<string, unknown>) => nextActions(at('contacted', '2026-11-16', extra), { ...context, contacts: [] }).map((action) => action.kind);
    expect(kinds({ source: 'linkedin' })).toEqual(['follow-up', 'second-contact']);
    expect(kinds({ source: 'cold' })).toEqual(['follow-up', 'second-contact']);
    expect(kinds({ source: 'personal' })).toEqual(['follow-up']);
    expect(kinds({ source: 'referral' })).toEqual(['follow-up']);
    expect(kinds({ source: 'association', referred_by: '[[sam-whitaker]]' })).toEqual(['follow-up']);
  });

  it('drops the second-person suggestion once dismissed in the note', () => {
    const kinds = (extra: Record<string, unknown>) => nextActions(at('contacted', '2026-11-16', extra), { ...context, contacts: [] }).map((action) => action.kind);
    expect(kinds({ dismissed: ['second-contact'] })).toEqual(['follow-up']);
    expect(kinds({ dismissed: 'second-contact' })).toEqual(['follow-up']);
    expect(kinds({ dismissed: ['something-else'] })).toEqual(['follow-up', 'second-contact']);
  });

  it('after a logged reply, asks to agree a time instead of following up or writing to a second person', () => {
    // Contacted Monday 2026-11-16; they replied Wednesday 2026-11-18, with neither a time nor a no: answer by Thursday.
    const replied = (extra: Record<string, unknown> = {}) =>
      at('contacted', '2026-11-16', { history: [{ date: '2026-10-01', stage: 'identified' }, { date: '2026-11-16', stage: 'contacted' }, { date: '2026-11-18', stage: 'contacted', touch: true, replied: true }], ...extra });
    expect(nextActions(replied(), { ...context, contacts: [] })).toEqual([
      { contactId: 'maya-chen', kind: 'reply', action: 'Maya Chen replied on 2026-11-18: agree a time to talk', due: '2026-11-19' },
    ]);
    // Your own answer logged after it (Thursday 2026-11-19): the check-in comes 7 business days later, as a follow-up would.
    const answered = replied({
      history: [{ date: '2026-11-16', stage: 'contacted' }, { date: '2026-11-18', stage: 'contacted', touch: true, replied: true }, { date: '2026-11-19', stage: 'contacted', touch: true, note: 'sent my times' }],
    });
    expect(nextActions(answered, { ...context, contacts: [] })).toMatchObject([{ kind: 'reply', due: '2026-11-30' }]);
    // The folder's own delay for answering: 3 business days from Wednesday is Monday.
    expect(nextActions(replied(), { ...context, contacts: [], rules: { ...defaultRules, answerWithin: 3 } })).toMatchObject([{ kind: 'reply', due: '2026-11-23' }]);
    // A `next` written by hand still comes first ("write again in January").
    expect(nextAction(replied({ next: { action: 'Write again in January', due: '2027-01-05' } }), context)).toMatchObject({ kind: 'manual', due: '2027-01-05' });
    // A touch that is not a reply changes nothing.
    const touched = at('contacted', '2026-11-16', { history: [{ date: '2026-11-16', stage: 'contacted' }, { date: '2026-11-18', stage: 'contacted', touch: true, note: 'saw her talk' }] });
    expect(nextActions(touched, { ...context, contacts: [] }).map((action) => action.kind)).toEqual(['follow-up', 'second-contact']);
  });

  it('after a reply logged since the follow-up, no longer suggests giving up; a reply before the follow-up does not count', () => {
    const history = [
      { date: '2026-11-02', stage: 'contacted' },
      { date: '2026-11-13', stage: 'followed-up' },
    ];
    expect(nextAction(at('followed-up', '2026-11-13', { history: [...history, { date: '2026-11-17', stage: 'followed-up', touch: true, replied: true }] }), context)).toMatchObject({
      kind: 'reply',
      action: 'Maya Chen replied on 2026-11-17: agree a time to talk',
      due: '2026-11-18',
    });
    const earlier = [{ date: '2026-11-02', stage: 'contacted' }, { date: '2026-11-04', stage: 'contacted', touch: true, replied: true }, { date: '2026-11-13', stage: 'followed-up' }];
    expect(nextAction(at('followed-up', '2026-11-13', { history: earlier }), context)).toMatchObject({ kind: 'give-up', due: '2026-11-24' });
  });

  it('suggests no-response 7 business days after the follow-up', () => {
    expect(nextAction(at('followed-up', '2026-11-13'), context)).toMatchObject({ kind: 'give-up', due: '2026-11-24' });
  });

  it('asks to prepare two days before a scheduled meeting', () => {
    const scheduled = at('scheduled', '2026-11-18', { meeting: { at: '2026-11-27T08:30', minutes: 30, format: 'video' } });
    expect(nextAction(scheduled, context)).toMatchObject({ kind: 'prepare', due: '2026-11-25' });
  });

  it('asks to prepare today for a meeting booked at short notice', () => {
    const scheduled = at('scheduled', '2026-11-23', { meeting: { at: '2026-11-24T08:30', minutes: 30, format: 'phone' } });
    expect(nextAction(scheduled, context)).toMatchObject({ kind: 'prepare', due: '2026-11-23' });
  });

  it('shows a scheduled meeting on its day, with its preparation still due two days before (overdue, not moved to today)', () => {
    const scheduled = at('scheduled', '2026-11-10', { meeting: { at: '2026-11-23T14:00-05:00', minutes: 30, format: 'phone' } });
    // Two days before Monday the 23rd is Saturday: preparing is due on the Friday before.
    expect(nextActions(scheduled, context)).toEqual([
      { contactId: 'maya-chen', kind: 'prepare', action: 'Prepare for Maya Chen: research and questions', due: '2026-11-20' },
      { contactId: 'maya-chen', kind: 'meet', action: 'Meet Maya Chen at 14:00 (phone, 30 min)', due: '2026-11-23', time: '14:00' },
    ]);
    const items = agenda([scheduled], context);
    expect(items.map((item) => [item.kind, item.due, item.overdue])).toEqual([
      ['prepare', '2026-11-20', true],
      ['meet', '2026-11-23', false],
    ]);
  });

  it('dates the preparation of a short-notice meeting by the day it was booked, not by today', () => {
    const booked = at('scheduled', '2026-11-20', { meeting: { at: '2026-11-21T09:00', minutes: 30, format: 'video' } });
    const later = { now: new Date('2026-11-25T15:00:00Z'), timezone: zone };
    // On the 25th the meeting is over: only "mark held" is left.
    expect(nextActions(booked, later).map((action) => [action.kind, action.due])).toEqual([['mark-held', '2026-11-21']]);
    const before = { now: new Date('2026-11-20T15:00:00Z'), timezone: zone };
    expect(nextActions(booked, before).map((action) => [action.kind, action.due])).toEqual([
      ['prepare', '2026-11-20'],
      ['meet', '2026-11-21'],
    ]);
  });

  it('reminds of the meeting once prepared', () => {
    const prepared = at('prepared', '2026-11-20', { meeting: { at: '2026-11-24T12:00-05:00', minutes: 45, format: 'in-person' } });
    expect(nextAction(prepared, context)).toMatchObject({ kind: 'meet', due: '2026-11-24', action: 'Meet Maya Chen at 12:00 (in-person, 45 min)' });
  });

  it('asks to mark the meeting held once its time has passed', () => {
    const past = at('prepared', '2026-11-20', { meeting: { at: '2026-11-23T09:00-05:00', minutes: 30, format: 'video' } });
    expect(nextAction(past, context)).toMatchObject({ kind: 'mark-held', due: '2026-11-23' });
    const ongoing = at('prepared', '2026-11-20', { meeting: { at: '2026-11-23T09:45-05:00', minutes: 30, format: 'video' } });
    expect(nextAction(ongoing, context)).toMatchObject({ kind: 'meet' });
  });

  it('wants a thank-you within a day of the meeting', () => {
    expect(nextAction(at('held', '2026-11-20'), context)).toMatchObject({ kind: 'thank', due: '2026-11-21', letter: 'thank-you' });
  });

  it('keeps in touch every touch_every days, 60 by default', () => {
    expect(nextAction(at('thanked', '2026-11-01'), context)).toMatchObject({ kind: 'keep-in-touch', due: '2026-12-31' });
    // 14 days after Sunday the 1st is Sunday the 15th: the next working day.
    expect(nextAction(at('nurturing', '2026-11-01', { touch_every: 14 }), context)).toMatchObject({ due: '2026-11-16' });
  });

  it('counts no holiday as a business day, and moves a date due on a day off to a working day', () => {
    const christmas = { ...context, now: new Date('2026-12-14T17:00:00Z') };
    // Contacted Wednesday 12-16: seven business days skip the weekends and Christmas (Friday), so Monday 12-28, not 12-25.
    expect(nextAction(at('contacted', '2026-12-16'), christmas)).toMatchObject({ kind: 'follow-up', due: '2026-12-28' });
    // Followed up Tuesday 12-22: seven business days skip Christmas and New Year's Day (both Fridays): Monday 01-04.
    expect(nextAction(at('followed-up', '2026-12-22'), christmas)).toMatchObject({ kind: 'give-up', due: '2027-01-04' });
    // A folder's own days off; none but weekends with an empty list.
    const ownRules = (holidays: string[]) => ({ ...christmas, rules: { ...defaultRules, holidays } });
    expect(nextAction(at('contacted', '2026-12-16'), ownRules(['12-24', '12-25', '2026-12-28']))).toMatchObject({ due: '2026-12-30' });
    expect(nextAction(at('contacted', '2026-12-16'), ownRules([]))).toMatchObject({ due: '2026-12-25' });
    // Keeping in touch 60 days after Monday 10-26 lands on Christmas Day: the next working day is Monday 12-28.
    expect(nextAction(at('thanked', '2026-10-26'), christmas)).toMatchObject({ kind: 'keep-in-touch', due: '2026-12-28' });
    // A meeting on Monday 01-04: two days before is Saturday 01-02, and the working day before that, Friday 01-01, is a holiday: Thursday 12-31.
    const meeting = at('scheduled', '2026-12-14', { meeting: { at: '2027-01-04T10:00', minutes: 30, format: 'video' } });
    expect(nextAction(meeting, christmas)).toMatchObject({ kind: 'prepare', due: '2026-12-31' });
    // Booked on Saturday 01-02 for that Monday: not before the day it was booked.
    const late = at('scheduled', '2027-01-02', { meeting: { at: '2027-01-04T10:00', minutes: 30, format: 'video' } });
    expect(nextAction(late, { ...christmas, now: new Date('2027-01-02T17:00:00Z') })).toMatchObject({ kind: 'prepare', due: '2027-01-02' });
  });

  it('honours configured delays', () => {
    const rules = { ...defaultRules, followUpAfter: 5, thankWithin: 0 };
    expect(nextAction(at('contacted', '2026-11-16'), { ...context, rules })).toMatchObject({ due: '2026-11-23' });
    expect(nextAction(at('held', '2026-11-20'), { ...context, rules })).toMatchObject({ due: '2026-11-20' });
  });

  it('drops a manual next action once the contact is closed', () => {
    for (const stage of ['archived', 'declined', 'no-response'] as const) {
      expect(nextActions(at(stage, '2026-11-16', { next: { action: 'Call her assistant', due: '2026-11-30' } }), context), stage).toEqual([]);
    }
  });

  it('lets a manual next action win', () => {
    const manual = at('contacted', '2026-11-16', { next: { action: 'Call her assistant', due: '2026-11-30' } });
    expect(nextActions(manual, context)).toEqual([{ contactId: 'maya-chen', kind: 'manual', action: 'Call her assistant', due: '2026-11-30' }]);
  });

  it('keeps a booked meeting beside a manual next action: prepare, meet, then record it', () => {
    const meeting = { at: '2026-11-25T08:30', minutes: 30, format: 'in-person' };
    const owen = at('scheduled', '2026-11-18', { meeting, next: { action: 'Send him the kit article' } });
    expect(nextActions(owen, context)).toEqual([
      { contactId: 'maya-chen', kind: 'manual', action: 'Send him the kit article', due: null },
      { contactId: 'maya-chen', kind: 'prepare', action: 'Prepare for Maya Chen: research and questions', due: '2026-11-23' },
      { contactId: 'maya-chen', kind: 'meet', action: 'Meet Maya Chen at 08:30 (in-person, 30 min)', due: '2026-11-25', time: '08:30' },
    ]);
    const afterwards = { ...context, now: new Date('2026-11-25T14:00:00Z') };
    expect(nextActions(owen, afterwards).map((action) => [action.kind, action.due])).toEqual([
      ['manual', null],
      ['mark-held', '2026-11-25'],
    ]);
    // Asking for the meeting time, following up, thanking: what the hand-written action replaces.
    expect(nextActions(at('scheduled', '2026-11-18', { next: { action: 'Wait for her assistant' } }), context).map((action) => action.kind)).toEqual(['manual']);
  });

  it('suggests nothing for closed stages', () => {
    for (const stage of ['declined', 'no-response', 'archived']) expect(nextActions(at(stage, '2026-11-01'), context)).toEqual([]);
  });
});

describe('agenda', () => {
  it('lists dated actions soonest first and flags overdue ones', () => {
    const contacts = [
      contact({ name: 'Held Person', stage: 'held', history: [{ date: '2026-11-20', stage: 'held' }] }, 'held.md'),
      contact({ name: 'Nurtured', stage: 'nurturing', history: [{ date: '2026-11-01', stage: 'nurturing' }] }, 'nurtured.md'),
      contact({ name: 'New', stage: 'identified' }, 'new.md'),
    ];
    const items = agenda(contacts, { now: monday, timezone: zone });
    expect(items.map((item) => [item.id, item.due, item.overdue])).toEqual([
      ['held', '2026-11-21', true],
      ['nurtured', '2026-12-31', false],
      ['new', null, false],
    ]);
  });

  it('lists people waiting for a first letter as undated actions, after every dated one, referrals first, then by name', () => {
    const contacts = [
      contact({ name: 'Zoe Referred', stage: 'identified', referred_by: '[[held]]' }, 'zoe.md'),
      contact({ name: 'Later Person', stage: 'nurturing', history: [{ date: '2027-03-01', stage: 'nurturing' }] }, 'later.md'),
      contact({ name: 'Abe Cold', stage: 'identified' }, 'abe.md'),
      contact({ name: 'Manual', stage: 'contacted', next: { action: 'Call the front desk' } }, 'manual.md'),
    ];
    expect(agenda(contacts, { now: monday, timezone: zone })).toEqual([
      { id: 'later', name: 'Later Person', file: 'later.md', kind: 'keep-in-touch', action: 'Keep in touch with Later Person', due: '2027-04-30', overdue: false, letter: 'keep-in-touch' },
      { id: 'zoe', name: 'Zoe Referred', file: 'zoe.md', kind: 'write', action: 'Write to Zoe Referred, naming who referred you', due: null, overdue: false, letter: 'referral' },
      { id: 'abe', name: 'Abe Cold', file: 'abe.md', kind: 'write', action: 'Write to Abe Cold', due: null, overdue: false, letter: 'cold-email' },
      { id: 'manual', name: 'Manual', file: 'manual.md', kind: 'manual', action: 'Call the front desk', due: null, overdue: false },
    ]);
  });
});

describe('agenda on the day things are due', () => {
  it('does not flag an action due today as overdue, only one due yesterday or before', () => {
    const contacts = [
      contact({ name: 'Due Today', stage: 'held', history: [{ date: '2026-11-22', stage: 'held' }] }, 'today.md'),
      contact({ name: 'Due Yesterday', stage: 'held', history: [{ date: '2026-11-21', stage: 'held' }] }, 'yesterday.md'),
      contact({ name: 'Due Tomorrow', stage: 'held', history: [{ date: '2026-11-23', stage: 'held' }] }, 'tomorrow.md'),
    ];
    // Monday 2026-11-23 at 10:00 in New York; a thank-you is due the day after the meeting.
    expect(agenda(contacts, { now: monday, timezone: zone }).map((item) => [item.id, item.due, item.overdue])).toEqual([
      ['yesterday', '2026-11-22', true],
      ['today', '2026-11-23', false],
      ['tomorrow', '2026-11-24', false],
    ]);
  });

  it('breaks a tie on the due day by name, then by action', () => {
    const contacts = [
      contact({ name: 'Bob Brown', stage: 'held', history: [{ date: '2026-11-22', stage: 'held' }] }, 'bob.md'),
      contact({ name: 'Ann Adams', stage: 'held', history: [{ date: '2026-11-22', stage: 'held' }] }, 'ann-held.md'),
      contact({ name: 'Ann Adams', stage: 'identified', next: { action: 'Call Ann Adams back', due: '2026-11-23' } }, 'ann-call.md'),
    ];
    expect(agenda(contacts, { now: monday, timezone: zone }).map((item) => [item.id, item.action])).toEqual([
      ['ann-call', 'Call Ann Adams back'],
      ['ann-held', 'Send Ann Adams a thank-you note'],
      ['bob', 'Send Bob Brown a thank-you note'],
    ]);
  });
});

describe('advance', () => {
  const text = noteText(contactFields());

  it('sets the stage and appends a dated history entry', () => {
    const result = advance(text, 'contacted', { date: '2026-11-23', via: 'email', letter: 'cold-email' });
    const reading = readNote('maya-chen.md', result);
    expect(reading.diagnostics).toEqual([]);
    expect(reading.contact?.stage).toBe('contacted');
    // The entry is added after the note's own history, which stays as it was.
    expect(reading.contact?.history).toEqual([
      { date: '2026-11-02', stage: 'identified' },
      { date: '2026-11-23', stage: 'contacted', via: 'email', letter: 'cold-email' },
    ]);
  });

  it('records the meeting when scheduling, and allows going back to reschedule', () => {
    let result = advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30', format: 'phone' } });
    result = advance(result, 'prepared', { date: '2026-11-25' });
    result = advance(result, 'scheduled', { date: '2026-11-26', note: 'moved to next week', meeting: { at: '2026-12-02T08:30', minutes: 45 } });
    const reading = readNote('maya-chen.md', result);
    expect(reading.diagnostics).toEqual([]);
    expect(reading.contact?.meeting).toEqual({ at: '2026-12-02T08:30', minutes: 45, format: 'phone' });
    expect(reading.contact?.history.map((entry) => entry.stage)).toEqual(['identified', 'scheduled', 'prepared', 'scheduled']);
    expect(reading.contact?.history.at(-1)).toEqual({ date: '2026-11-26', stage: 'scheduled', note: 'rescheduled from 2026-11-27 08:30; moved to next week' });
  });

  it('reschedules by changing only the time, keeping place, link, format, length and comments', () => {
    const scheduled = [
      '---',
      'type: contact',
      'name: Lena Ortiz',
      'stage: scheduled',
      'history:',
      '  - date: 2026-12-01',
      '    stage: scheduled',
      'meeting:',
      '  at: 2027-01-05T09:00',
      '  minutes: 20 # she has a hard stop',
      '  format: in-person',
      '  place: Blue Bottle, 5th and Pine',
      '  link: https://meet.example.com/lena',
      '---',
      '',
    ].join('\n');
    const result = advance(scheduled, 'scheduled', { date: '2026-12-03', meeting: { at: '2027-01-07T09:00' } });
    expect(result).toBe(
      [
        '---',
        'type: contact',
        'name: Lena Ortiz',
        'stage: scheduled',
        'history:',
        '  - date: 2026-12-01',
        '    stage: scheduled',
        '  - date: 2026-12-03',
        '    stage: scheduled',
        '    note: rescheduled from 2027-01-05 09:00',
        'meeting:',
        '  at: 2027-01-07T09:00',
        '  minutes: 20 # she has a hard stop',
        '  format: in-person',
        '  place: Blue Bottle, 5th and Pine',
        '  link: https://meet.example.com/lena',
        '---',
        '',
      ].join('\n'),
    );
    const moved = advance(scheduled, 'scheduled', { date: '2026-12-03', meeting: { at: '2027-01-05T09:00', format: 'video', minutes: 30 } });
    expect(readNote('lena-ortiz.md', moved).contact?.meeting).toEqual({ at: '2027-01-05T09:00', minutes: 30, format: 'video', place: 'Blue Bottle, 5th and Pine', link: 'https://meet.example.com/lena' });
    // Same time: nothing was rescheduled, and a change of the meeting's details alone adds no entry.
    expect(readNote('lena-ortiz.md', moved).contact?.history).toEqual([{ date: '2026-12-01', stage: 'scheduled' }]);
  });

  it('logs a touch as a history entry marked touch, which moves keep-in-touch but no step deadline', () => {
    const contacted = advance(text, 'contacted', { date: '2026-11-16' });
    const touched = logInteraction(contacted, { date: '2026-11-20', via: 'in-person', note: 'met at the chapter meetup' });
    expect(touched).toBe(contacted.replace('    stage: contacted\n---', '    stage: contacted\n  - date: 2026-11-20\n    stage: contacted\n    touch: true\n    via: in-person\n    note: met at the chapter meetup\n---'));
    const reading = readNote('maya-chen.md', touched);
    expect(reading.diagnostics).toEqual([]);
    // The follow-up still counts from the letter (2026-11-16), not from the touch.
    expect(nextAction(reading.contact!, { now: monday, timezone: zone })).toMatchObject({ kind: 'follow-up', due: '2026-11-25' });
    const thanked = advance(text, 'thanked', { date: '2026-11-05' });
    const nurtured = readNote('maya-chen.md', logInteraction(thanked, { date: '2026-11-20', note: 'shared an article' })).contact!;
    expect(nextAction(nurtured, { now: monday, timezone: zone })).toMatchObject({ kind: 'keep-in-touch', due: '2027-01-19' });
  });

  it('refuses a step dated before the last history entry, unless forced', () => {
    const contacted = advance(text, 'contacted', { date: '2026-11-10' });
    expect(() => advance(contacted, 'held', { date: '2026-11-09' })).toThrow(RecordingRefusedError);
    expect(() => advance(contacted, 'held', { date: '2026-11-09' })).toThrow('2026-11-09 is before the last entry in the history (contacted on 2026-11-10); the history is kept in date order');
    expect(() => logInteraction(contacted, { date: '2026-11-09', note: 'called' })).toThrow(RecordingRefusedError);
    expect(readNote('maya-chen.md', advance(contacted, 'held', { date: '2026-11-09', force: true })).contact?.history.at(-1)).toEqual({ date: '2026-11-09', stage: 'held' });
    // The same day is in order.
    expect(readNote('maya-chen.md', advance(contacted, 'scheduled', { date: '2026-11-10', meeting: { at: '2026-11-20T10:00' } })).contact?.stage).toBe('scheduled');
  });

  it('refuses to mark held, thanked or nurturing before the day of a meeting still to come, unless forced', () => {
    const scheduled = advance(text, 'scheduled', { date: '2026-11-10', meeting: { at: '2026-11-25T10:00' } });
    for (const stage of ['held', 'thanked', 'nurturing'] as const) {
      expect(() => advance(scheduled, stage, { date: '2026-11-12' })).toThrow(`the meeting is on 2026-11-25, after 2026-11-12: it cannot be ${stage} yet; if it moved, reschedule it`);
    }
    expect(() => advance(scheduled, 'held', { date: '2026-11-12' })).toThrow(RecordingRefusedError);
    expect(readNote('maya-chen.md', advance(scheduled, 'held', { date: '2026-11-25' })).contact?.stage).toBe('held');
    expect(readNote('maya-chen.md', advance(scheduled, 'thanked', { date: '2026-11-12', force: true })).contact?.stage).toBe('thanked');
    // Cancelling is not skipping the meeting.
    expect(readNote('maya-chen.md', advance(scheduled, 'declined', { date: '2026-11-12' })).contact?.stage).toBe('declined');
    expect(() => checkRecordable(scheduled, 'thanked', '2026-11-12')).toThrow(RecordingRefusedError);
    expect(() => checkRecordable(scheduled, 'prepared', '2026-11-12')).not.toThrow();
  });

  it('rejects an unknown stage, a bad date and a bad meeting time', async () => {
    const { InvalidInputError } = await import('../errors.js');
    // @ts-expect-error -- not a stage: refused at compile time, and at run time for callers without types.
    expect(() => advance(text, 'interviewed', { date: '2026-11-23' })).toThrow(InvalidInputError);
    expect(() => advance(text, 'contacted', { date: '2026-02-30' })).toThrow(InvalidInputError);
    expect(() => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: 'tomorrow' } })).toThrow(InvalidInputError);
  });
});

describe('the first letter suggested', () => {
  const context = { now: monday, timezone: zone };
  const letterFor = (extra: Record<string, unknown>) => nextAction(contact({ stage: 'identified', history: [{ date: '2026-11-12', stage: 'identified' }], ...extra }), context)?.letter;
  const profile = 'https://www.linkedin.com/in/tomas-herrera-a11y-example';

  it('is the LinkedIn connection request for someone the note reaches only on LinkedIn, not yet a connection', () => {
    expect(letterFor({ linkedin: profile })).toBe('linkedin-note');
    expect(letterFor({ linkedin: profile, referred_by: '[[sam-lee]]' })).toBe('linkedin-note');
  });

  it('is the cold email (or the referral letter) with an email address, or once connected on LinkedIn, or with neither', () => {
    expect(letterFor({ linkedin: profile, email: 'tomas@patientpath.example' })).toBe('cold-email');
    expect(letterFor({ linkedin: profile, linkedin_connected: '2026-10-02' })).toBe('cold-email');
    expect(letterFor({ linkedin: profile, referred_by: '[[sam-lee]]', linkedin_connected: true })).toBe('referral');
    expect(letterFor({})).toBe('cold-email');
  });
});

describe('the stage offered when moving a contact on', () => {
  const context = { now: monday, timezone: zone };

  it('is the next one in the lifecycle while nothing says otherwise', () => {
    expect(suggestedStage(at('identified', '2026-11-16'), context)).toBe('contacted');
    expect(suggestedStage(at('contacted', '2026-11-16'), context)).toBe('followed-up');
    expect(suggestedStage(at('followed-up', '2026-11-16'), context)).toBe('scheduled');
    expect(suggestedStage(at('held', '2026-11-16'), context)).toBe('thanked');
    expect(suggestedStage(at('thanked', '2026-11-16'), context)).toBe('nurturing');
  });

  it('is scheduled, not followed-up, once their reply is logged', () => {
    const replied = at('contacted', '2026-11-16', { history: [{ date: '2026-11-16', stage: 'contacted' }, { date: '2026-11-18', stage: 'contacted', touch: true, replied: true }] });
    expect(suggestedStage(replied, context)).toBe('scheduled');
  });

  it('is held, not prepared, once a booked meeting has ended', () => {
    const booked = (at: string) => contact({ stage: 'scheduled', history: [{ date: '2026-11-16', stage: 'scheduled' }], meeting: { at, minutes: 30, format: 'video' } });
    // Monday 2026-11-23 10:00 in New York: a 09:00 meeting has ended, an 11:00 one has not.
    expect(suggestedStage(booked('2026-11-23T09:00'), context)).toBe('held');
    expect(suggestedStage(booked('2026-11-20T14:00'), context)).toBe('held');
    expect(suggestedStage(booked('2026-11-23T11:00'), context)).toBe('prepared');
  });

  it('is no-response once the agenda says to give up after the follow-up, and scheduled before that day', () => {
    // Followed up on Monday 2026-11-09: the agenda gives up on them seven working days later, on Wednesday 2026-11-18.
    expect(suggestedStage(at('followed-up', '2026-11-09'), context)).toBe('no-response');
    expect(suggestedStage(at('followed-up', '2026-11-09'), { ...context, now: new Date('2026-11-17T15:00:00Z') })).toBe('scheduled');
    expect(suggestedStage(at('followed-up', '2026-11-09'), { ...context, now: new Date('2026-11-18T15:00:00Z') })).toBe('no-response');
  });

  it('is not no-response while the contact is snoozed past the day to give up, and is again from the snooze\'s day', () => {
    // Followed up on 2026-11-09: giving up was due on 2026-11-18; on Monday 2026-11-23 the user put them off to Friday.
    const snoozed = at('followed-up', '2026-11-09', { snoozed_until: '2026-11-27' });
    expect(suggestedStage(snoozed, context)).toBe('scheduled');
    expect(suggestedStage(snoozed, { ...context, now: new Date('2026-11-26T15:00:00Z') })).toBe('scheduled');
    expect(suggestedStage(snoozed, { ...context, now: new Date('2026-11-27T15:00:00Z') })).toBe('no-response');
    expect(suggestedStage(at('followed-up', '2026-11-09', { snoozed_until: '2026-11-20' }), context)).toBe('no-response');
  });

  it('is none after nurturing or in a closed stage', () => {
    expect(suggestedStage(at('nurturing', '2026-11-16'), context)).toBeUndefined();
    expect(suggestedStage(at('declined', '2026-11-16'), context)).toBeUndefined();
    expect(suggestedStage(at('no-response', '2026-11-16'), context)).toBeUndefined();
  });
});

describe("a day's meetings in the agenda", () => {
  it('come first on their day, by their time, whatever the names', () => {
    const meeting = (name: string, at: string) => contact({ name, stage: 'prepared', history: [{ date: '2026-11-16', stage: 'prepared' }], meeting: { at, minutes: 30, format: 'video' } }, `${name.toLowerCase().replace(' ', '-')}.md`);
    const kevin = meeting("Kevin O'Brien", '2026-12-15T10:00');
    const maria = meeting('Maria Gonzalez', '2026-12-15T08:00');
    const sarah = meeting('Sarah Lee', '2026-12-15T16:00');
    const amy = contact({ name: 'Amy Adams', stage: 'contacted', history: [{ date: '2026-12-04', stage: 'contacted' }] }, 'amy-adams.md');
    const items = agenda([sarah, kevin, amy, maria], { now: new Date('2026-12-14T15:00:00Z'), timezone: zone });
    expect(items.filter((item) => item.due === '2026-12-15').map((item) => item.action)).toEqual([
      'Meet Maria Gonzalez at 08:00 (video, 30 min)',
      "Meet Kevin O'Brien at 10:00 (video, 30 min)",
      'Meet Sarah Lee at 16:00 (video, 30 min)',
      'Follow up with Amy Adams if there is no reply',
    ]);
  });
});

describe('a meeting booked at the other person\'s time', () => {
  it('says their time beside yours when the offset it was booked with is not yours that day', () => {
    const booked = (at: string) => contact({ stage: 'prepared', history: [{ date: '2026-11-16', stage: 'prepared' }], meeting: { at, minutes: 30, format: 'video' } });
    const context = { now: new Date('2026-12-14T15:00:00Z'), timezone: zone };
    expect(nextAction(booked('2026-12-15T09:00-07:00'), context)?.action).toBe('Meet Maya Chen at 11:00 (09:00 their time; video, 30 min)');
    // New York's own offset that day, or no offset at all: one time only.
    expect(nextAction(booked('2026-12-15T09:00-05:00'), context)?.action).toBe('Meet Maya Chen at 09:00 (video, 30 min)');
    expect(nextAction(booked('2026-12-15T09:00'), context)?.action).toBe('Meet Maya Chen at 09:00 (video, 30 min)');
  });
});
