import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InvalidInputError, UneditableNoteError } from '../errors.js';
import { appendToList, appendToSection, deleteField, getField, setField, spliceYaml } from './edit.js';

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
