import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, LetterNotFoundError, LetterTemplateError, LetterUnfitError, MissingLetterFieldsError, RecordingRefusedError } from '../errors.js';
import type { Channel } from '../model/vocabulary.js';
import type { Contact } from '../model/contact.js';
import { readNote } from '../note/read-contact.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { findContact, loadWorkspace, type Workspace } from '../workspace/workspace.js';
import { channelChoice, markLetterSent, preferredChannel, renderLetter, type Letter } from './letters.js';
import { listLetters, loadLetterTemplate, SHIPPED_LETTERS, unknownLetterProblem } from './registry.js';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/job-search', import.meta.url));

/** The example folder, copied into memory (so nothing a test does reaches the disk). */
function exampleStore(extra: Record<string, string> = {}): MemoryStore {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(EXAMPLE, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(EXAMPLE);
  return new MemoryStore({ ...files, ...extra });
}

async function example(extra: Record<string, string> = {}): Promise<Workspace> {
  return loadWorkspace(exampleStore(extra));
}

/** The error a call rejects with, for checking its fields. */
async function rejection<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  await expect(promise).rejects.toThrow(type);
  return promise.then(
    () => {
      throw new Error('resolved');
    },
    (error: unknown) => error as T,
  );
}

/**
 * Facts of every example contact, copied by hand from the notes in
 * examples/job-search. `undefined` means the note does not hold it.
 */
interface Facts {
  readonly stage: string;
  /** A meeting held (and so recorded in the history). */
  readonly met?: boolean;
  readonly firstName: string;
  readonly organization: string;
  readonly referrer?: string;
  readonly impressed: string;
  readonly learned?: string;
  readonly topic?: string;
  readonly meetingDay?: string;
  readonly sentOn?: string;
  readonly visiting?: string;
  /** Has no email: letters go through LinkedIn, without a subject. */
  readonly linkedinOnly?: boolean;
  /** `source: personal`: a cold email must be told how you know them (`foundVia`). */
  readonly personal?: boolean;
}

const FACTS: Readonly<Record<string, Facts>> = {
  'aisha-karim': { stage: 'nurturing', met: true, firstName: 'Aisha', organization: 'Steel City Health Innovation Lab', impressed: 'your lab\'s open "Patient Research Playbook"', learned: '"not human subjects research" determination from the IRB office', topic: 'plain-language consent forms', meetingDay: 'Thursday, September 24', sentOn: 'September 11' },
  'ben-osei': { stage: 'prepared', firstName: 'Ben', organization: 'Riverside Community Health Network', referrer: 'Aisha Karim', impressed: 'the walk-in scheduling pilot you led at the Hazelwood clinic', meetingDay: 'Wednesday, November 25', sentOn: 'November 11' },
  'claire-dubois': { stage: 'declined', firstName: 'Claire', organization: 'Meridian Telehealth', impressed: 'your keynote "Research that survives the reorg"', sentOn: 'November 13' },
  'dana-okafor': { stage: 'nurturing', met: true, personal: true, firstName: 'Dana', organization: 'Three Rivers Health', impressed: 'the discharge-instructions redesign you led for the cardiac step-down unit', learned: 'hospitals check patient materials with the teach-back method', topic: 'how the MyRivers portal team recruits patients for feedback sessions', meetingDay: 'Wednesday, September 16', sentOn: 'September 9' },
  'elena-vasquez': { stage: 'identified', firstName: 'Elena', organization: 'Monongahela Valley Health', referrer: 'Marcus Bell', impressed: 'the patient and family advisory council you set up in 2025' },
  'greg-malone': { stage: 'no-response', firstName: 'Greg', organization: 'Keystone Therapeutics', impressed: 'your comment in the news piece', sentOn: 'September 14' },
  'hannah-schultz': { stage: 'contacted', firstName: 'Hannah', organization: 'Northside Respiratory', impressed: 'your HFES Health Care Symposium 2026 poster', sentOn: 'November 5' },
  'irene-kowalski': { stage: 'archived', linkedinOnly: true, firstName: 'Irene', organization: 'Fenwick Biopharma', impressed: "your LinkedIn article on explaining a phase III trial's results", sentOn: 'September 10' },
  'keisha-brooks': { stage: 'identified', firstName: 'Keisha', organization: 'Three Rivers Health', impressed: 'your coalition webinar "Plain language is a patient safety issue"' },
  'lauren-fitzgerald': { stage: 'scheduled', firstName: 'Lauren', organization: 'Nimbus Telehealth', impressed: 'your LinkedIn series "#TeacherToUXR"', meetingDay: 'Wednesday, November 25', sentOn: 'November 3' },
  'marcus-bell': { stage: 'held', met: true, firstName: 'Marcus', organization: 'Monongahela Valley Health', referrer: 'Priya Raman', impressed: 'your AMIA 2025 poster "Fewer, better alerts', learned: 'your team now runs an alert audit with frontline staff', meetingDay: 'Friday, November 20', sentOn: 'November 13' },
  'maya-chen': { stage: 'nurturing', met: true, firstName: 'Maya', organization: 'Brightline Health', referrer: 'Dana Okafor', impressed: 'your Medium essay "What teachers already know about usability testing"', learned: 'always lets a caregiver join, which doubled their show-up rate', topic: 'the parent-portal usability study you suggested', meetingDay: 'Wednesday, October 7', sentOn: 'September 22' },
  'owen-park': { stage: 'contacted', firstName: 'Owen', organization: 'Lumen Diagnostics', impressed: 'your UX Collective article "Forty ways people misread a home test kit"', sentOn: 'November 21', visiting: 'Philadelphia, December 14–16, 2026' },
  'priya-raman': { stage: 'thanked', met: true, firstName: 'Priya', organization: 'Carelink Labs', referrer: 'Maya Chen', impressed: 'your Pittsburgh Product Camp 2026 talk', learned: 'north-star metric is "days with data"', meetingDay: 'Thursday, November 12', sentOn: 'October 9' },
  'sam-whitaker': { stage: 'scheduled', firstName: 'Sam', organization: 'Ardent Medical', referrer: 'Maya Chen', impressed: 'your post on the Ardent design blog', meetingDay: 'Tuesday, December 1', sentOn: 'October 13' },
  'tomas-herrera': { stage: 'identified', linkedinOnly: true, firstName: 'Tomás', organization: 'PatientPath', impressed: 'your talk "What screen-reader users taught us' },
  'victor-nguyen': { stage: 'followed-up', firstName: 'Victor', organization: 'Vitalis EHR', impressed: 'the before/after click counts you shared', sentOn: 'October 27' },
};

const ARTICLE = 'https://example.org/news/plain-language-2026';

/** A first letter is for someone not answering yet; afterwards it would record them as contacted again. */
const firstLetterUnfit = (f: Facts) => !['identified', 'contacted', 'archived'].includes(f.stage);

/** Per letter: the facts it cannot do without (as letter fields), and what its text must say. */
const LETTERS: Readonly<Record<string, { unfit?: (facts: Facts) => boolean; needs: (facts: Facts) => string[]; says: (facts: Facts) => (string | undefined)[] }>> = {
  'cold-email': {
    unfit: firstLetterUnfit,
    needs: (f) => (f.personal ? ['foundVia'] : []),
    says: (f) => [`Dear ${f.firstName},`, f.impressed, f.organization, f.referrer, 'not looking for a job', '30 minutes'],
  },
  'cold-letter': {
    unfit: firstLetterUnfit,
    needs: () => [],
    says: (f) => [`Dear ${f.firstName},`, f.impressed, f.visiting, f.organization, 'not asking about jobs', '30 minutes'],
  },
  referral: {
    unfit: (f) => f.referrer === undefined || firstLetterUnfit(f),
    needs: () => [],
    says: (f) => [`${f.referrer} suggested I write to you.`, `Dear ${f.firstName},`, f.organization, f.impressed, `thanks to ${f.referrer?.split(' ')[0]} for the introduction`],
  },
  'linkedin-note': {
    unfit: firstLetterUnfit,
    needs: () => [],
    says: (f) => [`Hi ${f.firstName},`, f.referrer ? `${f.referrer} suggested I get in touch.` : undefined, "I'm not after a job"],
  },
  'follow-up': {
    // Only for a letter still waiting for its reply, and only once.
    unfit: (f) => f.stage !== 'contacted',
    needs: (f) => (f.sentOn ? [] : ['sentOn']),
    says: (f) => [`I wrote to you on ${f.sentOn}`, `Dear ${f.firstName},`, f.referrer],
  },
  'thank-you': {
    // After the conversation; the note may still say it is to come.
    unfit: (f) => !f.met && f.stage !== 'scheduled' && f.stage !== 'prepared',
    needs: (f) => (f.learned ? [] : ['learned']),
    says: (f) => [f.learned, f.meetingDay && `on ${f.meetingDay}`, f.topic, f.referrer?.split(' ')[0], `Dear ${f.firstName},`],
  },
  'keep-in-touch': {
    unfit: (f) => !f.met,
    needs: (f) => (f.topic ? [] : ['topic']),
    says: (f) => [f.topic, ARTICLE, f.organization, `Dear ${f.firstName},`],
  },
};

describe('every shipped letter for every example contact', async () => {
  const workspace = await example();
  const contacts = workspace.index.contacts().map((contact) => contact.id);

  it('knows the facts of every example contact', () => {
    expect(contacts.sort()).toEqual(Object.keys(FACTS).sort());
    expect(SHIPPED_LETTERS).toEqual(Object.keys(LETTERS));
  });

  const cases = SHIPPED_LETTERS.flatMap((letter) => contacts.map((id) => [letter, id] as const));
  it.each(cases)('%s to %s', async (letter, id) => {
    const facts = FACTS[id]!;
    if (LETTERS[letter]!.unfit?.(facts)) {
      await expect(renderLetter(workspace, letter, id, { today: '2026-11-23' })).rejects.toThrow(LetterUnfitError);
      return;
    }
    const missing = LETTERS[letter]!.needs(facts);
    const render = renderLetter(workspace, letter, id, { today: '2026-11-23', values: { article: ARTICLE } });
    if (missing.length > 0) {
      const error = await rejection(render, MissingLetterFieldsError);
      expect(error.missing.map((field) => field.field)).toEqual(missing);
      return;
    }
    const written: Letter = await render;
    if (facts.linkedinOnly || letter === 'linkedin-note') expect(written.subject).toBe('');
    else expect(written.subject).not.toBe('');
    for (const fact of LETTERS[letter]!.says(facts)) if (fact !== undefined) expect(written.text).toContain(fact);
    expect(written.text).toContain(letter === 'linkedin-note' ? '\nJordan\n' : 'Jordan Reyes');
    if (letter === 'linkedin-note') expect(written.length).toBeLessThanOrEqual(300);
    expect(written.text).not.toMatch(/undefined|\[\[fill:|&amp;/);
    expect(written.missing).toEqual([]);
  });

  it('names the mutual acquaintance first in a referral', async () => {
    const letter = await renderLetter(workspace, 'referral', 'elena-vasquez', { today: '2026-11-23' });
    expect(letter.subject).toBe('Marcus Bell suggested I get in touch');
    expect(letter.body.split('\n\n')[1]).toMatch(/^Marcus Bell suggested I write to you\./);
  });

  it('thanks for the people they suggested, by name: a linked note by its name, a name as written, a link to no note left out', async () => {
    // Marcus: [[elena-vasquez]] (a note) and [[renee-jackson]] (no note yet).
    const marcus = await renderLetter(workspace, 'thank-you', 'marcus-bell', { today: '2026-11-23' });
    expect(marcus.body.split('\n\n')[2]).toBe('Thank you, too, for suggesting that I talk with Elena Vasquez. I will let you know how your advice works out. I am also grateful to Priya for putting us in touch.');
    // Priya: [[marcus-bell]] (a note) and "Grace Liu" in words.
    const priya = await renderLetter(workspace, 'thank-you', 'priya-raman', { today: '2026-11-23' });
    expect(priya.body.split('\n\n')[2]).toBe('Thank you, too, for suggesting that I talk with Marcus Bell and Grace Liu. I will let you know how your advice works out. I am also grateful to Maya for putting us in touch.');
    // Sam suggested nobody: no such sentence.
    const sam = await renderLetter(workspace, 'thank-you', 'sam-whitaker', { today: '2026-12-01', draft: true });
    expect(sam.body).not.toContain('suggesting');
  });

  it('takes the dates in the area from a value when the note has none', async () => {
    const letter = await renderLetter(workspace, 'cold-letter', 'hannah-schultz', { today: '2026-11-23', values: { visiting: 'Murrysville, January 5–7' } });
    expect(letter.text).toContain('I will be in Murrysville, January 5–7, and I would be grateful');
    expect(letter.text).toContain('your HFES Health Care Symposium 2026 poster');
  });

  it('warns that a thank-you drafted before the meeting thanks them for a talk still to come', async () => {
    const workspace = await example();
    const ahead = await renderLetter(workspace, 'thank-you', 'sam-whitaker', { today: '2026-11-23', draft: true });
    expect(ahead.warnings).toContain('the meeting with Sam Whitaker is on 2026-12-01, still to come: this letter thanks them for a talk that has not taken place yet');
    const after = await renderLetter(workspace, 'thank-you', 'marcus-bell', { today: '2026-11-23', draft: true });
    expect(after.warnings.filter((warning) => warning.includes('still to come'))).toEqual([]);
  });

  it('records nothing by rendering', async () => {
    const store = exampleStore();
    const before = store.snapshot();
    await renderLetter(await loadWorkspace(store), 'thank-you', 'marcus-bell', { today: '2026-11-23' });
    expect(store.snapshot()).toEqual(before);
  });
});

describe('missing fields', () => {
  const note = `---
type: contact
name: Noor Haddad
stage: identified
source: linkedin
history:
  - date: 2026-11-20
    stage: identified
---

# Noor Haddad

## Why this person

## Notes
`;
  const files = { 'noor-haddad.md': note, '.rapport/config.yaml': 'profile:\n  name: Jordan Reyes\n  field: UX research\n' };

  it('lists every missing field by name and where to fill it, in the note or the profile', async () => {
    const workspace = await loadWorkspace(new MemoryStore(files));
    const error = await rejection(renderLetter(workspace, 'cold-email', 'noor-haddad'), MissingLetterFieldsError);
    expect(error.template).toBe('cold-email');
    expect(error.contact).toBe('Noor Haddad');
    expect(error.missing).toEqual([
      { field: 'impressed', source: 'note', file: 'noor-haddad.md', hint: 'write it after "Impressed by:" on its own line under "## Why this person"' },
      { field: 'profile.background', source: 'profile', file: '.rapport/config.yaml', hint: 'set `background:` under `profile:`' },
    ]);
    expect(error.message).toContain('2 fields are missing');
    expect(error.message).toContain('impressed: write it after "Impressed by:" on its own line under "## Why this person" (noor-haddad.md)');
    expect(error.message).toContain('profile.background: set `background:` under `profile:` (.rapport/config.yaml)');
  });

  it('leaves [[fill: …]] markers in draft mode instead', async () => {
    const workspace = await loadWorkspace(new MemoryStore(files));
    const letter = await renderLetter(workspace, 'cold-email', 'noor-haddad', { draft: true });
    expect(letter.text).toContain('I am Jordan Reyes — [[fill: profile.background]] — and I am exploring a career in UX research.');
    expect(letter.text).toContain('I was impressed by [[fill: impressed]].');
    expect(letter.missing.map((field) => field.field)).toEqual(['impressed', 'profile.background']);
  });

  it('says where to fill a referrer that has no note, and a value only the caller can give', async () => {
    const workspace = await example();
    const error = await rejection(renderLetter(workspace, 'keep-in-touch', 'maya-chen', { today: '2026-11-23' }), MissingLetterFieldsError);
    expect(error.missing).toEqual([{ field: 'article', source: 'value', hint: 'give a value for `article` when writing the letter' }]);
    const referred = await loadWorkspace(new MemoryStore({ ...files, 'noor-haddad.md': note.replace('source: linkedin', 'source: referral\nreferred_by: "[[renee-jackson]]"') }));
    const referral = await rejection(renderLetter(referred, 'referral', 'noor-haddad'), MissingLetterFieldsError);
    expect(referral.missing[0]).toEqual({ field: 'referrer.name', source: 'note', file: 'noor-haddad.md', hint: 'create a note for [[renee-jackson]], named in `referred_by`' });
  });
});

describe('user templates', () => {
  const override = `---
description: My own thank-you
needs: [firstName, learned]
stage: thanked
---
Subject: Thanks, <%= it.firstName %>!

<%= it.firstName %>, I keep thinking about this: <%= it.learned %>.
R&D forever,
<%= it.profile.firstName %>
`;

  it('replace a shipped letter of the same name, and join the list', async () => {
    const workspace = await example({ '.rapport/templates/thank-you.eta': override, '.rapport/templates/coffee-chat.eta': 'Subject: Coffee?\n\nHi <%= it.firstName %>, coffee at <%= it.organization %>?\n' });
    const letter = await renderLetter(workspace, 'thank-you', 'priya-raman', { today: '2026-11-23', allowUserTemplates: true });
    expect(letter).toMatchObject({ origin: 'user', subject: 'Thanks, Priya!', stage: 'thanked' });
    expect(letter.body).toBe('Priya, I keep thinking about this: Carelink\'s north-star metric is "days with data" per patient per month, because missed weigh-ins are what make the nurses\' fluid-retention alerts useless.\nR&D forever,\nJordan\n');
    expect(await renderLetter(workspace, 'coffee-chat', 'owen-park', { allowUserTemplates: true })).toMatchObject({ origin: 'user', text: 'Subject: Coffee?\n\nHi Owen, coffee at Lumen Diagnostics?\n' });
    const list = await listLetters(workspace.store, { allowUserTemplates: true });
    expect(list.map((info) => `${info.name}:${info.origin}${info.overrides ? ':overrides' : ''}`)).toEqual([
      'cold-email:shipped',
      'cold-letter:shipped',
      'referral:shipped',
      'linkedin-note:shipped',
      'follow-up:shipped',
      'keep-in-touch:shipped',
      'coffee-chat:user',
      'thank-you:user:overrides',
    ]);
  });

  it('are reported with name, line and column when malformed, in the list and when rendering', async () => {
    const broken = '---\ndescription: Broken\n---\nSubject: Hi\n\nDear <%= it.firstName %>, about <%= it.organization.(\n';
    const workspace = await example({ '.rapport/templates/broken.eta': broken });
    const error = await rejection(renderLetter(workspace, 'broken', 'owen-park', { allowUserTemplates: true }), LetterTemplateError);
    expect(error).toMatchObject({ template: 'broken', file: '.rapport/templates/broken.eta', line: 6, column: 33 });
    const info = (await listLetters(workspace.store, { allowUserTemplates: true })).find((letter) => letter.name === 'broken');
    expect(info).toEqual({
      name: 'broken',
      description: '',
      origin: 'user',
      overrides: false,
      file: '.rapport/templates/broken.eta',
      needs: [],
      problem: { file: '.rapport/templates/broken.eta', line: 6, column: 33, endLine: 6, endColumn: 33, severity: 'error', rule: 'invalid-letter-template', message: 'unclosed tag' },
    });
  });

  it('never run unless the caller allows them: the default is off, only shipped letters render (issue 16.1)', async () => {
    const sideEffect = '---\nstage: thanked\n---\nSubject: x\n\n<% globalThis.rapportUserTemplateRan = true %>Hello\n';
    const workspace = await example({ '.rapport/templates/thank-you.eta': sideEffect, '.rapport/templates/mine.eta': sideEffect });
    const globals = globalThis as { rapportUserTemplateRan?: boolean };
    delete globals.rapportUserTemplateRan;

    for (const options of [{}, { allowUserTemplates: false }]) {
      const shipped = await renderLetter(workspace, 'thank-you', 'marcus-bell', { ...options, today: '2026-11-23' });
      expect(shipped.origin).toBe('shipped');
      expect(shipped.text).toContain('alert audit');
      const notFound = await rejection(renderLetter(workspace, 'mine', 'marcus-bell', options), LetterNotFoundError);
      expect(notFound.message).toContain('user templates are turned off');
      expect((await listLetters(workspace.store, options)).every((info) => info.origin === 'shipped')).toBe(true);
      // Forced: the loop records the same letter twice.
      await markLetterSent(workspace, 'marcus-bell', 'thank-you', { ...options, date: '2026-11-23', force: true });
    }
    expect(globals.rapportUserTemplateRan).toBeUndefined();

    // The same call with user templates allowed does run them: the check above can fail.
    await renderLetter(workspace, 'mine', 'marcus-bell', { allowUserTemplates: true });
    expect(globals.rapportUserTemplateRan).toBe(true);
    delete globals.rapportUserTemplateRan;
  });

  it('an unknown letter names the available ones', async () => {
    const error = await rejection(renderLetter(await example(), 'love-letter', 'owen-park'), LetterNotFoundError);
    expect(error.available).toEqual(SHIPPED_LETTERS);
    expect(error.message).toBe('there is no letter template "love-letter" (available: cold-email, cold-letter, referral, linkedin-note, follow-up, thank-you, keep-in-touch)');
  });

  it('a name that is no letter is said with the nearest, the folder\'s own templates included, and one that is a letter is not', async () => {
    const workspace = await example({ '.rapport/templates/coffee-chat.eta': '---\ndescription: Coffee\nstage: contacted\n---\nSubject: coffee\n' });
    expect(await unknownLetterProblem(workspace.store, 'folow-up')).toBe('unknown letter "folow-up" (did you mean follow-up?): the letters are coffee-chat, cold-email, cold-letter, follow-up, keep-in-touch, linkedin-note, referral, thank-you');
    expect(await unknownLetterProblem(workspace.store, 'coffee-chat')).toBeUndefined();
    expect(await unknownLetterProblem(workspace.store, 'thank-you')).toBeUndefined();
  });

  it('are the .eta files with a name, whatever the case of the extension, listed by name with their stage', async () => {
    const alpha = '---\ndescription: Alpha\nneeds: [firstName]\nstage: contacted\n---\nSubject: a\n';
    const workspace = await example({ '.rapport/templates/README.md': 'Subject: not a template\n', '.rapport/templates/.eta': 'Subject: no name\n', '.rapport/templates/Zeta.ETA': 'Subject: z\n', '.rapport/templates/alpha.eta': alpha });
    const list = await listLetters(workspace.store, { allowUserTemplates: true });
    expect(list.map((info) => [info.name, info.origin, info.stage])).toEqual([
      ['cold-email', 'shipped', 'contacted'],
      ['cold-letter', 'shipped', 'contacted'],
      ['referral', 'shipped', 'contacted'],
      ['linkedin-note', 'shipped', 'contacted'],
      ['follow-up', 'shipped', 'followed-up'],
      ['thank-you', 'shipped', 'thanked'],
      ['keep-in-touch', 'shipped', 'nurturing'],
      ['alpha', 'user', 'contacted'],
      ['Zeta', 'user', undefined],
    ]);
    expect(list.at(-2)).toEqual({ name: 'alpha', description: 'Alpha', origin: 'user', overrides: false, file: '.rapport/templates/alpha.eta', needs: ['firstName'], stage: 'contacted' });
    expect('stage' in list.at(-1)!).toBe(false);
  });

  it('that cannot be read make listing fail, and one gone since listed is not found', async () => {
    const locked = exampleStore({ '.rapport/templates/locked.eta': 'Subject: x\n' });
    locked.read = async () => {
      throw Object.assign(new Error("EACCES: permission denied, open '.rapport/templates/locked.eta'"), { code: 'EACCES' });
    };
    await expect(listLetters(locked, { allowUserTemplates: true })).rejects.toThrow("EACCES: permission denied, open '.rapport/templates/locked.eta'");
    const store = exampleStore({ '.rapport/templates/gone.eta': 'Subject: y\n' });
    store.read = async () => undefined;
    const gone = await rejection(loadLetterTemplate(store, 'gone', { allowUserTemplates: true }), LetterNotFoundError);
    expect(gone.message).toBe('there is no letter template "gone" (available: cold-email, cold-letter, referral, linkedin-note, follow-up, thank-you, keep-in-touch)');
  });
});

describe('markLetterSent', () => {
  it.each([
    ['referral', 'elena-vasquez', 'identified', 'contacted', 'email'],
    ['follow-up', 'hannah-schultz', 'contacted', 'followed-up', 'email'],
    ['thank-you', 'marcus-bell', 'held', 'thanked', 'email'],
    ['keep-in-touch', 'aisha-karim', 'nurturing', 'nurturing', 'email'],
    ['cold-email', 'tomas-herrera', 'identified', 'contacted', 'linkedin'],
  ])('records %s to %s: %s → %s via %s', async (letter, id, from, stage, via) => {
    const workspace = await example();
    const before = workspace.index.text(workspace.index.contact(id)!.file)!;
    const sent = await markLetterSent(workspace, id, letter, { date: '2026-11-23' });
    expect(sent).toMatchObject({ contact: id, from, stage, via, date: '2026-11-23' });
    const contact = workspace.index.contact(id)!;
    expect(contact.stage).toBe(stage);
    expect(contact.history.at(-1)).toEqual({ date: '2026-11-23', stage, via, letter });
    const after = (await workspace.store.read(contact.file))!.text;
    expect(after.slice(after.indexOf('\n---\n'))).toBe(before.slice(before.indexOf('\n---\n')));
  });

  it('takes the channel and stage from the caller', async () => {
    const workspace = await example();
    await markLetterSent(workspace, 'owen-park', 'postcard', { date: '2026-11-24', via: 'letter', stage: 'followed-up', note: 'A printed card' });
    expect(workspace.index.contact('owen-park')!.history.at(-1)).toEqual({ date: '2026-11-24', stage: 'followed-up', via: 'letter', letter: 'postcard', note: 'A printed card' });
  });
});

describe('a quoted line that speaks of the person, not to them', () => {
  // Identified for a first letter, held (a note without history) for the letters after the meeting.
  const note = (body: string, stage: string) => `---\ntype: contact\nname: Tom O'Brien\nstage: ${stage}\norganization: Brightwave Learning\nemail: tom@example.com\nsource: alumni\n---\n\n# Tom O'Brien\n\n${body}`;
  const workspace = (body: string, stage = 'held') => loadWorkspace(new MemoryStore({ 'tom-o-brien.md': note(body, stage), '.rapport/config.yaml': 'profile:\n  name: Sofía Marín\n  background: middle-school science teacher for six years\n  field: UX research in ed tech\n' }));

  it('is quoted as written, with a warning that names the line, the word and the note', async () => {
    const letter = await renderLetter(await workspace('## Why this person\n\nImpressed by: how his team moved from yearly surveys to weekly classroom visits\n', 'identified'), 'cold-email', 'tom-o-brien', { today: '2026-12-03' });
    expect(letter.text).toContain('I was impressed by how his team moved from yearly surveys to weekly classroom visits.');
    expect(letter.warnings).toEqual(['the "Impressed by" line says "his", and the letter speaks to Tom: if that means Tom, write it as you would say it to them ("your team", "you said") in tom-o-brien.md']);
  });

  it('warns for the Learned line of a thank-you, and not for a line written to the person', async () => {
    const learned = await renderLetter(await workspace('## Notes\n\nLearned: that she runs every study with a teacher in the room\n'), 'thank-you', 'tom-o-brien', { today: '2026-12-03' });
    expect(learned.warnings).toEqual(['the "Learned" line says "she", and the letter speaks to Tom: if that means Tom, write it as you would say it to them ("your team", "you said") in tom-o-brien.md']);
    const written = await renderLetter(await workspace('## Notes\n\nLearned: that you run every study with a teacher in the room, as Hershey does\n'), 'thank-you', 'tom-o-brien', { today: '2026-12-03' });
    expect(written.warnings).toEqual([]);
  });

  it('says nothing of a private reminder the letter leaves out', async () => {
    const letter = await renderLetter(await workspace('## Notes\n\nTopic to follow up: classroom observation protocols — ask him about the job opening\n'), 'keep-in-touch', 'tom-o-brien', { today: '2026-12-03', values: { article: 'https://example.com/protocols' } });
    expect(letter.text).toContain('we discussed classroom observation protocols,');
    expect(letter.text).not.toContain('job opening');
    expect(letter.warnings).toEqual([]);
  });
});

describe('a keep-in-touch note recalling the talk', () => {
  it('says when it was as one looks back: earlier this month, last month, in a month, or in a month of another year', async () => {
    const tom = (at: string) =>
      `---\ntype: contact\nname: Tom O'Brien\nstage: thanked\nemail: tom@example.com\nhistory:\n  - date: ${at.slice(0, 10)}\n    stage: held\nmeeting:\n  at: "${at}"\n  minutes: 30\n  format: video\n---\n\n## Notes\n\nTopic to follow up: classroom observation protocols\n`;
    const recalled = async (at: string, today: string) => {
      const ws = await loadWorkspace(new MemoryStore({ 'tom-o-brien.md': tom(at), '.rapport/config.yaml': 'profile:\n  name: Sofía Marín\n' }));
      const letter = await renderLetter(ws, 'keep-in-touch', 'tom-o-brien', { today, values: { article: 'https://example.com/protocols' } });
      return /When we talked[^,]*,/.exec(letter.text)?.[0];
    };
    expect(await recalled('2026-12-10T09:00', '2026-12-24')).toBe('When we talked earlier this month,');
    expect(await recalled('2026-10-07T09:00', '2026-12-03')).toBe('When we talked in October,');
    // December, seen from January: last month, not "December 2026".
    expect(await recalled('2026-12-10T09:00', '2027-01-05')).toBe('When we talked last month,');
    expect(await recalled('2026-11-10T09:00', '2027-01-05')).toBe('When we talked in November 2026,');
  });
});

describe('a letter to a contact known only by name', () => {
  const noor = '---\ntype: contact\nname: Noor Haddad\nstage: identified\nsource: linkedin\nhistory:\n  - date: 2026-11-20\n    stage: identified\n---\n\n# Noor Haddad\n';
  const workspace = (field = 'UX research') => loadWorkspace(new MemoryStore({ 'noor-haddad.md': noor, '.rapport/config.yaml': `profile:\n  name: Jordan Reyes\n  field: ${field}\n` }));
  const brief = 'the keynote on plain-language consent'; // 37 characters

  it('goes by post when there is neither an email nor a LinkedIn profile, and has no length', async () => {
    const letter = await renderLetter(await workspace(), 'cold-email', 'noor-haddad', { draft: true, today: '2026-11-23' });
    expect(letter).toMatchObject({
      via: 'letter',
      viaByPost: true,
      subject: 'Your advice on a career in UX research',
      warnings: ['the note has no email address or LinkedIn profile, and no message you wrote to them is recorded: recorded as sent, this letter would say `via: letter` (by post); to send it by email, set `email:` in noor-haddad.md'],
    });
    expect('length' in letter).toBe(false);
    const ada = await loadWorkspace(new MemoryStore({ 'ada.md': '---\ntype: contact\nname: Ada\nstage: identified\nlinkedin: https://www.linkedin.com/in/ada\n---\n', 'bo.md': '---\ntype: contact\nname: Bo\nstage: identified\nlinkedin: https://www.linkedin.com/in/bo\nemail: bo@example.com\n---\n' }));
    expect(preferredChannel(findContact(ada, 'ada'))).toBe('linkedin');
    expect(preferredChannel(findContact(ada, 'bo'))).toBe('email');
  });

  it('follows up where the first message went: a LinkedIn message is followed up through LinkedIn, without a subject, and recorded so', async () => {
    const tom = "---\ntype: contact\nname: Tom O'Brien\nstage: contacted\norganization: Brightwave Learning\nhistory:\n  - date: 2026-12-03\n    stage: contacted\n    via: linkedin\n    letter: cold-email\n---\n\n# Tom O'Brien\n";
    const ws = await loadWorkspace(new MemoryStore({ 'tom-o-brien.md': tom, '.rapport/config.yaml': 'profile:\n  name: Sofía Marín\n  field: UX research in ed tech\n  email: sofia@example.com\n  phone: "+1 555 0100"\n' }));
    expect(preferredChannel(findContact(ws, 'tom-o-brien'))).toBe('linkedin');
    const letter = await renderLetter(ws, 'follow-up', 'tom-o-brien', { today: '2026-12-14' });
    expect(letter).toMatchObject({ via: 'linkedin', subject: '' });
    expect(letter.text.startsWith('Dear Tom,\n\nI wrote to you on December 3')).toBe(true);
    // Signed with the name alone: LinkedIn shows who wrote and how to reach them.
    expect(letter.text.endsWith('I completely understand.\n\nBest regards,\nSofía Marín\n')).toBe(true);
    expect((await renderLetter(ws, 'follow-up', 'tom-o-brien', { today: '2026-12-14', via: 'email' })).text.endsWith('Best regards,\nSofía Marín\nsofia@example.com\n+1 555 0100\n')).toBe(true);
    await markLetterSent(ws, 'tom-o-brien', 'follow-up', { date: '2026-12-14' });
    expect(findContact(ws, 'tom-o-brien').history.at(-1)).toEqual({ date: '2026-12-14', stage: 'followed-up', via: 'linkedin', letter: 'follow-up' });
    // An address in the note wins: the reply goes where the person can be written to directly.
    const withEmail = await loadWorkspace(new MemoryStore({ 'tom-o-brien.md': tom.replace('organization:', 'email: tom@example.com\norganization:') }));
    expect(preferredChannel(findContact(withEmail, 'tom-o-brien'))).toBe('email');
    // A phone call is not where a letter goes.
    const called = await loadWorkspace(new MemoryStore({ 'tom-o-brien.md': tom.replace('via: linkedin', 'via: phone') }));
    expect(preferredChannel(findContact(called, 'tom-o-brien'))).toBe('letter');
  });

  it("names a referrer as the reason for the first letter only when it was the referral letter; one named after a cold letter is news", async () => {
    const raj = (letter: string, source: string) =>
      `---\ntype: contact\nname: Raj Patel\nstage: contacted\nsource: ${source}\nreferred_by: "[[kevin-o-brien]]"\nemail: raj@example.com\nhistory:\n  - date: 2026-12-08\n    stage: contacted\n    via: email\n${letter}---\n`;
    const kevin = "---\ntype: contact\nname: Kevin O'Brien\nstage: held\nhistory: [{date: 2026-12-10, stage: held}]\n---\n";
    const followUp = async (note: string) => {
      const ws = await loadWorkspace(new MemoryStore({ 'raj-patel.md': note, 'kevin-o-brien.md': kevin, '.rapport/config.yaml': 'profile:\n  name: Priya Raman\n  field: health-tech product management\n' }));
      return (await renderLetter(ws, 'follow-up', 'raj-patel', { today: '2026-12-17' })).text.split('\n').find((line) => line.startsWith('I wrote'));
    };
    expect(await followUp(raj('    letter: cold-email\n', 'linkedin'))).toBe(
      "I wrote to you on December 8 to ask for 30 minutes of your advice on a career in health-tech product management. I know how full an inbox gets, so I am writing once more. Kevin O'Brien has since suggested that I talk with you as well.",
    );
    expect(await followUp(raj('    letter: referral\n', 'referral'))).toBe(
      "I wrote to you on December 8, at Kevin O'Brien's suggestion, to ask for 30 minutes of your advice on a career in health-tech product management. I know how full an inbox gets, so I am writing once more.",
    );
    // No letter recorded: a contact who came by referral was written to as one.
    expect(await followUp(raj('', 'referral'))).toContain("on December 8, at Kevin O'Brien's suggestion, to ask");
    expect(await followUp(raj('', 'linkedin'))).toContain("Kevin O'Brien has since suggested that I talk with you as well.");
    // The LinkedIn note opens with the referrer of someone who came by referral ("Kevin O'Brien suggested I get in touch"); it went by LinkedIn.
    const note = raj('    letter: linkedin-note\n', 'referral').replace('via: email', 'via: linkedin').replace('email: raj@example.com\n', 'linkedin_connected: 2026-12-09\n');
    expect(await followUp(note)).toBe(
      "I wrote to you on December 8, at Kevin O'Brien's suggestion, to ask for 20 minutes of your advice on a career in health-tech product management. I know how quickly messages pile up on LinkedIn, so I am writing once more.",
    );
    // A connection request to someone found on LinkedIn named nobody: a referrer named since is news.
    expect(await followUp(note.replace('source: referral', 'source: linkedin'))).toContain('on December 8 to ask for 20 minutes');
  });

  it('warns that a LinkedIn follow-up to a connection request may not go through until it is accepted', async () => {
    const tomas = (extra: string) =>
      `---\ntype: contact\nname: Tomás Herrera\nstage: contacted\nlinkedin: https://www.linkedin.com/in/tomas\n${extra}history:\n  - date: 2026-12-07\n    stage: contacted\n    via: linkedin\n    letter: linkedin-note\n---\n`;
    const warningsFor = async (note: string) => (await renderLetter(await loadWorkspace(new MemoryStore({ 'tomas-herrera.md': note })), 'follow-up', 'tomas-herrera', { today: '2026-12-16', draft: true })).warnings;
    expect(await warningsFor(tomas(''))).toContain(
      'your first letter to Tomás Herrera was a LinkedIn connection request, and LinkedIn lets you message only your connections: if it is still pending, follow up another way (set `email:` in tomas-herrera.md), or once they accept, set `linkedin_connected:` to that day',
    );
    expect((await warningsFor(tomas('linkedin_connected: 2026-12-09\n'))).filter((warning) => warning.includes('connection request'))).toEqual([]);
  });

  it('warns that a first letter by LinkedIn message reaches only a connection, and points to the connection request', async () => {
    const luis = (extra: string) => `---\ntype: contact\nname: Luis Ortega\nstage: identified\nsource: referral\nreferred_by: "[[sofia-ramirez]]"\nlinkedin: https://www.linkedin.com/in/luis\n${extra}---\n`;
    const sofia = '---\ntype: contact\nname: Sofía Ramírez\nstage: thanked\n---\n';
    const warningsFor = async (note: string, template: string) =>
      (await renderLetter(await loadWorkspace(new MemoryStore({ 'luis-ortega.md': note, 'sofia-ramirez.md': sofia })), template, 'luis-ortega', { today: '2027-01-04', draft: true })).warnings.filter((warning) => warning.startsWith('LinkedIn lets you message'));
    expect(await warningsFor(luis(''), 'referral')).toEqual([
      'LinkedIn lets you message only your connections, and Luis Ortega is not one yet (no `linkedin_connected:` in the note): send the `linkedin-note` connection request (300 characters at most), or this letter by email (set `email:` in luis-ortega.md); once they accept, set `linkedin_connected:` to that day',
    ]);
    // The connection request itself, and a letter to a connection, go through.
    expect(await warningsFor(luis(''), 'linkedin-note')).toEqual([]);
    expect(await warningsFor(luis('linkedin_connected: 2026-12-20\n'), 'referral')).toEqual([]);
  });

  it('warns that a first letter to someone you know introduces you as to a stranger', async () => {
    const aisha = '---\ntype: contact\nname: Aisha Bello\nstage: identified\nsource: personal\nemail: aisha@example.com\n---\n';
    const ws = await loadWorkspace(new MemoryStore({ 'aisha-bello.md': aisha }));
    expect((await renderLetter(ws, 'cold-email', 'aisha-bello', { today: '2026-12-08', draft: true })).warnings).toContain(
      'Aisha Bello is someone you know (`source: personal`), and this letter introduces you as to a stranger: say it as you would to them',
    );
  });

  it('opens a LinkedIn note to someone seen at an event with where, when it fits beside what impressed you', async () => {
    const tomas = (impressed: string) =>
      `---\ntype: contact\nname: Tomás Herrera\nstage: identified\nsource: event\nlinkedin: https://www.linkedin.com/in/tomas\n---\n\n## Why this person\n\nSeen at: the HIMSS Illinois chapter meetup in November\n\nImpressed by: ${impressed}\n`;
    const note = async (impressed: string) => {
      const ws = await loadWorkspace(new MemoryStore({ 'tomas-herrera.md': tomas(impressed), '.rapport/config.yaml': 'profile:\n  name: Priya Raman\n  field: health-tech product management\n' }));
      return (await renderLetter(ws, 'linkedin-note', 'tomas-herrera', { today: '2026-12-08' })).text;
    };
    expect(await note('your demo of the sepsis alert redesign')).toBe(
      "Hi Tomás,\n\nI saw you at the HIMSS Illinois chapter meetup in November and was impressed by your demo of the sepsis alert redesign. I'm exploring a career in health-tech product management. I'm not after a job, but I'd value 20 minutes of your advice. Would that be possible?\n\nPriya\n",
    );
    // Both together would crowd a 300-character note: what impressed you comes alone.
    expect(await note('your demo of how the sepsis alert was redesigned with night-shift nurses on three units')).toContain(
      'Hi Tomás,\n\nI was impressed by your demo of how the sepsis alert was redesigned with night-shift nurses on three units. I\'m exploring',
    );
  });

  it.each([
    ['UX research', 200, []],
    ['UX/UI design', 201, ["the note is 201 characters: it fits LinkedIn's 300, but a free account allows only 200"]],
    ['UX research'.padEnd(111, 'x'), 300, ["the note is 300 characters: it fits LinkedIn's 300, but a free account allows only 200"]],
    ['UX research'.padEnd(112, 'x'), 301, ['the note is 301 characters: LinkedIn takes at most 300 in a connection request; shorten it before sending']],
  ])('counts a LinkedIn note moving into %j as %i characters, and warns only past each limit', async (field, length, warnings) => {
    const letter = await renderLetter(await workspace(field), 'linkedin-note', 'noor-haddad', { today: '2026-11-23', values: { impressedBrief: brief } });
    expect(letter.text.startsWith(`Hi Noor,\n\nI was impressed by ${brief}. I'm exploring a career in ${field}. I'm not after a job`)).toBe(true);
    expect(letter).toMatchObject({ length, warnings });
  });

  it('refuses a channel it does not know and a day that does not exist', async () => {
    const ws = await workspace();
    expect((await rejection(renderLetter(ws, 'cold-email', 'noor-haddad', { via: 'pigeon' as Channel }), InvalidInputError)).message).toBe('unknown channel "pigeon" (use one of: email, linkedin, letter, phone, in-person, other)');
    expect((await rejection(renderLetter(ws, 'cold-email', 'noor-haddad', { today: '2026-02-30' }), InvalidInputError)).message).toBe('invalid date "2026-02-30" (use YYYY-MM-DD)');
    expect((await rejection(markLetterSent(ws, 'noor-haddad', 'cold-email', { date: '2026-11-23', via: 'pigeon' as Channel }), InvalidInputError)).message).toBe('unknown channel "pigeon" (use one of: email, linkedin, letter, phone, in-person, other)');
    expect((await ws.store.read('noor-haddad.md'))!.text).toBe(noor);
  });

  it('never keeps a value given for one letter in the contact (regression: `fields.` values were written into the loaded note)', async () => {
    const ws = await workspace();
    await renderLetter(ws, 'cold-letter', 'noor-haddad', { draft: true, today: '2026-11-23', values: { 'fields.visiting': 'Pittsburgh, December 3–4' } });
    expect(findContact(ws, 'noor-haddad').fields.visiting).toBeUndefined();
    const next = await renderLetter(ws, 'cold-letter', 'noor-haddad', { draft: true, today: '2026-11-23' });
    expect(next.text).not.toContain('Pittsburgh');
  });
});

describe('marking a letter sent', () => {
  const mine = '---\ndescription: Coffee\n---\nSubject: Coffee?\n\nHi <%= it.firstName %>\n';

  it('asks for the stage when the letter does not say it', async () => {
    const workspace = await example({ '.rapport/templates/coffee.eta': mine });
    const error = await rejection(markLetterSent(workspace, 'owen-park', 'coffee', { date: '2026-11-24', allowUserTemplates: true }), InvalidInputError);
    expect(error.message).toBe('the coffee letter does not say which stage sending it records: give the stage');
  });

  it('takes the channel from the contact when only the stage is given', async () => {
    const workspace = await example();
    const sent = await markLetterSent(workspace, 'tomas-herrera', 'postcard', { date: '2026-11-24', stage: 'contacted' });
    expect(sent).toMatchObject({ from: 'identified', stage: 'contacted', via: 'linkedin' });
    expect(workspace.index.contact('tomas-herrera')!.history.at(-1)).toEqual({ date: '2026-11-24', stage: 'contacted', via: 'linkedin', letter: 'postcard' });
  });

  it('records a letter dated before the last entry only when forced', async () => {
    const workspace = await example();
    const last = workspace.index.contact('owen-park')!.history.at(-1)!;
    expect(last.date).toBe('2026-11-21');
    await rejection(markLetterSent(workspace, 'owen-park', 'follow-up', { date: '2026-11-20' }), RecordingRefusedError);
    await markLetterSent(workspace, 'owen-park', 'follow-up', { date: '2026-11-20', force: true });
    expect(workspace.index.contact('owen-park')!.history.at(-1)).toEqual({ date: '2026-11-20', stage: 'followed-up', via: 'email', letter: 'follow-up' });
  });

  it('refuses, unless forced, a letter recorded twice and one that would move the contact back; keep-in-touch notes go again and again', async () => {
    const workspace = await example();
    const owen = workspace.index.text('owen-park.md')!;
    const refused = await rejection(markLetterSent(workspace, 'owen-park', 'cold-email', { date: '2026-11-23' }), RecordingRefusedError);
    // Refused in an edit through editNote: the note and the line of its stage come first.
    expect(refused.message).toBe('owen-park.md:4: already contacted: recording the letter adds a second contacted entry to the history, which moves the deadlines');
    const dana = workspace.index.text('dana-okafor.md')!;
    const back = await rejection(markLetterSent(workspace, 'dana-okafor', 'thank-you', { date: '2026-11-23' }), RecordingRefusedError);
    expect(back.message).toBe('dana-okafor.md:4: already nurturing, past thanked: recording the letter would move the contact back');
    expect(workspace.index.text('owen-park.md')).toBe(owen);
    expect(workspace.index.text('dana-okafor.md')).toBe(dana);

    expect(await markLetterSent(workspace, 'dana-okafor', 'keep-in-touch', { date: '2026-11-23' })).toMatchObject({ from: 'nurturing', stage: 'nurturing' });
    expect(await markLetterSent(workspace, 'dana-okafor', 'thank-you', { date: '2026-11-23', force: true })).toMatchObject({ from: 'nurturing', stage: 'thanked' });
    expect(await markLetterSent(workspace, 'owen-park', 'cold-email', { date: '2026-11-23', force: true })).toMatchObject({ from: 'contacted', stage: 'contacted' });
  });

  it('records a first letter to an archived contact, written to afresh', async () => {
    const workspace = await example();
    expect(await markLetterSent(workspace, 'irene-kowalski', 'cold-email', { date: '2026-11-23', via: 'email' })).toMatchObject({ from: 'archived', stage: 'contacted' });
  });
});

describe('an organization with a full stop or a comma in its name', () => {
  const PROFILE = '.rapport/config.yaml';
  const profile = 'profile:\n  name: Jordan Reyes\n  background: a warehouse shift lead for six years\n  field: supply chain analytics\n';
  const note = (id: string, name: string, organization: string, extra = '') =>
    `---\ntype: contact\nname: ${name}\nstage: identified\norganization: "${organization}"\nemail: ${id}@example.com\nsource: linkedin\n${extra}history:\n  - date: 2026-11-20\n    stage: identified\n---\n\n# ${name}\n\n## Why this person\n\nImpressed by: your talk on cross-docking at the Columbus meetup\n`;

  it('ends a sentence on "Inc." with one full stop, in every letter that prints the organization before one', async () => {
    const workspace = await loadWorkspace(
      new MemoryStore({
        [PROFILE]: profile,
        'ann-kerr.md': note('ann-kerr', 'Ann Kerr', 'Buckeye Freight & Logistics, Inc.', 'role: VP of Operations, Buckeye Freight & Logistics, Inc.\n'),
        'marco-disalvo.md': note('marco-disalvo', 'Marco DiSalvo', 'Buckeye Freight & Logistics, Inc.', 'referred_by: "[[ann-kerr]]"\n').replace('source: linkedin', 'source: referral'),
      }),
    );
    const referral = await renderLetter(workspace, 'referral', 'marco-disalvo', { today: '2026-11-23' });
    expect(referral.body).toContain('Ann thought you would be the right person to ask, given your work at Buckeye Freight & Logistics, Inc. Reading about what you do, I was impressed by your talk on cross-docking at the Columbus meetup.\n');
    expect(referral.text).not.toContain('..');
  });

  it('separates the questions of the cold email with semicolons when the organization has a comma of its own', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ [PROFILE]: profile, 'lee-park.md': note('lee-park', 'Lee Park', 'Kroger Co., Supply Chain Division'), 'bo-li.md': note('bo-li', 'Bo Li', 'Kroger') }));
    const kroger = await renderLetter(workspace, 'cold-email', 'lee-park', { today: '2026-11-23' });
    expect(kroger.body).toContain(
      'I am hoping to learn from people who do this work: what it is like at Kroger Co., Supply Chain Division; how you got there; and what you would advise someone starting out.',
    );
    const plain = await renderLetter(workspace, 'cold-email', 'bo-li', { today: '2026-11-23' });
    expect(plain.body).toContain('what it is like at Kroger, how you got there, and what you would advise someone starting out.');
  });
});

describe('the channel of a follow-up', () => {
  const profile = 'profile:\n  name: Jordan Reyes\n  field: supply chain analytics\n';
  const priya = (fields: string, via: string) =>
    `---\ntype: contact\nname: Priya Shah\nstage: contacted\n${fields}history:\n  - date: 2026-11-20\n    stage: identified\n  - date: 2026-11-24\n    stage: contacted\n    via: ${via}\n    letter: linkedin-note\n---\n\n# Priya Shah\n`;
  const workspace = (note: string) => loadWorkspace(new MemoryStore({ '.rapport/config.yaml': profile, 'priya-shah.md': note }));

  it('goes the way the request went, though an email address came later, and is recorded so', async () => {
    const ws = await workspace(priya('email: priya.shah@example.com\nlinkedin: https://www.linkedin.com/in/priya-shah-example\n', 'linkedin'));
    const letter = await renderLetter(ws, 'follow-up', 'priya-shah', { today: '2026-12-02' });
    expect(letter).toMatchObject({
      via: 'linkedin',
      subject: '',
      warnings: [
        'your first letter to Priya Shah was a LinkedIn connection request, and LinkedIn lets you message only your connections: if it is still pending, follow up another way (by email, to the address in the note), or once they accept, set `linkedin_connected:` to that day',
      ],
    });
    expect(letter.text).toBe(
      'Dear Priya,\n\nI wrote to you on November 24 to ask for 20 minutes of your advice on a career in supply chain analytics. I know how quickly messages pile up on LinkedIn, so I am writing once more.\n\nIf you could spare the time in the coming weeks, at any time that suits you, I would be very grateful. And if now is not a good time, I completely understand.\n\nBest regards,\nJordan Reyes\n',
    );
    // A first letter still prefers the address.
    expect((await renderLetter(ws, 'cold-email', 'priya-shah', { today: '2026-12-02', draft: true })).via).toBe('email');
    await markLetterSent(ws, 'priya-shah', 'follow-up', { date: '2026-12-02' });
    expect(findContact(ws, 'priya-shah').history.at(-1)).toEqual({ date: '2026-12-02', stage: 'followed-up', via: 'linkedin', letter: 'follow-up' });
  });

  it('goes by phone only with a number, and never "in person": then as any other letter', async () => {
    expect(preferredChannel(findContact(await workspace(priya('phone: "+1 614 555 0142"\n', 'phone')), 'priya-shah'), 'followed-up')).toBe('phone');
    expect(preferredChannel(findContact(await workspace(priya('linkedin: https://www.linkedin.com/in/priya-shah-example\n', 'phone')), 'priya-shah'), 'followed-up')).toBe('linkedin');
    expect(preferredChannel(findContact(await workspace(priya('email: priya.shah@example.com\n', 'in-person')), 'priya-shah'), 'followed-up')).toBe('email');
  });

  it('follows up a posted letter by post, saying a letter gets set aside, not that an inbox is full', async () => {
    const ws = await workspace(priya('', 'letter').replace('letter: linkedin-note', 'letter: referral'));
    const letter = await renderLetter(ws, 'follow-up', 'priya-shah', { today: '2026-12-02' });
    expect(letter).toMatchObject({ via: 'letter', subject: 'Following up on my note of November 24', warnings: [] });
    expect(letter.body).toContain('to ask for 30 minutes of your advice on a career in supply chain analytics. I know how easily a letter gets set aside, so I am writing once more.\n');
    const called = await renderLetter(await workspace(priya('phone: "+1 614 555 0142"\n', 'phone')), 'follow-up', 'priya-shah', { today: '2026-12-02' });
    expect(called.body).toContain('I know how busy the weeks get, so I am writing once more.\n');
  });
});

describe('a letter whose facts sit in a part of the note that is not read as written', () => {
  const hannah = (date: string) =>
    `---\ntype: contact\nname: Hannah Schultz\nstage: contacted\nemail: hannah@example.com\nhistory:\n  - date: 2026-11-20\n    stage: identified\n  - date: ${date}\n    stage: contacted\n    via: email\n---\n\n# Hannah Schultz\n`;
  const workspace = (date: string) => loadWorkspace(new MemoryStore({ '.rapport/config.yaml': 'profile:\n  name: Jordan Reyes\n', 'hannah-schultz.md': hannah(date) }));

  it('names the problem to fix first, with its line, instead of asking to record a step that is there', async () => {
    const error = await rejection(renderLetter(await workspace('2026-11-31'), 'follow-up', 'hannah-schultz', { today: '2026-12-08' }), MissingLetterFieldsError);
    expect(error.missing).toEqual([
      {
        field: 'sentOn',
        source: 'note',
        file: 'hannah-schultz.md',
        line: 9,
        hint: 'the note has a problem to fix first: Not a valid date: "2026-11-31" (November 2026 has 30 days); until it is fixed, that history entry is not read, and the request it records is not known',
      },
    ]);
    // With no such problem, the step is what is missing.
    const unrecorded = await loadWorkspace(new MemoryStore({ '.rapport/config.yaml': 'profile:\n  name: Jordan Reyes\n', 'hannah-schultz.md': hannah('2026-11-30').replace('  - date: 2026-11-30\n    stage: contacted\n    via: email\n', '').replace('stage: contacted\n', 'stage: contacted\nnext:\n  action: Call\n  due: 2026-11-31\n') }));
    const plain = await rejection(renderLetter(unrecorded, 'follow-up', 'hannah-schultz', { today: '2026-12-08' }), MissingLetterFieldsError);
    expect(plain.missing).toEqual([{ field: 'sentOn', source: 'note', file: 'hannah-schultz.md', hint: 'record the request first: a `contacted` entry in `history` (rapport advance … contacted)' }]);
  });

  it('names a meeting with an impossible day as the problem, for a letter that needs the day', async () => {
    const note = '---\ntype: contact\nname: Hannah Schultz\nstage: scheduled\nmeeting:\n  at: 2026-11-31T08:30\nhistory:\n  - date: 2026-11-25\n    stage: scheduled\n---\n\n# Hannah Schultz\n';
    const reminder = '---\ndescription: confirm the day\nneeds: [firstName, meeting.day]\n---\nDear <%= it.firstName %>, see you on <%= it.meeting.day %>.\n';
    const ws = await loadWorkspace(new MemoryStore({ 'hannah-schultz.md': note, '.rapport/templates/reminder.eta': reminder }));
    const error = await rejection(renderLetter(ws, 'reminder', 'hannah-schultz', { today: '2026-11-26', allowUserTemplates: true }), MissingLetterFieldsError);
    expect(error.missing).toEqual([
      { field: 'meeting.date', source: 'note', file: 'hannah-schultz.md', line: 6, hint: 'the note has a problem to fix first: Not a valid meeting time: "2026-11-31T08:30" (November 2026 has 30 days); until it is fixed, the meeting is not read' },
    ]);
  });
});

describe('channelChoice', () => {
  function noted(fields: string): Contact {
    return readNote('siobhan-o-connor.md', `---\ntype: contact\nname: Siobhán O'Connor\nstage: held\n${fields}---\n`).contact!;
  }

  it('says why it picks a channel from what the note says, never an address it does not have', () => {
    const emailedBefore = noted('history:\n  - date: 2026-11-20\n    stage: contacted\n    via: email\n  - date: 2026-12-01\n    stage: held\n');
    expect(channelChoice(emailedBefore, 'thanked')).toEqual({ channel: 'email', reason: 'the way you last wrote' });
    expect(channelChoice(noted('email: s@example.com\n'), 'thanked')).toEqual({ channel: 'email', reason: 'the note has an email address' });
    expect(channelChoice(noted('linkedin: https://www.linkedin.com/in/siobhan\n'), 'contacted')).toEqual({ channel: 'linkedin', reason: 'the note has a LinkedIn profile' });
    expect(channelChoice(noted('linkedin_connected: 2024-05-02\n'), 'contacted')).toEqual({ channel: 'linkedin', reason: 'one of your LinkedIn connections' });
    expect(channelChoice(noted('history:\n  - date: 2026-11-20\n    stage: contacted\n    via: letter\n'), 'thanked')).toEqual({ channel: 'letter', reason: 'the way you last wrote' });
    const byLinkedIn = noted('email: s@example.com\nhistory:\n  - date: 2026-11-20\n    stage: contacted\n    via: linkedin\n');
    expect(channelChoice(byLinkedIn, 'followed-up')).toEqual({ channel: 'linkedin', reason: 'the way the request went' });
  });

  it('gives no reason for a postal letter when the note has no email address, no LinkedIn profile or connection and no letter sent before', () => {
    expect(channelChoice(noted(''), 'contacted')).toEqual({ channel: 'letter' });
    expect(channelChoice(noted('phone: "+1 412 555 0199"\n'), 'thanked')).toEqual({ channel: 'letter' });
  });
});
