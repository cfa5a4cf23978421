import { describe, expect, it } from 'vitest';
import { contactFields, noteText } from '../test-support/builders.js';
import { readNote } from './read-contact.js';

function rules(text: string): string[] {
  return readNote('people/maya-chen.md', text).diagnostics.map((d) => d.rule);
}

describe('readNote', () => {
  it('reports a history entry with an unknown channel and leaves the channel out of the entry, so `via` is always a Channel', () => {
    const text = '---\ntype: contact\nname: Maya Chen\nstage: contacted\nhistory:\n  - {date: 2026-11-02, stage: identified, via: pigeon}\n  - {date: 2026-11-04, stage: contacted, via: email}\n---\n';
    const reading = readNote('maya-chen.md', text);
    expect(reading.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual(['6:48 invalid-value Unknown channel "pigeon"']);
    expect(reading.contact?.history).toEqual([
      { date: '2026-11-02', stage: 'identified' },
      { date: '2026-11-04', stage: 'contacted', via: 'email' },
    ]);
  });

  it('reads a valid contact with every field', () => {
    const text = noteText(
      contactFields({
        stage: 'scheduled',
        role: 'UX Researcher',
        industry: 'Health tech',
        location: 'Pittsburgh',
        email: 'maya@example.com',
        phone: '+1 412 555 0100',
        linkedin: 'https://www.linkedin.com/in/maya-chen-example',
        source: 'referral',
        referred_by: '[[sam-ortiz]]',
        tags: ['ux', 'health'],
        history: [
          { date: '2026-11-02', stage: 'identified' },
          { date: '2026-11-04', stage: 'contacted', via: 'email', letter: 'referral' },
          { date: '2026-11-06', stage: 'scheduled' },
        ],
        meeting: { at: '2026-11-25T08:30-05:00', minutes: 30, format: 'video', link: 'https://meet.example.com/x' },
        touch_every: 45,
        pronouns: 'she/her',
      }),
      '\n## Outcomes\n\n- Talk to [[lee-park]] and [[ana-ruiz|Ana]]\n```\n[[not-a-link]]\n```\n',
    );
    const reading = readNote('people/maya-chen.md', text);
    expect(reading.diagnostics).toEqual([]);
    expect(reading.contact).toMatchObject({
      id: 'maya-chen',
      file: 'people/maya-chen.md',
      name: 'Maya Chen',
      stage: 'scheduled',
      referredBy: 'sam-ortiz',
      tags: ['ux', 'health'],
      meeting: { at: '2026-11-25T08:30-05:00', minutes: 30, format: 'video' },
      touchEvery: 45,
      outcomeLinks: ['lee-park', 'ana-ruiz'],
    });
    expect(reading.contact?.fields.pronouns).toBe('she/her');
    expect(reading.contact?.history).toHaveLength(3);
  });

  it('ignores notes that are not contacts', () => {
    expect(readNote('readme.md', '# Just notes\n')).toMatchObject({ isContact: false, diagnostics: [] });
    expect(readNote('company.md', noteText({ type: 'company', name: 'Acme' }))).toMatchObject({ isContact: false, diagnostics: [] });
  });

  it('points a YAML error at its line', () => {
    const diagnostics = readNote('x.md', '---\ntype: contact\nname: [unclosed\nstage: held\n---\n').diagnostics;
    expect(diagnostics).toEqual([
      {
        file: 'x.md',
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 16,
        severity: 'error',
        rule: 'yaml-syntax',
        message: 'The list opened with `[` is never closed',
        hint: 'Add `]` at the end of the list, on the same line',
        // The repair, placed: `]` after `[unclosed` (line 3, column 16).
        fix: { title: 'Close the list: add ] at the end of the line', line: 3, column: 16, endLine: 3, endColumn: 16, text: ']' },
      },
    ]);
  });

  it('gives the repair a YAML mistake needs when there is one way to make it, placed to the character', () => {
    const fixOf = (yaml: string) => readNote('x.md', `---\ntype: contact\n${yaml}---\n`).diagnostics[0]?.fix;
    // The value of line 3 starts at column 7 and is 22 characters long.
    expect(fixOf('role: Manager: Data Platform\n')).toEqual({ title: 'Put the value in quotes: "Manager: Data Platform"', line: 3, column: 7, endLine: 3, endColumn: 29, text: '"Manager: Data Platform"' });
    // A quote goes after the last character of the line (column 19, after `data`; spaces and a CRLF aside), `#` included: it is inside the quotes.
    expect(fixOf('name: Ana Lima\r\nrole: "Lead # data  \r\nstage: held\r\n')).toEqual({ title: 'Close the quote: add " at the end of the line', line: 4, column: 19, endLine: 4, endColumn: 19, text: '"' });
    // A list's bracket goes before its comment (column 20, after `research`).
    expect(fixOf('name: Ana\ntags: [ux, research # from the fair\nstage: held\n')).toEqual({ title: 'Close the list: add ] at the end of the line', line: 4, column: 20, endLine: 4, endColumn: 20, text: ']' });
    // A tab has more than one repair (how many spaces?): none is given.
    expect(fixOf('name: Ana\nhistory:\n\t- date: 2026-11-02\n')).toBeUndefined();
  });

  describe('says a YAML mistake in plain words, at the line where it is', () => {
    // Each mistake is said the same, at the same place, with the same repair, in a note saved with Windows line ends.
    const yamlProblem = (yaml: string) => {
      const said = (text: string) => {
        const diagnostics = readNote('x.md', text).diagnostics;
        expect(diagnostics.map((d) => d.rule)).toEqual(['yaml-syntax']);
        const [d] = diagnostics;
        return { at: `${d!.line}:${d!.column}-${d!.endLine}:${d!.endColumn}`, message: d!.message, hint: d!.hint, fix: d!.fix };
      };
      const note = `---\n${yaml}---\n\n# Notes\n`;
      const { fix, ...lf } = said(note);
      expect(said(note.replace(/\n/g, '\r\n'))).toEqual({ ...lf, fix });
      return lf;
    };

    it('an unclosed quote on line 3, at its opening quote (the parser stops at the closing ---, line 6)', () => {
      expect(yamlProblem('type: contact\nname: "Lena Ortiz\nstage: held\nrole: Analyst\n')).toEqual({
        at: '3:7-3:18',
        message: 'The `"` that starts this value is never closed',
        hint: 'Add `"` at the end of the value',
      });
      expect(yamlProblem("type: contact\nname: 'Lena Ortiz\nstage: held\n").at).toBe('3:7-3:18');
    });

    it('a value containing `: `, with the quoted line to write', () => {
      expect(yamlProblem('type: contact\nname: Lena\nrole: Manager: Data Platform\nstage: held\n')).toEqual({
        at: '4:7-4:29',
        message: 'The value of `role` contains `: `, which YAML reads as the start of another field',
        hint: 'Put the value in quotes: it contains `: ` (role: "Manager: Data Platform")',
      });
      expect(yamlProblem('type: contact\nname: Lena\nrole: Lead: "Grid" team\n').hint).toBe(`Put the value in quotes: it contains \`: \` (role: 'Lead: "Grid" team')`);
    });

    it('a duplicate key, naming both lines', () => {
      expect(yamlProblem('type: contact\nname: Lena\nrole: Analyst\nstage: held\nindustry: Energy\nrole: Manager\n')).toEqual({
        at: '7:1-7:5',
        message: '`role` appears twice (lines 4 and 7): keep one',
        hint: 'Delete the `role` line you do not want',
      });
    });

    it('a field name without its colon, in the middle or at the end', () => {
      expect(yamlProblem('type: contact\nname: Lena\nindustry Telehealth\nstage: held\n')).toEqual({
        at: '4:1-4:20',
        message: '`industry Telehealth` has no `:` after the field name',
        hint: 'Write it as `industry: Telehealth`',
      });
      expect(yamlProblem('type: contact\nname: Lena\nstage: held\nindustry Telehealth\n').at).toBe('5:1-5:20');
    });

    it('an indentation that lines up with nothing, deeper or shallower, and a tab', () => {
      expect(yamlProblem('type: contact\nname: Lena\nrole: Analyst\n  industry: Energy\n')).toMatchObject({ at: '5:3-5:19', message: 'This line is indented by 2 spaces, which lines it up with no field above it' });
      expect(yamlProblem('type: contact\nname: Lena\ntags:\n  - ux\n - health\n')).toMatchObject({ at: '6:2-6:10', message: 'This line is indented by 1 space, which lines it up with no field above it' });
      expect(yamlProblem('type: contact\nname: Lena\nmeeting:\n  at: 2026-11-25T08:30\n   minutes: 30\n')).toMatchObject({ at: '6:4-6:15', message: 'This line is indented by 3 spaces, which lines it up with no field above it' });
      expect(yamlProblem('type: contact\nname: Lena\nhistory:\n\t- date: 2026-11-02\n')).toEqual({ at: '5:1-5:2', message: 'This line is indented with a tab', hint: 'Indent with spaces: YAML does not allow tabs' });
    });

    it('text after a closing quote, a value starting with a reserved character, an unclosed mapping', () => {
      expect(yamlProblem('type: contact\nname: "Lena" Ortiz\n')).toEqual({ at: '3:14-3:19', message: 'There is text after the closing quote of this value', hint: 'Put the whole value inside the quotes' });
      expect(yamlProblem('type: contact\nname: Lena\nrole: `lead`\n')).toEqual({ at: '4:7-4:13', message: 'A value cannot start with `` ` ``', hint: 'Put the value in quotes' });
      expect(yamlProblem('type: contact\nname: Lena\nlocation: {city: Portland\nstage: held\n')).toEqual({
        at: '4:11-4:26',
        message: 'The mapping opened with `{` is never closed',
        hint: 'Add `}` at the end of the mapping, on the same line',
      });
    });

    it('keeps the parser words, framed, for a mistake it does not know', () => {
      expect(yamlProblem('type: contact\nname: Lena\nrole: &a &b Analyst\n')).toEqual({
        at: '4:10-4:12',
        message: 'The YAML cannot be read here: A node can have at most one anchor',
        hint: 'Check the quotes, colons and indentation of this line',
      });
    });
  });

  it('reports an unterminated frontmatter', () => {
    expect(readNote('x.md', '---\ntype: contact\nname: A\n')).toMatchObject({ isContact: true, diagnostics: [{ rule: 'yaml-syntax', line: 1 }] });
  });

  it('reports duplicate keys', () => {
    expect(rules('---\ntype: contact\nname: A\nname: B\nstage: held\n---\n')).toEqual(['yaml-syntax']);
  });

  it('reports a missing type on a note that looks like a contact', () => {
    expect(rules(noteText({ name: 'A', stage: 'held' }))).toEqual(['missing-type']);
  });

  it('reports missing name and stage', () => {
    expect(rules(noteText({ type: 'contact' }))).toEqual(['missing-field', 'missing-field']);
  });

  it('reports an unknown stage at its line and column', () => {
    const reading = readNote('x.md', noteText(contactFields({ stage: 'interviewed', history: [] })));
    expect(reading.diagnostics).toMatchObject([{ rule: 'unknown-stage', line: 4, column: 8, severity: 'error' }]);
    expect(reading.diagnostics[0]!.hint).toContain('identified');
    expect(reading.contact?.stage).toBe('identified');
  });

  it('reports malformed dates, including impossible ones', () => {
    const text = noteText(contactFields({ history: [{ date: '2026-02-30', stage: 'identified' }, { date: '23/11/2026', stage: 'identified' }] }));
    expect(rules(text)).toEqual(['invalid-date', 'invalid-date']);
    expect(rules(noteText(contactFields({ stage: 'scheduled', history: [{ date: '2026-11-02', stage: 'scheduled' }], meeting: { at: '2026-11-25 8am' } })))).toEqual(['invalid-date']);
    expect(rules(noteText(contactFields({ next: { action: 'x', due: 'soon' } })))).toEqual(['invalid-date']);
  });

  it('reports wrong types', () => {
    expect(rules(noteText(contactFields({ name: 42 })))).toEqual(['invalid-type']);
    expect(rules(noteText(contactFields({ tags: 'ux' })))).toEqual(['invalid-type']);
    expect(rules(noteText(contactFields({ history: 'yesterday' })))).toEqual(['invalid-type']);
    expect(rules(noteText(contactFields({ touch_every: 'monthly' })))).toEqual(['invalid-type']);
    expect(rules(noteText(contactFields({ organization: ['a', 'b'] })))).toEqual(['invalid-type']);
    expect(rules(noteText(contactFields({ stage: 'scheduled', history: [{ date: '2026-11-02', stage: 'scheduled' }], meeting: { at: '2026-11-25T08:30', minutes: 'half an hour' } })))).toEqual(['invalid-type']);
  });

  it('reports values outside the vocabulary', () => {
    expect(rules(noteText(contactFields({ source: 'twitter' })))).toEqual(['invalid-value']);
    expect(rules(noteText(contactFields({ linkedin: 'maya' })))).toEqual(['invalid-value']);
    expect(rules(noteText(contactFields({ email: 'not an email' })))).toEqual(['invalid-value']);
    expect(rules(noteText(contactFields({ referred_by: 'sam' })))).toEqual(['invalid-value']);
  });

  it('recovers an unquoted wikilink and says how to fix it', () => {
    const reading = readNote('x.md', '---\ntype: contact\nname: A\nstage: identified\nreferred_by: [[sam-ortiz]]\n---\n');
    expect(reading.contact?.referredBy).toBe('sam-ortiz');
    expect(reading.diagnostics).toMatchObject([{ rule: 'invalid-type', line: 5, hint: 'Write it in quotes: "[[sam-ortiz]]"' }]);
  });

  it('warns when the stage disagrees with the last history entry', () => {
    expect(rules(noteText(contactFields({ stage: 'held' })))).toEqual(['stage-history-mismatch']);
  });

  it('compares the stage with the last step, not with a touch logged after it (two clones merged: a thank-you on one, a touch on the other)', () => {
    const merged = '---\ntype: contact\nname: Ben Osei\nstage: thanked\nhistory:\n  - {date: 2026-11-25, stage: held}\n  - {date: 2026-11-25, stage: thanked, via: email}\n  - {date: 2026-11-26, stage: held, touch: true, note: He sent the intake study}\n---\n';
    expect(readNote('ben-osei.md', merged).diagnostics).toEqual([]);
    expect(rules(merged.replace('stage: thanked\nhistory', 'stage: nurturing\nhistory'))).toEqual(['stage-history-mismatch']);
  });

  it('does not compare the stage with the history when its last entry cannot be read: the error of that entry says what to fix', () => {
    const typo = '---\ntype: contact\nname: Owen Park\nstage: contacted\nhistory:\n  - date: 2026-11-18\n    stage: identified\n  - date: 2026-11-31\n    stage: contacted\n---\n';
    expect(readNote('owen-park.md', typo).diagnostics.map(({ line, rule }) => [line, rule])).toEqual([[8, 'invalid-date']]);
    // An entry before the last that cannot be read leaves the comparison to the last one.
    const middle = '---\ntype: contact\nname: Owen Park\nstage: held\nhistory:\n  - date: 2026-11-31\n    stage: identified\n  - date: 2026-12-01\n    stage: contacted\n---\n';
    expect(readNote('owen-park.md', middle).diagnostics.map(({ line, rule }) => [line, rule])).toEqual([[6, 'invalid-date'], [4, 'stage-history-mismatch']]);
  });

  it('warns about a second Outcomes heading, whose items are not read', () => {
    const text = '---\ntype: contact\nname: Owen Park\nstage: held\n---\n\n# Owen Park\n\n## Outcomes\n\n## Notes\n\nMet at the fair.\n\n## Outcomes\n\n- Referral: Sam Whitaker\n';
    const reading = readNote('owen-park.md', text);
    expect(reading.diagnostics.map(({ line, column, endLine, rule, severity, message, hint }) => ({ line, column, endLine, rule, severity, message, hint }))).toEqual([
      { line: 15, column: 1, endLine: 15, rule: 'duplicate-section', severity: 'warning', message: 'A second "Outcomes" section: only the first, on line 9, is read', hint: 'Move its items under the first heading and delete this one' },
    ]);
    expect(reading.contact?.outcomes).toEqual([]);
    expect(readNote('owen-park.md', text.replace('## Outcomes\n\n## Notes', '## Notes')).diagnostics).toEqual([]);
  });

  it('warns when history goes back in time', () => {
    const history = [
      { date: '2026-11-05', stage: 'identified' },
      { date: '2026-11-01', stage: 'contacted' },
    ];
    expect(rules(noteText(contactFields({ stage: 'contacted', history })))).toEqual(['history-order']);
  });

  it('positions diagnostics past a BOM and CRLF line endings', () => {
    const text = '\uFEFF' + noteText(contactFields({ stage: 'bogus', history: [] })).replace(/\n/g, '\r\n');
    expect(readNote('x.md', text).diagnostics).toMatchObject([{ rule: 'unknown-stage', line: 4, column: 8 }]);
  });

  it('does not throw on an alias bomb', () => {
    const bomb = ['---', 'type: contact', 'a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', '---', ''].join('\n');
    expect(rules(bomb)).toEqual(['yaml-syntax']);
  });
});
