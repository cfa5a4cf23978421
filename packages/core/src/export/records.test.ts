import { describe, expect, it } from 'vitest';
import { EXPORT_NOW, exportFolder } from '../test-support/export-notes.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { exportJson } from './records.js';

describe('exportJson', () => {
  it('writes one object per contact: every frontmatter field, the next action and its due date', async () => {
    const workspace = await loadWorkspace(exportFolder('timezone: America/New_York\n'));
    const records = JSON.parse(exportJson(workspace, { now: EXPORT_NOW })) as Record<string, unknown>[];
    const contacts = workspace.index.contacts();
    expect(records).toHaveLength(contacts.length);
    // Each contact's main next action on Monday 2026-11-23, worked out from its stage and history.
    const next: Record<string, [string | null, string | null]> = {
      'winter-call': ['Prepare for Sam Whitaker: research and questions', '2026-11-27'],
      'summer-coffee': ['Meet Zoë Ångström at 08:30 (in-person, 45 min)', '2027-07-14'],
      held: ['Send Marcus Bell a thank-you note', '2026-11-21'],
      thanked: ['Keep in touch with Priya Raman', '2027-01-12'],
      contacted: ['Follow up with Hannah Schultz if there is no reply', '2026-11-16'],
      manual: ['Ask Dana about Keisha', '2026-11-30'],
      closed: [null, null],
    };
    // Each meeting's start on New York's clock, with its offset that day (summer time in July), however the note wrote it.
    const starts: Record<string, string | null> = {
      'winter-call': '2026-12-01T09:00-05:00',
      'summer-coffee': '2027-07-14T08:30-04:00',
      held: '2026-11-20T07:15-05:00',
      thanked: '2026-11-12T08:00-05:00',
      contacted: null,
      manual: null,
      closed: null,
    };
    expect(records.map((record) => record.id).sort()).toEqual(Object.keys(next).sort());
    for (const [index, contact] of contacts.entries()) {
      const [action, due] = next[contact.id]!;
      expect(records[index]).toEqual({ id: contact.id, file: contact.file, ...contact.fields, meeting_start: starts[contact.id], next_action: action, next_due: due });
    }
    expect(Object.keys(records[0]!).slice(0, 4)).toEqual(['id', 'file', 'name', 'stage']);
    expect(Object.keys(records[0]!).slice(-3)).toEqual(['meeting_start', 'next_action', 'next_due']);
    expect(records.find((record) => record.id === 'closed')).toMatchObject({ next_action: null, next_due: null, score: -3 });
  });

  it('leaves private fields out, nested ones included', async () => {
    const workspace = await loadWorkspace(exportFolder());
    const records = JSON.parse(exportJson(workspace, { now: EXPORT_NOW })) as Record<string, unknown>[];
    const sam = records.find((record) => record.id === 'winter-call')!;
    expect(sam).not.toHaveProperty('phone');
    expect(sam.meeting).toEqual({ at: '2026-12-01T09:00-05:00', minutes: 30, format: 'video' });
    expect(records.find((record) => record.id === 'summer-coffee')).not.toHaveProperty('salary');
  });

  it("writes each meeting's start in the config's zone, and none where the meeting is private", async () => {
    const starts = async (config: string) => Object.fromEntries((JSON.parse(exportJson(await loadWorkspace(exportFolder(config)), { now: EXPORT_NOW })) as Record<string, unknown>[]).filter((record) => record.meeting_start !== null).map((record) => [record.id, record.meeting_start]));
    // 09:00 written at -05:00 is 15:00 in Berlin; 08:30 written without an offset is read on Berlin's clock (summer time in July).
    expect(await starts('timezone: Europe/Berlin\n')).toEqual({ 'winter-call': '2026-12-01T15:00+01:00', 'summer-coffee': '2027-07-14T08:30+02:00', held: '2026-11-20T13:15+01:00', thanked: '2026-11-12T14:00+01:00' });
    expect(await starts('timezone: America/New_York\nprivate: [meeting]\n')).toEqual({});
    expect(await starts('timezone: America/New_York\nprivate: [meeting.at]\n')).toEqual({});
  });

  const nextOf = async (config: string) => {
    const records = JSON.parse(exportJson(await loadWorkspace(exportFolder(config)), { now: EXPORT_NOW })) as Record<string, unknown>[];
    return Object.fromEntries(records.map((record) => [record.id, [record.next_action, record.next_due]]));
  };

  it('leaves out a next action worked out from a private meeting: its time, format and length, and the day to prepare', async () => {
    expect(await nextOf('timezone: America/New_York\nprivate: [meeting]\n')).toEqual({
      // "Prepare for Sam Whitaker" is due before his meeting (the Friday before, two days before is a Sunday); "Meet Zoë Ångström at 08:30 (in-person, 45 min)" is the meeting.
      'winter-call': [null, null],
      'summer-coffee': [null, null],
      held: ['Send Marcus Bell a thank-you note', '2026-11-21'],
      thanked: ['Keep in touch with Priya Raman', '2027-01-12'],
      contacted: ['Follow up with Hannah Schultz if there is no reply', '2026-11-16'],
      manual: ['Ask Dana about Keisha', '2026-11-30'],
      closed: [null, null],
    });
    // The format or the length alone is enough: "Meet … (in-person, 45 min)" says both.
    expect((await nextOf('timezone: America/New_York\nprivate: [meeting.format]\n'))['summer-coffee']).toEqual([null, null]);
    expect((await nextOf('timezone: America/New_York\nprivate: [meeting.place, meeting.link]\n'))['summer-coffee']).toEqual(['Meet Zoë Ångström at 08:30 (in-person, 45 min)', '2027-07-14']);
  });

  it('leaves out a next action written by hand in a private `next`, rather than one the note overrides', async () => {
    const next = await nextOf('timezone: America/New_York\nprivate: [next]\n');
    expect(next.manual).toEqual([null, null]);
    expect(next.contacted).toEqual(['Follow up with Hannah Schultz if there is no reply', '2026-11-16']);
    expect((await nextOf('timezone: America/New_York\nprivate: [next.due]\n')).manual).toEqual([null, null]);
  });

  it('keeps an action that does not come from a private field, without a date that does', async () => {
    // With `history` private, when each stage began is private, and so is every date worked out from it.
    expect(await nextOf('timezone: America/New_York\nprivate: [history]\n')).toMatchObject({
      held: ['Send Marcus Bell a thank-you note', null],
      thanked: ['Keep in touch with Priya Raman', null],
      contacted: ['Follow up with Hannah Schultz if there is no reply', null],
      manual: ['Ask Dana about Keisha', '2026-11-30'],
    });
  });

  it('keeps Rapport’s own id, file, stage and next action when a note has fields of those names', async () => {
    const store = new MemoryStore({
      'ana.md': noteText(contactFields({ name: 'Ana Ruiz', id: 'someone-else', file: 'cv.pdf', next_action: 'Nothing', next_due: 'never', email: null })),
    });
    const text = exportJson(await loadWorkspace(store), { now: EXPORT_NOW });
    expect(JSON.parse(text)).toEqual([
      { id: 'ana', file: 'ana.md', name: 'Ana Ruiz', stage: 'identified', type: 'contact', organization: 'Acme Health', history: [{ date: '2026-11-02', stage: 'identified' }], email: null, meeting_start: null, next_action: 'Write to Ana Ruiz', next_due: null },
    ]);
  });

  it('writes an empty folder as an empty list, ending the file with a line break', async () => {
    expect(exportJson(await loadWorkspace(new MemoryStore({})), { now: EXPORT_NOW })).toBe('[]\n');
  });
});
