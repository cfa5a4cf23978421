import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
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
    expect(summary.updated.map((entry) => [entry.line, entry.file, entry.matchedBy, entry.fields])).toEqual([
      [7, 'lauren-fitzgerald.md', 'email', ['linkedin', 'source']],
      [10, 'contacts/ben-osei.md', 'name-organization', ['linkedin']],
      [12, 'contacts/elena-vasquez.md', 'email', ['role', 'linkedin', 'source']],
    ]);
    expect(summary.skipped).toEqual([
      { line: 6, name: 'Victor Nguyen', file: 'victor-nguyen.md', reason: 'already in victor-nguyen.md (same LinkedIn URL), nothing to add' },
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

  it('never overwrites what the user wrote, and changes nothing else in a note it fills', async () => {
    const store = folder();
    const workspace = await loadWorkspace(store);
    await importContacts(workspace, linkedin(), { today: TODAY });
    const files = store.snapshot();
    expect(files['victor-nguyen.md']).toBe(VICTOR);
    expect(files['contacts/rosa-delgado.md']).toBe(OTHER_ROSA);
    // Lauren's note keeps its comment, quotes, CRLF endings and body; only the two empty fields are added.
    const lauren = files['lauren-fitzgerald.md']!;
    expect(lauren.replace(/linkedin: .*\r\n/, '').replace(/source: .*\r\n/, '')).toBe(LAUREN);
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

  it('uses the import day for people the file gives no date for', async () => {
    const store = folder();
    const reading = parseLinkedInConnections('First Name,Last Name,Company\nNew,Person,Acme\n', 'x.csv');
    const summary = await importContacts(await loadWorkspace(store), reading, { today: TODAY });
    expect(readNote('x', store.snapshot()[summary.created[0]!.file]!).contact!.history).toEqual([{ date: TODAY, stage: 'identified' }]);
  });

  it('refuses an invalid import day', async () => {
    await expect(importContacts(await loadWorkspace(folder()), linkedin(), { today: '23/11/2026' })).rejects.toThrow(InvalidInputError);
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
  });
});
