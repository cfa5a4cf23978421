import { describe, expect, it } from 'vitest';
import { closestStage } from './vocabulary.js';

describe('closestStage', () => {
  it('suggests the stage a typo or a prefix meant', () => {
    expect(closestStage('helld')).toBe('held');
    expect(closestStage('Scheduled')).toBe('scheduled');
    expect(closestStage('followed up')).toBe('followed-up');
    expect(closestStage('nurt')).toBe('nurturing');
    expect(closestStage('no_response')).toBe('no-response');
  });

  it('suggests nothing for a word far from every stage', () => {
    expect(closestStage('banana')).toBeUndefined();
    expect(closestStage('interviewed')).toBeUndefined();
    expect(closestStage('')).toBeUndefined();
  });
});
