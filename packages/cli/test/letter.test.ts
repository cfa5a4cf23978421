import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, snapshot, userFiles } from './support/run-cli.js';

const ELENA = 'contacts/health-tech/elena-vasquez.md';

describe('rapport letter', () => {
  it('prints help with examples', () => {
    const result = rapport(['letter', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: rapport letter');
    expect(result.stdout).toContain('Examples');
  });

  it('lists the shipped letters with the stage each records', () => {
    const result = rapport(['letter', '--list', '--dir', exampleCopy()]);
    expect(result.code).toBe(0);
    const names = result.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual(['cold-email', 'cold-letter', 'referral', 'linkedin-note', 'follow-up', 'thank-you', 'keep-in-touch']);
    expect(result.stdout).toMatch(/thank-you\s+Thank-you after the meeting.* → thanked/);
    expect(rapport(['letter', '--dir', exampleCopy()]).stdout).toBe(result.stdout);
  });

  it('prints a referral letter that names the referrer first, and writes nothing', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    const result = rapport(['letter', 'referral', 'elena-vasquez', '--dir', folder]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Subject: Marcus Bell suggested I get in touch\n\nDear Elena,\n\nMarcus Bell suggested I write to you\./);
    expect(result.stdout).toContain('given your role as Patient Experience Research Manager at Monongahela Valley Health');
    expect(result.stdout).toContain('the patient and family advisory council you set up in 2025');
    expect(result.stdout).toContain('Jordan Reyes\njordan.reyes@example.com\n+1 412 555 0142\n');
    expect(result.stderr).toBe('');
    expect(userFiles(folder)).toEqual(before);
  });

  it('accepts the path of the note instead of its id', () => {
    const folder = exampleCopy();
    const result = rapport(['letter', 'thank-you', join(folder, 'contacts/health-tech/priya-raman.md'), '--dir', folder]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Carelink\'s north-star metric is "days with data"');
    expect(result.stdout).toContain('on Thursday, November 12');
  });

  it('fails with exit 1, listing each missing field and where to fill it, and writes nothing', () => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    // Lauren's meeting is booked, and her note does not say yet what Jordan learned.
    const result = rapport(['letter', 'thank-you', 'lauren-fitzgerald', '--out', 'letter.txt', '--sent', '--dir', folder], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cannot write the "thank-you" letter to Lauren Fitzgerald: 1 field is missing');
    expect(result.stderr).toContain('- learned: write it after "Learned:" on its own line under "## Notes" in lauren-fitzgerald.md');
    expect(result.stderr).toContain('--draft');
    expect(snapshot(folder)).toEqual(before);

    const article = rapport(['letter', 'keep-in-touch', 'maya-chen', '--dir', folder]);
    expect(article.code).toBe(1);
    expect(article.stderr).toContain('- article: pass it with --set article="…"\n');
    // A source that gives a letter nothing to say: the message says why the value is asked for.
    expect(rapport(['new', 'Rosa Díaz', '--source', 'personal', '--dir', folder]).code).toBe(0);
    const rosa = rapport(['letter', 'cold-email', 'rosa-diaz', '--dir', folder]);
    expect(rosa.code).toBe(1);
    expect(rosa.stderr).toContain('- foundVia: pass it with --set foundVia="…" (say how you found them, as a sentence ("We met at the open house in October"): `source: personal` gives a letter nothing to say)\n');
  });

  it('fills a field from --set', () => {
    const url = 'https://example.org/R&D/consent-forms?a=1&b=2';
    const result = rapport(['letter', 'keep-in-touch', 'aisha-karim', '--set', `article=${url}`, '--today', '2026-11-23', '--dir', exampleCopy()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`we discussed plain-language consent forms, and I came across something I thought you would find interesting:\n\n${url}\n`);
  });

  it('records what a keep-in-touch letter shared, or the --note given, in the history entry (trial 21)', () => {
    const folder = exampleCopy();
    const url = 'https://example.org/consent-forms';
    const sent = rapport(['letter', 'keep-in-touch', 'aisha-karim', '--set', `article=${url}`, '--sent', '--today', '2026-11-23', '--dir', folder]);
    expect(sent.code).toBe(0);
    expect(sent.stderr).toContain('Recorded: Aisha Karim nurturing again (2026-11-23, via email, letter keep-in-touch)  aisha-karim.md\n');
    expect(readFileSync(join(folder, 'aisha-karim.md'), 'utf8')).toContain(`  - date: 2026-11-23\n    stage: nurturing\n    via: email\n    letter: keep-in-touch\n    note: "shared: ${url}"\n`);
    const other = exampleCopy();
    expect(rapport(['letter', 'keep-in-touch', 'aisha-karim', '--set', `article=${url}`, '--sent', '--note', 'sent the consent-form study', '--today', '2026-11-23', '--dir', other]).code).toBe(0);
    expect(readFileSync(join(other, 'aisha-karim.md'), 'utf8')).toContain('    letter: keep-in-touch\n    note: sent the consent-form study\n');
    expect(rapport(['letter', 'keep-in-touch', 'aisha-karim', '--note', 'x', '--dir', other])).toMatchObject({ code: 2, stderr: 'rapport: --note goes with --sent\n' });
  });

  it('leaves [[fill: …]] markers with --draft, and names them on stderr', () => {
    const result = rapport(['letter', 'keep-in-touch', 'maya-chen', '--draft', '--today', '2026-11-23', '--dir', exampleCopy()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('something I thought you would find interesting:\n\n[[fill: article]]\n');
    expect(result.stderr).toBe('Draft: fill [[fill: article]] before sending\n');
  });

  it('writes a cold letter to someone with no dates in their area, without the visiting sentence (issue 12.7)', () => {
    const result = rapport(['letter', 'cold-letter', 'hannah-schultz', '--today', '2026-11-23', '--dir', exampleCopy()]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Subject: A request for your advice\n\nDear Hannah,\n\nI am writing to you because of your HFES Health Care Symposium 2026 poster/);
    expect(result.stdout).toContain('and I am exploring a career in UX research in health tech. I would be grateful for 30 minutes of your time, in person or by phone, to hear how you found your way to Northside Respiratory');
  });

  it('refuses a referral to someone nobody referred and a follow-up to someone who declined, and lists only the letters that fit (issue 12.7)', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    const referral = rapport(['letter', 'referral', 'owen-park', '--sent', '--dir', folder]);
    expect(referral).toMatchObject({ code: 2, stdout: '' });
    expect(referral.stderr).toBe('rapport: no referral letter to Owen Park: nobody referred Owen Park (`referred_by` is not set in owen-park.md); write a cold-email, cold-letter or linkedin-note instead, or set `referred_by: "[[id]]"` to the person who gave you the name\n');
    const followUp = rapport(['letter', 'follow-up', 'claire-dubois', '--dir', folder]);
    expect(followUp).toMatchObject({ code: 2, stdout: '', stderr: 'rapport: no follow-up letter to Claire Dubois: Claire Dubois declined (stage `declined`), and after a no a follow-up is unwelcome\n' });
    // Owen has had a first letter and no reply: another first letter (through another channel) or the follow-up.
    const list = rapport(['letter', '--list', 'owen-park', '--dir', folder]);
    expect(list.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['cold-email', 'cold-letter', 'linkedin-note', 'follow-up']);
    // Marcus met Jordan: the thank-you, and keeping in touch.
    const met = rapport(['letter', '--list', 'marcus-bell', '--dir', folder]);
    expect(met.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['thank-you', 'keep-in-touch']);
    const declined = rapport(['letter', '--list', 'claire-dubois', '--dir', folder]);
    expect(declined).toEqual({ code: 0, stdout: '', stderr: 'No letter fits Claire Dubois now (stage declined); rapport advance records a step without a letter\n' });
    expect(userFiles(folder)).toEqual(before);
  });

  it('writes a LinkedIn connection note without a subject, and warns over the free accounts\' 200 characters (issue 12.7)', () => {
    const result = rapport(['letter', 'linkedin-note', 'keisha-brooks', '--dir', exampleCopy()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Hi Keisha,

I was impressed by your coalition webinar "Plain language is a patient safety issue". I'm exploring a career in UX research in health tech. I'm not after a job, but I'd value 20 minutes of your advice. Would that be possible?

Jordan
`);
    expect(result.stderr).toBe("rapport: the note is 245 characters: it fits LinkedIn's 300, but a free account allows only 200\n");
  });

  it('refuses to record a LinkedIn note over 300 characters, and says how to shorten it for this note', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    // 56 characters more than the 245 above: 301.
    writeFileSync(config, readFileSync(config, 'utf8').replace('field: UX research in health tech', 'field: UX research in health tech, above all patient portals for people with low literacy'));
    const result = rapport(['letter', 'linkedin-note', 'keisha-brooks', '--sent', '--dir', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('rapport: the note is 301 characters: LinkedIn takes at most 300 in a connection request; shorten it before sending\nrapport: (to give a field shorter for this note only: --set, e.g. --set impressedBrief="…")\nrapport: not recorded as sent: LinkedIn would not take it as it is\n');
  });

  it('leaves out the Subject line with --via linkedin, and records that channel with --sent (issue 12.7)', () => {
    const folder = exampleCopy();
    const result = rapport(['letter', 'follow-up', 'hannah-schultz', '--via', 'linkedin', '--sent', '--date', '2026-11-23', '--dir', folder]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dear Hannah,\n\nI wrote to you on November 5 to ask/);
    expect(result.stderr).toContain('(2026-11-23, via linkedin, letter follow-up)');
    const email = rapport(['letter', 'follow-up', 'hannah-schultz', '--dir', exampleCopy()]);
    expect(email.stdout).toMatch(/^Subject: Following up on my note of November 5\n\nDear Hannah,/);
  });

  it('writes --out, and refuses to overwrite it without --force', () => {
    const folder = exampleCopy();
    const first = rapport(['letter', 'follow-up', 'hannah-schultz', '--out', 'hannah.txt', '--dir', folder], { cwd: folder });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const text = readFileSync(join(folder, 'hannah.txt'), 'utf8');
    expect(text).toMatch(/^Subject: Following up on my note of November 5\n\nDear Hannah,\n\nI wrote to you on November 5 to ask/);
    writeFileSync(join(folder, 'hannah.txt'), 'mine');
    const second = rapport(['letter', 'follow-up', 'hannah-schultz', '--out', 'hannah.txt', '--dir', folder], { cwd: folder });
    expect(second).toMatchObject({ code: 2, stderr: expect.stringContaining('hannah.txt already exists (add --force') });
    expect(readFileSync(join(folder, 'hannah.txt'), 'utf8')).toBe('mine');
    expect(rapport(['letter', 'follow-up', 'hannah-schultz', '--out', 'hannah.txt', '--force', '--dir', folder], { cwd: folder }).code).toBe(0);
    expect(readFileSync(join(folder, 'hannah.txt'), 'utf8')).toBe(text);
  });

  it('records the letter with --sent: the stage of the letter, the date, the channel and the template', () => {
    const folder = exampleCopy();
    const before = readFileSync(join(folder, ELENA), 'utf8');
    const result = rapport(['letter', 'referral', 'elena-vasquez', '--sent', '--date', '2026-11-23', '--via', 'linkedin', '--dir', folder]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Marcus Bell suggested I write to you.');
    expect(result.stderr).toContain('Recorded: Elena Vasquez identified → contacted (2026-11-23, via linkedin, letter referral)');
    const after = readFileSync(join(folder, ELENA), 'utf8');
    expect(after).toBe(
      before
        .replace('stage: identified\n', 'stage: contacted\n')
        .replace('    note: Marcus offered to be named in the first line\n', '    note: Marcus offered to be named in the first line\n  - date: 2026-11-23\n    stage: contacted\n    via: linkedin\n    letter: referral\n'),
    );
    const list = JSON.parse(rapport(['list', '--json', '--stage', 'contacted', '--dir', folder]).stdout) as { id: string }[];
    expect(list.map((row) => row.id)).toContain('elena-vasquez');
  });

  it('takes back the --out letter when --sent cannot record it', () => {
    const folder = exampleCopy();
    const note = readFileSync(join(folder, ELENA), 'utf8');
    writeFileSync(join(folder, ELENA), note.replace(/history:\n(  .*\n)+/, 'history: yesterday\n'));
    const args = ['letter', 'referral', 'elena-vasquez', '--out', 'elena.txt', '--sent', '--via', 'email', '--dir', folder];
    const result = rapport(args, { cwd: folder });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'Wrote the referral letter to Elena Vasquez to elena.txt\nTook back elena.txt: the letter could not be recorded as sent\nrapport: contacts/health-tech/elena-vasquez.md cannot be edited: `history` is not a list, so nothing can be added to it; make it a list first\n',
    );
    expect(existsSync(join(folder, 'elena.txt'))).toBe(false);
    writeFileSync(join(folder, 'elena.txt'), 'mine');
    expect(rapport([...args, '--force'], { cwd: folder }).code).toBe(3);
    expect(readFileSync(join(folder, 'elena.txt'), 'utf8')).toBe('mine');
  });

  it.each([
    ['follow-up', 'hannah-schultz', 'contacted → followed-up'],
    ['thank-you', 'marcus-bell', 'held → thanked'],
    ['keep-in-touch', 'dana-okafor', 'Dana Okafor nurturing again'],
  ])('--sent for %s records %s: %s', (template, id, move) => {
    const result = rapport(['letter', template, id, '--sent', '--set', 'article=https://example.org/a', '--dir', exampleCopy()]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(move);
  });

  it('refuses --sent for a first letter already recorded, and a thank-you that would take someone kept in touch with back to thanked; prints nothing, writes nothing', () => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    // Owen Park's cold email went out on 2026-11-21.
    const again = rapport(['letter', 'cold-email', 'owen-park', '--sent', '--today', '2026-11-30', '--dir', folder]);
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toBe('rapport: Owen Park: not recorded: already contacted: recording the letter adds a second contacted entry to the history, which moves the deadlines (add --force to record it anyway)\n');
    const back = rapport(['letter', 'thank-you', 'dana-okafor', '--sent', '--today', '2026-11-30', '--dir', folder]);
    expect(back).toMatchObject({ code: 2, stdout: '' });
    expect(back.stderr).toBe('rapport: Dana Okafor: not recorded: already nurturing, past thanked: recording the letter would move the contact back (add --force to record it anyway)\n');
    expect(snapshot(folder)).toEqual(before);
    const forced = rapport(['letter', 'thank-you', 'dana-okafor', '--sent', '--force', '--today', '2026-11-30', '--dir', folder]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('Recorded: Dana Okafor nurturing → thanked (2026-11-30');
  });

  it('uses a template from .rapport/templates that replaces a shipped one with --allow-templates, unless user templates are off', () => {
    const folder = exampleCopy();
    mkdirSync(join(folder, '.rapport/templates'), { recursive: true });
    writeFileSync(join(folder, '.rapport/templates/thank-you.eta'), '---\ndescription: Short thanks\nneeds: [firstName, learned]\nstage: thanked\n---\nSubject: Thanks from R&D\n\n<%= it.firstName %>: <%= it.learned %>.\n');
    const mine = rapport(['letter', 'thank-you', 'maya-chen', '--allow-templates', '--dir', folder]);
    expect(mine).toMatchObject({ code: 0, stdout: 'Subject: Thanks from R&D\n\nMaya: Brightline pays patients for 30-minute sessions and always lets a caregiver join, which doubled their show-up rate among older adults.\n' });
    expect(rapport(['letter', '--list', '--allow-templates', '--dir', folder]).stdout).toMatch(/thank-you\s+Short thanks → thanked \(yours: \.rapport\/templates\/thank-you\.eta, replaces the shipped one\)/);
    const shipped = rapport(['letter', 'thank-you', 'maya-chen', '--no-user-templates', '--dir', folder]);
    expect(shipped.stdout).toContain('Thank you for taking the time to talk with me on Wednesday, October 7.');
  });

  it('says a template of the folder did not run because of --no-user-templates, in a trusted folder too', () => {
    const folder = exampleCopy();
    mkdirSync(join(folder, '.rapport/templates'), { recursive: true });
    writeFileSync(join(folder, '.rapport/templates/coffee.eta'), '---\nstage: contacted\n---\nSubject: Coffee?\n\nHi <%= it.firstName %>,\n');
    const before = snapshot(folder);
    expect(rapport(['letter', 'coffee', 'owen-park', '--no-user-templates', '--dir', folder])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rapport: .rapport/templates/coffee.eta did not run: --no-user-templates runs only the letters shipped with Rapport\n',
    });
    expect(snapshot(folder)).toEqual(before);
  });

  it('reports a malformed template with its name, line and column (exit 1), and writes nothing', () => {
    const folder = exampleCopy();
    mkdirSync(join(folder, '.rapport/templates'), { recursive: true });
    writeFileSync(join(folder, '.rapport/templates/coffee.eta'), '---\nstage: contacted\n---\nSubject: Coffee?\n\nHi <%= it.firstName %>,\ncoffee at <% if (it.organization { %>?\n');
    const before = snapshot(folder);
    const result = rapport(['letter', 'coffee', 'owen-park', '--sent', '--allow-templates', '--dir', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('letter template "coffee" (.rapport/templates/coffee.eta:7:11): JavaScript syntax error');
    expect(result.stderr).toContain('coffee at <% if (it.organization { %>?\n            ^');
    expect(snapshot(folder)).toEqual(before);
    const list = rapport(['letter', '--list', '--allow-templates', '--dir', folder]);
    expect(list.code).toBe(1);
    expect(list.stdout).toMatch(/coffee\s+broken \.rapport\/templates\/coffee\.eta:7:11/);
  });

  it.each([
    [['letter', 'love-letter', 'owen-park'], 2, 'there is no letter template "love-letter" (available: cold-email, cold-letter, referral, linkedin-note, follow-up, thank-you, keep-in-touch)'],
    [['letter', 'thank-yuo', 'marcus-bell'], 2, 'there is no letter template "thank-yuo" (available: cold-email, cold-letter, referral, linkedin-note, follow-up, thank-you, keep-in-touch) (did you mean thank-you?)'],
    [['letter', 'thank-you'], 2, 'which contact is the thank-you letter for?'],
    [['letter', 'thank-you', 'nobody-at-all'], 3, 'no contact note found for "nobody-at-all"'],
    [['letter', 'thank-you', 'marcus-bell', '--date', '2026-11-23'], 2, '--date goes with --sent'],
    [['letter', 'thank-you', 'marcus-bell', '--sent', '--draft'], 2, 'a --draft is not ready to send'],
    [['letter', 'thank-you', 'marcus-bell', '--sent', '--via', 'pigeon'], 2, 'unknown channel "pigeon"'],
    [['letter', 'thank-you', 'marcus-bell', '--sent', '--date', '2026-13-01'], 2, 'invalid --date "2026-13-01"'],
    [['letter', 'keep-in-touch', 'maya-chen', '--set', 'article'], 2, '--set needs field=value'],
  ])('rapport %j exits %i and writes nothing', (args, code, message) => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    const result = rapport([...args, '--dir', folder]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(snapshot(folder)).toEqual(before);
  });
});
