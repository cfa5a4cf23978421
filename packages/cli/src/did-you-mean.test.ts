import { describe, expect, it } from 'vitest';
import { unknownStageMessage } from './did-you-mean.js';

describe('messages', () => {
  it('suggests the nearest stage, and lists them all', () => {
    const all = 'identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived';
    expect(unknownStageMessage('sheduled')).toBe(`unknown stage "sheduled": did you mean scheduled? (use one of: ${all})`);
    expect(unknownStageMessage('followed-upp')).toBe(`unknown stage "followed-upp": did you mean followed-up? (use one of: ${all})`);
    expect(unknownStageMessage('contact')).toBe(`unknown stage "contact": did you mean contacted? (use one of: ${all})`);
    expect(unknownStageMessage('interviewed')).toBe(`unknown stage "interviewed" (use one of: ${all})`);
  });
});
