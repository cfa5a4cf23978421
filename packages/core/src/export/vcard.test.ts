import { describe, expect, it } from 'vitest';
import { parseVCards } from '../import/vcard.js';
import { exportFolder } from '../test-support/export-notes.js';
import { readCardsBack } from '../../test/support/read-back.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { exportVCards } from './vcard.js';

describe('exportVCards, read back by Python vobject', () => {
  it('writes one vCard 4.0 per contact whose fields match the note', async () => {
    const workspace = await loadWorkspace(exportFolder('timezone: America/New_York\n'));
    const cards = readCardsBack(exportVCards(workspace));
    const contacts = workspace.index.contacts();
    expect(cards.map((card) => card.fn)).toEqual(contacts.map((contact) => contact.name));
    for (const [index, contact] of contacts.entries()) {
      const card = cards[index]!;
      expect(card.version).toBe('4.0');
      expect(card.uid).toBe(`${contact.id}@rapport`);
      expect(card.org).toEqual(contact.organization ? [[contact.organization]] : []);
      expect(card.title).toEqual(contact.role ? [contact.role] : []);
      expect(card.email).toEqual(contact.email ? [contact.email] : []);
      expect(card.tel).toEqual(contact.phone ? [contact.phone] : []);
      expect(card.url).toEqual(contact.linkedin ? [contact.linkedin] : []);
      expect(card.note).toEqual([`Informational interview stage: ${contact.stage}`]);
      expect(card.categories).toEqual(contact.tags.length > 0 ? [[...contact.tags]] : []);
    }
  });

  it('gives two notes with one id UIDs from their paths, so an address book keeps both cards', async () => {
    const owen = (stage: string) => noteText(contactFields({ name: 'Owen Park', stage }));
    const workspace = await loadWorkspace(new MemoryStore({ 'owen-park.md': owen('contacted'), 'closed/owen-park.md': owen('archived'), 'people/ana-ruiz.md': noteText(contactFields({ name: 'Ana Ruiz', stage: 'identified' })) }));
    expect(readCardsBack(exportVCards(workspace)).map((card) => [card.uid, card.note[0]]).sort()).toEqual([
      ['ana-ruiz@rapport', 'Informational interview stage: identified'],
      ['closed/owen-park@rapport', 'Informational interview stage: archived'],
      ['owen-park@rapport', 'Informational interview stage: contacted'],
    ]);
  });

  it('keeps non-ASCII names and escaped commas and semicolons intact', async () => {
    const cards = readCardsBack(exportVCards(await loadWorkspace(exportFolder())));
    const zoe = cards.find((card) => card.uid === 'summer-coffee@rapport')!;
    expect(zoe.fn).toBe('Zoë Ångström');
    expect(zoe.n).toEqual({ family: 'Ångström', given: 'Zoë' });
    expect(zoe.org).toEqual([['Fjord Health; Nordics, AB']]);
    expect(zoe.title).toEqual(['=2+3']);
  });

  it('leaves private fields out', async () => {
    const cards = readCardsBack(exportVCards(await loadWorkspace(exportFolder())));
    expect(cards.find((card) => card.uid === 'winter-call@rapport')!.tel).toEqual([]);
    const open = readCardsBack(exportVCards(await loadWorkspace(exportFolder('timezone: America/New_York\n'))));
    expect(open.find((card) => card.uid === 'winter-call@rapport')!.tel).toEqual(['+1 412 555 0100']);
  });

  it('round-trips through Rapport’s own vCard import', async () => {
    const workspace = await loadWorkspace(exportFolder('timezone: America/New_York\n'));
    const reading = parseVCards(exportVCards(workspace), 'export.vcf');
    expect(reading.diagnostics).toEqual([]);
    expect(reading.candidates.map((candidate) => [candidate.name, candidate.organization, candidate.role, candidate.emails[0]])).toEqual(
      workspace.index.contacts().map((contact) => [contact.name, contact.organization, contact.role, contact.email]),
    );
  });

  it('writes nothing for an empty folder', async () => {
    expect(exportVCards(await loadWorkspace(new MemoryStore({})))).toBe('');
  });

  const people = (config: string) =>
    new MemoryStore({
      '.rapport/config.yaml': config,
      'ana.md': noteText(
        contactFields({ name: 'Ana Ruiz', stage: 'contacted', organization: 'Acme', role: 'Analyst', email: 'ana@acme.example', phone: '+1 412 555 0100', linkedin: 'https://www.linkedin.com/in/ana-ruiz', tags: ['ux', 'health'], history: [{ date: '2026-11-02', stage: 'contacted' }] }),
      ),
      'cher.md': noteText(contactFields({ name: 'Cher', organization: '', role: '' })),
      'mary.md': noteText(contactFields({ name: ' Mary  Ann Smith ', organization: undefined })),
    });

  it('writes each card line by line (in the order of names): N from the name, N from the name, the LinkedIn URL typed, the stage as a note, tags as categories', async () => {
    expect(exportVCards(await loadWorkspace(people('timezone: America/New_York\n')))).toBe(
      [
        // Spaces around and inside the name do not make empty name parts.
        'BEGIN:VCARD',
        'VERSION:4.0',
        'KIND:individual',
        'UID;VALUE=text:mary@rapport',
        'FN: Mary  Ann Smith ',
        'N:Smith;Mary Ann;;;',
        'NOTE:Informational interview stage: identified',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'KIND:individual',
        'UID;VALUE=text:ana@rapport',
        'FN:Ana Ruiz',
        'N:Ruiz;Ana;;;',
        'ORG:Acme',
        'TITLE:Analyst',
        'EMAIL:ana@acme.example',
        'TEL;VALUE=TEXT:+1 412 555 0100',
        'URL;TYPE=linkedin:https://www.linkedin.com/in/ana-ruiz',
        'NOTE:Informational interview stage: contacted',
        'CATEGORIES:ux,health',
        'END:VCARD',
        // A one-word name is a given name; an empty organization or role writes no line.
        'BEGIN:VCARD',
        'VERSION:4.0',
        'KIND:individual',
        'UID;VALUE=text:cher@rapport',
        'FN:Cher',
        'N:;Cher;;;',
        'NOTE:Informational interview stage: identified',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('takes a title into the prefixes and reads a name written last name first', async () => {
    const store = new MemoryStore({
      'kate.md': noteText(contactFields({ name: "O'Brien, Kate" })),
      'ana.md': noteText(contactFields({ name: 'Dr. Ana Lima' })),
    });
    const lines = exportVCards(await loadWorkspace(store)).split('\r\n');
    expect(lines.filter((line) => line.startsWith('N:'))).toEqual(['N:Lima;Ana;;Dr.;', "N:O'Brien;Kate;;;"]);
  });

  it('puts credentials, written after the name or in `credentials`, into the suffixes, each once', async () => {
    const store = new MemoryStore({
      'priya.md': noteText(contactFields({ name: 'Priya Shah', credentials: 'MBA, CSCP' })),
      'tom.md': noteText(contactFields({ name: 'Tom Becker, P.E.', credentials: 'PMP, P.E.' })),
      'bo.md': noteText(contactFields({ name: 'Bo Li', credentials: 'PhD' })),
    });
    const lines = exportVCards(await loadWorkspace(store)).split('\r\n');
    expect(lines.filter((line) => line.startsWith('FN:') || line.startsWith('N:'))).toEqual(['FN:Bo Li', 'N:Li;Bo;;;PhD', 'FN:Priya Shah', 'N:Shah;Priya;;;MBA\\, CSCP', 'FN:Tom Becker\\, P.E.', 'N:Becker;Tom;;;P.E.\\, PMP']);
    const hidden = new MemoryStore({ 'bo.md': noteText(contactFields({ name: 'Bo Li', credentials: 'PhD' })), '.rapport/config.yaml': 'private: [credentials]\n' });
    expect(exportVCards(await loadWorkspace(hidden)).split('\r\n').filter((line) => line.startsWith('N:'))).toEqual(['N:Li;Bo;;;']);
  });

  it('leaves every private field out of the card, the name excepted', async () => {
    const text = exportVCards(await loadWorkspace(people('timezone: America/New_York\nprivate: [organization, role, email, phone, linkedin, stage, tags]\n')));
    expect(text.split('END:VCARD\r\n')[1]).toBe(['BEGIN:VCARD', 'VERSION:4.0', 'KIND:individual', 'UID;VALUE=text:ana@rapport', 'FN:Ana Ruiz', 'N:Ruiz;Ana;;;', ''].join('\r\n'));
  });
});
