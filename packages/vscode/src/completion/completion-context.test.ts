import { describe, expect, it } from 'vitest';
import { completionTarget, isFrontmatterLine } from './completion-context.js';

describe('completionTarget', () => {
  it('closes a wikilink in the body with ]], replacing any ] already after the cursor', () => {
    expect(completionTarget('- Referral: [[ma', '', false)).toEqual({ kind: 'wikilink', prefix: 'ma', start: 14, end: 16, close: ']]' });
    expect(completionTarget('- Referral: [[ma', ']] and more', false)).toEqual({ kind: 'wikilink', prefix: 'ma', start: 14, end: 18, close: ']]' });
    expect(completionTarget('[[', ']', false)).toEqual({ kind: 'wikilink', prefix: '', start: 2, end: 3, close: ']]' });
    expect(completionTarget('[[done]] and more', '', false)).toBeUndefined();
    expect(completionTarget('[[maya|Ma', '', false)).toBeUndefined();
  });

  it('closes a quoted wikilink in the frontmatter with ]] and its quote, once', () => {
    expect(completionTarget('referred_by: "[[maya', '', true)).toEqual({ kind: 'wikilink', prefix: 'maya', start: 16, end: 20, close: ']]"' });
    expect(completionTarget('referred_by: "[[', ']]"', true)).toEqual({ kind: 'wikilink', prefix: '', start: 16, end: 19, close: ']]"' });
    expect(completionTarget('referred_by: "[[ma', '"', true)).toEqual({ kind: 'wikilink', prefix: 'ma', start: 16, end: 19, close: ']]"' });
    expect(completionTarget("referred_by: '[[ma", ']', true)).toEqual({ kind: 'wikilink', prefix: 'ma', start: 16, end: 19, close: "]]'" });
  });

  it('quotes an unquoted wikilink value in the frontmatter (unquoted, YAML reads a list)', () => {
    expect(completionTarget('referred_by: [[ma', '', true)).toEqual({ kind: 'wikilink', prefix: 'ma', start: 15, end: 17, close: ']]"', openQuote: '"' });
    expect(completionTarget('  - [[', ']]', true)).toEqual({ kind: 'wikilink', prefix: '', start: 6, end: 8, close: ']]"', openQuote: '"' });
  });

  it('leaves the quotes of a longer frontmatter value to the user', () => {
    expect(completionTarget('    note: "met [[ma', '', true)).toEqual({ kind: 'wikilink', prefix: 'ma', start: 17, end: 19, close: ']]' });
  });

  it('completes stage values only in the frontmatter, top level or in history', () => {
    expect(completionTarget('stage: sch', '', true)).toEqual({ kind: 'stage', prefix: 'sch', start: 7 });
    expect(completionTarget('    stage: ', '', true)).toEqual({ kind: 'stage', prefix: '', start: 11 });
    expect(completionTarget('  - stage: "he', '', true)).toEqual({ kind: 'stage', prefix: 'he', start: 12 });
    expect(completionTarget('stage: sch', '', false)).toBeUndefined();
  });
});

describe('isFrontmatterLine', () => {
  const lines = ['---', 'stage: held', '---', 'stage: body'];
  const at = (line: number) => lines[line]!;
  it('is true only between the opening and closing fences', () => {
    expect([0, 1, 2, 3].map((line) => isFrontmatterLine(at, line, lines.length))).toEqual([false, true, false, false]);
  });
});

describe('completionTarget for referred_by', () => {
  it('completes the value of referred_by in the frontmatter, with or without an opening quote', () => {
    expect(completionTarget('referred_by: ', '', true)).toEqual({ kind: 'referredBy', prefix: '', start: 13 });
    expect(completionTarget('referred_by: "ma', '"', true)).toEqual({ kind: 'referredBy', prefix: 'ma', start: 13 });
    expect(completionTarget('referred_by: ', '', false)).toBeUndefined();
  });
});
