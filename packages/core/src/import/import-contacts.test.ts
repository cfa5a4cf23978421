import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NodeStore } from '../node/node-store.js';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, RapportError } from '../errors.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { MemoryStore } from '../workspace/memory-store.js';
import type { NewFile, StoredText, WriteOptions } from '../workspace/store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { exportVCards } from '../export/vcard.js';
import { importContacts } from './import-contacts.js';
import { parseLinkedInConnections } from './linkedin.js';
import { parseVCards } from './vcard.js';

const fixture = (name: string) => readFileSync(new URL(`../../test-fixtures/import/${name}`, import.meta.url), 'utf8');
const linkedin = () => parseLinkedInConnections(fixture('linkedin-connections.csv'), 'Connections.csv');
const TODAY = '2026-11-23';

/** Notes that some fixture rows match: by LinkedIn URL (Victor), email (Lauren, Elena), name and organization (Ben). */
const VICTOR = noteText(
  contactFields({ name: 'Victor Nguyen', stage: 'followed-up', organization: 'Vitalis EHR', role: 'Clinical Product Designer', linkedin: 'https://www.linkedin.com/in/victor-nguyen-design-example', source: 'linkedin', history: [{ date: '2026-10-26', stage: 'identified' }, { date: '2026-11-09', stage: 'followed-up' }] }),
  '\n# Victor Nguyen\n',
);
const LAUREN = [
  '---',
  'type: contact',
  "name: 'Lauren Fitzgerald'",
  'stage: scheduled # she picked the time',
  'role: UX Researcher II',
  'organization: Nimbus Telehealth',
  'email: lauren.fitzgerald@example.com',
  'history:',
  '  - {date: 2026-11-02, stage: identified}',
  '  - {date: 2026-11-16, stage: scheduled}',
  '---',
  '',
  '## Notes',
  '',
  'Former teacher too.',
  '',
].join('\r\n');
const BEN = noteText(contactFields({ name: 'Ben Osei', stage: 'prepared', organization: 'Riverside Community Health Network', role: 'Service Designer, Patient Access', source: 'referral', history: [{ date: '2026-11-22', stage: 'prepared' }] }));
const ELENA = noteText(contactFields({ name: 'Elena Vasquez', organization: 'Monongahela Valley Health', role: '', email: 'elena.vasquez@example.org' }));
/** Another Rosa Delgado, at another organization: the imported one needs its own file name. */
const OTHER_ROSA = noteText(contactFields({ name: 'Rosa Delgado', organization: 'City Library' }));

function folder(): MemoryStore {
  return new MemoryStore({
    '.rapport/config.yaml': 'timezone: America/New_York\nnotes_folder: contacts\n',
    'victor-nguyen.md': VICTOR,
    'lauren-fitzgerald.md': LAUREN,
    'contacts/ben-osei.md': BEN,
    'contacts/elena-vasquez.md': ELENA,
    'contacts/rosa-delgado.md': OTHER_ROSA,
  });
}

describe('importContacts from LinkedIn', () => {
  it('creates, fills and skips as the summary says', async () => {
    const workspace = await loadWorkspace(folder());
    const summary = await importContacts(workspace, linkedin(), { today: TODAY });
    expect(summary.created.map((entry) => [entry.line, entry.file])).toEqual([
      [5, 'contacts/rosa-delgado-carnegie-health-partners-inc.md'],
      [9, 'contacts/bjoern-akesson-oster.md'],
      [13, 'contacts/chidi-okonkwo.md'],
    ]);
    // Everyone in the file is a LinkedIn connection: a note that did not say so gets `linkedin_connected`.
    expect(summary.updated.map((entry) => [entry.line, entry.file, entry.matchedBy, entry.fields])).toEqual([
      [6, 'victor-nguyen.md', 'linkedin', ['linkedin_connected']],
      [7, 'lauren-fitzgerald.md', 'email', ['linkedin', 'source', 'linkedin_connected']],
      [10, 'contacts/ben-osei.md', 'name-organization', ['linkedin', 'linkedin_connected']],
      [12, 'contacts/elena-vasquez.md', 'email', ['role', 'linkedin', 'source', 'linkedin_connected']],
    ]);
    expect(summary.skipped).toEqual([
      { line: 8, reason: 'The row has no name; row skipped' },
      { line: 11, name: 'Rosa Delgado', file: 'contacts/rosa-delgado-carnegie-health-partners-inc.md', reason: 'already in contacts/rosa-delgado-carnegie-health-partners-inc.md (same LinkedIn URL), nothing to add' },
    ]);
  });

  it('writes each new person as an identified LinkedIn contact with the connection date in history', async () => {
    const store = folder();
    const workspace = await loadWorkspace(store);
    await importContacts(workspace, linkedin(), { today: TODAY });
    const reading = readNote('contacts/bjoern-akesson-oster.md', store.snapshot()['contacts/bjoern-akesson-oster.md']!);
    expect(reading.diagnostics).toEqual([]);
    expect(reading.contact).toMatchObject({
      name: 'Björn Åkesson-Øster',
      stage: 'identified',
      source: 'linkedin',
      organization: 'Nordlys Medtech AB',
      role: 'Head of Design, Nordics',
      email: 'bjorn.akesson@example.se',
      linkedin: 'https://www.linkedin.com/in/bj%C3%B6rn-akesson-example',
      history: [{ date: '2022-01-05', stage: 'identified' }],
    });
    // A value that looks like a formula is data in a note: kept as written, safely quoted by YAML.
    const chidi = readNote('contacts/chidi-okonkwo.md', store.snapshot()['contacts/chidi-okonkwo.md']!).contact!;
    expect(chidi.role).toBe('=HYPERLINK("http://evil.example")');
    expect(chidi.organization).toBe('"Quoted" Labs, LLC');
  });

  it('names a person with credentials after the last name by the name alone, and keeps the credentials in `credentials`', async () => {
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nPriya,"Shah, MBA, CSCP",https://www.linkedin.com/in/priya-shah-example,,Kroger Co.,Category Manager,24 Nov 2025\n';
    const store = folder();
    const summary = await importContacts(await loadWorkspace(store), parseLinkedInConnections(csv, 'Connections.csv'), { today: TODAY });
    expect(summary.created).toEqual([{ line: 2, name: 'Priya Shah', file: 'contacts/priya-shah.md', fields: ['name', 'stage', 'credentials', 'organization', 'role', 'linkedin', 'source', 'linkedin_connected', 'history'] }]);
    expect(store.snapshot()['contacts/priya-shah.md']).toContain('---\ntype: contact\nname: Priya Shah\nstage: identified\nrole: Category Manager\norganization: Kroger Co.\nsource: linkedin\ncredentials: MBA, CSCP\nlinkedin: https://www.linkedin.com/in/priya-shah-example\nlinkedin_connected: 2025-11-24\n');
    // A note an earlier import named with the credentials is the same person: only its empty fields are filled.
    const earlier = noteText(contactFields({ name: 'Priya Shah, MBA, CSCP', organization: 'Kroger Co.' }));
    const again = new MemoryStore({ '.rapport/config.yaml': 'notes_folder: contacts\n', 'contacts/priya-shah-mba-cscp.md': earlier });
    const matched = await importContacts(await loadWorkspace(again), parseLinkedInConnections(csv, 'Connections.csv'), { today: TODAY });
    expect(matched.created).toEqual([]);
    expect(matched.updated).toEqual([{ line: 2, name: 'Priya Shah', file: 'contacts/priya-shah-mba-cscp.md', matchedBy: 'name-organization', fields: ['credentials', 'role', 'linkedin', 'source', 'linkedin_connected'] }]);
  });

  it('starts a history on the import day, with a warning, when the file dates the connection after it', async () => {
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Ruiz,,,Acme,Analyst,01 Jan 2099\n';
    const store = folder();
    const summary = await importContacts(await loadWorkspace(store), parseLinkedInConnections(csv, 'Connections.csv'), { today: TODAY });
    expect(summary.diagnostics).toEqual([{ file: 'Connections.csv', line: 2, column: 1, endLine: 2, endColumn: 1, severity: 'warning', rule: 'import-invalid-date', message: 'The date 2099-01-01 is after today (2026-11-23); the import day is used instead' }]);
    expect(store.snapshot()['contacts/ana-ruiz.md']).toContain('\nlinkedin_connected: true\nhistory:\n  - date: 2026-11-23\n    stage: identified\n');
  });

  it('never overwrites what the user wrote, and changes nothing else in a note it fills', async () => {
    const store = folder();
    const workspace = await loadWorkspace(store);
    await importContacts(workspace, linkedin(), { today: TODAY });
    const files = store.snapshot();
    expect(files['victor-nguyen.md']).toBe(VICTOR.replace('\n---\n', '\nlinkedin_connected: 2026-10-27\n---\n'));
    expect(files['contacts/rosa-delgado.md']).toBe(OTHER_ROSA);
    // Lauren's note keeps its comment, quotes, CRLF endings and body; only the three empty fields are added.
    const lauren = files['lauren-fitzgerald.md']!;
    expect(lauren.replace(/linkedin: .*\r\n/, '').replace(/source: .*\r\n/, '').replace('linkedin_connected: 2026-11-16\r\n', '')).toBe(LAUREN);
    expect(lauren).toContain('linkedin: https://www.linkedin.com/in/lauren-fitzgerald-uxr-example\r\n');
    const ben = readNote('contacts/ben-osei.md', files['contacts/ben-osei.md']!).contact!;
    expect(ben).toMatchObject({ role: 'Service Designer, Patient Access', source: 'referral', stage: 'prepared', linkedin: 'https://www.linkedin.com/in/ben-osei-service-design-example' });
    const elena = readNote('contacts/elena-vasquez.md', files['contacts/elena-vasquez.md']!).contact!;
    expect(elena).toMatchObject({ role: 'Patient Experience Research Manager', email: 'elena.vasquez@example.org' });
  });

  it('is idempotent: a second run creates nothing, changes nothing and says why', async () => {
    const store = folder();
    await importContacts(await loadWorkspace(store), linkedin(), { today: TODAY });
    const after = store.snapshot();
    const again = await importContacts(await loadWorkspace(store), linkedin(), { today: TODAY });
    expect(store.snapshot()).toEqual(after);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.skipped).toHaveLength(9);
    expect(again.skipped.filter((entry) => entry.file !== undefined)).toHaveLength(8);
    const workspace = await loadWorkspace(store);
    const names = workspace.index.contacts().map((contact) => contact.name);
    expect(names.filter((name) => name === 'Rosa Delgado')).toHaveLength(2);
    expect(new Set(names).size).toBe(names.length - 1);
  });

  it('an older export without URLs matches the people the newer one created, by name and organization', async () => {
    const store = folder();
    await importContacts(await loadWorkspace(store), linkedin(), { today: TODAY });
    const old = await importContacts(await loadWorkspace(store), parseLinkedInConnections(fixture('linkedin-connections-old.csv'), 'old.csv'), { today: TODAY });
    expect(old.created.map((entry) => entry.name)).toEqual(['Hiroshi Tanaka', 'Keisha Brooks']);
    expect(old.skipped.map((entry) => [entry.line, entry.file])).toEqual([[2, 'contacts/rosa-delgado-carnegie-health-partners-inc.md']]);
  });

  it('--dry-run reports exactly what a real run does, and writes nothing', async () => {
    const store = folder();
    const before = store.snapshot();
    const workspace = await loadWorkspace(store);
    const preview = await importContacts(workspace, linkedin(), { today: TODAY, dryRun: true });
    expect(store.snapshot()).toEqual(before);
    expect(workspace.index.contacts()).toHaveLength(5);
    const real = await importContacts(workspace, linkedin(), { today: TODAY });
    expect(preview).toEqual({ ...real, dryRun: true });
  });

  it('--dry-run over an index that still lists a note deleted from the disk reports what a real run does: the note is not there to fill', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rapport-import-'));
    try {
      for (const [file, text] of Object.entries(folder().snapshot())) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      }
      const workspace = await loadWorkspace(new NodeStore(root));
      rmSync(join(root, 'contacts/ben-osei.md'));
      const preview = await importContacts(workspace, linkedin(), { today: TODAY, dryRun: true });
      // Ben Osei is created again, not filled.
      expect(preview.created.map((entry) => entry.file)).toContain('contacts/ben-osei.md');
      const real = await importContacts(await loadWorkspace(new NodeStore(root)), linkedin(), { today: TODAY });
      expect(preview).toEqual({ ...real, dryRun: true });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('uses the import day for people the file gives no date for', async () => {
    const store = folder();
    const reading = parseLinkedInConnections('First Name,Last Name,Company\nNew,Person,Acme\n', 'x.csv');
    const summary = await importContacts(await loadWorkspace(store), reading, { today: TODAY });
    expect(readNote('x', store.snapshot()[summary.created[0]!.file]!).contact!.history).toEqual([{ date: TODAY, stage: 'identified' }]);
    // A connection all the same: the note says so without a day.
    expect(store.snapshot()[summary.created[0]!.file]).toContain('\nsource: linkedin\nlinkedin_connected: true\nhistory:\n');
  });

  it('refuses an invalid import day', async () => {
    await expect(importContacts(await loadWorkspace(folder()), linkedin(), { today: '23/11/2026' })).rejects.toThrow(InvalidInputError);
    await expect(importContacts(await loadWorkspace(folder()), linkedin(), { today: '23/11/2026' })).rejects.toThrow('invalid date "23/11/2026" (use YYYY-MM-DD)');
  });

  it('lists as skipped the rows the reader left out, not those it only warned about, and names every field it wrote', async () => {
    const reading = parseLinkedInConnections(fixture('linkedin-malformed.csv'), 'bad.csv');
    const summary = await importContacts(await loadWorkspace(new MemoryStore({})), reading, { today: TODAY });
    expect(summary.created).toEqual([
      { line: 5, name: 'Good Row', file: 'good-row.md', fields: ['name', 'stage', 'organization', 'role', 'linkedin', 'source', 'linkedin_connected', 'history'] },
      { line: 8, name: 'Date Wrong', file: 'date-wrong.md', fields: ['name', 'stage', 'organization', 'role', 'source', 'linkedin_connected', 'history'] },
      { line: 9, name: 'Last Good', file: 'last-good.md', fields: ['name', 'stage', 'organization', 'role', 'linkedin', 'source', 'linkedin_connected', 'history'] },
    ]);
    expect(summary.skipped.map((entry) => entry.line)).toEqual([6, 7, 10]);
    expect(summary.diagnostics).toBe(reading.diagnostics);
  });

  it('skips a person whose note cannot be edited or whose file appeared meanwhile, with the reason, and imports the rest', async () => {
    const store = folder();
    await store.write('contacts/ben-osei.md', `${BEN}\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> other\n`);
    const workspace = await loadWorkspace(store);
    // Written by another program after the notes were read: the index does not know it.
    await store.write('contacts/chidi-okonkwo.md', 'Chidi, by hand\n');
    const summary = await importContacts(workspace, linkedin(), { today: TODAY });
    expect(summary.skipped.filter((entry) => entry.line === 10 || entry.line === 13)).toEqual([
      { line: 10, name: 'Ben Osei', file: 'contacts/ben-osei.md', reason: 'contacts/ben-osei.md cannot be edited: it has an unresolved merge conflict at line 13; resolve it first, keeping both sides\' history entries' },
      { line: 13, name: 'Chidi Okonkwo', reason: 'contacts/chidi-okonkwo.md already exists' },
    ]);
    expect(store.snapshot()['contacts/chidi-okonkwo.md']).toBe('Chidi, by hand\n');
    expect(summary.created.map((entry) => entry.line)).toEqual([5, 9]);
  });

  it('stops at a failure of the store itself instead of listing every person as skipped', async () => {
    class FailingStore extends MemoryStore {
      override async write(): Promise<never> {
        throw new Error('EIO: i/o error, write');
      }
    }
    await expect(importContacts(await loadWorkspace(new FailingStore({})), linkedin(), { today: TODAY })).rejects.toThrow('EIO: i/o error, write');
  });

  it('fills a field that is empty, blank or an empty list, and keeps any other value, even one of the wrong type', async () => {
    const note = ['---', 'type: contact', 'name: Ana Ruiz', 'stage: identified', 'email: ana@acme.example', 'organization: []', 'role:', 'location: "  "', 'phone: 4125550100', 'linkedin: [old, profile]', 'history: [{date: 2026-11-02, stage: identified}]', '---', ''].join('\n');
    const store = new MemoryStore({ 'ana.md': note });
    const reading = parseVCards(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Ruiz', 'EMAIL:ana@acme.example', 'ORG:Acme', 'TITLE:Analyst', 'TEL:+1 412 555 0199', 'ADR:;;;Pittsburgh;PA;;', 'URL:https://www.linkedin.com/in/ana-ruiz', 'END:VCARD', ''].join('\r\n'), 'c.vcf');
    const summary = await importContacts(await loadWorkspace(store), reading, { today: TODAY });
    expect(summary.updated).toEqual([{ line: 1, name: 'Ana Ruiz', file: 'ana.md', matchedBy: 'email', fields: ['organization', 'role', 'location'] }]);
    expect(store.snapshot()['ana.md']).toBe(
      ['---', 'type: contact', 'name: Ana Ruiz', 'stage: identified', 'email: ana@acme.example', 'organization: Acme', 'role: Analyst', 'location: "Pittsburgh, PA"', 'phone: 4125550100', 'linkedin: [old, profile]', 'history: [{date: 2026-11-02, stage: identified}]', '---', ''].join('\n'),
    );
  });
});

describe('importContacts from vCard', () => {
  it('imports 3.0 and 4.0 cards twice without duplicates, filling only empty fields', async () => {
    const store = folder();
    const v3 = parseVCards(fixture('contacts-3.0.vcf'), 'contacts.vcf');
    const v4 = parseVCards(fixture('contacts-4.0.vcf'), 'v4.vcf');
    const first3 = await importContacts(await loadWorkspace(store), v3, { today: TODAY });
    expect(first3.created.map((entry) => entry.name)).toEqual(['Dr. Jürgen Müller-Lüdenscheidt', '中村 愛子', 'Tomás Reyes, Jr.']);
    expect(first3.updated.map((entry) => [entry.file, entry.matchedBy, entry.fields])).toEqual([['lauren-fitzgerald.md', 'email', ['phone']]]);
    expect(first3.skipped).toEqual([{ line: 27, reason: 'The card has no name (FN or N); card skipped' }]);
    const first4 = await importContacts(await loadWorkspace(store), v4, { today: TODAY });
    expect(first4.created.map((entry) => entry.name)).toEqual(['Zoë Ångström', 'Sipho Ndlovu']);
    expect(first4.updated.map((entry) => [entry.file, entry.matchedBy, entry.fields])).toEqual([['contacts/ben-osei.md', 'name-organization', ['email', 'linkedin']]]);

    const after = store.snapshot();
    const again3 = await importContacts(await loadWorkspace(store), v3, { today: TODAY });
    const again4 = await importContacts(await loadWorkspace(store), v4, { today: TODAY });
    expect(store.snapshot()).toEqual(after);
    expect([...again3.created, ...again3.updated, ...again4.created, ...again4.updated]).toEqual([]);

    const lauren = readNote('lauren-fitzgerald.md', after['lauren-fitzgerald.md']!).contact!;
    // The card says "Senior UX Researcher": the note's own role stays.
    expect(lauren).toMatchObject({ role: 'UX Researcher II', phone: '+1 614 555 0107', email: 'lauren.fitzgerald@example.com' });
    const created = (await loadWorkspace(store)).index.contacts();
    const aiko = created.find((contact) => contact.name === '中村 愛子')!;
    // A name with no Latin letters keeps its own letters in the file name (not contacts/contact.md).
    expect(aiko.file).toBe('contacts/中村-愛子.md');
    const jurgen = created.find((contact) => contact.name.startsWith('Dr. Jürgen'))!;
    expect(jurgen).toMatchObject({ organization: 'Charité Digital, GmbH', role: 'Leiter UX-Forschung; Klinische Systeme', email: 'juergen.mueller@example.de', phone: '+49 30 5550 1234', location: 'Berlin', history: [{ date: TODAY, stage: 'identified' }] });
    expect(jurgen.source).toBeUndefined();
    // The card's note, in the new note's Notes, then the address beyond the first, which fills `email`.
    expect(after[jurgen.file]).toContain('\n## Notes\n\nDepartment: Forschung\n\nMet at the Berlin health-tech meetup. We talked about clinical workflows, usability testing on wards, and why teachers make good researchers.\n\nOther emails: jm@home.example.de\n\n## Outcomes\n');
  });

  it("reads back Rapport's own vCard export: credentials from N's suffix and tags from CATEGORIES (trial 23)", async () => {
    const source = await loadWorkspace(new MemoryStore({ 'priya-shah.md': noteText(contactFields({ name: 'Priya Shah', credentials: 'MBA, CSCP', organization: 'Carelink Labs', email: 'priya@carelink.example', tags: ['ux', 'health'] })) }));
    const exported = exportVCards(source);
    expect(exported).toContain('N:Shah;Priya;;;MBA\\, CSCP');
    const store = new MemoryStore();
    const result = await importContacts(await loadWorkspace(store), parseVCards(exported, 'rapport.vcf'), { today: TODAY });
    expect(result.created.map((entry) => [entry.file, entry.fields])).toEqual([['priya-shah.md', ['name', 'stage', 'credentials', 'organization', 'email', 'tags', 'history']]]);
    expect((await loadWorkspace(store)).index.contact('priya-shah')).toMatchObject({ name: 'Priya Shah', tags: ['ux', 'health'], fields: { credentials: 'MBA, CSCP' } });
    // Google Contacts' own groups are no tags of the person's.
    expect(parseVCards(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Lima', 'CATEGORIES:myContacts,starred,UX', 'END:VCARD', ''].join('\r\n'), 'c.vcf').candidates).toEqual([{ line: 1, name: 'Ana Lima', emails: [], tags: ['UX'] }]);
    // A generational suffix is the name's, not a credential.
    expect(parseVCards(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Lima Jr.', 'N:Lima;Ana;;;Jr.', 'END:VCARD', ''].join('\r\n'), 'c.vcf').candidates).toEqual([{ line: 1, name: 'Ana Lima Jr.', emails: [] }]);
  });

  it('keeps the addresses of a card beyond the first under Notes, and a later card with one of them finds that note (trial 23)', async () => {
    const store = new MemoryStore({ '.rapport/config.yaml': 'notes_folder: contacts\n' });
    const work = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Linh Nguyen', 'ORG:Allegheny Health Network', 'item1.EMAIL;type=INTERNET;type=pref:linh.nguyen@ahn.example.org', 'EMAIL;type=INTERNET;type=HOME:linhn@gmail.example.com', 'END:VCARD', ''].join('\r\n');
    await importContacts(await loadWorkspace(store), parseVCards(work, 'contacts.vcf'), { today: TODAY });
    const note = store.snapshot()['contacts/linh-nguyen.md']!;
    expect(note).toContain('\nemail: linh.nguyen@ahn.example.org\n');
    expect(note).toContain('\n## Notes\n\nOther emails: linhn@gmail.example.com\n\n## Outcomes\n');
    const home = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Linh Nguyen', 'ORG:Allegheny Health Network', 'EMAIL:linhn@gmail.example.com', 'TEL:+1 412 555 0190', 'END:VCARD', ''].join('\r\n');
    const again = await importContacts(await loadWorkspace(store), parseVCards(home, 'linh-google.vcf'), { today: TODAY });
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([{ line: 1, name: 'Linh Nguyen', file: 'contacts/linh-nguyen.md', matchedBy: 'email', fields: ['phone'] }]);
    // Someone of the same name at the same organization whose address is neither is still someone else.
    const other = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Linh Nguyen', 'ORG:Allegheny Health Network', 'EMAIL:linh.nguyen2@ahn.example.org', 'END:VCARD', ''].join('\r\n');
    const namesake = await importContacts(await loadWorkspace(store), parseVCards(other, 'other.vcf'), { today: TODAY });
    expect(namesake.created.map((entry) => entry.file)).toEqual(['contacts/linh-nguyen-allegheny-health-network.md']);
  });

  it('leaves the body of a note it matches as it is, whatever the card\'s note says', async () => {
    const store = folder();
    const before = store.snapshot();
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Lauren Fitzgerald', 'EMAIL:lauren.fitzgerald@example.com', 'NOTE:Met her at the UXPA evening', 'END:VCARD', ''].join('\r\n');
    const result = await importContacts(await loadWorkspace(store), parseVCards(card, 'one.vcf'), { today: TODAY });
    expect(result.created).toEqual([]);
    expect(result.skipped.map((entry) => entry.file)).toEqual(['lauren-fitzgerald.md']);
    expect(store.snapshot()).toEqual(before);
  });
});

/** A store that creates new notes in batches, as NodeStore does: a file that exists by then (or that `appears` names, written by another program just before) is left alone and reported. */
class BatchingStore extends MemoryStore {
  readonly batches: number[] = [];
  constructor(files: Record<string, string>, private readonly appears: Readonly<Record<string, string>> = {}) {
    super(files);
  }
  async createMany(files: readonly NewFile[]): Promise<readonly string[]> {
    this.batches.push(files.length);
    const existed: string[] = [];
    for (const { path, text } of files) {
      const other = this.appears[path];
      if (other !== undefined) await this.write(path, other);
      if (other !== undefined || (await this.read(path)) !== undefined) existed.push(path);
      else await this.write(path, text);
    }
    return existed;
  }
}

describe('importContacts into a store that creates notes in batches', () => {
  it('does what it does with any store, writing the new notes in one batch', async () => {
    const plain = folder();
    const expected = await importContacts(await loadWorkspace(plain), linkedin(), { today: TODAY });
    const store = new BatchingStore(folder().snapshot());
    const summary = await importContacts(await loadWorkspace(store), linkedin(), { today: TODAY });
    expect(summary).toEqual(expected);
    expect(store.batches).toEqual([3]);
    expect(store.snapshot()).toEqual(plain.snapshot());
    // A run that creates no one writes no batch, not an empty one.
    await importContacts(await loadWorkspace(store), linkedin(), { today: TODAY });
    expect(store.batches).toEqual([3]);
  });

  it('fills in, before writing it, a note created earlier in the same import', async () => {
    const store = new BatchingStore({});
    const reading = parseLinkedInConnections('First Name,Last Name,URL,Email Address,Company\nAna,Ruiz,https://www.linkedin.com/in/ana-ruiz,,\nAna,Ruiz,https://www.linkedin.com/in/ana-ruiz/,ana@acme.example,Acme\n', 'c.csv');
    const summary = await importContacts(await loadWorkspace(store), reading, { today: TODAY });
    expect(summary.created.map((entry) => [entry.line, entry.file])).toEqual([[2, 'ana-ruiz.md']]);
    expect(summary.updated).toEqual([{ line: 3, name: 'Ana Ruiz', file: 'ana-ruiz.md', matchedBy: 'linkedin', fields: ['organization', 'email'] }]);
    expect(store.batches).toEqual([1]);
    expect(readNote('ana-ruiz.md', store.snapshot()['ana-ruiz.md']!).contact).toMatchObject({ organization: 'Acme', email: 'ana@acme.example', linkedin: 'https://www.linkedin.com/in/ana-ruiz' });
  });

  it('leaves a note that appeared while importing as it is, says so, and reads it into the index', async () => {
    const store = new BatchingStore(folder().snapshot(), { 'contacts/chidi-okonkwo.md': 'Chidi, by hand\n' });
    const workspace = await loadWorkspace(store);
    // And one written before the import wrote its own: refused at once.
    await store.write('contacts/bjoern-akesson-oster.md', 'Björn, by hand\n');
    const summary = await importContacts(workspace, linkedin(), { today: TODAY });
    expect(summary.created.map((entry) => entry.file)).toEqual(['contacts/rosa-delgado-carnegie-health-partners-inc.md']);
    expect(summary.skipped.filter((entry) => entry.line === 9 || entry.line === 13)).toEqual([
      { line: 9, name: 'Björn Åkesson-Øster', reason: 'contacts/bjoern-akesson-oster.md already exists' },
      { line: 13, name: 'Chidi Okonkwo', file: 'contacts/chidi-okonkwo.md', reason: 'contacts/chidi-okonkwo.md appeared while importing; left as it is' },
    ]);
    expect(store.snapshot()['contacts/chidi-okonkwo.md']).toBe('Chidi, by hand\n');
    expect(workspace.index.text('contacts/chidi-okonkwo.md')).toBe('Chidi, by hand\n');
    expect(store.batches).toEqual([2]);
  });

  it('writes a thousand new notes at a time', async () => {
    const store = new BatchingStore({});
    const rows = Array.from({ length: 1001 }, (_, index) => `Person,Number ${index}`);
    const summary = await importContacts(await loadWorkspace(store), parseLinkedInConnections(['First Name,Last Name', ...rows, ''].join('\n'), 'c.csv'), { today: TODAY });
    expect(summary.created).toHaveLength(1001);
    expect(store.batches).toEqual([1000, 1]);
    expect(Object.keys(store.snapshot())).toHaveLength(1001);
  });
});

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const connections = (...rows: string[]) => parseLinkedInConnections([HEADER, ...rows, ''].join('\r\n'), 'Connections.csv');

describe('importContacts and namesakes', () => {
  const MAYA = noteText(contactFields({ name: 'Maya Chen', stage: 'nurturing', organization: 'Brightline Health', role: 'Senior UX Researcher', email: 'maya.chen@example.com', linkedin: 'https://www.linkedin.com/in/maya-chen-research-example' }));
  const withMaya = () => new MemoryStore({ '.rapport/config.yaml': 'notes_folder: contacts\n', 'maya-chen.md': MAYA });

  it('makes a new note for a namesake at the same organization with another profile and address, naming the other note', async () => {
    const store = withMaya();
    const reading = connections('Maya,Chen,https://www.linkedin.com/in/maya-chen-2,maya.chen2@brightline.example,Brightline Health,Nurse Manager,12 Mar 2024');
    const summary = await importContacts(await loadWorkspace(store), reading, { today: TODAY });
    expect(summary.created).toEqual([
      { line: 2, name: 'Maya Chen', file: 'contacts/maya-chen-brightline-health.md', fields: ['name', 'stage', 'organization', 'role', 'email', 'linkedin', 'source', 'linkedin_connected', 'history'], namesake: 'maya-chen.md' },
    ]);
    expect(summary.updated).toEqual([]);
    expect(summary.skipped).toEqual([]);
    expect(store.snapshot()['maya-chen.md']).toBe(MAYA);
    expect(readNote('n', store.snapshot()['contacts/maya-chen-brightline-health.md']!).contact).toMatchObject({
      name: 'Maya Chen',
      role: 'Nurse Manager',
      email: 'maya.chen2@brightline.example',
      linkedin: 'https://www.linkedin.com/in/maya-chen-2',
      history: [{ date: '2024-03-12', stage: 'identified' }],
    });
  });

  it('keeps two namesakes of one file apart by their profiles, and fills the right one when one of them comes again', async () => {
    const store = withMaya();
    const reading = connections('Ana,Silva,https://www.linkedin.com/in/ana-3,,,,12 Mar 2024', 'Ana,Silva,https://www.linkedin.com/in/ana-4,,,,13 Mar 2024', 'Ana,Silva,https://www.linkedin.com/in/ana-4/,,,Nurse,13 Mar 2024');
    const summary = await importContacts(await loadWorkspace(store), reading, { today: TODAY });
    expect(summary.created.map((entry) => [entry.line, entry.file, entry.namesake])).toEqual([
      [2, 'contacts/ana-silva.md', undefined],
      [3, 'contacts/ana-silva-2.md', 'contacts/ana-silva.md'],
    ]);
    expect(summary.updated).toEqual([{ line: 4, name: 'Ana Silva', file: 'contacts/ana-silva-2.md', matchedBy: 'linkedin', fields: ['role'] }]);
    expect(summary.skipped).toEqual([]);
  });

  it('never reports a later row as in a note whose profile is another: the namesake made earlier in the file has it', async () => {
    const store = withMaya();
    const reading = connections('Maya,Chen,https://www.linkedin.com/in/maya-chen-2,,Brightline Health,,12 Mar 2024', 'Maya,Chen,https://www.linkedin.com/in/maya-chen-2,,Brightline Health,Nurse Manager,12 Mar 2024');
    const summary = await importContacts(await loadWorkspace(store), reading, { today: TODAY });
    expect(summary.created.map((entry) => [entry.line, entry.file, entry.namesake])).toEqual([[2, 'contacts/maya-chen-brightline-health.md', 'maya-chen.md']]);
    expect(summary.updated).toEqual([{ line: 3, name: 'Maya Chen', file: 'contacts/maya-chen-brightline-health.md', matchedBy: 'linkedin', fields: ['role'] }]);
    expect(summary.skipped).toEqual([]);
    expect(store.snapshot()['maya-chen.md']).toBe(MAYA);
  });

  it('still fills a namesake that nothing sets apart', async () => {
    const store = withMaya();
    const summary = await importContacts(await loadWorkspace(store), connections('Maya,Chen,,,Brightline Health,Nurse Manager,12 Mar 2024'), { today: TODAY });
    expect(summary.created).toEqual([]);
    expect(summary.updated).toEqual([{ line: 2, name: 'Maya Chen', file: 'maya-chen.md', matchedBy: 'name-organization', fields: ['source', 'linkedin_connected'] }]);
  });
});

/** Keisha's note lacks a LinkedIn URL, a role and a source: a row matching her address fills them. */
const KEISHA = noteText(contactFields({ name: 'Keisha Brooks', organization: 'Allegheny Health Literacy Council', email: 'keisha.brooks@example.org' }));
/** A person matching Keisha's note by address (line 2), then one to create (line 3). */
const KEISHA_THEN_NEW = () =>
  connections('Keisha,Brooks,https://www.linkedin.com/in/keisha-brooks,keisha.brooks@example.org,,Program Manager,12 Mar 2024', 'New,Person,,,Acme,Engineer,12 Mar 2024');

/** A store that, like a disk, cannot put a file under a path that is a file: it fails as Node's `mkdir` does. */
class DiskLikeStore extends BatchingStore {
  private refuseUnderFile(path: string): void {
    const parts = path.split('/');
    for (let end = 1; end < parts.length; end++) {
      const folder = parts.slice(0, end).join('/');
      if (this.snapshot()[folder] !== undefined) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '/notes/${folder}'`), { code: 'EEXIST' });
    }
  }
  override async write(path: string, text: string, options?: WriteOptions): Promise<StoredText> {
    this.refuseUnderFile(path);
    return super.write(path, text, options);
  }
  override async createMany(files: readonly NewFile[]): Promise<readonly string[]> {
    for (const { path } of files) this.refuseUnderFile(path);
    return super.createMany(files);
  }
}

describe('an import that cannot create its new notes', () => {
  it('changes nothing when notes_folder names a file, says so, and a dry run says the same', async () => {
    const store = new DiskLikeStore({ '.rapport/config.yaml': 'notes_folder: README.md\n', 'README.md': '# My job search\n', 'keisha-brooks.md': KEISHA });
    const before = store.snapshot();
    const workspace = await loadWorkspace(store);
    const message = '`notes_folder: README.md` in .rapport/config.yaml names a file, not a folder, so new contacts cannot be created; nothing was imported (set notes_folder to a folder, such as contacts)';
    await expect(importContacts(workspace, KEISHA_THEN_NEW(), { today: TODAY })).rejects.toThrow(RapportError);
    await expect(importContacts(workspace, KEISHA_THEN_NEW(), { today: TODAY })).rejects.toThrow(message);
    expect(store.snapshot()).toEqual(before);
    // The index shows the notes as they are, not the edit that was never written.
    expect(workspace.index.text('keisha-brooks.md')).toBe(KEISHA);
    await expect(importContacts(workspace, KEISHA_THEN_NEW(), { today: TODAY, dryRun: true })).rejects.toThrow(message);
    expect(store.snapshot()).toEqual(before);
  });

  it('names the file a notes_folder goes through', async () => {
    const store = new DiskLikeStore({ '.rapport/config.yaml': 'notes_folder: README.md/people\n', 'README.md': '# My job search\n' });
    await expect(importContacts(await loadWorkspace(store), KEISHA_THEN_NEW(), { today: TODAY })).rejects.toThrow(
      '`notes_folder: README.md/people` in .rapport/config.yaml goes through README.md, a file, not a folder, so new contacts cannot be created; nothing was imported (set notes_folder to a folder, such as contacts)',
    );
    expect(Object.keys(store.snapshot())).toEqual(['.rapport/config.yaml', 'README.md']);
  });

  it('still fills existing notes when no one is to be created', async () => {
    const store = new DiskLikeStore({ '.rapport/config.yaml': 'notes_folder: README.md\n', 'README.md': '# My job search\n', 'keisha-brooks.md': KEISHA });
    const summary = await importContacts(await loadWorkspace(store), connections('Keisha,Brooks,,keisha.brooks@example.org,,Program Manager,12 Mar 2024'), { today: TODAY });
    expect(summary.updated).toEqual([{ line: 2, name: 'Keisha Brooks', file: 'keisha-brooks.md', matchedBy: 'email', fields: ['role', 'source', 'linkedin_connected'] }]);
  });

  it('writes no edit when the new notes cannot be written (a read-only folder, a full disk), and puts the index back', async () => {
    class ReadOnlyFolderStore extends BatchingStore {
      override async createMany(): Promise<never> {
        throw Object.assign(new Error("EACCES: permission denied, access '/notes/contacts'"), { code: 'EACCES' });
      }
    }
    const store = new ReadOnlyFolderStore({ '.rapport/config.yaml': 'notes_folder: contacts\n', 'keisha-brooks.md': KEISHA });
    const before = store.snapshot();
    const workspace = await loadWorkspace(store);
    await expect(importContacts(workspace, KEISHA_THEN_NEW(), { today: TODAY })).rejects.toThrow("EACCES: permission denied, access '/notes/contacts'");
    expect(store.snapshot()).toEqual(before);
    expect(workspace.index.text('keisha-brooks.md')).toBe(KEISHA);
    expect(workspace.index.has('contacts/new-person.md')).toBe(false);
  });

  it('writes the new notes first, then the edits, with a store that creates in batches and with one that does not', async () => {
    class RecordingBatchStore extends BatchingStore {
      readonly log: string[] = [];
      override async write(path: string, text: string, options?: WriteOptions): Promise<StoredText> {
        this.log.push(`write ${path}`);
        return super.write(path, text, options);
      }
      override async createMany(files: readonly NewFile[]): Promise<readonly string[]> {
        this.log.push(`create ${files.map((file) => file.path).join(', ')}`);
        return super.createMany(files);
      }
    }
    class RecordingStore extends MemoryStore {
      readonly log: string[] = [];
      override async write(path: string, text: string, options?: WriteOptions): Promise<StoredText> {
        this.log.push(`write ${path}${options?.expectedVersion === null ? ' (new)' : ''}`);
        return super.write(path, text, options);
      }
    }
    const files = { '.rapport/config.yaml': 'notes_folder: contacts\n', 'keisha-brooks.md': KEISHA };
    const batching = new RecordingBatchStore(files);
    await importContacts(await loadWorkspace(batching), KEISHA_THEN_NEW(), { today: TODAY });
    // BatchingStore writes each new note through `write` itself.
    expect(batching.log).toEqual(['create contacts/new-person.md', 'write contacts/new-person.md', 'write keisha-brooks.md']);
    const plain = new RecordingStore(files);
    await importContacts(await loadWorkspace(plain), KEISHA_THEN_NEW(), { today: TODAY });
    expect(plain.log).toEqual(['write contacts/new-person.md (new)', 'write keisha-brooks.md']);
    expect(plain.snapshot()).toEqual(batching.snapshot());
  });

  it('skips a person whose note changed on disk before the held edit was written, leaving the change as it is', async () => {
    const saved = KEISHA.replace('stage: identified', 'stage: contacted');
    class EditorSavesStore extends BatchingStore {
      override async createMany(files: readonly NewFile[]): Promise<readonly string[]> {
        // An editor saves Keisha's note while the import runs.
        await this.write('keisha-brooks.md', saved);
        return super.createMany(files);
      }
    }
    const store = new EditorSavesStore({ '.rapport/config.yaml': 'notes_folder: contacts\n', 'keisha-brooks.md': KEISHA });
    const workspace = await loadWorkspace(store);
    const summary = await importContacts(workspace, KEISHA_THEN_NEW(), { today: TODAY });
    expect(summary.updated).toEqual([]);
    expect(summary.skipped).toEqual([{ line: 2, name: 'Keisha Brooks', file: 'keisha-brooks.md', reason: 'keisha-brooks.md changed on disk since it was read; reload it and try again' }]);
    expect(summary.created.map((entry) => entry.file)).toEqual(['contacts/new-person.md']);
    expect(store.snapshot()['keisha-brooks.md']).toBe(saved);
    expect(workspace.index.text('keisha-brooks.md')).toBe(saved);
  });
});
