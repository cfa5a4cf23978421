import { describe, expect, it } from 'vitest';
import { letterSnippet, letterWithHumanMarkers } from './letter-snippet.js';

describe('letterSnippet', () => {
  it('turns each marker into a tab stop named in words, the same field into the same stop', () => {
    const text = 'Dear [[fill: firstName]],\nI found you through [[fill: foundVia]]. Thanks, [[fill: firstName]]! It costs $5 {ok}\n';
    expect(letterSnippet(text)).toBe('Dear ${1:[[fill: their first name]]},\nI found you through ${2:[[fill: how you found them]]}. Thanks, ${1:[[fill: their first name]]}! It costs \\$5 {ok\\}\n');
  });

  it('keeps the field of a user template when it has no name in words', () => {
    expect(letterWithHumanMarkers('See [[fill: referrer.firstName]] and [[fill: favouriteBook]].')).toBe("See [[fill: the referrer's first name]] and [[fill: favouriteBook]].");
  });
});
