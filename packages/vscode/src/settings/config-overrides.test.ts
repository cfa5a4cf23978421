import { describe, expect, it } from 'vitest';
import { readConfig } from '@rapport/core';
import { applyOverrides } from './config-overrides.js';

describe('applyOverrides', () => {
  const { config } = readConfig('profile:\n  name: Jordan Reyes\n  phone: "555"\nrules:\n  follow_up_after: 5\n');

  it('lays VS Code settings over the folder config field by field', () => {
    const result = applyOverrides(config, { rules: { thankWithin: 2 }, profile: { phone: '+1 412', email: '' } });
    expect(result.profile).toEqual({ name: 'Jordan Reyes', phone: '+1 412' });
    expect(result.rules.followUpAfter).toBe(5);
    expect(result.rules.thankWithin).toBe(2);
  });

  it('keeps the folder config when nothing is set', () => {
    expect(applyOverrides(config, { rules: {}, profile: {} })).toEqual(config);
  });
});
