import { describe, expect, it } from 'vitest';
import { EXPORT_NOW, exportFolder } from '../test-support/export-notes.js';
import { readCalendarBack, type ReadBackItem } from '../../test/support/read-back.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { exportIcs } from './ics.js';

describe('exportIcs, read back by Python icalendar', () => {
  it('makes one event per scheduled, prepared or held meeting, matching the notes', async () => {
    const workspace = await loadWorkspace(exportFolder());
    const { zones, items } = readCalendarBack(exportIcs(workspace, { now: EXPORT_NOW }));
    const meetings = items.filter((item) => item.uid.endsWith('-meeting@rapport'));
    expect(meetings.map((item) => item.uid).sort()).toEqual(['held-meeting@rapport', 'summer-coffee-meeting@rapport', 'winter-call-meeting@rapport']);
    expect(zones).toEqual(['America/New_York']);

    // Each meeting's start and end in UTC, from the note's `at` (New York: -05:00 in winter, -04:00 in summer) and `minutes`.
    const expected: Record<string, { summary: string; start: string; end: string; location: string | undefined; sequence: number; file: string }> = {
      'winter-call-meeting@rapport': { summary: 'Informational interview: Sam Whitaker (Ardent Medical)', start: '2026-12-01T14:00:00Z', end: '2026-12-01T14:30:00Z', location: undefined, sequence: 3, file: 'winter-call.md' },
      'summer-coffee-meeting@rapport': {
        summary: 'Informational interview: Zoë Ångström (Fjord Health; Nordics, AB)',
        start: '2027-07-14T12:30:00Z',
        end: '2027-07-14T13:15:00Z',
        location: 'Café on Bryant St, Highland Park; by the window',
        sequence: 2,
        file: 'summer-coffee.md',
      },
      'held-meeting@rapport': { summary: 'Informational interview: Marcus Bell (Monongahela Valley Health)', start: '2026-11-20T12:15:00Z', end: '2026-11-20T12:45:00Z', location: 'Cafeteria, 2nd floor', sequence: 1, file: 'held.md' },
    };
    for (const item of meetings) {
      const want = expected[item.uid]!;
      expect(item.summary).toBe(want.summary);
      expect(item.dtstart).toMatchObject({ tzid: 'America/New_York', utc: want.start, utc_by_vtimezone: want.start });
      expect(item.dtend).toMatchObject({ utc: want.end, utc_by_vtimezone: want.end });
      expect(item.location).toBe(want.location);
      expect(item.sequence).toBe(want.sequence);
      expect(item.description).toContain(`Note: ${want.file}`);
    }
  });

  it('writes meeting times in the configured zone, summer time included', async () => {
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(exportFolder()), { now: EXPORT_NOW }));
    const byUid = new Map(items.map((item) => [item.uid, item]));
    // "2027-07-14T08:30" has no offset: it is read in America/New_York, on daylight time (-04:00).
    expect(byUid.get('summer-coffee-meeting@rapport')!.dtstart).toMatchObject({ local: '2027-07-14T08:30:00', utc: '2027-07-14T12:30:00Z', utc_by_vtimezone: '2027-07-14T12:30:00Z' });
    expect(byUid.get('winter-call-meeting@rapport')!.dtstart).toMatchObject({ local: '2026-12-01T09:00:00', utc: '2026-12-01T14:00:00Z' });
    expect(byUid.get('summer-coffee-meeting@rapport')!.location).toBe('Café on Bryant St, Highland Park; by the window');
    expect(byUid.get('summer-coffee-meeting@rapport')!.summary).toBe('Informational interview: Zoë Ångström (Fjord Health; Nordics, AB)');
  });

  it('builds a VTIMEZONE that calendar programs can rely on, even for a half-hour zone', async () => {
    const store = new MemoryStore({
      '.rapport/config.yaml': 'timezone: America/St_Johns\n',
      'a.md': '---\ntype: contact\nname: Ana\nstage: scheduled\nhistory: [{date: 2026-06-01, stage: scheduled}]\nmeeting: {at: "2026-07-01T10:00", minutes: 60, format: phone}\n---\n',
      'b.md': '---\ntype: contact\nname: Bo\nstage: scheduled\nhistory: [{date: 2026-06-01, stage: scheduled}]\nmeeting: {at: "2026-12-01T10:00", minutes: 30, format: phone}\n---\n',
    });
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(store), { now: EXPORT_NOW }));
    const starts = Object.fromEntries(items.filter((item) => item.uid.endsWith('-meeting@rapport')).map((item) => [item.uid, item.dtstart]));
    expect(starts['a-meeting@rapport']).toMatchObject({ tzid: 'America/St_Johns', utc: '2026-07-01T12:30:00Z', utc_by_vtimezone: '2026-07-01T12:30:00Z' });
    expect(starts['b-meeting@rapport']).toMatchObject({ utc: '2026-12-01T13:30:00Z', utc_by_vtimezone: '2026-12-01T13:30:00Z' });
  });

  it('leaves out meetings of later stages and the meeting day action (the meeting is the event)', async () => {
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(exportFolder()), { now: new Date('2026-11-30T15:00:00Z') }));
    const uids = items.map((item) => item.uid);
    expect(uids).not.toContain('thanked-meeting@rapport');
    expect(uids.filter((uid) => uid.endsWith('-meet@rapport'))).toEqual([]);
  });

  it('makes every other due action an all-day event with a 9:00 reminder', async () => {
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(exportFolder()), { now: EXPORT_NOW }));
    // On Monday 2026-11-23: contacted Thursday 11-05 (3 and 7 working days on), held 11-20 (+1 day), meeting 12-01 (2 days before), manual next, thanked 11-13 (+60 days).
    const expected = [
      { uid: 'contacted-second-contact@rapport', summary: 'Try a second person at Northside Respiratory', date: '2026-11-10' },
      { uid: 'contacted-follow-up@rapport', summary: 'Follow up with Hannah Schultz if there is no reply', date: '2026-11-16' },
      { uid: 'held-thank@rapport', summary: 'Send Marcus Bell a thank-you note', date: '2026-11-21' },
      { uid: 'winter-call-prepare@rapport', summary: 'Prepare for Sam Whitaker: research and questions', date: '2026-11-29' },
      { uid: 'manual-manual@rapport', summary: 'Ask Dana about Keisha', date: '2026-11-30' },
      { uid: 'thanked-keep-in-touch@rapport', summary: 'Keep in touch with Priya Raman', date: '2027-01-12' },
    ];
    const actions = items.filter((item) => !item.uid.endsWith('-meeting@rapport'));
    expect(actions.map((item) => ({ uid: item.uid, summary: item.summary, date: item.dtstart?.date })).sort((a, b) => a.date!.localeCompare(b.date!))).toEqual(expected);
    for (const event of actions) {
      expect(event.dtstart, event.uid).toEqual({ date: expected.find((item) => item.uid === event.uid)!.date });
      expect(event.transp).toBe('TRANSPARENT');
      expect(event.alarms).toEqual([{ action: 'DISPLAY', trigger_seconds: 9 * 3600, related: 'START' }]);
    }
  });

  it('keeps UIDs stable across exports, so a calendar updates its events instead of duplicating them', async () => {
    const store = exportFolder();
    const uids = (items: ReadBackItem[]) => items.map((item) => item.uid).sort();
    const first = readCalendarBack(exportIcs(await loadWorkspace(store), { now: EXPORT_NOW })).items;
    const second = readCalendarBack(exportIcs(await loadWorkspace(store), { now: EXPORT_NOW })).items;
    expect(uids(second)).toEqual(uids(first));
    expect(new Set(uids(first)).size).toBe(first.length);
    // Rescheduling adds a history entry: same UID, higher SEQUENCE.
    const text = (await store.read('winter-call.md'))!.text.replace('2026-12-01T09:00-05:00', '2026-12-02T09:00-05:00').replace('history:\n', 'history:\n  - date: 2026-10-01\n    stage: identified\n');
    await store.write('winter-call.md', text);
    const third = readCalendarBack(exportIcs(await loadWorkspace(store), { now: EXPORT_NOW })).items;
    const before = first.find((item) => item.uid === 'winter-call-meeting@rapport')!;
    const after = third.find((item) => item.uid === 'winter-call-meeting@rapport')!;
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.dtstart?.utc).toBe('2026-12-02T14:00:00Z');
  });

  it('leaves private fields out: here the meeting link', async () => {
    const withPrivate = readCalendarBack(exportIcs(await loadWorkspace(exportFolder()), { now: EXPORT_NOW })).items;
    const winter = withPrivate.find((item) => item.uid === 'winter-call-meeting@rapport')!;
    expect(winter.url).toBeUndefined();
    expect(winter.description).not.toContain('meet.example');
    const open = readCalendarBack(exportIcs(await loadWorkspace(exportFolder('timezone: America/New_York\n')), { now: EXPORT_NOW })).items;
    const shown = open.find((item) => item.uid === 'winter-call-meeting@rapport')!;
    expect(shown.url).toBe('https://meet.example/sam');
    expect(shown.description).toContain('Link: https://meet.example/sam');
  });

  it('writes a valid calendar with no events for an empty folder', async () => {
    const text = exportIcs(await loadWorkspace(new MemoryStore({})), { now: EXPORT_NOW });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(readCalendarBack(text).items).toEqual([]);
  });
  it('gives each dated outcome of one contact its own event, whose UID stays when the date or the line moves', async () => {
    const note = (outcomes: string) => new MemoryStore({ 'marcus.md': `---\ntype: contact\nname: Marcus Bell\nstage: held\nhistory: [{date: 2026-11-20, stage: held}, {date: 2026-11-20, stage: thanked}]\n---\n\n## Outcomes\n\n${outcomes}` });
    const events = async (outcomes: string) =>
      readCalendarBack(exportIcs(await loadWorkspace(note(outcomes)), { now: EXPORT_NOW })).items.filter((item) => item.uid.includes('-outcome-')).map((item) => [item.uid, item.dtstart?.date, item.summary]);
    const before = await events('- Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\n- Résumé review: he offered (by 2026-12-01)\n- Job shadow: a day on the unit (by 2026-12-15)\n');
    expect(before).toEqual([
      ['marcus-outcome-send-your-resume-to-marcus-bell-for-review@rapport', '2026-12-01', 'Send your résumé to Marcus Bell for review'],
      ['marcus-outcome-follow-up-on-the-lead-at-xcel-energy-data-analyst-ii@rapport', '2026-12-10', 'Follow up on the lead at Xcel Energy: Data Analyst II'],
      ['marcus-outcome-arrange-the-job-shadow-with-marcus-bell-a-day-on-the-unit@rapport', '2026-12-15', 'Arrange the job shadow with Marcus Bell: a day on the unit'],
    ]);
    const moved = await events('- Advice: write every week\n- Lead: Xcel Energy: Data Analyst II (by 2026-12-12)\n');
    expect(moved).toEqual([['marcus-outcome-follow-up-on-the-lead-at-xcel-energy-data-analyst-ii@rapport', '2026-12-12', 'Follow up on the lead at Xcel Energy: Data Analyst II']]);
  });
});
