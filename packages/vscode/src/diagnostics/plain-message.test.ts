import { describe, expect, it } from 'vitest';
import { plainMessage } from './plain-message.js';

describe('plainMessage', () => {
  it('drops the backticks around a word, and quotes code that is punctuation, spaces or several words', () => {
    expect(plainMessage('The value of `place` contains `: `, which YAML reads as the start of another field')).toBe('The value of place contains “: ”, which YAML reads as the start of another field');
    expect(plainMessage('The `"` that starts this value is never closed')).toBe('The “"” that starts this value is never closed');
    expect(plainMessage('`referred_by` points at "x"; write `via: letter`')).toBe('referred_by points at "x"; write “via: letter”');
  });

  it('reads a backtick inside a longer fence, and leaves text with no code span as it is', () => {
    expect(plainMessage('A value cannot start with `` ` ``')).toBe('A value cannot start with “`”');
    expect(plainMessage('Invalid YAML: a value cannot hold ": "')).toBe('Invalid YAML: a value cannot hold ": "');
    expect(plainMessage('a lone ` stays')).toBe('a lone ` stays');
  });
});
