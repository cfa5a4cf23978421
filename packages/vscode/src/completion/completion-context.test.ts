import { describe, expect, it } from 'vitest';
import { completionTarget, isFrontmatterLine } from './completion-context.js';

describe('completionTarget', () => {
  it('finds an open wikilink and whether it is already closed', () => {
    expect(completionTarget('- Referral: [[ma', '', false)).toEqual({ kind: 'wikilink', prefix: 'ma', start: 14, closed: false });
    expect(completionTarget('referred_by: "[[', ']]"', true)).toEqual({ kind: 'wikilink', prefix: '', start: 16, closed: true });
    expect(completionTarget('[[done]] and more', '', false)).toBeUndefined();
    expect(completionTarget('[[maya|Ma', '', false)).toBeUndefined();
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
