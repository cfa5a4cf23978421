import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readNote } from './read-contact.js';
import { applyFix } from './apply-fix.js';
import { explainYamlProblem } from './yaml-problem.js';

/**
 * The YAML mistakes of `explainYamlProblem`, each through `readNote` as the
 * user sees it: the place underlined (line:column-endLine:endColumn, counted
 * by hand; line 1 is the opening `---`, so the YAML's first line is line 2),
 * the words and the hint.
 */
function yamlProblem(yaml: string): string {
  const { diagnostics } = readNote('people/lena-ortiz.md', `---\n${yaml}---\n\n# Notes\n`);
  expect(diagnostics.map((d) => d.rule)).toEqual(['yaml-syntax']);
  const [d] = diagnostics;
  return `${d!.line}:${d!.column}-${d!.endLine}:${d!.endColumn} ${d!.message} | ${d!.hint}`;
}

const HEAD = 'type: contact\nname: Lena\n';

describe('a field name without its colon', () => {
  it('with a value, then a line that would continue it', () => {
    // Line 4 `stage held`, 10 characters.
    expect(yamlProblem(`${HEAD}stage held\n  x: 1\n`)).toBe('4:1-4:11 `stage held` has no `:` after the field name | Write it as `stage: held`');
    expect(yamlProblem(`${HEAD}stage  held\n`)).toBe('4:1-4:12 `stage  held` has no `:` after the field name | Write it as `stage: held`');
  });

  it('offers to add the colon to a contact field written with its value, and only then', () => {
    const fixOf = (yaml: string) => readNote('people/lena-ortiz.md', `---\n${yaml}---\n`).diagnostics[0]?.fix;
    expect(fixOf(`${HEAD}industry State government\nstage: contacted\n`)).toEqual({ title: 'Add the colon: industry: State government', line: 4, column: 9, endLine: 4, endColumn: 9, text: ':' });
    // Not a field Rapport knows, indented (inside another field), or without a value: the user says what they meant.
    expect(fixOf(`${HEAD}colour red\nstage: contacted\n`)).toBeUndefined();
    expect(fixOf(`${HEAD}meeting:\n  at: 10\n  place Cafe\n`)).toBeUndefined();
    expect(fixOf(`${HEAD}industry\n`)).toBeUndefined();
  });

  it('named by the field and value, its comment left out of the words and kept by the repair', () => {
    // Line 4: `industry Telehealth` ends at column 19; the comment, with its backticks and colon, is not part of the mistake.
    const text = `---\n${HEAD}industry Telehealth   # from \`their site\`: check\n---\n`;
    expect(yamlProblem(`${HEAD}industry Telehealth   # from \`their site\`: check\n`)).toBe('4:1-4:20 `industry Telehealth` has no `:` after the field name | Write it as `industry: Telehealth`');
    const fix = readNote('people/lena-ortiz.md', text).diagnostics[0]!.fix!;
    expect(fix.title).toBe('Add the colon: industry: Telehealth');
    expect(applyFix(text, fix).split('\n')[3]).toBe('industry: Telehealth   # from `their site`: check');
  });

  it('on the first line under a field, which YAML reads as its value, said at that line', () => {
    // Line 5 `  minutes 30`; the parser gives up at line 6, which no mapping holds. A field of `meeting` has no repair.
    expect(yamlProblem(`${HEAD}meeting:\n  minutes 30\n  format: phone\n`)).toBe('5:3-5:13 `minutes 30` has no `:` after the field name | Write it as `minutes: 30`');
    expect(readNote('people/lena-ortiz.md', `---\n${HEAD}meeting:\n  minutes 30\n  format: phone\n---\n`).diagnostics[0]?.fix).toBeUndefined();
  });

  it('alone on the last line', () => {
    expect(yamlProblem(`${HEAD}industry\n`)).toBe('4:1-4:9 `industry` has no `:` after the field name | Write it as `industry: ` followed by the value');
  });

  it('on an indented line, named without its indentation', () => {
    expect(yamlProblem(`${HEAD}meeting:\n  at: 10\n  place\n`)).toBe('6:3-6:8 `place` has no `:` after the field name | Write it as `place: ` followed by the value');
  });

  it('a field lined up with no other after a comment', () => {
    // Line 5 `  x`: the parser finds `x` at column 3 where a field of the top mapping should start.
    expect(yamlProblem(`${HEAD}role: "a"  # c\n  x\n`)).toBe('5:3-5:4 This line is indented by 2 spaces, which lines it up with no field above it | Indent it by as many spaces as the fields it belongs with');
  });

  it('as a list item where a field is expected, underlined after the dash', () => {
    expect(yamlProblem(`${HEAD}-  ux\n`)).toBe('4:4-4:6 `-  ux` has no `:` after the field name | Write it as `ux: ` followed by the value');
  });

  it('a line that has a colon is not one: the parser words stay', () => {
    expect(yamlProblem(`${HEAD}- role: a: b\n`)).toBe(
      '4:1-4:2 The YAML cannot be read here: Implicit keys need to be on a single line | Check the quotes, colons and indentation of this line',
    );
  });
});

describe('a value YAML reads as another field', () => {
  it('a `: ` inside a history note, under the value', () => {
    // Line 5 `  - note: a: b`: the value `a: b` is columns 11-14.
    expect(yamlProblem(`${HEAD}history:\n  - note: a: b\n`)).toBe(
      '5:11-5:15 The value of `note` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (note: "a: b")',
    );
    // Two spaces after the dash: the value is columns 12-15.
    expect(yamlProblem(`${HEAD}history:\n  -  note: a: b\n`)).toBe(
      '5:12-5:16 The value of `note` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (note: "a: b")',
    );
  });

  it('a `: ` in a value with a backslash: quoted in single quotes, where `\\` is not an escape', () => {
    expect(yamlProblem(`${HEAD}note: Files: C:\\Users\\jordan\n`)).toBe(
      "4:7-4:29 The value of `note` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (note: 'Files: C:\\Users\\jordan')",
    );
  });

  it('a `: ` in a value with spaces around it, or with both kinds of quote', () => {
    // `role:  Manager: Data  `: the value is columns 8-20, without the spaces around it.
    expect(yamlProblem(`${HEAD}role:  Manager: Data  \n`)).toBe(
      '4:8-4:21 The value of `role` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (role: "Manager: Data")',
    );
    expect(yamlProblem(`${HEAD}role: Lead: "Grid" team's\n`)).toBe(
      `4:7-4:26 The value of \`role\` contains \`: \`, which YAML reads as the start of another field | Put the value in quotes: it contains \`: \` (role: 'Lead: "Grid" team''s')`,
    );
  });

  it('a `: ` in a value followed by a comment: the comment stays a comment, after the quotes', () => {
    // Line 4 `role: Manager: Design Research   # his title`: the value is columns 7-30.
    const text = `---\n${HEAD}role: Manager: Design Research   # his title\nstage: held\n---\n`;
    expect(yamlProblem(`${HEAD}role: Manager: Design Research   # his title\nstage: held\n`)).toBe(
      '4:7-4:31 The value of `role` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (role: "Manager: Design Research")',
    );
    const { fix } = readNote('people/lena-ortiz.md', text).diagnostics[0]!;
    expect(fix).toEqual({ title: 'Put the value in quotes: "Manager: Design Research"', line: 4, column: 7, endLine: 4, endColumn: 31, text: '"Manager: Design Research"' });
    const fixed = applyFix(text, fix!);
    expect(fixed).toBe(`---\n${HEAD}role: "Manager: Design Research"   # his title\nstage: held\n---\n`);
    expect(readNote('people/lena-ortiz.md', fixed).contact?.role).toBe('Manager: Design Research');
  });

  it('a `: ` after a key YAML reads but Rapport does not parse keeps the parser words', () => {
    // Line 4 `c#d: a: b`: the parser points at `a`, column 6.
    expect(yamlProblem(`${HEAD}c#d: a: b\nstage: held\n`)).toBe(
      '4:6-4:7 The YAML cannot be read here: Nested mappings are not allowed in compact mappings | Check the quotes, colons and indentation of this line',
    );
  });

  it('a value ending in `:`', () => {
    // Line 4 `role: Lead:`: the value is columns 7-11.
    expect(yamlProblem(`${HEAD}role: Lead:\nstage: held\n`)).toBe(
      '4:7-4:12 The value of `role` ends with `:`, which YAML reads as the start of another field | Put the value in quotes: it ends with `:` (role: "Lead:")',
    );
  });

  it("a history entry's field indented by one space too few, which YAML takes for a list item without its dash (trial 23)", () => {
    // Line 7 `   stage: identified` under `  - date: 2026-12-07`: columns 4-21.
    expect(yamlProblem('type: contact\nname: Linh\nstage: identified\nhistory:\n  - date: 2026-12-07\n   stage: identified\n')).toBe(
      '7:4-7:21 This line is indented by 3 spaces, which lines it up with no field above it | Indent it by as many spaces as the fields it belongs with',
    );
  });

  it('a line indented under a field that already has a value', () => {
    // Line 5 `  at: 2026-11-25`, line 6 `    minutes: 30`: the mistake is line 6's indentation, columns 5-15.
    expect(yamlProblem(`${HEAD}meeting:\n  at: 2026-11-25\n    minutes: 30\n`)).toBe(
      '6:5-6:16 This line is indented by 4 spaces, which lines it up with no field above it | Indent it by as many spaces as the fields it belongs with',
    );
    expect(yamlProblem('type: contact\n  name: Lena\n')).toBe(
      '3:3-3:13 This line is indented by 2 spaces, which lines it up with no field above it | Indent it by as many spaces as the fields it belongs with',
    );
    expect(yamlProblem('type: contact\nname: Lena\n role: Analyst\n')).toBe(
      '4:2-4:15 This line is indented by 1 space, which lines it up with no field above it | Indent it by as many spaces as the fields it belongs with',
    );
  });
});

describe('quotes, brackets and reserved characters', () => {
  it('an unclosed quote on the last line, and one followed by more fields', () => {
    expect(yamlProblem(`${HEAD}x: "a\n`)).toBe('4:4-4:6 The `"` that starts this value is never closed | Add `"` at the end of the value');
    expect(yamlProblem(`type: contact\nname: 'Lena\nstage: held\n`)).toBe("3:7-3:12 The `'` that starts this value is never closed | Add `'` at the end of the value");
  });

  it('a second quoted value, or text after a single-quoted one', () => {
    // Line 4 `role: "a" "b"`: the second value is columns 11-13.
    expect(yamlProblem(`${HEAD}role: "a" "b"\n`)).toBe('4:11-4:14 There is text after the closing quote of this value | Put the whole value inside the quotes');
    expect(yamlProblem(`${HEAD}role: 'a'  Lead\n`)).toBe('4:12-4:16 There is text after the closing quote of this value | Put the whole value inside the quotes');
    // One character at the line's end.
    expect(yamlProblem(`${HEAD}role: "a" b\n`)).toBe('4:11-4:12 There is text after the closing quote of this value | Put the whole value inside the quotes');
  });

  it('an apostrophe inside single quotes, with a fix that quotes the value again', () => {
    // Line 4 `role: 'Lead at L'Oréal'  # since May`: the value is columns 7 to 23.
    const text = `---\n${HEAD}role: 'Lead at L'Oréal'  # since May\nstage: held\n---\n`;
    const [diagnostic] = readNote('people/lena-ortiz.md', text).diagnostics;
    expect(`${diagnostic!.line}:${diagnostic!.column}-${diagnostic!.endLine}:${diagnostic!.endColumn} ${diagnostic!.message} | ${diagnostic!.hint}`).toBe(
      '4:7-4:24 The apostrophe in `L\'Oréal` ends the single quotes around the value of `role` | Put the value in double quotes, which an apostrophe does not end (role: "Lead at L\'Oréal")',
    );
    expect(applyFix(text, diagnostic!.fix!)).toBe(`---\n${HEAD}role: "Lead at L'Oréal"  # since May\nstage: held\n---\n`);
    // A `"` in the value: double quotes would need escapes, so the apostrophe is written twice and `''` already there stays.
    const withQuote = `---\n${HEAD}role: 'Lead, "Care" team at L'Oréal, it''s'\n---\n`;
    const [doubled] = readNote('people/lena-ortiz.md', withQuote).diagnostics;
    expect(doubled!.hint).toBe(`Write the apostrophe twice inside single quotes (role: 'Lead, "Care" team at L''Oréal, it''s')`);
    expect(readNote('people/lena-ortiz.md', applyFix(withQuote, doubled!.fix!)).contact?.role).toBe(`Lead, "Care" team at L'Oréal, it's`);
    // `''`, an apostrophe written right inside single quotes, is written once in double quotes.
    const escaped = `---\n${HEAD}role: 'It''s O'Neill''s team'\n---\n`;
    const [once] = readNote('people/lena-ortiz.md', escaped).diagnostics;
    expect(applyFix(escaped, once!.fix!)).toBe(`---\n${HEAD}role: "It's O'Neill's team"\n---\n`);
    // Two quoted values side by side are not an apostrophe: the words stay.
    expect(yamlProblem(`${HEAD}role: 'a' 'b'\n`)).toBe('4:11-4:14 There is text after the closing quote of this value | Put the whole value inside the quotes');
  });

  it('text after a closing bracket keeps the parser words', () => {
    expect(yamlProblem(`${HEAD}role: [a] b\n`)).toBe('4:11-4:12 The YAML cannot be read here: Unexpected scalar at node end | Check the quotes, colons and indentation of this line');
  });

  it('a list never closed that holds a closed one, or another one never closed', () => {
    // `tags: [ux, [a], b`: the outer list opens at column 7.
    expect(yamlProblem(`${HEAD}tags: [ux, [a], b\nstage: held\n`)).toBe('4:7-4:18 The list opened with `[` is never closed | Add `]` at the end of the list, on the same line');
    // `tags: [ux, [a, b`: the inner one, at column 12, is the last opened.
    expect(yamlProblem(`${HEAD}tags: [ux, [a, b\nstage: held\n`)).toBe('4:12-4:17 The list opened with `[` is never closed | Add `]` at the end of the list, on the same line');
  });

  it('a list opened in a key', () => {
    expect(yamlProblem(`${HEAD}? [a\n`)).toBe('4:3-4:5 The list opened with `[` is never closed | Add `]` at the end of the list, on the same line');
  });

  it('a value starting with `@` or `%`, up to the line end', () => {
    expect(yamlProblem(`${HEAD}role: @lead\n`)).toBe('4:7-4:12 A value cannot start with `@` | Put the value in quotes');
  });
});

describe('a key written twice', () => {
  it('inside a history entry, naming both lines', () => {
    // Line 5 `  - date: 2026-11-01`, line 6 `    date: 2026-11-02`: the second key is columns 5-8.
    expect(yamlProblem(`${HEAD}history:\n  - date: 2026-11-01\n    date: 2026-11-02\n`)).toBe(
      '6:5-6:9 `date` appears twice (lines 5 and 6): keep one | Delete the `date` line you do not want',
    );
  });

  it('in a one-line mapping', () => {
    // Line 4 `tags: {a: 1, a: 2}`: the second `a` is column 14.
    expect(yamlProblem(`${HEAD}tags: {a: 1, a: 2}\n`)).toBe('4:14-4:15 `a` appears twice (lines 4 and 4): keep one | Delete the `a` line you do not want');
  });
});

describe('aliases and nesting', () => {
  it('an alias with no anchor before it, at the alias', () => {
    // Line 4 `x: [1, *later]`: `*later` is columns 8-13; its anchor comes after it, on line 5.
    expect(yamlProblem(`${HEAD}x: [1, *later]\ny: &later 2\n`)).toBe(
      '4:8-4:14 `*later` repeats the value marked `&later`, but no value before it has that mark | Write the value out, or mark the value it repeats with `&later`',
    );
  });

  it('aliases that expand past what Rapport reads, at the first alias', () => {
    const repeat = (alias: string) => `[${Array.from({ length: 10 }, () => alias).join(', ')}]`;
    // Line 4 `a: &a [1, 2]`, line 5 `b: &b [*a, …`: the first alias is columns 8-9.
    const yaml = `${HEAD}a: &a [1, 2]\nb: &b ${repeat('*a')}\nc: &c ${repeat('*b')}\nd: ${repeat('*c')}\n`;
    expect(yamlProblem(yaml)).toBe('5:8-5:10 The aliases (`*name`) in this frontmatter repeat each other into more values than Rapport reads | Write the values out instead of using aliases');
    // A `*` inside a word is no alias: line 4 is `note: 5*3 stars`, line 6 `b: &b [ *base, …`, the alias at columns 9-13.
    const spaced = `${HEAD}note: 5*3 stars\nbase: &base [1, 2]\nb: &b [ ${repeat('*base').slice(1)}\nc: &c ${repeat('*b')}\nd: ${repeat('*c')}\n`;
    expect(yamlProblem(spaced)).toBe('6:9-6:14 The aliases (`*name`) in this frontmatter repeat each other into more values than Rapport reads | Write the values out instead of using aliases');
  });

  // How deep `yaml` gets before its stack runs out depends on the thread it runs in (a worker
  // thread goes deeper, and there 20,000 brackets exhaust its memory instead): the problem is given as `yaml` reports it.
  it('brackets nested too deeply, at the line\'s first bracket', () => {
    const yaml = 'type: contact\ndeep: [[[[\n';
    // `deep: ` is 14-19: the first bracket is 20, wherever on the line the parser ran out of stack.
    const problem = { code: 'RESOURCE_EXHAUSTION', offset: 23, endOffset: 24, message: 'Maximum call stack size exceeded' };
    expect(explainYamlProblem(yaml, parseDocument(yaml), problem, () => 3, () => false)).toEqual({ start: 20, end: 21, message: 'The lists or mappings here are nested too deeply to read', hint: 'Remove the extra brackets' });
  });

  it('nesting too deep without brackets, at the line start', () => {
    const yaml = 'type: contact\ndeep:\n  - - - 1\n';
    // The third line starts at 20.
    const problem = { code: 'RESOURCE_EXHAUSTION', offset: 27, endOffset: 28, message: 'Maximum call stack size exceeded' };
    // No brackets on the line: the hint speaks of the nesting, not of brackets to remove.
    expect(explainYamlProblem(yaml, parseDocument(yaml), problem, () => 4, () => false)).toEqual({ start: 20, end: 21, message: 'The lists or mappings here are nested too deeply to read', hint: 'Nest fewer lists and mappings inside each other (each `- ` or deeper indent is one more level)' });
    // `parseFrontmatter`'s own words when the parser throws, placed at the start.
    expect(explainYamlProblem(yaml, parseDocument(yaml), { offset: 0, endOffset: 0, message: 'the YAML is nested too deeply to read' }, () => 2, () => false)).toMatchObject({ start: 0, end: 1 });
  });
});

describe('a `...` inside the frontmatter, before more fields', () => {
  it('at the `...` line, naming the fields YAML would not read', () => {
    // Line 4 `stage: held`, line 5 `...`, then `role` and `tags`.
    expect(yamlProblem(`${HEAD}stage: held\n...\nrole: Lead\ntags: [a]\n`)).toBe('5:1-5:4 `...` ends the YAML here, so the lines after it (`role`, `tags`) are not read | Delete the `...` line so that the lines after it are read');
    // More than three: the first three, then an ellipsis.
    expect(yamlProblem(`${HEAD}...\nstage: held\nrole: Lead\ntags: [a]\nhistory:\n  - date: 2026-11-02\n    stage: held\n`)).toBe('4:1-4:4 `...` ends the YAML here, so the lines after it (`stage`, `role`, `tags`…) are not read | Delete the `...` line so that the lines after it are read');
  });

  it('leaves no contact to read, and its fix deletes the line, after which the note reads whole', () => {
    const text = '---\ntype: contact\nname: X\nstage: held\n...\nrole: lost\n---\n';
    const reading = readNote('people/x.md', text);
    expect(reading).toMatchObject({ isContact: true, contact: undefined });
    expect(reading.diagnostics).toEqual([
      {
        file: 'people/x.md',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 4,
        severity: 'error',
        rule: 'yaml-syntax',
        message: '`...` ends the YAML here, so the lines after it (`role`) are not read',
        hint: 'Delete the `...` line so that the lines after it are read',
        fix: { title: 'Delete the `...` line', line: 5, column: 1, endLine: 6, endColumn: 1, text: '' },
      },
    ]);
    const fixed = applyFix(text, reading.diagnostics[0]!.fix!);
    expect(fixed).toBe('---\ntype: contact\nname: X\nstage: held\nrole: lost\n---\n');
    expect(readNote('people/x.md', fixed)).toMatchObject({ diagnostics: [], contact: { role: 'lost', stage: 'held' } });
    // With CRLF line endings, the line goes with its CR.
    const crlf = text.replace(/\n/g, '\r\n');
    expect(applyFix(crlf, readNote('people/x.md', crlf).diagnostics[0]!.fix!)).toBe(fixed.replace(/\n/g, '\r\n'));
  });

  it('a `...` that closes the frontmatter still does', () => {
    expect(readNote('people/x.md', '---\ntype: contact\nname: X\nstage: held\n...\n\n# X\n\nrole: none of the YAML\n')).toMatchObject({ diagnostics: [], contact: { name: 'X', stage: 'held' } });
  });
});

describe('block mappings nested thousands deep', () => {
  it('are a diagnostic where the parser ran out of stack, not a thrown RangeError', () => {
    // `foo:` on line 5, then ` k:`, `  k:`… one level deeper a line, lines 6 to 3005.
    const deep = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n');
    const { contact, diagnostics } = readNote('people/lena-ortiz.md', `---\n${HEAD}stage: held\nfoo:\n${deep}\n---\n`);
    expect(contact).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'yaml-syntax', message: 'The lists or mappings here are nested too deeply to read', hint: 'Nest fewer lists and mappings inside each other (each `- ` or deeper indent is one more level)' });
    // How deep the parser gets depends on the stack it runs on: somewhere inside the nesting.
    expect(diagnostics[0]!.line).toBeGreaterThan(5);
    expect(diagnostics[0]!.line).toBeLessThanOrEqual(3005);
  });

  it('a hundred deep is still read', () => {
    const deep = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n');
    expect(readNote('people/lena-ortiz.md', `---\n${HEAD}stage: held\nfoo:\n${deep} 1\n---\n`)).toMatchObject({ diagnostics: [], contact: { name: 'Lena' } });
  });
});

describe('several mistakes in one note', () => {
  /** Every diagnostic of the note, as line:column-endLine:endColumn, words and hint (counted by hand, line 1 the opening `---`). */
  function yamlProblems(yaml: string): string[] {
    const { diagnostics, contact } = readNote('people/lena-ortiz.md', `---\n${yaml}---\n`);
    expect(contact).toBeUndefined();
    expect(diagnostics.map((d) => d.rule)).toEqual(diagnostics.map(() => 'yaml-syntax'));
    return diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message} | ${d.hint}`);
  }

  it('an unclosed quote and a tab below it are both reported, though the quote swallows the tab for the parser', () => {
    // Line 3 `name: "Lena Ortiz` (the quote at column 7, 17 characters), line 7 a tab before `industry`.
    expect(yamlProblems('type: contact\nname: "Lena Ortiz\nstage: held\nrole: Nurse\norganization: Carelink\n\tindustry: Health\n')).toEqual([
      '3:7-3:18 The `"` that starts this value is never closed | Add `"` at the end of the value',
      '7:1-7:2 This line is indented with a tab | Indent with spaces: YAML does not allow tabs',
    ]);
  });

  it('each with its own hint and fix: an apostrophe in single quotes and a `: ` in a value', () => {
    const text = `---\n${HEAD}stage: held\nrole: 'Director, Women's Health'\norganization: Carelink\nnote: Met at: the fair\n---\n`;
    const { diagnostics } = readNote('people/lena-ortiz.md', text);
    // Line 5: the value is columns 7-32 (26 characters); line 7: `Met at: the fair` is columns 7-22.
    expect(diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message} | ${d.hint}`)).toEqual([
      "5:7-5:33 The apostrophe in `Women's` ends the single quotes around the value of `role` | Put the value in double quotes, which an apostrophe does not end (role: \"Director, Women's Health\")",
      '7:7-7:23 The value of `note` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (note: "Met at: the fair")',
    ]);
    expect(diagnostics.map((d) => d.fix)).toEqual([
      { title: `Quote the value as "Director, Women's Health"`, line: 5, column: 7, endLine: 5, endColumn: 33, text: `"Director, Women's Health"` },
      { title: 'Put the value in quotes: "Met at: the fair"', line: 7, column: 7, endLine: 7, endColumn: 23, text: '"Met at: the fair"' },
    ]);
    // Each fix is placed in the text as written: made one after the other, read again between them, the contact is back.
    const once = applyFix(text, diagnostics[0]!.fix!);
    const twice = applyFix(once, readNote('people/lena-ortiz.md', once).diagnostics[0]!.fix!);
    expect(twice).toBe(`---\n${HEAD}stage: held\nrole: "Director, Women's Health"\norganization: Carelink\nnote: "Met at: the fair"\n---\n`);
    expect(readNote('people/lena-ortiz.md', twice)).toMatchObject({ diagnostics: [], contact: { role: "Director, Women's Health" } });
  });

  it('two fields without their colon, and a key written three times (each repeat named with the first)', () => {
    expect(yamlProblems(`${HEAD}industry Telehealth\nstage: held\nlocation Pittsburgh\n`)).toEqual([
      '4:1-4:20 `industry Telehealth` has no `:` after the field name | Write it as `industry: Telehealth`',
      '6:1-6:20 `location Pittsburgh` has no `:` after the field name | Write it as `location: Pittsburgh`',
    ]);
    expect(yamlProblems(`${HEAD}role: a\nstage: held\nrole: b\nrole: c\n`)).toEqual([
      '6:1-6:5 `role` appears twice (lines 4 and 6): keep one | Delete the `role` line you do not want',
      '7:1-7:5 `role` appears twice (lines 4 and 7): keep one | Delete the `role` line you do not want',
    ]);
  });

  it('a field without its colon, whose nested fields are not reported with it, and a mistake after them', () => {
    // `meeting` on line 4: `at` and `minutes` under it line up with nothing once it is no mapping, which is the same mistake.
    expect(yamlProblems(`${HEAD}meeting\n  at: 2026-01-01\n  minutes: 30\nstage: held\nrole: a: b\n`)).toEqual([
      '4:1-4:8 `meeting` has no `:` after the field name | Write it as `meeting: ` followed by the value',
      '8:7-8:11 The value of `role` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (role: "a: b")',
    ]);
  });

  it('what a mistake causes further down is not reported', () => {
    // One history entry's fields indented by 5 spaces (lines 7 and 8): four errors to the parser, one mistake, at its first line.
    expect(yamlProblems(`${HEAD}stage: held\nhistory:\n  - date: 2026-01-01\n     stage: held\n     via: email\n  - date: 2026-01-02\n    stage: thanked\n`)).toEqual([
      '7:6-7:17 This line is indented by 5 spaces, which lines it up with no field above it | Indent it by as many spaces as the fields it belongs with',
    ]);
    // Two errors to the parser in one line, and five from a `[` typed after a `-`.
    expect(yamlProblems(`${HEAD}stage: held\nrole: "Nurse" lead: x\norganization: Carelink\n`)).toEqual([
      '5:7-5:22 The value of `role` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (role: \'"Nurse" lead: x\')',
    ]);
    expect(yamlProblems(`${HEAD}stage: held\nhistory:\n  -[ date: 2026-09-08\n    stage: identified\n  - date: 2026-09-09\n    stage: contacted\n`)).toHaveLength(1);
    // The same tab twice is two mistakes.
    expect(yamlProblems(`${HEAD}\trole: x\nstage: held\n\tlocation: y\n`)).toEqual([
      '4:1-4:2 This line is indented with a tab | Indent with spaces: YAML does not allow tabs',
      '6:1-6:2 This line is indented with a tab | Indent with spaces: YAML does not allow tabs',
    ]);
  });

  it('a list item indented one space too far is one mistake, and a mistake after it is still reported', () => {
    const misaligned = (line: number, spaces: number, end: number) => `${line}:${spaces + 1}-${line}:${end} This line is indented by ${spaces} spaces, which lines it up with no field above it | Indent it by as many spaces as the fields it belongs with`;
    const firstItem = (line: number, end: number, key: string, nested = '') =>
      `${line}:4-${line}:${end} The first item of \`${key}\` is indented by 3 spaces and the next one by 2 spaces: the items of a list line up | Indent this line by 2 spaces, as the next item${nested}`;
    // Line 6 `   - date: 2026-01-01` (21 characters) one space too far: line 7 `    stage: held` lines up with neither its `-` nor its `date`,
    // but with the fields of line 8 `  - date: 2026-01-02`; one mistake, said at line 6, the one to move.
    const history = `${HEAD}stage: held\nhistory:\n   - date: 2026-01-01\n    stage: held\n  - date: 2026-01-02\n    stage: thanked\n`;
    expect(yamlProblems(history)).toEqual([firstItem(6, 22, 'history')]);
    // The second entry's `stage` one space too few (line 9, columns 4-17) is a mistake of its own.
    expect(yamlProblems(history.replace('    stage: thanked', '   stage: thanked'))).toEqual([firstItem(6, 22, 'history'), misaligned(9, 3, 18)]);
    // Entries written as `{…}`: line 6 `   - {date: 2026-01-01, stage: held}` (36 characters) stands right of the two below it;
    // `role: a: b` on line 9 is another mistake.
    expect(yamlProblems(`${HEAD}stage: held\nhistory:\n   - {date: 2026-01-01, stage: held}\n  - {date: 2026-01-02, stage: thanked}\n  - {date: 2026-01-03, stage: nurturing}\nrole: a: b\n`)).toEqual([
      firstItem(6, 37, 'history'),
      '9:7-9:11 The value of `role` contains `: `, which YAML reads as the start of another field | Put the value in quotes: it contains `: ` (role: "a: b")',
    ]);
    // Tags: line 5 `   - ux` (7 characters) one space too far, not line 6 `  - health` where the parser gives up; `industry Telehealth` on line 8 is another.
    expect(yamlProblems(`${HEAD}tags:\n   - ux\n  - health\n  - research\nindustry Telehealth\n`)).toEqual([
      firstItem(5, 8, 'tags'),
      '8:1-8:20 `industry Telehealth` has no `:` after the field name | Write it as `industry: Telehealth`',
    ]);
    // The whole first entry one space too far (lines 6 and 7): line 6 again, the line under it to move with it.
    expect(yamlProblems(`${HEAD}stage: held\nhistory:\n   - date: 2026-01-01\n     stage: held\n  - date: 2026-01-02\n    stage: thanked\n`)).toEqual([
      firstItem(6, 22, 'history', ' (and the lines under it 1 space less)'),
    ]);
    // A second item one space too far (line 8 `   - date: 2026-01-02`, columns 4-21) is said where it is.
    expect(yamlProblems(`${HEAD}stage: held\nhistory:\n  - date: 2026-01-01\n    stage: held\n   - date: 2026-01-02\n    stage: thanked\n`)).toEqual([misaligned(8, 3, 22)]);
  });

  it('of two items, the one out of line with how lists are written is the one named', () => {
    // `tags:` then `   - a` and `  - b`: two spaces in is how lists are written, so line 5 (`   - a`, 6 characters) is the one to move.
    expect(yamlProblems(`${HEAD}tags:\n   - a\n  - b\n`)).toEqual([
      '5:4-5:7 The first item of `tags` is indented by 3 spaces and the next one by 2 spaces: the items of a list line up | Indent this line by 2 spaces, as the next item',
    ]);
    // `  - ux` then ` - health`: the second (line 6, columns 2-9) is the odd one, unless a third item lines up with it.
    expect(yamlProblems(`${HEAD}tags:\n  - ux\n - health\n`)).toEqual([
      '6:2-6:10 This line is indented by 1 space, which lines it up with no field above it | Indent it by as many spaces as the fields it belongs with',
    ]);
    expect(yamlProblems(`${HEAD}tags:\n  - ux\n - health\n - research\n`)).toEqual([
      '5:3-5:7 The first item of `tags` is indented by 2 spaces and the next one by 1 space: the items of a list line up | Indent this line by 1 space, as the next item',
    ]);
    // Under a key that is itself indented (line 4 `meeting:`, line 5 `  notes:`), the list's items stand under `notes`, or two spaces in:
    // line 6 `     - a` is the one to move.
    expect(yamlProblems(`${HEAD}meeting:\n  notes:\n     - a\n    - b\n`)).toEqual([
      '6:6-6:9 The first item of `notes` is indented by 5 spaces and the next one by 4 spaces: the items of a list line up | Indent this line by 4 spaces, as the next item',
    ]);
  });

  it('the repair lines the first item up with the next, its own lines with it, and the list reads as meant', () => {
    const read = (yaml: string) => readNote('people/lena-ortiz.md', `---\n${yaml}---\n`);
    const repaired = (yaml: string) => {
      const fix = read(yaml).diagnostics[0]!.fix!;
      return { title: fix.title, yaml: applyFix(`---\n${yaml}---\n`, fix).slice(4, -4) };
    };
    expect(repaired(`${HEAD}stage: held\ntags:\n   - ux\n  - health\n`)).toEqual({ title: 'Indent the first item by 2 spaces, as the next one', yaml: `${HEAD}stage: held\ntags:\n  - ux\n  - health\n` });
    // With the line under it (line 7 `     stage: contacted`), and a comment between them that stays a comment.
    expect(repaired(`${HEAD}stage: held\nhistory:\n   - date: 2026-01-01\n   # by email\n     stage: contacted\n  - date: 2026-01-02\n    stage: held\n`).yaml).toBe(
      `${HEAD}stage: held\nhistory:\n  - date: 2026-01-01\n  # by email\n    stage: contacted\n  - date: 2026-01-02\n    stage: held\n`,
    );
    // Only the dash line, when the lines under it already stand as the next item's.
    const fixed = repaired(`${HEAD}stage: held\nhistory:\n   - date: 2026-01-01\n    stage: contacted\n  - date: 2026-01-02\n    stage: held\n`).yaml;
    expect(fixed).toBe(`${HEAD}stage: held\nhistory:\n  - date: 2026-01-01\n    stage: contacted\n  - date: 2026-01-02\n    stage: held\n`);
    expect(read(fixed)).toMatchObject({ diagnostics: [], contact: { history: [{ date: '2026-01-01', stage: 'contacted' }, { date: '2026-01-02', stage: 'held' }] } });
  });
});
