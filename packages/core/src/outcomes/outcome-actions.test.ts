import { describe, expect, it } from 'vitest';
import { agenda } from '../lifecycle/next-action.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { readNote } from '../note/read-contact.js';
import { nameFromLink } from './outcome-actions.js';
import { addReferral } from './add-referral.js';
import { loadSlugger } from '../workspace/load-slugger.js';
import { outcomeSummary } from './outcome-summary.js';

// Three notes, counted by hand: Marcus has a dated open lead, a dated open résumé review,
// a ticked lead, an undated lead, a referral by name and one by link; Dana has a ticked
// referral by name and a dated job shadow; Lee is closed but his offer is still open.
const FOLDER = {
  'marcus-bell.md':
    '---\ntype: contact\nname: Marcus Bell\nstage: thanked\nhistory:\n  - {date: 2026-11-20, stage: thanked}\n---\n\n## Outcomes\n\n' +
    '- [ ] Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\n' +
    '- [ ] Résumé review: he offered to read it, due: 2026-11-28\n' +
    '- [x] Lead: Excel Analytics: BI intern (by 2026-11-25)\n' +
    '- Lead: something at the utility, no date yet\n' +
    '- Referral: Renee Jackson, data engineer at Xcel\n' +
    '- Referral: [[dana-okafor]]\n',
  'dana-okafor.md':
    '---\ntype: contact\nname: Dana Okafor\nstage: archived\nreferred_by: "[[marcus-bell]]"\n---\n\n## Outcomes\n\n' +
    '- [x] Referral: Omar Haddad, her old team lead\n' +
    '- Job shadow: a day at the county health department (by 2026-12-15)\n',
  'lee-park.md': '---\ntype: contact\nname: Lee Park\nstage: declined\n---\n\n## Outcomes\n\n- Offer: analyst role at Carelink (by 2026-12-01)\n',
};

const context = { now: new Date('2026-11-30T15:00:00Z'), timezone: 'America/New_York' };

describe('outcomes on the agenda', () => {
  it('lists open dated outcomes and referrals to add, and nothing ticked', async () => {
    const workspace = await loadWorkspace(new MemoryStore(FOLDER));
    const items = agenda(workspace.index.contacts(), context);
    expect(items.filter((item) => item.kind === 'outcome' || item.kind === 'add-referral').map(({ id, action, due, overdue, line }) => ({ id, action, due, overdue, line }))).toEqual([
      { id: 'marcus-bell', action: 'Send your résumé to Marcus Bell for review', due: '2026-11-28', overdue: true, line: 12 },
      { id: 'lee-park', action: 'Follow up on the offer: analyst role at Carelink', due: '2026-12-01', overdue: false, line: 9 },
      { id: 'marcus-bell', action: 'Follow up on the lead at Xcel Energy: Data Analyst II', due: '2026-12-10', overdue: false, line: 11 },
      { id: 'dana-okafor', action: 'Arrange the job shadow with Dana Okafor: a day at the county health department', due: '2026-12-15', overdue: false, line: 11 },
      { id: 'marcus-bell', action: 'Add Renee Jackson (referred by Marcus Bell)', due: null, overdue: false, line: 15 },
    ]);
    expect(items.find((item) => item.kind === 'add-referral')?.referral).toBe('Renee Jackson');
  });

  it('gives the same lines from the index, and updates when a box is ticked', async () => {
    const workspace = await loadWorkspace(new MemoryStore(FOLDER));
    expect(workspace.index.agenda(context)).toEqual(agenda(workspace.index.contacts(), context));
    workspace.index.set('marcus-bell.md', FOLDER['marcus-bell.md'].replace('- [ ] Lead: Xcel', '- [x] Lead: Xcel'));
    expect(workspace.index.agenda(context).map((item) => item.action)).not.toContain('Follow up on the lead at Xcel Energy: Data Analyst II');
    expect(workspace.index.agenda(context)).toEqual(agenda(workspace.index.contacts(), context));
  });
});

describe('a referral not named yet', () => {
  const ben =
    '---\ntype: contact\nname: Ben Osei\nstage: thanked\nhistory:\n  - {date: 2026-11-25, stage: held}\n---\n\n## Outcomes\n\n' +
    '- Referral: their informatics lead (he will send the name)\n' +
    '- Referral: someone on the alerts team at Carelink \u2014 he will email her first (by 2026-12-12)\n' +
    '- Referral: a nurse manager at UPMC.\n' +
    '- [x] Referral: the head of research\n' +
    '- Referral: Grace Liu, nurse informaticist\n' +
    '- Referral: An Nguyen at Carelink\n' +
    '- Referral: The informatics director\n' +
    '- Referral: her CMIO\n' +
    '- Referral: someone on the\n  alerts team, who owns the pager rules\n';
  const at = { now: new Date('2026-12-07T15:00:00Z'), timezone: 'America/New_York' };

  it('reads who they are, and no name to add', () => {
    const outcomes = readNote('ben-osei.md', ben).contact!.outcomes;
    expect(outcomes.map(({ name, unnamed }) => ({ name, unnamed }))).toEqual([
      { name: undefined, unnamed: 'their informatics lead' },
      { name: undefined, unnamed: 'someone on the alerts team at Carelink' },
      { name: undefined, unnamed: 'a nurse manager at UPMC' },
      { name: undefined, unnamed: 'the head of research' },
      { name: 'Grace Liu', unnamed: undefined },
      { name: 'An Nguyen', unnamed: undefined },
      { name: undefined, unnamed: 'The informatics director' },
      { name: undefined, unnamed: 'her CMIO' },
      { name: undefined, unnamed: 'someone on the alerts team, who owns the pager rules' },
    ]);
  });

  it('asks the referrer for the name instead of suggesting a note for a description (by day, then in words); nothing for a ticked one', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'ben-osei.md': ben }));
    const items = agenda(workspace.index.contacts(), at).filter((item) => item.kind === 'ask-referral-name' || item.kind === 'add-referral');
    expect(items.map(({ kind, action, due, line }) => ({ kind, action, due, line }))).toEqual([
      { kind: 'ask-referral-name', action: 'Ask Ben Osei for the name of someone on the alerts team at Carelink', due: '2026-12-12', line: 12 },
      { kind: 'add-referral', action: 'Add An Nguyen (referred by Ben Osei)', due: null, line: 16 },
      { kind: 'add-referral', action: 'Add Grace Liu (referred by Ben Osei)', due: null, line: 15 },
      { kind: 'ask-referral-name', action: 'Ask Ben Osei for the name of a nurse manager at UPMC', due: null, line: 13 },
      { kind: 'ask-referral-name', action: 'Ask Ben Osei for the name of her CMIO', due: null, line: 18 },
      { kind: 'ask-referral-name', action: 'Ask Ben Osei for the name of someone on the alerts team, who owns the pager rules', due: null, line: 19 },
      { kind: 'ask-referral-name', action: 'Ask Ben Osei for the name of the informatics director', due: null, line: 17 },
      { kind: 'ask-referral-name', action: 'Ask Ben Osei for the name of their informatics lead', due: null, line: 11 },
    ]);
    expect(workspace.index.referralGraph().pending.map((entry) => entry.target)).toEqual(['Grace Liu', 'An Nguyen']);
  });
});

describe('a referral written as a link before its note', () => {
  const nadia =
    '---\ntype: contact\nname: Nadia Rahman\nstage: held\nhistory:\n  - {date: 2026-12-09, stage: held}\n---\n\n## Outcomes\n\n' +
    '- Referral: [[leila-haddad]] runs research ops at Clearpath Schools\n' +
    '- [x] Referral: [[omar-said]], met him already\n' +
    '- [[sam-ortiz]] mentioned in passing\n';
  const leila = '---\ntype: contact\nname: Leila Haddad\nstage: identified\n---\n';
  const at = { now: new Date('2026-12-10T15:00:00Z'), timezone: 'America/New_York' };
  const referralLines = (items: readonly { kind: string; action: string; due: string | null; line?: number }[]) => items.filter((item) => item.kind === 'add-referral').map(({ action, due, line }) => ({ action, due, line }));

  it('asks for the note, undated, until it exists; a ticked one and a link without a label ask nothing', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'nadia-rahman.md': nadia }));
    expect(referralLines(agenda(workspace.index.contacts(), at))).toEqual([{ action: 'Add a note for [[leila-haddad]] (referred by Nadia Rahman)', due: null, line: 11 }]);
    expect(workspace.index.agenda(at)).toEqual(agenda(workspace.index.contacts(), at));

    workspace.index.set('leila-haddad.md', leila);
    expect(referralLines(workspace.index.agenda(at))).toEqual([]);
    expect(workspace.index.agenda(at)).toEqual(agenda(workspace.index.contacts(), at));

    workspace.index.delete('leila-haddad.md');
    expect(referralLines(workspace.index.agenda(at))).toEqual([{ action: 'Add a note for [[leila-haddad]] (referred by Nadia Rahman)', due: null, line: 11 }]);
  });

  it('suggests the name to create the note with: the words of an id, or the link as written when it is a name', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'nadia-rahman.md': nadia.replace('- [[sam-ortiz]]', '- Referral: [[Priya Shah|Priya]]\n- [[sam-ortiz]]') }));
    expect(workspace.index.agenda(at).filter((item) => item.kind === 'add-referral').map(({ action, referral }) => ({ action, referral }))).toEqual([
      { action: 'Add a note for [[leila-haddad]] (referred by Nadia Rahman)', referral: 'Leila Haddad' },
      { action: 'Add a note for [[Priya Shah]] (referred by Nadia Rahman)', referral: 'Priya Shah' },
    ]);
  });
});

describe('a referral written once as a link and once as a name by the same referrer', () => {
  // Priya links Grace before her note exists (line 11) and names her on another line (line 12).
  const priya =
    '---\ntype: contact\nname: Priya Raman\nstage: held\nhistory:\n  - {date: 2026-12-09, stage: held}\n---\n\n## Outcomes\n\n' +
    '- Referral: [[grace-liu]], she runs the alert-fatigue study\n' +
    '- Referral: Grace Liu, nurse informaticist\n' +
    '- Referral: [[tom-reyes]]\n';
  const at = { now: new Date('2026-12-10T15:00:00Z'), timezone: 'America/New_York' };
  const referralLines = (items: readonly { kind: string; action: string; line?: number; referral?: string; existing?: string }[]) =>
    items.filter((item) => item.kind === 'add-referral').map(({ action, line, referral, existing }) => ({ action, line, referral, ...(existing === undefined ? {} : { existing }) }));

  it('is one line with the slugger, the named one, from agenda() and from the index alike', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'priya-raman.md': priya }));
    expect(workspace.index.namesBesideMissingLinks()).toBe(true);
    const contactSlug = await loadSlugger();
    const expected = [
      { action: 'Add a note for [[tom-reyes]] (referred by Priya Raman)', line: 13, referral: 'Tom Reyes' },
      { action: 'Add Grace Liu (referred by Priya Raman)', line: 12, referral: 'Grace Liu' },
    ];
    expect(referralLines(agenda(workspace.index.contacts(), { ...at, contactSlug }))).toEqual(expected);
    expect(referralLines(workspace.index.agenda({ ...at, contactSlug }))).toEqual(expected);
  });

  it('is due on the earliest day either line gives, and undated only when neither gives one', async () => {
    const contactSlug = await loadSlugger();
    const graceDue = async (note: string) => {
      const workspace = await loadWorkspace(new MemoryStore({ 'priya-raman.md': note }));
      return workspace.index.agenda({ ...at, contactSlug }).filter((item) => item.referral === 'Grace Liu').map(({ line, due }) => ({ line, due }));
    };
    const linkDated = priya.replace('alert-fatigue study', 'alert-fatigue study (by 2026-12-18)');
    expect(await graceDue(linkDated)).toEqual([{ line: 12, due: '2026-12-18' }]);
    expect(await graceDue(linkDated.replace('nurse informaticist', 'nurse informaticist (by 2026-12-22)'))).toEqual([{ line: 12, due: '2026-12-18' }]);
    expect(await graceDue(linkDated.replace('nurse informaticist', 'nurse informaticist (by 2026-12-16)'))).toEqual([{ line: 12, due: '2026-12-16' }]);
    expect(await graceDue(priya.replace('nurse informaticist', 'nurse informaticist (by 2026-12-16)'))).toEqual([{ line: 12, due: '2026-12-16' }]);
    expect(await graceDue(priya)).toEqual([{ line: 12, due: null }]);
  });

  it('is two lines without the slugger, as written', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'priya-raman.md': priya }));
    expect(referralLines(workspace.index.agenda(at)).map((item) => item.line)).toEqual([11, 13, 12]);
  });

  it('stays two people when the link is another id than the name gets, or the named line is ticked', async () => {
    const contactSlug = await loadSlugger();
    const other = await loadWorkspace(new MemoryStore({ 'priya-raman.md': priya.replace('[[grace-liu]]', '[[grace-liu-carelink]]') }));
    expect(referralLines(other.index.agenda({ ...at, contactSlug })).map((item) => item.line)).toEqual([11, 13, 12]);
    const ticked = await loadWorkspace(new MemoryStore({ 'priya-raman.md': priya.replace('- Referral: Grace Liu', '- [x] Referral: Grace Liu') }));
    expect(referralLines(ticked.index.agenda({ ...at, contactSlug })).map((item) => item.line)).toEqual([11, 13]);
  });

  it('is one line asking to link her note when she has one under another id, and none once both lines link it', async () => {
    const grace = '---\ntype: contact\nname: Grace Liu\norganization: Carelink Labs\nstage: identified\n---\n';
    const store = new MemoryStore({ 'priya-raman.md': priya, 'grace-liu-carelink.md': grace });
    const workspace = await loadWorkspace(store);
    const contactSlug = await loadSlugger();
    expect(referralLines(workspace.index.agenda({ ...at, contactSlug }))).toEqual([
      { action: 'Add a note for [[tom-reyes]] (referred by Priya Raman)', line: 13, referral: 'Tom Reyes' },
      { action: 'Link Grace Liu (referred by Priya Raman) to [[grace-liu-carelink]]', line: 12, referral: 'Grace Liu', existing: 'grace-liu-carelink' },
    ]);
    await addReferral(workspace, 'priya-raman', { name: 'Grace Liu', date: '2026-12-10' });
    expect((await store.read('priya-raman.md'))?.text).toContain('- Referral: [[grace-liu-carelink]], she runs the alert-fatigue study\n- Referral: [[grace-liu-carelink]], nurse informaticist\n');
    expect(workspace.index.namesBesideMissingLinks()).toBe(false);
    expect(referralLines(workspace.index.agenda({ ...at, contactSlug })).map((item) => item.line)).toEqual([13]);
  });

  it('asks for no slugger where no referrer names someone beside a link to a missing note', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'priya-raman.md': priya.replace('- Referral: [[tom-reyes]]\n', '').replace('[[grace-liu]]', '[[tom-reyes]]'), 'tom-reyes.md': '---\ntype: contact\nname: Tom Reyes\nstage: identified\n---\n' }));
    expect(workspace.index.namesBesideMissingLinks()).toBe(false);
  });
});

describe('nameFromLink', () => {
  it('reads an id as words and leaves anything else as written', () => {
    expect(['renee-jackson', 'maya', 'ana_de_lima', 'jo-2', 'Priya Shah', 'Maya-Chen', 'josé-núñez', 'ana--ruiz'].map(nameFromLink)).toEqual(['Renee Jackson', 'Maya', 'Ana De Lima', 'Jo 2', 'Priya Shah', 'Maya-Chen', 'josé-núñez', 'ana--ruiz']);
  });
});

describe('the outcome summary', () => {
  it('counts outcomes by kind and lists the open leads, soonest first; a referral linked to a note is no longer open', async () => {
    const workspace = await loadWorkspace(new MemoryStore(FOLDER));
    const summary = outcomeSummary(workspace.index.contacts());
    // Referrals: Renee Jackson (no note) open, [[dana-okafor]] (her note is in the folder) and the ticked Omar Haddad not.
    expect(summary.byKind).toEqual({
      referral: { total: 3, open: 1 },
      lead: { total: 4, open: 3 },
      'job-shadow': { total: 1, open: 1 },
      'resume-review': { total: 1, open: 1 },
      resource: { total: 0, open: 0 },
      advice: { total: 0, open: 0 },
      training: { total: 0, open: 0 },
    });
    expect(summary.openLeads.map(({ id, line, due }) => [id, line, due])).toEqual([
      ['lee-park', 9, '2026-12-01'],
      ['marcus-bell', 11, '2026-12-10'],
      ['marcus-bell', 14, null],
    ]);
  });
});
