import { describe, expect, it } from 'vitest';
import { readNote } from './read-contact.js';
import { applyFix } from './apply-fix.js';

/**
 * Every field problem a user can make, with the exact diagnostic: rule,
 * severity, the place the editor underlines (1-based line and column of both
 * ends, counted by hand in the note text above each case) and the words shown.
 */

const STAGE_LIST = 'identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived';

/** Line 1 is the fence, 2 `type`, 3 `name`: the fields given start on line 4. */
function note(...fields: string[]): string {
  return ['---', 'type: contact', 'name: Maya Chen', ...fields, '---', ''].join('\n');
}

function diagnostics(text: string) {
  return readNote('people/maya-chen.md', text).diagnostics;
}

const at = (line: number, column: number, endLine: number, endColumn: number) => ({ file: 'people/maya-chen.md', line, column, endLine, endColumn });

describe('field diagnostics, exactly', () => {
  it('a missing name or stage at the opening fence, an empty one on its key', () => {
    expect(diagnostics('---\ntype: contact\n---\n')).toEqual([
      { ...at(1, 1, 1, 4), severity: 'error', rule: 'missing-field', message: 'A contact needs a `name`', hint: 'Add `name: Full Name` to the frontmatter' },
      { ...at(1, 1, 1, 4), severity: 'error', rule: 'missing-field', message: 'A contact needs a `stage`', hint: `Add \`stage:\` with one of: ${STAGE_LIST}` },
    ]);
    // Keys already there but empty are to be filled in, not added again (a second `name:` would be a duplicate key).
    // Line 3 `name: ""`, line 4 `stage:`: each key is columns 1-4 (name) or 1-5 (stage).
    expect(diagnostics('---\ntype: contact\nname: ""\nstage:\n---\n')).toEqual([
      { ...at(3, 1, 3, 5), severity: 'error', rule: 'missing-field', message: 'A contact needs a `name`', hint: 'Write the name after `name:`' },
      { ...at(4, 1, 4, 6), severity: 'error', rule: 'missing-field', message: 'A contact needs a `stage`', hint: `Write the stage after \`stage:\`, one of: ${STAGE_LIST}` },
    ]);
    // An empty quoted stage is an empty stage too, not an unknown one named "".
    expect(diagnostics('---\ntype: contact\nname: Maya\nstage: ""\n---\n')).toEqual([
      { ...at(4, 1, 4, 6), severity: 'error', rule: 'missing-field', message: 'A contact needs a `stage`', hint: `Write the stage after \`stage:\`, one of: ${STAGE_LIST}` },
    ]);
  });

  it('a name that is not text, and an unknown stage, under the value', () => {
    // Lines 1-2 are the fence and `type`. Line 3 `name: 42`: the value is columns 7-8; line 4 `stage: interviewed`: columns 8-18.
    expect(diagnostics('---\ntype: contact\nname: 42\nstage: interviewed\n---\n')).toEqual([
      { ...at(3, 7, 3, 9), severity: 'error', rule: 'invalid-type', message: '`name` must be text', hint: 'Quote the name' },
      { ...at(4, 8, 4, 19), severity: 'error', rule: 'unknown-stage', message: 'Unknown stage "interviewed"', hint: `Use one of: ${STAGE_LIST}` },
    ]);
  });

  it('an unknown stage close to one, in the frontmatter and in the history, names the stage it most likely meant', () => {
    // Line 4 `stage: Thanked`: columns 8-14; line 8, the second history entry `  - {date: 2026-11-23, stage: helld}`: columns 31-35.
    const text = '---\ntype: contact\nname: Ben Osei\nstage: Thanked\nhistory:\n  - date: 2026-11-20\n    stage: held\n  - {date: 2026-11-23, stage: helld}\n---\n';
    expect(diagnostics(text)).toEqual([
      { ...at(4, 8, 4, 15), severity: 'error', rule: 'unknown-stage', message: 'Unknown stage "Thanked"', hint: `Did you mean "thanked"? Use one of: ${STAGE_LIST}` },
      { ...at(8, 31, 8, 36), severity: 'error', rule: 'unknown-stage', message: 'Unknown stage "helld"', hint: `Did you mean "held"? Use one of: ${STAGE_LIST}` },
    ]);
  });

  it('a text field holding a list, a mapping, a number or a yes', () => {
    const text = note('stage: identified', 'role: [a, b]', 'organization: {x: 1}', 'industry: 42', 'location: true');
    expect(diagnostics(text).map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [5, 7, '`role` must be text, not a list', 'Put the value in quotes'],
      [6, 15, '`organization` must be text, not a mapping', 'Put the value in quotes'],
      [7, 11, '`industry` must be text, not a number', 'Put the value in quotes'],
      [8, 11, '`location` must be text, not a boolean', 'Put the value in quotes'],
    ]);
  });

  it('an email that is not an address, and a LinkedIn value that is not a URL', () => {
    expect(diagnostics(note('stage: identified', 'email: maya at example.com', 'linkedin: maya-chen'))).toEqual([
      { ...at(5, 8, 5, 27), severity: 'error', rule: 'invalid-value', message: '`email` is not an email address: "maya at example.com"' },
      { ...at(6, 11, 6, 20), severity: 'error', rule: 'invalid-value', message: '`linkedin` must be a profile URL starting with https://' },
    ]);
    const reading = readNote('people/maya-chen.md', note('stage: identified', 'email: maya@example.com', 'linkedin: http://linkedin.com/in/maya'));
    expect(reading.diagnostics).toEqual([]);
    expect(reading.contact).toMatchObject({ email: 'maya@example.com', linkedin: 'http://linkedin.com/in/maya' });
    expect(diagnostics(note('stage: identified', 'email: a@b c')).map((d) => d.rule)).toEqual(['invalid-value']);
    expect(diagnostics(note('stage: identified', 'linkedin: https://x y')).map((d) => d.rule)).toEqual(['invalid-value']);
    expect(readNote('people/maya-chen.md', note('stage: identified', 'email: a@b c')).contact?.email).toBeUndefined();
  });

  it('an unknown source, and a referred_by that is not a wikilink', () => {
    expect(diagnostics(note('stage: identified', 'source: twitter', 'referred_by: sam'))).toEqual([
      { ...at(5, 9, 5, 16), severity: 'error', rule: 'invalid-value', message: 'Unknown source "twitter"', hint: 'Use one of: linkedin, association, personal, referral, cold, event, alumni, other' },
      { ...at(6, 14, 6, 17), severity: 'error', rule: 'invalid-value', message: '`referred_by` must be a wikilink such as "[[maya-chen]]"' },
    ]);
  });

  it('a referred_by that names the contact itself, read without it', () => {
    expect(diagnostics(note('stage: identified', 'referred_by: "[[maya-chen]]"'))).toEqual([
      { ...at(5, 14, 5, 29), severity: 'error', rule: 'invalid-value', message: '`referred_by` names this contact itself ([[maya-chen]])', hint: 'Write who gave you their name, or delete the line' },
    ]);
    expect(readNote('people/maya-chen.md', note('stage: identified', 'referred_by: "[[maya-chen]]"')).contact?.referredBy).toBeUndefined();
  });

  it('tags that are not a list, or hold a mapping', () => {
    expect(diagnostics(note('stage: identified', 'tags: ux'))).toEqual([
      { ...at(5, 7, 5, 9), severity: 'error', rule: 'invalid-type', message: '`tags` must be a list', hint: 'Write it as a list: [ux]' },
    ]);
    expect(diagnostics(note('stage: identified', 'tags: 42'))).toEqual([{ ...at(5, 7, 5, 9), severity: 'error', rule: 'invalid-type', message: '`tags` must be a list' }]);
    // `tags: [ux, {a: 1}, 2026, [x]]`: the mapping is columns 12-17, the list 26-28.
    const mixed = readNote('people/maya-chen.md', note('stage: identified', 'tags: [ux, {a: 1}, 2026, [x]]'));
    expect(mixed.diagnostics).toEqual([
      { ...at(5, 12, 5, 18), severity: 'error', rule: 'invalid-type', message: 'Each tag must be a word, not a mapping' },
      { ...at(5, 26, 5, 29), severity: 'error', rule: 'invalid-type', message: 'Each tag must be a word, not a list' },
    ]);
    expect(mixed.contact?.tags).toEqual(['ux', '2026']);
    expect(readNote('people/maya-chen.md', note('stage: identified', 'tags: ux')).contact?.tags).toEqual(['ux']);
  });

  it('history entries that are not mappings, lack a date or stage, or hold bad values', () => {
    const text = note(
      'stage: identified',
      'history:',
      '  - yesterday',
      '  - stage: identified',
      '  - date: 2026-11-02',
      '  - date: 2026-11-03',
      '    stage: called',
      '  - date: 2026-11-04',
      '    stage: identified',
      '    via: pigeon',
      '    letter: 3',
      '    note: [a]',
    );
    expect(diagnostics(text)).toEqual([
      { ...at(6, 5, 6, 14), severity: 'error', rule: 'invalid-type', message: 'A history entry must be a mapping such as `{date: 2026-11-23, stage: contacted}`' },
      { ...at(7, 5, 8, 1), severity: 'error', rule: 'missing-field', message: 'A history entry needs a `date`', hint: 'Write dates as YYYY-MM-DD' },
      { ...at(8, 5, 9, 1), severity: 'error', rule: 'missing-field', message: 'A history entry needs a `stage`', hint: `Use one of: ${STAGE_LIST}` },
      { ...at(10, 12, 10, 18), severity: 'error', rule: 'unknown-stage', message: 'Unknown stage "called"', hint: `Use one of: ${STAGE_LIST}` },
      { ...at(13, 10, 13, 16), severity: 'error', rule: 'invalid-value', message: 'Unknown channel "pigeon"', hint: 'Use one of: email, linkedin, letter, phone, in-person, other' },
      { ...at(14, 13, 14, 14), severity: 'error', rule: 'invalid-type', message: '`letter` must be text' },
      { ...at(15, 11, 15, 14), severity: 'error', rule: 'invalid-type', message: '`note` must be text' },
    ]);
  });

  it('a history that goes back in time, at the later date, and a stage that disagrees with it', () => {
    const text = note('stage: held', 'history:', '  - {date: 2026-11-05, stage: identified}', '  - {date: 2026-11-01, stage: contacted}');
    expect(diagnostics(text)).toEqual([
      { ...at(7, 12, 7, 22), severity: 'warning', rule: 'history-order', message: 'History goes back in time: 2026-11-01 comes after 2026-11-05', hint: 'Keep history entries in date order' },
      { ...at(4, 8, 4, 12), severity: 'warning', rule: 'stage-history-mismatch', message: 'Stage is "held" but the last history entry (2026-11-01) says "contacted"', hint: 'Record the change with `rapport advance`, or fix the stage' },
    ]);
    // The same day twice is in order.
    expect(diagnostics(note('stage: contacted', 'history:', '  - {date: 2026-11-05, stage: identified}', '  - {date: 2026-11-05, stage: contacted}'))).toEqual([]);
  });

  it('two steps of one day in the order a merge left them: the hint names both lines, the fix moves the entry with the note\'s stage below', () => {
    // Lines: 4 stage, 5 history, 6-7 contacted, 8-10 scheduled (with a comment), 11-12 followed-up, 13 meeting.
    const merged = note(
      'stage: scheduled',
      'history:',
      '  - date: 2026-11-21',
      '    stage: contacted',
      '  - date: 2026-12-07',
      '    stage: scheduled # desktop',
      '    # he picked Thursday',
      '  - date: 2026-12-07',
      '    stage: followed-up',
      'meeting:',
      '  at: 2026-12-10T10:00',
    );
    const [mismatch, ...others] = diagnostics(merged);
    expect(others).toEqual([]);
    expect(mismatch).toEqual({
      ...at(4, 8, 4, 17),
      severity: 'warning',
      rule: 'stage-history-mismatch',
      message: 'Stage is "scheduled" but the last history entry (2026-12-07) says "followed-up"',
      hint: 'Two entries of 2026-12-07 look out of order (a merge of two copies can leave them so): move the "scheduled" entry (line 8) below the "followed-up" entry (line 11), or fix the stage',
      fix: { title: 'Move the "scheduled" entry of 2026-12-07 below the "followed-up" one', line: 8, column: 1, endLine: 13, endColumn: 1, text: '  - date: 2026-12-07\n    stage: followed-up\n  - date: 2026-12-07\n    stage: scheduled # desktop\n    # he picked Thursday\n' },
    });
    const fixed = applyFix(merged, mismatch!.fix!);
    expect(fixed).toBe(
      note('stage: scheduled', 'history:', '  - date: 2026-11-21', '    stage: contacted', '  - date: 2026-12-07', '    stage: followed-up', '  - date: 2026-12-07', '    stage: scheduled # desktop', '    # he picked Thursday', 'meeting:', '  at: 2026-12-10T10:00'),
    );
    expect(diagnostics(fixed)).toEqual([]);
  });

  it('the day\'s entries at the end of the history, with a touch after them and a comment under the last', () => {
    // Lines: 6 scheduled, 7 followed-up (comment under it on 8), 9 a touch of the same day.
    const merged = note('stage: scheduled', 'history:', '- {date: 2026-12-07, stage: scheduled}', '- date: 2026-12-07', '  stage: followed-up', '  # laptop', '- {date: 2026-12-07, stage: followed-up, touch: true, note: called}');
    const [mismatch] = diagnostics(merged);
    expect(mismatch?.hint).toBe('Two entries of 2026-12-07 look out of order (a merge of two copies can leave them so): move the "scheduled" entry (line 6) below the "followed-up" entry (line 7), or fix the stage');
    expect(applyFix(merged, mismatch!.fix!)).toBe(note('stage: scheduled', 'history:', '- date: 2026-12-07', '  stage: followed-up', '  # laptop', '- {date: 2026-12-07, stage: followed-up, touch: true, note: called}', '- {date: 2026-12-07, stage: scheduled}'));
  });

  it('the day\'s entries moved with their line endings in a note with a byte order mark and CRLF', () => {
    const merged = '\uFEFF---\r\ntype: contact\r\nname: Maya Chen\r\nstage: scheduled\r\nhistory:\r\n  - date: 2026-12-07\r\n    stage: scheduled\r\n  - date: 2026-12-07\r\n    stage: followed-up\r\n---\r\n';
    const [mismatch] = diagnostics(merged);
    expect(mismatch?.fix).toMatchObject({ line: 6, column: 1, endLine: 10, endColumn: 1 });
    expect(applyFix(merged, mismatch!.fix!)).toBe('\uFEFF---\r\ntype: contact\r\nname: Maya Chen\r\nstage: scheduled\r\nhistory:\r\n  - date: 2026-12-07\r\n    stage: followed-up\r\n  - date: 2026-12-07\r\n    stage: scheduled\r\n---\r\n');
  });

  it('no reorder for entries of other days, or a stage no entry of that day has; a hint without a fix for a flow list', () => {
    const plain = { severity: 'warning', rule: 'stage-history-mismatch', hint: 'Record the change with `rapport advance`, or fix the stage' };
    expect(diagnostics(note('stage: scheduled', 'history:', '  - {date: 2026-12-06, stage: scheduled}', '  - {date: 2026-12-07, stage: followed-up}'))).toEqual([expect.objectContaining(plain)]);
    expect(diagnostics(note('stage: held', 'history:', '  - {date: 2026-12-07, stage: scheduled}', '  - {date: 2026-12-07, stage: followed-up}'))).toEqual([expect.objectContaining(plain)]);
    const flow = diagnostics(note('stage: scheduled', 'history: [{date: 2026-12-07, stage: scheduled}, {date: 2026-12-07, stage: followed-up}]'));
    expect(flow).toEqual([expect.objectContaining({ hint: 'Two entries of 2026-12-07 look out of order (a merge of two copies can leave them so): move the "scheduled" entry below the "followed-up" one (both on line 5), or fix the stage' })]);
    expect(flow[0]?.fix).toBeUndefined();
  });

  it('leaves the order of a history that runs ahead of the stage: the stage was left behind, and only the general hint is given', () => {
    // Followed up, then booked, in that order; the stage still says followed-up.
    const behind = diagnostics(note('stage: followed-up', 'history:', '  - date: 2026-11-23', '    stage: followed-up', '  - date: 2026-11-23', '    stage: scheduled'));
    expect(behind).toEqual([expect.objectContaining({ rule: 'stage-history-mismatch', hint: 'Record the change with `rapport advance`, or fix the stage' })]);
    expect(behind[0]?.fix).toBeUndefined();
  });

  it('a meeting that is not a mapping, or with a bad time, length, format, place or link', () => {
    expect(diagnostics(note('stage: scheduled', 'meeting: tomorrow'))).toEqual([
      { ...at(5, 10, 5, 18), severity: 'error', rule: 'invalid-type', message: '`meeting` must be a mapping with `at`, `minutes` and `format`' },
    ]);
    const text = note('stage: scheduled', 'meeting:', '  at: 2026-11-25 8am', '  minutes: 0', '  format: zoom', '  place: 12', '  link: meet.example.com/x');
    expect(diagnostics(text)).toEqual([
      { ...at(6, 7, 6, 21), severity: 'error', rule: 'invalid-date', message: 'Not a valid meeting time: "2026-11-25 8am"', hint: 'Write it as YYYY-MM-DDTHH:mm, optionally with an offset such as -05:00' },
      { ...at(7, 12, 7, 13), severity: 'error', rule: 'invalid-type', message: '`minutes` must be a whole number of minutes from 1 to 600 (30 is customary)' },
      { ...at(8, 11, 8, 15), severity: 'error', rule: 'invalid-value', message: 'Unknown meeting format "zoom"', hint: 'Use one of: in-person, phone, video' },
      { ...at(9, 10, 9, 12), severity: 'error', rule: 'invalid-type', message: '`place` must be text' },
      { ...at(10, 9, 10, 27), severity: 'error', rule: 'invalid-value', message: '`link` is not a meeting link: "meet.example.com/x"', hint: 'Write the full https:// address, such as https://meet.example.com/abc, or a dial-in such as tel:+14125550142' },
    ]);
    expect(diagnostics(note('stage: scheduled', 'meeting:', '  minutes: 601'))).toEqual([
      { ...at(6, 3, 7, 1), severity: 'error', rule: 'missing-field', message: 'A meeting needs `at`', hint: 'Write it as YYYY-MM-DDTHH:mm, optionally with an offset such as -05:00' },
      { ...at(6, 12, 6, 15), severity: 'error', rule: 'invalid-type', message: '`minutes` must be a whole number of minutes from 1 to 600 (30 is customary)' },
    ]);
  });

  it('reads a meeting with only a time as 30 minutes by video, and keeps a place and a link', () => {
    expect(readNote('people/maya-chen.md', note('stage: scheduled', 'meeting:', '  at: 2026-11-25T08:30')).contact?.meeting).toStrictEqual({ at: '2026-11-25T08:30', minutes: 30, format: 'video' });
    const full = note('stage: scheduled', 'meeting:', '  at: 2026-11-25T08:30', '  minutes: 600', '  format: in-person', '  place: Blue Bottle', '  link: tel:+14125550142');
    expect(readNote('people/maya-chen.md', full).contact?.meeting).toStrictEqual({ at: '2026-11-25T08:30', minutes: 600, format: 'in-person', place: 'Blue Bottle', link: 'tel:+14125550142' });
  });

  it('a manual next action without an action, or with a bad due date', () => {
    expect(diagnostics(note('stage: identified', 'next: call her'))).toEqual([
      { ...at(5, 7, 5, 15), severity: 'error', rule: 'invalid-type', message: '`next` must be a mapping with `action` and `due`' },
    ]);
    expect(diagnostics(note('stage: identified', 'next:', '  due: 2026-11-30'))).toEqual([
      { ...at(6, 3, 7, 1), severity: 'error', rule: 'missing-field', message: '`next` needs an `action` written as text' },
    ]);
    expect(diagnostics(note('stage: identified', 'next:', '  action: "  "'))).toEqual([
      { ...at(6, 11, 6, 15), severity: 'error', rule: 'invalid-type', message: '`next` needs an `action` written as text' },
    ]);
    expect(diagnostics(note('stage: identified', 'next:', '  action: Call her', '  due: soon'))).toEqual([
      { ...at(7, 8, 7, 12), severity: 'error', rule: 'invalid-date', message: 'Not a valid date: "soon"', hint: 'Write dates as YYYY-MM-DD' },
    ]);
    expect(readNote('people/maya-chen.md', note('stage: identified', 'next:', '  action: Call her')).contact?.next).toEqual({ action: 'Call her', due: null });
  });

  it('says what is wrong with a date written as YYYY-MM-DD that is not a day of the calendar', () => {
    const hints = (...lines: string[]) => diagnostics(note(...lines)).map((d) => [d.line, d.message, d.hint]);
    expect(hints('stage: contacted', 'history:', '  - date: 2026-11-31', '    stage: contacted')).toEqual([[6, 'Not a valid date: "2026-11-31"', 'November 2026 has 30 days']]);
    expect(hints('stage: identified', 'history:', '  - {date: 2026-02-29, stage: identified}')).toEqual([[6, 'Not a valid date: "2026-02-29"', 'February 2026 has 28 days (2026 is not a leap year)']]);
    expect(hints('stage: identified', 'history:', '  - {date: 2026-13-02, stage: identified}')).toEqual([[6, 'Not a valid date: "2026-13-02"', 'There is no month 13: months run from 01 to 12']]);
    expect(hints('stage: identified', 'history:', '  - {date: 2026-04-00, stage: identified}')).toEqual([[6, 'Not a valid date: "2026-04-00"', 'Days run from 01: April 2026 has days 01 to 30']]);
    expect(hints('stage: identified', 'next:', '  action: Call her', '  due: 2026-09-31')).toEqual([[7, 'Not a valid date: "2026-09-31"', 'September 2026 has 30 days']]);
    expect(hints('stage: scheduled', 'meeting:', '  at: 2026-06-31T08:30')).toEqual([[6, 'Not a valid meeting time: "2026-06-31T08:30"', 'June 2026 has 30 days']]);
    // The form is the problem: the hint says how dates are written.
    expect(hints('stage: identified', 'history:', '  - {date: 2026-11-3, stage: identified}')).toEqual([[6, 'Not a valid date: "2026-11-3"', 'Write it as 2026-11-03 (YYYY-MM-DD)']]);
    expect(hints('stage: scheduled', 'meeting:', '  at: 2026-06-30T25:30')).toEqual([[6, 'Not a valid meeting time: "2026-06-30T25:30"', 'Write it as YYYY-MM-DDTHH:mm, optionally with an offset such as -05:00']]);
  });

  it('touch_every outside 1 to 3650 whole days', () => {
    for (const value of ['0', '3651', '1.5', 'monthly']) {
      expect(diagnostics(note('stage: identified', `touch_every: ${value}`)), value).toEqual([
        { ...at(5, 14, 5, 14 + value.length), severity: 'error', rule: 'invalid-type', message: '`touch_every` must be a whole number of days between 1 and 3650' },
      ]);
    }
    expect(readNote('people/maya-chen.md', note('stage: identified', 'touch_every: 3650')).contact?.touchEvery).toBe(3650);
    expect(readNote('people/maya-chen.md', note('stage: identified', 'touch_every: 1')).contact?.touchEvery).toBe(1);
  });

  it('a timezone that names no zone: a warning under the value, with the zone it most likely meant, the contact read without it', () => {
    // Line 5: `timezone: ` is 10 characters, so the value starts at column 11.
    expect(diagnostics(note('stage: identified', 'timezone: America/Bogata'))).toEqual([
      { ...at(5, 11, 5, 25), severity: 'warning', rule: 'unknown-time-zone', message: 'Unknown time zone in `timezone`: "America/Bogata"', hint: 'Write the IANA name of their zone (did you mean America/Bogota?)' },
    ]);
    // Case and spaces forgiven in what it meant, and a place alone is found in its zone.
    expect(diagnostics(note('stage: identified', 'timezone: america/bogata')).map((d) => d.hint)).toEqual(['Write the IANA name of their zone (did you mean America/Bogota?)']);
    expect(diagnostics(note('stage: identified', 'timezone: Bogota')).map((d) => d.hint)).toEqual(['Write the IANA name of their zone (did you mean America/Bogota?)']);
    expect(diagnostics(note('stage: identified', 'timezone: New York')).map((d) => d.hint)).toEqual(['Write the IANA name of their zone (did you mean America/New_York?)']);
    // Nothing near: `EST5` (columns 11-14) is no zone's name; a number is no name at all. Quotes are underlined with the value.
    expect(diagnostics(note('stage: identified', 'timezone: EST5'))).toEqual([
      { ...at(5, 11, 5, 15), severity: 'warning', rule: 'unknown-time-zone', message: 'Unknown time zone in `timezone`: "EST5"', hint: 'Write an IANA name, such as America/Bogota or Europe/Paris' },
    ]);
    expect(diagnostics(note('stage: identified', 'timezone: -5')).map((d) => [d.line, d.column, d.message])).toEqual([[5, 11, 'Unknown time zone in `timezone`: -5']]);
    expect(diagnostics(note('stage: identified', 'timezone: "Europe/Pari"')).map((d) => [d.column, d.endColumn, d.hint])).toEqual([[11, 24, 'Write the IANA name of their zone (did you mean Europe/Paris?)']]);
    // Only that field is left out: the contact and its other fields are read.
    const reading = readNote('people/maya-chen.md', note('stage: held', 'timezone: America/Bogata', 'role: Data lead'));
    expect(reading.contact).toMatchObject({ name: 'Maya Chen', stage: 'held', role: 'Data lead' });
  });

  it('a timezone written as an abbreviation is read as written, with a warning: BST is not London', () => {
    expect(diagnostics(note('stage: identified', 'timezone: BST'))).toEqual([
      {
        ...at(5, 11, 5, 14),
        severity: 'warning',
        rule: 'abbreviated-time-zone',
        message: '`BST` is an abbreviation, not a place: it keeps the offset or daylight-saving rules tzdata gives it (EST is UTC-05:00 even in summer, BST is Bangladesh Standard Time), which may not be those of the place you mean',
        hint: 'Write the IANA name of their place, such as Europe/London or America/Chicago',
      },
    ]);
    expect(readNote('maya-chen.md', note('stage: identified', 'timezone: BST')).contact?.fields.timezone).toBe('BST');
    expect(diagnostics(note('stage: identified', 'timezone: GMT'))).toEqual([]);
  });

  it('a timezone the runtime knows is no problem: a name in any case, an alias, UTC, nothing', () => {
    for (const zone of ['America/Bogota', 'america/bogota', 'US/Eastern', 'UTC', 'Etc/GMT+5', 'Asia/Kolkata', 'Asia/Calcutta', '', '""']) {
      expect(diagnostics(note('stage: identified', `timezone: ${zone}`)), zone).toEqual([]);
    }
  });

  it('a `- ` line indented past the list item above it, which YAML reads as more of its text: a warning at that line', () => {
    // Line 5 `tags:`, line 6 ` - a`, line 7 `  - b`: one tag, "a - b"; the `- b` is columns 3-5.
    const text = note('stage: identified', 'tags:', ' - a', '  - b');
    expect(diagnostics(text)).toEqual([
      { ...at(7, 3, 7, 6), severity: 'warning', rule: 'list-item-continued', message: 'This line continues the item above as text: it reads "a - b"', hint: 'If you meant another item, indent this line as the one above (1 space)' },
    ]);
    expect(readNote('people/maya-chen.md', text).contact?.tags).toEqual(['a - b']);
    // Told once, at the first such line (line 7 `   - research`, columns 4-13); in a list of the user's own, nested in a mapping
    // (line 8 `      - next job`, columns 7-16).
    expect(diagnostics(note('stage: identified', 'tags:', '  - ux', '   - research', '   - health')).map((d) => [d.line, d.column, d.endColumn, d.message])).toEqual([
      [7, 4, 14, 'This line continues the item above as text: it reads "ux - research - health"'],
    ]);
    expect(diagnostics(note('stage: identified', 'plans:', '  career:', '    - clinical informatics', '      - next job')).map((d) => [d.line, d.column, d.endColumn, d.hint])).toEqual([
      [8, 7, 17, 'If you meant another item, indent this line as the one above (4 spaces)'],
    ]);
  });

  it('other text going on over lines is left alone: no dash, quoted, a block, a field, or items lined up', () => {
    for (const lines of [
      ['tags:', '  - met at the fair', '    in Pittsburgh - loved it'],
      ['tags:', '  - "a', '   - b"'],
      ['tags:', '  - |', '    - b'],
      ['history:', '  - date: 2026-11-20', '    stage: identified', '    note: first', '      - then more'],
      ['tags:', '  - a - b', '  - c'],
    ]) {
      expect(diagnostics(note('stage: identified', ...lines)), lines.join('\\n')).toEqual([]);
    }
  });

  it('linkedin_connected that is neither a day nor true, under the value', () => {
    // Line 5: `linkedin_connected: ` is 20 characters, so the value starts at column 21.
    expect(diagnostics(note('stage: identified', 'linkedin_connected: last spring'))).toEqual([
      { ...at(5, 21, 5, 32), severity: 'error', rule: 'invalid-value', message: '`linkedin_connected` is neither a day nor true: "last spring"', hint: 'Write the day you connected as YYYY-MM-DD, or `true` when you do not know it' },
    ]);
    expect(diagnostics(note('stage: identified', 'linkedin_connected: 2025-02-30'))).toEqual([
      { ...at(5, 21, 5, 31), severity: 'error', rule: 'invalid-value', message: '`linkedin_connected` is neither a day nor true: "2025-02-30"', hint: 'February 2025 has 28 days (2025 is not a leap year)' },
    ]);
    for (const value of ['2025-01-05', 'true', 'false', '']) expect(diagnostics(note('stage: identified', `linkedin_connected: ${value}`)), value).toEqual([]);
  });

  it('a note without type that has a name and a stage, at the fence', () => {
    expect(diagnostics('---\nname: Maya Chen\nstage: held\n---\n')).toEqual([
      { ...at(1, 1, 1, 4), severity: 'warning', rule: 'missing-type', message: 'This note has a name and a stage but no `type: contact`, so it is not listed as a contact', hint: 'Add `type: contact` to the frontmatter' },
    ]);
    expect(diagnostics('---\nname: Maya Chen\n---\n')).toEqual([]);
    expect(diagnostics('---\nname: 42\nstage: held\n---\n')).toEqual([]);
    expect(diagnostics('---\ntype: company\nname: Acme\nstage: held\n---\n')).toEqual([]);
  });

  it('a type written for a contact but not as `contact`: on its value, with the fix, and the note is a contact that cannot be read', () => {
    const fix = (line: number, column: number, endColumn: number) => ({ title: 'Write `type: contact`', line, column, endLine: line, endColumn, text: 'contact' });
    const cases: [string, string, number, number][] = [
      ['type: Contact', '"Contact"', 7, 14],
      ['type: contacts', '"contacts"', 7, 15],
      ['type: "contact "', '"contact "', 7, 17],
      ['type: [contact]', 'a list', 7, 16],
      ['type: CONTACT', '"CONTACT"', 7, 14],
    ];
    for (const [line, written, column, endColumn] of cases) {
      const text = `---\n${line}\nname: Owen Park\nstage: contacted\n---\n`;
      const reading = readNote('owen-park.md', text);
      expect(reading.diagnostics, line).toEqual([
        { file: 'owen-park.md', line: 2, column, endLine: 2, endColumn, severity: 'error', rule: 'invalid-value', message: `\`type\` is ${written}, not \`contact\`, so this note is not read as a contact`, hint: 'Write `type: contact`', fix: fix(2, column, endColumn) },
      ]);
      expect(reading.isContact, line).toBe(true);
      expect(reading.contact, line).toBeUndefined();
      expect(applyFix(text, reading.diagnostics[0]!.fix!), line).toBe('---\ntype: contact\nname: Owen Park\nstage: contacted\n---\n');
    }
    // Whose YAML does not parse: a contact that cannot be read, for the same words.
    expect(readNote('owen-park.md', '---\ntype: Contact\nname: "Owen Park\nstage: contacted\n---\n')).toMatchObject({ isContact: true, contact: undefined, diagnostics: [{ rule: 'yaml-syntax' }] });
    // A typo counts beside a name and one of Rapport's stages; other types are other kinds of note.
    expect(readNote('owen-park.md', '---\ntype: contcat\nname: Owen Park\nstage: contacted\n---\n').diagnostics.map((d) => d.message)).toEqual(['`type` is "contcat", not `contact`, so this note is not read as a contact']);
    for (const text of ['---\ntype: contract\nname: Lease\nstage: draft\n---\n', '---\ntype: company\nname: Acme\n---\n', '---\ntype: meeting\nname: Coffee\nstage: held\n---\n']) {
      expect(readNote('x.md', text), text).toMatchObject({ isContact: false, diagnostics: [] });
    }
  });
});

describe('empty fields, exactly', () => {
  it('an empty optional field is no problem and no value', () => {
    const text = note('stage: identified', 'role:', 'linkedin:', 'source:', 'referred_by:', 'tags:', 'history:', 'meeting:', 'next:', 'touch_every:');
    const reading = readNote('people/maya-chen.md', text);
    expect(reading.diagnostics).toEqual([]);
    expect(reading.contact).toStrictEqual({
      id: 'maya-chen',
      file: 'people/maya-chen.md',
      name: 'Maya Chen',
      stage: 'identified',
      tags: [],
      history: [],
      outcomeLinks: [],
      outcomes: [],
      fields: { type: 'contact', name: 'Maya Chen', stage: 'identified', role: null, linkedin: null, source: null, referred_by: null, tags: null, history: null, meeting: null, next: null, touch_every: null },
    });
    expect(readNote('people/maya-chen.md', note('stage: identified', 'referred_by: ""')).diagnostics).toEqual([]);
  });

  it('empty values inside a history entry, a meeting and a next action', () => {
    const text = note('stage: scheduled', 'history:', '  - date: 2026-11-02', '    stage: scheduled', '    via:', '    letter:', '    note:', 'meeting:', '  at: 2026-11-25T08:30', '  place:', '  link:', 'next:', '  action: Call her', '  due:');
    const reading = readNote('people/maya-chen.md', text);
    expect(reading.diagnostics).toEqual([]);
    expect(reading.contact?.history).toStrictEqual([{ date: '2026-11-02', stage: 'scheduled' }]);
    expect(reading.contact?.meeting).toStrictEqual({ at: '2026-11-25T08:30', minutes: 30, format: 'video' });
    expect(reading.contact?.next).toStrictEqual({ action: 'Call her', due: null });
  });

  it('an empty name is missing, as is `name: ~`', () => {
    expect(diagnostics('---\ntype: contact\nname: ~\nstage: held\n---\n').map((d) => [d.rule, d.message])).toEqual([['missing-field', 'A contact needs a `name`']]);
  });

  it('an empty tag is not a word', () => {
    // `tags: [ux, ~]`: the `~` is column 12 of line 5.
    expect(diagnostics(note('stage: identified', 'tags: [ux, ~]'))).toEqual([{ ...at(5, 12, 5, 13), severity: 'error', rule: 'invalid-type', message: 'Each tag must be a word, not empty' }]);
  });
});

describe('what readNote keeps of a field', () => {
  it('keeps the valid history entries only, with their known fields, a touch marked', () => {
    const text = note(
      'stage: contacted',
      'history:',
      '  - date: 2026-02-30',
      '    stage: identified',
      '  - 42',
      '  -',
      '  - date: 2026-11-01',
      '    stage: called',
      '  - stage: contacted',
      '    date: 2026-11-02',
      '    via: email',
      '    letter: cold-email',
      '    note: sent from home',
      '    mood: hopeful',
      '  - date: 2026-11-04',
      '    stage: contacted',
      '    touch: true',
    );
    const reading = readNote('people/maya-chen.md', text);
    expect(reading.diagnostics.map((d) => [d.rule, d.line, d.column, d.message])).toEqual([
      ['invalid-date', 6, 11, 'Not a valid date: "2026-02-30"'],
      ['invalid-type', 8, 5, 'A history entry must be a mapping such as `{date: 2026-11-23, stage: contacted}`'],
      ['invalid-type', 9, 4, 'A history entry must be a mapping such as `{date: 2026-11-23, stage: contacted}`'],
      ['unknown-stage', 11, 12, 'Unknown stage "called"'],
    ]);
    expect(reading.contact?.history).toStrictEqual([
      { date: '2026-11-02', stage: 'contacted', via: 'email', letter: 'cold-email', note: 'sent from home' },
      { date: '2026-11-04', stage: 'contacted', touch: true },
    ]);
    // `rapport list --json` prints an entry's fields in one order, whatever order the note has them in.
    expect(Object.keys(reading.contact!.history[0]!)).toEqual(['date', 'stage', 'via', 'letter', 'note']);
  });

  it('keeps an entry written in the usual order as it is', () => {
    const text = note('stage: contacted', 'history:', '  - date: 2026-11-02', '    stage: contacted', '    via: email', '    note: "42"');
    expect(readNote('people/maya-chen.md', text).contact?.history).toStrictEqual([{ date: '2026-11-02', stage: 'contacted', via: 'email', note: '42' }]);
    const numberNote = note('stage: contacted', 'history:', '  - date: 2026-11-02', '    stage: contacted', '    note: 42');
    expect(readNote('people/maya-chen.md', numberNote).contact?.history).toStrictEqual([{ date: '2026-11-02', stage: 'contacted' }]);
    const unknownKey = note('stage: contacted', 'history:', '  - date: 2026-11-02', '    stage: contacted', '    mood: calm');
    expect(readNote('people/maya-chen.md', unknownKey).contact?.history).toStrictEqual([{ date: '2026-11-02', stage: 'contacted' }]);
    const twice = note('stage: contacted', 'history:', '  - {date: 2026-11-02, stage: contacted, via: email, letter: cold-email}', '  - {date: 2026-11-03, stage: contacted, note: called}');
    expect(readNote('people/maya-chen.md', twice).contact?.history).toStrictEqual([
      { date: '2026-11-02', stage: 'contacted', via: 'email', letter: 'cold-email' },
      { date: '2026-11-03', stage: 'contacted', note: 'called' },
    ]);
  });

  it('keeps no meeting that has a problem', () => {
    for (const meeting of [['  at: soon'], ['  at: 2026-11-25T08:30', '  minutes: 0'], ['  at: 2026-11-25T08:30', '  format: zoom']]) {
      expect(readNote('people/maya-chen.md', note('stage: scheduled', 'meeting:', ...meeting)).contact?.meeting, meeting.join()).toBeUndefined();
    }
    const badLink = readNote('people/maya-chen.md', note('stage: scheduled', 'meeting:', '  at: 2026-11-25T08:30', '  link: nowhere'));
    expect(badLink.contact?.meeting).toStrictEqual({ at: '2026-11-25T08:30', minutes: 30, format: 'video' });
  });

  it('takes the stage from the last history entry when the stage is unknown', () => {
    const reading = readNote('people/maya-chen.md', note('stage: interviewed', 'history:', '  - date: 2026-11-02', '    stage: contacted'));
    expect(reading.isContact).toBe(true);
    expect(reading.contact?.stage).toBe('contacted');
  });

  it('refuses an email or LinkedIn value with text before the address, and a LinkedIn list', () => {
    expect(diagnostics(note('stage: identified', 'email: maya chen@example.com')).map((d) => d.message)).toEqual(['`email` is not an email address: "maya chen@example.com"']);
    expect(diagnostics(note('stage: identified', 'linkedin: see https://linkedin.com/in/maya')).map((d) => d.rule)).toEqual(['invalid-value']);
    expect(diagnostics(note('stage: identified', 'linkedin: [https://linkedin.com/in/maya]')).map((d) => d.rule)).toEqual(['invalid-value']);
  });

  it('a history that is not a list, under its value', () => {
    expect(diagnostics(note('stage: identified', 'history: yesterday'))).toEqual([
      { ...at(5, 10, 5, 19), severity: 'error', rule: 'invalid-type', message: '`history` must be a list of `{date, stage}` entries' },
    ]);
  });

  it('a history going back in time written as a block, at the later date', () => {
    const text = note('stage: contacted', 'history:', '  - date: 2026-11-05', '    stage: identified', '  - date: 2026-11-01', '    stage: contacted');
    expect(diagnostics(text)).toEqual([
      { ...at(8, 11, 8, 21), severity: 'warning', rule: 'history-order', message: 'History goes back in time: 2026-11-01 comes after 2026-11-05', hint: 'Keep history entries in date order' },
    ]);
  });

  it('outcomes: none without the section', () => {
    expect(readNote('people/maya-chen.md', note('stage: identified')).contact?.outcomes).toEqual([]);
  });
});

describe('referred_by', () => {
  it('gives the place of the link for the checks across notes', () => {
    // Offsets: line 5 starts at 52 (4 + 14 + 16 + 18); the value starts 13 further, 15 long.
    const reading = readNote('people/maya-chen.md', note('stage: identified', 'referred_by: "[[sam-ortiz]]"'));
    expect(reading.contact?.referredBy).toBe('sam-ortiz');
    expect(reading.referredByRange).toEqual({ start: 65, end: 80, line: 5, column: 14, endLine: 5, endColumn: 29 });
    // `"[[sam-` is 7 long, then the line break; line 6 starts at 73 and `  ortiz]]"` ends at 83.
    const twoLines = readNote('people/maya-chen.md', note('stage: identified', 'referred_by: "[[sam-', '  ortiz]]"'));
    expect(twoLines.referredByRange).toEqual({ start: 65, end: 83, line: 5, column: 14, endLine: 6, endColumn: 11 });
  });

  it('recovers an unquoted link with spaces, and refuses lists that are not one link', () => {
    const reading = readNote('people/maya-chen.md', note('stage: identified', 'referred_by: [[ sam-ortiz ]]'));
    expect(reading.contact?.referredBy).toBe('sam-ortiz');
    expect(reading.diagnostics).toEqual([
      {
        ...at(5, 14, 5, 29),
        severity: 'error',
        rule: 'invalid-type',
        message: 'Unquoted `[[…]]` is a YAML list, not a wikilink',
        hint: 'Write it in quotes: "[[sam-ortiz]]"',
        fix: { title: 'Put the link in quotes: "[[ sam-ortiz ]]"', line: 5, column: 14, endLine: 5, endColumn: 29, text: '"[[ sam-ortiz ]]"' },
      },
    ]);
    // The repair is the quotes, and nothing else: the note then reads clean.
    const repaired = applyFix(note('stage: identified', 'referred_by: [[ sam-ortiz ]]'), reading.diagnostics[0]!.fix!);
    expect(repaired).toBe(note('stage: identified', 'referred_by: "[[ sam-ortiz ]]"'));
    expect(readNote('people/maya-chen.md', repaired).diagnostics).toEqual([]);
    for (const value of ['[[a, b]]', '[[a], [b]]', '[a]', '[[42]]', '[[[a]]]', '{a: b}']) {
      const refused = readNote('people/maya-chen.md', note('stage: identified', `referred_by: ${value}`));
      expect([value, refused.contact?.referredBy, refused.diagnostics.map((d) => d.message)]).toEqual([value, undefined, ['`referred_by` must be a wikilink such as "[[maya-chen]]"']]);
    }
  });
});

describe('notes that cannot be read as a contact', () => {
  it('TOML frontmatter on a contact', () => {
    expect(readNote('people/maya-chen.md', '+++\ntype = "contact"\nname = "Maya"\n+++\n')).toEqual({
      isContact: true,
      contact: undefined,
      diagnostics: [{ ...at(1, 1, 1, 4), severity: 'error', rule: 'yaml-syntax', message: 'TOML frontmatter (between +++ lines) is not supported', hint: 'Write the fields as YAML between --- lines' }],
      referredByRange: undefined,
    });
    expect(readNote('people/maya-chen.md', '+++\ntitle = "Ideas"\n+++\n')).toEqual({ isContact: false, contact: undefined, diagnostics: [], referredByRange: undefined });
    expect(readNote('people/maya-chen.md', 'Notes +++\ntype = "contact"\n').isContact).toBe(false);
  });

  it('a frontmatter never closed, only when it is a contact', () => {
    expect(readNote('people/maya-chen.md', '---\ntype: contact\nname: Maya\n')).toEqual({
      isContact: true,
      contact: undefined,
      diagnostics: [{ ...at(1, 1, 1, 4), severity: 'error', rule: 'yaml-syntax', message: 'The frontmatter opened with `---` is never closed', hint: 'Add a line `---` after the last field' }],
      referredByRange: undefined,
    });
    expect(readNote('people/maya-chen.md', '---\ntitle: Ideas\n')).toEqual({ isContact: false, contact: undefined, diagnostics: [], referredByRange: undefined });
    expect(readNote('people/maya-chen.md', '---\ntitle: Ideas\nsubtype: contact\n').isContact).toBe(false);
    expect(readNote('people/maya-chen.md', "---\ntype: 'contact'\n").isContact).toBe(true);
  });

  it('spaces around `type: contact` and the TOML `type = "contact"` as anyone writes them', () => {
    const toml = readNote('people/maya-chen.md', '+++ \ntype  =  "contact"\n+++\n');
    expect(toml.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[1, 1, 'TOML frontmatter (between +++ lines) is not supported']]);
    expect(readNote('people/maya-chen.md', '+++\nsubtype = "contact"\n+++\n').isContact).toBe(false);
    expect(readNote('people/maya-chen.md', '---\ntype:  contact\nname: Maya\n').diagnostics.map((d) => d.message)).toEqual(['The frontmatter opened with `---` is never closed']);
    expect(readNote('people/maya-chen.md', '---\ntype:  contact\nname: [Maya\n---\n').isContact).toBe(true);
    // A merge conflict in the frontmatter: whether it is a contact is read from the text.
    const conflict = (type: string) => readNote('people/maya-chen.md', ['---', type, 'name: Maya Chen', '<<<<<<< HEAD', 'stage: held', '=======', 'stage: thanked', '>>>>>>> other', '---', ''].join('\n')).isContact;
    expect(conflict('type:  "contact"')).toBe(true);
    expect(conflict('subtype: contact')).toBe(false);
  });

  it('a blank line or a space before the opening `---`: the cause on line 1, and a fix that puts the fence there', () => {
    const contact = '---\ntype: contact\nname: Maya\nstage: held\n---\n\n# Maya\n';
    const blank = readNote('people/maya-chen.md', `\n${contact}`);
    expect(blank).toEqual({
      isContact: true,
      contact: undefined,
      diagnostics: [
        {
          ...at(1, 1, 2, 4),
          severity: 'error',
          rule: 'yaml-syntax',
          message: 'The frontmatter must start on the first line: line 1 is blank',
          hint: 'Delete the blank line before `---`',
          // Lines 1 (blank) to 6, the closing `---`, written again without the blank line.
          fix: { title: 'Delete the blank line before `---`', line: 1, column: 1, endLine: 6, endColumn: 4, text: '---\ntype: contact\nname: Maya\nstage: held\n---' },
        },
      ],
      referredByRange: undefined,
    });
    expect(applyFix(`\n${contact}`, blank.diagnostics[0]!.fix!)).toBe(contact);
    expect(readNote('people/maya-chen.md', `\n \n\n${contact}`).diagnostics.map((d) => [d.line, d.message, d.hint])).toEqual([[1, 'The frontmatter must start on the first line: lines 1 to 3 are blank', 'Delete the blank lines before `---`']]);

    const spaced = readNote('people/maya-chen.md', ` ${contact}`);
    expect(spaced.diagnostics.map((d) => [d.line, d.column, d.endLine, d.endColumn, d.message, d.hint])).toEqual([[1, 1, 1, 5, 'The frontmatter must start on the first line with `---`: line 1 starts with a space', 'Delete the space before `---`']]);
    expect(applyFix(` ${contact}`, spaced.diagnostics[0]!.fix!)).toBe(contact);
    // Both fences indented: both lose their spaces, else the frontmatter would never be closed.
    const indented = '  ---\ntype: contact\nname: Maya\nstage: held\n  ---\n';
    const both = readNote('people/maya-chen.md', indented);
    expect(both.diagnostics.map((d) => d.hint)).toEqual(['Delete the spaces before `---`']);
    expect(applyFix(indented, both.diagnostics[0]!.fix!)).toBe('---\ntype: contact\nname: Maya\nstage: held\n---\n');
    expect(readNote('people/maya-chen.md', '\t---\ntype: contact\n---\n').diagnostics.map((d) => d.message)).toEqual(['The frontmatter must start on the first line with `---`: line 1 starts with a tab']);
  });

  it('text typed before the opening `---` on line 1: said so, and a fix that moves the text below the frontmatter', () => {
    const text = '- Resource: typed while unsaved---\ntype: contact\nname: Owen Park\nstage: contacted\n---\n\n# Owen Park\n';
    const reading = readNote('owen-park.md', text);
    expect(reading).toMatchObject({ isContact: true, contact: undefined });
    // Line 1, columns 1 to 34: the whole line, fence included.
    expect(reading.diagnostics.map((d) => [d.line, d.column, d.endLine, d.endColumn, d.rule, d.message, d.hint])).toEqual([
      [1, 1, 1, 35, 'yaml-syntax', 'Line 1 has text before the `---` that opens the frontmatter, so the frontmatter is not found: `- Resource: typed while unsaved`', 'Move `- Resource: typed while unsaved` below the frontmatter, leaving `---` alone on line 1'],
    ]);
    expect(applyFix(text, reading.diagnostics[0]!.fix!)).toBe('---\ntype: contact\nname: Owen Park\nstage: contacted\n---\n- Resource: typed while unsaved\n\n# Owen Park\n');
    // With CRLF line endings, the same.
    const crlf = text.replaceAll('\n', '\r\n');
    expect(applyFix(crlf, readNote('owen-park.md', crlf).diagnostics[0]!.fix!)).toBe('---\r\ntype: contact\r\nname: Owen Park\r\nstage: contacted\r\n---\r\n- Resource: typed while unsaved\r\n\r\n# Owen Park\r\n');
    // Four dashes: a fence of too many, fixed to three; nothing moves into the body.
    const dashes = '----\ntype: contact\nname: Owen Park\n---\n';
    const [long] = readNote('owen-park.md', dashes).diagnostics;
    expect([long!.line, long!.column, long!.endLine, long!.endColumn, long!.message]).toEqual([1, 1, 1, 5, 'Line 1 has 4 dashes: the frontmatter opens with `---` alone, so it is not found']);
    expect(applyFix(dashes, long!.fix!)).toBe('---\ntype: contact\nname: Owen Park\n---\n');
    // A note that is no contact, whose first line ends in `---`, is left alone.
    expect(readNote('notes.md', 'Ideas---\nsome: thing\n---\n')).toMatchObject({ isContact: false, diagnostics: [] });
  });

  it('YAML between `+++` lines: said so, and a fix that writes `---` for both', () => {
    const text = '+++\r\ntype: contact\r\nname: Maya\r\nstage: held\r\n+++\r\n# Maya\r\n';
    const reading = readNote('people/maya-chen.md', text);
    expect(reading).toMatchObject({ isContact: true, contact: undefined });
    expect(reading.diagnostics).toEqual([
      {
        ...at(1, 1, 1, 4),
        severity: 'error',
        rule: 'yaml-syntax',
        message: '+++ fences are TOML; Rapport reads YAML between --- lines',
        hint: 'Write `---` in place of both `+++` lines',
        fix: { title: 'Write `---` in place of both `+++` lines', line: 1, column: 1, endLine: 5, endColumn: 4, text: '---\r\ntype: contact\r\nname: Maya\r\nstage: held\r\n---' },
      },
    ]);
    const fixed = applyFix(text, reading.diagnostics[0]!.fix!);
    expect(fixed).toBe('---\r\ntype: contact\r\nname: Maya\r\nstage: held\r\n---\r\n# Maya\r\n');
    expect(readNote('people/maya-chen.md', fixed)).toMatchObject({ diagnostics: [], contact: { name: 'Maya', stage: 'held' } });
  });

  it('lines that end in CR alone: said so on line 1, with no fix', () => {
    expect(readNote('people/maya-chen.md', '---\rtype: contact\rname: Maya\rstage: held\r---\r# Maya\r')).toEqual({
      isContact: true,
      contact: undefined,
      diagnostics: [{ ...at(1, 1, 1, 4), severity: 'error', rule: 'yaml-syntax', message: "This note's lines end in CR alone (old Mac line endings), so its frontmatter is not found", hint: 'Save the note with LF or CRLF line endings' }],
      referredByRange: undefined,
    });
  });

  it('says nothing of Markdown that only looks like it: no `type: contact` between the fences, or no fence first', () => {
    const quiet = { isContact: false, contact: undefined, diagnostics: [], referredByRange: undefined };
    for (const text of [
      '# Rapport\n\nEach note starts with:\n\n---\ntype: contact\n---\n',
      '\n---\ntitle: Ideas\n---\ntype: contact is what a note says\n',
      ' ---\ntitle: Ideas\n ---\n',
      '+++\ntitle: Ideas\n+++\n',
      '\n\n---\n\nA rule, then prose.\n',
      '# Notes\rtype: contact\r',
      '---\rtitle: Ideas\r---\r',
    ]) {
      expect(readNote('people/readme.md', text), JSON.stringify(text)).toEqual(quiet);
    }
    // Real frontmatter of another type, and `type: contact` in the body's prose.
    expect(readNote('people/ideas.md', '---\ntype: idea\n---\n\ntype: contact\n')).toEqual(quiet);
  });

  it('a YAML mistake in a note that is not a contact says nothing', () => {
    expect(readNote('people/ideas.md', '---\ntitle: [Ideas\nsubtype: contact\n---\n')).toEqual({ isContact: false, contact: undefined, diagnostics: [], referredByRange: undefined });
    expect(readNote('people/maya-chen.md', '---\ntype: "contact"\nname: [Maya\n---\n').isContact).toBe(true);
  });
});

describe('merge conflicts', () => {
  const conflictInBody = ['---', 'type: contact', 'name: Maya Chen', 'stage: held', '---', '', '## Notes', '<<<<<<< HEAD', 'She said yes.', '=======', 'She said maybe.', '>>>>>>> other', ''].join('\n');

  it('in the body: still a contact, with the conflict at its <<<<<<< line', () => {
    const reading = readNote('people/maya-chen.md', conflictInBody);
    expect(reading.contact?.stage).toBe('held');
    expect(reading.diagnostics).toEqual([
      { ...at(8, 1, 8, 8), severity: 'error', rule: 'merge-conflict', message: 'Merge conflict: resolve it, keep the side you want', hint: "Keep one side's lines between <<<<<<< and >>>>>>> (line 12), or combine them, and delete the marker lines" },
    ]);
  });

  it('in the frontmatter: no contact, only the conflict', () => {
    const text = ['---', 'type: contact', 'name: Maya Chen', '<<<<<<< HEAD', 'stage: held', '=======', 'stage: thanked', '>>>>>>> other', '---', ''].join('\n');
    expect(readNote('people/maya-chen.md', text)).toEqual({
      isContact: true,
      contact: undefined,
      diagnostics: [{ ...at(4, 1, 4, 8), severity: 'error', rule: 'merge-conflict', message: 'Merge conflict: resolve it, keep the side you want', hint: "Keep one side's lines between <<<<<<< and >>>>>>> (line 8), or combine them, and delete the marker lines" }],
      referredByRange: undefined,
    });
    expect(readNote('people/ideas.md', text.replace('type: contact', 'type: idea')).isContact).toBe(false);
  });

  it('on the first line of the body: still a contact; in both places: no contact', () => {
    const firstLine = ['---', 'type: contact', 'name: Maya Chen', 'stage: held', '---', '<<<<<<< HEAD', 'a', '=======', 'b', '>>>>>>> other', ''].join('\n');
    expect(readNote('people/maya-chen.md', firstLine).contact?.stage).toBe('held');
    const both = ['---', 'type: contact', 'name: Maya Chen', '<<<<<<< HEAD', 'stage: held', '=======', 'stage: thanked', '>>>>>>> other', '---', '<<<<<<< HEAD', 'a', '=======', 'b', '>>>>>>> other', ''].join('\n');
    const reading = readNote('people/maya-chen.md', both);
    expect(reading.contact).toBeUndefined();
    expect(reading.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['merge-conflict', 4],
      ['merge-conflict', 10],
    ]);
  });
});
