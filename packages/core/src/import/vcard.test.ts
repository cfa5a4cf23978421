import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVCards } from './vcard.js';

const fixture = (name: string) => readFileSync(new URL(`../../test-fixtures/import/${name}`, import.meta.url), 'utf8');

describe('parseVCards', () => {
  it('reads vCard 3.0: several cards, folded lines, grouped item1.EMAIL, escaped commas and semicolons, non-ASCII names', () => {
    const reading = parseVCards(fixture('contacts-3.0.vcf'), 'contacts.vcf');
    expect(reading.candidates.map((candidate) => candidate.name)).toEqual(['Dr. Jürgen Müller-Lüdenscheidt', '中村 愛子', 'Lauren Fitzgerald', 'Tomás Reyes, Jr.']);
    expect(reading.candidates[0]).toEqual({
      line: 1,
      name: 'Dr. Jürgen Müller-Lüdenscheidt',
      organization: 'Charité Digital, GmbH',
      role: 'Leiter UX-Forschung; Klinische Systeme',
      // The address marked `type=pref` comes first, though it is the second in the card.
      emails: ['juergen.mueller@example.de', 'jm@home.example.de'],
      phone: '+49 30 5550 1234',
      linkedin: 'https://www.linkedin.com/in/juergen-mueller-example',
      location: 'Berlin',
    });
    expect(reading.candidates[3]).toMatchObject({ line: 43, role: 'Researcher, Accessibility' });
  });

  it('reports a card without a name with its line and skips it', () => {
    const reading = parseVCards(fixture('contacts-3.0.vcf'), 'contacts.vcf');
    expect(reading.diagnostics).toEqual([expect.objectContaining({ file: 'contacts.vcf', line: 27, severity: 'warning', rule: 'import-missing-name' })]);
  });

  it('reads vCard 4.0: PREF ordering, tel: URIs, country LinkedIn hosts, X-SOCIALPROFILE, escapes', () => {
    const reading = parseVCards(fixture('contacts-4.0.vcf'), 'v4.vcf');
    expect(reading.candidates.map((candidate) => candidate.name)).toEqual(['Zoë Ångström', 'Ben Osei', 'Sipho Ndlovu']);
    expect(reading.candidates[0]).toEqual({
      line: 1,
      name: 'Zoë Ångström',
      organization: 'Fjord Health, AB',
      role: 'Researcher, Senior; Nordics',
      emails: ['zoe.angstrom@fjord.example', 'zoe@home.example'],
      phone: '+46-8-555-0199',
      linkedin: 'https://se.linkedin.com/in/zoe-angstrom-example',
      location: 'Stockholm',
    });
    expect(reading.candidates[1]).toMatchObject({ emails: ['ben.osei@example.org'], linkedin: 'https://www.linkedin.com/in/ben-osei-service-design-example' });
    expect(reading.candidates[2]).toMatchObject({ linkedin: 'https://www.linkedin.com/in/sipho-ndlovu-example' });
    expect(reading.diagnostics).toEqual([expect.objectContaining({ line: 25, rule: 'import-missing-name' })]);
  });

  it('frames cards itself, so a broken card is reported with its line and the others are read', () => {
    const reading = parseVCards(fixture('malformed.vcf'), 'bad.vcf');
    expect(reading.candidates.map((candidate) => [candidate.line, candidate.name])).toEqual([
      [1, 'Good Card'],
      [13, 'Another Good'],
    ]);
    expect(reading.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.rule, diagnostic.severity])).toEqual([
      [6, 'import-malformed-vcard', 'error'],
      [9, 'import-malformed-vcard', 'error'],
      [13, 'import-invalid-email', 'warning'],
      [18, 'import-malformed-vcard', 'error'],
    ]);
  });

  it('says so when the file holds no card', () => {
    expect(parseVCards('hello\n', 'notes.txt').diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'error', rule: 'import-not-vcard' })]);
  });
});
