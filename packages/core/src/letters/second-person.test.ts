import { describe, expect, it } from 'vitest';
import { toSecondPerson } from './second-person.js';

describe('toSecondPerson', () => {
  it.each([
    ['her keynote on research repositories', 'your keynote on research repositories'],
    ['His AMIA 2025 poster', 'Your AMIA 2025 poster'],
    ['the pilot he led at the clinic', 'the pilot you led at the clinic'],
    ['the guide, which she co-wrote', 'the guide, which you co-wrote'],
    ['the team she runs and the budget she has', 'the team you run and the budget you have'],
    ['he is rewriting the forms', 'you are rewriting the forms'],
    ["she's rewriting the forms", "you're rewriting the forms"],
    ['a point of his', 'a point of yours'],
    ['I told her about it', 'I told you about it'],
    ['a project of hers', 'a project of yours'],
  ])('%s → %s', (input, expected) => {
    expect(toSecondPerson(input)).toBe(expected);
  });

  it('leaves quotations, "they" and words that merely contain a pronoun alone', () => {
    const text = 'his post "What he taught us about her alarms", tested with teenagers and their parents; the theme';
    expect(toSecondPerson(text)).toBe('your post "What he taught us about her alarms", tested with teenagers and their parents; the theme');
  });
});
