import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '@rapport/core';
import { dueSummary, entryView } from './agenda-view.js';

const TODAY = '2026-11-23';
const item = (due: string | null, overrides: Partial<AgendaItem> = {}): AgendaItem => ({ id: 'ana', name: 'Ana Lima', file: 'ana.md', kind: 'follow-up', action: 'Follow up with Ana Lima', due, overdue: due !== null && due < TODAY, ...overrides });

describe('entryView', () => {
  it('flags overdue actions with the date and a warning icon', () => {
    expect(entryView(item('2026-11-16', { letter: 'follow-up' }), TODAY)).toEqual({
      contactId: 'ana',
      file: 'ana.md',
      label: 'Follow up with Ana Lima',
      description: 'overdue 7 d (2026-11-16)',
      tooltip: 'Ana Lima: Follow up with Ana Lima\nDue 2026-11-16 — overdue\nLetter: follow-up',
      icon: 'warning',
      urgency: 'overdue',
      contextValue: 'agendaItem.follow-up',
      letter: 'follow-up',
    });
  });

  it('shows later actions by date with a calendar icon', () => {
    const view = entryView(item('2026-12-01', { kind: 'meet' }), TODAY);
    expect([view.description, view.icon, view.urgency, view.contextValue]).toEqual(['due 2026-12-01', 'calendar', 'later', 'agendaItem.meet']);
  });

  it('shows an undated action (someone to write to) as not urgent, without a date', () => {
    const view = entryView(item(null, { kind: 'write', action: 'Write to Ana Lima', letter: 'cold-email' }), TODAY);
    expect([view.description, view.tooltip, view.icon, view.urgency]).toEqual(['no date', 'Ana Lima: Write to Ana Lima\nNo due date\nLetter: cold-email', 'calendar', 'later']);
    expect(dueSummary([view]).count).toBe(0);
  });
});

describe('dueSummary', () => {
  it('counts what is due today or overdue', () => {
    const entries = [item('2026-11-10'), item(TODAY), item('2026-11-30')].map((entry) => entryView(entry, TODAY));
    expect(dueSummary(entries)).toEqual({ count: 2, overdue: 1, text: '2 due today (1 overdue)' });
    expect(dueSummary([]).text).toBe('nothing due today');
  });
});
