import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { readNote } from '../note/read-contact.js';
import { clearManualNext, setManualNext } from './manual-next.js';
import { nextAction } from './next-action.js';

const note = [
  '---',
  'type: contact',
  'name: Owen Park',
  'stage: contacted',
  'source: cold # found on LinkedIn',
  'history:',
  '  - {date: 2026-11-02, stage: contacted, via: email}',
  '---',
  '',
  '# Owen Park',
  '',
].join('\n');

const withNext = note.replace('history:', 'next: {action: Send him the diary-study article, due: 2026-11-06} # promised on the call\nhistory:');

const context = { now: new Date('2026-11-05T15:00:00Z'), timezone: 'America/New_York' };
const next = (text: string) => nextAction(readNote('owen-park.md', text).contact!, context);

describe('setManualNext', () => {
  it('writes next: with the action and due date, touching no other line', () => {
    expect(setManualNext(note, { action: ' Send him the diary-study article ', due: '2026-11-06' })).toBe(note.replace('---\n\n', 'next:\n  action: Send him the diary-study article\n  due: 2026-11-06\n---\n\n'));
    expect(setManualNext(note, { action: 'Ask about the spring cohort' })).toBe(note.replace('---\n\n', 'next:\n  action: Ask about the spring cohort\n---\n\n'));
  });

  it('ends a snooze when it is given a day, and keeps it without one', () => {
    const snoozed = note.replace('history:', 'snoozed_until: 2026-11-20\nhistory:');
    expect(setManualNext(snoozed, { action: 'Call back', due: '2026-11-09' })).toBe(note.replace('---\n\n', 'next:\n  action: Call back\n  due: 2026-11-09\n---\n\n'));
    expect(setManualNext(snoozed, { action: 'Call back' })).toBe(snoozed.replace('---\n\n', 'next:\n  action: Call back\n---\n\n'));
  });

  it('replaces a next action already written, in its place', () => {
    expect(setManualNext(withNext, { action: 'Call back', due: '2026-11-09' })).toBe(note.replace('history:', 'next: {action: Call back, due: 2026-11-09} # promised on the call\nhistory:'));
  });

  it('changes a block one line at a time: the comments written in it stay', () => {
    const block = note.replace('history:', 'next:\n  action: Send him the diary-study article # he asked twice\n  # he is travelling until the 9th\n  due: 2026-11-10 # after his trip\nhistory:');
    expect(setManualNext(block, { action: 'Send him the diary-study article', due: '2026-11-12' })).toBe(
      note.replace('history:', 'next:\n  action: Send him the diary-study article # he asked twice\n  # he is travelling until the 9th\n  due: 2026-11-12 # after his trip\nhistory:'),
    );
    expect(setManualNext(block, { action: 'Ask about the spring cohort' })).toBe(
      note.replace('history:', 'next:\n  action: Ask about the spring cohort # he asked twice\n  # he is travelling until the 9th\nhistory:'),
    );
  });

  it('replaces a next action that is not a block of action and due', () => {
    expect(setManualNext(note.replace('history:', 'next: call him\nhistory:'), { action: 'Call back', due: '2026-11-09' })).toBe(note.replace('history:', 'next:\n  action: Call back\n  due: 2026-11-09\nhistory:'));
  });

  it('is the next action until it is cleared, ahead of the rules', () => {
    expect(next(note)).toMatchObject({ kind: 'follow-up', due: '2026-11-11' });
    expect(next(setManualNext(note, { action: 'Send him the diary-study article', due: '2026-11-06' }))).toMatchObject({ kind: 'manual', action: 'Send him the diary-study article', due: '2026-11-06' });
  });

  it('refuses an empty action, one of several lines, and a date that is not one', () => {
    expect(() => setManualNext(note, { action: '  ' })).toThrow(new InvalidInputError('say what the next action is'));
    expect(() => setManualNext(note, { action: 'Call', due: '2026-11-31' })).toThrow(new InvalidInputError('invalid date "2026-11-31" (use YYYY-MM-DD)'));
    expect(() => setManualNext(note, { action: 'line1\nline2' })).toThrow(new InvalidInputError('a next action is one line of text, without control characters: "line1\\nline2"'));
  });
});

describe('clearManualNext', () => {
  it('takes out only the next field, its comment with it, and the rules suggest the next action again', () => {
    const cleared = clearManualNext(withNext);
    expect(cleared).toBe(note);
    expect(next(cleared)).toMatchObject({ kind: 'follow-up', due: '2026-11-11' });
  });

  it('refuses a note without one', () => {
    expect(() => clearManualNext(note)).toThrow(new InvalidInputError('there is no hand-written `next:` in this note'));
  });
});
