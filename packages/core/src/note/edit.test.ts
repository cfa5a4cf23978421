import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InvalidInputError, UneditableNoteError } from '../errors.js';
import { appendToList, appendToSection, deleteField, getField, setField } from './edit.js';

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
