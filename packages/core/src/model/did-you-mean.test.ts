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

describe('letter names', () => {
  const LETTERS = ['cold-email', 'cold-letter', 'follow-up', 'keep-in-touch', 'linkedin-note', 'referral', 'thank-you'];

  it('suggests the letter a typo meant, and none for a word near only a short part of one', () => {
    expect(nearest('folow-up', LETTERS)).toEqual(['follow-up']);
    expect(nearest('thankyou', LETTERS)).toEqual(['thank-you']);
    expect(nearest('referal', LETTERS)).toEqual(['referral']);
    // "touch" is two edits from "nosuch", as many as a third of "nosuch" allows, but a third of "touch" is one.
    expect(nearest('nosuch', LETTERS)).toEqual([]);
  });
});
