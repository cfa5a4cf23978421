import { describe, expect, it } from 'vitest';
import { LetterUnfitError } from '../errors.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace, type Workspace } from '../workspace/workspace.js';
import { markLetterSent, renderLetter } from './letters.js';
import { listLetters } from './registry.js';

/**
 * A career changer moving into utility load forecasting, with the situations
 * the three-week trial of issue 12 met: a pasted LinkedIn title, a referral,
 * a contact who declined, a local contact with LinkedIn only. The expected
 * letters below are written out by hand.
 */
const CONFIG = `profile:
  name: Sam Rivera
  background: wind-farm field technician for six years
  field: utility load forecasting
  email: sam.rivera@example.com
  phone: "+1 503 555 0199"
timezone: America/Los_Angeles
`;

const LENA = `---
type: contact
name: Lena Ortiz
stage: held
role: Load Forecasting Analyst at Western Area Power Administration
organization: Western Area Power Administration
email: lena.ortiz@example.com
source: referral
referred_by: "[[tom-becker]]"
history:
  - date: 2026-11-02
    stage: identified
  - date: 2026-11-03
    stage: contacted
    via: email
    letter: referral
  - date: 2026-11-10
    stage: scheduled
  - date: 2026-11-19
    stage: held
meeting:
  at: "2026-11-19T09:00-08:00"
  minutes: 30
  format: video
---

# Lena Ortiz

## Why this person

Impressed by: your talk on forecasting load with SCADA data
In the area: Portland, December 17–18

## Notes

Learned: that his manager, Sarah Lund, moved to forecasting from her job as a meteorologist, and she still reviews every model herself
Topic to follow up: the new analytics group — she thinks they will create analyst jobs
`;

const TOM = `---
type: contact
name: Tom Becker
stage: nurturing
role: Grid Operations Engineer
organization: Bonneville Power Administration
source: personal
history:
  - date: 2026-10-01
    stage: identified
---

# Tom Becker
`;

/** Local (no dates in the area), cold, with a LinkedIn headline as role. */
const RAJ = `---
type: contact
name: Raj Patel
stage: identified
role: Senior Analyst | Load Forecasting | Python
organization: Portland General Electric
email: raj.patel@example.com
linkedin: https://www.linkedin.com/in/raj-patel-example
source: linkedin
history:
  - date: 2026-11-20
    stage: identified
---

# Raj Patel

## Why this person

Impressed by: your Medium post "Why the duck curve keeps getting deeper", with the chart of March afternoons since 2019
`;

const NINA = `---
type: contact
name: Nina Cho
stage: declined
organization: Puget Sound Energy
email: nina.cho@example.com
source: linkedin
history:
  - date: 2026-11-01
    stage: identified
  - date: 2026-11-02
    stage: contacted
    via: email
    letter: cold-email
  - date: 2026-11-04
    stage: declined
    note: Too busy until spring
---

# Nina Cho
`;

/** Lena before the first letter: identified, nothing sent, no meeting. */
const LENA_UNWRITTEN = LENA.replace('stage: held\n', 'stage: identified\n').replace(/  - date: 2026-11-03\n[\s\S]*?  format: video\n/, '');

async function energyWorkspace(extra: Record<string, string> = {}): Promise<Workspace> {
  return loadWorkspace(new MemoryStore({ '.rapport/config.yaml': CONFIG, 'lena-ortiz.md': LENA, 'tom-becker.md': TOM, 'raj-patel.md': RAJ, 'nina-cho.md': NINA, ...extra }));
}

describe("the user's words are never rewritten (issue 12.6)", () => {
  it('frames a Learned line that starts with "that" as written, pronouns and all', async () => {
    const letter = await renderLetter(await energyWorkspace(), 'thank-you', 'lena-ortiz', { today: '2026-11-20' });
    expect(letter.text).toBe(`Subject: Thank you for your time and advice

Dear Lena,

Thank you for taking the time to talk with me yesterday. I learned a great deal, above all that his manager, Sarah Lund, moved to forecasting from her job as a meteorologist, and she still reviews every model herself.

I look forward to staying in touch about the new analytics group, and I will let you know how your advice works out. I am also grateful to Tom for putting us in touch.

Thank you again for your generosity.

With gratitude,
Sam Rivera
sam.rivera@example.com
+1 503 555 0199
`);
  });

  it('keeps "her", "his" and "she" in an Impressed by line as written', async () => {
    const workspace = await energyWorkspace({ 'lena-ortiz.md': LENA_UNWRITTEN.replace('Impressed by: your talk', 'Impressed by: her talk') });
    const letter = await renderLetter(workspace, 'cold-email', 'lena-ortiz', { today: '2026-11-20' });
    expect(letter.text).toContain('I was impressed by her talk on forecasting load with SCADA data.');
  });
});

describe('letters fit the situation (issue 12.7)', () => {
  it('writes a cold letter to someone local: no dates in their area needed, no visiting sentence', async () => {
    const letter = await renderLetter(await energyWorkspace(), 'cold-letter', 'raj-patel', { today: '2026-11-23' });
    expect(letter.missing).toEqual([]);
    expect(letter.text).toBe(`Subject: A request for your advice

Dear Raj,

I am writing to you because of your Medium post "Why the duck curve keeps getting deeper", with the chart of March afternoons since 2019. It is exactly the kind of work I hope to understand better.

I am Sam Rivera — wind-farm field technician for six years — and I am exploring a career in utility load forecasting. I would be grateful for 30 minutes of your time, in person or by phone, to hear how you found your way to Portland General Electric and what you would advise someone in my position. I am not asking about jobs, only for your advice, at whatever time suits you.

Thank you for reading this.

Sincerely,
Sam Rivera
sam.rivera@example.com
+1 503 555 0199
`);
  });

  it('greets by the first name in a cold letter as in every other letter, whatever the shape of the name', async () => {
    const greetings: string[] = [];
    for (const name of ['Priya Shah', 'Shah, Priya', 'Priya Shah, MBA, CSCP', 'Cher', 'Dr. Renée Jackson', 'Ana Lima, Jr.', 'van der Berg, Anna', 'García Márquez, Gabriel', 'Priya Shah, MBA candidate']) {
      const workspace = await energyWorkspace({ 'raj-patel.md': RAJ.replace('name: Raj Patel', `name: "${name}"`) });
      greetings.push((await renderLetter(workspace, 'cold-letter', 'raj-patel', { today: '2026-11-23' })).body.split('\n')[0]!);
    }
    expect(greetings).toEqual(['Dear Priya,', 'Dear Priya,', 'Dear Priya,', 'Dear Cher,', 'Dear Dr. Jackson,', 'Dear Ana,', 'Dear Anna,', 'Dear Gabriel,', 'Dear Priya,']);
  });

  it('keeps the visiting sentence when the dates are given', async () => {
    const letter = await renderLetter(await energyWorkspace({ 'lena-ortiz.md': LENA_UNWRITTEN }), 'cold-letter', 'lena-ortiz', { today: '2026-11-20' });
    expect(letter.subject).toBe('A request for advice while I am in your area');
    expect(letter.body).toContain('I will be in Portland, December 17–18, and I would be grateful for 30 minutes of your time while I am there, to hear how you found your way to Western Area Power Administration');
  });

  it('refuses a referral letter to someone nobody referred, and does not offer it', async () => {
    const workspace = await energyWorkspace();
    const render = renderLetter(workspace, 'referral', 'raj-patel', { today: '2026-11-23' });
    await expect(render).rejects.toThrow(LetterUnfitError);
    await expect(render).rejects.toThrow(
      'no referral letter to Raj Patel: nobody referred Raj Patel (`referred_by` is not set in raj-patel.md); write a cold-email, cold-letter or linkedin-note instead, or set `referred_by: "[[id]]"` to the person who gave you the name',
    );
    const forRaj = await listLetters(workspace.store, { for: workspace.index.contact('raj-patel')! });
    // Not written to yet: the first letters only.
    expect(forRaj.map((letter) => letter.name)).toEqual(['cold-email', 'cold-letter', 'linkedin-note']);
    const forLena = await listLetters(workspace.store, { for: workspace.index.contact('lena-ortiz')! });
    // Lena has talked with Sam already: no first letter, no follow-up.
    expect(forLena.map((letter) => letter.name)).toEqual(['thank-you', 'keep-in-touch']);
    const unwritten = await energyWorkspace({ 'lena-ortiz.md': LENA_UNWRITTEN });
    expect((await listLetters(unwritten.store, { for: unwritten.index.contact('lena-ortiz')! })).map((letter) => letter.name)).toEqual(['cold-email', 'cold-letter', 'referral', 'linkedin-note']);
  });

  it('refuses a follow-up to someone who declined, when writing it and when recording it', async () => {
    const workspace = await energyWorkspace();
    await expect(renderLetter(workspace, 'follow-up', 'nina-cho', { today: '2026-11-23' })).rejects.toThrow('no follow-up letter to Nina Cho: Nina Cho declined (stage `declined`), and after a no a follow-up is unwelcome');
    await expect(markLetterSent(workspace, 'nina-cho', 'follow-up', { date: '2026-11-23' })).rejects.toThrow(LetterUnfitError);
    expect(workspace.index.contact('nina-cho')!.stage).toBe('declined');
    expect((await listLetters(workspace.store, { for: workspace.index.contact('nina-cho')! })).map((letter) => letter.name)).not.toContain('follow-up');
  });

  it('offers no connection request to a LinkedIn connection, and writes the message through LinkedIn', async () => {
    const connected = RAJ.replace('source: linkedin\n', 'source: linkedin\nlinkedin_connected: 2024-03-12\n');
    const workspace = await energyWorkspace({ 'raj-patel.md': connected });
    const render = renderLetter(workspace, 'linkedin-note', 'raj-patel', { today: '2026-11-23' });
    await expect(render).rejects.toThrow(LetterUnfitError);
    await expect(render).rejects.toThrow(
      'no linkedin-note letter to Raj Patel: Raj Patel is one of your LinkedIn connections already (`linkedin_connected` in raj-patel.md): a connection request is for someone you are not connected to; send a LinkedIn message instead: rapport letter cold-email raj-patel --via linkedin',
    );
    expect((await listLetters(workspace.store, { for: workspace.index.contact('raj-patel')! })).map((letter) => letter.name)).toEqual(['cold-email', 'cold-letter']);
    // `true` says it too; `false`, or anything but a date, does not.
    const byHand = await energyWorkspace({ 'raj-patel.md': RAJ.replace('source: linkedin\n', 'linkedin_connected: true\n') });
    expect((await listLetters(byHand.store, { for: byHand.index.contact('raj-patel')! })).map((letter) => letter.name)).toEqual(['cold-email', 'cold-letter']);
    const notYet = await energyWorkspace({ 'raj-patel.md': RAJ.replace('source: linkedin\n', 'linkedin_connected: false\n') });
    expect((await listLetters(notYet.store, { for: notYet.index.contact('raj-patel')! })).map((letter) => letter.name)).toEqual(['cold-email', 'cold-letter', 'linkedin-note']);
    // With neither an address nor a profile in the note, a connection is still reached through LinkedIn, not by post.
    const unlisted = await energyWorkspace({ 'raj-patel.md': connected.replace('email: raj.patel@example.com\n', '').replace('linkedin: https://www.linkedin.com/in/raj-patel-example\n', '') });
    const letter = await renderLetter(unlisted, 'cold-email', 'raj-patel', { today: '2026-11-23' });
    expect(letter).toMatchObject({ via: 'linkedin', subject: '', warnings: [] });
  });

  it('writes a LinkedIn connection note with no subject, within the free accounts\' 200 characters when referred', async () => {
    const letter = await renderLetter(await energyWorkspace({ 'lena-ortiz.md': LENA_UNWRITTEN }), 'linkedin-note', 'lena-ortiz', { today: '2026-11-20' });
    expect(letter.text).toBe(`Hi Lena,

Tom Becker suggested I get in touch. I'm exploring a career in utility load forecasting. I'm not after a job, but I'd value 20 minutes of your advice. Would that be possible?

Sam
`);
    expect(letter).toMatchObject({ subject: '', via: 'linkedin', stage: 'contacted', length: 189, warnings: [] });
  });

  it('quotes what impressed up to its first comma in a cold LinkedIn note, and warns over 200 characters', async () => {
    const letter = await renderLetter(await energyWorkspace(), 'linkedin-note', 'raj-patel', { today: '2026-11-23' });
    expect(letter.text).toBe(`Hi Raj,

I was impressed by your Medium post "Why the duck curve keeps getting deeper". I'm exploring a career in utility load forecasting. I'm not after a job, but I'd value 20 minutes of your advice. Would that be possible?

Sam
`);
    expect(letter.length).toBe(230);
    expect(letter.warnings).toEqual(["the note is 230 characters: it fits LinkedIn's 300, but a free account allows only 200"]);
  });

  it('leaves out what impressed when even its first clause is long, saying how they were found instead', async () => {
    const long = 'your Medium post "Why the duck curve keeps getting deeper and what every utility in the Pacific Northwest should do about it"';
    const letter = await renderLetter(await energyWorkspace(), 'linkedin-note', 'raj-patel', { today: '2026-11-23', values: { impressed: long } });
    expect(letter.text).toBe(`Hi Raj,

I came across your profile on LinkedIn. I'm exploring a career in utility load forecasting. I'm not after a job, but I'd value 20 minutes of your advice. Would that be possible?

Sam
`);
  });

  it('warns that a note over 300 characters will not go through', async () => {
    const field = 'utility load forecasting, grid operations planning and the market analytics that connect the two across the Pacific Northwest';
    const letter = await renderLetter(await energyWorkspace(), 'linkedin-note', 'raj-patel', { today: '2026-11-23', values: { 'profile.field': field } });
    expect(letter.length).toBe(331);
    expect(letter.warnings).toEqual(['the note is 331 characters: LinkedIn takes at most 300 in a connection request; shorten it before sending']);
  });

  it('leaves out the Subject line of any letter sent through LinkedIn', async () => {
    const letter = await renderLetter(await energyWorkspace(), 'cold-email', 'raj-patel', { today: '2026-11-23', via: 'linkedin' });
    expect(letter.subject).toBe('');
    expect(letter.text.startsWith('Dear Raj,\n\nI am Sam Rivera — wind-farm field technician for six years — and I am exploring a career in utility load forecasting. I came across your profile on LinkedIn')).toBe(true);
    const byEmail = await renderLetter(await energyWorkspace(), 'cold-email', 'raj-patel', { today: '2026-11-23' });
    expect(byEmail.text.startsWith('Subject: Your advice on a career in utility load forecasting\n\nDear Raj,')).toBe(true);
  });

  it('signs a cold letter sent through LinkedIn with the name alone, without the town a paper letter gives', async () => {
    const config = `${CONFIG}`.replace('  phone: "+1 503 555 0199"\n', '  phone: "+1 503 555 0199"\n  location: Bend, OR\n');
    const workspace = await energyWorkspace({ '.rapport/config.yaml': config });
    expect((await renderLetter(workspace, 'cold-letter', 'raj-patel', { today: '2026-11-23', via: 'linkedin' })).text.endsWith('at whatever time suits you.\n\nThank you for reading this.\n\nSincerely,\nSam Rivera\n')).toBe(true);
    expect((await renderLetter(workspace, 'cold-letter', 'raj-patel', { today: '2026-11-23' })).text.endsWith('Sincerely,\nSam Rivera\nsam.rivera@example.com\n+1 503 555 0199\nBend, OR\n')).toBe(true);
  });

  it('names the event a contact was seen at from a "Seen at:" line, and warns when the letter can only say "a recent event"', async () => {
    const atEvent = RAJ.replace('source: linkedin', 'source: event');
    const named = await renderLetter(await energyWorkspace({ 'raj-patel.md': atEvent.replace('Impressed by:', 'Seen at: the Northwest Energy Forum in Portland last month\n\nImpressed by:') }), 'cold-email', 'raj-patel', { today: '2026-11-23' });
    expect(named.body).toContain('I am exploring a career in utility load forecasting. I saw you at the Northwest Energy Forum in Portland last month, and I was impressed by');
    expect(named.warnings).toEqual([]);
    const unnamed = await renderLetter(await energyWorkspace({ 'raj-patel.md': atEvent }), 'cold-email', 'raj-patel', { today: '2026-11-23' });
    expect(unnamed.body).toContain('I saw you at a recent event, and I was impressed by');
    expect(unnamed.warnings).toEqual([
      'the letter says "a recent event": name it after "Seen at:" on its own line under "## Why this person" in raj-patel.md, as it follows "I saw you at" (e.g. "Seen at: the UXPA Pittsburgh meetup in October")',
    ]);
    // Another source never reads the line.
    const byLinkedIn = await renderLetter(await energyWorkspace({ 'raj-patel.md': RAJ.replace('Impressed by:', 'Seen at: the Northwest Energy Forum\n\nImpressed by:') }), 'cold-email', 'raj-patel', { today: '2026-11-23' });
    expect(byLinkedIn.body).toContain('I came across your profile on LinkedIn, and I was impressed by');
  });

  it('warns when a foundVia given in lower case starts a sentence, and prints it as written', async () => {
    const atOpenHouse = await energyWorkspace({ 'raj-patel.md': RAJ.replace('source: linkedin', 'source: personal') });
    const letter = await renderLetter(atOpenHouse, 'cold-email', 'raj-patel', { today: '2026-11-23', values: { foundVia: 'we met at the PGE open house' } });
    expect(letter.body).toContain('utility load forecasting. we met at the PGE open house, and I was impressed by');
    const personal = 'Raj Patel is someone you know (`source: personal`), and this letter introduces you as to a stranger: say it as you would to them';
    expect(letter.warnings).toEqual(['"we met at the PGE open house" starts a sentence in this letter: give it a capital ("We met at the PGE open house")', personal]);
    const capital = await renderLetter(atOpenHouse, 'cold-email', 'raj-patel', { today: '2026-11-23', values: { foundVia: 'We met at the PGE open house' } });
    expect(capital.warnings).toEqual([personal]);
  });

  it('leaves out the Subject line of what is said on the phone or handed over in person, and keeps it on paper', async () => {
    for (const via of ['phone', 'in-person'] as const) {
      const letter = await renderLetter(await energyWorkspace(), 'cold-email', 'raj-patel', { today: '2026-11-23', via });
      expect(letter).toMatchObject({ via, subject: '' });
      expect(letter.text.startsWith('Dear Raj,\n\nI am Sam Rivera')).toBe(true);
    }
    const onPaper = await renderLetter(await energyWorkspace(), 'cold-email', 'raj-patel', { today: '2026-11-23', via: 'letter' });
    expect(onPaper.text.startsWith('Subject: Your advice on a career in utility load forecasting\n\nDear Raj,')).toBe(true);
  });

  it('builds a sentence in which a pasted title reads well, never naming the organization twice', async () => {
    const workspace = await energyWorkspace({ 'lena-ortiz.md': LENA_UNWRITTEN, 'raj-patel.md': RAJ.replace('source: linkedin', 'source: referral\nreferred_by: "[[tom-becker]]"') });
    const lena = await renderLetter(workspace, 'referral', 'lena-ortiz', { today: '2026-11-20' });
    expect(lena.body).toContain('Tom thought you would be the right person to ask, given your role as Load Forecasting Analyst at Western Area Power Administration. Reading about what you do, I was impressed by your talk on forecasting load with SCADA data.\n');
    const raj = await renderLetter(workspace, 'referral', 'raj-patel', { today: '2026-11-20' });
    expect(raj.body).toContain('Tom thought you would be the right person to ask, given your work at Portland General Electric. Reading about what you do, I was impressed by your Medium post "Why the duck curve keeps getting deeper", with the chart of March afternoons since 2019.\n');
    const bare = await renderLetter(await energyWorkspace({ 'lena-ortiz.md': LENA_UNWRITTEN.replace('role: Load Forecasting Analyst at Western Area Power Administration', 'role: Load Forecasting Analyst') }), 'referral', 'lena-ortiz', { today: '2026-11-20' });
    expect(bare.body).toContain('given your role as Load Forecasting Analyst at Western Area Power Administration. Reading about');
  });

  it('says "the" before an institution named for what it is, in each letter that names the organization', async () => {
    const atUniversity = (text: string) => text.replace('organization: Portland General Electric', 'organization: University of Washington');
    const workspace = await energyWorkspace({ 'raj-patel.md': atUniversity(RAJ), 'lena-ortiz.md': LENA_UNWRITTEN.replace(/role: .*\norganization: .*\n/, 'role: research scientist\norganization: Pacific Northwest National Laboratory Institute\n') });
    expect((await renderLetter(workspace, 'cold-letter', 'raj-patel', { today: '2026-11-23' })).body).toContain('to hear how you found your way to the University of Washington and what you would advise someone in my position.');
    expect((await renderLetter(workspace, 'cold-email', 'raj-patel', { today: '2026-11-23', values: { foundVia: 'I came across your profile on LinkedIn' } })).body).toContain(
      'what it is like at the University of Washington, how you got there, and what you would advise someone starting out.',
    );
    expect((await renderLetter(workspace, 'referral', 'lena-ortiz', { today: '2026-11-20' })).body).toContain('given your role as a research scientist at the Pacific Northwest National Laboratory Institute.');
  });
});
