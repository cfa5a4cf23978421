import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNote } from '../note/read-contact.js';
import { InvalidInputError } from '../errors.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { agenda } from '../lifecycle/next-action.js';
import { addReferral } from './add-referral.js';
import { organizationNamed, workNamed } from './outcome-actions.js';
import { readOutcomes } from './outcomes.js';

const NOTE_HEAD = '---\ntype: contact\nname: Marcus Bell\nstage: held\n---\n\n## Notes\n\nTalked on Tuesday.\n\n## Outcomes\n\n';

function outcomesOf(body: string) {
  return readNote('marcus-bell.md', NOTE_HEAD + body).contact!.outcomes;
}

describe('outcomes under ## Outcomes', () => {
  it('reads labelled items with their kind, date, task box and line', () => {
    const reading = readNote(
      'marcus-bell.md',
      NOTE_HEAD +
        '- [ ] Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\n' +
        '- [x] Résumé review: send it to him, due: 2026-12-04\n' +
        '- Job shadow: a day with the analytics team\n' +
        '  in January.\n' +
        '- Referral: [[dana-okafor]], his former manager\n' +
        '- Referral: Renee Jackson, data engineer at Xcel\n' +
        '- Career path not considered before: utilities\n' +
        '- Resource: the EIA open data portal\n',
    );
    expect(reading.diagnostics).toEqual([]);
    const outcomes = reading.contact!.outcomes;
    expect(outcomes.map((outcome) => [outcome.kind, outcome.label, outcome.done, outcome.due, outcome.line, outcome.endLine])).toEqual([
      ['lead', 'Lead', false, '2026-12-10', 13, 13],
      ['resume-review', 'Résumé review', true, '2026-12-04', 14, 14],
      ['job-shadow', 'Job shadow', null, null, 15, 16],
      ['referral', 'Referral', null, null, 17, 17],
      ['referral', 'Referral', null, null, 18, 18],
      ['resource', 'Resource', null, null, 20, 20],
    ]);
    expect(outcomes[0]!.text).toBe('Xcel Energy: Data Analyst II (by 2026-12-10)');
    expect(outcomes[2]!.text).toBe('a day with the analytics team in January.');
    expect(outcomes[3]).toMatchObject({ contact: 'dana-okafor' });
    expect(outcomes[3]!.name).toBeUndefined();
    expect(outcomes[4]).toMatchObject({ name: 'Renee Jackson', column: 1 });
    const text = NOTE_HEAD + '- [ ] Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\n';
    const lead = readNote('marcus-bell.md', text).contact!.outcomes[0]!;
    expect(text.slice(lead.start, lead.end)).toBe('- [ ] Lead: Xcel Energy: Data Analyst II (by 2026-12-10)');
  });

  it('places a referral name so it can be turned into a link', () => {
    const text = NOTE_HEAD + '* Referral: Renee Jackson (by 2026-12-01), at Xcel\n';
    const referral = readNote('marcus-bell.md', text).contact!.outcomes[0]!;
    expect(referral.name).toBe('Renee Jackson');
    expect(text.slice(referral.nameStart, referral.nameEnd)).toBe('Renee Jackson');
    expect(referral.due).toBe('2026-12-01');
  });

  it('keeps initials and titles in a referral name, and ends it at the first full stop after a word', () => {
    const names = (items: string[]) => readNote('marcus-bell.md', NOTE_HEAD + items.map((item) => `- Referral: ${item}\n`).join('')).contact!.outcomes.map((outcome) => outcome.name);
    expect(names(['Dr. Ana Lima — CMIO at UPMC', 'John Q. Public (met at the meetup)', 'Mary-Ann St. James, CNO', 'Renee Jackson. She runs data engineering.', 'Prof. Lee', 'Raj Patel at Walgreens Health — say Kevin sent me', 'Kim Ode at the library'])).toEqual([
      'Dr. Ana Lima',
      'John Q. Public',
      'Mary-Ann St. James',
      'Renee Jackson',
      'Prof. Lee',
      'Raj Patel',
      // "at" before a small word is no organization: the name is left as written.
      'Kim Ode at the library',
    ]);
  });

  it('leaves unknown labels, unlabelled items and code as free text, without diagnostics', () => {
    const reading = readNote('marcus-bell.md', NOTE_HEAD + '- Course to look into: SQL for analysts\n- A new way to see the field\n```\n- Lead: not this one (by 2026-99-99)\n```\nLead: not a list item\n');
    expect(reading.contact!.outcomes).toEqual([]);
    expect(reading.diagnostics).toEqual([]);
  });

  it('matches labels without regard to case or accents', () => {
    expect(outcomesOf('- resume REVIEW: on Friday\n- JOB SHADOW: in March\n1. offer: analyst role\n').map((outcome) => outcome.kind)).toEqual(['resume-review', 'job-shadow', 'lead']);
  });

  it('reports a malformed date at its place and keeps the outcome undated', () => {
    const reading = readNote('marcus-bell.md', NOTE_HEAD + '- Lead: Data Analyst II (by 2026-02-30)\n- Advice: learn dbt, due: next-week\n');
    expect(reading.contact!.outcomes.map((outcome) => outcome.due)).toEqual([null, null]);
    expect(reading.diagnostics).toEqual([
      { file: 'marcus-bell.md', line: 13, column: 29, endLine: 13, endColumn: 39, severity: 'warning', rule: 'invalid-outcome-date', message: 'Not a valid date: "2026-02-30"', hint: 'February 2026 has 28 days (2026 is not a leap year)' },
      { file: 'marcus-bell.md', line: 14, column: 27, endLine: 14, endColumn: 36, severity: 'warning', rule: 'invalid-outcome-date', message: 'Not a valid date: "next-week"', hint: 'Write the date as YYYY-MM-DD, e.g. (by 2026-12-15)' },
    ]);
  });

  it('keeps reading the Outcomes wikilinks for the referral graph', () => {
    const contact = readNote('marcus-bell.md', NOTE_HEAD + '- Referral: [[dana-okafor]]\n- Talk to [[lee-park]] too\n').contact!;
    expect(contact.outcomeLinks).toEqual(['dana-okafor', 'lee-park']);
    expect(contact.outcomes.map((outcome) => outcome.contact)).toEqual(['dana-okafor']);
  });

  it('uses the labels it is given', () => {
    const content = '- Intro: [[lee-park]]\n- Lead: not a label here\n';
    const reading = readOutcomes('x.md', content, 0, content.length, { labels: { Intro: 'referral' } });
    expect(reading.outcomes).toMatchObject([{ kind: 'referral', label: 'Intro', contact: 'lee-park', line: 1 }]);
  });

  it('reads a note with CRLF line endings at the same lines', () => {
    const outcomes = readNote('marcus-bell.md', (NOTE_HEAD + '- [X] Lead: Data Analyst II (by 2026-12-10)\n').replace(/\n/g, '\r\n')).contact!.outcomes;
    expect(outcomes).toMatchObject([{ kind: 'lead', done: true, due: '2026-12-10', line: 13, text: 'Data Analyst II (by 2026-12-10)' }]);
  });
});

const LABELS = [
  ['Referral', 'referral'],
  ['Lead', 'lead'],
  ['Job shadow', 'job-shadow'],
  ['Résumé review', 'resume-review'],
  ['Resource', 'resource'],
  ['Advice', 'advice'],
  ['Training', 'training'],
] as const;
const words = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}[A-Za-z]$/);
const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
const item = fc.record({
  label: fc.constantFrom(...LABELS),
  box: fc.constantFrom('', '[ ] ', '[x] '),
  text: words,
  due: fc.option(fc.tuple(date, fc.constantFrom('by', 'due')), { nil: undefined }),
  freeText: fc.boolean(),
});

describe('outcome labels from .rapport/config.yaml', () => {
  it('adds the configured labels to the defaults', async () => {
    const store = new MemoryStore({
      '.rapport/config.yaml': 'outcome_labels:\n  Intro: referral\n  Opening: lead\n',
      'marcus-bell.md': NOTE_HEAD + '- Intro: [[lee-park]]\n- Opening: Data Analyst II (by 2026-12-10)\n- Lead: Xcel Energy\n- Course: SQL\n',
    });
    const workspace = await loadWorkspace(store);
    expect(workspace.configDiagnostics).toEqual([]);
    expect(workspace.index.contacts()[0]!.outcomes.map((outcome) => [outcome.label, outcome.kind, outcome.due])).toEqual([
      ['Intro', 'referral', null],
      ['Opening', 'lead', '2026-12-10'],
      ['Lead', 'lead', null],
    ]);
  });

  it('links the name on a line with a configured referral label when the person is added', async () => {
    const store = new MemoryStore({
      '.rapport/config.yaml': 'outcome_labels:\n  Intro: referral\n',
      'marcus-bell.md': NOTE_HEAD + '- Intro: Renee Jackson, data engineer at Xcel\n- Lead: Xcel Energy\n',
    });
    const workspace = await loadWorkspace(store);
    const added = await addReferral(workspace, 'marcus-bell', { name: 'Renee Jackson', date: '2026-12-01' });
    expect(added).toEqual({ id: 'renee-jackson', file: 'renee-jackson.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false });
    expect((await store.read('marcus-bell.md'))?.text).toBe(NOTE_HEAD + '- Intro: [[renee-jackson]], data engineer at Xcel\n- Lead: Xcel Energy\n');
  });

  it('points a link written before the note, by the name, at the new note, keeping its label', async () => {
    const store = new MemoryStore({
      'marcus-bell.md': NOTE_HEAD + '- Referral: [[ Priya Shah |Priya]] (pharmacy informatics, St. Luke\'s)\n- Referral: [[dana-okafor]]\n',
      'dana-okafor.md': '---\ntype: contact\nname: Dana Okafor\nstage: identified\n---\n',
    });
    const workspace = await loadWorkspace(store);
    expect(workspace.index.agenda({ now: new Date('2026-12-01T17:00:00Z'), timezone: 'UTC' }).map((item) => item.action)).toContain('Add a note for [[Priya Shah]] (referred by Marcus Bell)');
    const added = await addReferral(workspace, 'marcus-bell', { name: 'Priya Shah', date: '2026-12-01' });
    expect(added).toEqual({ id: 'priya-shah', file: 'priya-shah.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false });
    expect((await store.read('marcus-bell.md'))?.text).toBe(NOTE_HEAD + '- Referral: [[ priya-shah |Priya]] (pharmacy informatics, St. Luke\'s)\n- Referral: [[dana-okafor]]\n');
    expect(workspace.index.agenda({ now: new Date('2026-12-01T17:00:00Z'), timezone: 'UTC' }).map((item) => item.action)).not.toContain('Add a note for [[Priya Shah]] (referred by Marcus Bell)');
  });

  it('links the name and leaves a link to the id the new note gets as it was: both lines lead to her, the agenda asks nothing more', async () => {
    const text = NOTE_HEAD + '- Referral: [[grace-liu]], she runs the alert-fatigue study\n- Referral: Grace Liu, nurse informaticist\n';
    const store = new MemoryStore({ 'marcus-bell.md': text });
    const workspace = await loadWorkspace(store);
    const added = await addReferral(workspace, 'marcus-bell', { name: 'Grace Liu', date: '2026-12-01' });
    expect(added).toEqual({ id: 'grace-liu', file: 'grace-liu.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false });
    expect((await store.read('marcus-bell.md'))?.text).toBe(NOTE_HEAD + '- Referral: [[grace-liu]], she runs the alert-fatigue study\n- Referral: [[grace-liu]], nurse informaticist\n');
    expect(workspace.index.agenda({ now: new Date('2026-12-01T17:00:00Z'), timezone: 'UTC' }).filter((item) => item.kind === 'add-referral')).toEqual([]);
  });

  it('points the link it was asked for at the new note, whatever name the person is given, and leaves links to notes alone', async () => {
    const store = new MemoryStore({ 'marcus-bell.md': NOTE_HEAD + '- Referral: [[dana-okafor]]\n- Referral: [[renee-j]], data engineer\n', 'dana-okafor.md': '---\ntype: contact\nname: Dana Okafor\nstage: identified\n---\n' });
    const workspace = await loadWorkspace(store);
    expect(await addReferral(workspace, 'marcus-bell', { name: 'Renée Jackson', date: '2026-12-01' }, { link: 'renee-j' })).toEqual({ id: 'renee-jackson', file: 'renee-jackson.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false });
    expect((await store.read('marcus-bell.md'))?.text).toBe(NOTE_HEAD + '- Referral: [[dana-okafor]]\n- Referral: [[renee-jackson]], data engineer\n');
    // A link to a note that exists is not this person's, even when the names match (a second note asked for, for a namesake).
    expect(await addReferral(workspace, 'marcus-bell', { name: 'Dana Okafor', date: '2026-12-01' }, { newNote: true })).toEqual({ id: 'dana-okafor-2', file: 'dana-okafor-2.md', linked: false, existing: false, referredByAdded: false, linkedBefore: false });
    expect((await store.read('marcus-bell.md'))?.text).toBe(NOTE_HEAD + '- Referral: [[dana-okafor]]\n- Referral: [[renee-jackson]], data engineer\n');
  });

  it('links a referral to the note its name already has (credentials after a comma, accents and case aside) instead of creating a second one', async () => {
    const jose = '---\ntype: contact\nname: José Álvarez\nstage: held\n---\n\n## Outcomes\n\n- Referral: Priya Shah, transportation analyst at Smith Trucking\n';
    const priya = '---\ntype: contact\nname: "Priya Shah, MBA, CSCP"\nstage: identified\norganization: Smith Trucking\nsource: linkedin\n---\n';
    const store = new MemoryStore({ 'contacts/jose-alvarez.md': jose, 'contacts/priya-shah-mba-cscp.md': priya });
    const workspace = await loadWorkspace(store);
    const context = { now: new Date('2026-12-01T17:00:00Z'), timezone: 'UTC' };
    expect(workspace.index.agenda(context).filter((item) => item.kind === 'add-referral')).toMatchObject([{ action: 'Link Priya Shah (referred by José Álvarez) to [[priya-shah-mba-cscp]]', referral: 'Priya Shah', existing: 'priya-shah-mba-cscp' }]);
    expect(await addReferral(workspace, 'jose-alvarez', { name: 'Priya Shah', date: '2026-12-01' })).toEqual({ id: 'priya-shah-mba-cscp', file: 'contacts/priya-shah-mba-cscp.md', linked: true, existing: true, referredByAdded: true, linkedBefore: false });
    expect(Object.keys(store.snapshot()).sort()).toEqual(['contacts/jose-alvarez.md', 'contacts/priya-shah-mba-cscp.md']);
    expect((await store.read('contacts/jose-alvarez.md'))?.text).toBe(jose.replace('Referral: Priya Shah,', 'Referral: [[priya-shah-mba-cscp]],'));
    // She named nobody as referrer: José is now; her source is left as it was.
    expect((await store.read('contacts/priya-shah-mba-cscp.md'))?.text).toBe('---\ntype: contact\nname: "Priya Shah, MBA, CSCP"\nstage: identified\norganization: Smith Trucking\nsource: linkedin\nreferred_by: "[[jose-alvarez]]"\n---\n');
    expect(workspace.index.agenda(context).filter((item) => item.kind === 'add-referral')).toEqual([]);
  });

  it('says when the Outcomes line linked the note already: nothing to link, only referred_by added', async () => {
    const kevin = '---\ntype: contact\nname: Kevin O\'Brien\nstage: held\n---\n\n## Outcomes\n\n- Referral: [[raj-patel]] at Walgreens Health\n';
    const raj = '---\ntype: contact\nname: Raj Patel\nstage: contacted\nsource: linkedin\n---\n';
    const store = new MemoryStore({ 'kevin-obrien.md': kevin, 'raj-patel.md': raj });
    const workspace = await loadWorkspace(store);
    expect(await addReferral(workspace, 'kevin-obrien', { name: 'Raj Patel', date: '2026-12-01' })).toEqual({ id: 'raj-patel', file: 'raj-patel.md', linked: false, existing: true, referredByAdded: true, linkedBefore: true });
    expect((await store.read('kevin-obrien.md'))?.text).toBe(kevin);
    expect((await store.read('raj-patel.md'))?.text).toBe('---\ntype: contact\nname: Raj Patel\nstage: contacted\nsource: linkedin\nreferred_by: "[[kevin-obrien]]"\n---\n');
  });

  it('keeps the referred_by a note has, and refuses to guess between two notes with the name', async () => {
    const jose = '---\ntype: contact\nname: José Álvarez\nstage: held\n---\n\n## Outcomes\n\n- Referral: priya  SHAH\n- Referral: Lee Park\n';
    const priya = '---\ntype: contact\nname: Priya Shah\nstage: identified\nreferred_by: "[[maya-chen]]"\n---\n';
    const lee = '---\ntype: contact\nname: Lee Park\nstage: identified\n---\n';
    const store = new MemoryStore({ 'jose-alvarez.md': jose, 'priya-shah.md': priya, 'maya-chen.md': '---\ntype: contact\nname: Maya Chen\nstage: held\n---\n', 'lee-park.md': lee, 'lee-park-upmc.md': lee.replace('stage', 'organization: UPMC\nstage') });
    const workspace = await loadWorkspace(store);
    expect(workspace.index.agenda({ now: new Date('2026-12-01T17:00:00Z'), timezone: 'UTC' }).filter((item) => item.kind === 'add-referral').map((item) => [item.action, item.existing])).toEqual([
      ['Link Lee Park (referred by José Álvarez) to [[lee-park]] or [[lee-park-upmc]]', undefined],
      ['Link priya  SHAH (referred by José Álvarez) to [[priya-shah]]', 'priya-shah'],
    ]);
    expect(await addReferral(workspace, 'jose-alvarez', { name: 'priya  SHAH', date: '2026-12-01' })).toEqual({ id: 'priya-shah', file: 'priya-shah.md', linked: true, existing: true, referredByAdded: false, linkedBefore: false });
    expect((await store.read('priya-shah.md'))?.text).toBe(priya);
    await expect(addReferral(workspace, 'jose-alvarez', { name: 'Lee Park', date: '2026-12-01' })).rejects.toThrow(new InvalidInputError("lee-park-upmc.md, lee-park.md are all about Lee Park: link the one you mean by writing [[its-id]] on jose-alvarez.md's Outcomes line, or create a new note"));
    // Lee Park at Highmark is not the one at UPMC: the note without an organization is left, and linked.
    expect(await addReferral(workspace, 'jose-alvarez', { name: 'Lee Park', organization: 'Highmark', date: '2026-12-01' })).toEqual({ id: 'lee-park', file: 'lee-park.md', linked: true, existing: true, referredByAdded: true, linkedBefore: false });
    expect((await store.read('jose-alvarez.md'))?.text).toBe('---\ntype: contact\nname: José Álvarez\nstage: held\n---\n\n## Outcomes\n\n- Referral: [[priya-shah]]\n- Referral: [[lee-park]]\n');
  });

  it('takes a namesake at another organization than the Outcomes line names for someone else: added, not linked', async () => {
    const owen = '---\ntype: contact\nname: Owen Park\nstage: held\n---\n\n## Outcomes\n\n- Referral: Tom Becker, protection engineer at Duquesne Light\n- Referral: Ana Lima\n';
    const tom = '---\ntype: contact\nname: Tom Becker\nstage: identified\norganization: Allegheny Power Works\n---\n';
    const ana = '---\ntype: contact\nname: "Ana Lima, Jr."\nstage: identified\n---\n';
    const store = new MemoryStore({ 'owen-park.md': owen, 'tom-becker.md': tom, 'ana-lima-jr.md': ana });
    const workspace = await loadWorkspace(store);
    const context = { now: new Date('2026-12-01T17:00:00Z'), timezone: 'UTC' };
    // Ana Lima, Jr. is not Ana Lima: a generational suffix is part of a name, unlike credentials.
    expect(workspace.index.agenda(context).filter((item) => item.kind === 'add-referral').map((item) => item.action)).toEqual(['Add Ana Lima (referred by Owen Park)', 'Add Tom Becker (referred by Owen Park)']);
    expect(agenda(workspace.index.contacts(), context).filter((item) => item.kind === 'add-referral').map((item) => item.action)).toEqual(['Add Ana Lima (referred by Owen Park)', 'Add Tom Becker (referred by Owen Park)']);
    // The new note takes the organization the line names, which tells the two apart in its id.
    expect(await addReferral(workspace, 'owen-park', { name: 'Tom Becker', date: '2026-12-01' })).toEqual({ id: 'tom-becker-duquesne-light', file: 'tom-becker-duquesne-light.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false });
    expect((await store.read('tom-becker.md'))?.text).toBe(tom);
  });

  it('gives the note it creates the role and organization the referral line names, in both forms, unless given', async () => {
    const owen = '---\ntype: contact\nname: Owen Park\nstage: held\n---\n\n## Outcomes\n\n- Referral: Sam Whitaker, at Northwind Labs\n- Referral: Nia Grant, research lead at Three Rivers Health (by 2026-12-10)\n- Referral: Lee Ford, analyst at Xcel\n- Referral: [[ana-lima]], a data engineer at UPMC \u2014 met her at the meetup\n';
    const store = new MemoryStore({ 'owen-park.md': owen });
    const workspace = await loadWorkspace(store);
    await addReferral(workspace, 'owen-park', { name: 'Sam Whitaker', date: '2026-12-01' });
    await addReferral(workspace, 'owen-park', { name: 'Nia Grant', date: '2026-12-01' });
    await addReferral(workspace, 'owen-park', { name: 'Lee Ford', organization: 'Xcel Energy', role: 'Data Analyst II', date: '2026-12-01' });
    await addReferral(workspace, 'owen-park', { name: 'Ana Lima', date: '2026-12-01' });
    const frontmatter = async (file: string) => (await store.read(file))!.text.split('---\n')[1];
    expect(await frontmatter('sam-whitaker.md')).toBe('type: contact\nname: Sam Whitaker\nstage: identified\norganization: Northwind Labs\nsource: referral\nreferred_by: "[[owen-park]]"\nhistory:\n  - date: 2026-12-01\n    stage: identified\n');
    expect(await frontmatter('nia-grant.md')).toBe('type: contact\nname: Nia Grant\nstage: identified\nrole: research lead\norganization: Three Rivers Health\nsource: referral\nreferred_by: "[[owen-park]]"\nhistory:\n  - date: 2026-12-01\n    stage: identified\n');
    expect(await frontmatter('lee-ford.md')).toBe('type: contact\nname: Lee Ford\nstage: identified\nrole: Data Analyst II\norganization: Xcel Energy\nsource: referral\nreferred_by: "[[owen-park]]"\nhistory:\n  - date: 2026-12-01\n    stage: identified\n');
    expect(await frontmatter('ana-lima.md')).toBe('type: contact\nname: Ana Lima\nstage: identified\nrole: data engineer\norganization: UPMC\nsource: referral\nreferred_by: "[[owen-park]]"\nhistory:\n  - date: 2026-12-01\n    stage: identified\n');
    expect((await store.read('owen-park.md'))?.text).toBe('---\ntype: contact\nname: Owen Park\nstage: held\n---\n\n## Outcomes\n\n- Referral: [[sam-whitaker]], at Northwind Labs\n- Referral: [[nia-grant]], research lead at Three Rivers Health (by 2026-12-10)\n- Referral: [[lee-ford]], analyst at Xcel\n- Referral: [[ana-lima]], a data engineer at UPMC \u2014 met her at the meetup\n');
  });

  it('gives the note it creates the organization owning a team, unless the owner is someone in the notes', async () => {
    const priya = "---\ntype: contact\nname: Priya Raman\nstage: held\n---\n\n## Outcomes\n\n- Referral: Grace Liu, the nurse informaticist on Carelink's alerts team.\n- Referral: Omar Haddad, the analyst on Dana's team\n";
    const dana = '---\ntype: contact\nname: Dana Okafor\nstage: held\n---\n';
    const store = new MemoryStore({ 'priya-raman.md': priya, 'dana-okafor.md': dana });
    const workspace = await loadWorkspace(store);
    await addReferral(workspace, 'priya-raman', { name: 'Grace Liu', date: '2026-12-01' });
    await addReferral(workspace, 'priya-raman', { name: 'Omar Haddad', date: '2026-12-01' });
    const frontmatter = async (file: string) => (await store.read(file))!.text.split('---\n')[1];
    expect(await frontmatter('grace-liu.md')).toBe('type: contact\nname: Grace Liu\nstage: identified\nrole: nurse informaticist\norganization: Carelink\nsource: referral\nreferred_by: "[[priya-raman]]"\nhistory:\n  - date: 2026-12-01\n    stage: identified\n');
    // Dana is Dana Okafor, who has a note: her team is no organization.
    expect(await frontmatter('omar-haddad.md')).toBe('type: contact\nname: Omar Haddad\nstage: identified\nsource: referral\nreferred_by: "[[priya-raman]]"\nhistory:\n  - date: 2026-12-01\n    stage: identified\n');
  });

  it('writes a shortened organization as the notes do: the referrer\'s, else the one organization in the notes that starts so', async () => {
    const priya = "---\ntype: contact\nname: Priya Raman\nstage: held\norganization: Carelink Labs\n---\n\n## Outcomes\n\n- Referral: Grace Liu, the nurse informaticist on Carelink's alerts team.\n- Referral: Tom Reyes, analyst at Xcel\n- Referral: Ana Lima, designer at UPMC\n";
    const others = {
      'lee-park.md': '---\ntype: contact\nname: Lee Park\nstage: identified\norganization: Xcel Energy\n---\n',
      'sam-ortiz.md': '---\ntype: contact\nname: Sam Ortiz\nstage: identified\norganization: UPMC Shadyside\n---\n',
      'nia-grant.md': '---\ntype: contact\nname: Nia Grant\nstage: identified\norganization: UPMC Presbyterian\n---\n',
    };
    const store = new MemoryStore({ 'priya-raman.md': priya, ...others });
    const workspace = await loadWorkspace(store);
    for (const name of ['Grace Liu', 'Tom Reyes', 'Ana Lima']) await addReferral(workspace, 'priya-raman', { name, date: '2026-12-01' });
    const organization = async (file: string) => /\norganization: (.*)\n/.exec((await store.read(file))!.text)?.[1];
    expect(await organization('grace-liu.md')).toBe('Carelink Labs');
    expect(await organization('tom-reyes.md')).toBe('Xcel Energy');
    // Two UPMC hospitals in the notes: which one is not for Rapport to guess.
    expect(await organization('ana-lima.md')).toBe('UPMC');
  });

  it('reads a role and organization from a referral line only where it says where the person works', () => {
    const lines = [
      'Sam Whitaker, at Northwind Labs',
      'Dana Okafor, research lead at Three Rivers Health',
      'Priya Raman, PM at Carelink Labs who "thinks like a researcher"',
      'Lee Park, the CMIO at University of Pittsburgh Medical Center (by 2026-12-10)',
      'Ray Cho, analyst at Buckeye Freight & Logistics, Inc.',
      'Tom Becker, works at Duquesne Light',
      'Kim Ode, her manager at Xcel Energy\'s grid team',
      'Ana Lima, met at UXPA',
      'Ana Lima, met at the meetup at the library',
      'Bo Lin, formerly at Highmark',
      'Kim Ode, research lead at the library',
      'Grace Liu, the nurse informaticist on Carelink\'s alerts team',
      'Lee Park',
      'Lee Park at UPMC',
      'Raj Patel at Walgreens Health \u2014 say Kevin sent me',
      '[[raj-patel]] at Walgreens Health',
      'Rachel Kim, data scientist at Pecan Street Inc.',
      'Noor Ali, analyst at Grid Works.',
      'Eli Moss, lawyer at Moss & Hale L.L.P.',
    ];
    const outcomes = readNote('p.md', NOTE_HEAD + lines.map((line) => `- Referral: ${line}\n`).join('')).contact!.outcomes;
    expect(outcomes.map((outcome) => workNamed(outcome))).toEqual([
      { organization: 'Northwind Labs' },
      { role: 'research lead', organization: 'Three Rivers Health' },
      { role: 'PM', organization: 'Carelink Labs' },
      { role: 'CMIO', organization: 'University of Pittsburgh Medical Center' },
      { role: 'analyst', organization: 'Buckeye Freight & Logistics' },
      { organization: 'Duquesne Light' },
      { organization: 'Xcel Energy' },
      {},
      {},
      {},
      {},
      { role: 'nurse informaticist', organization: 'Carelink' },
      {},
      { organization: 'UPMC' },
      { organization: 'Walgreens Health' },
      { organization: 'Walgreens Health' },
      // An abbreviation keeps its period; a sentence's full stop goes.
      { role: 'data scientist', organization: 'Pecan Street Inc.' },
      { role: 'analyst', organization: 'Grid Works' },
      { role: 'lawyer', organization: 'Moss & Hale L.L.P.' },
    ]);
  });

  it('reads the other ways a referral line says where someone works: on a team, with, an owner, after a comma', () => {
    const work = (line: string, isPerson?: (words: string) => boolean) => workNamed(readNote('p.md', `${NOTE_HEAD}- Referral: ${line}\n`).contact!.outcomes[0]!, isPerson);
    // On a team: the organization owns it, or the team is at it; the team is no part of the role.
    expect(work("Grace Liu, the nurse informaticist on Carelink's alerts team.")).toEqual({ role: 'nurse informaticist', organization: 'Carelink' });
    expect(work('Grace Liu, nurse informaticist on Carelink\u2019s alerts team, based in Oakland')).toEqual({ role: 'nurse informaticist', organization: 'Carelink' });
    expect(work("Grace Liu, on Xcel Energy's grid team")).toEqual({ organization: 'Xcel Energy' });
    expect(work('Grace Liu, nurse informaticist on the alerts team at Carelink')).toEqual({ role: 'nurse informaticist', organization: 'Carelink' });
    expect(work("[[grace-liu]] on Carelink's alerts team")).toEqual({ organization: 'Carelink' });
    // With, after a role.
    expect(work('Grace Liu, a nurse informaticist with Carelink (by 2026-12-10)')).toEqual({ role: 'nurse informaticist', organization: 'Carelink' });
    // A relation before "at" is no role; the organization stands.
    expect(work("Grace Liu, Dana's manager at UPMC")).toEqual({ organization: 'UPMC' });
    // The organization as the owner of the role.
    expect(work("Grace Liu, Carelink's nurse informaticist")).toEqual({ role: 'nurse informaticist', organization: 'Carelink' });
    expect(work("Grace Liu, Xcel Energy's grid team lead")).toEqual({ role: 'grid team lead', organization: 'Xcel Energy' });
    // The role, then the organization after a comma: a role in lower case.
    expect(work('Grace Liu, nurse informaticist, Carelink')).toEqual({ role: 'nurse informaticist', organization: 'Carelink' });
    // A name that ends in 's with nothing after it keeps it: it is the name's own, not an owner's.
    expect(work("Lena Ortiz, who runs the pediatric usability lab at Children's (by 2026-12-08)")).toEqual({ organization: "Children's" });
    expect(work('Lena Ortiz, franchise trainer at McDonald\u2019s')).toEqual({ role: 'franchise trainer', organization: 'McDonald\u2019s' });
    expect(work("Lena Ortiz, nurse at St. Mary's, Pittsburgh")).toEqual({ role: 'nurse', organization: "St. Mary's" });
    expect(work("Lena Ortiz, a designer with Children's")).toEqual({ role: 'designer', organization: "Children's" });
    // Words after it: the owner of what follows.
    expect(work("Lena Ortiz, nurse at Carelink's clinic")).toEqual({ role: 'nurse', organization: 'Carelink' });
  });

  it('reads nothing from a referral line whose words may be about something other than where the person works', () => {
    const work = (line: string, isPerson?: (words: string) => boolean) => workNamed(readNote('p.md', `${NOTE_HEAD}- Referral: ${line}\n`).contact!.outcomes[0]!, isPerson);
    const nothing = [
      // A plain word is no organization.
      'Grace Liu, a friend from college',
      'Grace Liu, nurse from the clinic',
      'Grace Liu, on the alerts team',
      'Grace Liu, nurse informaticist, the alerts team',
      // A relation, not a role: the name before it may be a person's, and "from" may say where someone grew up.
      "Grace Liu, Dana's manager",
      "Grace Liu, Maya Chen's former colleague",
      'Grace Liu, my cousin from Ohio',
      'Grace Liu, her mentor from Carelink',
      // Where they met, or were.
      'Grace Liu, met her from UXPA',
      'Grace Liu, formerly with Carelink',
      // "with" and no role: a person as likely as an employer.
      'Grace Liu, with Dana',
      // Two places: which one is where they work?
      'Grace Liu, worked with Dana from Carelink',
      // When, not where.
      'Grace Liu, nurse from 2019',
      // "from" says where someone comes from as often as where they work.
      'Ann Lee, a nurse from Ohio',
      'Grace Liu, nurse informaticist from Carelink Labs who built the alerts',
      '[[grace-liu]] from University of Pittsburgh Medical Center',
      // Capitals alone after a comma may be credentials.
      'Tom Reyes, RN, BSN',
      'Grace Liu, CMIO, Allegheny Health Network.',
      // Title case before the comma may be an organization and a place: "Brightline Health, Pittsburgh".
      'Grace Liu, Brightline Health, Pittsburgh',
      'Grace Liu, nurse informaticist, Carelink, Oakland',
      // Not a team it is on, and no comma after a name written out (the name runs on).
      "Grace Liu, works on Carelink's EHR",
      'Grace Liu from Carelink',
    ];
    expect(nothing.map((line) => [line, work(line)])).toEqual(nothing.map((line) => [line, {}]));
    // A name that is someone's in the notes, written as an owner or after "with", is that person, not an organization.
    const dana = (words: string) => words === 'Dana' || words === 'Maya Chen';
    expect(work("Grace Liu, the nurse informaticist on Dana's team", dana)).toEqual({});
    expect(work('Grace Liu, nurse informaticist with Maya Chen', dana)).toEqual({});
    expect(work("Grace Liu, the nurse informaticist on Carelink's alerts team", dana)).toEqual({ role: 'nurse informaticist', organization: 'Carelink' });
    // After "at", a name that is someone's stays an organization unless written as an owner ("at Chase" with Chase Miller in the notes).
    expect(work('Grace Liu, analyst at Chase', (words) => words === 'Chase')).toEqual({ role: 'analyst', organization: 'Chase' });
  });

  it('reads the organization a referral line names after the name', () => {
    const outcomes = readNote('p.md', NOTE_HEAD + '- Referral: Tom Becker, protection engineer at Duquesne Light (by 2026-12-10)\n- Referral: Priya Shah, analyst at Buckeye Freight & Logistics, Inc.\n- Referral: Ana Lima, met at the meetup at the library\n- Referral: Lee Park\n- Referral: Raj Patel at Walgreens Health \u2014 say Kevin sent me\n- Referral: Bo Lin, at Acme - the design team\n- Referral: Rachel Kim, data scientist at Pecan Street Inc.\n- Referral: Noor Ali, analyst at Grid Works.\n').contact!.outcomes;
    expect(outcomes.map(organizationNamed)).toEqual(['Duquesne Light', 'Buckeye Freight & Logistics', 'the library', undefined, 'Walgreens Health', 'Acme', 'Pecan Street Inc.', 'Grid Works']);
  });

  it('reports a label mapped to an unknown kind at its place', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ '.rapport/config.yaml': 'outcome_labels:\n  Intro: introduction\n' }));
    expect(workspace.configDiagnostics).toMatchObject([{ rule: 'invalid-config', line: 2, column: 10, message: 'Unknown outcome kind "introduction" for the label `Intro`' }]);
  });
});

describe('outcomes, for any list', () => {
  it('finds each labelled item at its line with its box and date, and nothing in free text', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const lines = items.map((entry) => {
          if (entry.freeText) return `- Note to self: ${entry.text}`;
          const due = entry.due === undefined ? '' : entry.due[1] === 'by' ? ` (by ${entry.due[0]})` : `, due: ${entry.due[0]}`;
          return `- ${entry.box}${entry.label[0]}: ${entry.text}${due}`;
        });
        const reading = readNote('p.md', NOTE_HEAD + lines.map((line) => line + '\n').join(''));
        expect(reading.diagnostics).toEqual([]);
        const expected = items.flatMap((entry, index) =>
          entry.freeText ? [] : [{ kind: entry.label[1], done: entry.box === '' ? null : entry.box === '[x] ', due: entry.due?.[0] ?? null, line: 13 + index }],
        );
        expect(reading.contact!.outcomes.map((outcome) => ({ kind: outcome.kind, done: outcome.done, due: outcome.due, line: outcome.line }))).toEqual(expected);
      }),
    );
  });

  it('never throws, whatever the section holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => {
        const reading = readNote('p.md', NOTE_HEAD + body);
        for (const outcome of reading.contact?.outcomes ?? []) expect(outcome.line).toBeGreaterThanOrEqual(13);
        for (const diagnostic of reading.diagnostics.filter((d) => d.rule === 'invalid-outcome-date')) expect(diagnostic.line).toBeGreaterThanOrEqual(13);
      }),
    );
  });
});
