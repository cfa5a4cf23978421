import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { defaultRules } from '../workspace/config.js';
import { searchReport } from './search-report.js';

type Step = [date: string, stage: string];

function contact(id: string, source: string | undefined, steps: Step[], extra: Record<string, unknown> = {}, body = ''): Contact {
  const history = steps.map(([date, stage]) => ({ date, stage }));
  const fields = contactFields({ name: id.toUpperCase(), stage: history.at(-1)!.stage, history, ...(source ? { source } : {}), ...extra });
  if (!source) delete fields.source;
  return readNote(`${id}.md`, noteText(fields, body)).contact!;
}

/*
 * The fixture, counted by hand for the report as of 2026-11-23 with a
 * thank-you due within 1 day (the default):
 *
 * id  source    steps up to 11-23                                    letters  first answer   meetings: thank-you       furthest
 * a   personal  id 11-02, c 11-02, s 11-04, h 11-10, t 11-10, n 11-20   1       s, 2 days      11-10: same day           nurturing
 * b   referral  id 11-05, c 11-06, s 11-09, h 11-16, t 11-17           1       s, 3 days      11-16: next day (on time) thanked
 * c   referral  id 11-12, c 11-13, f 11-20                             2       —              —                         contacted
 * d   cold      id 11-01, c 11-03, f 11-10, no-response 11-20          2       —              —                         contacted
 * e   cold      c 11-03, declined 11-13                                1       declined, 10   —                         contacted
 * f   linkedin  c 11-04, s 11-05, h 11-12, t 11-16                     1       s, 1 day       11-12: 4 days (late)      thanked
 * g   (none)    id 11-18                                               0       —              —                         identified
 * h   linkedin  c 11-16, s 11-18, h 11-22                              1       s, 2 days      11-22: none, 1 day ago    held
 * i   event     id 10-20, c 10-21, h 10-28, h 11-11, t 11-11           1       h, 7 days      10-28: none (missing),    thanked
 *                                                                                             11-11: same day
 * j   cold      id 11-24, c 11-25 (after 11-23: left out)              0       —              —                         —
 * k   cold      id 10-01, c 10-02                                      1       —              —                         contacted
 *
 * Referrals: a → b and b → c (referred_by), c → g (a link in c's Outcomes).
 */
const contacts = [
  contact('a', 'personal', [['2026-11-02', 'identified'], ['2026-11-02', 'contacted'], ['2026-11-04', 'scheduled'], ['2026-11-10', 'held'], ['2026-11-10', 'thanked'], ['2026-11-20', 'nurturing']], {}, '\n## Outcomes\n\n- Lead: Analyst opening at Acme (by 2026-12-01)\n- [x] Résumé review: sent it, she marked it up\n- Advice: keep a research diary\n- Resource: the Meridian research blog\n- [ ] Resource: read Just Enough Research\n'),
  contact('b', 'referral', [['2026-11-05', 'identified'], ['2026-11-06', 'contacted'], ['2026-11-09', 'scheduled'], ['2026-11-16', 'held'], ['2026-11-17', 'thanked']], { referred_by: '[[a]]' }),
  contact('c', 'referral', [['2026-11-12', 'identified'], ['2026-11-13', 'contacted'], ['2026-11-20', 'followed-up']], { referred_by: '[[b]]' }, '\n## Outcomes\n\n- Referral: [[g]]\n- Referral: Renee Jackson, the CMIO\n'),
  contact('d', 'cold', [['2026-11-01', 'identified'], ['2026-11-03', 'contacted'], ['2026-11-10', 'followed-up'], ['2026-11-20', 'no-response']]),
  contact('e', 'cold', [['2026-11-03', 'contacted'], ['2026-11-13', 'declined']]),
  contact('f', 'linkedin', [['2026-11-04', 'contacted'], ['2026-11-05', 'scheduled'], ['2026-11-12', 'held'], ['2026-11-16', 'thanked']]),
  contact('g', undefined, [['2026-11-18', 'identified']]),
  contact('h', 'linkedin', [['2026-11-16', 'contacted'], ['2026-11-18', 'scheduled'], ['2026-11-22', 'held']]),
  contact('i', 'event', [['2026-10-20', 'identified'], ['2026-10-21', 'contacted'], ['2026-10-28', 'held'], ['2026-11-11', 'held'], ['2026-11-11', 'thanked']]),
  contact('j', 'cold', [['2026-11-24', 'identified'], ['2026-11-25', 'contacted']]),
  contact('k', 'cold', [['2026-10-01', 'identified'], ['2026-10-02', 'contacted']]),
];

describe('searchReport (hand-counted fixture, as of 2026-11-23)', () => {
  const report = searchReport(contacts, { until: '2026-11-23' });

  it('totals: 11 letters, 9 people contacted, 6 answered, 6 meetings', () => {
    expect(report.total).toMatchObject({ outreachSent: 11, contacted: 9, replied: 6, replyRate: 6 / 9, meetingsHeld: 6 });
    expect(report.until).toBe('2026-11-23');
  });

  it('by source, in vocabulary order; a source with no outreach nor meeting is left out', () => {
    expect(report.bySource).toEqual([
      { source: 'linkedin', outreachSent: 2, contacted: 2, replied: 2, replyRate: 1, meetingsHeld: 2, meetingsPerOutreach: 1 },
      { source: 'personal', outreachSent: 1, contacted: 1, replied: 1, replyRate: 1, meetingsHeld: 1, meetingsPerOutreach: 1 },
      { source: 'referral', outreachSent: 3, contacted: 2, replied: 1, replyRate: 0.5, meetingsHeld: 1, meetingsPerOutreach: 1 / 3 },
      { source: 'cold', outreachSent: 4, contacted: 3, replied: 1, replyRate: 1 / 3, meetingsHeld: 0, meetingsPerOutreach: 0 },
      { source: 'event', outreachSent: 1, contacted: 1, replied: 1, replyRate: 1, meetingsHeld: 2, meetingsPerOutreach: 2 },
    ]);
  });

  it('median days to reply over 1, 2, 2, 3, 7, 10 is 2.5', () => {
    expect(report.medianDaysToReply).toBe(2.5);
  });

  it('thank-yous by meeting: 2 same day, 1 on time, 1 late, 1 missing, 1 not due yet', () => {
    expect(report.thankYous).toEqual({ meetings: 6, sameDay: 2, onTime: 1, late: 1, missing: 1, pending: 1 });
  });

  it('the funnel counts skipped stages as reached and leaves out what happens after until', () => {
    expect(report.funnel).toEqual([
      { stage: 'identified', reached: 10 },
      { stage: 'contacted', reached: 9 },
      { stage: 'scheduled', reached: 5 },
      { stage: 'held', reached: 5 },
      { stage: 'thanked', reached: 4 },
      { stage: 'nurturing', reached: 1 },
    ]);
  });

  it('referral chains: a → b → c → g is the longest, 3 introductions', () => {
    expect(report.referralChains).toEqual({
      longest: 3,
      longestChain: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }, { id: 'g', name: 'G' }],
      depths: [{ depth: 0, contacts: 8 }, { depth: 1, contacts: 1 }, { depth: 2, contacts: 1 }, { depth: 3, contacts: 1 }],
    });
  });

  it('outcomes: one open lead with its date, a done résumé review, two referrals of which one (Renee Jackson) has no note yet', () => {
    expect(report.outcomes.byKind).toMatchObject({ lead: { total: 1, open: 1 }, 'resume-review': { total: 1, open: 0 }, referral: { total: 2, open: 1 } });
    // Advice and a resource without a task box were received; a resource with an empty box is one to read.
    expect(report.outcomes.byKind).toMatchObject({ advice: { total: 1, open: 0 }, resource: { total: 2, open: 1 } });
    expect(report.outcomes.openLeads).toEqual([{ id: 'a', name: 'A', file: 'a.md', line: 24, label: 'Lead', text: 'Analyst opening at Acme (by 2026-12-01)', due: '2026-12-01' }]);
  });
});

describe('searchReport with a period', () => {
  it('from 2026-11-10: letters first sent in the period, meetings held in it, contacts that moved in it', () => {
    const report = searchReport(contacts, { since: '2026-11-10', until: '2026-11-23' });
    // First letters on or after 11-10: c (no answer) and h (2 days).
    expect(report.total).toMatchObject({ contacted: 2, replied: 1, replyRate: 0.5 });
    expect(report.medianDaysToReply).toBe(2);
    // Meetings from 11-10: a, i (11-11) same day; b on time; f late; h not due yet.
    expect(report.thankYous).toEqual({ meetings: 5, sameDay: 2, onTime: 1, late: 1, missing: 0, pending: 1 });
    // k did nothing since 11-10; e declined on 11-13, so it counts, at contacted.
    expect(report.funnel.map((step) => step.reached)).toEqual([9, 8, 5, 5, 4, 1]);
  });

  it('judges thank-yous by rules.thankWithin', () => {
    const report = searchReport(contacts, { until: '2026-11-23', rules: { ...defaultRules, thankWithin: 4 } });
    // f's 4 days are on time now, and h's meeting of 11-22 is still within its days.
    expect(report.thankYous).toEqual({ meetings: 6, sameDay: 2, onTime: 2, late: 0, missing: 1, pending: 1 });
  });

  it('without until, a meeting with no thank-you is missing', () => {
    expect(searchReport([contacts[7]!]).thankYous).toEqual({ meetings: 1, sameDay: 0, onTime: 0, late: 0, missing: 1, pending: 0 });
  });
});

describe('searchReport edge cases', () => {
  it('an empty folder has no rate, no median and no chain', () => {
    const report = searchReport([]);
    expect(report.medianDaysToReply).toBeNull();
    expect(report.bySource).toEqual([]);
    expect(report.funnel.map((step) => step.reached)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(report.referralChains).toEqual({ longest: 0, longestChain: [], depths: [] });
  });

  it('a contact picked up again after a no reaches nurturing without a meeting: the funnel counts no meeting for it', () => {
    const resumed = contact('r', 'cold', [['2026-11-01', 'identified'], ['2026-11-02', 'contacted'], ['2026-11-09', 'declined'], ['2026-11-20', 'nurturing']]);
    expect(searchReport([resumed], { until: '2026-11-23' }).funnel.map((step) => step.reached)).toEqual([1, 1, 0, 0, 0, 0]);
    // Met, thanked, then nurtured: every stage on the way.
    expect(searchReport([contacts[0]!], { until: '2026-11-23' }).funnel.map((step) => step.reached)).toEqual([1, 1, 1, 1, 1, 1]);
    // A note that starts at nurturing, without the steps before it, is taken at its word.
    expect(searchReport([contact('n', 'cold', [['2026-11-20', 'nurturing']])], { until: '2026-11-23' }).funnel.map((step) => step.reached)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('an odd number of replies takes the middle one; a touch is not a reply', () => {
    const touched = readNote('t.md', noteText(contactFields({ name: 'T', stage: 'contacted', history: [
      { date: '2026-11-02', stage: 'contacted' },
      { date: '2026-11-03', stage: 'contacted', touch: true, note: 'called' },
    ] }))).contact!;
    const report = searchReport([touched, contacts[0]!, contacts[1]!, contacts[5]!]);
    expect(report.medianDaysToReply).toBe(2);
  });

  it('a logged reply is a reply, counted from the first letter to the day it was logged, and not after until', () => {
    const replied = readNote('r.md', noteText(contactFields({ name: 'R', stage: 'contacted', source: 'cold', history: [
      { date: '2026-11-02', stage: 'contacted' },
      { date: '2026-11-03', stage: 'contacted', touch: true, note: 'called' },
      { date: '2026-11-06', stage: 'contacted', touch: true, replied: true, note: 'busy until January' },
    ] }))).contact!;
    const silent = contact('s', 'cold', [['2026-11-02', 'contacted']]);
    expect(searchReport([replied, silent]).total).toMatchObject({ contacted: 2, replied: 1, replyRate: 0.5 });
    expect(searchReport([replied, silent]).medianDaysToReply).toBe(4);
    expect(searchReport([replied, silent]).bySource).toMatchObject([{ source: 'cold', contacted: 2, replied: 1, replyRate: 0.5 }]);
    expect(searchReport([replied, silent], { until: '2026-11-05' }).total).toMatchObject({ contacted: 2, replied: 0 });
  });

  it('a referral cycle does not loop', () => {
    const x = contact('x', 'referral', [['2026-11-02', 'identified']], { referred_by: '[[y]]' });
    const y = contact('y', 'referral', [['2026-11-02', 'identified']], { referred_by: '[[x]]' });
    expect(searchReport([x, y]).referralChains).toEqual({ longest: 1, longestChain: [{ id: 'y', name: 'Y' }, { id: 'x', name: 'X' }], depths: [{ depth: 0, contacts: 0 }, { depth: 1, contacts: 2 }] });
  });
});
