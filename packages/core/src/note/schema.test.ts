import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactSchema } from './schema.js';

describe('contactSchema', () => {
  it('is the committed contact.schema.json editors point at', () => {
    const committed = JSON.parse(readFileSync(new URL('../../contact.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(contactSchema)));
  });

  it('requires the three fields every contact has', () => {
    expect(contactSchema.required).toEqual(['type', 'name', 'stage']);
  });
});

describe('contactSchema with an independent validator (ajv)', async () => {
  const { Ajv } = await import('ajv');
  const validate = new Ajv({ strict: false, allErrors: true }).compile(contactSchema);

  it('accepts a complete contact', () => {
    const valid = {
      type: 'contact',
      name: 'Maya Chen',
      stage: 'scheduled',
      referred_by: '[[sam-ortiz]]',
      tags: ['ux'],
      history: [{ date: '2026-11-02', stage: 'identified' }, { date: '2026-11-05', stage: 'scheduled', via: 'email' }],
      meeting: { at: '2026-11-25T08:30-05:00', minutes: 30, format: 'video' },
      next: { action: 'Call', due: null },
      touch_every: 30,
      dismissed: ['second-contact'],
      pronouns: 'she/her',
    };
    expect(validate(valid), JSON.stringify(validate.errors)).toBe(true);
    for (const at of ['2026-11-25T23:59Z', '2026-11-25T00:00:30+0530', '2026-12-31T12:00']) {
      expect(validate({ ...valid, meeting: { at } }), at).toBe(true);
    }
  });

  it('rejects what the validator reports as errors', () => {
    for (const broken of [
      { type: 'contact', name: 'A' },
      { type: 'contact', name: 'A', stage: 'interviewed' },
      { type: 'contact', name: 'A', stage: 'held', history: [{ date: '23/11/2026', stage: 'held' }] },
      { type: 'contact', name: 'A', stage: 'held', referred_by: 'sam' },
      { type: 'contact', name: 'A', stage: 'held', meeting: { at: '2026-11-25', format: 'zoom' } },
      { type: 'contact', name: 'A', stage: 'held', dismissed: ['follow-up'] },
      // Times and dates rapport check refuses: hour 24, minute 60, month 13, day 32.
      { type: 'contact', name: 'A', stage: 'held', meeting: { at: '2026-11-25T24:00' } },
      { type: 'contact', name: 'A', stage: 'held', meeting: { at: '2026-11-25T10:60' } },
      { type: 'contact', name: 'A', stage: 'held', history: [{ date: '2026-13-01', stage: 'held' }] },
      { type: 'contact', name: 'A', stage: 'held', history: [{ date: '2026-11-32', stage: 'held' }] },
    ]) {
      expect(validate(broken), JSON.stringify(broken)).toBe(false);
    }
  });
});
