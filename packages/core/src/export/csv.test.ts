import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXPORT_NOW, exportFolder } from '../test-support/export-notes.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { exportCsv, flattenRecord } from './csv.js';
import { contactRecords } from './records.js';

async function exported(config?: string) {
  const workspace = await loadWorkspace(exportFolder(config));
  const text = exportCsv(workspace, { now: EXPORT_NOW });
  const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
  return { workspace, text, rows, byId: new Map(rows.map((row) => [row.id!, row])) };
}

describe('exportCsv, parsed back with csv-parse', () => {
  it('writes one row per contact with every frontmatter field and the computed next action', async () => {
    const { workspace, rows, byId } = await exported();
    expect(rows.map((row) => row.id)).toEqual(workspace.index.contacts().map((contact) => contact.id));
    const records = contactRecords(workspace, { now: EXPORT_NOW });
    for (const record of records) {
      const row = byId.get(record.id as string)!;
      expect(row.name).toBe(record.name);
      expect(row.stage).toBe(record.stage);
      expect(row.next_action).toBe(record.next_action ?? '');
      expect(row.next_due).toBe(record.next_due ?? '');
    }
    expect(byId.get('contacted')!.next_action).toBe('Follow up with Hannah Schultz if there is no reply');
    expect(byId.get('manual')).toMatchObject({ next_action: 'Ask Dana about Keisha', next_due: '2026-11-30', 'next.action': 'Ask Dana about Keisha', 'next.due': '2026-11-30' });
  });

  it('flattens lists with "; ", mappings into dotted columns and deeper values into JSON', async () => {
    const { text, byId } = await exported('timezone: America/New_York\n');
    const header = text.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['id', 'file', 'name', 'stage']);
    expect(header.slice(-2)).toEqual(['next_action', 'next_due']);
    const sam = byId.get('winter-call')!;
    expect(sam.tags).toBe('human-factors; devices');
    expect(sam).toMatchObject({ 'meeting.at': '2026-12-01T09:00-05:00', 'meeting.minutes': '30', 'meeting.format': 'video', 'meeting.link': 'https://meet.example/sam' });
    expect(JSON.parse(sam.history!)).toEqual([
      { date: '2026-10-08', stage: 'identified' },
      { date: '2026-10-13', stage: 'contacted' },
      { date: '2026-11-18', stage: 'scheduled' },
    ]);
    expect(byId.get('summer-coffee')!.met_at).toBe('Health 2.0, "Pittsburgh"');
    expect(byId.get('summer-coffee')!['meeting.place']).toBe('Café on Bryant St, Highland Park; by the window');
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const { byId } = await exported('timezone: America/New_York\n');
    expect(byId.get('summer-coffee')!.role).toBe("'=2+3");
    expect(byId.get('summer-coffee')!.call_back).toBe("'+1 412 555 0199");
    expect(byId.get('manual')!.organization).toBe("'-Three Rivers Health");
    expect(byId.get('contacted')!.email).toBe("'@hannah");
    expect(byId.get('closed')!.tab_note).toBe("'\tindented");
    expect(byId.get('closed')!.cr_note).toBe("'\rreturn");
    // A number is a number, not a formula.
    expect(byId.get('closed')!.score).toBe('-3');
    expect(byId.get('winter-call')!.phone).toBe("'+1 412 555 0100");
  });

  it('leaves private fields out, by name and by dotted path', async () => {
    const { text, byId } = await exported();
    const header = text.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    expect(header).not.toContain('phone');
    expect(header).not.toContain('salary');
    expect(header).not.toContain('meeting.link');
    expect(header).toContain('meeting.at');
    expect(text).not.toContain('412 555 0100');
    expect(text).not.toContain('none of your business');
    expect(byId.get('winter-call')!['meeting.at']).toBe('2026-12-01T09:00-05:00');
  });

  it('leaves the next action empty when it comes from a private field', async () => {
    const { byId } = await exported('timezone: America/New_York\nprivate: [meeting, next]\n');
    expect(byId.get('summer-coffee')).toMatchObject({ next_action: '', next_due: '' });
    expect(byId.get('winter-call')).toMatchObject({ next_action: '', next_due: '' });
    expect(byId.get('manual')).toMatchObject({ next_action: '', next_due: '' });
    expect(byId.get('held')).toMatchObject({ next_action: 'Send Marcus Bell a thank-you note', next_due: '2026-11-21' });
  });

  it('writes RFC 4180 text: CRLF records, a UTF-8 BOM, quoted fields', async () => {
    const { text } = await exported();
    expect(text.startsWith('\uFEFFid,file,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Fjord Health; Nordics, AB"');
  });

  it('orders the columns: identity, Rapport’s fields, other fields as first met, the computed next action; each once', async () => {
    const { text, byId } = await exported('timezone: America/New_York\n');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'id,file,name,stage,role,organization,email,phone,linkedin,tags,meeting.at,meeting.minutes,meeting.format,meeting.place,meeting.link,next.action,next.due,touch_every,history,type,tab_note,cr_note,score,salary,met_at,call_back,meeting_start,next_action,next_due',
    );
    // A field the note does not have is an empty cell.
    expect(byId.get('closed')).toMatchObject({ email: '', phone: '', 'meeting.at': '', salary: '' });
  });

  it('writes only the header for an empty folder', async () => {
    expect(exportCsv(await loadWorkspace(new MemoryStore({})), { now: EXPORT_NOW })).toBe('\uFEFFid,file,name,stage,meeting_start,next_action,next_due\r\n');
  });
});

describe('flattenRecord', () => {
  it('handles nulls, nested lists and mixed lists', () => {
    expect(flattenRecord({ a: null, b: [1, 'x', null], c: { d: [1, 2], e: { f: 1 } }, g: [{ h: 1 }] })).toEqual({ a: '', b: '1; x; ', 'c.d': '1; 2', 'c.e': '{"f":1}', g: '[{"h":1}]' });
  });

  it('keeps numbers and booleans as they are, leaves undefined empty, and writes a list holding any mapping as JSON', () => {
    expect(flattenRecord({ n: -3, yes: true, no: false, gone: undefined, mixed: [1, { a: 1 }] })).toEqual({ n: -3, yes: true, no: false, gone: '', mixed: '[1,{"a":1}]' });
  });
});
