import { describe, expect, it } from 'vitest';
import { advance, editNote, isMeetingTime, loadWorkspace, readNote } from '../src/index.js';
import { isMeetingLink } from '../src/model/vocabulary.js';
import { parseVCards } from '../src/import/index.js';
import { MemoryStore } from '../src/workspace/memory-store.js';

const NOTE = '---\ntype: contact\nname: Owen Park\nstage: contacted\nhistory:\n  - date: 2026-11-16\n    stage: contacted\n';

describe('meeting times and links', () => {
  it('accepts offsets real zones use and refuses the rest', () => {
    for (const value of ['2026-12-01T10:00', '2026-12-01T10:00Z', '2026-12-01T10:00-05:00', '2026-12-01T10:00+14:00', '2026-12-01T10:00-12:00', '2026-12-01T10:00+0530']) expect(isMeetingTime(value), value).toBe(true);
    for (const value of ['2026-12-01T10:00+25:00', '2026-12-01T10:00+15:00', '2026-12-01T10:00-14:30', '2026-12-01T10:00+05:60', '2026-12-01T10:00+99:99']) expect(isMeetingTime(value), value).toBe(false);
  });

  it('refuses to schedule with an offset out of range or a link that is not a URL, naming the value', () => {
    const text = `${NOTE}---\n`;
    expect(() => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-12-01T10:00+25:00' } })).toThrow('invalid meeting time "2026-12-01T10:00+25:00" (use YYYY-MM-DDTHH:mm, with an offset from -12:00 to +14:00 if any)');
    expect(() => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-12-01T10:00', link: 'not a url' } })).toThrow('invalid meeting link "not a url" (use a full https:// address such as https://meet.example.com/abc, or a dial-in such as tel:+14125550142)');
    expect(advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-12-01T10:00', link: 'tel:+14125550142' } })).toContain('  link: tel:+14125550142\n');
  });

  it('take a web address, a dial-in or a SIP address, and refuse schemes that are no place to meet or run code when opened', () => {
    for (const link of ['https://meet.example.com/abc', 'http://intranet.example.org/room-4', 'tel:+14125550142', 'tel:+1-412-555-0142,,1234#', 'tel:(412)555.0142;ext=12', 'sip:owen@example.com', 'sips:owen@example.com']) {
      expect(isMeetingLink(link), link).toBe(true);
    }
    for (const link of ['javascript:alert(document.cookie)', 'JavaScript:alert(1)', 'data:text/html,<b>hi</b>', 'file:///etc/passwd', 'mailto:owen@example.com', 'vbscript:msgbox', 'tel:abc', 'tel:', 'sip:owen', 'https://', 'meet.example.com/abc', 'https://meet.example.com/a b']) {
      expect(isMeetingLink(link), link).toBe(false);
    }
    const text = `${NOTE}---\n`;
    expect(() => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-12-01T10:00', link: 'javascript:alert(document.cookie)' } })).toThrow('invalid meeting link "javascript:alert(document.cookie)"');
    const reading = readNote('owen-park.md', `${NOTE}meeting:\n  at: 2026-12-01T10:00\n  link: "data:text/html,<b>hi</b>"\n---\n`);
    expect(reading.diagnostics.map(({ line, rule, message }) => ({ line, rule, message }))).toEqual([{ line: 10, rule: 'invalid-value', message: '`link` is not a meeting link: "data:text/html,<b>hi</b>"' }]);
    // Left out of what is read, so no export or view offers it.
    expect(reading.contact?.meeting?.link).toBeUndefined();
  });

  it('are flagged by the note reader at their place', () => {
    const reading = readNote('owen-park.md', `${NOTE}meeting:\n  at: 2026-12-01T10:00+25:00\n  link: not a url\n---\n`);
    expect(reading.diagnostics.map(({ line, column, rule, message }) => ({ line, column, rule, message }))).toEqual([
      { line: 9, column: 7, rule: 'invalid-date', message: 'Not a valid meeting time: "2026-12-01T10:00+25:00"' },
      { line: 10, column: 9, rule: 'invalid-value', message: '`link` is not a meeting link: "not a url"' },
    ]);
    const good = readNote('owen-park.md', `${NOTE}meeting:\n  at: 2026-12-01T10:00-05:00\n  link: https://meet.example.com/abc\n---\n`);
    expect(good.diagnostics).toEqual([]);
    expect(good.contact!.meeting).toEqual({ at: '2026-12-01T10:00-05:00', minutes: 30, format: 'video', link: 'https://meet.example.com/abc' });
  });
});

describe('a frontmatter closed by YAML’s end marker `...`', () => {
  it('is read like one closed by `---`, and edits keep the marker', async () => {
    const text = `${NOTE}...\n\n# Owen Park\n`;
    const reading = readNote('owen-park.md', text);
    expect(reading.diagnostics).toEqual([]);
    expect(reading.contact).toMatchObject({ name: 'Owen Park', stage: 'contacted' });
    const workspace = await loadWorkspace(new MemoryStore({ 'owen-park.md': text }));
    await editNote(workspace, 'owen-park.md', (note) => advance(note, 'followed-up', { date: '2026-11-23' }));
    expect(await workspace.store.read('owen-park.md')).toMatchObject({ text: `${NOTE.replace('stage: contacted\nhistory', 'stage: followed-up\nhistory')}  - date: 2026-11-23\n    stage: followed-up\n...\n\n# Owen Park\n` });
  });
});

describe('vCard 3.0 quoted-printable values', () => {
  it('are decoded in their charset, soft line breaks joined', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BC=',
      'ller',
      'ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:B=E4ckerei Schmidt',
      'TITLE;ENCODING=QUOTED-PRINTABLE:Head of R=26D',
      'EMAIL:juergen@example.com',
      'END:VCARD',
      '',
    ].join('\r\n');
    const reading = parseVCards(card, 'phone.vcf');
    expect(reading.diagnostics).toEqual([]);
    expect(reading.candidates).toEqual([{ line: 1, name: 'Jürgen Müller', emails: ['juergen@example.com'], organization: 'Bäckerei Schmidt', role: 'Head of R&D' }]);
  });
});
