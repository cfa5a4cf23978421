import { describe, expect, it } from 'vitest';
import { didYouMean, nearest } from './did-you-mean.js';

const IDS = ['tom-becker', 'hannah-schultz', 'maya-chen', 'dana-okafor', 'victor-nguyen', 'lauren-fitzgerald', 'tom-baker'];

describe('nearest', () => {
  it.each([
    ['tom-beker', ['tom-baker', 'tom-becker']],
    ['maya-chan', ['maya-chen']],
    ['mayachen', ['maya-chen']],
    ['schultz', ['hannah-schultz']],
    ['shultz', ['hannah-schultz']],
    ['hann', ['hannah-schultz']],
    ['fitz', ['lauren-fitzgerald']],
    ['nguyen', ['victor-nguyen']],
    ['tom', ['tom-baker', 'tom-becker']],
    ['nobody-at-all', []],
    ['zz', []],
  ])('%s → %j', (typed, expected) => {
    expect(nearest(typed, IDS)).toEqual(expected);
  });

  it('keeps the closest three, closest first', () => {
    expect(nearest('ab', ['abc', 'xab', 'ab-', 'a', 'zzz'])).toEqual(['a', 'ab-', 'abc']);
  });
});

describe('messages', () => {
  it('lists one, two or three suggestions in words', () => {
    expect(didYouMean('maya-chan', IDS)).toBe(' (did you mean maya-chen?)');
    expect(didYouMean('tom-beker', IDS)).toBe(' (did you mean tom-baker or tom-becker?)');
    expect(didYouMean('ab', ['abc', 'xab', 'a'])).toBe(' (did you mean a, abc or xab?)');
    expect(didYouMean('quentin', IDS)).toBe('');
  });
});

