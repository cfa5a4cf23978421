import { describe, expect, it } from 'vitest';
import { InvalidInputError, RecordingRefusedError, UneditableNoteError } from '../errors.js';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { getField } from '../note/edit.js';
import { advance, booksMeetingOnly, changesMeetingDetailsOnly, checkLetterRecordable, checkRecordable, logInteraction, meetingBeforeBooking, moveMeeting, repeatedStageProblem, updateMeeting } from './advance.js';
import { agenda, nextAction } from './next-action.js';
import { dismissAction } from './dismiss.js';

/** What a user reads when a step is refused, and the exact bytes a step writes. */

const text = noteText(contactFields());

describe('advance: what a refused change says', () => {
  it('names the unknown stage and lists every stage', () => {
    // @ts-expect-error -- not a stage: refused at compile time, and at run time for callers without types.
    expect(() => advance(text, 'interviewed', { date: '2026-11-23' })).toThrow(InvalidInputError);
    // @ts-expect-error -- as above.
    expect(() => advance(text, 'interviewed', { date: '2026-11-23' })).toThrow(
      'unknown stage "interviewed" (use one of: identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived)',
    );
  });

  it('names an impossible date, an unknown channel, a bad meeting time, format and link', () => {
    expect(() => advance(text, 'contacted', { date: '2026-02-30' })).toThrow('invalid date "2026-02-30" (use YYYY-MM-DD)');
    expect(() => logInteraction(text, { date: '23/11/2026' })).toThrow('invalid date "23/11/2026" (use YYYY-MM-DD)');
    // @ts-expect-error -- not a channel: a value typed on the command line is checked at run time.
    expect(() => advance(text, 'contacted', { date: '2026-11-23', via: 'pigeon' })).toThrow('unknown channel "pigeon" (use one of: email, linkedin, letter, phone, in-person, other)');
    expect(() => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: 'tomorrow' } })).toThrow(
      'invalid meeting time "tomorrow" (use YYYY-MM-DDTHH:mm, with an offset from -12:00 to +14:00 if any)',
    );
    // @ts-expect-error: a format typed on the command line is not checked by the compiler.
    expect(() => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30', format: 'zoom' } })).toThrow(
      'unknown meeting format "zoom" (use one of: in-person, phone, video)',
    );
    expect(() => advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30', link: 'meet me at the cafe' } })).toThrow(
      'invalid meeting link "meet me at the cafe" (use a full https:// address such as https://meet.example.com/abc, or a dial-in such as tel:+14125550142)',
    );
  });

  it('refuses a call without its options with an InvalidInputError, not a TypeError from inside', () => {
    // @ts-expect-error -- options are required: refused at compile time, and at run time for callers without types.
    expect(() => advance(text, 'contacted')).toThrow(InvalidInputError);
    // @ts-expect-error -- as above.
    expect(() => advance(text, 'contacted')).toThrow("advance needs its options, such as { date: '2026-11-23' }");
    // @ts-expect-error -- as above.
    expect(() => logInteraction(text, null)).toThrow("logInteraction needs its options, such as { date: '2026-11-23' }");
    // @ts-expect-error -- as above.
    expect(() => changesMeetingDetailsOnly(text, 'scheduled')).toThrow("changesMeetingDetailsOnly needs its options, such as { meeting: { at: '2026-12-01T10:00' } }");
  });

  it('accepts every channel and meeting format by name', () => {
    expect(advance(text, 'contacted', { date: '2026-11-23', via: 'linkedin' })).toContain('    via: linkedin\n');
    expect(advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30', format: 'in-person' } })).toContain('  format: in-person\n');
  });
});

describe('advance: only on a contact note', () => {
  const refusal = 'the note cannot be edited: not a contact note: it has no `type: contact` frontmatter';
  const notContacts = ['# Ideas\n', '---\ntitle: Ideas\n---\n# Ideas\n', '---\nname: Maya Chen\nstage: identified\n---\n', '---\ntype: meeting\n---\n', ''];

  it('refuses a note without `type: contact`, in every editor that records history', () => {
    for (const note of notContacts) {
      expect(() => advance(note, 'contacted', { date: '2026-11-23' }), note).toThrow(UneditableNoteError);
      expect(() => advance(note, 'contacted', { date: '2026-11-23' }), note).toThrow(refusal);
      expect(() => logInteraction(note, { date: '2026-11-23' }), note).toThrow(refusal);
      expect(() => checkRecordable(note, 'contacted', '2026-11-23'), note).toThrow(refusal);
      expect(() => checkLetterRecordable(note, 'contacted', '2026-11-23'), note).toThrow(refusal);
    }
  });

  it('says why a contact whose frontmatter is not on the first line is not one', () => {
    expect(() => advance('\n---\ntype: contact\nname: Maya\nstage: identified\n---\n', 'contacted', { date: '2026-11-23' })).toThrow(
      'the note cannot be edited: The frontmatter must start on the first line: line 1 is blank (Delete the blank line before `---`)',
    );
    expect(() => logInteraction('+++\ntype: contact\nname: Maya\nstage: contacted\n+++\n', { date: '2026-11-23' })).toThrow(
      'the note cannot be edited: +++ fences are TOML; Rapport reads YAML between --- lines (Write `---` in place of both `+++` lines)',
    );
  });

  it('names the YAML problem, not the type, when the frontmatter does not parse', () => {
    expect(() => advance('---\ntype: contact\nname: [\n---\n', 'contacted', { date: '2026-11-23' })).toThrow('its frontmatter is not valid YAML');
    expect(() => advance('---\ntype: contact\n', 'contacted', { date: '2026-11-23' })).toThrow('its frontmatter is never closed with `---`');
  });
});

describe('advance: the order of the history', () => {
  const threeEntries = noteText(
    contactFields({
      stage: 'contacted',
      history: [
        { date: '2026-11-02', stage: 'identified' },
        { date: '2026-11-10', stage: 'contacted' },
        { date: '2026-11-20', stage: 'contacted', touch: true },
      ],
    }),
  );

  it('compares with the last entry of a longer history, not an earlier one', () => {
    expect(() => advance(threeEntries, 'followed-up', { date: '2026-11-15' })).toThrow(
      '2026-11-15 is before the last entry in the history (contacted on 2026-11-20); the history is kept in date order',
    );
  });

  it('calls a last entry without a stage "a change"', () => {
    const noStage = noteText(contactFields({ history: [{ date: '2026-11-10' }] }));
    expect(() => advance(noStage, 'contacted', { date: '2026-11-09' })).toThrow(
      '2026-11-09 is before the last entry in the history (a change on 2026-11-10); the history is kept in date order',
    );
  });

  it('refuses a note whose history has an entry without a real date, or whose stage is not one, unless forced', () => {
    const undated = noteText(contactFields({ history: [{ date: 'last week', stage: 'identified' }] }));
    expect(() => advance(undated, 'contacted', { date: '2026-11-09' })).toThrow(
      'a history entry is dated "last week", not a real YYYY-MM-DD, so the history cannot be kept in order: correct it in the note first (rapport check lists every problem)',
    );
    expect(() => logInteraction(undated, { date: '2026-11-09', note: 'called' })).toThrow(RecordingRefusedError);
    expect(advance(undated, 'contacted', { date: '2026-11-09', force: true })).toContain('  - date: 2026-11-09\n    stage: contacted\n');
    const typo = noteText(contactFields({ stage: 'intervewed' }));
    expect(() => advance(typo, 'contacted', { date: '2026-11-09' })).toThrow(
      'its stage "intervewed" is not a stage (one of: identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived): correct it in the note first (rapport check lists every problem)',
    );
    expect(advance(typo, 'contacted', { date: '2026-11-09', force: true })).toContain('stage: contacted\n');
    const emptyEntry = noteText(contactFields({ history: [null] }));
    expect(advance(emptyEntry, 'contacted', { date: '2026-11-09' })).toContain('  - date: 2026-11-09\n    stage: contacted\n');
  });

  it('refuses a note whose history holds an entry that is not a mapping, unless forced', () => {
    const words = '---\ntype: contact\nname: Maya\nstage: contacted\nhistory: [a, b]\n---\n';
    expect(() => advance(words, 'followed-up', { date: '2026-11-09' })).toThrow(
      'a history entry is "a", not a mapping such as {date: 2026-11-23, stage: contacted}, so the history cannot be kept in order: correct it in the note first (rapport check lists every problem)',
    );
    expect(() => logInteraction(words, { date: '2026-11-09', note: 'called' })).toThrow(RecordingRefusedError);
    expect(advance(words, 'followed-up', { date: '2026-11-09', force: true })).toContain('history: [a, b, {date: 2026-11-09, stage: followed-up}]\n');
  });

  it('logs a touch dated before the last entry when forced', () => {
    expect(() => logInteraction(threeEntries, { date: '2026-11-12', note: 'called' })).toThrow(RecordingRefusedError);
    const forced = logInteraction(threeEntries, { date: '2026-11-12', note: 'called', force: true });
    expect(forced).toBe(threeEntries.replace('    touch: true\n---', '    touch: true\n  - date: 2026-11-12\n    stage: contacted\n    touch: true\n    note: called\n---'));
  });
});

describe('logInteraction: the stage it records', () => {
  it('records the stage the note is in as its text says, not one the caller saw before', () => {
    const seen = '---\ntype: contact\nname: Hannah Schultz\nstage: contacted\nhistory:\n  - date: 2026-11-05\n    stage: contacted\n---\n';
    // Moved on in an editor between the caller's read and the touch.
    const now = '---\ntype: contact\nname: Hannah Schultz\nstage: scheduled\nhistory:\n  - date: 2026-11-05\n    stage: contacted\n  - date: 2026-11-20\n    stage: scheduled\n---\n';
    expect(logInteraction(seen, { date: '2026-11-23', via: 'phone' })).toBe(`${seen.slice(0, -4)}  - date: 2026-11-23\n    stage: contacted\n    touch: true\n    via: phone\n---\n`);
    expect(logInteraction(now, { date: '2026-11-23', via: 'phone' })).toBe(`${now.slice(0, -4)}  - date: 2026-11-23\n    stage: scheduled\n    touch: true\n    via: phone\n---\n`);
  });

  it('refuses, forced or not, a note whose stage is missing or not a stage: there is none to record', () => {
    const missing = '---\ntype: contact\nname: Hannah Schultz\n---\n';
    const wrong = '---\ntype: contact\nname: Hannah Schultz\nstage: interviewing\n---\n';
    // With no stage and a history entry dated wrong, the missing stage is what is said.
    const missingAndUndated = '---\ntype: contact\nname: Hannah Schultz\nhistory:\n  - date: 2026-13-01\n    stage: contacted\n---\n';
    expect(() => logInteraction(missingAndUndated, { date: '2026-11-23' })).toThrow(new UneditableNoteError("a touch is recorded at the contact's stage, and the note has no `stage`: add one (rapport check lists every problem)"));
    for (const force of [false, true]) {
      expect(() => logInteraction(missing, { date: '2026-11-23', force })).toThrow(new UneditableNoteError("a touch is recorded at the contact's stage, and the note has no `stage`: add one (rapport check lists every problem)"));
      expect(() => logInteraction(wrong, { date: '2026-11-23', force })).toThrow(
        new UneditableNoteError(
          'a touch is recorded at the contact\'s stage, and its stage "interviewing" is not a stage (one of: identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived): correct it in the note first (rapport check lists every problem)',
        ),
      );
    }
  });
});

describe('logInteraction: their reply', () => {
  it('writes `replied: true` after `touch: true`, and reads it back', () => {
    const note = '---\ntype: contact\nname: Owen Park\nstage: contacted\nhistory:\n  - date: 2026-11-20\n    stage: contacted\n    via: email\n---\n\n# Owen Park\n';
    const logged = logInteraction(note, { date: '2026-11-26', via: 'linkedin', note: 'Happy to talk, will send times', replied: true });
    expect(logged).toBe(
      '---\ntype: contact\nname: Owen Park\nstage: contacted\nhistory:\n  - date: 2026-11-20\n    stage: contacted\n    via: email\n  - date: 2026-11-26\n    stage: contacted\n    touch: true\n    replied: true\n    via: linkedin\n    note: Happy to talk, will send times\n---\n\n# Owen Park\n',
    );
    expect(readNote('owen-park.md', logged).contact?.history.at(-1)).toEqual({ date: '2026-11-26', stage: 'contacted', touch: true, replied: true, via: 'linkedin', note: 'Happy to talk, will send times' });
    expect(logInteraction(note, { date: '2026-11-26', note: 'called', replied: false })).not.toContain('replied');
  });

  it('refuses a reply from someone not yet written to, unless forced', () => {
    const identified = '---\ntype: contact\nname: Tomás Herrera\nstage: identified\nhistory:\n  - date: 2026-11-18\n    stage: identified\n---\n';
    expect(() => logInteraction(identified, { date: '2026-11-25', replied: true })).toThrow(new RecordingRefusedError('no letter has gone to them yet (stage identified): a reply answers one; record the letter you sent first', { field: ['stage'] }));
    expect(logInteraction(identified, { date: '2026-11-25', replied: true, force: true })).toContain('    touch: true\n    replied: true\n');
    expect(logInteraction(identified, { date: '2026-11-25', note: 'saw his talk' })).toContain('    touch: true\n    note: saw his talk\n');
  });

  it('reports a `replied` that is not true or false, and leaves it out', () => {
    const reading = readNote('owen-park.md', '---\ntype: contact\nname: Owen Park\nstage: contacted\nhistory:\n  - date: 2026-11-20\n    stage: contacted\n    touch: true\n    replied: yes\n---\n');
    expect(reading.diagnostics.map(({ line, rule, message }) => [line, rule, message])).toEqual([[9, 'invalid-type', '`replied` must be true or false']]);
    expect(reading.contact?.history).toEqual([{ date: '2026-11-20', stage: 'contacted', touch: true }]);
  });
});

describe('advance: writing the meeting', () => {
  it('writes a new meeting as 30 minutes by video, with its place and link when given', () => {
    expect(advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30' } })).toBe(
      [
        '---',
        'type: contact',
        'name: Maya Chen',
        'stage: scheduled',
        'organization: Acme Health',
        'history:',
        '  - date: 2026-11-02',
        '    stage: identified',
        '  - date: 2026-11-23',
        '    stage: scheduled',
        'meeting:',
        '  at: 2026-11-27T08:30',
        '  minutes: 30',
        '  format: video',
        '---',
        '',
      ].join('\n'),
    );
    const inPerson = advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30', format: 'in-person', place: 'Blue Bottle, 5th and Pine', link: 'tel:+14125550142' } });
    expect(inPerson.slice(inPerson.indexOf('meeting:'))).toBe(
      ['meeting:', '  at: 2026-11-27T08:30', '  minutes: 30', '  format: in-person', '  place: Blue Bottle, 5th and Pine', '  link: tel:+14125550142', '---', ''].join('\n'),
    );
  });

  it('writes a new meeting over an empty `meeting:` line', () => {
    const empty = '---\ntype: contact\nname: Maya Chen\nstage: identified\nhistory:\n  - date: 2026-11-02\n    stage: identified\nmeeting:\n---\n';
    const result = advance(empty, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30' } });
    expect(readNote('maya-chen.md', result).contact?.meeting).toEqual({ at: '2026-11-27T08:30', minutes: 30, format: 'video' });
  });

  it('does not call a first meeting a reschedule, even on a note already marked scheduled: it adds no entry at all', () => {
    const scheduledWithoutTime = noteText(contactFields({ stage: 'scheduled', history: [{ date: '2026-11-20', stage: 'scheduled' }] }));
    const result = readNote('maya-chen.md', advance(scheduledWithoutTime, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T08:30' } })).contact;
    expect(result?.history).toEqual([{ date: '2026-11-20', stage: 'scheduled' }]);
    expect(result?.meeting?.at).toBe('2026-11-27T08:30');
  });

  it('keeps a place when the new one is empty, and a value given again exactly as the user wrote it', () => {
    const scheduled = [
      '---',
      'type: contact',
      'name: Lena Ortiz',
      'stage: scheduled',
      'history:',
      '  - date: 2026-12-01',
      '    stage: scheduled',
      'meeting:',
      '  at: 2027-01-05T09:00',
      "  minutes: 20",
      "  format: 'in-person' # her office",
      '  place: Blue Bottle',
      '---',
      '',
    ].join('\n');
    const result = advance(scheduled, 'scheduled', { date: '2026-12-03', meeting: { at: '2027-01-07T09:00', format: 'in-person', minutes: 20, place: '' } });
    expect(result).toBe(
      scheduled
        .replace('    stage: scheduled\n', '    stage: scheduled\n  - date: 2026-12-03\n    stage: scheduled\n    note: rescheduled from 2027-01-05 09:00\n')
        .replace('  at: 2027-01-05T09:00', '  at: 2027-01-07T09:00'),
    );
  });
});

describe('advance: a change of the meeting details alone', () => {
  const booked = ['---', 'type: contact', 'name: Ana Lima', 'stage: scheduled', 'history:', '  - date: 2026-11-20', '    stage: scheduled', 'meeting:', '  at: 2026-12-09T14:00', '  minutes: 30', '  format: video', '  link: https://meet.example.com/old', '---', ''].join('\n');

  it('changes the meeting in place and adds no history entry: the same stage and time, nothing else to record', () => {
    const options = { date: '2026-11-25', meeting: { at: '2026-12-09T14:00', link: 'https://meet.example.com/new', place: 'Room 4' } };
    expect(changesMeetingDetailsOnly(booked, 'scheduled', options)).toBe(true);
    expect(advance(booked, 'scheduled', options)).toBe(booked.replace('  link: https://meet.example.com/old', '  link: https://meet.example.com/new\n  place: Room 4'));
    // Given twice, the second call changes nothing.
    expect(advance(advance(booked, 'scheduled', options), 'scheduled', options)).toBe(advance(booked, 'scheduled', options));
  });

  it('records an entry as before for a new time, a note, a channel, another stage, or a meeting already held', () => {
    const at = '2026-12-09T14:00';
    expect(changesMeetingDetailsOnly(booked, 'scheduled', { meeting: { at: '2026-12-10T14:00' } })).toBe(false);
    expect(changesMeetingDetailsOnly(booked, 'scheduled', { meeting: { at }, note: 'moved to Zoom' })).toBe(false);
    expect(changesMeetingDetailsOnly(booked, 'scheduled', { meeting: { at }, via: 'email' })).toBe(false);
    expect(changesMeetingDetailsOnly(booked, 'prepared', { meeting: { at } })).toBe(false);
    expect(changesMeetingDetailsOnly(booked.replace('stage: scheduled\nhistory', 'stage: held\nhistory'), 'held', { meeting: { at } })).toBe(false);
    expect(changesMeetingDetailsOnly(booked, 'scheduled', {})).toBe(false);
    expect(advance(booked, 'scheduled', { date: '2026-11-25', meeting: { at, link: 'https://meet.example.com/new' }, note: 'moved to Zoom' })).toContain('  - date: 2026-11-25\n    stage: scheduled\n    note: moved to Zoom\n');
  });
});

describe('advance: the time of a meeting agreed without one', () => {
  // Booked by hand: the stage and its entry written, the time not yet.
  const owen = ['---', 'type: contact', 'name: Owen Park', 'stage: scheduled', 'history:', '  - date: 2026-11-21', '    stage: contacted', '  - date: 2026-11-23', '    stage: scheduled', '    # he said Saturday morning', '---', '', '# Owen Park', ''].join('\n');

  it('writes the meeting alone, with no second scheduled entry: the agreement is in the history already', () => {
    const options = { date: '2026-11-24', meeting: { at: '2026-11-28T10:00' } };
    expect(booksMeetingOnly(owen, 'scheduled', options)).toBe(true);
    expect(changesMeetingDetailsOnly(owen, 'scheduled', options)).toBe(false);
    expect(advance(owen, 'scheduled', options)).toBe(
      ['---', 'type: contact', 'name: Owen Park', 'stage: scheduled', 'history:', '  - date: 2026-11-21', '    stage: contacted', '  - date: 2026-11-23', '    stage: scheduled', '    # he said Saturday morning', 'meeting:', '  at: 2026-11-28T10:00', '  minutes: 30', '  format: video', '---', '', '# Owen Park', ''].join('\n'),
    );
  });

  it('ends a snooze in the same edit: agreeing the time happened with the contact', () => {
    const snoozed = [
      '---', 'type: contact', 'name: Owen Park', 'stage: scheduled', 'snoozed_until: 2026-11-30', 'history:', '  - date: 2026-11-21', '    stage: contacted', '  - date: 2026-11-23', '    stage: scheduled', '---', '', '# Owen Park', '',
    ].join('\n');
    expect(booksMeetingOnly(snoozed, 'scheduled', { meeting: { at: '2026-11-28T10:00' } })).toBe(true);
    expect(advance(snoozed, 'scheduled', { date: '2026-11-24', meeting: { at: '2026-11-28T10:00' } })).toBe(
      ['---', 'type: contact', 'name: Owen Park', 'stage: scheduled', 'history:', '  - date: 2026-11-21', '    stage: contacted', '  - date: 2026-11-23', '    stage: scheduled', 'meeting:', '  at: 2026-11-28T10:00', '  minutes: 30', '  format: video', '---', '', '# Owen Park', ''].join('\n'),
    );
  });

  it('keeps the stage of a contact prepared before the time was written, and what the meeting block already says', () => {
    const prepared = owen.replace('stage: scheduled\nhistory', 'stage: prepared\nhistory').replace('    # he said Saturday morning\n', '  - date: 2026-11-24\n    stage: prepared\nmeeting:\n  format: phone # he calls me\n');
    expect(moveMeeting(prepared, { at: '2026-11-28T10:00', minutes: 45 }, { date: '2026-11-25' })).toBe(
      prepared.replace('  format: phone # he calls me\n', '  format: phone # he calls me\n  at: 2026-11-28T10:00\n  minutes: 45\n'),
    );
  });

  it('records an entry as before with a note, a channel or a letter, and at another stage', () => {
    const at = '2026-11-28T10:00';
    expect(booksMeetingOnly(owen, 'scheduled', { meeting: { at }, note: 'he wrote back' })).toBe(false);
    expect(booksMeetingOnly(owen, 'scheduled', { meeting: { at }, via: 'email' })).toBe(false);
    expect(booksMeetingOnly(owen, 'prepared', { meeting: { at } })).toBe(false);
    expect(booksMeetingOnly(owen.replace('stage: scheduled\nhistory', 'stage: contacted\nhistory'), 'scheduled', { meeting: { at } })).toBe(false);
    expect(booksMeetingOnly(owen, 'scheduled', {})).toBe(false);
    expect(advance(owen, 'scheduled', { date: '2026-11-24', meeting: { at }, note: 'he wrote back' })).toContain('  - date: 2026-11-24\n    stage: scheduled\n    note: he wrote back\n');
  });

  it('refuses a time before the day it is booked unless forced', () => {
    expect(() => advance(owen, 'scheduled', { date: '2026-11-24', meeting: { at: '2026-10-28T10:00' } })).toThrow(
      new RecordingRefusedError('the meeting on 2026-10-28 is before the day it is booked (2026-11-24); check the date, or record a meeting that took place as held', { field: ['meeting', 'at'] }),
    );
    expect(getField(advance(owen, 'scheduled', { date: '2026-11-24', meeting: { at: '2026-10-28T10:00' }, force: true }), ['meeting', 'at'])).toBe('2026-10-28T10:00');
    expect(() => advance(owen, 'scheduled', { date: '24/11/2026', meeting: { at: '2026-11-28T10:00' } })).toThrow('invalid date "24/11/2026" (use YYYY-MM-DD)');
  });
});

describe('advance: the booked time typed again for a contact in another zone', () => {
  // Booked at 14:00 in London, 09:00 in New York (the folder's zone), as the agenda shows it.
  const london = ['---', 'type: contact', 'name: Ana Lima', 'stage: scheduled', 'timezone: Europe/London', 'meeting:', '  at: "2026-12-01T14:00+00:00"', '  minutes: 30', '---', ''].join('\n');
  const options = (at: string) => ({ meeting: { at, format: 'phone' as const }, timezone: 'America/New_York' });

  it('is the same time on either clock, the folder\'s (as the agenda shows it) or theirs (as the note writes it)', () => {
    expect(changesMeetingDetailsOnly(london, 'scheduled', options('2026-12-01T09:00'))).toBe(true);
    expect(changesMeetingDetailsOnly(london, 'scheduled', options('2026-12-01T14:00'))).toBe(true);
  });

  it('is a move for any other time, and for an offset given that is not the booked one', () => {
    expect(changesMeetingDetailsOnly(london, 'scheduled', options('2026-12-01T10:00'))).toBe(false);
    expect(changesMeetingDetailsOnly(london, 'scheduled', options('2026-12-01T09:00+00:00'))).toBe(false);
  });
});

describe('advance: a meeting holding comments', () => {
  const scheduled = [
    '---',
    'type: contact',
    'name: Maya Chen',
    'stage: scheduled',
    'history:',
    '  - date: 2026-11-20',
    '    stage: scheduled',
    'meeting:',
    '  at: 2026-11-25T08:00 # her time',
    '  minutes: 30 # she asked for half an hour',
    '---',
    '',
  ].join('\n');

  it('reschedules by editing the meeting field by field, so its comments stay', () => {
    expect(advance(scheduled, 'scheduled', { date: '2026-11-21', meeting: { at: '2026-11-26T09:00' } })).toBe(
      [
        '---',
        'type: contact',
        'name: Maya Chen',
        'stage: scheduled',
        'history:',
        '  - date: 2026-11-20',
        '    stage: scheduled',
        '  - date: 2026-11-21',
        '    stage: scheduled',
        '    note: rescheduled from 2026-11-25 08:00',
        'meeting:',
        '  at: 2026-11-26T09:00 # her time',
        '  minutes: 30 # she asked for half an hour',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('marks the meeting held without touching it', () => {
    expect(advance(scheduled, 'held', { date: '2026-11-25' })).toBe(
      [
        '---',
        'type: contact',
        'name: Maya Chen',
        'stage: held',
        'history:',
        '  - date: 2026-11-20',
        '    stage: scheduled',
        '  - date: 2026-11-25',
        '    stage: held',
        'meeting:',
        '  at: 2026-11-25T08:00 # her time',
        '  minutes: 30 # she asked for half an hour',
        '---',
        '',
      ].join('\n'),
    );
  });
});

describe('dismissAction', () => {
  it('changes nothing when the note already dismisses the action as a single name', () => {
    const dismissed = noteText(contactFields({ dismissed: 'second-contact' }));
    expect(dismissAction(dismissed, 'second-contact')).toBe(dismissed);
  });
});

/** Ben Osei as examples/job-search has him: prepared for a meeting booked with his offset. */
const ben = '---\ntype: contact\nname: Ben Osei\nstage: prepared\nhistory:\n  - date: 2026-11-20\n    stage: scheduled\n  - date: 2026-11-22\n    stage: prepared\nmeeting:\n  at: "2026-11-25T08:00-05:00"\n  minutes: 30\n  format: in-person\n---\n';

describe('moveMeeting: the stage stays', () => {
  it('keeps a prepared contact prepared, the move said in the entry, only the time changed', () => {
    expect(moveMeeting(ben, { at: '2026-11-26T08:00-05:00' }, { date: '2026-11-23' })).toBe(
      '---\ntype: contact\nname: Ben Osei\nstage: prepared\nhistory:\n  - date: 2026-11-20\n    stage: scheduled\n  - date: 2026-11-22\n    stage: prepared\n  - date: 2026-11-23\n    stage: prepared\n    note: rescheduled from 2026-11-25 08:00-05:00\nmeeting:\n  at: "2026-11-26T08:00-05:00"\n  minutes: 30\n  format: in-person\n---\n',
    );
  });

  it('keeps a scheduled contact scheduled, and changes details alone without an entry', () => {
    const scheduled = ben.replace('stage: prepared\nhistory', 'stage: scheduled\nhistory').replace('  - date: 2026-11-22\n    stage: prepared\n', '');
    expect(moveMeeting(scheduled, { at: '2026-11-27T09:30' }, { date: '2026-11-23', note: 'his clinic ran late' })).toBe(
      '---\ntype: contact\nname: Ben Osei\nstage: scheduled\nhistory:\n  - date: 2026-11-20\n    stage: scheduled\n  - date: 2026-11-23\n    stage: scheduled\n    note: rescheduled from 2026-11-25 08:00-05:00; his clinic ran late\nmeeting:\n  at: "2026-11-27T09:30"\n  minutes: 30\n  format: in-person\n---\n',
    );
    expect(moveMeeting(ben, { at: '2026-11-25T08:00-05:00', minutes: 45 }, { date: '2026-11-23' })).toBe(ben.replace('minutes: 30', 'minutes: 45'));
  });

  it('leaves advance to scheduled as asked: a prepared contact goes back to scheduled', () => {
    expect(getField(advance(ben, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-26T08:00-05:00' } }), ['stage'])).toBe('scheduled');
  });

  it('refuses a contact with no meeting waited for, and one whose stage is not a stage', () => {
    const held = ben.replace('stage: prepared\nhistory', 'stage: held\nhistory');
    expect(() => moveMeeting(held, { at: '2026-11-26T08:00' }, { date: '2026-11-23' })).toThrow(
      new InvalidInputError("no meeting to move: the contact is held; book one with advance(text, 'scheduled', { date, meeting: { at } })"),
    );
    const typo = ben.replace('stage: prepared\nhistory', 'stage: prepard\nhistory');
    expect(() => moveMeeting(typo, { at: '2026-11-26T08:00' }, { date: '2026-11-23', force: true })).toThrow(UneditableNoteError);
    // @ts-expect-error -- no meeting: for callers without types.
    expect(() => moveMeeting(ben, undefined, { date: '2026-11-23' })).toThrow("moveMeeting needs the meeting, such as { at: '2026-11-26T08:00' }");
  });
});

describe('moveMeeting: the new time written as the old one was, in the folder\'s zone', () => {
  const timezone = 'America/New_York';
  /** Ben's note after the move: one entry added, the time replaced, nothing else. */
  const benMoved = (note: string, at: string) =>
    `---\ntype: contact\nname: Ben Osei\nstage: prepared\nhistory:\n  - date: 2026-11-20\n    stage: scheduled\n  - date: 2026-11-22\n    stage: prepared\n  - date: 2026-11-23\n    stage: prepared\n    note: ${note}\nmeeting:\n  at: "${at}"\n  minutes: 30\n  format: in-person\n---\n`;

  it('keeps the offset the booked time had, and says the old time as the agenda shows it', () => {
    expect(moveMeeting(ben, { at: '2026-11-26T09:30' }, { date: '2026-11-23', timezone })).toBe(benMoved('rescheduled from 2026-11-25 08:00', '2026-11-26T09:30-05:00'));
  });

  it('gives a move across a daylight-saving change the offset of the new day, either way', () => {
    expect(moveMeeting(ben, { at: '2027-07-14T08:00' }, { date: '2026-11-23', timezone })).toBe(benMoved('rescheduled from 2026-11-25 08:00', '2027-07-14T08:00-04:00'));
    const summer = ben.replace('2026-11-25T08:00-05:00', '2027-07-14T08:00-04:00');
    expect(getField(moveMeeting(summer, { at: '2027-11-10T08:00' }, { date: '2026-11-23', timezone }), ['meeting', 'at'])).toBe('2027-11-10T08:00-05:00');
  });

  it('keeps the offset the user gave', () => {
    expect(moveMeeting(ben, { at: '2026-11-26T14:30+01:00' }, { date: '2026-11-23', timezone })).toBe(benMoved('rescheduled from 2026-11-25 08:00', '2026-11-26T14:30+01:00'));
  });

  it('adds no offset to a note whose time had none, with a zone or without', () => {
    const unzoned = ben.replace('  at: "2026-11-25T08:00-05:00"', '  at: "2026-11-25T08:00"');
    expect(moveMeeting(unzoned, { at: '2026-11-26T09:30' }, { date: '2026-11-23', timezone })).toBe(benMoved('rescheduled from 2026-11-25 08:00', '2026-11-26T09:30'));
    expect(moveMeeting(unzoned, { at: '2026-11-26T09:30' }, { date: '2026-11-23' })).toBe(benMoved('rescheduled from 2026-11-25 08:00', '2026-11-26T09:30'));
  });

  it('without a zone, writes the time as given and the old one as written, offset and all', () => {
    expect(moveMeeting(ben, { at: '2026-11-26T09:30' }, { date: '2026-11-23' })).toBe(benMoved('rescheduled from 2026-11-25 08:00-05:00', '2026-11-26T09:30'));
  });

  it("says a time booked at another offset on the folder's clock and theirs, and writes the new one with the folder's offset", () => {
    expect(moveMeeting(ben, { at: '2026-11-26T15:30' }, { date: '2026-11-23', timezone: 'Europe/Berlin' })).toBe(benMoved('rescheduled from 2026-11-25 14:00 (08:00 their time)', '2026-11-26T15:30+01:00'));
  });

  it("reads a new time in the contact's own zone, named by the note, when the booked time is at its offset, and keeps that offset", () => {
    // Bogotá is at -05:00 all year, as New York is in winter: booked in December, moved to July.
    const bogota = ben.replace('name: Ben Osei\n', 'name: Ben Osei\ntimezone: America/Bogota\n');
    expect(getField(moveMeeting(bogota, { at: '2027-07-14T08:00' }, { date: '2026-11-23', timezone }), ['meeting', 'at'])).toBe('2027-07-14T08:00-05:00');
    expect(getField(moveMeeting(bogota, { at: '2026-11-26T09:30' }, { date: '2026-11-23', timezone }), ['meeting', 'at'])).toBe('2026-11-26T09:30-05:00');
    expect(changesMeetingDetailsOnly(bogota, 'prepared', { meeting: { at: '2026-11-25T08:00' }, timezone })).toBe(true);
  });

  it("reads it in the folder's zone when the booked offset is not the contact's zone's, or the note's zone is no zone", () => {
    const london = ben.replace('name: Ben Osei\n', 'name: Ben Osei\ntimezone: Europe/London\n');
    expect(getField(moveMeeting(london, { at: '2027-07-14T08:00' }, { date: '2026-11-23', timezone }), ['meeting', 'at'])).toBe('2027-07-14T08:00-04:00');
    const misspelt = ben.replace('name: Ben Osei\n', 'name: Ben Osei\ntimezone: America/Bogotá\n');
    expect(getField(moveMeeting(misspelt, { at: '2027-07-14T08:00' }, { date: '2026-11-23', timezone }), ['meeting', 'at'])).toBe('2027-07-14T08:00-04:00');
  });

  it('takes the booked time typed again without its offset as the same time: details alone change, with no entry', () => {
    expect(changesMeetingDetailsOnly(ben, 'prepared', { meeting: { at: '2026-11-25T08:00' }, timezone })).toBe(true);
    expect(moveMeeting(ben, { at: '2026-11-25T08:00', minutes: 45 }, { date: '2026-11-23', timezone })).toBe(ben.replace('minutes: 30', 'minutes: 45'));
  });

  it('refuses a zone that is not one', () => {
    expect(() => moveMeeting(ben, { at: '2026-11-26T09:30' }, { date: '2026-11-23', timezone: 'America/New_Yrok' })).toThrow(
      new InvalidInputError('unknown time zone "America/New_Yrok" (use an IANA name such as America/New_York, Europe/Paris or UTC)'),
    );
  });
});

describe('advance: a meeting booked for a day already gone', () => {
  it('is refused unless forced; a meeting kept as booked is not checked again', () => {
    const owen = noteText(contactFields({ stage: 'contacted', history: [{ date: '2026-11-21', stage: 'contacted' }] }));
    expect(() => advance(owen, 'scheduled', { date: '2026-11-26', meeting: { at: '2026-11-01T10:00' } })).toThrow(
      new RecordingRefusedError('the meeting on 2026-11-01 is before the day it is booked (2026-11-26); check the date, or record a meeting that took place as held', { field: ['meeting', 'at'] }),
    );
    expect(getField(advance(owen, 'scheduled', { date: '2026-11-26', meeting: { at: '2026-11-01T10:00' }, force: true }), ['meeting', 'at'])).toBe('2026-11-01T10:00');
    expect(getField(advance(owen, 'scheduled', { date: '2026-11-26', meeting: { at: '2026-11-26T16:00' } }), ['meeting', 'at'])).toBe('2026-11-26T16:00');
    // Ben's meeting on the 25th, passed by the 27th, is still his: a note added to it is no new booking.
    expect(getField(advance(ben, 'prepared', { date: '2026-11-27', meeting: { at: '2026-11-25T08:00-05:00' }, note: 'he asked to keep it' }), ['history', 2, 'note'])).toBe('he asked to keep it');
    expect(meetingBeforeBooking('2026-11-01T10:00', '2026-11-26')).toBe('2026-11-01');
    expect(meetingBeforeBooking('2026-11-26T08:00-05:00', '2026-11-26')).toBeUndefined();
  });
});

describe('repeatedStageProblem: the check the CLI makes before advance', () => {
  const victor = readNote('victor-nguyen.md', noteText(contactFields({ name: 'Victor Nguyen', stage: 'followed-up', history: [{ date: '2026-10-27', stage: 'contacted' }, { date: '2026-11-09', stage: 'followed-up' }] }))).contact!;

  it('says a stage recorded again is a second entry, while advance records it as asked', () => {
    expect(repeatedStageProblem(victor, 'followed-up')).toBe('already followed-up since 2026-11-09, and recording it again adds a second followed-up entry to the history');
    expect(repeatedStageProblem(victor, 'scheduled')).toBeUndefined();
    expect(repeatedStageProblem({ ...victor, stage: 'nurturing' }, 'nurturing')).toBeUndefined();
    expect(repeatedStageProblem({ ...victor, stage: 'prepared' }, 'prepared', { meeting: { at: '2026-12-01T10:00' } })).toBeUndefined();
  });
});

describe('logInteraction: something happened', () => {
  it('refuses a touch with nothing said and no channel, forced or not', () => {
    const refusal = 'logInteraction needs what happened: a note, the channel (via), a letter sent, or replied: true; an interaction with nothing said and no channel is no interaction';
    expect(() => logInteraction(text, { date: '2026-11-26', note: '' })).toThrow(new InvalidInputError(refusal));
    expect(() => logInteraction(text, { date: '2026-11-26', note: '  ', force: true })).toThrow(new InvalidInputError(refusal));
    expect(getField(logInteraction(text, { date: '2026-11-26', via: 'phone' }), ['history', 1])).toEqual({ date: '2026-11-26', stage: 'identified', touch: true, via: 'phone' });
  });
});

describe('entry points called without types', () => {
  it('name the argument missing rather than fail with a TypeError', () => {
    // @ts-expect-error -- no text: plain JavaScript.
    expect(() => advance(undefined, 'contacted', { date: '2026-11-23' })).toThrow(new InvalidInputError("advance needs the note's text as a string (got undefined)"));
    // @ts-expect-error -- as above.
    expect(() => logInteraction(null, { date: '2026-11-23', note: 'x' })).toThrow(new InvalidInputError("logInteraction needs the note's text as a string (got null)"));
    // @ts-expect-error -- the text alone, as a newcomer wrote it.
    expect(() => readNote('---\ntype: contact\n---\n')).toThrow(new InvalidInputError("readNote(file, text, options?) needs the note's file name and its text, both strings (got a string and undefined)"));
    // @ts-expect-error -- no context.
    expect(() => agenda([])).toThrow(new InvalidInputError("agenda(contacts, context) needs its context, such as { now: new Date(), timezone: 'Europe/Paris' } (got undefined)"));
    // @ts-expect-error -- a contact's id in place of the contact.
    expect(() => nextAction('maya-chen', { now: new Date(), timezone: 'UTC' })).toThrow(new InvalidInputError('nextAction(contact, context) needs the contact, as the index gives it (got a string)'));
    // @ts-expect-error -- no text.
    expect(() => updateMeeting(undefined, { minutes: 45 })).toThrow(new InvalidInputError("updateMeeting needs the note's text as a string (got undefined)"));
    // @ts-expect-error -- no details.
    expect(() => updateMeeting(ben)).toThrow(new InvalidInputError("updateMeeting needs the details to change, such as { link: 'https://meet.example.com/maya' } (got undefined)"));
  });
});
