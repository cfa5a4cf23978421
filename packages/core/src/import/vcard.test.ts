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
      // ORG's unit (`;Forschung`) leads the note.
      note: 'Department: Forschung\n\nMet at the Berlin health-tech meetup. We talked about clinical workflows, usability testing on wards, and why teachers make good researchers.',
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
      // ORG's unit first; the note's own line break kept, the escaped comma and semicolon read.
      note: 'Department: UX\n\nLine one\nLine two, with a comma; and a semicolon that goes on long enough to be folded by the writer',
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
      [9, 'import-missing-name', 'warning'],
      [11, 'import-malformed-property', 'warning'],
      // On the EMAIL line itself, not the card's first.
      [16, 'import-invalid-email', 'warning'],
      [18, 'import-malformed-vcard', 'error'],
    ]);
  });

  it('places a bad email on its own line, in a group (as Apple writes them) too', () => {
    const text = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Ruiz', 'EMAIL;TYPE=WORK:ana@example.com', 'item1.EMAIL;type=INTERNET:ana at home', 'item1.X-ABLabel:home', 'END:VCARD', ''].join('\r\n');
    const reading = parseVCards(text, 'apple.vcf');
    expect(reading.candidates.map((candidate) => candidate.emails)).toEqual([['ana@example.com']]);
    expect(reading.diagnostics.map(({ line, rule, message }) => [line, rule, message])).toEqual([[5, 'import-invalid-email', 'Not an email address, left out: "ana at home"']]);
  });

  it('says so when the file holds no card', () => {
    expect(parseVCards('hello\n', 'notes.txt').diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'error', rule: 'import-not-vcard' })]);
  });

  const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');
  const read = (text: string) => parseVCards(text, 'c.vcf');

  it('says what is wrong with each broken card, word for word', () => {
    expect(read(fixture('malformed.vcf')).diagnostics.map(({ line, message, hint }) => ({ line, message, hint }))).toEqual([
      { line: 6, message: 'The card has no END:VCARD before the next BEGIN:VCARD; card skipped', hint: undefined },
      // Its only name cannot be read: the line is left out, then the card for want of a name.
      { line: 9, message: 'The card has no name (FN or N); card skipped', hint: undefined },
      { line: 11, message: "This line of the card cannot be read (Invalid parameters in 'FN;broken-parameter'); left out", hint: undefined },
      { line: 16, message: 'Not an email address, left out: "not-an-address"', hint: undefined },
      { line: 18, message: 'The card is never closed with END:VCARD; card skipped', hint: undefined },
    ]);
    expect(read('hello\n')).toEqual({
      file: 'c.vcf',
      format: 'vcard',
      candidates: [],
      diagnostics: [{ file: 'c.vcf', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'import-not-vcard', message: 'No BEGIN:VCARD found: this is not a vCard file', hint: 'Export contacts as vCard (.vcf) from your address book' }],
    });
  });

  it('reports a card that is never closed only as that, not as a file with no card', () => {
    expect(read('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\n').diagnostics.map(({ line, rule }) => [line, rule])).toEqual([[1, 'import-malformed-vcard']]);
  });

  it('frames cards whose BEGIN and END have spaces after them or are lowercase, and ignores an END with no BEGIN', () => {
    const text = ['begin:vcard ', 'VERSION:3.0', 'FN:Ana Ruiz', 'End:VCard  ', 'END:VCARD', ''].join('\r\n');
    expect(read(`\uFEFF${text}`)).toEqual({ file: 'c.vcf', format: 'vcard', candidates: [{ line: 1, name: 'Ana Ruiz', emails: [] }], diagnostics: [] });
  });

  it('takes the name from N when there is no FN: given, additional and family names, several given names joined', () => {
    expect(read(card('N:Ruiz;Ana;Maria;Dr.;')).candidates).toEqual([{ line: 1, name: 'Ana Maria Ruiz', emails: [] }]);
    expect(read(card('N:Ruiz;Ana,Sofia;;;')).candidates[0]!.name).toBe('Ana Sofia Ruiz');
  });

  it('decodes quoted-printable values (vCard 2.1 style) in their charset, across soft line breaks', () => {
    const reading = read(
      card(
        'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BC=',
        'ller',
        'ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Charit=E9 Digital;Forschung',
        'TITLE;encoding=quoted-printable:Leiter =3D UX',
        'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=no-such-charset:x',
        'ROLE;ENCODING=QUOTED-PRINTABLE;CHARSET=no-such-charset:Gr=C3=BC=C3=9Fe',
      ),
    );
    expect(reading.diagnostics).toEqual([]);
    // ORG's unit after the organization is kept in the note, before NOTE's text.
    expect(reading.candidates).toEqual([{ line: 1, name: 'Jürgen Müller', organization: 'Charité Digital', role: 'Leiter = UX', emails: [], note: 'Department: Forschung\n\nx' }]);
    // Another ENCODING (vCard 2.1's 8BIT) is text as it is.
    expect(read(card('FN;CHARSET=UTF-8;ENCODING=8BIT:Jürgen =C3=BC')).candidates[0]!.name).toBe('Jürgen =C3=BC');
    // Old phones wrote Latin-1 without naming it: read as such when the bytes are not UTF-8.
    expect(read(card('N;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen', 'FN;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller')).candidates[0]!.name).toBe('Jürgen Müller');
    // An unknown charset is read as UTF-8.
    expect(read(card('FN;ENCODING=QUOTED-PRINTABLE;CHARSET=no-such-charset:Gr=C3=BC=C3=9Fe')).candidates[0]!.name).toBe('Grüße');
  });

  it("keeps ORG's units (a department) in the note rather than dropping them", () => {
    expect(read(card('FN:Ana Ruiz', 'ORG:Huntington Bank;Learning & Development')).candidates).toEqual([{ line: 1, name: 'Ana Ruiz', organization: 'Huntington Bank', emails: [], note: 'Department: Learning & Development' }]);
    expect(read(card('FN:Ana Ruiz', 'ORG:Acme Health;Research;Patient Portal', 'NOTE:Met at the fair')).candidates[0]!.note).toBe('Department: Research, Patient Portal\n\nMet at the fair');
    expect(read(card('FN:Ana Ruiz', 'ORG:Acme Health;;')).candidates).toEqual([{ line: 1, name: 'Ana Ruiz', organization: 'Acme Health', emails: [] }]);
  });

  it('joins the next line only to a quoted-printable value that ends in =', () => {
    expect(read(card('FN:Ana Ruiz', 'NOTE:2+2=', 'EMAIL:ana@acme.example')).candidates).toEqual([{ line: 1, name: 'Ana Ruiz', emails: ['ana@acme.example'], note: '2+2=' }]);
  });

  it('keeps a note\'s own lines, one blank line at most between them, and escapes one Markdown would read as a heading', () => {
    const note = read(card('FN:Ana Ruiz', 'NOTE:Met at the fair\\n\\n\\n\\n## Outcomes\\n  #1 fan of our podcast  ', 'NOTE:Second note\u001b[31m')).candidates[0]!.note;
    expect(note).toBe('Met at the fair\n\n\\## Outcomes\n\\#1 fan of our podcast\n\nSecond note[31m');
  });

  it('reads mailto: and tel: values, skips empty ones, and takes ROLE when there is no TITLE', () => {
    expect(read(card('FN:Ana Ruiz', 'EMAIL:', 'EMAIL:mailto:ana@acme.example', 'TEL:', 'TEL:tel:+1-412-555-0100', 'ROLE:Mentor'))).toEqual({
      file: 'c.vcf',
      format: 'vcard',
      candidates: [{ line: 1, name: 'Ana Ruiz', role: 'Mentor', emails: ['ana@acme.example'], phone: '+1-412-555-0100' }],
      diagnostics: [],
    });
  });

  it('takes the first LinkedIn profile among URL and X-SOCIALPROFILE, not another site, not a URL without its scheme, not a note', () => {
    const reading = read(
      card('FN:Ana Ruiz', 'NOTE:https://www.linkedin.com/in/who-referred-her', 'URL:https://ana.example/', 'URL:www.linkedin.com/in/no-scheme', 'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/ana-ruiz'),
    );
    expect(reading.candidates[0]!.linkedin).toBe('https://www.linkedin.com/in/ana-ruiz');
  });

  it('writes a location as "locality, region", or the country alone', () => {
    expect(read(card('FN:A', 'ADR:;;1 Main St;Pittsburgh;PA;15213;USA')).candidates[0]!.location).toBe('Pittsburgh, PA');
    expect(read(card('FN:A', 'ADR:;;;;;;Canada')).candidates[0]!.location).toBe('Canada');
  });

  it("skips an organization's card (Apple's X-ABShowAs:COMPANY, vCard 4's KIND:org), whose name is no person's to write to (trial 23)", () => {
    const company = read(card('N:;;;;', 'FN:Pitt Career Center', 'ORG:University of Pittsburgh;Career Center;', 'X-ABShowAs:COMPANY'));
    expect(company).toEqual({ file: 'c.vcf', format: 'vcard', candidates: [], diagnostics: [{ file: 'c.vcf', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', rule: 'import-missing-name', message: "The card is an organization's (X-ABShowAs:COMPANY), not a person's; card skipped" }] });
    expect(read(['BEGIN:VCARD', 'VERSION:4.0', 'KIND:org', 'FN:Acme Health', 'END:VCARD', ''].join('\r\n')).diagnostics.map((d) => d.message)).toEqual(["The card is an organization's (KIND:org), not a person's; card skipped"]);
    // A person's card shown as a company still names the person: kept.
    expect(read(card('N:Ruiz;Ana;;;', 'FN:Ana Ruiz', 'ORG:Acme Health', 'X-ABShowAs:COMPANY')).candidates).toEqual([{ line: 1, name: 'Ana Ruiz', organization: 'Acme Health', emails: [] }]);
  });

  it('orders addresses: PREF 1 to 100 (lowest first), then TYPE=pref, then the file’s order; PREF outside 1–100 counts as none', () => {
    const emails = (...lines: string[]) => read(card('FN:A', ...lines)).candidates[0]!.emails;
    expect(emails('EMAIL:a@x.example', 'EMAIL:b@x.example', 'EMAIL:c@x.example')).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
    expect(emails('EMAIL:a@x.example', 'EMAIL;TYPE=pref:b@x.example')).toEqual(['b@x.example', 'a@x.example']);
    expect(emails('EMAIL;PREF=0:a@x.example', 'EMAIL;PREF=-1:b@x.example', 'EMAIL;PREF=2:c@x.example', 'EMAIL;PREF=1:d@x.example')).toEqual(['d@x.example', 'c@x.example', 'a@x.example', 'b@x.example']);
  });

  describe('vCard 2.1, as Android exports it', () => {
    const card21 = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:2.1', ...lines, 'END:VCARD', ''].join('\r\n');

    it('reads bare parameters as types: the phone and the email of a card are imported', () => {
      const reading = read(card21('N:Doe;John;;;', 'FN:John Doe', 'TEL;CELL:+15551234567', 'EMAIL;HOME:john@example.com'));
      expect(reading).toEqual({ file: 'c.vcf', format: 'vcard', candidates: [{ line: 1, name: 'John Doe', emails: ['john@example.com'], phone: '+15551234567' }], diagnostics: [] });
    });

    it('reads several bare parameters, and a bare PREF puts that phone or address first', () => {
      const reading = read(card21('FN:John Doe', 'TEL;HOME;VOICE:+15550000001', 'TEL;CELL;VOICE;PREF:+15550000002', 'EMAIL;INTERNET;HOME:home@example.com', 'EMAIL;INTERNET;WORK;PREF:work@example.com', 'ORG;WORK:Acme Health', 'ADR;HOME:;;1 Main St;Pittsburgh;PA;15213;USA'));
      expect(reading.diagnostics).toEqual([]);
      expect(reading.candidates).toEqual([{ line: 1, name: 'John Doe', organization: 'Acme Health', emails: ['work@example.com', 'home@example.com'], phone: '+15550000002', location: 'Pittsburgh, PA' }]);
    });

    it('decodes a value marked with a bare QUOTED-PRINTABLE, across its soft line breaks', () => {
      const reading = read(card21('N;CHARSET=UTF-8;QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;', 'FN;CHARSET=UTF-8;QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BC=', 'ller', 'TITLE;QUOTED-PRINTABLE:Leiter =3D UX'));
      expect(reading.diagnostics).toEqual([]);
      expect(reading.candidates).toEqual([{ line: 1, name: 'Jürgen Müller', role: 'Leiter = UX', emails: [] }]);
    });

    it('leaves out only a property that cannot be read, reported at its own line, and imports the rest of the card', () => {
      const text = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Ruiz', 'NOTE;X-LABEL="never closed:met at the fair', 'TEL;CELL:+15551234567', 'EMAIL;HOME', 'EMAIL;INTERNET:ana@acme.example', 'END:VCARD', ''].join('\r\n');
      const reading = read(text);
      expect(reading.candidates).toEqual([{ line: 1, name: 'Ana Ruiz', emails: ['ana@acme.example'], phone: '+15551234567' }]);
      expect(reading.diagnostics.map(({ line, severity, rule, message }) => ({ line, severity, rule, message }))).toEqual([
        { line: 4, severity: 'warning', rule: 'import-malformed-property', message: 'This line of the card cannot be read (invalid line (no matching double quote) ";X-LABEL="never closed:met at the fair"); left out' },
        { line: 6, severity: 'warning', rule: 'import-malformed-property', message: "This line of the card cannot be read (Invalid parameters in 'EMAIL;HOME'); left out" },
      ]);
    });

    it('gives the line of a folded property that cannot be read, after folded and soft-broken lines before it', () => {
      const text = ['BEGIN:VCARD', 'VERSION:2.1', 'FN:Ana', ' Ruiz', 'NOTE;QUOTED-PRINTABLE:a=', 'b', 'X-JUNK', ' MORE', 'TEL;CELL:+15551234567', 'END:VCARD', ''].join('\r\n');
      const reading = read(text);
      expect(reading.candidates).toEqual([{ line: 1, name: 'AnaRuiz', emails: [], phone: '+15551234567', note: 'ab' }]);
      expect(reading.diagnostics.map(({ line, message }) => [line, message])).toEqual([[7, 'This line of the card cannot be read (invalid line (no token ";" or ":") "X-JUNKMORE"); left out']]);
    });
  });
});
