import { describe, expect, it } from 'vitest';
import { EXPORT_NOW, exportFolder } from '../test-support/export-notes.js';
import { readCalendarBack, type ReadBackItem } from '../../test/support/read-back.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { exportIcs, exportIcsDetails } from './ics.js';

describe('exportIcs, read back by Python icalendar', () => {
  it('makes one event per meeting planned or taken place (scheduled, prepared, held, thanked, nurturing), matching the notes', async () => {
    const workspace = await loadWorkspace(exportFolder());
    const { zones, items } = readCalendarBack(exportIcs(workspace, { now: EXPORT_NOW }));
    const meetings = items.filter((item) => item.uid.endsWith('-meeting@rapport'));
    expect(meetings.map((item) => item.uid).sort()).toEqual(['held-meeting@rapport', 'summer-coffee-meeting@rapport', 'thanked-meeting@rapport', 'winter-call-meeting@rapport']);
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
      'thanked-meeting@rapport': { summary: 'Informational interview: Priya Raman (Carelink Labs)', start: '2026-11-12T13:00:00Z', end: '2026-11-12T13:30:00Z', location: undefined, sequence: 1, file: 'thanked.md' },
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

  it('ends the description\'s first sentence once when the organization ends in a period (Inc.)', async () => {
    const store = new MemoryStore({
      'ana.md': '---\ntype: contact\nname: Ana Ruiz\norganization: Pecan Street Inc.\nstage: scheduled\nhistory: [{date: 2026-11-02, stage: scheduled}]\nmeeting: {at: "2026-12-10T10:00", minutes: 30, format: phone}\n---\n',
    });
    const meeting = readCalendarBack(exportIcs(await loadWorkspace(store), { now: EXPORT_NOW })).items.find((item) => item.uid === 'ana-meeting@rapport');
    expect(meeting?.description).toBe('Informational interview with Ana Ruiz, Pecan Street Inc.\nphone, 30 minutes.\nNote: ana.md');
  });

  it("keeps a meeting that took place after the thank-you, and leaves out a closed contact's meeting and the meeting day action (the meeting is the event)", async () => {
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(exportFolder()), { now: new Date('2026-11-30T15:00:00Z') }));
    const uids = items.map((item) => item.uid);
    expect(uids).toContain('thanked-meeting@rapport');
    expect(uids.filter((uid) => uid.endsWith('-meet@rapport'))).toEqual([]);
    const store = new MemoryStore({
      'ana.md': '---\ntype: contact\nname: Ana\nstage: declined\nhistory: [{date: 2026-11-02, stage: scheduled}, {date: 2026-11-04, stage: declined}]\nmeeting: {at: "2026-11-10T10:00", minutes: 30, format: phone}\n---\n',
      'bo.md': '---\ntype: contact\nname: Bo\nstage: nurturing\nhistory: [{date: 2026-11-02, stage: held}, {date: 2026-11-03, stage: thanked}, {date: 2026-11-20, stage: nurturing}]\nmeeting: {at: "2026-11-02T10:00", minutes: 30, format: phone}\n---\n',
    });
    const meetings = readCalendarBack(exportIcs(await loadWorkspace(store), { now: new Date('2026-11-30T15:00:00Z') })).items.filter((item) => item.uid.endsWith('-meeting@rapport'));
    expect(meetings.map((item) => item.uid)).toEqual(['bo-meeting@rapport']);
  });

  it('makes every other due action an all-day event with a 9:00 reminder', async () => {
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(exportFolder()), { now: EXPORT_NOW }));
    // On Monday 2026-11-23: contacted Thursday 11-05 (3 and 7 working days on), held 11-20 (+1 day), meeting 12-01 (2 days before), manual next, thanked 11-13 (+60 days).
    const expected = [
      { uid: 'contacted-second-contact@rapport', summary: 'No reply from Hannah Schultz yet: try a second person at Northside Respiratory', date: '2026-11-10' },
      { uid: 'contacted-follow-up@rapport', summary: 'Follow up with Hannah Schultz if there is no reply', date: '2026-11-16' },
      { uid: 'held-thank@rapport', summary: 'Send Marcus Bell a thank-you note', date: '2026-11-21' },
      { uid: 'winter-call-prepare@rapport', summary: 'Prepare for Sam Whitaker: research and questions', date: '2026-11-27' },
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

  it('writes a calendar with no event as one holding the configured zone, since RFC 5545 wants at least one component', async () => {
    const empty = exportIcsDetails(await loadWorkspace(new MemoryStore({ '.rapport/config.yaml': 'timezone: America/New_York\n' })), { now: EXPORT_NOW });
    expect(readCalendarBack(empty.text)).toEqual({ zones: ['America/New_York'], items: [] });
    expect(empty.events).toBe(0);
    // Only undated actions (people to write to): nothing to put in a calendar either. UTC, which events write as `…Z`, gets a zone of its own.
    const store = new MemoryStore({ '.rapport/config.yaml': 'timezone: UTC\n', 'ana.md': noteText(contactFields({ name: 'Ana Ruiz' })) });
    const utc = exportIcsDetails(await loadWorkspace(store), { now: EXPORT_NOW });
    expect(utc.text).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Rapport//Rapport//EN',
        'NAME:Rapport informational interviews',
        'X-WR-CALNAME:Rapport informational interviews',
        'BEGIN:VTIMEZONE',
        'TZID:UTC',
        'BEGIN:STANDARD',
        'DTSTART:20250101T000000',
        'TZOFFSETFROM:+0000',
        'TZOFFSETTO:+0000',
        'END:STANDARD',
        'END:VTIMEZONE',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(utc.events).toBe(0);
  });

  it('ends every content line with CRLF, the last one included, and folds none past 75 octets', async () => {
    const text = exportIcs(await loadWorkspace(exportFolder()), { now: EXPORT_NOW });
    expect(text.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
    // Long lines there are, and they unfold to what was written.
    expect(lines.filter((line) => Buffer.byteLength(line) === 75).length).toBeGreaterThan(0);
    expect(readCalendarBack(text).items.find((item) => item.uid === 'summer-coffee-meeting@rapport')!.description).toBe(
      'Informational interview with Zoë Ångström, =2+3, Fjord Health; Nordics, AB.\nin-person, 45 minutes.\nPlace: Café on Bryant St, Highland Park; by the window\nNote: summer-coffee.md',
    );
  });

  it('writes the meeting link as a URI, with its commas and semicolons as they are', async () => {
    const link = 'https://zoom.example.com/j/123?pwd=a,b;c';
    const meeting = noteText(contactFields({ name: 'Ana Ruiz', stage: 'scheduled', history: [{ date: '2026-11-20', stage: 'scheduled' }], meeting: { at: '2026-12-01T10:00', minutes: 30, format: 'video', link } }));
    const text = exportIcs(await loadWorkspace(new MemoryStore({ '.rapport/config.yaml': 'timezone: America/New_York\n', 'ana.md': meeting })), { now: EXPORT_NOW });
    expect(text).toContain('\r\nURL;VALUE=URI:https://zoom.example.com/j/123?pwd=a,b;c\r\n');
    const event = readCalendarBack(text).items.find((item) => item.uid === 'ana-meeting@rapport')!;
    expect(event.url).toBe(link);
    // In the description, text: escaped there, and read back whole.
    expect(event.description).toContain(`Link: ${link}`);
  });

  it('writes a meeting that touches the hour the night clocks go back in UTC, ending after it starts', async () => {
    const meeting = (at: string, minutes = 30) => noteText(contactFields({ name: 'Ana Ruiz', stage: 'scheduled', history: [{ date: '2026-10-20', stage: 'scheduled' }], meeting: { at, minutes, format: 'phone' } }));
    // New York goes from -04:00 back to -05:00 at 02:00 on 2026-11-01: 01:00 to 02:00 happens twice. Without an offset, the first.
    const store = new MemoryStore({
      '.rapport/config.yaml': 'timezone: America/New_York\n',
      'first.md': meeting('2026-11-01T01:30'),
      'second.md': meeting('2026-11-01T01:30-05:00'),
      'across.md': meeting('2026-11-01T00:45', 90),
      'after.md': meeting('2026-11-01T02:00'),
    });
    const text = exportIcs(await loadWorkspace(store), { now: new Date('2026-10-25T12:00:00Z') });
    const times = (uid: string) => text.split(`UID:${uid}\r\n`)[1]!.split('END:VEVENT')[0]!.split('\r\n').filter((line) => /^DT(START|END)/.test(line));
    expect(times('first-meeting@rapport')).toEqual(['DTSTART:20261101T053000Z', 'DTEND:20261101T060000Z']);
    expect(times('second-meeting@rapport')).toEqual(['DTSTART:20261101T063000Z', 'DTEND:20261101T070000Z']);
    // 00:45 happens once, but the meeting ends at the second 01:15.
    expect(times('across-meeting@rapport')).toEqual(['DTSTART:20261101T044500Z', 'DTEND:20261101T061500Z']);
    // Once the clocks are back, local times again.
    expect(times('after-meeting@rapport')).toEqual(['DTSTART;TZID=America/New_York:20261101T020000', 'DTEND;TZID=America/New_York:20261101T023000']);
    const byUid = new Map(readCalendarBack(text).items.map((item) => [item.uid, item]));
    expect(byUid.get('first-meeting@rapport')).toMatchObject({ dtstart: { utc: '2026-11-01T05:30:00Z' }, dtend: { utc: '2026-11-01T06:00:00Z' } });
    expect(byUid.get('across-meeting@rapport')).toMatchObject({ dtstart: { utc: '2026-11-01T04:45:00Z' }, dtend: { utc: '2026-11-01T06:15:00Z' } });
    expect(byUid.get('after-meeting@rapport')).toMatchObject({ dtstart: { tzid: 'America/New_York', utc: '2026-11-01T07:00:00Z', utc_by_vtimezone: '2026-11-01T07:00:00Z' } });
  });

  it('names each meeting it leaves out for a problem in the note, with the line and the problem', async () => {
    const note = (name: string, meeting: string) => `---\ntype: contact\nname: ${name}\nstage: scheduled\nhistory:\n  - date: 2026-11-20\n    stage: scheduled\nmeeting:\n${meeting}---\n`;
    const store = (config: string) =>
      new MemoryStore({
        '.rapport/config.yaml': config,
        'ana.md': note('Ana Ruiz', '  at: 2026-12-01T10:00\n  minutes: 0\n  format: video\n'),
        'bo.md': `${note('Bo Lind', '  at: tomorrow\n').slice(0, -4)}next: {action: 5}\n---\n`,
        'cy.md': note('Cy Park', '  at: 2026-12-02T10:00\n  minutes: 45\n'),
      });
    const details = exportIcsDetails(await loadWorkspace(store('timezone: America/New_York\n')), { now: EXPORT_NOW });
    expect(details.leftOut).toEqual([
      { file: 'ana.md', name: 'Ana Ruiz', line: 10, reason: '`minutes` must be a whole number of minutes from 1 to 600 (30 is customary)' },
      { file: 'bo.md', name: 'Bo Lind', line: 9, reason: 'Not a valid meeting time: "tomorrow"' },
    ]);
    expect(readCalendarBack(details.text).items.filter((item) => item.uid.endsWith('-meeting@rapport')).map((item) => item.uid)).toEqual(['cy-meeting@rapport']);
    expect(details.events).toBe(readCalendarBack(details.text).items.length);
    // Left out on purpose: nothing to report.
    expect(exportIcsDetails(await loadWorkspace(store('timezone: America/New_York\nprivate: [meeting.minutes]\n')), { now: EXPORT_NOW }).leftOut).toEqual([]);
  });

  describe('outcome events', () => {
    const note = (outcomes: string) => new MemoryStore({ 'marcus.md': `---\ntype: contact\nname: Marcus Bell\nstage: held\nhistory: [{date: 2026-11-20, stage: held}, {date: 2026-11-20, stage: thanked}]\n---\n\n## Outcomes\n\n${outcomes}` });
    const events = async (outcomes: string) =>
      readCalendarBack(exportIcs(await loadWorkspace(note(outcomes)), { now: EXPORT_NOW }))
        .items.filter((item) => item.uid.includes('-outcome-'))
        .map((item) => [item.uid, item.dtstart?.date, item.summary]);

    it('gives each dated outcome of one contact its own event, named by its kind and its place among those of that kind', async () => {
      const before = await events('- Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\n- Résumé review: he offered (by 2026-12-01)\n- Job shadow: a day on the unit (by 2026-12-15)\n');
      expect(before).toEqual([
        ['marcus-outcome-resume-review-1@rapport', '2026-12-01', 'Send your résumé to Marcus Bell for review'],
        ['marcus-outcome-lead-1@rapport', '2026-12-10', 'Follow up on the lead at Xcel Energy: Data Analyst II · Marcus Bell'],
        ['marcus-outcome-job-shadow-1@rapport', '2026-12-15', 'Arrange the job shadow with Marcus Bell: a day on the unit'],
      ]);
      // Another kind above it, and a new date: the same event.
      const moved = await events('- Advice: write every week\n- Lead: Xcel Energy: Data Analyst II (by 2026-12-12)\n');
      expect(moved).toEqual([['marcus-outcome-lead-1@rapport', '2026-12-12', 'Follow up on the lead at Xcel Energy: Data Analyst II · Marcus Bell']]);
    });

    it('keeps an outcome\'s UID when its words change, so a newer export updates the event instead of adding one', async () => {
      const before = await events('- Lead: Monongahela Valley Health: UX Research Associate (by 2026-12-04)\n');
      const after = await events('- Lead: Mon Valley Health: UX Research Associate, patient portal team (by 2026-12-04)\n');
      expect(before).toEqual([['marcus-outcome-lead-1@rapport', '2026-12-04', 'Follow up on the lead at Monongahela Valley Health: UX Research Associate · Marcus Bell']]);
      expect(after).toEqual([['marcus-outcome-lead-1@rapport', '2026-12-04', 'Follow up on the lead at Mon Valley Health: UX Research Associate, patient portal team · Marcus Bell']]);
      // A lead that became an offer: both labels are leads, so it is still the same event.
      expect(await events('- Offer: Mon Valley Health: UX Research Associate (by 2026-12-18)\n')).toEqual([
        ['marcus-outcome-lead-1@rapport', '2026-12-18', 'Follow up on the offer at Mon Valley Health: UX Research Associate · Marcus Bell'],
      ]);
    });

    it('counts outcomes ticked done and undated ones, so ticking one or adding one below moves no other event', async () => {
      const two = '- Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\n- Lead: Duquesne Light: Analyst (by 2026-12-20)\n';
      expect(await events(two)).toEqual([
        ['marcus-outcome-lead-1@rapport', '2026-12-10', 'Follow up on the lead at Xcel Energy: Data Analyst II · Marcus Bell'],
        ['marcus-outcome-lead-2@rapport', '2026-12-20', 'Follow up on the lead at Duquesne Light: Analyst · Marcus Bell'],
      ]);
      // The first ticked done: its event is no longer exported, and the second keeps its UID.
      expect(await events('- [x] Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\n- [ ] Lead: Duquesne Light: Analyst (by 2026-12-20)\n')).toEqual([
        ['marcus-outcome-lead-2@rapport', '2026-12-20', 'Follow up on the lead at Duquesne Light: Analyst · Marcus Bell'],
      ]);
      // An undated lead above still counts; a new one below takes the next number.
      expect(await events('- Lead: UPMC, no date yet\n' + two + '- Lead: Highmark: Researcher (by 2027-01-08)\n')).toEqual([
        ['marcus-outcome-lead-2@rapport', '2026-12-10', 'Follow up on the lead at Xcel Energy: Data Analyst II · Marcus Bell'],
        ['marcus-outcome-lead-3@rapport', '2026-12-20', 'Follow up on the lead at Duquesne Light: Analyst · Marcus Bell'],
        ['marcus-outcome-lead-4@rapport', '2027-01-08', 'Follow up on the lead at Highmark: Researcher · Marcus Bell'],
      ]);
    });

    it('gives each dated referral to add its own UID, where they all shared one', async () => {
      const referrals = '- Referral: Renee Jackson (by 2026-12-01)\n- Referral: [[dana-okafor]]\n- Referral: [[tom-reyes]] (by 2026-12-03)\n';
      expect(await events(referrals)).toEqual([
        ['marcus-outcome-referral-1@rapport', '2026-12-01', 'Add Renee Jackson (referred by Marcus Bell)'],
        ['marcus-outcome-referral-3@rapport', '2026-12-03', 'Add a note for [[tom-reyes]] (referred by Marcus Bell)'],
      ]);
    });
  });

  /** Ana: role, organization, place, a letter for her action. Bo: none of those. Dee: an action without a letter. Cy: an action without a day. */
  const described = (config: string) =>
    new MemoryStore({
      '.rapport/config.yaml': config,
      'ana.md': noteText(contactFields({ name: 'Ana Ruiz', stage: 'held', organization: 'Acme', role: 'Analyst', history: [{ date: '2026-11-20', stage: 'held' }], meeting: { at: '2026-11-20T10:00', minutes: 30, format: 'video', place: 'Room 4' } })),
      'bo.md': noteText(contactFields({ name: 'Bo', stage: 'held', organization: undefined, history: [{ date: '2026-11-20', stage: 'held' }], meeting: { at: '2026-11-20T11:00', minutes: 20, format: 'phone' } })),
      'cy.md': noteText(contactFields({ name: 'Cy', stage: 'identified', history: [{ date: '2026-11-20', stage: 'identified' }] })),
      'dee.md': noteText(contactFields({ name: 'Dee', stage: 'followed-up', organization: undefined, history: [{ date: '2026-11-02', stage: 'followed-up' }] })),
    });
  const eventsOf = async (config: string) => {
    const text = exportIcs(await loadWorkspace(described(config)), { now: EXPORT_NOW });
    return { text, byUid: Object.fromEntries(readCalendarBack(text).items.map((item) => [item.uid, item])) };
  };

  it('describes each meeting and each action in words: who, what, where, which letter, which note', async () => {
    const { text, byUid } = await eventsOf('timezone: America/New_York\n');
    expect(Object.keys(byUid).sort()).toEqual(['ana-meeting@rapport', 'ana-thank@rapport', 'bo-meeting@rapport', 'bo-thank@rapport', 'dee-give-up@rapport']);
    expect(byUid['ana-meeting@rapport']).toMatchObject({
      summary: 'Informational interview: Ana Ruiz (Acme)',
      location: 'Room 4',
      description: 'Informational interview with Ana Ruiz, Analyst, Acme.\nvideo, 30 minutes.\nPlace: Room 4\nNote: ana.md',
    });
    expect(byUid['bo-meeting@rapport']).toMatchObject({ summary: 'Informational interview: Bo', description: 'Informational interview with Bo.\nphone, 20 minutes.\nNote: bo.md' });
    expect(byUid['bo-meeting@rapport']!.location).toBeUndefined();
    expect(byUid['ana-thank@rapport']).toMatchObject({
      summary: 'Send Ana Ruiz a thank-you note',
      description: 'Send Ana Ruiz a thank-you note\nContact: Ana Ruiz (Acme), stage held\nLetter: rapport letter thank-you ana\nNote: ana.md',
      dtstart: { date: '2026-11-21' },
      dtend: { date: '2026-11-22' },
    });
    expect(byUid['bo-thank@rapport']!.description).toBe('Send Bo a thank-you note\nContact: Bo, stage held\nLetter: rapport letter thank-you bo\nNote: bo.md');
    // Followed up Monday 2026-11-02, given up 7 working days on.
    expect(byUid['dee-give-up@rapport']).toMatchObject({
      description: 'No reply from Dee since the follow-up: mark as no-response\nContact: Dee, stage followed-up\nNote: dee.md',
      dtstart: { date: '2026-11-11' },
      dtend: { date: '2026-11-12' },
    });
    expect(text).toContain('\r\nPRODID:-//Rapport//Rapport//EN\r\n');
    expect(text).toContain('\r\nX-WR-CALNAME:Rapport informational interviews\r\n');
  });

  it('leaves a private role, organization and place out of every summary, description and location', async () => {
    const { byUid } = await eventsOf('timezone: America/New_York\nprivate: [role, organization, meeting.place]\n');
    expect(byUid['ana-meeting@rapport']).toMatchObject({ summary: 'Informational interview: Ana Ruiz', description: 'Informational interview with Ana Ruiz.\nvideo, 30 minutes.\nNote: ana.md' });
    expect(byUid['ana-meeting@rapport']!.location).toBeUndefined();
    expect(byUid['ana-thank@rapport']!.description).toBe('Send Ana Ruiz a thank-you note\nContact: Ana Ruiz, stage held\nLetter: rapport letter thank-you ana\nNote: ana.md');
    const roleOnly = await eventsOf('timezone: America/New_York\nprivate: [organization]\n');
    expect(roleOnly.byUid['ana-meeting@rapport']!.description).toBe('Informational interview with Ana Ruiz, Analyst.\nvideo, 30 minutes.\nPlace: Room 4\nNote: ana.md');
    const organizationOnly = await eventsOf('timezone: America/New_York\nprivate: [role]\n');
    expect(organizationOnly.byUid['ana-meeting@rapport']!.description).toBe('Informational interview with Ana Ruiz, Acme.\nvideo, 30 minutes.\nPlace: Room 4\nNote: ana.md');
  });

  it('leaves out every event worked out from a private field: a hand-written next step, a second person at a private organization', async () => {
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(exportFolder('timezone: America/New_York\nprivate: [next, organization]\n')), { now: EXPORT_NOW }));
    expect(items.map((item) => [item.uid, item.summary]).sort()).toEqual([
      ['contacted-follow-up@rapport', 'Follow up with Hannah Schultz if there is no reply'],
      ['held-meeting@rapport', 'Informational interview: Marcus Bell'],
      ['held-thank@rapport', 'Send Marcus Bell a thank-you note'],
      ['summer-coffee-meeting@rapport', 'Informational interview: Zoë Ångström'],
      ['thanked-keep-in-touch@rapport', 'Keep in touch with Priya Raman'],
      ['thanked-meeting@rapport', 'Informational interview: Priya Raman'],
      ['winter-call-meeting@rapport', 'Informational interview: Sam Whitaker'],
      ['winter-call-prepare@rapport', 'Prepare for Sam Whitaker: research and questions'],
    ]);
  });

  it('with a private history, leaves out the actions dated from it and numbers every event 0', async () => {
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(exportFolder('timezone: America/New_York\nprivate: [history]\n')), { now: EXPORT_NOW }));
    // Preparing is dated by the meeting, a hand-written next step by its own `due`: neither needs the history.
    expect(items.map((item) => [item.uid, item.dtstart?.date ?? item.dtstart?.utc, item.sequence]).sort()).toEqual([
      ['held-meeting@rapport', '2026-11-20T12:15:00Z', 0],
      ['manual-manual@rapport', '2026-11-30', 0],
      ['summer-coffee-meeting@rapport', '2027-07-14T12:30:00Z', 0],
      ['thanked-meeting@rapport', '2026-11-12T13:00:00Z', 0],
      ['winter-call-meeting@rapport', '2026-12-01T14:00:00Z', 0],
      ['winter-call-prepare@rapport', '2026-11-27', 0],
    ]);
  });

  it('leaves meetings out altogether when `meeting` is private, and keeps the actions', async () => {
    const { byUid } = await eventsOf('timezone: America/New_York\nprivate: [meeting]\n');
    expect(Object.keys(byUid).sort()).toEqual(['ana-thank@rapport', 'bo-thank@rapport', 'dee-give-up@rapport']);
  });

  it('gives two notes with the same id UIDs from their paths, whichever sorts first, and any other note in a folder its id', async () => {
    const meeting = (at: string) => noteText(contactFields({ name: 'Ana Ruiz', stage: 'scheduled', history: [{ date: '2026-11-20', stage: 'scheduled' }], meeting: { at, minutes: 30, format: 'phone' } }));
    const store = new MemoryStore({
      '.rapport/config.yaml': 'timezone: America/New_York\n',
      'ana.md': meeting('2026-12-01T10:00'),
      'old.md/ana.md': meeting('2026-12-02T10:00'),
      // Sorted before ana.md, as trial 21's archived copy was: it must not take the UID ana.md keeps.
      'a-closed/ana.md': meeting('2026-12-04T10:00'),
      'people/bo.md': meeting('2026-12-03T10:00'),
    });
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(store), { now: EXPORT_NOW }));
    const meetings = items.filter((item) => item.uid.endsWith('-meeting@rapport')).map((item) => [item.uid, item.dtstart?.utc]);
    expect(meetings.sort()).toEqual([
      ['a-closed/ana-meeting@rapport', '2026-12-04T15:00:00Z'],
      ['ana-meeting@rapport', '2026-12-01T15:00:00Z'],
      ['bo-meeting@rapport', '2026-12-03T15:00:00Z'],
      ['old.md/ana-meeting@rapport', '2026-12-02T15:00:00Z'],
    ]);
  });

  it('covers every meeting with its zone’s rules, from the year before the first to the year after the last', async () => {
    const meeting = (at: string) => noteText(contactFields({ name: 'Ana Ruiz', stage: 'scheduled', history: [{ date: '2026-06-01', stage: 'scheduled' }], meeting: { at, minutes: 30, format: 'phone' } }));
    const store = new MemoryStore({ '.rapport/config.yaml': 'timezone: America/New_York\n', 'early.md': meeting('2026-07-01T10:00'), 'late.md': meeting('2030-07-01T10:00') });
    const { items } = readCalendarBack(exportIcs(await loadWorkspace(store), { now: EXPORT_NOW }));
    const starts = Object.fromEntries(items.filter((item) => item.uid.endsWith('-meeting@rapport')).map((item) => [item.uid, item.dtstart]));
    expect(starts['early-meeting@rapport']).toMatchObject({ local: '2026-07-01T10:00:00', utc_by_vtimezone: '2026-07-01T14:00:00Z' });
    expect(starts['late-meeting@rapport']).toMatchObject({ local: '2030-07-01T10:00:00', utc_by_vtimezone: '2030-07-01T14:00:00Z' });
  });

  it('writes no VTIMEZONE for UTC, and one for a fixed-offset zone such as Etc/GMT+5', async () => {
    const meeting = noteText(contactFields({ name: 'Ana Ruiz', stage: 'scheduled', history: [{ date: '2026-11-20', stage: 'scheduled' }], meeting: { at: '2026-12-01T10:00', minutes: 30, format: 'phone' } }));
    const utc = exportIcs(await loadWorkspace(new MemoryStore({ '.rapport/config.yaml': 'timezone: UTC\n', 'ana.md': meeting })), { now: EXPORT_NOW });
    expect(utc).not.toContain('BEGIN:VTIMEZONE');
    expect(readCalendarBack(utc).items.find((item) => item.uid === 'ana-meeting@rapport')!.dtstart).toMatchObject({ utc: '2026-12-01T10:00:00Z' });
    // Etc/GMT+5 is five hours behind UTC (POSIX sign).
    const fixed = exportIcs(await loadWorkspace(new MemoryStore({ '.rapport/config.yaml': 'timezone: Etc/GMT+5\n', 'ana.md': meeting })), { now: EXPORT_NOW });
    const { zones, items } = readCalendarBack(fixed);
    expect(zones).toEqual(['Etc/GMT+5']);
    expect(items.find((item) => item.uid === 'ana-meeting@rapport')!.dtstart).toMatchObject({ tzid: 'Etc/GMT+5', local: '2026-12-01T10:00:00', utc_by_vtimezone: '2026-12-01T15:00:00Z' });
  });
});
