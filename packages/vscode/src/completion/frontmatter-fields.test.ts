import { describe, expect, it } from 'vitest';
import { fieldHover, fieldNameCompletions, fieldNameTarget, fieldValues, fieldValueTarget, parentKey, topLevelKeys } from './frontmatter-fields.js';

const TODAY = '2026-12-05';

describe('fieldNameCompletions', () => {
  const names = (present: string[]) => fieldNameCompletions(new Set(present), TODAY).map((field) => field.name);

  it('offers the contact fields in the schema order, leaving out the keys the note has', () => {
    expect(names(['type', 'name', 'stage', 'role', 'organization', 'history'])).toEqual([
      'credentials', 'industry', 'location', 'email', 'phone', 'linkedin', 'linkedin_connected', 'source', 'referred_by', 'tags',
      'meeting', 'next', 'timezone', 'snoozed_until', 'touch_every', 'dismissed',
    ]);
    expect(names([])).toContain('type');
  });

  it('inserts a plain field as its name and a colon, with its meaning and whether values follow', () => {
    const field = (name: string) => fieldNameCompletions(new Set(), TODAY).find((candidate) => candidate.name === name);
    expect(field('email')).toEqual({ name: 'email', description: 'Email address, for letters sent by email.', snippet: 'email: ', hasValues: false });
    expect(field('source')).toEqual({ name: 'source', description: 'How the contact was found.', snippet: 'source: ', hasValues: true });
    expect(field('snoozed_until')?.hasValues).toBe(true);
    expect(field('timezone')?.hasValues).toBe(true);
    expect(field('type')?.snippet).toBe('type: contact');
    expect(field('tags')?.snippet).toBe('tags: [$1]');
  });

  it('inserts history and meeting with their nested lines, dated today', () => {
    const snippet = (name: string) => fieldNameCompletions(new Set(), TODAY).find((candidate) => candidate.name === name)?.snippet;
    expect(snippet('history')).toBe(
      'history:\n  - date: 2026-12-05\n    stage: ${1|identified,contacted,followed-up,scheduled,prepared,held,thanked,nurturing,declined,no-response,archived|}$0',
    );
    expect(snippet('meeting')).toBe('meeting:\n  at: "${1:2026-12-05}T${2:09:00}"\n  minutes: ${3:30}\n  format: ${4|video,in-person,phone|}$0');
    expect(snippet('next')).toBe('next:\n  action: ${1}$0');
  });
});

describe('fieldValues', () => {
  it('offers the closed set of a field, top level or nested, as typed', () => {
    expect(fieldValues(['source'], '', TODAY).map((value) => value.value)).toEqual(['linkedin', 'association', 'personal', 'referral', 'cold', 'event', 'alumni', 'other']);
    expect(fieldValues(['source'], 'A', TODAY)).toEqual([{ value: 'association' }, { value: 'alumni' }]);
    expect(fieldValues(['history', 'via'], '', TODAY).map((value) => value.value)).toEqual(['email', 'linkedin', 'letter', 'phone', 'in-person', 'other']);
    expect(fieldValues(['meeting', 'format'], 'p', TODAY)).toEqual([{ value: 'phone' }]);
    expect(fieldValues(['history', 'stage'], 'fo', TODAY)).toEqual([{ value: 'followed-up', detail: 'nudged once after no reply' }]);
  });

  it('offers today for a date', () => {
    expect(fieldValues(['history', 'date'], '', TODAY)).toEqual([{ value: '2026-12-05', detail: 'today' }]);
    expect(fieldValues(['snoozed_until'], '2026', TODAY)).toEqual([{ value: '2026-12-05', detail: 'today' }]);
    expect(fieldValues(['snoozed_until'], '2027', TODAY)).toEqual([]);
  });

  it('offers the IANA time zones matching the start of the name or of its city', () => {
    expect(fieldValues(['timezone'], 'America/Bog', TODAY)).toEqual([{ value: 'America/Bogota' }]);
    expect(fieldValues(['timezone'], 'bogota', TODAY)).toEqual([{ value: 'America/Bogota' }]);
    expect(fieldValues(['timezone'], 'Europe/', TODAY).map((zone) => zone.value)).toContain('Europe/Paris');
  });

  it('offers nothing for free text or an unknown field', () => {
    expect(fieldValues(['name'], '', TODAY)).toEqual([]);
    expect(fieldValues(['pronouns'], '', TODAY)).toEqual([]);
    expect(fieldValues(['history', 'constructor'], '', TODAY)).toEqual([]);
  });
});

describe('where a field name or value is typed', () => {
  it('takes a name alone at the start of a top-level line', () => {
    expect(fieldNameTarget('', '')).toEqual({ prefix: '' });
    expect(fieldNameTarget('sou', '')).toEqual({ prefix: 'sou' });
    expect(fieldNameTarget('  sou', '')).toBeUndefined();
    expect(fieldNameTarget('sou', 'rce: cold')).toBeUndefined();
    expect(fieldNameTarget('source: ', '')).toBeUndefined();
  });

  it('takes a value after key:, its path through the parent key on a nested line', () => {
    expect(fieldValueTarget('source: ', undefined)).toEqual({ path: ['source'], prefix: '', start: 8 });
    expect(fieldValueTarget('source:', undefined)).toEqual({ path: ['source'], prefix: '', start: 7 });
    expect(fieldValueTarget('timezone: "America/Bo', undefined)).toEqual({ path: ['timezone'], prefix: 'America/Bo', start: 11 });
    expect(fieldValueTarget('    via: em', 'history')).toEqual({ path: ['history', 'via'], prefix: 'em', start: 9 });
    expect(fieldValueTarget('  - date: ', 'history')).toEqual({ path: ['history', 'date'], prefix: '', start: 10 });
    expect(fieldValueTarget('  format: ', undefined)).toBeUndefined();
    expect(fieldValueTarget('name: Maya Chen', undefined)).toBeUndefined();
  });

  it('finds the top-level key of a nested line, reading upwards', () => {
    const lines = ['---', 'name: Maya', 'history:', '  - date: 2026-11-02', '    stage: identified', 'meeting:', '  at: "2026-11-25T09:00"', '- orphan'];
    const at = (line: number) => lines[line]!;
    expect([1, 2, 3, 4, 5, 6].map((line) => parentKey(at, line))).toEqual([undefined, undefined, 'history', 'history', undefined, 'meeting']);
    expect(parentKey(at, 7)).toBe('meeting');
  });

  it('reads the top-level keys of a frontmatter, not the nested ones', () => {
    expect([...topLevelKeys(['name: Maya', 'history:', '  - date: 2026-11-02', '    stage: held', '# a comment', 'tags: [ux]'])]).toEqual(['name', 'history', 'tags']);
  });
});

describe('fieldHover', () => {
  it("explains a key by the schema's description, with the values of a closed set", () => {
    expect(fieldHover('source: cold', 2, undefined)).toEqual({
      start: 0,
      end: 6,
      text: '**source**: How the contact was found. One of: `linkedin`, `association`, `personal`, `referral`, `cold`, `event`, `alumni`, `other`.',
    });
    expect(fieldHover('    via: email', 5, 'history')?.text).toBe('**history › via**: Channel used. One of: `email`, `linkedin`, `letter`, `phone`, `in-person`, `other`.');
    expect(fieldHover('  - date: 2026-11-02', 4, 'history')).toEqual({ start: 4, end: 8, text: '**history › date**: A calendar date, YYYY-MM-DD' });
  });

  it('explains the stage under the cursor in a stage value', () => {
    expect(fieldHover('stage: scheduled', 10, undefined)).toEqual({ start: 7, end: 16, text: '**scheduled**: a meeting is agreed' });
    expect(fieldHover('    stage: "held"', 13, 'history')).toEqual({ start: 12, end: 16, text: '**held**: the conversation took place' });
    expect(fieldHover('stage: interviewed', 10, undefined)).toBeUndefined();
  });

  it('says nothing of a field the schema does not know, nor of a free value', () => {
    expect(fieldHover('pronouns: she/her', 2, undefined)).toBeUndefined();
    expect(fieldHover('name: Maya Chen', 9, undefined)).toBeUndefined();
  });
});
