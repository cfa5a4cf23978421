import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, snapshot } from './support/run-cli.js';

/** Runs a command that must be refused with exit 2, printing nothing and changing nothing. */
function expectRefused(folder: string, args: readonly string[], message: string): void {
  const before = snapshot(folder);
  const result = rapport([...args, '--dir', folder]);
  expect(result).toEqual({ code: 2, stdout: '', stderr: `rapport: ${message}\n` });
  expect(snapshot(folder)).toEqual(before);
}

interface AgendaRow {
  id: string;
  action: string;
  due: string | null;
}

function agendaOf(folder: string, today: string, id: string): [string, string | null][] {
  const items = JSON.parse(rapport(['agenda', '--json', '--today', today, '--dir', folder]).stdout) as AgendaRow[];
  return items.filter((item) => item.id === id).map((item) => [item.action, item.due]);
}

describe('advance: a meeting still to come', () => {
  /** Lauren's note before and after `rapport advance lauren-fitzgerald scheduled <flags>` on 2026-11-23, which must succeed. */
  function advanceLauren(flags: readonly string[], said = ''): { folder: string; before: string; after: string } {
    const folder = exampleCopy();
    const file = join(folder, 'lauren-fitzgerald.md');
    const before = readFileSync(file, 'utf8');
    const result = rapport(['advance', 'lauren-fitzgerald', 'scheduled', ...flags, '--today', '2026-11-23', '--dir', folder]);
    expect(result).toEqual({ code: 0, stdout: `Lauren Fitzgerald: scheduled again (2026-11-23)  lauren-fitzgerald.md\n${said}`, stderr: '' });
    return { folder, before, after: readFileSync(file, 'utf8') };
  }

  it('changes only the time with --at, and the history says when the meeting was', () => {
    const { before, after } = advanceLauren(['--at', '2026-11-27T09:00-05:00'], '  meeting moved: 2026-11-25 12:30 → 2026-11-27 09:00\n');
    const expected = before
      .replace('    stage: scheduled\n    via: linkedin\nmeeting:\n', '    stage: scheduled\n    via: linkedin\n  - date: 2026-11-23\n    stage: scheduled\n    note: rescheduled from 2026-11-25 12:30\nmeeting:\n')
      .replace('  at: "2026-11-25T12:30-05:00"\n', '  at: "2026-11-27T09:00-05:00"\n');
    expect(expected).not.toBe(before);
    expect(after).toBe(expected);
    expect(after).toContain('  minutes: 30\n  format: video\n  link: https://meet.example.com/nimbus-lauren-f\n');
  });

  it('changes only the link with --link alone, keeping the time and adding nothing to the history, and says when there is no meeting to change', () => {
    const folder = exampleCopy();
    const file = join(folder, 'lauren-fitzgerald.md');
    const before = readFileSync(file, 'utf8');
    expect(rapport(['advance', 'lauren-fitzgerald', 'scheduled', '--link', 'https://meet.example.com/nimbus-new-room', '--today', '2026-11-23', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Lauren Fitzgerald: meeting link changed, still 2026-11-25 12:30; no history entry  lauren-fitzgerald.md\n',
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(before.replace('  link: https://meet.example.com/nimbus-lauren-f\n', '  link: https://meet.example.com/nimbus-new-room\n'));
    expectRefused(folder, ['advance', 'owen-park', 'scheduled', '--link', 'https://meet.example.com/x'], 'Owen Park has no meeting to come: meeting details need --at YYYY-MM-DDTHH:mm');
    expectRefused(folder, ['advance', 'owen-park', 'scheduled'], 'scheduling Owen Park needs the meeting time: --at YYYY-MM-DDTHH:mm');
    expectRefused(folder, ['advance', 'owen-park', 'followed-up', '--minutes', '45'], 'Owen Park has no meeting to come: meeting details need --at YYYY-MM-DDTHH:mm');
  });
});

describe('advance: moving a meeting already prepared for', () => {
  it('keeps the contact prepared, so the preparation is not asked for again', () => {
    const folder = exampleCopy();
    const file = join(folder, 'ben-osei.md');
    const before = readFileSync(file, 'utf8');
    expect(rapport(['advance', 'ben-osei', 'scheduled', '--at', '2026-11-26T08:00', '--today', '2026-11-23', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Ben Osei: prepared again (2026-11-23)  ben-osei.md\n  meeting moved: 2026-11-25 08:00 → 2026-11-26 08:00\n  still prepared: the meeting changed, the preparation stands\n',
      stderr: '',
    });
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('stage: prepared\n');
    expect(after).toContain('  - date: 2026-11-23\n    stage: prepared\n    note: rescheduled from 2026-11-25 08:00\n');
    // Booked with the folder's offset, the new time is written with it too.
    expect(after).toContain('  at: "2026-11-26T08:00-05:00"\n');
    expect(after).not.toBe(before);
    expect(agendaOf(folder, '2026-11-25', 'ben-osei')).toEqual([['Meet Ben Osei at 08:00 (in-person, 30 min)', '2026-11-26']]);
  });
});

describe('advance: a rescheduled time is written as the note writes its times', () => {
  /** Sam's note, and what the folder holds besides it (the index cache aside), before and after `rapport advance sam-whitaker scheduled --at <at>` on 2026-11-30. */
  function moveSam(at: string, edit?: (text: string) => string, flags: readonly string[] = []) {
    const folder = exampleCopy();
    const file = join(folder, 'sam-whitaker.md');
    if (edit) writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const others = () => Object.fromEntries(Object.entries(snapshot(folder)).filter(([path]) => path !== 'sam-whitaker.md' && !path.startsWith('.rapport/cache')));
    const before = readFileSync(file, 'utf8');
    const othersBefore = others();
    const result = rapport(['advance', 'sam-whitaker', 'scheduled', '--at', at, ...flags, '--today', '2026-11-30', '--dir', folder]);
    expect(others()).toEqual(othersBefore);
    return { result, before, after: readFileSync(file, 'utf8') };
  }
  const samEntry = (note: string) => '    note: Rescheduled by Sam (a summative study ran over); new time Dec 1\n' + `  - date: 2026-11-30\n    stage: scheduled\n    note: ${note}\nmeeting:\n`;

  it("keeps the offset the old time had, and the history says the old time as the agenda shows it; nothing else in the folder changes", () => {
    const { result, before, after } = moveSam('2026-12-03T10:30');
    expect(result).toEqual({ code: 0, stdout: 'Sam Whitaker: scheduled again (2026-11-30)  sam-whitaker.md\n  meeting moved: 2026-12-01 09:00 → 2026-12-03 10:30\n', stderr: '' });
    const expected = before
      .replace('    note: Rescheduled by Sam (a summative study ran over); new time Dec 1\nmeeting:\n', samEntry('rescheduled from 2026-12-01 09:00'))
      .replace('  at: "2026-12-01T09:00-05:00"\n', '  at: "2026-12-03T10:30-05:00"\n');
    expect(expected).not.toBe(before);
    expect(after).toBe(expected);
  });

  it('gives a move into summer time the summer offset, and says so: the booked offset may have been theirs too', () => {
    const { result, before, after } = moveSam('2027-07-01T10:30');
    expect(result).toEqual({
      code: 0,
      stdout:
        'Sam Whitaker: scheduled again (2026-11-30)  sam-whitaker.md\n  meeting moved: 2026-12-01 09:00 → 2027-07-01 10:30\n' +
        '  10:30 read in America/New_York (-04:00 on 2027-07-01; booked at -05:00): if -05:00 is their own offset all year, give --at 2027-07-01T10:30-05:00, and name their zone in the note (timezone: America/Bogota)\n',
      stderr: '',
    });
    expect(after).toBe(before.replace('    note: Rescheduled by Sam (a summative study ran over); new time Dec 1\nmeeting:\n', samEntry('rescheduled from 2026-12-01 09:00')).replace('  at: "2026-12-01T09:00-05:00"\n', '  at: "2027-07-01T10:30-04:00"\n'));
  });

  it('keeps an offset given with --at', () => {
    const { result, after } = moveSam('2026-12-03T16:30+01:00');
    expect(result).toEqual({ code: 0, stdout: 'Sam Whitaker: scheduled again (2026-11-30)  sam-whitaker.md\n  meeting moved: 2026-12-01 09:00 → 2026-12-03 10:30 (16:30 their time)\n', stderr: '' });
    expect(after).toContain('  at: "2026-12-03T16:30+01:00"\n');
  });

  it('adds no offset to a note whose time had none', () => {
    const { result, before, after } = moveSam('2026-12-03T10:30', (text) => text.replace('  at: "2026-12-01T09:00-05:00"', '  at: "2026-12-01T09:00"'));
    expect(result.code).toBe(0);
    expect(after).toBe(before.replace('    note: Rescheduled by Sam (a summative study ran over); new time Dec 1\nmeeting:\n', samEntry('rescheduled from 2026-12-01 09:00')).replace('  at: "2026-12-01T09:00"\n', '  at: "2026-12-03T10:30"\n'));
  });

  /** Sam's note naming his zone: Bogotá, at -05:00 all year, as New York is in winter. */
  const inBogota = (zone: string) => (text: string) => text.replace('name: Sam Whitaker\n', `name: Sam Whitaker\ntimezone: ${zone}\n`);

  it("takes the booked time typed as the agenda shows it, on the folder's clock, as the same time for a contact whose note names another zone: only the format changes", () => {
    const inLondon = (text: string) => text.replace('name: Sam Whitaker\n', 'name: Sam Whitaker\ntimezone: Europe/London\n').replace('  at: "2026-12-01T09:00-05:00"', '  at: "2026-12-01T14:00+00:00"');
    const { result, before, after } = moveSam('2026-12-01T09:00', inLondon, ['--format', 'phone']);
    expect(result.code).toBe(0);
    expect(after).toBe(before.replace('  format: video\n', '  format: phone\n'));
  });

  it("reads a new time in the contact's own zone, named by the note, where the booked time is at its offset, and says so", () => {
    const { result, before, after } = moveSam('2027-07-01T10:30', inBogota('America/Bogota'));
    expect(result).toEqual({
      code: 0,
      stdout:
        'Sam Whitaker: scheduled again (2026-11-30)  sam-whitaker.md\n  meeting moved: 2026-12-01 09:00 → 2027-07-01 11:30 (10:30 their time)\n' +
        "  10:30 is their time: read in America/Bogota, the note's timezone, as the meeting was booked (for 10:30 in America/New_York, give --zone America/New_York)\n",
      stderr: '',
    });
    expect(after).toBe(before.replace('    note: Rescheduled by Sam (a summative study ran over); new time Dec 1\nmeeting:\n', samEntry('rescheduled from 2026-12-01 09:00')).replace('  at: "2026-12-01T09:00-05:00"\n', '  at: "2027-07-01T10:30-05:00"\n'));
  });

  it("says nothing more where their zone and the folder's agree on the new day, and --zone still names the clock", () => {
    const december = moveSam('2026-12-03T10:30', inBogota('America/Bogota'));
    expect(december.result).toEqual({ code: 0, stdout: 'Sam Whitaker: scheduled again (2026-11-30)  sam-whitaker.md\n  meeting moved: 2026-12-01 09:00 → 2026-12-03 10:30\n', stderr: '' });
    expect(december.after).toContain('  at: "2026-12-03T10:30-05:00"\n');
    const folderClock = moveSam('2027-07-01T10:30', inBogota('America/Bogota'), ['--zone', 'America/New_York']);
    expect(folderClock.result).toEqual({ code: 0, stdout: 'Sam Whitaker: scheduled again (2026-11-30)  sam-whitaker.md\n  meeting moved: 2026-12-01 09:00 → 2027-07-01 10:30\n', stderr: '' });
    expect(folderClock.after).toContain('  at: "2027-07-01T10:30-04:00"\n');
  });

  it("warns of a note's timezone that is no zone, and reads the time in the folder's", () => {
    const { result, after } = moveSam('2027-07-01T10:30', inBogota('America/Bogata'));
    expect(result).toEqual({
      code: 0,
      stdout:
        'Sam Whitaker: scheduled again (2026-11-30)  sam-whitaker.md\n  meeting moved: 2026-12-01 09:00 → 2027-07-01 10:30\n' +
        '  10:30 read in America/New_York (-04:00 on 2027-07-01; booked at -05:00): if -05:00 is their own offset all year, give --at 2027-07-01T10:30-05:00\n',
      stderr: 'rapport: warning: the note\'s timezone "America/Bogata" is unknown (did you mean America/Bogota?), so 10:30 is read in America/New_York\n',
    });
    expect(after).toContain('  at: "2027-07-01T10:30-04:00"\n');
  });

  it('takes the booked time typed without its offset, as the agenda shows it, as the same time: a new link alone adds no entry', () => {
    const folder = exampleCopy();
    const file = join(folder, 'sam-whitaker.md');
    const before = readFileSync(file, 'utf8');
    expect(rapport(['advance', 'sam-whitaker', 'scheduled', '--at', '2026-12-01T09:00', '--link', 'https://meet.example.com/ardent-new', '--today', '2026-11-30', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Sam Whitaker: meeting link changed, still 2026-12-01 09:00; no history entry  sam-whitaker.md\n',
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(before.replace('  link: https://meet.example.com/ardent-sam-whitaker\n', '  link: https://meet.example.com/ardent-new\n'));
  });
});

describe('advance: the meeting time as a hurried user writes it', () => {
  it('reads a space for the T, and refuses a time it cannot read before anything else, naming the flag', () => {
    const folder = exampleCopy();
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-11-30 14:00', '--today', '2026-11-23', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Owen Park: contacted → scheduled (2026-11-23)  owen-park.md\n',
      stderr: '',
    });
    expect(readFileSync(join(folder, 'owen-park.md'), 'utf8')).toContain('meeting:\n  at: 2026-11-30T14:00\n');
    for (const at of ['11/24 09:00', '2026-11-24', '2026-11-24T9am']) {
      expectRefused(folder, ['advance', 'hannah-schultz', 'scheduled', '--at', at, '--today', '2026-11-23'], `invalid --at "${at}" (use YYYY-MM-DDTHH:mm, e.g. 2026-11-24T09:00, with --zone America/New_York, or an offset from -12:00 to +14:00 such as -05:00, for another time zone than the folder's)`);
    }
  });

  it('warns when a meeting booked with an offset the folder does not have moves to a time without one', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('timezone: America/New_York', 'timezone: Europe/Berlin'));
    expect(rapport(['advance', 'lauren-fitzgerald', 'scheduled', '--at', '2026-11-27T09:00', '--today', '2026-11-23', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Lauren Fitzgerald: scheduled again (2026-11-23)  lauren-fitzgerald.md\n  meeting moved: 2026-11-25 18:30 (12:30 their time) → 2026-11-27 09:00\n',
      stderr:
        'rapport: warning: the meeting was booked for 2026-11-25 18:30 (12:30 their time), at another offset (-05:00); 2026-11-27 09:00 has none, so it is read in Europe/Berlin. For 09:00 their time, give --at 2026-11-27T09:00 --zone and their time zone (e.g. America/New_York), or --at 2026-11-27T09:00-05:00 if -05:00 is still their offset that day\n',
    });
    // Read in Berlin, as the warning says, and written with Berlin's offset that day.
    expect(readFileSync(join(folder, 'lauren-fitzgerald.md'), 'utf8')).toContain('  at: "2026-11-27T09:00+01:00"\n');
  });

  it('--zone reads --at in the other person\'s time zone and writes it with that zone\'s offset on that day, summer time included', () => {
    const folder = exampleCopy();
    // The folder is in New York; Hannah is in Berlin, on winter time (+01:00) in December and summer time (+02:00) in April.
    expect(rapport(['advance', 'hannah-schultz', 'scheduled', '--at', '2026-12-03T15:00', '--zone', 'Europe/Berlin', '--today', '2026-11-23', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Hannah Schultz: contacted → scheduled (2026-11-23)  hannah-schultz.md\n  meeting booked: 2026-12-03 09:00 (15:00 their time)\n',
      stderr: '',
    });
    expect(readFileSync(join(folder, 'hannah-schultz.md'), 'utf8')).toContain('meeting:\n  at: 2026-12-03T15:00+01:00\n');
    expect(agendaOf(folder, '2026-11-23', 'hannah-schultz')).toContainEqual(['Meet Hannah Schultz at 09:00 (15:00 their time; video, 30 min)', '2026-12-03']);
    expect(rapport(['advance', 'hannah-schultz', 'scheduled', '--at', '2027-04-08T15:00', '--zone', 'Europe/Berlin', '--today', '2026-11-23', '--dir', folder]).code).toBe(0);
    expect(readFileSync(join(folder, 'hannah-schultz.md'), 'utf8')).toContain('meeting:\n  at: 2027-04-08T15:00+02:00\n');

    expectRefused(folder, ['advance', 'hannah-schultz', 'scheduled', '--zone', 'Europe/Berlin', '--today', '2026-11-23'], '--zone goes with --at: the meeting time in that zone');
    expectRefused(folder, ['advance', 'hannah-schultz', 'scheduled', '--at', '2027-03-28T02:30', '--zone', 'Europe/Berlin', '--today', '2026-11-23'], '--zone Europe/Berlin: 02:30 does not exist in Europe/Berlin on 2027-03-28: the clocks go forward then (03:30 is the same instant)');
    expectRefused(folder, ['advance', 'hannah-schultz', 'scheduled', '--at', '2026-12-03T15:00', '--zone', 'Europe/Berlim', '--today', '2026-11-23'], '--zone Europe/Berlim: unknown time zone "Europe/Berlim" (use an IANA name such as America/New_York, Europe/Paris or UTC)');
  });
});

describe('advance held after the meeting day', () => {
  it('dates held the day the meeting was booked for, says so, and --date still chooses another day', () => {
    const folder = exampleCopy();
    expect(rapport(['advance', 'ben-osei', 'held', '--today', '2026-12-03', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Ben Osei: prepared → held (2026-11-25)  ben-osei.md\n  dated 2026-11-25, the day the meeting was booked for (give --date for another day)\n',
      stderr: '',
    });
    expect(readFileSync(join(folder, 'ben-osei.md'), 'utf8')).toContain('  - date: 2026-11-22\n    stage: prepared\n  - date: 2026-11-25\n    stage: held\n');
    // The thank-you is due the working day after the meeting, not after the day it was recorded.
    expect(agendaOf(folder, '2026-12-03', 'ben-osei')[0]).toEqual(['Send Ben Osei a thank-you note', '2026-11-26']);

    const other = exampleCopy();
    expect(rapport(['advance', 'ben-osei', 'held', '--date', '2026-11-26', '--today', '2026-12-03', '--dir', other]).stdout).toBe('Ben Osei: prepared → held (2026-11-26)  ben-osei.md\n');
  });
});

describe('agenda: the meeting day', () => {
  it('shows the meeting of a contact not yet prepared, and keeps the preparation overdue from two days before', () => {
    const folder = exampleCopy();
    expect(agendaOf(folder, '2026-11-25', 'lauren-fitzgerald')).toEqual([
      ['Prepare for Lauren Fitzgerald: research and questions', '2026-11-23'],
      ['Meet Lauren Fitzgerald at 12:30 (video, 30 min)', '2026-11-25'],
    ]);
  });
});

describe('agenda: the command each line needs', () => {
  it('names the command that does each item or records it done, and none for a meeting', () => {
    const folder = exampleCopy();
    // Sam Whitaker booked without a time yet, so the agenda asks for one.
    const sam = join(folder, 'sam-whitaker.md');
    writeFileSync(sam, readFileSync(sam, 'utf8').replace(/\nmeeting:\n(?:  .*\n)+/, '\n'));
    const lines = rapport(['agenda', '--today', '2026-11-26', '--dir', folder]).stdout.split('\n');
    const line = (start: string) => lines.find((candidate) => candidate.startsWith(start));
    expect(line('  2026-11-10  No reply from Hannah')).toBe('  2026-11-10  No reply from Hannah Schultz yet: try a second person at Northside Respiratory  → rapport new "Full Name" --org "Northside Respiratory" (or: rapport dismiss hannah-schultz)');
    expect(line('  2026-11-18  No reply from Victor')).toBe('  2026-11-18  No reply from Victor Nguyen since the follow-up: mark as no-response  → rapport advance victor-nguyen no-response');
    expect(line('  2026-11-25  Record the meeting with Ben')).toBe('  2026-11-25  Record the meeting with Ben Osei as held and write your notes  → rapport advance ben-osei held');
    expect(line('  2026-11-27  Tell Aisha')).toBe('  2026-11-27  Tell Aisha how the coffee with Ben Osei went  → rapport next aisha-karim --done');
    expect(line('  2026-11-18  Add the meeting time')).toBe('  2026-11-18  Add the meeting time with Sam Whitaker  → rapport advance sam-whitaker scheduled --at YYYY-MM-DDTHH:mm');
    const prepare = rapport(['agenda', '--today', '2026-11-23', '--dir', folder]).stdout.split('\n');
    expect(prepare.find((candidate) => candidate.startsWith('  2026-11-23  Prepare'))).toBe('  2026-11-23  Prepare for Lauren Fitzgerald: research and questions  → rapport advance lauren-fitzgerald prepared');
    expect(prepare.find((candidate) => candidate.startsWith('  2026-11-25  Meet Ben'))).toBe('  2026-11-25  Meet Ben Osei at 08:00 (in-person, 30 min)');
    // Her questions taken out, the line offers to add some first.
    const lauren = join(folder, 'lauren-fitzgerald.md');
    writeFileSync(lauren, readFileSync(lauren, 'utf8').replace(/^\d\. .*\n/gm, ''));
    const bare = rapport(['agenda', '--today', '2026-11-23', '--dir', folder]).stdout.split('\n');
    expect(bare.find((candidate) => candidate.startsWith('  2026-11-23  Prepare'))).toBe('  2026-11-23  Prepare for Lauren Fitzgerald: research and questions  → rapport questions --pick 8 --into lauren-fitzgerald, then rapport advance lauren-fitzgerald prepared');
  });
});

describe('agenda: the meeting time of a contact scheduled by hand', () => {
  it('books the time the hint asks for, with no second scheduled entry, and the agenda moves on to the meeting', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    // Scheduled by hand: the stage and its entry written, no meeting yet.
    const before = readFileSync(file, 'utf8')
      .replace('stage: contacted\n', 'stage: scheduled\n')
      .replace('    note: Mentioned my Philadelphia dates in December\n', '    note: Mentioned my Philadelphia dates in December\n  - date: 2026-11-23\n    stage: scheduled\n');
    writeFileSync(file, before);
    const line = rapport(['agenda', '--today', '2026-11-24', '--dir', folder]).stdout.split('\n').find((candidate) => candidate.includes('Owen Park'));
    expect(line).toBe('  2026-11-23  Add the meeting time with Owen Park  → rapport advance owen-park scheduled --at YYYY-MM-DDTHH:mm');
    const hint = line!.slice(line!.indexOf('→ rapport ') + '→ rapport '.length).replace('YYYY-MM-DDTHH:mm', '2026-11-28T10:00').split(' ');
    expect(rapport([...hint, '--today', '2026-11-24', '--dir', folder])).toEqual({ code: 0, stdout: 'Owen Park: meeting booked: 2026-11-28 10:00, still scheduled; no history entry  owen-park.md\n', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(
      before.replace('  - date: 2026-11-23\n    stage: scheduled\n---\n', '  - date: 2026-11-23\n    stage: scheduled\nmeeting:\n  at: 2026-11-28T10:00\n  minutes: 30\n  format: video\n---\n'),
    );
    expect(agendaOf(folder, '2026-11-24', 'owen-park')).toEqual([
      ['Prepare for Owen Park: research and questions', '2026-11-26'],
      ['Meet Owen Park at 10:00 (video, 30 min)', '2026-11-28'],
    ]);
    // Given again, the time is booked already: a move, recorded as one.
    expect(rapport([...hint.slice(0, 4), '2026-11-29T10:00', '--today', '2026-11-24', '--dir', folder]).stdout).toBe('Owen Park: scheduled again (2026-11-24)  owen-park.md\n  meeting moved: 2026-11-28 10:00 → 2026-11-29 10:00\n');
  });

  it('ends a snooze with the booking, and says so, as a step does', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const before = readFileSync(file, 'utf8')
      .replace('stage: contacted\n', 'stage: scheduled\nsnoozed_until: 2026-11-30\n')
      .replace('    note: Mentioned my Philadelphia dates in December\n', '    note: Mentioned my Philadelphia dates in December\n  - date: 2026-11-23\n    stage: scheduled\n');
    writeFileSync(file, before);
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-11-28T10:00', '--today', '2026-11-24', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Owen Park: meeting booked: 2026-11-28 10:00, still scheduled; no history entry  owen-park.md\n  snooze until 2026-11-30 ended: its actions are due when the rules say again\n',
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(
      before
        .replace('stage: scheduled\nsnoozed_until: 2026-11-30\n', 'stage: scheduled\n')
        .replace('  - date: 2026-11-23\n    stage: scheduled\n---\n', '  - date: 2026-11-23\n    stage: scheduled\nmeeting:\n  at: 2026-11-28T10:00\n  minutes: 30\n  format: video\n---\n'),
    );
    expect(agendaOf(folder, '2026-11-24', 'owen-park')).toEqual([
      ['Prepare for Owen Park: research and questions', '2026-11-26'],
      ['Meet Owen Park at 10:00 (video, 30 min)', '2026-11-28'],
    ]);
  });

  it('keeps a prepared contact prepared, and still refuses a time before today', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('stage: contacted\n', 'stage: prepared\n').replace('    note: Mentioned my Philadelphia dates in December\n', '    note: Mentioned my Philadelphia dates in December\n  - date: 2026-11-23\n    stage: prepared\n'));
    expectRefused(folder, ['advance', 'owen-park', 'scheduled', '--at', '2026-10-28T10:00', '--today', '2026-11-24'], 'Owen Park: not recorded: the meeting on 2026-10-28 is before the day it is booked (2026-11-24); check the date, or record a meeting that took place with rapport advance owen-park held (add --force to record it anyway)');
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-11-28T10:00', '--format', 'phone', '--today', '2026-11-24', '--dir', folder]).stdout).toBe('Owen Park: meeting booked: 2026-11-28 10:00, still prepared; no history entry  owen-park.md\n');
    expect(readFileSync(file, 'utf8')).toContain('  - date: 2026-11-23\n    stage: prepared\nmeeting:\n  at: 2026-11-28T10:00\n  minutes: 30\n  format: phone\n---\n');
  });
});

describe('agenda: Ready to write', () => {
  it('lists referrals first (people to write to with the referral letter, then those to add from Outcomes), then the first of the rest, and counts the others', () => {
    const folder = exampleCopy();
    for (let n = 1; n <= 20; n++) expect(rapport(['new', `Person ${String(n).padStart(2, '0')}`, '--today', '2026-11-23', '--dir', folder]).code).toBe(0);
    const text = rapport(['agenda', '--today', '2026-11-23', '--dir', folder]).stdout;
    expect(text.slice(text.indexOf('Ready to write'))).toBe(
      [
        'Ready to write (23)',
        '  anytime     Write to Elena Vasquez, naming who referred you  → rapport letter referral elena-vasquez',
        '  anytime     Add Grace Liu (referred by Priya Raman)  → rapport new --from priya-raman "Grace Liu"',
        ...Array.from({ length: 13 }, (_, index) => `  anytime     Write to Person ${String(index + 1).padStart(2, '0')}  → rapport letter cold-email person-${String(index + 1).padStart(2, '0')}`),
        '  … and 8 more (rapport agenda --json lists them all)',
        '',
      ].join('\n'),
    );
    expect((JSON.parse(rapport(['agenda', '--json', '--today', '2026-11-23', '--dir', folder]).stdout) as AgendaRow[]).filter((item) => item.due === null)).toHaveLength(23);
  });
});

describe('agenda: a second person at the organization', () => {
  it('names the colleague found there with the letter to write them, a referral\'s for one who was referred', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-second-'));
    mkdirSync(join(folder, '.rapport'));
    expect(rapport(['new', 'Dev Patel', '--org', 'Mercy Health', '--date', '2026-12-01', '--dir', folder]).code).toBe(0);
    expect(rapport(['advance', 'dev-patel', 'contacted', '--via', 'email', '--today', '2026-12-01', '--dir', folder]).code).toBe(0);
    expect(rapport(['new', 'Rosa Alvarez', '--org', 'mercy health', '--date', '2026-12-02', '--dir', folder]).code).toBe(0);
    expect(rapport(['agenda', '--today', '2026-12-04', '--dir', folder]).stdout.split('\n')[1]).toBe('  2026-12-04  No reply from Dev Patel yet: try a second person at Mercy Health, such as Rosa Alvarez  → rapport letter cold-email rosa-alvarez');
    writeFileSync(join(folder, 'rosa-alvarez.md'), readFileSync(join(folder, 'rosa-alvarez.md'), 'utf8').replace('stage: identified\n', 'stage: identified\nreferred_by: "[[dev-patel]]"\n'));
    expect(rapport(['agenda', '--today', '2026-12-04', '--dir', folder]).stdout.split('\n')[1]).toBe('  2026-12-04  No reply from Dev Patel yet: try a second person at Mercy Health, such as Rosa Alvarez  → rapport letter referral rosa-alvarez');
  });
});

describe('recording in order', () => {
  it('refuses a step dated before the last history entry (exit 2) unless --force', () => {
    const folder = exampleCopy();
    expectRefused(folder, ['advance', 'owen-park', 'held', '--date', '2026-11-19'], 'Owen Park: not recorded: 2026-11-19 is before the last entry in the history (contacted on 2026-11-21); the history is kept in date order (add --force to record it anyway)');
    const forced = rapport(['advance', 'owen-park', 'declined', '--date', '2026-11-19', '--force', '--dir', folder]);
    expect(forced).toEqual({ code: 0, stdout: 'Owen Park: contacted → declined (2026-11-19)  owen-park.md\n', stderr: '' });
  });

  it('refuses to mark held before the meeting day, and a thank-you sent before the meeting, unless --force', () => {
    const folder = exampleCopy();
    expectRefused(folder, ['advance', 'lauren-fitzgerald', 'held', '--today', '2026-11-23'], 'Lauren Fitzgerald: not recorded: the meeting is on 2026-11-25, after 2026-11-23: it cannot be held yet; if it moved, reschedule it (add --force to record it anyway)');
    expectRefused(folder, ['letter', 'thank-you', 'lauren-fitzgerald', '--sent', '--today', '2026-11-10', '--set', 'learned=how studies are run'], 'Lauren Fitzgerald: not recorded: 2026-11-10 is before the last entry in the history (scheduled on 2026-11-16); the history is kept in date order (add --force to record it anyway)');
    expectRefused(folder, ['letter', 'thank-you', 'lauren-fitzgerald', '--sent', '--today', '2026-11-23', '--set', 'learned=how studies are run'], 'Lauren Fitzgerald: not recorded: the meeting is on 2026-11-25, after 2026-11-23: it cannot be thanked yet; if it moved, reschedule it (add --force to record it anyway)');
    const forced = rapport(['letter', 'thank-you', 'lauren-fitzgerald', '--sent', '--force', '--today', '2026-11-23', '--set', 'learned=how studies are run', '--dir', folder]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('Recorded: Lauren Fitzgerald scheduled → thanked (2026-11-23, via email, letter thank-you)');
  });
});

describe('recording a stage again', () => {
  it('refuses the stage the contact is already in (a command run twice), unless --force; keeping in touch and moving a meeting repeat', () => {
    const folder = exampleCopy();
    expectRefused(folder, ['advance', 'victor-nguyen', 'followed-up', '--today', '2026-11-26'], 'Victor Nguyen: not recorded: already followed-up since 2026-11-09, and recording it again adds a second followed-up entry to the history (add --force to record it anyway)');
    expectRefused(folder, ['advance', 'ben-osei', 'prepared', '--today', '2026-11-24'], 'Ben Osei: not recorded: already prepared since 2026-11-22, and recording it again adds a second prepared entry to the history; to move the meeting, give the new time with --at (add --force to record it anyway)');
    expect(rapport(['advance', 'maya-chen', 'nurturing', '--via', 'email', '--today', '2026-11-26', '--dir', folder])).toMatchObject({ code: 0, stdout: expect.stringContaining('Maya Chen: nurturing again (2026-11-26)') });
    expect(rapport(['advance', 'ben-osei', 'prepared', '--at', '2026-11-26T08:00', '--today', '2026-11-24', '--dir', folder])).toMatchObject({ code: 0, stdout: expect.stringContaining('Ben Osei: prepared again (2026-11-24)') });
    const forced = rapport(['advance', 'victor-nguyen', 'followed-up', '--today', '2026-11-26', '--force', '--dir', folder]);
    expect(forced).toEqual({ code: 0, stdout: 'Victor Nguyen: followed-up again (2026-11-26)  victor-nguyen.md\n', stderr: '' });
  });
});

describe('recording what has happened', () => {
  it('refuses a day after today, most likely a typo of the year, for a step, a touch and a letter sent, unless --force', () => {
    const folder = exampleCopy();
    expectRefused(folder, ['advance', 'hannah-schultz', 'declined', '--date', '2027-03-01', '--today', '2026-11-26'], 'Hannah Schultz: not recorded: 2027-03-01 is after today (2026-11-26); the history records what has happened (add --force to record it anyway)');
    expectRefused(folder, ['log', 'sam-whitaker', '--note', 'sent the article', '--date', '2026-12-05', '--today', '2026-11-26'], 'Sam Whitaker: not recorded: 2026-12-05 is after today (2026-11-26); the history records what has happened (add --force to record it anyway)');
    expectRefused(folder, ['letter', 'cold-email', 'elena-vasquez', '--sent', '--date', '2026-12-30', '--today', '2026-11-26'], 'Elena Vasquez: not recorded: 2026-12-30 is after today (2026-11-26); the history records what has happened (add --force to record it anyway)');
    // Follow up once: no second follow-up, and none after giving up.
    expectRefused(folder, ['letter', 'follow-up', 'victor-nguyen', '--sent', '--today', '2026-11-26'], 'no follow-up letter to Victor Nguyen: Victor Nguyen has had a follow-up already (stage `followed-up`), and one is the polite limit: a second reads as pressure');
    expectRefused(folder, ['letter', 'follow-up', 'greg-malone', '--today', '2026-11-26'], 'no follow-up letter to Greg Malone: Greg Malone is marked as not replying (stage `no-response`): after giving up, a follow-up reads as pressure');
    // A letter never moves someone back: no follow-up once they answered, no first letter once you have talked.
    expectRefused(folder, ['letter', 'follow-up', 'priya-raman', '--sent', '--today', '2026-11-26'], 'no follow-up letter to Priya Raman: Priya Raman has talked with you already (stage `thanked`): a follow-up asks for a reply you have had; write keep-in-touch');
    expectRefused(folder, ['letter', 'follow-up', 'lauren-fitzgerald', '--today', '2026-11-26'], 'no follow-up letter to Lauren Fitzgerald: Lauren Fitzgerald has answered already (stage `scheduled`): a follow-up asks for a reply you have had');
    expectRefused(folder, ['letter', 'cold-email', 'marcus-bell', '--sent', '--today', '2026-11-26'], 'no cold-email letter to Marcus Bell: Marcus Bell has talked with you already (stage `held`): a first letter would record them as contacted again; write thank-you');
    expectRefused(folder, ['letter', 'thank-you', 'owen-park', '--today', '2026-11-26'], 'no thank-you letter to Owen Park: Owen Park has not talked with you yet (stage `contacted`, and no meeting held in the history): a thank-you letter follows a conversation');
    const forced = rapport(['log', 'sam-whitaker', '--note', 'sent the article', '--date', '2026-12-05', '--today', '2026-11-26', '--force', '--dir', folder]);
    expect(forced).toEqual({ code: 0, stdout: 'Sam Whitaker: logged (2026-12-05, still scheduled)  sam-whitaker.md\n', stderr: '' });
  });
});

describe('a stage typed wrong, a history date that is not one', () => {
  it('are said by the listings, and refused by a change until corrected (or forced)', () => {
    const folder = exampleCopy();
    const note = join(folder, 'owen-park.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('stage: contacted\nrole', 'stage: intervewed\nrole'));
    const list = rapport(['list', '--today', '2026-11-26', '--dir', folder]);
    expect(list.stderr).toBe('rapport: warning: owen-park.md:4: Unknown stage "intervewed": Owen Park is not read as written until it is corrected (rapport check lists every problem)\n');
    expectRefused(folder, ['advance', 'owen-park', 'scheduled', '--at', '2026-12-01T10:00', '--today', '2026-11-26'], 'owen-park.md:4: Unknown stage "intervewed": Owen Park is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)');
    expectRefused(folder, ['letter', 'follow-up', 'owen-park', '--sent', '--today', '2026-11-26'], 'owen-park.md:4: Unknown stage "intervewed": Owen Park is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)');
    // next and dismiss write into the note too, and what they decide follows the stage.
    expectRefused(folder, ['next', 'owen-park', 'Send him the article', '--today', '2026-11-26'], 'owen-park.md:4: Unknown stage "intervewed": Owen Park is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)');
    expectRefused(folder, ['next', 'owen-park', '--done'], 'owen-park.md:4: Unknown stage "intervewed": Owen Park is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)');
    expectRefused(folder, ['dismiss', 'owen-park'], 'owen-park.md:4: Unknown stage "intervewed": Owen Park is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)');
    expect(rapport(['next', 'owen-park', '--today', '2026-11-26', '--dir', folder]).code).toBe(0);
    const forced = rapport(['dismiss', 'owen-park', '--force', '--dir', folder]);
    expect(forced.code).toBe(0);
    expect(readFileSync(note, 'utf8')).toContain('dismissed:\n  - second-contact\n---\n');

    const hannah = join(folder, 'hannah-schultz.md');
    writeFileSync(hannah, readFileSync(hannah, 'utf8').replace('  - date: 2026-11-05\n', '  - date: 2026-11-31\n'));
    expect(rapport(['agenda', '--today', '2026-11-26', '--dir', folder]).stderr).toContain('rapport: warning: hannah-schultz.md:19: Not a valid date: "2026-11-31": Hannah Schultz is not read as written until it is corrected (rapport check lists every problem)\n');
    expectRefused(folder, ['log', 'hannah-schultz', '--note', 'called the front desk', '--today', '2026-11-26'], 'hannah-schultz.md:19: Not a valid date: "2026-11-31": Hannah Schultz is not read as written, so nothing is recorded until it is corrected (rapport check lists every problem; --force records it anyway)');
  });
});

describe('a name left empty', () => {
  it('is said by the listings: the contact shows under its file id until the name is written', () => {
    const folder = exampleCopy();
    const note = join(folder, 'owen-park.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('name: Owen Park\n', "name: ''\n"));
    const list = rapport(['list', '--today', '2026-11-26', '--dir', folder]);
    expect(list.stderr).toBe('rapport: warning: owen-park.md:3: A contact needs a `name`: owen-park is not read as written until it is corrected (rapport check lists every problem)\n');
    expect(list.stdout).toContain('\nowen-park          contacted');
  });
});

describe('picking a conversation up again after a no', () => {
  it('keeps in touch without a letter that recalls a conversation that never took place', () => {
    const folder = exampleCopy();
    // As the agenda advises for a closed contact: nurturing, to write again later.
    expect(rapport(['advance', 'claire-dubois', 'nurturing', '--today', '2026-11-26', '--dir', folder]).code).toBe(0);
    const agenda = rapport(['agenda', '--today', '2027-02-01', '--dir', folder]);
    expect(agenda.stdout).toContain('  2027-01-25  Keep in touch with Claire Dubois\n');
    expect(agenda.stdout).not.toContain('rapport letter keep-in-touch claire-dubois');
    expectRefused(folder, ['letter', 'keep-in-touch', 'claire-dubois', '--today', '2027-02-01'], 'no keep-in-touch letter to Claire Dubois: Claire Dubois has not talked with you yet (stage `nurturing`, and no meeting held in the history): a keep-in-touch letter follows a conversation');
    expect(rapport(['letter', '--list', 'claire-dubois', '--dir', folder]).stdout).not.toMatch(/keep-in-touch|thank-you|follow-up|cold-email/);
  });
});

describe('--today', () => {
  it('dates a stage change, a new note and a logged touch by --today when --date is not given', () => {
    const folder = exampleCopy();
    expect(rapport(['advance', 'owen-park', 'followed-up', '--via', 'email', '--today', '2026-12-01', '--dir', folder]).stdout).toBe('Owen Park: contacted → followed-up (2026-12-01)  owen-park.md\n');
    expect(readFileSync(join(folder, 'owen-park.md'), 'utf8')).toContain('  - date: 2026-12-01\n    stage: followed-up\n    via: email\n---\n');
    expect(rapport(['new', 'Rosa Díaz', '--today', '2026-12-01', '--dir', folder]).stdout).toBe('contacts/rosa-diaz.md\n');
    expect(readFileSync(join(folder, 'contacts/rosa-diaz.md'), 'utf8')).toContain('history:\n  - date: 2026-12-01\n    stage: identified\n');
    // --date still names the day it happened.
    expect(rapport(['new', 'Lee Park', '--date', '2026-11-28', '--today', '2026-12-01', '--dir', folder]).stdout).toBe('contacts/lee-park.md\n');
    expect(readFileSync(join(folder, 'contacts/lee-park.md'), 'utf8')).toContain('history:\n  - date: 2026-11-28\n    stage: identified\n');
  });

  it('dates the example contact of init by --today', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'rapport-init-today-')), 'notes');
    expect(rapport(['init', folder, '--today', '2026-11-02']).code).toBe(0);
    expect(readFileSync(join(folder, 'contacts/example-contact.md'), 'utf8')).toContain('history:\n  - date: 2026-11-02\n    stage: identified\n');
  });

  it('gives the report as of --today, leaving later entries out', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-report-today-'));
    mkdirSync(join(folder, '.rapport'));
    writeFileSync(join(folder, '.rapport/config.yaml'), 'timezone: America/New_York\n');
    const note = (name: string, history: string) => `---\ntype: contact\nname: ${name}\nstage: held\nhistory:\n${history}---\n`;
    writeFileSync(join(folder, 'ann.md'), note('Ann', '  - date: 2026-11-02\n    stage: contacted\n  - date: 2026-11-09\n    stage: scheduled\n  - date: 2026-11-16\n    stage: held\n'));
    const asOf = (today: string) => JSON.parse(rapport(['report', '--json', '--today', today, '--dir', folder]).stdout) as { weeks: { week: string; outreachSent: number; replied: number; meetingsHeld: number }[] };
    expect(asOf('2026-11-05').weeks.map(({ week, outreachSent, replied, meetingsHeld }) => [week, outreachSent, replied, meetingsHeld])).toEqual([['2026-W45', 1, 0, 0]]);
    expect(asOf('2026-11-16').weeks.map(({ week, outreachSent, replied, meetingsHeld }) => [week, outreachSent, replied, meetingsHeld])).toEqual([
      ['2026-W45', 1, 1, 0],
      ['2026-W46', 0, 0, 0],
      ['2026-W47', 0, 0, 1],
    ]);
  });

  it.each([
    [['advance', 'owen-park', 'declined', '--today', '2026-13-01'], 'invalid --today "2026-13-01": there is no month 13 (use YYYY-MM-DD)'],
    [['new', 'Lee Park', '--today', 'tomorrow'], 'invalid --today "tomorrow" (use YYYY-MM-DD)'],
    [['report', '--today', '2026-02-30'], 'invalid --today "2026-02-30": 2026-02 has 28 days'],
    [['init', '--today', '2026-02-30'], 'invalid --today "2026-02-30": 2026-02 has 28 days'],
    [['log', 'maya-chen', '--note', 'hi', '--today', '01/12/2026'], 'invalid --today "01/12/2026" (use YYYY-MM-DD)'],
    [['advance', 'owen-park', 'declined', '--date', '2026/11/9', '--today', '2026-11-23'], 'invalid --date "2026/11/9" (use YYYY-MM-DD: --date 2026-11-09)'],
  ])('refuses %j with exit 2', (args, message) => {
    expectRefused(exampleCopy(), args, message);
  });
});

describe('log', () => {
  it('records a touch without changing the stage, and the next keep-in-touch counts from it', () => {
    const folder = exampleCopy();
    const file = join(folder, 'maya-chen.md');
    const before = readFileSync(file, 'utf8');
    expect(agendaOf(folder, '2026-11-23', 'maya-chen')).toEqual([['Keep in touch with Maya Chen', '2026-11-25']]);
    const result = rapport(['log', 'maya-chen', '--note', 'Met at the UXPA Pittsburgh meetup', '--via', 'in-person', '--today', '2026-11-23', '--dir', folder]);
    expect(result).toEqual({ code: 0, stdout: 'Maya Chen: logged (2026-11-23, still nurturing)  maya-chen.md\n', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(
      before.replace('    note: Shared the NN/g article on diary studies she mentioned\nmeeting:\n', '    note: Shared the NN/g article on diary studies she mentioned\n  - date: 2026-11-23\n    stage: nurturing\n    touch: true\n    via: in-person\n    note: Met at the UXPA Pittsburgh meetup\nmeeting:\n'),
    );
    expect(agendaOf(folder, '2026-11-23', 'maya-chen')).toEqual([['Keep in touch with Maya Chen', '2026-12-23']]);
  });

  it('--replied logs their reply: no follow-up nor second person any more, a time to agree instead, and the follow-up letter refused', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const before = readFileSync(file, 'utf8');
    const result = rapport(['log', 'owen-park', '--replied', '--note', 'Happy to talk, will send times next week', '--via', 'linkedin', '--today', '2026-11-26', '--dir', folder]);
    // One working day from Thursday 2026-11-26: Friday 2026-11-27.
    expect(result).toEqual({
      code: 0,
      stdout: 'Owen Park: reply logged (2026-11-26, still contacted)  owen-park.md\nOwen Park: next: Owen Park replied on 2026-11-26: agree a time to talk (due 2026-11-27)\n',
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(
      before.replace(
        '    note: Mentioned my Philadelphia dates in December\n---',
        '    note: Mentioned my Philadelphia dates in December\n  - date: 2026-11-26\n    stage: contacted\n    touch: true\n    replied: true\n    via: linkedin\n    note: Happy to talk, will send times next week\n---',
      ),
    );
    expect(agendaOf(folder, '2026-11-26', 'owen-park')).toEqual([['Owen Park replied on 2026-11-26: agree a time to talk', '2026-11-27']]);
    expect(rapport(['agenda', '--today', '2026-11-26', '--dir', folder]).stdout).toContain('2026-11-27  Owen Park replied on 2026-11-26: agree a time to talk  → rapport advance owen-park scheduled --at YYYY-MM-DDTHH:mm\n');
    expectRefused(folder, ['letter', 'follow-up', 'owen-park', '--today', '2026-11-27'], 'no follow-up letter to Owen Park: Owen Park replied on 2026-11-26 (logged in the history): a follow-up asks for a reply you have had; agree a time, or write your own answer');
    // The reply alone, with nothing else said, is enough to log.
    expect(rapport(['log', 'victor-nguyen', '--replied', '--today', '2026-11-26', '--dir', folder])).toMatchObject({ code: 0, stdout: expect.stringContaining('Victor Nguyen: reply logged (2026-11-26, still followed-up)') });
  });

  it.each([
    [['log', 'maya-chen'], 'say what happened with --note (and how with --via), or that they replied with --replied'],
    [['log', 'maya-chen', '--note', 'hi', '--via', 'pigeon'], 'unknown channel "pigeon" (use one of: email, linkedin, letter, phone, in-person, other)'],
    [['log', 'maya-chen', '--note', 'called', '--date', '2026-10-01'], 'Maya Chen: not recorded: 2026-10-01 is before the last entry in the history (nurturing on 2026-10-26); the history is kept in date order (add --force to record it anyway)'],
  ])('refuses %j with exit 2', (args, message) => {
    expectRefused(exampleCopy(), args, message);
  });
});

describe('dismiss', () => {
  it('stops the second-person suggestion for a contact, in the note', () => {
    const folder = exampleCopy();
    expect(agendaOf(folder, '2026-11-23', 'owen-park')).toEqual([
      ['No reply from Owen Park yet: try a second person at Lumen Diagnostics', '2026-11-25'],
      ['Follow up with Owen Park if there is no reply', '2026-12-01'],
    ]);
    const before = readFileSync(join(folder, 'owen-park.md'), 'utf8');
    expect(rapport(['dismiss', 'owen-park', '--today', '2026-11-23', '--dir', folder])).toEqual({ code: 0, stdout: 'Owen Park: "No reply from Owen Park yet: try a second person at Lumen Diagnostics" dismissed  owen-park.md\n', stderr: '' });
    expect(readFileSync(join(folder, 'owen-park.md'), 'utf8')).toBe(before.replace('    note: Mentioned my Philadelphia dates in December\n---\n', '    note: Mentioned my Philadelphia dates in December\ndismissed:\n  - second-contact\n---\n'));
    expect(agendaOf(folder, '2026-11-23', 'owen-park')).toEqual([['Follow up with Owen Park if there is no reply', '2026-12-01']]);
    // Run again: said, and the note left as it is.
    const dismissed = readFileSync(join(folder, 'owen-park.md'), 'utf8');
    expect(rapport(['dismiss', 'owen-park', '--dir', folder])).toEqual({ code: 0, stdout: 'Owen Park: second-contact was dismissed already; nothing changed  owen-park.md\n', stderr: '' });
    expect(readFileSync(join(folder, 'owen-park.md'), 'utf8')).toBe(dismissed);
  });

  it('says so when the suggestion is not made now, and dismisses it for later', () => {
    const folder = exampleCopy();
    expect(rapport(['dismiss', 'maya-chen', '--today', '2026-11-23', '--dir', folder])).toEqual({ code: 0, stdout: 'Maya Chen: "Try a second person" dismissed: not suggested for them today, and now never  maya-chen.md\n', stderr: '' });
    expect(readFileSync(join(folder, 'maya-chen.md'), 'utf8')).toMatch(/^dismissed:\n {2}- second-contact\n---\n/m);
  });

  it('refuses an action that cannot be dismissed', () => {
    expectRefused(exampleCopy(), ['dismiss', 'owen-park', 'follow-up'], '"follow-up" cannot be dismissed (only: second-contact)');
  });
});

describe('snooze', () => {
  // Owen Park wrote to on Saturday 2026-11-21: the second person was due 3 business days later (2026-11-25), the follow-up 7 (2026-12-01).
  const follow = 'Follow up with Owen Park if there is no reply';
  const second = 'No reply from Owen Park yet: try a second person at Lumen Diagnostics';
  const lastHistoryLine = '    note: Mentioned my Philadelphia dates in December\n---\n';

  it('puts his overdue actions off to the day given, in the note and on the agenda, until a letter is sent', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const before = readFileSync(file, 'utf8');
    expect(agendaOf(folder, '2026-12-07', 'owen-park')).toEqual([[second, '2026-11-25'], [follow, '2026-12-01']]);

    expect(rapport(['snooze', 'owen-park', '2026-12-09', '--today', '2026-12-07', '--dir', folder])).toEqual({
      code: 0,
      stdout: `Owen Park: snoozed until 2026-12-09  owen-park.md\n  2026-12-09  ${follow} (snoozed from 2026-12-01)\n  2026-12-09  ${second} (snoozed from 2026-11-25)\n  until a step or a touch is recorded, or rapport snooze owen-park --off\n`,
      stderr: '',
    });
    const snoozed = before.replace(lastHistoryLine, '    note: Mentioned my Philadelphia dates in December\nsnoozed_until: 2026-12-09\n---\n');
    expect(snoozed).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toBe(snoozed);
    expect(agendaOf(folder, '2026-12-07', 'owen-park')).toEqual([[follow, '2026-12-09'], [second, '2026-12-09']]);
    const json = JSON.parse(rapport(['agenda', '--json', '--today', '2026-12-07', '--dir', folder]).stdout) as { id: string }[];
    expect(json.filter((item) => item.id === 'owen-park')).toEqual([
      { id: 'owen-park', name: 'Owen Park', action: follow, due: '2026-12-09', overdue: false, snoozedFrom: '2026-12-01' },
      { id: 'owen-park', name: 'Owen Park', action: second, due: '2026-12-09', overdue: false, snoozedFrom: '2026-11-25' },
    ]);
    const text = rapport(['agenda', '--today', '2026-12-07', '--dir', folder]).stdout;
    expect(text).toContain(`Next 7 days (3)\n  2026-12-09  ${follow} (snoozed from 2026-12-01)  → rapport letter follow-up owen-park\n  2026-12-09  ${second} (snoozed from 2026-11-25)  → rapport new "Full Name" --org "Lumen Diagnostics" (or: rapport dismiss owen-park)\n`);
    expect(text).toContain('Overdue (13)\n');
    expect(rapport(['list', '--stage', 'contacted', '--today', '2026-12-07', '--dir', folder]).stdout).toContain(`Owen Park       contacted  ${follow} (due 2026-12-09, snoozed from 2026-12-01) · Lumen Diagnostics\n`);

    // The follow-up sent: the snooze goes in the same write, and nothing else changes but the step.
    const sent = rapport(['letter', 'follow-up', 'owen-park', '--sent', '--today', '2026-12-07', '--dir', folder]);
    expect(sent.code).toBe(0);
    expect(sent.stderr).toBe('Recorded: Owen Park contacted → followed-up (2026-12-07, via email, letter follow-up)  owen-park.md\n  snooze until 2026-12-09 ended: its actions are due when the rules say again\n');
    expect(readFileSync(file, 'utf8')).toBe(
      before.replace('stage: contacted\n', 'stage: followed-up\n').replace(lastHistoryLine, '    note: Mentioned my Philadelphia dates in December\n  - date: 2026-12-07\n    stage: followed-up\n    via: email\n    letter: follow-up\n---\n'),
    );
    // Giving up is due 7 business days after the follow-up.
    expect(agendaOf(folder, '2026-12-07', 'owen-park')).toEqual([['No reply from Owen Park since the follow-up: mark as no-response', '2026-12-16']]);
  });

  it('reads a weekday, and --off ends the snooze', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const before = readFileSync(file, 'utf8');
    // 2026-12-07 is a Monday: "monday" is the next one.
    expect(rapport(['snooze', 'owen-park', 'monday', '--today', '2026-12-07', '--dir', folder]).stdout).toMatch(/^Owen Park: snoozed until 2026-12-14 {2}owen-park\.md\n/);
    expect(rapport(['snooze', 'owen-park', '--off', '--today', '2026-12-07', '--dir', folder])).toEqual({ code: 0, stdout: `Owen Park: snooze ended (was until 2026-12-14)  owen-park.md\nOwen Park: next: ${follow} (due 2026-12-01)\n`, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(rapport(['snooze', 'owen-park', '--off', '--dir', folder])).toEqual({ code: 0, stdout: 'Owen Park: not snoozed; nothing changed  owen-park.md\n', stderr: '' });
  });

  it('ends when a touch is logged', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const before = readFileSync(file, 'utf8');
    rapport(['snooze', 'owen-park', '+7d', '--today', '2026-12-07', '--dir', folder]);
    expect(readFileSync(file, 'utf8')).toContain('snoozed_until: 2026-12-14\n');
    expect(rapport(['log', 'owen-park', '--replied', '--note', 'Back from leave on the 14th', '--today', '2026-12-07', '--dir', folder]).stdout).toBe(
      'Owen Park: reply logged (2026-12-07, still contacted)  owen-park.md\n  snooze until 2026-12-14 ended: its actions are due when the rules say again\nOwen Park: next: Owen Park replied on 2026-12-07: agree a time to talk (due 2026-12-08)\n',
    );
    expect(readFileSync(file, 'utf8')).toBe(before.replace(lastHistoryLine, '    note: Mentioned my Philadelphia dates in December\n  - date: 2026-12-07\n    stage: contacted\n    touch: true\n    replied: true\n    note: Back from leave on the 14th\n---\n'));
  });

  it('ends when a next action is written with its own day, and is not said to end once its day has come', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    rapport(['snooze', 'owen-park', '2026-12-20', '--today', '2026-12-05', '--dir', folder]);
    // The day chosen is the day it is due: not put off to the 20th.
    expect(rapport(['next', 'owen-park', 'Call Owen about the role', '--due', '2026-12-10', '--today', '2026-12-05', '--dir', folder]).stdout).toBe(
      'Owen Park: next: Call Owen about the role (due 2026-12-10)  owen-park.md\n  snooze until 2026-12-20 ended: its actions are due when the rules say again\n',
    );
    expect(readFileSync(file, 'utf8')).not.toContain('snoozed_until');
    expect(agendaOf(folder, '2026-12-05', 'owen-park')).toEqual([['Call Owen about the role', '2026-12-10']]);

    // A snooze whose day has passed put nothing off: logging a touch takes the line out without a word about it.
    rapport(['next', 'owen-park', '--done', '--dir', folder]);
    writeFileSync(file, readFileSync(file, 'utf8').replace(lastHistoryLine, '    note: Mentioned my Philadelphia dates in December\nsnoozed_until: 2026-11-01\n---\n'));
    const logged = rapport(['log', 'owen-park', '--note', 'Saw him at the meetup', '--today', '2026-12-05', '--dir', folder]);
    expect(logged.stdout).not.toContain('snooze');
    expect(readFileSync(file, 'utf8')).not.toContain('snoozed_until');
  });

  it.each([
    [['snooze', 'owen-park', 'someday'], '"someday" is not a day to snooze until: use YYYY-MM-DD, tomorrow, +7d, +2w or a weekday such as monday'],
    [['snooze', 'owen-park', '2026-02-30'], 'invalid day "2026-02-30": 2026-02 has 28 days'],
    [['snooze', 'owen-park', '2026-12-07', '--today', '2026-12-07'], '2026-12-07 is not after today (2026-12-07): a snooze puts actions off to a later day'],
    [['snooze', 'owen-park'], 'say until when: rapport snooze <contact> <YYYY-MM-DD | tomorrow | +7d | monday>, or --off'],
    [['snooze', 'owen-park', 'monday', '--off'], '--off ends the snooze: give no day with it'],
  ])('refuses %j with exit 2', (args, message) => {
    expectRefused(exampleCopy(), args, message);
  });
});

describe('docs/cli.md', () => {
  // Lines are wrapped anywhere: compare with single spaces.
  const readme = readFileSync(new URL('../../../docs/cli.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');

  it('names the file a second contact of the same name gets, as new creates it', () => {
    const folder = exampleCopy();
    expect(rapport(['new', 'Maya Chen', '--org', 'UPMC', '--dir', folder]).stdout).toBe('contacts/maya-chen-upmc.md\n');
    expect(rapport(['new', 'Maya Chen', '--dir', folder]).stdout).toBe('contacts/maya-chen-2.md\n');
    expect(readme).toContain('a second "Maya Chen" at UPMC becomes `maya-chen-upmc.md`');
    expect(readme).toContain('`maya-chen-2.md`');
  });
});

describe('next: a next action written by hand', () => {
  it('is written into the note, leads the agenda with the name beside it, is recalled after a touch, and comes out once done', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const before = readFileSync(file, 'utf8');

    expect(rapport(['next', 'owen-park', 'Send him the diary-study article', '--due', '2026-11-25', '--today', '2026-11-23', '--dir', folder])).toEqual({ code: 0, stdout: 'Owen Park: next: Send him the diary-study article (due 2026-11-25)  owen-park.md\n', stderr: '' });
    // The three lines go just before the closing `---`; nothing else moves.
    expect(readFileSync(file, 'utf8')).toBe(before.replace('\n---\n\n# Owen Park', '\nnext:\n  action: Send him the diary-study article\n  due: 2026-11-25\n---\n\n# Owen Park'));
    // --due alone moves it, the action as written.
    expect(rapport(['next', 'owen-park', '--due', '2026-11-26', '--today', '2026-11-23', '--dir', folder]).stdout).toBe('Owen Park: next: Send him the diary-study article (due 2026-11-26)  owen-park.md\n  replaces: Send him the diary-study article (due 2026-11-25)\n');
    // A day already gone is said, not refused.
    expect(rapport(['next', 'owen-park', '--due', '2026-11-20', '--today', '2026-11-23', '--dir', folder]).stdout).toBe(
      'Owen Park: next: Send him the diary-study article (due 2026-11-20)  owen-park.md\n  replaces: Send him the diary-study article (due 2026-11-26)\n  due before today (2026-11-23): it shows as overdue on the agenda\n',
    );
    expect(rapport(['next', 'owen-park', '--due', '2026-11-25', '--dir', folder]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before.replace('\n---\n\n# Owen Park', '\nnext:\n  action: Send him the diary-study article\n  due: 2026-11-25\n---\n\n# Owen Park'));
    expect(rapport(['next', 'owen-park', '--today', '2026-11-24', '--dir', folder]).stdout).toBe('Owen Park: next: Send him the diary-study article (due 2026-11-25, written in the note)\n');
    expect(agendaOf(folder, '2026-11-25', 'owen-park')).toEqual([['Send him the diary-study article', '2026-11-25']]);
    expect(rapport(['agenda', '--today', '2026-11-25', '--dir', folder]).stdout).toContain('\n  2026-11-25  Send him the diary-study article · Owen Park  → rapport next owen-park --done\n');

    expect(rapport(['log', 'owen-park', '--note', 'sent the article', '--via', 'email', '--today', '2026-11-25', '--dir', folder]).stdout).toBe(
      'Owen Park: logged (2026-11-25, still contacted)  owen-park.md\n  still next, written in the note: Send him the diary-study article (rapport next owen-park --done once it is done)\n',
    );
    const logged = readFileSync(file, 'utf8');
    expect(rapport(['next', 'owen-park', '--done', '--today', '2026-11-25', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Owen Park: done: Send him the diary-study article  owen-park.md\nOwen Park: next: Follow up with Owen Park if there is no reply (due 2026-12-01)\n',
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(logged.replace('next:\n  action: Send him the diary-study article\n  due: 2026-11-25\n', ''));
  });

  it('keeps a meeting booked later on the agenda beside it, and says what a new next action replaces', () => {
    const folder = exampleCopy();
    expect(rapport(['next', 'owen-park', 'Send him the kit article', '--dir', folder]).code).toBe(0);
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-12-15T08:30', '--format', 'in-person', '--today', '2026-12-01', '--dir', folder]).code).toBe(0);
    expect(agendaOf(folder, '2026-12-14', 'owen-park')).toEqual([
      // Two days before Tuesday the 15th is Sunday: the Friday before.
      ['Prepare for Owen Park: research and questions', '2026-12-11'],
      ['Meet Owen Park at 08:30 (in-person, 30 min)', '2026-12-15'],
      ['Send him the kit article', null],
    ]);
    expect(agendaOf(folder, '2026-12-16', 'owen-park')).toEqual([
      ['Record the meeting with Owen Park as held and write your notes', '2026-12-15'],
      ['Send him the kit article', null],
    ]);
    expect(rapport(['next', 'owen-park', 'Bring the printed kit', '--due', '2026-12-15', '--today', '2026-11-23', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Owen Park: next: Bring the printed kit (due 2026-12-15)  owen-park.md\n  replaces: Send him the kit article\n',
      stderr: '',
    });
  });

  it('refuses a next action for a closed contact, where nothing would ever show it', () => {
    const folder = exampleCopy();
    expectRefused(folder, ['next', 'claire-dubois', 'Check her new job', '--due', '2027-01-05'], 'Claire Dubois is declined, and a closed contact has no next action: to pick the conversation up again, first run rapport advance claire-dubois nurturing');
  });

  it('refuses --done without a next: in the note, --due without one to move, and both at once', () => {
    const folder = exampleCopy();
    expectRefused(folder, ['next', 'owen-park', '--done'], 'Owen Park has no hand-written next action (no `next:` in owen-park.md)');
    expectRefused(folder, ['next', 'owen-park', '--due', '2026-11-30'], 'Owen Park has no hand-written next action to move (no `next:` in owen-park.md): say what it is, rapport next owen-park "…" --due 2026-11-30; or put off what the agenda suggests, rapport snooze owen-park 2026-11-30');
    expectRefused(folder, ['next', 'owen-park', 'Call', '--done'], '--done takes the next action out: give no action or --due with it');
    expectRefused(folder, ['next', 'owen-park', 'Call', '--due', '2026-11-31'], 'invalid --due "2026-11-31": 2026-11 has 30 days');
    expectRefused(folder, ['next', 'owen-park', '  '], 'say what the next action is');
  });
});
