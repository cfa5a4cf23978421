import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { outreachReport } from './outreach-report.js';

function contact(id: string, history: { date: string; stage: string }[], extra: Record<string, unknown> = {}): Contact {
  return readNote(`${id}.md`, noteText(contactFields({ name: id, stage: history.at(-1)!.stage, history, ...extra }))).contact!;
}

const contacts = [
  contact('a', [
    { date: '2026-11-02', stage: 'identified' },
    { date: '2026-11-03', stage: 'contacted' },
    { date: '2026-11-05', stage: 'scheduled' },
    { date: '2026-11-12', stage: 'held' },
    { date: '2026-11-13', stage: 'thanked' },
  ]),
  contact('b', [
    { date: '2026-11-04', stage: 'contacted' },
    { date: '2026-11-13', stage: 'followed-up' },
    { date: '2026-11-24', stage: 'no-response' },
  ]),
  contact('c', [
    { date: '2026-11-10', stage: 'contacted' },
    { date: '2026-11-16', stage: 'held' },
    { date: '2026-11-20', stage: 'thanked' },
  ], { referred_by: '[[a]]' }),
];

describe('outreachReport', () => {
  it('counts outreach, replies, meetings, thank-yous on time and referrals by ISO week', () => {
    const report = outreachReport(contacts);
    expect(report.total).toEqual({ outreachSent: 4, contacted: 3, replied: 2, replyRate: 2 / 3, meetingsHeld: 2, thankYous: 2, thankYousOnTime: 1, referralsGained: 1 });
    expect(report.weeks.map((week) => [week.week, week.outreachSent, week.meetingsHeld])).toEqual([
      ['2026-W45', 2, 0],
      ['2026-W46', 2, 1],
      ['2026-W47', 0, 1],
    ]);
  });

  it('starts at --since', () => {
    const report = outreachReport(contacts, { since: '2026-11-10' });
    expect(report.total.outreachSent).toBe(2);
    expect(report.total.contacted).toBe(1);
    expect(report.total.replyRate).toBe(1);
  });

  it('has no reply rate when nobody was contacted', () => {
    expect(outreachReport([]).total.replyRate).toBeNull();
  });
});
