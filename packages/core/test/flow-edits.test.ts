import { describe, expect, it } from 'vitest';
import { advance, editNote, loadWorkspace, markLetterSent, MemoryStore } from '../src/index.js';
import { importContacts, parseVCards } from '../src/import/index.js';

/**
 * Issue 16.2, from the user's side: every writing command that edits a note
 * whose history is a flow collection leaves each existing byte alone. Values
 * like `02134` or `1.10` would read back the same as `2134` or `1.1`, so only
 * a byte comparison shows they were kept.
 */

const HISTORY = 'history: [{date: 2026-11-01, stage: contacted, zip: 02134, phone: +14125550142, ref: 12345678901234567890, hex: 0x1F, room: 1.10}]';
const OWEN = ['---', 'type: contact', 'name: Owen Park', 'organization: Lumen Diagnostics', 'stage: contacted # first letter out', HISTORY, 'email: # none yet', '---', '', '## Notes', ''].join('\n');
const MULTILINE = [
  '---',
  'type: contact',
  'name: Owen Park',
  'organization: Lumen Diagnostics',
  'stage: contacted',
  'history: [',
  '  {date: 2026-11-01, stage: identified, zip: 02134}, # found at the meetup',
  '  # the letter went out a week later',
  '  { date: 2026-11-08, stage: contacted, room: 1.10 }',
  ']',
  'meeting: # tbd',
  '---',
  '',
].join('\n');

async function workspaceWith(text: string) {
  return loadWorkspace(new MemoryStore({ 'owen-park.md': text }));
}

async function noteAfter(workspace: Awaited<ReturnType<typeof workspaceWith>>): Promise<string> {
  return (await workspace.store.read('owen-park.md'))!.text;
}

describe('editing a note whose history is a flow collection', () => {
  it('advance inserts the new entry and keeps every value as written', async () => {
    const workspace = await workspaceWith(OWEN);
    await editNote(workspace, 'owen-park.md', (text) => advance(text, 'followed-up', { date: '2026-11-23', via: 'email' }));
    expect(await noteAfter(workspace)).toBe(OWEN.replace('stage: contacted #', 'stage: followed-up #').replace('1.10}]', '1.10}, {date: 2026-11-23, stage: followed-up, via: email}]'));
  });

  it('advance to scheduled keeps the comments of a multi-line flow list and of a blank meeting', async () => {
    const workspace = await workspaceWith(MULTILINE);
    await editNote(workspace, 'owen-park.md', (text) => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-12-01T10:00', minutes: 30, format: 'phone' } }));
    expect(await noteAfter(workspace)).toBe(
      MULTILINE.replace('room: 1.10 }\n', 'room: 1.10 },\n  { date: 2026-11-23, stage: scheduled }\n')
        .replace('stage: contacted\n', 'stage: scheduled\n')
        .replace('meeting: # tbd\n', 'meeting: # tbd\n  at: 2026-12-01T10:00\n  minutes: 30\n  format: phone\n'),
    );
  });

  it('letter --sent records the letter the same way', async () => {
    const workspace = await workspaceWith(OWEN);
    await markLetterSent(workspace, 'owen-park', 'follow-up', { date: '2026-11-23', via: 'linkedin', stage: 'followed-up' });
    expect(await noteAfter(workspace)).toBe(OWEN.replace('stage: contacted #', 'stage: followed-up #').replace('1.10}]', '1.10}, {date: 2026-11-23, stage: followed-up, via: linkedin, letter: follow-up}]'));
  });

  it('import fills an empty field and keeps its comment, touching nothing else', async () => {
    const workspace = await workspaceWith(OWEN);
    const vcard = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Owen Park', 'ORG:Lumen Diagnostics', 'EMAIL:owen@example.com', 'END:VCARD', ''].join('\r\n');
    const summary = await importContacts(workspace, parseVCards(vcard, 'owen.vcf'), { today: '2026-11-23' });
    expect(summary.updated.map((entry) => entry.fields)).toEqual([['email']]);
    expect(await noteAfter(workspace)).toBe(OWEN.replace('email: # none yet', 'email: owen@example.com # none yet'));
  });
});
