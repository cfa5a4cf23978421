import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InvalidInputError, UneditableNoteError } from '../errors.js';
import { appendToList, appendToSection, deleteField, getField, insertIntoList, setField, spliceYaml } from './edit.js';

const note = `---
type: contact # always
name: 'Ann Lee'
stage: contacted
tags: [ux, research]

# how we met
history:
  - date: 2026-11-01
    stage: identified
  - {date: 2026-11-03, stage: contacted, via: email} # sent
  # more to come
meeting:
  at: 2026-11-25T08:30
  minutes: 30
custom: keep me
---
Body text [[x]]

## Questions

- One

## Notes
`;

function frontmatterOf(text: string): unknown {
  return parse(text.split('---')[1]!);
}

describe('setField', () => {
  it('replaces a scalar and keeps its trailing comment and every other line', () => {
    const out = setField(note, ['type'], 'contact');
    expect(out).toBe(note);
    const staged = setField(note, ['stage'], 'scheduled');
    expect(staged).toBe(note.replace('stage: contacted', 'stage: scheduled'));
  });

  it('keeps the quoting style of the old value', () => {
    expect(setField(note, ['name'], "Ann O'Neil")).toBe(note.replace("'Ann Lee'", "'Ann O''Neil'"));
  });

  it('quotes values that would otherwise change meaning', () => {
    const out = setField(note, ['role'], 'Ann: "x" #y');
    expect((frontmatterOf(out) as Record<string, unknown>).role).toBe('Ann: "x" #y');
    expect(out.startsWith(note.split('---\nBody')[0]!.replace(/---\n$/, ''))).toBe(true);
  });

  it('adds a new field after the last one', () => {
    const out = setField(note, ['organization'], 'Acme & Co');
    expect(out).toBe(note.replace('custom: keep me\n', 'custom: keep me\norganization: Acme & Co\n'));
  });

  it('sets a nested field in place', () => {
    expect(setField(note, ['meeting', 'minutes'], 45)).toBe(note.replace('minutes: 30', 'minutes: 45'));
    expect(setField(note, ['meeting', 'format'], 'video')).toBe(note.replace('  minutes: 30\n', '  minutes: 30\n  format: video\n'));
  });

  it('edits inside a flow mapping', () => {
    const out = setField(note, ['history', 1, 'via'], 'linkedin');
    expect(out).toBe(note.replace('via: email}', 'via: linkedin}'));
  });

  it('writes a whole mapping as a block', () => {
    const out = setField(note, ['next'], { action: 'Call back', due: '2026-12-01' });
    expect(out).toBe(note.replace('custom: keep me\n', 'custom: keep me\nnext:\n  action: Call back\n  due: 2026-12-01\n'));
  });

  it('keeps flow style for a flow list', () => {
    expect(setField(note, ['tags'], ['ux', 'health'])).toBe(note.replace('[ux, research]', '[ux, health]'));
  });

  it('creates frontmatter in a note that has none', () => {
    expect(setField('# Hello\n', ['type'], 'contact')).toBe('---\ntype: contact\n---\n# Hello\n');
  });

  it('keeps CRLF and the BOM', () => {
    const crlf = '\uFEFF' + note.replace(/\n/g, '\r\n');
    const out = setField(crlf, ['next'], { action: 'x', due: null });
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out).toBe(crlf.replace('custom: keep me\r\n', 'custom: keep me\r\nnext:\r\n  action: x\r\n  due: null\r\n'));
  });

  it('refuses a note whose frontmatter does not parse', () => {
    expect(() => setField('---\na: [\n---\n', ['stage'], 'held')).toThrow(UneditableNoteError);
  });

  it('refuses an empty path', () => {
    expect(() => setField(note, [], 'x')).toThrow(InvalidInputError);
  });

  it('refuses undefined as a value, pointing to deleteField', () => {
    expect(() => setField(note, ['role'], undefined)).toThrow(InvalidInputError);
    expect(() => setField(note, ['role'], undefined)).toThrow('no value to set at ["role"] (got undefined): to remove a field, use deleteField');
    expect(() => setField(note, ['meeting', 'at'], undefined)).toThrow('no value to set at ["meeting","at"] (got undefined): to remove a field, use deleteField');
  });

  it('refuses what a note cannot hold as written, naming the field, and leaves plain data alone', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const refusals: [unknown, string][] = [
      [Number.NaN, 'cannot set role: NaN is not a number a note can hold'],
      [Number.POSITIVE_INFINITY, 'cannot set role: Infinity is not a number a note can hold'],
      [new Date('2026-11-23T00:00:00Z'), 'cannot set role: a Date is written as a timestamp; give the day as text, "YYYY-MM-DD"'],
      [() => 'x', 'cannot set role: a function is not data a note can hold (text, numbers, true or false, null, lists and mappings)'],
      [10n, 'cannot set role: a bigint is not data a note can hold (text, numbers, true or false, null, lists and mappings)'],
      [new Map([['a', 1]]), 'cannot set role: a Map is not data a note can hold (text, numbers, true or false, null, lists and mappings)'],
      [{ at: '2026-12-01T09:00', minutes: Number.NaN }, 'cannot set role: NaN is not a number a note can hold'],
      [[1, [Symbol('x')]], 'cannot set role: a symbol is not data a note can hold (text, numbers, true or false, null, lists and mappings)'],
      [cyclic, 'cannot set role: the value contains itself'],
    ];
    for (const [value, message] of refusals) expect(() => setField(note, ['role'], value)).toThrow(new InvalidInputError(message));
    expect(() => appendToList(note, ['history'], { date: new Date('2026-11-23T00:00:00Z'), stage: 'contacted' })).toThrow(new InvalidInputError('cannot add to history: a Date is written as a timestamp; give the day as text, "YYYY-MM-DD"'));
    expect(() => appendToList(note, ['tags'], undefined)).toThrow(new InvalidInputError('no item to add to ["tags"] (got undefined)'));
    // The same value twice is not a cycle; a mapping without a prototype is plain data.
    const shared = ['a', 'b'];
    expect(setField(note, ['lists'], { one: shared, two: shared })).toContain('lists:\n  one:\n    - a\n    - b\n  two:\n    - a\n    - b\n');
    expect(setField(note, ['bare'], Object.assign(Object.create(null) as object, { a: 1 }))).toContain('bare:\n  a: 1\n');
  });

  it('refuses a stage that is not one, naming the stages and pointing to advance', () => {
    const stages = 'identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived';
    expect(() => setField(note, ['stage'], 'bogus')).toThrow(InvalidInputError);
    expect(() => setField(note, ['stage'], 'bogus')).toThrow(`"bogus" is not a stage (use one of: ${stages}); to move a contact to a stage and record it in the history, use advance`);
    expect(() => setField(note, ['stage'], null)).toThrow(`null is not a stage (use one of: ${stages})`);
    expect(setField('---\nstage: contacted\n---\n', ['stage'], 'held')).toBe('---\nstage: held\n---\n');
    // Only the contact's own stage is checked: a field of that name elsewhere is the user's.
    expect(setField('---\nproject:\n  stage: x\n---\n', ['project', 'stage'], 'beta')).toBe('---\nproject:\n  stage: beta\n---\n');
  });

  it('writes multi-line text as a double-quoted scalar', () => {
    const out = setField(note, ['custom'], 'line one\nline two');
    expect(out).toBe(note.replace('custom: keep me', 'custom: "line one\\nline two"'));
  });
});

describe('appendToList', () => {
  it('appends a history entry after the last item, before the comment that follows', () => {
    const out = appendToList(note, ['history'], { date: '2026-11-10', stage: 'followed-up' });
    expect(out).toBe(note.replace('# sent\n', '# sent\n  - date: 2026-11-10\n    stage: followed-up\n'));
  });

  it('writes the entry on one line when every entry is, padded as they are', () => {
    const flow = '---\nhistory:\n  - { date: 2026-11-01, stage: identified }\n  - { date: 2026-11-03, stage: contacted } # sent\n---\n';
    expect(appendToList(flow, ['history'], { date: '2026-11-10', stage: 'followed-up', note: 'Nudge: short' })).toBe(flow.replace('# sent\n', '# sent\n  - { date: 2026-11-10, stage: followed-up, note: "Nudge: short" }\n'));
  });

  it('creates a missing list', () => {
    const out = appendToList('---\ntype: contact\n---\n', ['history'], { date: '2026-11-10', stage: 'held' });
    expect(out).toBe('---\ntype: contact\nhistory:\n  - date: 2026-11-10\n    stage: held\n---\n');
  });

  it('turns an empty flow list into a block list', () => {
    const out = appendToList('---\nhistory: []\n---\n', ['history'], { date: '2026-11-10', stage: 'held' });
    expect(out).toBe('---\nhistory:\n  - date: 2026-11-10\n    stage: held\n---\n');
  });

  it('adds to a flow list in flow style', () => {
    expect(appendToList(note, ['tags'], 'health')).toBe(note.replace('[ux, research]', '[ux, research, health]'));
  });

  it('refuses a field that is not a list, rather than replace what was written there', () => {
    expect(() => appendToList('---\nhistory: yesterday\n---\n', ['history'], { date: '2026-11-10', stage: 'held' })).toThrow(UneditableNoteError);
    expect(() => appendToList('---\ntags:\n  ux: yes\n---\n', ['tags'], 'health')).toThrow(/`tags` is not a list/);
    expect(appendToList('---\nhistory:\n---\n', ['history'], { date: '2026-11-10', stage: 'held' })).toContain('  - date: 2026-11-10');
  });
});

describe('deleteField', () => {
  // Found by the property test (seed -528504016): the line of spaces stayed, and became text of `a`.
  it('takes the lines of spaces that end a block scalar with it, and leaves empty lines', () => {
    expect(deleteField('---\na: |\n  x\nb: |\n   a\n   \n---\n', ['b'])).toBe('---\na: |\n  x\n---\n');
    expect(deleteField('---\na: |\n  x\nb: >\n   a\n   \n  \n\nc: 1\n---\n', ['b'])).toBe('---\na: |\n  x\n\nc: 1\n---\n');
  });


  it('removes the lines of a field only', () => {
    expect(deleteField(note, ['custom'])).toBe(note.replace('custom: keep me\n', ''));
    expect(deleteField(note, ['meeting'])).toBe(note.replace('meeting:\n  at: 2026-11-25T08:30\n  minutes: 30\n', ''));
  });

  it('is no change when the field is absent', () => {
    expect(deleteField(note, ['absent'])).toBe(note);
  });
});

/** Values a parser would normalise if they were ever written again (issue 16.2). */
const HOSTILE_ENTRY = '{date: 2026-11-01, stage: contacted, zip: 02134, phone: +14125550142, ref: 12345678901234567890, hex: 0x1F, room: 1.10}';

describe('flow collections keep every existing byte', () => {
  it('appends to a one-line flow list by inserting the new item before its bracket', () => {
    const before = `---\ntype: contact\nhistory: [${HOSTILE_ENTRY}]\n---\n`;
    expect(appendToList(before, ['history'], { date: '2026-11-23', stage: 'followed-up' })).toBe(
      `---\ntype: contact\nhistory: [${HOSTILE_ENTRY}, {date: 2026-11-23, stage: followed-up}]\n---\n`,
    );
  });

  it('follows the padding and separators the list already uses', () => {
    expect(appendToList('---\nhistory: [ { date: 2026-11-01 } ]\n---\n', ['history'], { date: '2026-11-23' })).toBe('---\nhistory: [ { date: 2026-11-01 }, { date: 2026-11-23 } ]\n---\n');
    expect(appendToList('---\ntags: [a,b]\n---\n', ['tags'], 'c')).toBe('---\ntags: [a,b,c]\n---\n');
    expect(appendToList('---\ntags: [a, b, ]\n---\n', ['tags'], 'c, d')).toBe('---\ntags: [a, b, "c, d", ]\n---\n');
  });

  it('appends to a flow list written over several lines, keeping its comments', () => {
    const before = ['---', 'history: [', `  ${HOSTILE_ENTRY}, # first`, '  # second came later', "  {date: 2026-11-05, stage: 'followed-up'} # nudge", ']', 'next: 2026-12-01', '---', ''].join('\r\n');
    expect(appendToList(before, ['history'], { date: '2026-11-23', stage: 'scheduled' })).toBe(
      ['---', 'history: [', `  ${HOSTILE_ENTRY}, # first`, '  # second came later', "  {date: 2026-11-05, stage: 'followed-up'}, # nudge", '  {date: 2026-11-23, stage: scheduled}', ']', 'next: 2026-12-01', '---', ''].join('\r\n'),
    );
    const trailingCommas = '---\ntags: [\n  a,\n  b, # bee\n]\n---\n';
    expect(appendToList(trailingCommas, ['tags'], 'c')).toBe('---\ntags: [\n  a,\n  b, # bee\n  c,\n]\n---\n');
  });

  it('adds a key to a flow mapping without writing the others again', () => {
    const before = '---\nmeeting: {at: 2026-11-25T08:30, room: 1.10, code: 0x1F} # lobby\n---\n';
    expect(setField(before, ['meeting', 'format'], 'video')).toBe('---\nmeeting: {at: 2026-11-25T08:30, room: 1.10, code: 0x1F, format: video} # lobby\n---\n');
    expect(setField(before, ['meeting', 'room'], '2.20')).toBe('---\nmeeting: {at: 2026-11-25T08:30, room: "2.20", code: 0x1F} # lobby\n---\n');
  });

  it('removes one flow entry and one comma, nothing else', () => {
    const before = `---\nhistory: [${HOSTILE_ENTRY}, {date: 2026-11-02, stage: held}]\nmeeting: {at: 2026-11-25T08:30, zip: 02134, room: 1.10}\n---\n`;
    expect(deleteField(before, ['history', 1])).toBe(`---\nhistory: [${HOSTILE_ENTRY}]\nmeeting: {at: 2026-11-25T08:30, zip: 02134, room: 1.10}\n---\n`);
    expect(deleteField(before, ['history', 0])).toBe('---\nhistory: [{date: 2026-11-02, stage: held}]\nmeeting: {at: 2026-11-25T08:30, zip: 02134, room: 1.10}\n---\n');
    expect(deleteField(before, ['meeting', 'zip'])).toBe(`---\nhistory: [${HOSTILE_ENTRY}, {date: 2026-11-02, stage: held}]\nmeeting: {at: 2026-11-25T08:30, room: 1.10}\n---\n`);
    const lines = '---\ntags: [\n  a, # keep\n  b # bee\n]\n---\n';
    expect(deleteField(lines, ['tags', 1])).toBe('---\ntags: [\n  a # keep\n]\n---\n');
    expect(deleteField(lines, ['tags', 0])).toBe('---\ntags: [\n  b # bee\n]\n---\n');
  });

  it('removes a block list item without writing the others again', () => {
    const before = '---\ntags:\n  - 02134\n  - 0x1F # hex\n  - 1.10\n---\n';
    expect(deleteField(before, ['tags', 1])).toBe('---\ntags:\n  - 02134\n  - 1.10\n---\n');
    expect(deleteField('---\nhistory:\n  - note: x\n    zip: 02134\n---\n', ['history', 0, 'note'])).toBe('---\nhistory:\n  - zip: 02134\n---\n');
  });

  it("keeps a comment on the edited key's own line", () => {
    expect(appendToList('---\nhistory: [] # none yet\n---\n', ['history'], { date: '2026-11-23', stage: 'contacted' })).toBe('---\nhistory: # none yet\n  - date: 2026-11-23\n    stage: contacted\n---\n');
    expect(appendToList('---\nhistory: # none yet\n---\n', ['history'], { date: '2026-11-23', stage: 'contacted' })).toBe('---\nhistory: # none yet\n  - date: 2026-11-23\n    stage: contacted\n---\n');
    expect(setField('---\nmeeting: # tbd\nnext: x\n---\n', ['meeting'], { at: '2026-12-01T10:00', minutes: 30 })).toBe('---\nmeeting: # tbd\n  at: 2026-12-01T10:00\n  minutes: 30\nnext: x\n---\n');
    expect(setField('---\nmeeting: soon # tbd\n---\n', ['meeting'], { at: '2026-12-01T10:00' })).toBe('---\nmeeting: # tbd\n  at: 2026-12-01T10:00\n---\n');
    expect(setField('---\nmeeting: # tbd\n  at: 2026-11-01T10:00\n---\n', ['meeting'], { at: '2026-12-01T10:00' })).toBe('---\nmeeting: # tbd\n  at: 2026-12-01T10:00\n---\n');
    expect(setField('---\nmeeting: # tbd\n  at: 2026-11-01T10:00\n---\n', ['meeting'], 'cancelled')).toBe('---\nmeeting: cancelled # tbd\n---\n');
    expect(setField('---\nemail: # none yet\n---\n', ['email'], 'ann@example.com')).toBe('---\nemail: ann@example.com # none yet\n---\n');
  });

  it('empties a block collection beside its key when its only entry is deleted', () => {
    expect(deleteField('---\nmeeting:\n  at: 2026-11-25T08:30\nnext: x\n---\n', ['meeting', 'at'])).toBe('---\nmeeting: {}\nnext: x\n---\n');
    expect(deleteField('---\ntags:\n  - a\n---\n', ['tags', 0])).toBe('---\ntags: []\n---\n');
  });
});

describe('the check after each edit', () => {
  const yaml = 'history: [{date: 2026-11-01, zip: 02134}] # first\nstage: contacted\n';

  it('compares the source text of every value outside the field, not the values', () => {
    // `2134` reads as the same number as `02134`: a check of parsed values would let this through.
    const rewritten = { start: 9, end: 41, text: '[{date: 2026-11-01, zip: 2134}, {date: 2026-11-23}]' };
    expect(() => spliceYaml(yaml, [rewritten], { kind: 'append', path: ['history'], expected: () => [{ date: '2026-11-01', zip: 2134 }, { date: '2026-11-23' }] })).toThrow(
      'the note cannot be edited: editing `history` would rewrite `history.0.zip` (02134); edit it by hand',
    );
  });

  it('refuses an edit that drops a comment outside the field', () => {
    const dropped = { start: 9, end: 49, text: '[{date: 2026-11-01, zip: 02134}, {date: 2026-11-23}]' };
    expect(() => spliceYaml(yaml, [dropped], { kind: 'append', path: ['history'], expected: () => [{ date: '2026-11-01', zip: 2134 }, { date: '2026-11-23' }] })).toThrow(UneditableNoteError);
  });

  it('passes an insertion that leaves every existing byte alone', () => {
    const inserted = { start: 40, end: 40, text: ', {date: 2026-11-23}' };
    expect(spliceYaml(yaml, [inserted], { kind: 'append', path: ['history'], expected: () => [{ date: '2026-11-01', zip: 2134 }, { date: '2026-11-23' }] })).toBe(
      'history: [{date: 2026-11-01, zip: 02134}, {date: 2026-11-23}] # first\nstage: contacted\n',
    );
  });
});

describe('getField', () => {
  it('reads plain values', () => {
    expect(getField(note, ['meeting', 'minutes'])).toBe(30);
    expect(getField(note, ['nothing'])).toBeUndefined();
  });
});

describe('appendToSection', () => {
  it('appends to the end of an existing section, before the blank line', () => {
    const out = appendToSection(note, 'Questions', '- Two\n- Three');
    expect(out).toBe(note.replace('- One\n', '- One\n- Two\n- Three\n'));
  });

  it('fills an empty section', () => {
    const out = appendToSection(note, 'Notes', 'Learned: a lot');
    expect(out).toBe(note + '\nLearned: a lot\n');
  });

  it('adds a missing section at the end', () => {
    const out = appendToSection('---\na: 1\n---\nText', 'Outcomes', '- [[bob]]');
    expect(out).toBe('---\na: 1\n---\nText\n\n## Outcomes\n\n- [[bob]]\n');
  });
});

describe('field paths', () => {
  const text = '---\ntags: [ux]\n---\n';

  it('refuses a negative or fractional index and an empty key, whatever the edit', () => {
    expect(() => setField(text, ['tags', -1], 'x')).toThrow('invalid field path: ["tags",-1]');
    expect(() => setField(text, ['tags', 0.5], 'x')).toThrow('invalid field path: ["tags",0.5]');
    expect(() => setField(text, [''], 'x')).toThrow('invalid field path: [""]');
    expect(() => deleteField(text, [])).toThrow(InvalidInputError);
    expect(() => deleteField(text, ['tags', -1])).toThrow('invalid field path: ["tags",-1]');
    expect(() => appendToList(text, [], 'x')).toThrow(InvalidInputError);
    expect(() => appendToList(text, ['tags', ''], 'x')).toThrow('invalid field path: ["tags",""]');
  });

  it('takes index 0 as the first item', () => {
    expect(setField(text, ['tags', 0], 'research')).toBe('---\ntags: [research]\n---\n');
  });
});

describe('notes without frontmatter, or with one that cannot be edited', () => {
  it('creates the frontmatter with the line ending and BOM the note already has', () => {
    expect(setField('# Hi\r\nthere\r\n', ['type'], 'contact')).toBe('---\r\ntype: contact\r\n---\r\n# Hi\r\nthere\r\n');
    expect(setField('', ['type'], 'contact')).toBe('---\ntype: contact\n---\n');
    expect(setField('\uFEFF# Hi\n', ['type'], 'contact')).toBe('\uFEFF---\ntype: contact\n---\n# Hi\n');
    expect(appendToList('\uFEFF# Hi\r\n', ['tags'], 'ux')).toBe('\uFEFF---\r\ntags:\r\n  - ux\r\n---\r\n# Hi\r\n');
  });

  it('fills an empty frontmatter, after a comment that is all it holds', () => {
    expect(setField('---\n---\nBody\n', ['type'], 'contact')).toBe('---\ntype: contact\n---\nBody\n');
    expect(setField('---\n# to do\n---\n', ['type'], 'contact')).toBe('---\n# to do\ntype: contact\n---\n');
  });

  it('deleting from a note without frontmatter is no change', () => {
    expect(deleteField('# Hi\n', ['stage'])).toBe('# Hi\n');
  });

  it('says why it cannot edit', () => {
    expect(() => setField('---\nname: Ann\n\nBody\n', ['stage'], 'held')).toThrow('the note cannot be edited: its frontmatter is never closed with `---`');
    expect(() => setField('---\n- a\n- b\n---\n', ['stage'], 'held')).toThrow('the note cannot be edited: its frontmatter is not a mapping of fields');
    expect(() => setField('---\njust words\n---\n', ['stage'], 'held')).toThrow('the note cannot be edited: its frontmatter is not a mapping of fields');
    expect(() => setField('---\nstage: a\nstage: b\n---\n', ['name'], 'Ann')).toThrow('the note cannot be edited: its frontmatter is not valid YAML (Map keys must be unique)');
  });

  it('keeps the BOM of a note with frontmatter', () => {
    expect(setField('\uFEFF---\nminutes: 30\n---\n', ['minutes'], 45)).toBe('\uFEFF---\nminutes: 45\n---\n');
    expect(deleteField('\uFEFF---\r\nname: Ann\r\nstage: held\r\n---\r\n', ['name'])).toBe('\uFEFF---\r\nstage: held\r\n---\r\n');
  });
});

describe('getField, more', () => {
  it('reads lists and list items, and nothing from a note it cannot read', () => {
    expect(getField('---\ntags: [ux, 2]\n---\n', ['tags'])).toEqual(['ux', 2]);
    expect(getField('---\ntags: [ux, 2]\n---\n', ['tags', 1])).toBe(2);
    expect(getField('# Hi\n', ['tags'])).toBeUndefined();
    expect(getField('---\ntags: [ux\n---\n', ['tags'])).toBeUndefined();
  });
});

describe('setField: how a value is written', () => {
  const one = (value: string) => `---\nrole: ${value}\n---\n`;

  it('double-quotes text with control characters, line breaks or tabs, escaped', () => {
    expect(setField(one('x'), ['role'], 'a\tb')).toBe(one('"a\\tb"'));
    expect(setField(one('x'), ['role'], 'a\rb')).toBe(one('"a\\rb"'));
    expect(setField(one('x'), ['role'], 'a\u0001b')).toBe(one('"a\\u0001b"'));
    expect(setField(one('x'), ['role'], 'a\u007fb')).toBe(one('"a\u007fb"'));
    expect(setField(one('x'), ['role'], 'a\u2028b')).toBe(one('"a\u2028b"'));
  });

  it('writes numbers, booleans and null plainly, whatever the old quoting', () => {
    expect(setField(one('"1"'), ['role'], 5)).toBe(one('5'));
    expect(setField(one("'x'"), ['role'], true)).toBe(one('true'));
    expect(setField(one('"x"'), ['role'], null)).toBe(one('null'));
  });

  it('keeps double quotes, and quotes plain text only when it must', () => {
    expect(setField(one('"x"'), ['role'], 'y')).toBe(one('"y"'));
    expect(setField(one('x'), ['role'], 'yes: no')).toBe(one('"yes: no"'));
    expect(setField(one('x'), ['role'], 'design, research')).toBe(one('design, research'));
  });

  it('quotes commas and brackets inside a flow collection, where they would end the value', () => {
    expect(setField('---\nm: {a: x}\n---\n', ['m', 'a'], 'p, q')).toBe('---\nm: {a: "p, q"}\n---\n');
    expect(setField('---\nm: {a: x}\n---\n', ['m', 'a'], 'p]q')).toBe('---\nm: {a: "p]q"}\n---\n');
    expect(setField('---\nm: [x]\n---\n', ['m', 0], 'p}q')).toBe('---\nm: ["p}q"]\n---\n');
    expect(setField('---\nm: [x]\n---\n', ['m', 0], 'p[q')).toBe('---\nm: ["p[q"]\n---\n');
    expect(setField('---\nm: [x]\n---\n', ['m', 0], 'p{q')).toBe('---\nm: ["p{q"]\n---\n');
    expect(setField('---\nm: [[1, 2]]\n---\n', ['m', 0, 1], 'a,b')).toBe('---\nm: [[1, "a,b"]]\n---\n');
    expect(setField('---\nm:\n  - {a: 1}\n---\n', ['m', 0, 'a'], 'x,y')).toBe('---\nm:\n  - {a: "x,y"}\n---\n');
    expect(setField('---\nm:\n  - a: 1\n---\n', ['m', 0, 'a'], 'x,y')).toBe('---\nm:\n  - a: x,y\n---\n');
  });

  it('replaces a literal or folded block with one line', () => {
    expect(setField('---\nabout: |\n  one\n  two\nnext: x\n---\n', ['about'], 'short')).toBe('---\nabout: short\nnext: x\n---\n');
    expect(setField('---\r\nabout: |\r\n  one\r\n  two\r\nnext: x\r\n---\r\n', ['about'], 'short')).toBe('---\r\nabout: short\r\nnext: x\r\n---\r\n');
    expect(setField('---\nabout: >-\n  one\nnext: x\n---\n', ['about'], 'multi\nline')).toBe('---\nabout: "multi\\nline"\nnext: x\n---\n');
    expect(setField('---\nabout: |\n  one\n---\n', ['about'], 'a: b')).toBe('---\nabout: "a: b"\n---\n');
  });
});

describe('setField: replacing one shape with another', () => {
  const meeting = { at: '2026-12-01T10:00', minutes: 30 };

  it('refuses a path through a value the note holds, which would be replaced and lost', () => {
    const maya = '---\ntype: contact\nname: Maya Chen\nstage: contacted\ntags: [ux]\n---\n';
    expect(() => setField(maya, ['name', 'first'], 'Maya')).toThrow(new UneditableNoteError('`name` is not a mapping, so `name.first` cannot be set without replacing what it holds; set `name` itself instead'));
    expect(() => setField(maya, ['stage', 'x'], 'y')).toThrow(UneditableNoteError);
    expect(() => setField(maya, ['tags', 0, 'label'], 'ux')).toThrow(new UneditableNoteError('`tags.0` is not a mapping, so `tags.0.label` cannot be set without replacing what it holds; set `tags.0` itself instead'));
    expect(() => setField('---\nhistory: yesterday\n---\n', ['history', 0], 'x')).toThrow(new UneditableNoteError('`history` is not a list, so `history.0` cannot be set without replacing what it holds; set `history` itself instead'));
    // A blank value is there to be filled.
    expect(setField('---\nmeeting:\nname: Ann\n---\n', ['meeting', 'at'], '2026-12-01T10:00')).toBe('---\nmeeting:\n  at: 2026-12-01T10:00\nname: Ann\n---\n');
  });

  it('starts a new list at item 0, and refuses a later index rather than writing null items', () => {
    expect(setField('---\nname: Ann\n---\n', ['tags', 0], 'ux')).toBe('---\nname: Ann\ntags:\n  - ux\n---\n');
    expect(() => setField('---\nname: Ann\n---\n', ['tags', 2], 'x')).toThrow(new InvalidInputError('no list item 2 to set: `tags` is not a list yet, so it can only start with item 0'));
    // Into a list that is there, any of its items, or the one after the last.
    expect(setField('---\nhistory:\n  - date: 2026-11-01\n  - date: 2026-11-02\n---\n', ['history', 1, 'note'], 'x')).toBe('---\nhistory:\n  - date: 2026-11-01\n  - date: 2026-11-02\n    note: x\n---\n');
  });

  it('fills a blank field, keeping the comment on its line', () => {
    expect(setField('---\nemail:\nname: Ann\n---\n', ['email'], 'ann@example.com')).toBe('---\nemail: ann@example.com\nname: Ann\n---\n');
    expect(setField('---\nemail:   # none yet\n---\n', ['email'], 'ann@example.com')).toBe('---\nemail: ann@example.com   # none yet\n---\n');
    expect(setField('---\nmeeting:\nname: Ann\n---\n', ['meeting'], meeting)).toBe('---\nmeeting:\n  at: 2026-12-01T10:00\n  minutes: 30\nname: Ann\n---\n');
    expect(setField('---\r\nmeeting: # tbd\r\nname: Ann\r\n---\r\n', ['meeting'], meeting)).toBe('---\r\nmeeting: # tbd\r\n  at: 2026-12-01T10:00\r\n  minutes: 30\r\nname: Ann\r\n---\r\n');
    expect(setField('---\ntags:\nname: Ann\n---\n', ['tags'], ['ux', 'research'])).toBe('---\ntags:\n  - ux\n  - research\nname: Ann\n---\n');
    expect(setField('---\nmeeting: ~\nname: Ann\n---\n', ['meeting'], meeting)).toBe('---\nmeeting:\n  at: 2026-12-01T10:00\n  minutes: 30\nname: Ann\n---\n');
  });

  it('writes an empty list or mapping into a blank field', () => {
    expect(setField('---\ntags:\nname: Ann\n---\n', ['tags'], [])).toBe('---\ntags: []\nname: Ann\n---\n');
    expect(setField('---\nmeeting: # tbd\n---\n', ['meeting'], {})).toBe('---\nmeeting: {} # tbd\n---\n');
  });

  it('writes a scalar or an empty collection over a block collection, on the key line', () => {
    expect(setField('---\ntags:\n  - ux\n  - research\nname: Ann\n---\n', ['tags'], 'none')).toBe('---\ntags: none\nname: Ann\n---\n');
    expect(setField('---\r\ntags:\r\n  - ux\r\nname: Ann\r\n---\r\n', ['tags'], 'none')).toBe('---\r\ntags: none\r\nname: Ann\r\n---\r\n');
    expect(setField('---\ntags: # c\n  - ux\nname: Ann\n---\n', ['tags'], 'none')).toBe('---\ntags: none # c\nname: Ann\n---\n');
    expect(setField('---\ntags:\n  - ux\nname: Ann\n---\n', ['tags'], [])).toBe('---\ntags: []\nname: Ann\n---\n');
    expect(setField('---\nmeeting:\n  at: x\nname: Ann\n---\n', ['meeting'], {})).toBe('---\nmeeting: {}\nname: Ann\n---\n');
  });

  it('writes a block collection over a block collection', () => {
    expect(setField('---\ntags:\n  - ux\n  - research\nname: Ann\n---\n', ['tags'], ['a', 'b'])).toBe('---\ntags:\n  - a\n  - b\nname: Ann\n---\n');
    expect(setField('---\r\ntags:\r\n  - ux\r\nname: Ann\r\n---\r\n', ['tags'], ['a', 'b'])).toBe('---\r\ntags:\r\n  - a\r\n  - b\r\nname: Ann\r\n---\r\n');
    expect(setField('---\ntags: # c\n  - ux\nname: Ann\n---\n', ['tags'], ['a'])).toBe('---\ntags: # c\n  - a\nname: Ann\n---\n');
    expect(setField('---\ntags:\n  - ux\n---', ['tags'], ['a', 'b'])).toBe('---\ntags:\n  - a\n  - b\n---');
  });

  it('keeps a flow collection in flow style, with its padding', () => {
    expect(setField('---\ntags: [ux, research] # c\n---\n', ['tags'], ['a', 'b'])).toBe('---\ntags: [a, b] # c\n---\n');
    expect(setField('---\ntags: [ux,research]\n---\n', ['tags'], ['a', 'b'])).toBe('---\ntags: [a, b]\n---\n');
    expect(setField('---\ntags: [ ux ]\n---\n', ['tags'], ['a', 'b'])).toBe('---\ntags: [ a, b ]\n---\n');
    expect(setField('---\nm: {x: 1}\n---\n', ['m'], { p: 2 })).toBe('---\nm: {p: 2}\n---\n');
    expect(setField('---\nm: { x: 1 }\n---\n', ['m'], { p: 2 })).toBe('---\nm: { p: 2 }\n---\n');
  });

  it('turns an empty flow collection into a block', () => {
    expect(setField('---\ntags: []\nname: Ann\n---\n', ['tags'], ['a', 'b'])).toBe('---\ntags:\n  - a\n  - b\nname: Ann\n---\n');
    expect(setField('---\ntags: [] # c\nname: Ann\n---\n', ['tags'], ['a'])).toBe('---\ntags: # c\n  - a\nname: Ann\n---\n');
    expect(setField('---\nm: {}\nname: Ann\n---\n', ['m'], { p: 1 })).toBe('---\nm:\n  p: 1\nname: Ann\n---\n');
  });

  it('turns a scalar into a block below its key', () => {
    expect(setField('---\ntags: ux\nname: Ann\n---\n', ['tags'], ['a', 'b'])).toBe('---\ntags:\n  - a\n  - b\nname: Ann\n---\n');
    expect(setField('---\r\ntags: ux\r\nname: Ann\r\n---\r\n', ['tags'], ['a', 'b'])).toBe('---\r\ntags:\r\n  - a\r\n  - b\r\nname: Ann\r\n---\r\n');
    expect(setField('---\ntags: ux   \nname: Ann\n---\n', ['tags'], ['a'])).toBe('---\ntags:\n  - a\nname: Ann\n---\n');
    expect(setField('---\r\ntags: ux # c\r\nname: Ann\r\n---\r\n', ['tags'], ['a', 'b'])).toBe('---\r\ntags: # c\r\n  - a\r\n  - b\r\nname: Ann\r\n---\r\n');
    expect(setField('---\ntags: ux\n---', ['tags'], ['a'])).toBe('---\ntags:\n  - a\n---');
  });

  it('turns a scalar over several lines into a block', () => {
    expect(setField('---\nabout: one\n  two\nname: Ann\n---\n', ['about'], ['a'])).toBe('---\nabout:\n  - a\nname: Ann\n---\n');
    expect(setField('---\nabout: |\n  one\n  two\nname: Ann\n---\n', ['about'], ['a'])).toBe('---\nabout:\n  - a\nname: Ann\n---\n');
    expect(setField('---\r\nabout: |\r\n  one\r\nname: Ann\r\n---\r\n', ['about'], { p: 1 })).toBe('---\r\nabout:\r\n  p: 1\r\nname: Ann\r\n---\r\n');
    expect(setField('---\nabout: "one\n  two"\nname: Ann\n---\n', ['about'], ['a'])).toBe('---\nabout:\n  - a\nname: Ann\n---\n');
  });

  it('indents a new block like the key it belongs to', () => {
    expect(setField('---\nm:\n    x: 1\n---\n', ['m', 'y'], { p: 1 })).toBe('---\nm:\n    x: 1\n    y:\n      p: 1\n---\n');
    expect(setField('---\nm:\n    x: 1\n---\n', ['m', 'x'], ['p'])).toBe('---\nm:\n    x:\n      - p\n---\n');
  });

  it('writes a collection replacing a list item inline, in flow style', () => {
    expect(setField('---\nh:\n  - a\n  - b\n---\n', ['h', 1], ['p', 'q'])).toBe('---\nh:\n  - a\n  - [ p, q ]\n---\n');
    expect(setField('---\nh:\n  - a: 1\n---\n', ['h', 0], { p: 1 })).toBe('---\nh:\n  - { p: 1 }\n---\n');
    expect(setField('---\nh: [a, b]\n---\n', ['h', 0], { p: 1 })).toBe('---\nh: [{ p: 1 }, b]\n---\n');
    expect(setField('---\nh: [{x: 1}]\n---\n', ['h', 0], { p: 1 })).toBe('---\nh: [{p: 1}]\n---\n');
    expect(setField('---\nh: [{ x: 1 }]\n---\n', ['h', 0], { p: 1 })).toBe('---\nh: [{ p: 1 }]\n---\n');
  });

  it('refuses to replace a value, or a list, standing where a parent must go: the whole field is set instead', () => {
    expect(() => setField('---\nmeeting: tbd\n---\n', ['meeting', 'at'], '2026-12-01T10:00')).toThrow('`meeting` is not a mapping, so `meeting.at` cannot be set without replacing what it holds; set `meeting` itself instead');
    expect(setField('---\nmeeting: tbd\n---\n', ['meeting'], { at: '2026-12-01T10:00' })).toBe('---\nmeeting:\n  at: 2026-12-01T10:00\n---\n');
    expect(() => setField('---\nmeeting: [1, 2]\n---\n', ['meeting', 'at'], 'x')).toThrow('the note cannot be edited: `meeting` is not a mapping, so `meeting.at` cannot be set without replacing what it holds; set `meeting` itself instead');
  });
});

describe('setField: adding', () => {
  it('creates missing parents, a new list from its item 0', () => {
    expect(setField('---\na: 1\n---\n', ['m', 'x', 'y'], 1)).toBe('---\na: 1\nm:\n  x:\n    y: 1\n---\n');
    expect(setField('---\na: 1\n---\n', ['m', 0, 'x'], 'y')).toBe('---\na: 1\nm:\n  - x: y\n---\n');
    expect(setField('---\nm:\n  x: 1\n---\n', ['m', 'y', 'z'], 1)).toBe('---\nm:\n  x: 1\n  y:\n    z: 1\n---\n');
  });

  it('adds inside flow mappings in flow style, with their padding', () => {
    expect(setField('---\nm: {x: 1}\n---\n', ['m', 'y', 'z'], 1)).toBe('---\nm: {x: 1, y: {z: 1}}\n---\n');
    expect(setField('---\nm: {x: {a: 1}}\n---\n', ['m', 'x', 'b'], 'p, q')).toBe('---\nm: {x: {a: 1, b: "p, q"}}\n---\n');
    expect(setField('---\nm: { x: { a: 1 } }\n---\n', ['m', 'x', 'b'], 'p')).toBe('---\nm: { x: { a: 1, b: p } }\n---\n');
    expect(setField('---\nm: {}\n---\n', ['m', 'x'], 1)).toBe('---\nm: {x: 1}\n---\n');
    expect(setField('---\nm: { }\n---\n', ['m', 'x'], 1)).toBe('---\nm: { x: 1 }\n---\n');
  });

  it('adds a field after the last one, its last line without a line break too', () => {
    expect(setField('---\na: 1\n---', ['b'], 2)).toBe('---\na: 1\nb: 2\n---');
    expect(setField('---\r\na: 1\r\n---\r\nBody\r\n', ['b'], 'x')).toBe('---\r\na: 1\r\nb: x\r\n---\r\nBody\r\n');
    expect(setField('---\na:\n  x: 1\n---\n', ['b'], 2)).toBe('---\na:\n  x: 1\nb: 2\n---\n');
    expect(setField('---\nm:\n    x: 1\n---\n', ['m', 'y'], 2)).toBe('---\nm:\n    x: 1\n    y: 2\n---\n');
    expect(setField('---\r\nh:\r\n  - date: 1\r\n---\r\n', ['h', 0, 'stage'], 'x')).toBe('---\r\nh:\r\n  - date: 1\r\n    stage: x\r\n---\r\n');
  });

  it('adds a list item at the end only', () => {
    expect(setField('---\nt: [a]\n---\n', ['t', 1], 'b')).toBe('---\nt: [a, b]\n---\n');
    expect(setField('---\nt:\n  - a\n---\n', ['t', 1], 'b')).toBe('---\nt:\n  - a\n  - b\n---\n');
    expect(setField('---\nt: []\n---\n', ['t', 0], 'b')).toBe('---\nt: [b]\n---\n');
    expect(setField('---\nt: [ ]\n---\n', ['t', 0], 'b')).toBe('---\nt: [ b ]\n---\n');
    expect(() => setField('---\nt: [a, b]\n---\n', ['t', 5], 'x')).toThrow('no list item 5 to set (the list has 2)');
  });
});

describe('flow mappings with a blank value', () => {
  it('adds after a blank last value, keeping it blank', () => {
    expect(setField('---\nmeeting: {at: 2026-11-25T08:30, format: }\n---\n', ['meeting', 'minutes'], 30)).toBe('---\nmeeting: {at: 2026-11-25T08:30, format: , minutes: 30}\n---\n');
    expect(setField('---\nmeeting: {format:}\n---\n', ['meeting', 'minutes'], 30)).toBe('---\nmeeting: {format:, minutes: 30}\n---\n');
  });

  it('removes a blank entry whole, with one comma', () => {
    expect(deleteField('---\nmeeting: {at: 2026-11-25T08:30, format: }\n---\n', ['meeting', 'format'])).toBe('---\nmeeting: {at: 2026-11-25T08:30}\n---\n');
    expect(deleteField('---\nmeeting: {at: 2026-11-25T08:30, format: , minutes: 30}\n---\n', ['meeting', 'format'])).toBe('---\nmeeting: {at: 2026-11-25T08:30, minutes: 30}\n---\n');
    expect(deleteField('---\nmeeting: {format: , minutes: 30}\n---\n', ['meeting', 'format'])).toBe('---\nmeeting: {minutes: 30}\n---\n');
    expect(deleteField('---\nmeeting: {format: , minutes: 30}\n---\n', ['meeting', 'minutes'])).toBe('---\nmeeting: {format: }\n---\n');
  });
});

describe('appendToSection, more', () => {
  it('keeps CRLF, and drops the blank lines the new text ends with', () => {
    const before = '---\r\na: 1\r\n---\r\n## Notes\r\n\r\n- one\r\n\r\n## Other\r\n';
    expect(appendToSection(before, 'Notes', '- two\n- three\n\n')).toBe('---\r\na: 1\r\n---\r\n## Notes\r\n\r\n- one\r\n- two\r\n- three\r\n\r\n## Other\r\n');
    expect(appendToSection('## Notes\n- one\n', 'Notes', 'x\r\ny\r\n\r\n')).toBe('## Notes\n- one\nx\ny\n');
    expect(appendToSection('## Notes\n- one\n', 'Notes', 'x\n\ny\n')).toBe('## Notes\n- one\nx\n\ny\n');
  });

  it('adds a missing section after a blank line, with the BOM and line ending kept', () => {
    expect(appendToSection('\uFEFF---\na: 1\n---\nText\n', 'Notes', 'x')).toBe('\uFEFF---\na: 1\n---\nText\n\n## Notes\n\nx\n');
    expect(appendToSection('---\r\na: 1\r\n---\r\nText\r\n', 'Notes', 'x\ny')).toBe('---\r\na: 1\r\n---\r\nText\r\n\r\n## Notes\r\n\r\nx\r\ny\r\n');
    expect(appendToSection('---\na: 1\n---\n', 'Notes', 'x')).toBe('---\na: 1\n---\n\n## Notes\n\nx\n');
    expect(appendToSection('---\na: 1\n---', 'Notes', 'x')).toBe('---\na: 1\n---\n\n## Notes\n\nx\n');
  });

  it('adds a missing section to an empty or blank note without a leading blank line', () => {
    expect(appendToSection('', 'Notes', 'x')).toBe('## Notes\n\nx\n');
    expect(appendToSection('\n\n', 'Notes', 'x')).toBe('\n\n## Notes\n\nx\n');
  });

  it('fills a section whose heading ends the note, with or without a line break', () => {
    expect(appendToSection('Text\n\n## Notes', 'Notes', 'x')).toBe('Text\n\n## Notes\n\nx\n');
    expect(appendToSection('Text\n\n## Notes\n', 'Notes', 'x')).toBe('Text\n\n## Notes\n\nx\n');
  });

  it('fills an empty section followed by another, keeping the blank lines before the next heading', () => {
    expect(appendToSection('## Notes\n\n\n## B\nb\n', 'Notes', 'x')).toBe('## Notes\n\nx\n\n\n## B\nb\n');
    expect(appendToSection('## Notes\r\n\r\n## B\r\n', 'Notes', 'x\ny')).toBe('## Notes\r\n\r\nx\r\ny\r\n\r\n## B\r\n');
  });

  it('appends after the last line with text, whatever blanks follow it', () => {
    expect(appendToSection('## Notes\n\n- one', 'Notes', 'x')).toBe('## Notes\n\n- one\nx\n');
    expect(appendToSection('## Notes\n- one  \n\t\n## B\n', 'Notes', 'x')).toBe('## Notes\n- one  \nx\n\t\n## B\n');
    expect(appendToSection('## Notes\n- one\n   \n', 'Notes', 'x')).toBe('## Notes\n- one\nx\n   \n');
  });
});

describe('deleteField, more', () => {
  it('removes a field with its line ending, CRLF too, and keeps the comment lines around it', () => {
    expect(deleteField('---\r\na: 1\r\nb: 2\r\nc: 3\r\n---\r\n', ['b'])).toBe('---\r\na: 1\r\nc: 3\r\n---\r\n');
    expect(deleteField('---\na: 1\nb: 2\n---', ['b'])).toBe('---\na: 1\n---');
    expect(deleteField('---\na: 1\nb: 2\n---\n', ['a'])).toBe('---\nb: 2\n---\n');
    expect(deleteField('---\na: 1\n---\n', ['a'])).toBe('---\n---\n');
    expect(deleteField('---\na: 1 # one\nb: 2\n---\n', ['a'])).toBe('---\nb: 2\n---\n');
    expect(deleteField('---\n# about a\na: 1\nb: 2\n---\n', ['a'])).toBe('---\n# about a\nb: 2\n---\n');
    expect(deleteField('---\nm:\n  x: 1 # c\n  y: 2\nb: 2\n---\n', ['m'])).toBe('---\nb: 2\n---\n');
  });

  it('removes nested fields and list items', () => {
    expect(deleteField('---\nm:\n  x: 1\n  y: 2\nb: 2\n---\n', ['m', 'x'])).toBe('---\nm:\n  y: 2\nb: 2\n---\n');
    expect(deleteField('---\nm:\n  x: 1\n  y: 2\nb: 2\n---\n', ['m', 'y'])).toBe('---\nm:\n  x: 1\nb: 2\n---\n');
    expect(deleteField('---\nm:\n  a: 1\n  b: 2\n  c: 3\n---\n', ['m', 'b'])).toBe('---\nm:\n  a: 1\n  c: 3\n---\n');
    expect(deleteField('---\nt:\n  - a\n  - b\n  - c\n---\n', ['t', 0])).toBe('---\nt:\n  - b\n  - c\n---\n');
    expect(deleteField('---\nt:\n  - a\n  - b\n---\n', ['t', 1])).toBe('---\nt:\n  - a\n---\n');
    expect(deleteField('---\nt:\n  - a\n  - b\n---', ['t', 1])).toBe('---\nt:\n  - a\n---');
    expect(deleteField('---\r\nt:\r\n  - a\r\n  - b\r\nx: 1\r\n---\r\n', ['t', 0])).toBe('---\r\nt:\r\n  - b\r\nx: 1\r\n---\r\n');
    expect(deleteField('---\nh:\n  - date: 1\n    stage: a\n  - date: 2\n    stage: b\n---\n', ['h', 0])).toBe('---\nh:\n  - date: 2\n    stage: b\n---\n');
    expect(deleteField('---\nh:\n  - date: 1\n    stage: a\n---\n', ['h', 0, 'stage'])).toBe('---\nh:\n  - date: 1\n---\n');
    expect(deleteField('---\r\nh:\r\n  - note: x\r\n    zip: 02134\r\n---\r\n', ['h', 0, 'note'])).toBe('---\r\nh:\r\n  - zip: 02134\r\n---\r\n');
  });

  it('leaves an emptied mapping as {} where it stands', () => {
    expect(deleteField('---\nh:\n  - date: 1\n---\n', ['h', 0, 'date'])).toBe('---\nh:\n  - {}\n---\n');
    expect(deleteField('---\nh:\n  - date: 1\n  - date: 2\n---\n', ['h', 0, 'date'])).toBe('---\nh:\n  - {}\n  - date: 2\n---\n');
    expect(deleteField('---\nm: {a: 1}\n---\n', ['m', 'a'])).toBe('---\nm: {}\n---\n');
    expect(deleteField('---\nm: [a]\n---\n', ['m', 0])).toBe('---\nm: []\n---\n');
    expect(deleteField('---\nm: {a: {b: 1}, c: 2}\n---\n', ['m', 'a', 'b'])).toBe('---\nm: {a: {}, c: 2}\n---\n');
    expect(deleteField('---\nh: [{a: 1}]\n---\n', ['h', 0, 'a'])).toBe('---\nh: [{}]\n---\n');
  });

  it('removes from flow collections, tabs after the comma too', () => {
    expect(deleteField('---\nm: [a, b, c]\n---\n', ['m', 1])).toBe('---\nm: [a, c]\n---\n');
    expect(deleteField('---\nm: [a,\tb, c]\n---\n', ['m', 0])).toBe('---\nm: [b, c]\n---\n');
    expect(deleteField('---\n{a: 1, b: 2}\n---\n', ['a'])).toBe('---\n{b: 2}\n---\n');
  });

  it('is no change for what is not there', () => {
    const text = '---\nm:\n  x: 1\nt: [a]\nb:\n  - a\ns: a\n---\n';
    expect(deleteField(text, ['m', 'z'])).toBe(text);
    expect(deleteField(text, ['q', 'z'])).toBe(text);
    expect(deleteField(text, ['t', 1])).toBe(text);
    expect(deleteField(text, ['b', 1])).toBe(text);
    expect(deleteField(text, ['s', 0])).toBe(text);
    expect(deleteField(text, ['t', 'x'])).toBe(text);
  });
});

describe('appendToList, more', () => {
  const entry = { date: '2026-11-10', stage: 'held' };

  it('adds to a block list in its own indentation and line ending', () => {
    expect(appendToList('---\r\nh:\r\n  - a\r\n---\r\n', ['h'], 'b')).toBe('---\r\nh:\r\n  - a\r\n  - b\r\n---\r\n');
    expect(appendToList('---\nh:\n  - a\n---', ['h'], 'b')).toBe('---\nh:\n  - a\n  - b\n---');
    expect(appendToList('---\nh:\n    - a\n---\n', ['h'], entry)).toBe('---\nh:\n    - a\n    - date: 2026-11-10\n      stage: held\n---\n');
    expect(appendToList('---\nh:\n- a\nx: 1\n---\n', ['h'], entry)).toBe('---\nh:\n- a\n- date: 2026-11-10\n  stage: held\nx: 1\n---\n');
    expect(appendToList('---\nh:\n  - a # c\nx: 1\n---\n', ['h'], 'b')).toBe('---\nh:\n  - a # c\n  - b\nx: 1\n---\n');
    expect(appendToList('---\nm:\n  t:\n    - a\n---\n', ['m', 't'], 'b')).toBe('---\nm:\n  t:\n    - a\n    - b\n---\n');
  });

  it('creates a list, nested or in a note without frontmatter', () => {
    expect(appendToList('---\nm:\n  x: 1\n---\n', ['m', 't'], 'b')).toBe('---\nm:\n  x: 1\n  t:\n    - b\n---\n');
    expect(appendToList('Body\n', ['t'], 'b')).toBe('---\nt:\n  - b\n---\nBody\n');
    expect(appendToList('---\nt: null\n---\n', ['t'], 'b')).toBe('---\nt:\n  - b\n---\n');
    expect(appendToList('---\nt: ~\nx: 1\n---\n', ['t'], 'b')).toBe('---\nt:\n  - b\nx: 1\n---\n');
  });

  it('fills an empty flow list inside a flow mapping in flow style', () => {
    expect(appendToList('---\nm: {t: []}\n---\n', ['m', 't'], 'b')).toBe('---\nm: {t: [b]}\n---\n');
    expect(appendToList('---\nm: { t: [ ] }\n---\n', ['m', 't'], 'b')).toBe('---\nm: { t: [ b ] }\n---\n');
    expect(appendToList('---\nm: {t: [a], x: 1}\n---\n', ['m', 't'], 'b')).toBe('---\nm: {t: [a, b], x: 1}\n---\n');
  });

  it('refuses every value that is not a list', () => {
    for (const value of ['{a: 1}', '0', 'false', '""']) {
      expect(() => appendToList(`---\nt: ${value}\n---\n`, ['t'], 'b')).toThrow('the note cannot be edited: `t` is not a list, so nothing can be added to it; make it a list first');
    }
    expect(() => appendToList('---\nm:\n  t: x\n---\n', ['m', 't'], 'b')).toThrow('`m.t` is not a list');
  });

  it('writes a new flow entry like the last one: padded or not', () => {
    expect(appendToList('---\nt: [a]\n---\n', ['t'], 'b')).toBe('---\nt: [a, b]\n---\n');
    expect(appendToList('---\nt: [{a: 1}]\n---\n', ['t'], { b: 2 })).toBe('---\nt: [{a: 1}, {b: 2}]\n---\n');
    expect(appendToList('---\nt: [{ a: 1 }]\n---\n', ['t'], { b: 2 })).toBe('---\nt: [{ a: 1 }, { b: 2 }]\n---\n');
    expect(appendToList('---\nt: [ a ]\n---\n', ['t'], { b: 2 })).toBe('---\nt: [ a, { b: 2 } ]\n---\n');
    expect(appendToList('---\nt: [a]\n---\n', ['t'], { b: 2 })).toBe('---\nt: [a, {b: 2}]\n---\n');
  });

  it('copies the separator between the first two entries when it is a comma and blanks', () => {
    expect(appendToList('---\nt: [a,\tb]\n---\n', ['t'], 'c')).toBe('---\nt: [a,\tb,\tc]\n---\n');
    expect(appendToList('---\nt: [a,  b]\n---\n', ['t'], 'c')).toBe('---\nt: [a,  b,  c]\n---\n');
    expect(appendToList('---\nt: [a , b]\n---\n', ['t'], 'c')).toBe('---\nt: [a , b, c]\n---\n');
  });

  it('adds to a flow collection over several lines on a line of its own', () => {
    expect(appendToList('---\r\nt: [\r\n  a,\r\n  b\r\n]\r\n---\r\n', ['t'], 'c')).toBe('---\r\nt: [\r\n  a,\r\n  b,\r\n  c\r\n]\r\n---\r\n');
    expect(appendToList('---\nt: [a,\n    b]\n---\n', ['t'], 'c')).toBe('---\nt: [a,\n    b, c]\n---\n');
    expect(appendToList('---\nt: [a, b\n]\n---\n', ['t'], 'c')).toBe('---\nt: [a, b,\n       c\n]\n---\n');
    expect(appendToList('---\nt: [\n  a, # x\n  b # y\n]\n---\n', ['t'], 'c')).toBe('---\nt: [\n  a, # x\n  b, # y\n  c\n]\n---\n');
    expect(setField('---\nm: {\n  a: 1,\n  b: 2\n}\n---\n', ['m', 'c'], 3)).toBe('---\nm: {\n  a: 1,\n  b: 2,\n  c: 3\n}\n---\n');
    expect(setField('---\nm: {\n  a: 1,\n  b: 2,\n}\n---\n', ['m', 'c'], 3)).toBe('---\nm: {\n  a: 1,\n  b: 2,\n  c: 3,\n}\n---\n');
  });
});

describe('the check after each edit, each refusal', () => {
  const set = (path: (string | number)[], value: unknown) => ({ kind: 'set' as const, path, expected: () => value });

  it('applies splices in order of position, an insertion before a replacement at the same offset', () => {
    expect(spliceYaml('a: 12\n', [{ start: 4, end: 5, text: '4' }, { start: 3, end: 4, text: '3' }], set(['a'], 34))).toBe('a: 34\n');
    expect(spliceYaml('a: 1\n', [{ start: 3, end: 4, text: '9' }, { start: 3, end: 3, text: '8' }], set(['a'], 89))).toBe('a: 89\n');
    expect(spliceYaml('a: 1\n', [{ start: 3, end: 4, text: '5' }, { start: 4, end: 4, text: '6' }], set(['a'], 56))).toBe('a: 56\n');
  });

  it('refuses overlapping splices, invalid YAML and a value that does not read back', () => {
    expect(() => spliceYaml('a: 1\n', [{ start: 3, end: 4, text: '5' }, { start: 3, end: 4, text: '6' }], set(['a'], 5))).toThrow('edit planned overlapping changes');
    expect(() => spliceYaml('a: 1\n', [{ start: 3, end: 4, text: '[' }], set(['a'], 5))).toThrow('edit produced invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]');
    expect(() => spliceYaml('a: 1\n', [{ start: 3, end: 4, text: '6' }], set(['a'], 5))).toThrow('edit of a did not round-trip: wrote 5, read 6');
    expect(() => spliceYaml('a: 1\n', [], set(['m', 'c'], 5))).toThrow('edit of m.c did not round-trip: wrote 5, read undefined');
  });

  it('refuses a delete that removed nothing, or more than one list item', () => {
    expect(() => spliceYaml('a: 1\nb: 2\n', [], { kind: 'delete', path: ['a'] })).toThrow('delete of a did not remove it');
    expect(() => spliceYaml('t: [a, b]\n', [], { kind: 'delete', path: ['t', 0] })).toThrow('delete of t.0 did not remove it');
    expect(() => spliceYaml('t: [a, b, c]\n', [{ start: 4, end: 10, text: '' }], { kind: 'delete', path: ['t', 0] })).toThrow('delete of t.0 did not remove it');
    expect(() => spliceYaml('t: [a, b]\n', [{ start: 3, end: 9, text: '{b: 1}' }], { kind: 'delete', path: ['t', 0] })).toThrow('delete of t.0 did not remove it');
    expect(spliceYaml('t: [a, b, c]\n', [{ start: 4, end: 7, text: '' }], { kind: 'delete', path: ['t', 0] })).toBe('t: [b, c]\n');
  });

  it('refuses to rewrite a key or a value outside the field', () => {
    expect(() => spliceYaml('a: 1\nb: 2\n', [{ start: 3, end: 4, text: '5' }, { start: 5, end: 6, text: '"b"' }], set(['a'], 5))).toThrow('the note cannot be edited: editing `a` would rewrite `b` (b); edit it by hand');
    expect(() => spliceYaml('a: 1\nt: [x]\n', [{ start: 3, end: 4, text: '01' }, { start: 10, end: 10, text: ', y' }], { kind: 'append', path: ['t'], expected: () => ['x', 'y'] })).toThrow(
      'the note cannot be edited: editing `t` would rewrite `a` (1); edit it by hand',
    );
  });

  it('lets the comment inside a replaced scalar go, and no other', () => {
    expect(spliceYaml('a: | # one\n  x\nb: 2 # b\n', [{ start: 2, end: 14, text: ' y' }], set(['a'], 'y'))).toBe('a: y\nb: 2 # b\n');
    expect(() => spliceYaml('a:\n  - x # one\nb: 2 # b\n', [{ start: 2, end: 14, text: ' y' }], set(['a'], 'y'))).toThrow('the note cannot be edited: editing `a` would drop the comment `# one`; edit it by hand');
    expect(() => spliceYaml('a: 1 # one\nb: 2\n', [{ start: 3, end: 10, text: '5' }], set(['a'], 5))).toThrow('the note cannot be edited: editing `a` would drop the comment `# one`; edit it by hand');
    expect(() => spliceYaml('t: [x] # c\n', [{ start: 3, end: 10, text: '[x, y]' }], { kind: 'append', path: ['t'], expected: () => ['x', 'y'] })).toThrow('editing `t` would drop the comment `# c`');
    expect(() => spliceYaml('a: | # one\n  x\nb: 2\n', [{ start: 2, end: 14, text: ' y # two' }], set(['a'], 'y'))).toThrow('the note cannot be edited: editing `a` would change a comment outside it; edit it by hand');
  });

  it('lets a deleted field take the comment on its line, not the one above it', () => {
    expect(spliceYaml('# c\na: 1 # one\nb: 2\n', [{ start: 4, end: 15, text: '' }], { kind: 'delete', path: ['a'] })).toBe('# c\nb: 2\n');
    expect(() => spliceYaml('# c\na: 1 # one\nb: 2\n', [{ start: 0, end: 15, text: '' }], { kind: 'delete', path: ['a'] })).toThrow('editing `a` would drop the comment `# c`');
  });
});

describe('comments and blank values around an edit', () => {
  it('keeps a note with several list or mapping keys editable', () => {
    expect(setField('---\n[a]: 1\n[b]: 2\nname: x\n---\n', ['name'], 'y')).toBe('---\n[a]: 1\n[b]: 2\nname: y\n---\n');
    expect(setField('---\n{a: 1}: 1\n{b: 1}: 2\nname: x\n---\n', ['name'], 'y')).toBe('---\n{a: 1}: 1\n{b: 1}: 2\nname: y\n---\n');
  });

  it('tells the comment of a deleted field from the one on the line above, after many values', () => {
    expect(deleteField('---\nx: 1\ny: 2\nz: [1, 2, 3] # why\na: 1 # one\nb: 2\n---\n', ['a'])).toBe('---\nx: 1\ny: 2\nz: [1, 2, 3] # why\nb: 2\n---\n');
  });

  it('refuses to replace a list or mapping that holds a comment, which would be lost', () => {
    const note = '---\ntype: contact\nmeeting:\n  at: 2026-11-25T08:00 # her time\n  minutes: 30\n---\n';
    expect(() => setField(note, ['meeting'], { at: '2026-11-26T09:00' })).toThrow(UneditableNoteError);
    expect(() => setField(note, ['meeting'], { at: '2026-11-26T09:00' })).toThrow('the note cannot be edited: editing `meeting` would drop the comment `# her time`; edit it by hand');
    expect(() => setField(note, ['meeting'], null)).toThrow('editing `meeting` would drop the comment `# her time`');
    expect(() => setField(note, ['meeting'], {})).toThrow('editing `meeting` would drop the comment `# her time`');
    expect(() => setField('---\ntags:\n  - a # first\n  - b\nname: x\n---\n', ['tags'], 'none')).toThrow('editing `tags` would drop the comment `# first`');
    expect(() => setField('---\ntags:\n  - a # first\n  - b\nname: x\n---\n', ['tags'], ['c'])).toThrow('editing `tags` would drop the comment `# first`');
    expect(() => setField('---\ntags:\n  - a\n  # own line\n  - b\n---\n', ['tags'], [])).toThrow('editing `tags` would drop the comment `# own line`');
    expect(() => setField('---\ntags: [a, # c\n  b]\n---\n', ['tags'], ['c'])).toThrow('editing `tags` would drop the comment `# c`');
    expect(() => setField('---\nmeeting: {at: x, # c\n  minutes: 30}\n---\n', ['meeting'], { at: 'y' })).toThrow('editing `meeting` would drop the comment `# c`');
    expect(() => setField('---\nh:\n  - date: 1 # x\n    stage: a\n---\n', ['h', 0], { date: 2 })).toThrow('editing `h.0` would drop the comment `# x`');
    expect(() => setField('---\nm:\n  n:\n    x: 1 # c\n---\n', ['m', 'n'], 'none')).toThrow('editing `m.n` would drop the comment `# c`');
  });

  it('edits a mapping holding a comment field by field, keeping the comment', () => {
    const note = '---\ntype: contact\nmeeting:\n  at: 2026-11-25T08:00 # her time\n  minutes: 30\n---\n';
    expect(setField(note, ['meeting', 'at'], '2026-11-26T09:00')).toBe('---\ntype: contact\nmeeting:\n  at: 2026-11-26T09:00 # her time\n  minutes: 30\n---\n');
    expect(setField(note, ['meeting', 'minutes'], 45)).toBe('---\ntype: contact\nmeeting:\n  at: 2026-11-25T08:00 # her time\n  minutes: 45\n---\n');
  });

  it('replaces a list or mapping whose only comment is on its key line, keeping that comment', () => {
    expect(setField('---\ntags: # c\n  - a\nname: x\n---\n', ['tags'], ['b'])).toBe('---\ntags: # c\n  - b\nname: x\n---\n');
    expect(setField('---\nmeeting: {at: x} # c\n---\n', ['meeting'], { at: 'y' })).toBe('---\nmeeting: {at: y} # c\n---\n');
  });

  it('lets the comments inside a deleted collection go with it', () => {
    expect(deleteField('---\nm:\n  x: 1 # c\n  y: 2\n---\n', ['m', 'x'])).toBe('---\nm:\n  y: 2\n---\n');
    expect(deleteField('---\ntags:\n  - a # first\n  - b\n---\n', ['tags', 0])).toBe('---\ntags:\n  - b\n---\n');
    expect(deleteField('---\nh:\n  - date: 1 # x\n    stage: a # y\n  - date: 2\n---\n', ['h', 0])).toBe('---\nh:\n  - date: 2\n---\n');
    expect(deleteField('---\ntags: # t\n  - a # first\n  - b\nname: x\n---\n', ['tags'])).toBe('---\nname: x\n---\n');
  });

  it('keeps a comment line that follows a block list', () => {
    expect(setField('---\ntags:\n  - a\n  # more later\nname: x\n---\n', ['tags'], 'none')).toBe('---\ntags: none\n  # more later\nname: x\n---\n');
    expect(setField('---\ntags:\n  - a\n  # more later\nname: x\n---\n', ['tags'], ['b'])).toBe('---\ntags:\n  - b\n  # more later\nname: x\n---\n');
    expect(appendToList('---\nh:\n  - a\n  # more\nname: x\n---\n', ['h'], 'b')).toBe('---\nh:\n  - a\n  - b\n  # more\nname: x\n---\n');
    expect(appendToList('---\nh:\n  - a\n\nname: x\n---\n', ['h'], 'b')).toBe('---\nh:\n  - a\n  - b\n\nname: x\n---\n');
  });

  it('adds after a blank last field and deletes a blank field with its line', () => {
    expect(setField('---\nname: Ann\nemail:\n---\n', ['stage'], 'held')).toBe('---\nname: Ann\nemail:\nstage: held\n---\n');
    expect(setField('---\nname: Ann\nemail: # none\n---\n', ['stage'], 'held')).toBe('---\nname: Ann\nemail: # none\nstage: held\n---\n');
    expect(deleteField('---\nname: Ann\nemail:\nstage: held\n---\n', ['email'])).toBe('---\nname: Ann\nstage: held\n---\n');
    expect(deleteField('---\nname: Ann\nemail: # none\nstage: held\n---\n', ['email'])).toBe('---\nname: Ann\nstage: held\n---\n');
  });

  it('writes text over several lines in a new block as a literal, with no spaces on its blank line', () => {
    expect(setField('---\nname: Ann\n---\n', ['next'], { action: 'a\n\nb', due: '2026-12-01' })).toBe('---\nname: Ann\nnext:\n  action: |-\n    a\n\n    b\n  due: 2026-12-01\n---\n');
    expect(setField('---\nm:\n  x: 1\n---\n', ['m', 'next'], { action: 'a\n\nb' })).toBe('---\nm:\n  x: 1\n  next:\n    action: |-\n      a\n\n      b\n---\n');
  });

  it('drops the blanks after a key that gets a block', () => {
    expect(setField('---\nmeeting:   \nname: x\n---\n', ['meeting'], { at: 'y' })).toBe('---\nmeeting:\n  at: y\nname: x\n---\n');
  });

  it('edits flow collections written over several lines', () => {
    expect(setField('---\nh: [\n  {a: 1},\n  {a: 2}\n]\n---\n', ['h', 1, 'a'], 3)).toBe('---\nh: [\n  {a: 1},\n  {a: 3}\n]\n---\n');
    expect(deleteField('---\nh: [\n  a,\n  b\n]\n---\n', ['h', 0])).toBe('---\nh: [\n  b\n]\n---\n');
    expect(deleteField('---\nh: [\n  a\n]\n---\n', ['h', 0])).toBe('---\nh: [\n]\n---\n');
    expect(deleteField('---\nh: [\n  a,\n  b\n]\n---\n', ['h', 1])).toBe('---\nh: [\n  a\n]\n---\n');
    expect(deleteField('---\nh: [\n  a,\n  b,\n]\n---\n', ['h', 1])).toBe('---\nh: [\n  a,\n]\n---\n');
    expect(deleteField('---\nh: [\n  a, # x\n  b\n]\n---\n', ['h', 0])).toBe('---\nh: [\n  b\n]\n---\n');
    expect(deleteField('---\nh: [a, # x\n  b]\n---\n', ['h', 1])).toBe('---\nh: [a # x\n  ]\n---\n');
  });

  it('removes a one-line flow entry with the comma and blanks beside it', () => {
    expect(deleteField('---\nm: {a: 1, b: 2, c: 3}\n---\n', ['m', 'b'])).toBe('---\nm: {a: 1, c: 3}\n---\n');
    expect(deleteField('---\nm: [a,b]\n---\n', ['m', 0])).toBe('---\nm: [b]\n---\n');
    expect(deleteField('---\nm: [a , b]\n---\n', ['m', 0])).toBe('---\nm: [b]\n---\n');
    expect(deleteField('---\nm: [a , b]\n---\n', ['m', 1])).toBe('---\nm: [a]\n---\n');
    expect(deleteField('---\nm: [ a ]\n---\n', ['m', 0])).toBe('---\nm: [  ]\n---\n');
  });
});

describe('the check after each edit: which keys and values the edit may touch', () => {
  it('refuses an edit that rewrites the key of the field it sets or appends to', () => {
    expect(() => spliceYaml('a: 1\n', [{ start: 0, end: 4, text: '"a": 5' }], { kind: 'set', path: ['a'], expected: () => 5 })).toThrow('the note cannot be edited: editing `a` would rewrite `a` (a); edit it by hand');
    expect(() => spliceYaml('h: [a]\n', [{ start: 0, end: 1, text: '"h"' }, { start: 5, end: 5, text: ', b' }], { kind: 'append', path: ['h'], expected: () => ['a', 'b'] })).toThrow(
      'the note cannot be edited: editing `h` would rewrite `h` (h); edit it by hand',
    );
  });

  it('moves up only the items after a deleted one, in its own list', () => {
    expect(deleteField('---\nt: [a, b, c]\nu: [d, e, f]\n---\n', ['t', 1])).toBe('---\nt: [a, c]\nu: [d, e, f]\n---\n');
    expect(deleteField('---\nt:\n  - a\n  - b\nu:\n  - [d, e]\n  - [f, g]\n---\n', ['t', 0])).toBe('---\nt:\n  - b\nu:\n  - [d, e]\n  - [f, g]\n---\n');
    expect(deleteField('---\nh:\n  - [a, b]\n  - [c, d]\n---\n', ['h', 0, 0])).toBe('---\nh:\n  - [b]\n  - [c, d]\n---\n');
  });
});

describe('the check after an append', () => {
  it('lets no comment inside the list go', () => {
    expect(() => spliceYaml('t: [x, # c\n  y]\n', [{ start: 3, end: 15, text: '[x, y, z]' }], { kind: 'append', path: ['t'], expected: () => ['x', 'y', 'z'] })).toThrow('the note cannot be edited: editing `t` would drop the comment `# c`; edit it by hand');
  });
});

describe('edge cases found by mutation testing', () => {
  it('appends to a section in a note whose last line has no line break', () => {
    expect(appendToSection('## Notes\n\n## B\nb', 'Notes', 'x')).toBe('## Notes\n\nx\n\n## B\nb');
    expect(appendToSection('## Notes\n- one\n\n## B\nb', 'Notes', 'x')).toBe('## Notes\n- one\nx\n\n## B\nb');
  });

  it('lets a comment go with the value it belonged to, and no further', () => {
    expect(setField('---\nabout: | # c\n  text\nname: x\n---\n', ['about'], { x: 1 })).toBe('---\nabout:\n  x: 1\nname: x\n---\n');
    expect(() => setField('---\ntags:\n  - a\n  - b # last\nname: x\n---\n', ['tags'], 'none')).toThrow('editing `tags` would drop the comment `# last`');
    expect(() => setField('---\ntags:\n  - a #\nname: x\n---\n', ['tags'], 'none')).toThrow('editing `tags` would drop the comment `#`');
    expect(deleteField('---\nmeeting: # c\n  at: x\nname: y\n---\n', ['meeting'])).toBe('---\nname: y\n---\n');
    expect(deleteField('---\nh:\n  - stage: held\n    meeting: # c\n      at: x\n---\n', ['h', 0, 'meeting'])).toBe('---\nh:\n  - stage: held\n---\n');
    expect(() => spliceYaml('a: 1 # one\nb: 2\n', [{ start: 4, end: 16, text: '\n' }], { kind: 'delete', path: ['b'] })).toThrow('editing `b` would drop the comment `# one`');
    expect(() => spliceYaml('m:\n  x: 1\n  y: 2 # c\n', [{ start: 8, end: 9, text: '5' }, { start: 16, end: 20, text: '' }], { kind: 'set', path: ['m', 'x'], expected: () => 5 })).toThrow(
      'the note cannot be edited: editing `m.x` would drop the comment `# c`; edit it by hand',
    );
    expect(() => spliceYaml('m:\n  x: | # one\n    a\nb: 2\n', [{ start: 7, end: 21, text: ' y # two' }], { kind: 'set', path: ['m', 'x'], expected: () => 'y' })).toThrow('editing `m.x` would change a comment outside it');
  });

  it('refuses an edit that rewrites a key deeper in another field', () => {
    expect(() => spliceYaml('a: 1\nm: {x: 1}\n', [{ start: 3, end: 4, text: '5' }, { start: 9, end: 10, text: '"x"' }], { kind: 'set', path: ['a'], expected: () => 5 })).toThrow('editing `a` would rewrite `m.x` (x)');
  });

  it('deletes list items whatever the layout around them', () => {
    expect(deleteField('---\nh:\n  - [a]\n  - [b, c]\n---\n', ['h', 1, 0])).toBe('---\nh:\n  - [a]\n  - [c]\n---\n');
    expect(deleteField('---\ntags:\n  -\n    a\n  - b\n---\n', ['tags', 0])).toBe('---\ntags:\n  - b\n---\n');
    expect(deleteField('---\nname: x\nmeeting:\n  at: y\n---\n', ['meeting', 'at'])).toBe('---\nname: x\nmeeting: {}\n---\n');
    expect(deleteField('---\nh: [a , # x\n  b]\n---\n', ['h', 1])).toBe('---\nh: [a  # x\n  ]\n---\n');
    expect(deleteField('---\nh: [a,\n  b]\n---\n', ['h', 0])).toBe('---\nh: [\n  b]\n---\n');
    expect(deleteField('---\nh: [\n  a, b\n]\n---\n', ['h', 0])).toBe('---\nh: [\n  b\n]\n---\n');
    expect(deleteField('---\nt: [a, b, c]\nu: [d, e, f]\n---\n', ['t', 2])).toBe('---\nt: [a, b]\nu: [d, e, f]\n---\n');
  });

  it('adds to flow collections whatever the layout around them', () => {
    expect(appendToList('---\nt: [\n  a,\n  b\n  ,\n]\n---\n', ['t'], 'c')).toBe('---\nt: [\n  a,\n  b\n  ,\n  c,\n]\n---\n');
    expect(appendToList('---\nt: [\n  \ta,\n  \tb\n]\n---\n', ['t'], 'c')).toBe('---\nt: [\n  \ta,\n  \tb,\n  \tc\n]\n---\n');
    expect(setField('---\nm: {a: 1, b}\n---\n', ['m', 'c'], 2)).toBe('---\nm: {a: 1, b, c: 2}\n---\n');
  });

  it('finds the colon after a spaced key, and the comment after any blanks', () => {
    expect(setField('---\nemail :\n---\n', ['email'], 'a@b')).toBe('---\nemail : a@b\n---\n');
    expect(setField('---\ntags:   # c\n  - a\nname: x\n---\n', ['tags'], 'none')).toBe('---\ntags: none   # c\nname: x\n---\n');
    expect(setField('---\ntags:   \n  - a\nname: x\n---\n', ['tags'], 'none')).toBe('---\ntags: none\nname: x\n---\n');
  });
});

describe('a block written below a key that is not the first field', () => {
  it('is indented from its own key, and takes the place of a one-line value only', () => {
    expect(setField('---\nname: Ann\nmeeting:\n---\n', ['meeting'], { at: 'x' })).toBe('---\nname: Ann\nmeeting:\n  at: x\n---\n');
    expect(setField('---\nname: Ann\n  # c\ntags: ux\n\nnext: x\n---\n', ['tags'], ['a'])).toBe('---\nname: Ann\n  # c\ntags:\n  - a\n\nnext: x\n---\n');
    expect(setField('---\ntags: ux\n# c\nname: x\n---\n', ['tags'], ['a'])).toBe('---\ntags:\n  - a\n# c\nname: x\n---\n');
  });
});

describe('insertIntoList', () => {
  const note = '---\nhistory:\n  - date: 2026-11-17 # moved\n  # going back a step\n  - date: 2026-11-18\ntags: [a, b]\n---\n';

  it('inserts an entry after the one before it, every other byte kept, a comment above the next entry staying with it', () => {
    expect(insertIntoList(note, ['history'], 1, { date: '2026-11-17', stage: 'held' })).toBe('---\nhistory:\n  - date: 2026-11-17 # moved\n  - date: 2026-11-17\n    stage: held\n  # going back a step\n  - date: 2026-11-18\ntags: [a, b]\n---\n');
    expect(insertIntoList(note, ['history'], 0, { date: '2026-11-01' })).toBe('---\nhistory:\n  - date: 2026-11-01\n  - date: 2026-11-17 # moved\n  # going back a step\n  - date: 2026-11-18\ntags: [a, b]\n---\n');
    expect(insertIntoList(note, ['history'], 2, { date: '2026-12-01' })).toBe(appendToList(note, ['history'], { date: '2026-12-01' }));
  });

  it('only appends to a flow list, and refuses a place the list does not have', () => {
    expect(insertIntoList(note, ['tags'], 2, 'c')).toBe(note.replace('[a, b]', '[a, b, c]'));
    expect(() => insertIntoList(note, ['tags'], 1, 'c')).toThrow(UneditableNoteError);
    expect(() => insertIntoList(note, ['history'], 3, { date: '2026-12-01' })).toThrow(UneditableNoteError);
  });
});
