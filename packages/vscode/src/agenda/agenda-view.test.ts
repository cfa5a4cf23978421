import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '@rapport/core';
import { agendaGroups, dueSummary, entryView } from './agenda-view.js';

const TODAY = '2026-11-23';
const item = (due: string | null, overrides: Partial<AgendaItem> = {}): AgendaItem => ({ id: 'ana', name: 'Ana Lima', file: 'ana.md', kind: 'follow-up', action: 'Follow up with Ana Lima if there is no reply', due, overdue: due !== null && due < TODAY, ...overrides });

describe('entryView', () => {
  it('names the person first and puts the date before the action', () => {
    expect(entryView(item('2026-11-16', { letter: 'follow-up' }), TODAY)).toEqual({
      contactId: 'ana',
      file: 'ana.md',
      label: 'Ana Lima',
      description: 'overdue 7 d · follow up if there is no reply',
      tooltip: 'Ana Lima: Follow up with Ana Lima if there is no reply\nDue 2026-11-16 — overdue\nLetter: follow-up',
      icon: 'warning',
      urgency: 'overdue',
      contextValue: 'agendaItem.follow-up',
      letter: 'follow-up',
    });
  });

  it('says on the row itself that a snooze put it off, and marks it for Unsnooze', () => {
    // Two weeks ahead: in Later, where it comes back.
    expect(entryView(item('2026-12-07', { letter: 'follow-up', snoozedFrom: '2026-11-16' }), TODAY)).toEqual({
      contactId: 'ana',
      file: 'ana.md',
      label: 'Ana Lima',
      description: 'snoozed until Mon 2026-12-07 · follow up if there is no reply',
      tooltip: 'Ana Lima: Follow up with Ana Lima if there is no reply\nDue 2026-12-07, snoozed from 2026-11-16\nThe snooze ends when you record a step or a touch, or with Unsnooze\nLetter: follow-up',
      icon: 'bell-slash',
      urgency: 'later',
      contextValue: 'agendaItem.follow-up.snoozed',
      letter: 'follow-up',
    });
    // Tomorrow: in Next 7 days, where it comes back.
    expect(entryView(item('2026-11-24', { snoozedFrom: '2026-11-16' }), TODAY)).toMatchObject({ description: 'snoozed until Tue 2026-11-24 · follow up if there is no reply', icon: 'bell-slash', urgency: 'soon' });
  });

  it('shows a row whose snooze day has come as due today, like any other', () => {
    expect(entryView(item(TODAY, { snoozedFrom: '2026-11-16' }), TODAY)).toMatchObject({
      description: 'due today · follow up if there is no reply',
      tooltip: 'Ana Lima: Follow up with Ana Lima if there is no reply\nDue 2026-11-23, snoozed from 2026-11-16',
      icon: 'bell',
      urgency: 'today',
      contextValue: 'agendaItem.follow-up.snoozed',
    });
  });

  it('keeps actions that do not name the person, and shortens those that do', () => {
    expect(entryView(item('2026-11-25', { kind: 'second-contact', action: 'No reply from Ana Lima yet: try a second person at Northwind, such as Ben Osei' }), TODAY).description).toBe('due 2026-11-25 · try a second person at Northwind, such as Ben Osei');
    expect(entryView(item('2026-12-01', { kind: 'meet', action: 'Meet Ana Lima at 09:00 (video, 30 min)' }), TODAY).description).toBe('due 2026-12-01 · meet at 09:00 (video, 30 min)');
  });

  it('keeps the name where leaving it out would break the sentence (outcomes, referrals)', () => {
    const outcome = item('2026-11-30', { id: 'marcus-bell', name: 'Marcus Bell', kind: 'outcome', action: 'Send your résumé to Marcus Bell for review' });
    expect(entryView(outcome, TODAY).description).toBe('due 2026-11-30 · send your résumé to Marcus Bell for review');
    const shadow = item('2026-12-11', { id: 'marcus-bell', name: 'Marcus Bell', kind: 'outcome', action: 'Arrange the job shadow with Marcus Bell: a workflow walk in January' });
    expect(entryView(shadow, TODAY).description).toBe('due 2026-12-11 · arrange the job shadow with Marcus Bell: a workflow walk in January');
    const referral = item(null, { id: 'priya-raman', name: 'Priya Raman', kind: 'add-referral', action: 'Add Grace Liu (referred by Priya Raman)' });
    expect(entryView(referral, TODAY).description).toBe('no date · add Grace Liu (referred by Priya Raman)');
    const unnamed = item(null, { id: 'ben-osei', name: 'Ben Osei', kind: 'ask-referral-name', action: 'Ask Ben Osei for the name of their informatics lead', line: 81 });
    expect(entryView(unnamed, TODAY)).toMatchObject({ label: 'Ben Osei', description: 'no date · ask for the name of their informatics lead', contextValue: 'agendaItem.ask-referral-name', line: 81 });
    expect('referral' in entryView(unnamed, TODAY)).toBe(false);
  });

  it('shows a name to ask for with a question, not as a letter to write, and says what to do once asked', () => {
    const unnamed = item(null, { id: 'priya-raman', name: 'Priya Raman', file: 'contacts/health-tech/priya-raman.md', kind: 'ask-referral-name', action: 'Ask Priya Raman for the name of their informatics lead', line: 102 });
    expect(entryView(unnamed, TODAY)).toEqual({
      contactId: 'priya-raman',
      file: 'contacts/health-tech/priya-raman.md',
      label: 'Priya Raman',
      description: 'no date · ask for the name of their informatics lead',
      tooltip: 'Priya Raman: Ask Priya Raman for the name of their informatics lead\nNo date: ready when you are\nOnce you have the name, write it on the line: the Agenda then offers to add them',
      icon: 'question',
      urgency: 'undated',
      contextValue: 'agendaItem.ask-referral-name',
      line: 102,
    });
    // Under Ready to write, beside the letters, with an icon of its own.
    expect(entryView(item(null, { kind: 'write', action: 'Write to Ana Lima' }), TODAY).icon).toBe('edit');
  });

  it('keeps the Outcomes line of an action that has one, for the row to open the note there', () => {
    const referral = item(null, { id: 'priya-raman', name: 'Priya Raman', kind: 'add-referral', action: 'Add Grace Liu (referred by Priya Raman)', line: 42 });
    expect(entryView(referral, TODAY).line).toBe(42);
    expect('line' in entryView(item('2026-11-25'), TODAY)).toBe(false);
  });

  it('keeps the name of a referral to add, for "Add Referral as a Contact" on its row', () => {
    const referral = item(null, { id: 'priya-raman', name: 'Priya Raman', kind: 'add-referral', action: 'Add Grace Liu (referred by Priya Raman)', line: 42, referral: 'Grace Liu' });
    expect(entryView(referral, TODAY).referral).toBe('Grace Liu');
    expect('referral' in entryView(item('2026-11-25'), TODAY)).toBe(false);
  });

  it('shows an undated first letter as ready to write, not counted as due', () => {
    const view = entryView(item(null, { kind: 'write', action: 'Write to Ana Lima', letter: 'cold-email' }), TODAY);
    expect([view.label, view.description, view.tooltip, view.urgency, view.icon]).toEqual(['Ana Lima', 'no date · write the first letter', 'Ana Lima: Write to Ana Lima\nNo date: ready when you are\nLetter: cold-email', 'undated', 'edit']);
    expect(dueSummary([view]).count).toBe(0);
  });
});

describe('agendaGroups', () => {
  it('groups Overdue, Today, Next 7 days, Later, Ready to write, leaving out empty groups', () => {
    const entries = [item(null, { kind: 'write' }), item('2026-12-20'), item('2026-11-10'), item('2026-11-25'), item('2026-11-12')].map((entry) => entryView(entry, TODAY));
    expect(agendaGroups(entries).map((group) => [group.label, group.entries.length])).toEqual([
      ['Overdue', 2],
      ['Next 7 days', 1],
      ['Later', 1],
      ['Ready to write', 1],
    ]);
  });

  it('keeps the agenda order within each group: Ready to write lists referrals first as core orders them, with no order of its own', () => {
    const entries = [
      item(null, { id: 'priya', name: 'Priya Raman', kind: 'add-referral', action: 'Add Grace Liu (referred by Priya Raman)' }),
      item(null, { id: 'elena', name: 'Elena Vasquez', kind: 'write', action: 'Write to Elena Vasquez, naming who referred you', letter: 'referral' }),
      item(null, { id: 'alicia', name: 'Alicia Moreno', kind: 'write', action: 'Write to Alicia Moreno', letter: 'cold-email' }),
      item(null, { id: 'tomas', name: 'Tomás Herrera', kind: 'write', action: 'Write to Tomás Herrera', letter: 'cold-email' }),
    ].map((entry) => entryView(entry, TODAY));
    expect(agendaGroups(entries).find((group) => group.key === 'undated')!.entries.map((entry) => entry.label)).toEqual(['Priya Raman', 'Elena Vasquez', 'Alicia Moreno', 'Tomás Herrera']);
    expect(agendaGroups([...entries].reverse()).find((group) => group.key === 'undated')!.entries.map((entry) => entry.label)).toEqual(['Tomás Herrera', 'Alicia Moreno', 'Elena Vasquez', 'Priya Raman']);
  });
});

describe('dueSummary', () => {
  it('counts what is due today and what is overdue, each under its own name', () => {
    const entries = [item('2026-11-10'), item('2026-11-12'), item(TODAY), item('2026-11-30'), item(null)].map((entry) => entryView(entry, TODAY));
    expect(dueSummary(entries)).toEqual({ count: 3, today: 1, overdue: 2, text: '1 due today, 2 overdue' });
    expect(dueSummary(entries.slice(0, 2)).text).toBe('2 overdue');
    expect(dueSummary(entries.slice(2)).text).toBe('1 due today');
    expect(dueSummary([]).text).toBe('nothing due today');
  });
});
