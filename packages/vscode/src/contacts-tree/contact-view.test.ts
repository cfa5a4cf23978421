import { describe, expect, it } from 'vitest';
import { NoteIndex, type ActionContext } from '@rapport/core';
import { brokenNoteView, contactView, dueBadge, groupContacts, STAGE_ICONS } from './contact-view.js';

const TODAY = '2026-11-23';
const context: ActionContext = { now: new Date(`${TODAY}T12:00:00Z`), timezone: 'America/New_York' };

function note(fields: Record<string, string | string[]>, history: [string, string][]): string {
  const lines = ['---', 'type: contact'];
  for (const [key, value] of Object.entries(fields)) lines.push(Array.isArray(value) ? `${key}: [${value.join(', ')}]` : `${key}: ${JSON.stringify(value)}`);
  lines.push('history:', ...history.flatMap(([date, stage]) => [`  - date: ${date}`, `    stage: ${stage}`]), '---', '');
  return lines.join('\n');
}

function contactsOf(notes: Record<string, string>) {
  const index = new NoteIndex();
  for (const [file, text] of Object.entries(notes)) index.set(file, text);
  return index.contacts();
}

const contacts = contactsOf({
  'ana.md': note({ name: 'Ana Lima', stage: 'contacted', organization: 'Acme', role: 'Researcher', tags: ['ux', 'health'] }, [['2026-11-02', 'contacted']]),
  'ben.md': note({ name: 'Ben Ode', stage: 'held', organization: 'acme ' }, [['2026-11-23', 'held']]),
  'cy.md': note({ name: 'Cy Park', stage: 'declined', referred_by: '[[ana]]' }, [['2026-11-01', 'declined']]),
  'dee.md': note({ name: 'Dee Roy', stage: 'identified', tags: ['ux'] }, [['2026-11-20', 'identified']]),
});

describe('dueBadge', () => {
  it('words overdue, today, tomorrow and later dates', () => {
    expect(dueBadge('2026-11-20', TODAY)).toEqual({ text: 'overdue 3 d', urgency: 'overdue' });
    expect(dueBadge(TODAY, TODAY)).toEqual({ text: 'due today', urgency: 'today' });
    expect(dueBadge('2026-11-24', TODAY)).toEqual({ text: 'due tomorrow', urgency: 'soon' });
    expect(dueBadge('2026-11-30', TODAY)).toEqual({ text: 'due 2026-11-30', urgency: 'soon' });
    expect(dueBadge('2026-12-31', TODAY)).toEqual({ text: 'due 2026-12-31', urgency: 'later' });
    expect(dueBadge(null, TODAY)).toBeUndefined();
  });
});

describe('contactView', () => {
  it('shows role and organization, the due badge, the stage icon and the next action', () => {
    const ana = contacts.find((contact) => contact.id === 'ana')!;
    const view = contactView(ana, { contactId: 'ana', kind: 'follow-up', action: 'Follow up with Ana Lima', due: '2026-11-11' }, TODAY);
    expect(view.label).toBe('Ana Lima');
    expect(view.description).toBe('Researcher · Acme — overdue 12 d');
    expect(view.icon).toBe(STAGE_ICONS.contacted);
    expect(view.urgency).toBe('overdue');
    expect(view.contextValue).toBe('contact.contacted');
    expect(view.tooltip()).toContain('Next: Follow up with Ana Lima (overdue 12 d)');
    expect(view.tooltip()).toContain('Tags: `ux` `health`');
  });

  it('says a snoozed contact is snoozed until the day, as the Agenda does, not just due then', () => {
    // Written to on Monday 2026-11-02, no reply: the follow-up was due 2026-11-11; the snooze puts it off to Monday 2026-11-30.
    const [eve] = contactsOf({ 'eve.md': note({ name: 'Eve Stone', stage: 'contacted', organization: 'Acme', snoozed_until: '2026-11-30' }, [['2026-11-02', 'contacted']]) });
    const [group] = groupContacts([eve!], 'due', context, TODAY);
    expect(group!.label).toBe('Next 7 days');
    const view = group!.contacts()[0]!;
    expect(view.description).toBe('Acme — snoozed until Mon 2026-11-30');
    expect(view.icon).toBe('mail');
    expect(view.urgency).toBe('soon');
    expect(view.tooltip()).toContain('Next: Follow up with Eve Stone if there is no reply (snoozed until Mon 2026-11-30)\n\nThe snooze ends when you record a step or a touch, or with Unsnooze');
    // On the day it comes back it is due like any other.
    expect(contactView(eve!, { contactId: 'eve', kind: 'follow-up', action: 'Follow up with Eve Stone if there is no reply', due: TODAY, snoozedFrom: '2026-11-11' }, TODAY).description).toBe('Acme — due today');
  });

  it('escapes Markdown in names so a tooltip cannot run a command link', () => {
    const [odd] = contactsOf({ 'odd.md': note({ name: '[x](command:evil) *bold*', stage: 'identified' }, [['2026-11-20', 'identified']]) });
    expect(contactView(odd!, null, TODAY).tooltip()).toContain('\\[x\\]\\(command:evil\\) \\*bold\\*');
  });
});

describe('an unknown stage', () => {
  const both = contactsOf({
    'odd.md': note({ name: 'Odd Stage', stage: 'interviewing' }, [['2026-11-20', 'identified']]),
    'fine.md': note({ name: 'Fine Stage', stage: 'identified' }, [['2026-11-20', 'identified']]),
  });
  const odd = both.find((contact) => contact.id === 'odd');
  const fine = both.find((contact) => contact.id === 'fine');

  it('shows as an error row naming the stage written, not as identified', () => {
    const view = contactView(odd!, null, TODAY);
    expect(view.description).toBe('unknown stage "interviewing"');
    expect(view.icon).toBe('error');
    expect(view.unknownStage).toBe(true);
    expect(view.tooltip()).toContain('Unknown stage `interviewing`: use one of identified, contacted');
    expect(contactView(fine!, null, TODAY).unknownStage).toBe(false);
  });

  it('gets a group of its own, first, when grouping by stage', () => {
    const groups = groupContacts([odd!, fine!], 'stage', context, TODAY);
    expect(groups.map((group) => [group.label, group.icon, group.contacts().map((view) => view.id)])).toEqual([
      ['unknown stage', 'error', ['odd']],
      ['identified', 'person', ['fine']],
    ]);
  });
});

describe('groupContacts', () => {
  const labels = (groupBy: 'stage' | 'organization' | 'tag' | 'due') => groupContacts(contacts, groupBy, context, TODAY).map((group) => [group.label, group.contacts().map((view) => view.id)]);

  it('groups by stage in lifecycle order, leaving out empty stages and collapsing closed ones', () => {
    expect(labels('stage')).toEqual([
      ['identified', ['dee']],
      ['contacted', ['ana']],
      ['held', ['ben']],
      ['declined', ['cy']],
    ]);
    expect(groupContacts(contacts, 'stage', context, TODAY).find((group) => group.label === 'declined')!.collapsed).toBe(true);
  });

  it('groups organizations case- and space-insensitively, with the unnamed last', () => {
    expect(labels('organization')).toEqual([
      ['Acme', ['ana', 'ben']],
      ['(no organization)', ['cy', 'dee']],
    ]);
  });

  it('puts a contact under each of its tags', () => {
    expect(labels('tag')).toEqual([
      ['health', ['ana']],
      ['ux', ['ana', 'dee']],
      ['(untagged)', ['ben', 'cy']],
    ]);
  });

  it('sorts by due date into overdue, today, this week, later and no date', () => {
    // ana: follow-up due 7 working days after 2026-11-02 (overdue); ben: thank-you due tomorrow; dee: write, no date; cy: closed.
    expect(labels('due')).toEqual([
      ['Overdue', ['ana']],
      ['Next 7 days', ['ben']],
      ['No date', ['cy', 'dee']],
    ]);
  });
});

describe('brokenNoteView', () => {
  it('names the note by id, with its first problem and line, every problem in the tooltip', () => {
    const view = brokenNoteView({
      id: 'ana',
      file: 'people/ana.md',
      problems: [
        { file: 'people/ana.md', line: 4, column: 7, endLine: 4, endColumn: 9, severity: 'error', rule: 'yaml-syntax', message: 'Invalid YAML: a value cannot hold ": "', hint: 'Put the value in quotes' },
        { file: 'people/ana.md', line: 6, column: 1, endLine: 6, endColumn: 4, severity: 'error', rule: 'yaml-syntax', message: 'Invalid YAML: key twice' },
      ],
    });
    expect(view).toEqual({
      id: 'ana',
      file: 'people/ana.md',
      label: 'ana',
      description: 'line 4: Invalid YAML: a value cannot hold ": "',
      tooltip: '**ana** cannot be read as a contact (people/ana.md)\n\n- Line 4: Invalid YAML: a value cannot hold ": " — Put the value in quotes\n- Line 6: Invalid YAML: key twice',
      line: 3,
      column: 6,
    });
  });

  it('shows code spans of the first problem as plain text in the description', () => {
    const view = brokenNoteView({
      id: 'ana',
      file: 'ana.md',
      problems: [{ file: 'ana.md', line: 12, column: 7, endLine: 12, endColumn: 8, severity: 'error', rule: 'yaml-syntax', message: 'The `"` that starts this value is never closed', hint: 'Add `"` at the end of the value' }],
    });
    expect(view.description).toBe('line 12: The “"” that starts this value is never closed');
  });
});
