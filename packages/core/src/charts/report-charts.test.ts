import { describe, expect, it } from 'vitest';
import type { SearchReport } from '../report/search-report.js';
import { renderReportCharts, weekRange } from './report-charts.js';
import { renderReportHtml } from './report-html.js';

const figures = { outreachSent: 0, contacted: 0, replied: 0, replyRate: null, meetingsHeld: 0, thankYous: 0, thankYousOnTime: 0, referralsGained: 0 };

/** A report written by hand: the charts must show exactly these numbers. */
const report: SearchReport = {
  since: null,
  until: '2026-11-23',
  weeks: [
    { ...figures, week: '2026-W45', outreachSent: 3, contacted: 2, replied: 1, replyRate: 0.5 },
    { ...figures, week: '2026-W47', outreachSent: 1, meetingsHeld: 2, thankYous: 1, thankYousOnTime: 1 },
  ],
  total: { ...figures, outreachSent: 4, contacted: 2, replied: 1, replyRate: 0.5, meetingsHeld: 2, thankYous: 1, thankYousOnTime: 1 },
  bySource: [
    { source: 'cold', outreachSent: 3, contacted: 2, replied: 0, replyRate: 0, meetingsHeld: 0, meetingsPerOutreach: 0 },
    { source: 'referral', outreachSent: 1, contacted: 1, replied: 1, replyRate: 1, meetingsHeld: 2, meetingsPerOutreach: 2 },
    { source: 'unknown', outreachSent: 0, contacted: 0, replied: 0, replyRate: null, meetingsHeld: 1, meetingsPerOutreach: null },
  ],
  medianDaysToReply: 3,
  thankYous: { meetings: 2, sameDay: 1, onTime: 0, late: 0, missing: 1, pending: 0 },
  funnel: [
    { stage: 'identified', reached: 7 },
    { stage: 'contacted', reached: 5 },
    { stage: 'scheduled', reached: 3 },
    { stage: 'held', reached: 2 },
    { stage: 'thanked', reached: 1 },
    { stage: 'nurturing', reached: 0 },
  ],
  referralChains: { longest: 1, longestChain: [{ id: 'a', name: 'Ann <Admin>' }, { id: 'b', name: 'Bo' }], depths: [{ depth: 0, contacts: 6 }, { depth: 1, contacts: 1 }] },
  outcomes: {
    byKind: { referral: { total: 1, open: 1 }, lead: { total: 1, open: 1 }, 'job-shadow': { total: 0, open: 0 }, 'resume-review': { total: 0, open: 0 }, resource: { total: 0, open: 0 }, advice: { total: 0, open: 0 }, training: { total: 0, open: 0 } },
    openLeads: [{ id: 'a', name: 'Ann <Admin>', file: 'a.md', line: 12, label: 'Offer', text: 'Analyst <b>II</b> opening', due: '2026-12-15' }],
  },
};

/** The accessible labels Vega writes on each bar or text mark, in drawing order. */
function marks(svg: string, role: string): string[] {
  return [...svg.matchAll(new RegExp(`aria-roledescription="${role}"[^>]*?aria-label="([^"]*)"|aria-label="([^"]*)"[^>]*?aria-roledescription="${role}"`, 'g'))].map((match) => match[1] ?? match[2]!);
}

describe('renderReportCharts', () => {
  it('draws the funnel with one bar per stage and its count', async () => {
    const { funnel } = await renderReportCharts(report);
    expect(funnel.startsWith('<svg')).toBe(true);
    expect(marks(funnel, 'bar')).toEqual([
      'identified: 7 contacts',
      'contacted: 5 contacts',
      'scheduled: 3 contacts',
      'held: 2 contacts',
      'thanked: 1 contact',
      'nurturing: 0 contacts',
    ]);
  });

  it("draws every week from the first to the report's day's, quiet weeks included", async () => {
    const { weekly } = await renderReportCharts(report);
    const bars = marks(weekly, 'bar');
    // 2026-W45 to 2026-W48 (Monday 2026-11-23, the report's day), three bars each.
    expect(bars).toHaveLength(12);
    expect(bars).toContain('2026-W48, Outreach sent: 0');
    expect(bars).toContain('2026-W45, Outreach sent: 3');
    expect(bars).toContain('2026-W46, Outreach sent: 0');
    expect(bars).toContain('2026-W47, Meetings held: 2');
    expect(bars).toContain('2026-W47, Thank-yous sent: 1');
  });

  it('over a long span, draws the weeks with activity only, and a week with only referrals gained stretches nothing', async () => {
    const long: SearchReport = {
      ...report,
      weeks: [
        { ...figures, week: '2021-W22', referralsGained: 1 },
        { ...figures, week: '2021-W23', outreachSent: 1 },
        ...report.weeks,
        { ...figures, week: '2026-W49', referralsGained: 1 },
      ],
    };
    const { weekly } = await renderReportCharts(long);
    const weeks = [...new Set(marks(weekly, 'bar').map((bar) => bar.split(',')[0]))];
    expect(weeks).toEqual(['2021-W23', '2026-W45', '2026-W47']);
    expect(weekly).toContain('Per week (weeks with activity only; 2021-W23 to 2026-W47)');
    // Without the old letter: every week from the first to the report's day's again, the quiet ones included.
    const recent = long.weeks.filter((week) => week.week !== '2021-W23');
    const { weekly: short } = await renderReportCharts({ ...long, weeks: recent });
    expect([...new Set(marks(short, 'bar').map((bar) => bar.split(',')[0]))]).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    // A report of the whole history (no day): to the last week with something to draw, the referral of W49 aside.
    const { weekly: whole } = await renderReportCharts({ ...long, until: null, weeks: recent });
    expect([...new Set(marks(whole, 'bar').map((bar) => bar.split(',')[0]))]).toEqual(['2026-W45', '2026-W46', '2026-W47']);
  });

  it('draws at most the last 26 weeks with activity', async () => {
    const many: SearchReport = { ...report, weeks: weekRange('2026-W01', '2026-W30').map((week, i) => ({ ...figures, week, outreachSent: i % 2 === 0 ? 1 : 0, meetingsHeld: 1 })) };
    const { weekly } = await renderReportCharts(many);
    const weeks = [...new Set(marks(weekly, 'bar').map((bar) => bar.split(',')[0]))];
    expect(weeks).toHaveLength(26);
    expect([weeks[0], weeks.at(-1)]).toEqual(['2026-W05', '2026-W30']);
    expect(weekly).toContain('Per week (the last 26 weeks with activity, of 30; 2026-W05 to 2026-W30)');
  });

  it('draws the reply rate of each source that contacted someone, with replied/contacted', async () => {
    const { replyRateBySource } = await renderReportCharts(report);
    expect(marks(replyRateBySource, 'bar')).toEqual(['cold: 0% (0/2)', 'referral: 100% (1/1)']);
    expect(replyRateBySource).toContain('>0% (0/2)</text>');
    expect(replyRateBySource).toContain('>100% (1/1)</text>');
  });

  it('writes the theme colours as given, CSS variables included, and no script or style element', async () => {
    const charts = await renderReportCharts(report, { theme: { accent: 'var(--vscode-charts-blue)', foreground: 'var(--vscode-foreground)', meetings: '#00aa00' } });
    expect(charts.funnel).toContain('fill="var(--vscode-charts-blue)"');
    expect(charts.funnel).toContain('fill="var(--vscode-foreground)"');
    expect(charts.weekly).toContain('fill="#00aa00"');
    for (const svg of Object.values(charts)) expect(svg).not.toMatch(/<script|<style|href=/);
  });

  it('draws an empty folder without failing: zero-length bars, no source, a page that says so', async () => {
    const empty: SearchReport = {
      ...report,
      weeks: [],
      bySource: [],
      funnel: report.funnel.map((step) => ({ ...step, reached: 0 })),
      referralChains: { longest: 0, longestChain: [], depths: [] },
      outcomes: { ...report.outcomes, openLeads: [] },
    };
    const charts = await renderReportCharts(empty);
    expect(marks(charts.funnel, 'bar')).toEqual(['identified: 0 contacts', 'contacted: 0 contacts', 'scheduled: 0 contacts', 'held: 0 contacts', 'thanked: 0 contacts', 'nurturing: 0 contacts']);
    expect(marks(charts.weekly, 'bar')).toEqual([]);
    expect(marks(charts.replyRateBySource, 'bar')).toEqual([]);
    const html = await renderReportHtml(empty);
    expect(html).toContain('<p class="muted">No letter sent yet.</p>');
    expect(html).toContain('<p class="muted">No open lead.</p>');
    expect(html).toContain('Nobody was referred yet.');
    expect(html).not.toContain('id="referral-depths"');
  });
});

describe('weekRange', () => {
  it('lists ISO weeks across a year with 53 weeks', () => {
    expect(weekRange('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weekRange('2025-W52', '2026-W01')).toEqual(['2025-W52', '2026-W01']);
  });
});

describe('renderReportHtml', () => {
  it('is one page with the charts inline, escapes what the notes say, and loads nothing', async () => {
    const html = await renderReportHtml(report, { title: 'Jordan & the search' });
    expect(html).toContain('<title>Jordan &amp; the search</title>');
    expect(html).toContain('<h2>Open leads and offers</h2>');
    expect(html).toContain('<td>Offer: Analyst &lt;b&gt;II&lt;/b&gt; opening</td>');
    expect(html).toContain('Longest: Ann &lt;Admin&gt; → Bo (1 introduction).');
    expect(html).not.toContain('Ann <Admin>');
    expect((html.match(/<svg /g) ?? []).length).toBe(3);
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it("has the text report's weekly table, row for row with its total, and the referrals gained among the figures", async () => {
    const quiet = (week: string) => ({ ...figures, week });
    const weeks = [report.weeks[0]!, ...['2026-W46', '2026-W47', '2026-W48', '2026-W49', '2026-W50'].map(quiet), { ...report.weeks[1]!, week: '2026-W51', referralsGained: 2 }];
    const html = await renderReportHtml({ ...report, weeks, total: { ...report.total, referralsGained: 2 } });
    expect(html).toContain('<li><strong>2</strong>referrals gained</li>');
    const rows = [...html.slice(html.indexOf('<table id="weeks">'), html.indexOf('</table>', html.indexOf('<table id="weeks">'))).matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((cell) => cell[1]));
    expect(rows).toEqual([
      ['week', 'sent', 'contacted', 'reply rate', 'held', 'thanked on time', 'referrals'],
      ['2026-W45', '3', '2', '50%', '0', '0/0', '0'],
      ['2026-W46–2026-W50', '0', '0', '—', '0', '0/0', '0'],
      ['2026-W51', '1', '0', '—', '2', '1/2', '2'],
      ['total', '4', '2', '50%', '2', '1/2', '2'],
    ]);
    expect(html).toContain('<tr class="total"><td class="nowrap">total</td>');
  });

  it('marks a lead whose day passed before the last day of the report overdue, as the text report does, and no other', async () => {
    const leads = [
      { id: 'a', name: 'Ann', file: 'a.md', line: 12, label: 'Lead', text: 'Past lead', due: '2026-11-20' },
      { id: 'a', name: 'Ann', file: 'a.md', line: 13, label: 'Lead', text: 'Lead due today', due: '2026-11-23' },
      { id: 'a', name: 'Ann', file: 'a.md', line: 14, label: 'Lead', text: 'Undated lead', due: null },
    ];
    const html = await renderReportHtml({ ...report, outcomes: { ...report.outcomes, openLeads: leads } });
    expect(html).toContain('<td class="nowrap">2026-11-20 <span class="overdue">overdue</span></td><td>Lead: Past lead</td>');
    expect(html).toContain('<td class="nowrap">2026-11-23</td><td>Lead: Lead due today</td>');
    expect(html).toContain('<td class="nowrap"></td><td>Lead: Undated lead</td>');
  });
});
