import { describe, expect, it } from 'vitest';
import { readNote, type Contact } from '@rapport/core';
import { dayWithWeekday, isSnoozed, snoozableActions, snoozeChoices, snoozeDayProblem, snoozedMessage, snoozedUntil, unsnoozedMessage } from './snooze-choices.js';

/** Monday 2026-12-07, 10:00 in New York. */
const context = { now: new Date('2026-12-07T15:00:00Z'), timezone: 'America/New_York' };
const TODAY = '2026-12-07';

function contact(lines: readonly string[]): Contact {
  const reading = readNote('owen-park.md', ['---', 'type: contact', 'name: Owen Park', ...lines, '---', ''].join('\n'));
  return reading.contact!;
}

// Written to on Friday 2026-11-20, referred (no second person): the follow-up is due 7 business days later, 2026-12-01.
const owen = contact(['stage: contacted', 'source: referral', 'history:', '  - {date: 2026-11-20, stage: contacted}']);

describe('snoozeChoices', () => {
  it('offers each day once: on a Monday, next Monday is in a week, one choice naming both', () => {
    expect(snoozeChoices(TODAY)).toEqual([
      { label: 'Tomorrow', description: 'Tue 2026-12-08', value: '2026-12-08' },
      { label: 'Next Monday, in a week', description: 'Mon 2026-12-14', value: '2026-12-14' },
      { label: 'In two weeks', description: 'Mon 2026-12-21', value: '2026-12-21' },
      { label: 'Pick a date…', description: 'YYYY-MM-DD', value: 'pick' },
    ]);
  });

  it('on a Sunday, next Monday is tomorrow, one choice naming both', () => {
    expect(snoozeChoices('2026-12-06')).toEqual([
      { label: 'Tomorrow, next Monday', description: 'Mon 2026-12-07', value: '2026-12-07' },
      { label: 'In a week', description: 'Sun 2026-12-13', value: '2026-12-13' },
      { label: 'In two weeks', description: 'Sun 2026-12-20', value: '2026-12-20' },
      { label: 'Pick a date…', description: 'YYYY-MM-DD', value: 'pick' },
    ]);
  });

  it('on any other day, offers four days, each with its own', () => {
    // Friday 2026-12-11: next Monday is three days ahead.
    expect(snoozeChoices('2026-12-11')).toEqual([
      { label: 'Tomorrow', description: 'Sat 2026-12-12', value: '2026-12-12' },
      { label: 'Next Monday', description: 'Mon 2026-12-14', value: '2026-12-14' },
      { label: 'In a week', description: 'Fri 2026-12-18', value: '2026-12-18' },
      { label: 'In two weeks', description: 'Fri 2026-12-25', value: '2026-12-25' },
      { label: 'Pick a date…', description: 'YYYY-MM-DD', value: 'pick' },
    ]);
    // Saturday 2026-12-12: Monday is two days ahead, not tomorrow.
    expect(snoozeChoices('2026-12-12').map((choice) => `${choice.label}: ${choice.description}`)).toEqual([
      'Tomorrow: Sun 2026-12-13',
      'Next Monday: Mon 2026-12-14',
      'In a week: Sat 2026-12-19',
      'In two weeks: Sat 2026-12-26',
      'Pick a date…: YYYY-MM-DD',
    ]);
  });

  it('names the weekday of a day', () => {
    expect(dayWithWeekday('2026-12-09')).toBe('Wed 2026-12-09');
    expect(dayWithWeekday('2027-01-03')).toBe('Sun 2027-01-03');
  });
});

describe('snoozeDayProblem', () => {
  it('takes a later day, written or in words', () => {
    expect(snoozeDayProblem('2026-12-09', TODAY)).toBeUndefined();
    expect(snoozeDayProblem('friday', TODAY)).toBeUndefined();
  });

  it('refuses today, a day gone, and what is no day', () => {
    expect(snoozeDayProblem('2026-12-07', TODAY)).toBe('2026-12-07 is not after today (2026-12-07): a snooze puts actions off to a later day');
    expect(snoozeDayProblem('2026-11-30', TODAY)).toBe('2026-11-30 is not after today (2026-12-07): a snooze puts actions off to a later day');
    expect(snoozeDayProblem('2026-02-30', TODAY)).toBe('Write the day as YYYY-MM-DD (e.g. 2026-12-09), or +7d, or a weekday such as monday');
    expect(snoozeDayProblem('later', TODAY)).toBe('Write the day as YYYY-MM-DD (e.g. 2026-12-09), or +7d, or a weekday such as monday');
  });
});

describe('snoozableActions', () => {
  it('are the dated ones of the contact, a meeting aside', () => {
    expect(snoozableActions(owen, context).map((action) => [action.kind, action.due])).toEqual([['follow-up', '2026-12-01']]);
    // Meeting on Thursday 2026-12-10: preparing is due Tuesday 2026-12-08; the meeting keeps its day.
    const scheduled = contact(['stage: scheduled', 'history:', '  - {date: 2026-12-01, stage: scheduled}', 'meeting:', '  at: 2026-12-10T10:00']);
    expect(snoozableActions(scheduled, context).map((action) => [action.kind, action.due])).toEqual([['prepare', '2026-12-08']]);
    expect(snoozableActions(contact(['stage: identified']), context)).toEqual([]);
  });
});

describe('isSnoozed', () => {
  it('is true for a snooze read, and for one written that is no date (Unsnooze takes it out)', () => {
    expect(isSnoozed(owen)).toBe(false);
    expect(isSnoozed(contact(['stage: contacted', 'snoozed_until: 2026-12-09']))).toBe(true);
    expect(isSnoozed(contact(['stage: contacted', 'snoozed_until: next week']))).toBe(true);
  });
});

describe('snoozedMessage', () => {
  it('says who and until when, in a few words', () => {
    expect(snoozedMessage(owen, '2026-12-14', context, TODAY)).toBe('Snoozed Owen Park until Monday, December 14.');
  });

  it('says the year of a day in another one', () => {
    expect(snoozedMessage(owen, '2027-01-04', context, TODAY)).toBe('Snoozed Owen Park until Monday, January 4, 2027.');
  });

  it('says when nothing was due before the day', () => {
    expect(snoozedMessage(owen, '2026-11-30', context, TODAY)).toBe('Snoozed Owen Park until Monday, November 30: nothing of theirs was due before then.');
  });
});

describe('unsnoozedMessage', () => {
  it('says who, in the few words of Snooze…, with no guess at a pronoun', () => {
    expect(unsnoozedMessage(owen)).toBe('Unsnoozed Owen Park: their actions are due again as the rules say.');
  });
});

describe('snoozedUntil', () => {
  it('says until when a snooze put an action off, until that day comes', () => {
    expect(snoozedUntil({ due: '2026-12-14', snoozedFrom: '2026-12-01' }, TODAY)).toBe('snoozed until Mon 2026-12-14');
    expect(snoozedUntil({ due: '2026-12-08', snoozedFrom: '2026-12-01' }, TODAY)).toBe('snoozed until Tue 2026-12-08');
    // Its day has come: due today like any other.
    expect(snoozedUntil({ due: TODAY, snoozedFrom: '2026-12-01' }, TODAY)).toBeUndefined();
    expect(snoozedUntil({ due: '2026-12-14' }, TODAY)).toBeUndefined();
    expect(snoozedUntil({ due: null }, TODAY)).toBeUndefined();
  });
});
