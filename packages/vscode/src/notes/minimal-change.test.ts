import { describe, expect, it } from 'vitest';
import { minimalChange } from './minimal-change.js';

const apply = (before: string, after: string) => {
  const change = minimalChange(before, after);
  return before.slice(0, change.start) + change.text + before.slice(change.end);
};

describe('minimalChange', () => {
  it('replaces only the characters that differ', () => {
    expect(minimalChange('stage: held\nname: A\n', 'stage: thanked\nname: A\n')).toEqual({ start: 7, end: 10, text: 'thanke' });
    expect(minimalChange('abc', 'abXc')).toEqual({ start: 2, end: 2, text: 'X' });
    expect(minimalChange('same', 'same')).toEqual({ start: 4, end: 4, text: '' });
  });

  it('never splits a surrogate pair', () => {
    const change = minimalChange('a😀b', 'a😃b');
    expect(change).toEqual({ start: 1, end: 3, text: '😃' });
  });

  it('always reproduces the new text', () => {
    for (const [before, after] of [['', 'x'], ['x', ''], ['aaa', 'aa'], ['ab\r\ncd', 'ab\r\nXcd'], ['😀😀', '😀']]) expect(apply(before!, after!)).toBe(after);
  });
});
