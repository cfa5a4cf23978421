import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { dismissAction } from './dismiss.js';

const note = ['---', 'type: contact', 'name: Owen Park', 'stage: contacted', 'source: cold # found on LinkedIn', '---', '', '# Owen Park', ''].join('\n');

describe('dismissAction', () => {
  it("adds the action to the note's dismissed list, once, touching nothing else", () => {
    const dismissed = dismissAction(note, 'second-contact');
    expect(dismissed).toBe(['---', 'type: contact', 'name: Owen Park', 'stage: contacted', 'source: cold # found on LinkedIn', 'dismissed:', '  - second-contact', '---', '', '# Owen Park', ''].join('\n'));
    expect(dismissAction(dismissed, 'second-contact')).toBe(dismissed);
  });

  it('refuses an action that cannot be dismissed: at compile time, and from JavaScript when run', () => {
    // @ts-expect-error -- only a dismissable action compiles
    expect(() => dismissAction(note, 'follow-up')).toThrow(InvalidInputError);
    // @ts-expect-error -- a typo fails to compile
    expect(() => dismissAction(note, 'second-contcat')).toThrow('"second-contcat" cannot be dismissed (only: second-contact)');
  });
});
