import { describe, expect, it } from 'vitest';
import type { Contact } from '../model/contact.js';
import { readNote } from '../note/read-contact.js';
import { letterData } from './letter-data.js';

/** The facts a letter is filled with, as a reader of the letter sees them, and where a missing one is filled. */

function contact(frontmatter: string[], body = '', file = 'maya-chen.md'): { contact: Contact; noteText: string } {
  const noteText = ['---', 'type: contact', ...frontmatter, '---', body].join('\n');
  const reading = readNote(file, noteText);
  if (!reading.contact) throw new Error('test note is not a contact');
  return { contact: reading.contact, noteText };
}

const maya = (frontmatter: string[] = [], body = '') => contact(['name: Maya Chen', 'stage: scheduled', ...frontmatter], body);

function data(note: { contact: Contact; noteText: string }, extra: { referrer?: Contact; values?: Record<string, string>; profile?: Record<string, string> } = {}) {
  return letterData({ ...note, profile: extra.profile ?? {}, today: '2026-11-23', ...(extra.referrer ? { referrer: extra.referrer } : {}), ...(extra.values ? { values: extra.values } : {}) });
}

describe('meeting times in a letter', () => {
  it('are said on a 12-hour clock, midnight and noon as 12', () => {
    const time = (at: string) => (data(maya(['meeting:', `  at: ${at}`])).data.meeting as Record<string, unknown>).time;
    expect(time('2026-11-25T00:15')).toBe('12:15 AM');
    expect(time('2026-11-25T09:30')).toBe('9:30 AM');
    expect(time('2026-11-25T11:59')).toBe('11:59 AM');
    expect(time('2026-11-25T12:00')).toBe('12:00 PM');
    expect(time('2026-11-25T23:45-08:00')).toBe('11:45 PM');
  });

  it('give the day, the month and the place, with the year only when it is not this year', () => {
    expect(data(maya(['meeting:', '  at: 2026-11-25T09:30', '  format: in-person', '  place: Blue Bottle'])).data.meeting).toStrictEqual({
      date: '2026-11-25',
      day: 'Wednesday, November 25',
      when: 'on Wednesday, November 25',
      month: 'November',
      past: 'earlier this month',
      time: '9:30 AM',
      format: 'in-person',
      place: 'Blue Bottle',
    });
    expect(data(maya(['meeting:', '  at: 2027-01-06T09:30'])).data.meeting).toStrictEqual({
      date: '2027-01-06',
      day: 'Wednesday, January 6, 2027',
      when: 'on Wednesday, January 6, 2027',
      month: 'January 2027',
      past: 'in January 2027',
      time: '9:30 AM',
      format: 'video',
    });
    // Today is Monday, November 23 (New York time).
    expect(data(maya(['meeting:', '  at: 2026-11-23T09:30'])).data.meeting.when).toBe('today');
    expect(data(maya(['meeting:', '  at: 2026-11-22T18:00'])).data.meeting.when).toBe('yesterday');
    expect(data(maya(['meeting:', '  at: 2026-11-21T18:00'])).data.meeting.when).toBe('on Saturday, November 21');
  });

  it('look back on a meeting as this month, last month (across a new year too), or its month', () => {
    const past = (at: string, today: string) => (letterData({ ...maya(['meeting:', `  at: ${at}`]), profile: {}, today }).data.meeting as Record<string, unknown>).past;
    expect(past('2026-12-02T09:30', '2026-12-24')).toBe('earlier this month');
    expect(past('2026-12-17T10:00', '2027-01-14')).toBe('last month');
    expect(past('2026-10-20T10:00', '2026-11-23')).toBe('last month');
    expect(past('2026-09-20T10:00', '2026-11-23')).toBe('in September');
    expect(past('2025-11-20T10:00', '2026-11-23')).toBe('in November 2025');
  });

  it('names the day as the meeting was booked, in its offset, as the time is: an evening there is that evening, whatever the folder zone', () => {
    // Thursday 23:30 at -08:00 is already Friday 02:30 in New York; the letter goes to someone for whom it was Thursday.
    const evening = data(maya(['meeting:', '  at: "2026-11-19T23:30-08:00"'])).data.meeting as Record<string, unknown>;
    expect([evening.date, evening.day, evening.time]).toEqual(['2026-11-19', 'Thursday, November 19', '11:30 PM']);
    // Sunday 22:30 in Honolulu, Monday 03:30 in New York: on Monday, "yesterday" to them.
    expect((data(maya(['meeting:', '  at: "2026-11-22T22:30-10:00"'])).data.meeting as Record<string, unknown>).when).toBe('yesterday');
  });
});

describe('the facts of a letter', () => {
  it('trims what the note says, and leaves out what is empty', () => {
    const note = maya(['role: "  UX Researcher  "', 'organization: "   "', 'visiting: "  the week of December 7 "']);
    const { data: filled } = data(note, { profile: { name: '  Sam Ortiz ', email: 'sam@example.com', phone: ' ', field: '' } });
    expect(filled.role).toBe('UX Researcher');
    expect('organization' in filled).toBe(false);
    expect(filled.visiting).toBe('the week of December 7');
    expect(filled.profile).toStrictEqual({ name: 'Sam Ortiz', email: 'sam@example.com', firstName: 'Sam' });
    expect(filled.signature).toBe('Sam Ortiz\nsam@example.com');
    expect(filled.position).toBe('UX Researcher');
  });

  it('signs with the name alone on LinkedIn, which shows who wrote; with email and phone elsewhere', () => {
    const profile = { name: 'Sam Ortiz', email: 'sam@example.com', phone: '+1 412 555 0100' };
    const signature = (via?: 'linkedin' | 'email' | 'letter') => letterData({ ...maya(), profile, today: '2026-11-23', ...(via ? { via } : {}) }).data.signature;
    expect(signature('linkedin')).toBe('Sam Ortiz');
    expect(signature('email')).toBe('Sam Ortiz\nsam@example.com\n+1 412 555 0100');
    expect(signature('letter')).toBe('Sam Ortiz\nsam@example.com\n+1 412 555 0100');
    expect(signature()).toBe('Sam Ortiz\nsam@example.com\n+1 412 555 0100');
  });

  it('has no signature without the seeker\'s name', () => {
    expect('signature' in data(maya(), { profile: { email: 'sam@example.com' } }).data).toBe(false);
  });

  it('greets by first name, a name written last name first by the name after the comma, and a title with the family name', () => {
    expect(['Maya Chen', "O'Brien, Kate", 'Dr. Renée Jackson', 'Prof Ana Lima', 'Dr. Lee', 'Cher'].map((name) => data(contact([`name: "${name}"`, 'stage: held'])).data.firstName)).toEqual([
      'Maya',
      'Kate',
      'Dr. Jackson',
      'Prof Lima',
      'Dr. Lee',
      'Cher',
    ]);
  });

  it('greets by a name, never by an emoji written beside it, and by the given name after a lone initial', () => {
    expect(['Dr. Zoë Ørsted 🎉', 'Zoë Ørsted 🎉', '🚀 Ana Lima', 'J. Robert Oppenheimer', 'J Robert Oppenheimer', 'A.J. Nguyen', 'J. Oppenheimer', 'C. J. Cregg'].map((name) => data(contact([`name: "${name}"`, 'stage: held'])).data.firstName)).toEqual([
      'Dr. Ørsted',
      'Zoë',
      'Ana',
      'Robert',
      'Robert',
      'A.J.',
      'J.',
      // Two initials: the second is no more their name than the first.
      'C.',
    ]);
  });

  it('greets a name followed by credentials by its first name, never by a credential', () => {
    expect(['Priya Shah, MBA, CSCP', 'Ana Lima, Jr.', 'Dr. Tom Becker, P.E.', 'Lima, Ana', 'van der Berg, Anna'].map((name) => data(contact([`name: "${name}"`, 'stage: held'])).data.firstName)).toEqual([
      'Priya',
      'Ana',
      'Dr. Becker',
      'Ana',
      'Anna',
    ]);
  });

  it('takes the date of the latest request sent', () => {
    const note = contact(['name: Maya Chen', 'stage: contacted', 'history:', '  - {date: 2026-10-02, stage: contacted}', '  - {date: 2026-10-09, stage: followed-up}', '  - {date: 2026-11-02, stage: contacted}']);
    expect(data(note).data.sentOn).toBe('November 2');
  });

  it('says a LinkedIn connection is one, rather than a profile just come across (trial 19)', () => {
    expect(data(maya(['source: linkedin'])).data.foundVia).toBe('I came across your profile on LinkedIn');
    expect(data(maya(['source: linkedin', 'linkedin_connected: 2023-03-14'])).data.foundVia).toBe('We are connected on LinkedIn');
    expect(data(maya(['source: linkedin', 'linkedin_connected: true'])).data.foundVia).toBe('We are connected on LinkedIn');
    // Found another way, the way they were found still says it.
    expect(data(maya(['source: alumni', 'linkedin_connected: true'])).data.foundVia).toBe('I found you through our alumni network');
  });

  it('names the referrer, or a mutual acquaintance when the referrer has no note', () => {
    const referred = maya(['source: referral', 'referred_by: "[[sam-ortiz]]"']);
    const sam = contact(['name: Dr. Sam Ortiz', 'stage: held', 'role: Director', 'organization: Acme Health'], '', 'sam-ortiz.md').contact;
    const withReferrer = data(referred, { referrer: sam }).data;
    expect(withReferrer.foundVia).toBe('Dr. Sam Ortiz gave me your name');
    expect(withReferrer.referrer).toStrictEqual({ name: 'Dr. Sam Ortiz', firstName: 'Dr. Ortiz', role: 'Director', organization: 'Acme Health' });
    expect(data(referred).data.foundVia).toBe('A mutual acquaintance gave me your name');
    const bare = contact(['name: Lee Park', 'stage: held'], '', 'lee-park.md').contact;
    expect(data(referred, { referrer: bare }).data.referrer).toStrictEqual({ name: 'Lee Park', firstName: 'Lee' });
  });

  it('cuts "impressed" at its first clause break outside quotation marks', () => {
    const brief = (impressed: string) => data(maya([], `\n## Why this person\n\n- Impressed by: ${impressed}\n`)).data.impressedBrief;
    expect(brief('your talk on rural clinics, especially the intake study')).toBe('your talk on rural clinics');
    expect(brief('your article "Why we test: lessons, failures" and the follow-up')).toBe('your article "Why we test: lessons, failures" and the follow-up');
    expect(brief('your article “Design, slowly” (2025)')).toBe('your article “Design, slowly”');
    // ` -- ` was never a break (a 4-character pattern tested on 3 characters) until this test.
    expect(brief('your talk -- and the Q&A')).toBe('your talk');
    expect(brief('the 3:30 panel; then the demo')).toBe('the 3:30 panel');
    expect(brief('your work')).toBe('your work');
  });

  it('fills values given by path, replacing a value that is not a group', () => {
    const { data: filled } = data(maya(['links:']), { values: { 'meeting.place': 'the lobby', 'article.title': 'Slow design', 'name.first': 'M', 'fields.links.site': 'https://maya.example' } });
    expect(filled.fields.links).toStrictEqual({ site: 'https://maya.example' });
    expect((filled.meeting as Record<string, unknown>).place).toBe('the lobby');
    expect(filled.article).toStrictEqual({ title: 'Slow design' });
    expect(filled.name).toStrictEqual({ first: 'M' });
  });
});

describe('the facts of a letter, as the note gives them', () => {
  it('reads names written with spaces inside their quotes', () => {
    const referred = contact(['name: "  Maya Chen "', 'stage: held', 'source: referral', 'referred_by: "[[sam-ortiz]]"']);
    const sam = contact(['name: " Dr. Sam Ortiz  "', 'stage: held'], '', 'sam-ortiz.md').contact;
    const filled = data(referred, { referrer: sam }).data;
    expect(filled).toMatchObject({ name: 'Maya Chen', firstName: 'Maya', foundVia: 'Dr. Sam Ortiz gave me your name' });
    expect(filled.referrer).toStrictEqual({ name: 'Dr. Sam Ortiz', firstName: 'Dr. Ortiz' });
  });

  it('takes impressedBrief and position from the values given, as given', () => {
    const note = maya(['role: UX Researcher', 'organization: Acme Health'], '\n## Why this person\n\nImpressed by: your talk, and the Q&A\n');
    expect(data(note).data).toMatchObject({ impressedBrief: 'your talk', position: 'UX Researcher at Acme Health' });
    expect(data(note, { values: { impressedBrief: 'your talk on consent', position: 'the head of research' } }).data).toMatchObject({ impressedBrief: 'your talk on consent', position: 'the head of research' });
  });

  it('says a role written in lower case as a kind of work, with "a" or "an"; a title as it is', () => {
    const positionOf = (role: string) => data(maya([`role: ${role}`, 'organization: Pecan Street Inc.'])).data.position;
    expect(positionOf('data scientist')).toBe('a data scientist at Pecan Street Inc.');
    expect(positionOf('analyst')).toBe('an analyst at Pecan Street Inc.');
    expect(positionOf('user researcher')).toBe('a user researcher at Pecan Street Inc.');
    expect(positionOf('the head of research')).toBe('the head of research at Pecan Street Inc.');
    expect(positionOf('Senior Data Scientist')).toBe('Senior Data Scientist at Pecan Street Inc.');
  });

  it('has no position without a role, even with an organization', () => {
    expect('position' in data(maya(['organization: Acme Health'])).data).toBe(false);
  });
});

describe('where a missing field is filled', () => {
  it('names the place in the note, the referrer\'s note, the config or the command', () => {
    const referred = maya(['referred_by: "[[sam-ortiz]]"']);
    const sam = contact(['name: Sam Ortiz', 'stage: held'], '', 'sam-ortiz.md').contact;
    const where = data(referred, { referrer: sam }).whereToFill;
    expect(where('role')).toEqual({ field: 'role', source: 'note', file: 'maya-chen.md', hint: 'set `role:` in the frontmatter' });
    expect(where('fields.pronouns')).toEqual({ field: 'fields.pronouns', source: 'note', file: 'maya-chen.md', hint: 'set `pronouns:` in the frontmatter' });
    expect(where('visiting')).toEqual({ field: 'visiting', source: 'note', file: 'maya-chen.md', hint: 'write it after "In the area:" on its own line under "## Why this person" (or `visiting:` in the frontmatter)' });
    expect(where('learned').hint).toBe('write it after "Learned:" on its own line under "## Notes"');
    expect(where('foundVia').hint).toBe('set `source:` in the frontmatter (linkedin, association, alumni, event, referral, cold)');
    // A source that says nothing a letter can claim: the user says how they found the person.
    for (const source of ['personal', 'other']) {
      expect(data(maya([`source: ${source}`])).whereToFill('foundVia')).toEqual({ field: 'foundVia', source: 'value', hint: `say how you found them, as a sentence ("We met at the open house in October"): \`source: ${source}\` gives a letter nothing to say` });
    }
    expect(where('sentOn').hint).toBe('record the request first: a `contacted` entry in `history` (rapport advance … contacted)');
    expect(where('meeting.time')).toEqual({ field: 'meeting.date', source: 'note', file: 'maya-chen.md', hint: 'set `meeting: at:` with the date and time (rapport advance … scheduled --at …)' });
    expect(where('referrer.role')).toEqual({ field: 'referrer.role', source: 'note', file: 'sam-ortiz.md', hint: "set `role:` in the frontmatter of the referrer's note" });
    expect(where('profile.phone')).toEqual({ field: 'profile.phone', source: 'profile', file: '.rapport/config.yaml', hint: 'set `phone:` under `profile:`' });
    expect(where('article')).toEqual({ field: 'article', source: 'value', hint: 'give a value for `article` when writing the letter' });
    expect(data(referred).whereToFill('referrer.role').hint).toBe('create a note for [[sam-ortiz]], named in `referred_by`');
    expect(data(maya()).whereToFill('referrer.name').hint).toBe('set `referred_by: "[[id]]"` to the contact who referred them');
  });
});

describe('the day the request was sent', () => {
  it('is the day of the `contacted` step, not of a touch logged later while still waiting', () => {
    const waiting = contact([
      'name: Bo Bom',
      'stage: contacted',
      'history:',
      '  - {date: 2026-11-10, stage: identified}',
      '  - {date: 2026-11-12, stage: contacted, via: email, letter: cold-email}',
      '  - {date: 2026-11-20, stage: contacted, via: email, touch: true, note: pinged}',
    ]);
    expect(data(waiting).data.sentOn).toBe('November 12');
  });

  it('says what the request asked for: 20 minutes after a LinkedIn note, else 30', () => {
    const after = (letter: string) => data(contact(['name: Bo Bom', 'stage: contacted', 'history:', `  - {date: 2026-11-12, stage: contacted, via: linkedin, letter: ${letter}}`])).data.askedMinutes;
    expect(after('linkedin-note')).toBe(20);
    expect(after('cold-email')).toBe(30);
  });
});
