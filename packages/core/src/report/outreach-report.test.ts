import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { defaultRules } from '../workspace/config.js';
import { outreachReport } from './outreach-report.js';

function contact(id: string, history: { date: string; stage: string }[], extra: Record<string, unknown> = {}, body = ''): Contact {
  return readNote(`${id}.md`, noteText(contactFields({ name: id, stage: history.at(-1)!.stage, history, ...extra }), body)).contact!;
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
    expect(report.weeks).toEqual([
      { week: '2026-W45', outreachSent: 2, contacted: 2, replied: 1, replyRate: 0.5, meetingsHeld: 0, thankYous: 0, thankYousOnTime: 0, referralsGained: 0 },
      { week: '2026-W46', outreachSent: 2, contacted: 1, replied: 1, replyRate: 1, meetingsHeld: 1, thankYous: 1, thankYousOnTime: 1, referralsGained: 1 },
      { week: '2026-W47', outreachSent: 0, contacted: 0, replied: 0, replyRate: null, meetingsHeld: 1, thankYous: 1, thankYousOnTime: 0, referralsGained: 0 },
    ]);
  });

  it('counts a thank-you on time in the week of its meeting, and the thank-you sent in its own week', () => {
    // Met on Sunday 2026-11-15 (W46), thanked on Monday (W47): on time, with the default one day.
    const sunday = contact('s', [
      { date: '2026-11-10', stage: 'contacted' },
      { date: '2026-11-15', stage: 'held' },
      { date: '2026-11-16', stage: 'thanked' },
    ]);
    const weeks = outreachReport([sunday]).weeks;
    expect(weeks.map(({ week, meetingsHeld, thankYous, thankYousOnTime }) => ({ week, meetingsHeld, thankYous, thankYousOnTime }))).toEqual([
      { week: '2026-W46', meetingsHeld: 1, thankYous: 0, thankYousOnTime: 1 },
      { week: '2026-W47', meetingsHeld: 0, thankYous: 1, thankYousOnTime: 0 },
    ]);
    // From the Monday: the meeting is before the period, so its thank-you is sent in it but counts for no meeting.
    expect(outreachReport([sunday], { since: '2026-11-16' }).total).toMatchObject({ meetingsHeld: 0, thankYous: 1, thankYousOnTime: 0 });
  });

  it('starts at --since', () => {
    const report = outreachReport(contacts, { since: '2026-11-10' });
    expect(report.since).toBe('2026-11-10');
    expect(report.total).toMatchObject({ outreachSent: 2, contacted: 1, replied: 1, replyRate: 1, meetingsHeld: 2, thankYous: 2, thankYousOnTime: 1, referralsGained: 1 });
    expect(report.weeks.map((week) => week.week)).toEqual(['2026-W46', '2026-W47']);
    expect(outreachReport(contacts, { since: '2026-11-11' }).total.referralsGained).toBe(0);
  });

  it('counts steps only: a touch logged after the thank-you is neither a thank-you nor outreach', () => {
    const touched = readNote('t.md', noteText(contactFields({ name: 't', stage: 'thanked', history: [
      { date: '2026-11-03', stage: 'contacted' },
      { date: '2026-11-05', stage: 'held' },
      { date: '2026-11-06', stage: 'thanked' },
      { date: '2026-11-20', stage: 'thanked', touch: true, note: 'shared an article' },
    ] }))).contact!;
    expect(outreachReport([touched]).total).toEqual({ outreachSent: 1, contacted: 1, replied: 1, replyRate: 1, meetingsHeld: 1, thankYous: 1, thankYousOnTime: 1, referralsGained: 0 });
    expect(outreachReport([touched]).weeks.map((week) => week.week)).toEqual(['2026-W45']);
  });

  it('leaves out what happened after until', () => {
    // c, referred by a, was first recorded on 2026-11-10.
    expect(outreachReport(contacts, { until: '2026-11-12' }).total).toEqual({ outreachSent: 3, contacted: 3, replied: 1, replyRate: 1 / 3, meetingsHeld: 1, thankYous: 0, thankYousOnTime: 0, referralsGained: 1 });
  });

  it('judges thank-yous by rules.thankWithin', () => {
    expect(outreachReport(contacts, { rules: { ...defaultRules, thankWithin: 4 } }).total.thankYousOnTime).toBe(2);
    expect(outreachReport(contacts, { rules: { ...defaultRules, thankWithin: 0 } }).total.thankYousOnTime).toBe(0);
  });

  it('counts a decline as a reply, and a contact who never answered as none', () => {
    const declined = contact('d', [
      { date: '2026-11-03', stage: 'contacted' },
      { date: '2026-11-06', stage: 'declined' },
    ]);
    const silent = contact('e', [{ date: '2026-11-03', stage: 'contacted' }]);
    expect(outreachReport([declined, silent]).total).toMatchObject({ contacted: 2, replied: 1, replyRate: 0.5 });
  });

  it('does not count a meeting reached before the first outreach as a reply', () => {
    const metFirst = contact('f', [
      { date: '2026-11-02', stage: 'held' },
      { date: '2026-11-20', stage: 'contacted' },
    ]);
    expect(outreachReport([metFirst]).total).toMatchObject({ contacted: 1, replied: 0, meetingsHeld: 1 });
  });

  it('counts each referred person once, from referred_by or the referrer\'s Outcomes, in the week they were first recorded', () => {
    const referrer = contact('g', [{ date: '2026-11-02', stage: 'held' }], {}, '\n## Outcomes\n\n- Talk to [[h]] and [[i]] and [[someone-without-a-note]]\n');
    const both = contact('h', [{ date: '2026-11-09', stage: 'identified' }], { referred_by: '[[g]]' });
    const outcomesOnly = contact('i', [{ date: '2026-11-17', stage: 'identified' }]);
    const report = outreachReport([referrer, both, outcomesOnly]);
    expect(report.total.referralsGained).toBe(2);
    expect(report.weeks.map((week) => [week.week, week.referralsGained])).toEqual([
      ['2026-W45', 0],
      ['2026-W46', 1],
      ['2026-W47', 1],
    ]);
  });

  it('dates a referral to a note older than the referrer by the referrer\'s meeting, not by an imported connection date', () => {
    // José was written to on 11-20 and met on 12-02; Priya's note is a LinkedIn connection from 2021, linked as his referral.
    const jose = contact('jose', [{ date: '2026-11-20', stage: 'contacted' }, { date: '2026-12-02', stage: 'held' }], {}, '\n## Outcomes\n\n- Referral: [[priya]]\n');
    const priya = contact('priya', [{ date: '2021-06-05', stage: 'identified' }, { date: '2021-06-07', stage: 'contacted' }], { referred_by: '[[jose]]' });
    // Added on 11-25, after the first letter to José (a reply named her): that day.
    const lee = contact('lee', [{ date: '2026-11-25', stage: 'identified' }], { referred_by: '[[jose]]' });
    // Referred by José and by Ana, whom nobody has met: Ana's first letter (10-05) is the earliest day.
    const ana = contact('ana', [{ date: '2026-10-01', stage: 'identified' }, { date: '2026-10-05', stage: 'contacted' }], {}, '\n## Outcomes\n\n- Referral: [[sam]]\n');
    const sam = contact('sam', [{ date: '2020-01-10', stage: 'identified' }], { referred_by: '[[jose]]' });
    const report = outreachReport([jose, priya, lee, ana, sam]);
    expect(report.weeks.filter((week) => week.referralsGained > 0).map((week) => [week.week, week.referralsGained])).toEqual([
      ['2026-W41', 1],
      ['2026-W48', 1],
      ['2026-W49', 1],
    ]);
    expect(report.weeks.filter((week) => week.outreachSent + week.referralsGained + week.meetingsHeld > 0).map((week) => week.week)).toEqual(['2021-W23', '2026-W41', '2026-W47', '2026-W48', '2026-W49']);
    // Every week between them is there, with zeros: 30 weeks of 2021, 52 of each of 2022 to 2025, 49 of 2026.
    expect([report.weeks.length, report.weeks[0]!.week, report.weeks[1]!.week, report.weeks.at(-1)!.week]).toEqual([287, '2021-W23', '2021-W24', '2026-W49']);
    // Not yet met as of 11-30: Priya is not counted before the meeting that gained her.
    expect(outreachReport([jose, priya], { until: '2026-11-30' }).total.referralsGained).toBe(0);
  });

  it('gives a quiet week between two busy ones a row of zeros, across a year end too', () => {
    const ana = contact('ana', [{ date: '2026-10-01', stage: 'identified' }, { date: '2026-10-05', stage: 'contacted' }]);
    const bo = contact('bo', [{ date: '2026-10-20', stage: 'identified' }, { date: '2026-10-27', stage: 'contacted' }]);
    const report = outreachReport([ana, bo], { until: '2026-11-23' });
    const zeros = { outreachSent: 0, contacted: 0, replied: 0, replyRate: null, meetingsHeld: 0, thankYous: 0, thankYousOnTime: 0, referralsGained: 0 };
    expect(report.weeks).toEqual([
      { week: '2026-W41', ...zeros, outreachSent: 1, contacted: 1, replyRate: 0 },
      { week: '2026-W42', ...zeros },
      { week: '2026-W43', ...zeros },
      { week: '2026-W44', ...zeros, outreachSent: 1, contacted: 1, replyRate: 0 },
      // As of Monday 2026-11-23 (week 48): the quiet weeks since, up to that day's, are there too.
      { week: '2026-W45', ...zeros },
      { week: '2026-W46', ...zeros },
      { week: '2026-W47', ...zeros },
      { week: '2026-W48', ...zeros },
    ]);
    // With no day given, the weeks end at the last figure.
    expect(outreachReport([ana, bo]).weeks.at(-1)?.week).toBe('2026-W44');
    const cy = contact('cy', [{ date: '2026-12-22', stage: 'contacted' }, { date: '2027-01-12', stage: 'followed-up' }]);
    expect(outreachReport([cy]).weeks.map((week) => [week.week, week.outreachSent])).toEqual([
      ['2026-W52', 1],
      ['2026-W53', 0],
      ['2027-W01', 0],
      ['2027-W02', 1],
    ]);
    // Nothing before the first figure: an earlier --since adds no empty weeks.
    expect(outreachReport([ana], { since: '2026-09-01' }).weeks.map((week) => week.week)).toEqual(['2026-W41']);
  });

  it('has no reply rate when nobody was contacted', () => {
    expect(outreachReport([])).toEqual({ since: null, weeks: [], total: { outreachSent: 0, contacted: 0, replied: 0, replyRate: null, meetingsHeld: 0, thankYous: 0, thankYousOnTime: 0, referralsGained: 0 } });
  });
});
