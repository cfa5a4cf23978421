import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { advance, dismissAction, logInteraction, snoozeContact } from '@rapport/core';
import { api, bodyOf, changedFiles, EXTENSION_ID, fileUri, folder, frontmatterOf, readText, runScripted, setSetting, snapshot, TODAY, waitFor, withPrompts, closeEditors } from './fixture.js';
import { exampleContacts } from './oracle.js';
import { suite, test } from './runner.js';
import { CANCEL, ENTER, ScriptedPrompts } from './scripted-prompts.js';

function contactIn(stage: string) {
  const contact = exampleContacts().find((candidate) => candidate.stage === stage);
  assert.ok(contact, `the example has a contact in ${stage}`);
  return contact;
}

/** Lines of the note's text that are YAML comments: an edit must keep every one. */
function commentLines(text: string): string[] {
  return text.split('\n').filter((line) => /(^|\s)#\s/.test(line) && !line.startsWith('#'));
}

/** Runs `command` on the first agenda item of `kind`, as its context menu does; checks that it changed that note alone, and gives the note and its text before. */
async function runOnAgendaItem(kind: string, command: string, what: string): Promise<{ file: string; original: string }> {
  const agendaItem = (await api()).views.agenda.entries().find((entry) => entry.contextValue === `agendaItem.${kind}`);
  assert.ok(agendaItem, what);
  const before = snapshot();
  await vscode.commands.executeCommand(command, agendaItem.contactId);
  assert.deepEqual(changedFiles(before, snapshot()), [agendaItem.file]);
  return { file: agendaItem.file, original: before.get(agendaItem.file)! };
}

function stageMembers(stage: string): Promise<string[]> {
  return api().then((rapport) => {
    const group = rapport.views.contacts.getChildren().find((node) => node.kind === 'group' && node.group.label === stage);
    return group ? rapport.views.contacts.getChildren(group).map((node) => (node.kind === 'contact' ? node.contactId : '')) : [];
  });
}

suite('Commands', () => {
  test('New Contact asks name, organization, role, source and referrer, and writes one new note', async () => {
    const before = snapshot();
    const { result, prompts } = await runScripted<{ id: string; file: string }>(
      { 'contact.name': 'Alicia Moreno', 'contact.organization': 'Brightline Health', 'contact.role': 'Clinical Research Coordinator', 'contact.source': 'referral', 'contact.referredBy': 'Maya Chen' },
      'rapport.newContact',
    );
    assert.deepEqual(prompts.asked, ['contact.name', 'contact.organization', 'contact.role', 'contact.source', 'contact.referredBy']);
    assert.deepEqual([...prompts.steps.values()], ['1/4', '2/4', '3/4', '4/4', '5/5'], 'who referred them, asked for a referral only, is a last step of its own');
    // Somebody referred them: nothing is focused, so Enter picks nobody by mistake; "Nobody" comes after the people
    // you have talked with (Maya Chen, nurturing, also at Brightline Health) and before those you have never written
    // to (Elena Vasquez, identified).
    assert.equal(prompts.focused.get('contact.referredBy'), undefined);
    const referrers = prompts.offered.get('contact.referredBy')!;
    assert.ok(referrers.indexOf('Maya Chen') < referrers.indexOf('Nobody') && referrers.indexOf('Nobody') < referrers.indexOf('Elena Vasquez'), referrers.join(', '));
    assert.deepEqual(result, { id: 'alicia-moreno', file: 'contacts/alicia-moreno.md' });
    assert.deepEqual(changedFiles(before, snapshot()), ['contacts/alicia-moreno.md']);
    const text = readText('contacts/alicia-moreno.md');
    assert.deepEqual(frontmatterOf(text), { type: 'contact', name: 'Alicia Moreno', stage: 'identified', role: 'Clinical Research Coordinator', organization: 'Brightline Health', source: 'referral', referred_by: '[[maya-chen]]', history: '' });
    assert.match(text, new RegExp(`- date: ${TODAY}\\n\\s+stage: identified`));
    assert.ok((await stageMembers('identified')).includes('alicia-moreno'), 'listed under identified');
    await closeEditors();
  });

  test('New Contact for a referral offers first the contacts in touch at their organization, written any case', async () => {
    const before = snapshot();
    const { result, prompts } = await runScripted(
      { 'contact.name': 'Nora Patel', 'contact.organization': 'monongahela valley health', 'contact.role': '', 'contact.source': 'referral', 'contact.referredBy': CANCEL },
      'rapport.newContact',
    );
    assert.equal(result, undefined);
    // Marcus Bell (held) and Elena Vasquez (identified, never written to) work at Monongahela Valley Health in the example:
    // he comes first; she, who has never heard from you, is no likely referrer and comes after "Nobody".
    const referrers = prompts.offered.get('contact.referredBy')!;
    assert.equal(referrers[0], 'Marcus Bell');
    assert.ok(referrers.indexOf('Nobody') < referrers.indexOf('Elena Vasquez'), referrers.join(', '));
    assert.equal(prompts.placeholders.get('contact.referredBy'), 'Who referred them? Pick them, or Nobody (type to search)');
    assert.deepEqual(changedFiles(before, snapshot()), []);
  });

  test('New Contact found on LinkedIn does not ask who referred them', async () => {
    const before = snapshot();
    const { result, prompts } = await runScripted<{ id: string; file: string }>(
      { 'contact.name': 'Grace Hopper', 'contact.organization': 'Navy Labs', 'contact.role': '', 'contact.source': 'linkedin' },
      'rapport.newContact',
    );
    assert.deepEqual(prompts.asked, ['contact.name', 'contact.organization', 'contact.role', 'contact.source']);
    assert.deepEqual(result, { id: 'grace-hopper', file: 'contacts/grace-hopper.md' });
    assert.deepEqual(frontmatterOf(readText('contacts/grace-hopper.md')), { type: 'contact', name: 'Grace Hopper', stage: 'identified', organization: 'Navy Labs', source: 'linkedin', history: '' });
    assert.deepEqual(changedFiles(before, snapshot()), ['contacts/grace-hopper.md']);
    await closeEditors();
    rmSync(join(folder(), 'contacts', 'grace-hopper.md'));
    const rapport = await api();
    await waitFor(() => !rapport.notes.workspace?.index.contact('grace-hopper'), 'the note to go');
  });

  test('New Contact for a name and organization that already have a note says so, and Enter opens that note, writing nothing', async () => {
    const before = snapshot();
    const { result, prompts } = await runScripted({ 'contact.name': 'maya  chen', 'contact.organization': 'BRIGHTLINE HEALTH', 'contact.existing': ENTER }, 'rapport.newContact');
    assert.equal(result, undefined);
    assert.deepEqual(prompts.asked, ['contact.name', 'contact.organization', 'contact.existing']);
    assert.equal(prompts.placeholders.get('contact.existing'), 'Maya Chen at Brightline Health already has a note: maya-chen.md');
    assert.deepEqual(prompts.offered.get('contact.existing'), ['Open maya-chen.md', 'Create another note anyway']);
    assert.equal(prompts.focused.get('contact.existing'), 'Open maya-chen.md');
    assert.deepEqual(changedFiles(before, snapshot()), []);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), fileUri('maya-chen.md').toString());
    await closeEditors();
  });

  test('New Contact for someone an unreadable note may be about says so, and Enter opens that note at its problem, writing nothing', async () => {
    const rapport = await api();
    // Line 4: a value with `: ` in it, which YAML cannot read.
    writeFileSync(join(folder(), 'ines-duarte.md'), '---\ntype: contact\nname: Inês Duarte\nrole: Lead: Patient Experience\nstage: identified\n---\n');
    await waitFor(() => rapport.notes.workspace?.index.brokenNotes().some((note) => note.file === 'ines-duarte.md'), 'the note listed as one that cannot be read');
    const before = snapshot();
    const { result, prompts } = await runScripted({ 'contact.name': 'Inês Duarte', 'contact.organization': 'UPMC', 'contact.unreadable': ENTER }, 'rapport.newContact');
    assert.equal(result, undefined);
    assert.deepEqual(prompts.asked, ['contact.name', 'contact.organization', 'contact.unreadable']);
    assert.equal(prompts.placeholders.get('contact.unreadable'), 'ines-duarte.md cannot be read as a contact, and may already be about Inês Duarte');
    assert.deepEqual(prompts.offered.get('contact.unreadable'), ['Open ines-duarte.md', 'Create another note anyway']);
    assert.deepEqual(changedFiles(before, snapshot()), []);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), fileUri('ines-duarte.md').toString());
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 3, 'on line 4, its problem');
    await closeEditors();
    rmSync(join(folder(), 'ines-duarte.md'));
    await waitFor(() => !rapport.notes.workspace?.index.brokenNotes().some((note) => note.file === 'ines-duarte.md'), 'the note to go');
  });

  test('New Contact for a name and organization that already have a note creates another when asked to', async () => {
    const before = snapshot();
    const { result, prompts } = await runScripted<{ id: string; file: string }>(
      { 'contact.name': 'Maya Chen', 'contact.organization': 'Brightline Health', 'contact.existing': 'Create another note anyway', 'contact.role': 'Design Intern', 'contact.source': 'linkedin' },
      'rapport.newContact',
    );
    assert.deepEqual(prompts.asked, ['contact.name', 'contact.organization', 'contact.existing', 'contact.role', 'contact.source']);
    assert.deepEqual(result, { id: 'maya-chen-brightline-health', file: 'contacts/maya-chen-brightline-health.md' });
    assert.deepEqual(changedFiles(before, snapshot()), ['contacts/maya-chen-brightline-health.md']);
    assert.deepEqual(frontmatterOf(readText('contacts/maya-chen-brightline-health.md')), { type: 'contact', name: 'Maya Chen', stage: 'identified', role: 'Design Intern', organization: 'Brightline Health', source: 'linkedin', history: '' });
    await closeEditors();
    rmSync(join(folder(), 'contacts', 'maya-chen-brightline-health.md'));
    const rapport = await api();
    await waitFor(() => !rapport.notes.workspace?.index.contact('maya-chen-brightline-health'), 'the note to go');
  });

  test('New Contact for a name known at another organization asks nothing more about it', async () => {
    const before = snapshot();
    const { result, prompts } = await runScripted({ 'contact.name': 'Maya Chen', 'contact.organization': 'Brightline', 'contact.role': CANCEL }, 'rapport.newContact');
    assert.equal(result, undefined);
    assert.deepEqual(prompts.asked, ['contact.name', 'contact.organization', 'contact.role']);
    assert.deepEqual(changedFiles(before, snapshot()), []);
  });

  test('New Contact for a name known at another organization creates the note, then says which note has the name', async () => {
    const before = snapshot();
    const { result, prompts } = await runScripted<{ id: string; file: string }>(
      { 'contact.name': 'Maya Chen', 'contact.organization': 'Duquesne Light', 'contact.role': '', 'contact.source': 'linkedin' },
      'rapport.newContact',
    );
    assert.deepEqual(result, { id: 'maya-chen-duquesne-light', file: 'contacts/maya-chen-duquesne-light.md' });
    assert.deepEqual(changedFiles(before, snapshot()), ['contacts/maya-chen-duquesne-light.md']);
    assert.deepEqual(prompts.infos, ['maya-chen.md is also about Maya Chen at Brightline Health: created a second note, contacts/maya-chen-duquesne-light.md. If they are one person, keep one note.']);
    await closeEditors();
    rmSync(join(folder(), 'contacts', 'maya-chen-duquesne-light.md'));
    const rapport = await api();
    await waitFor(() => !rapport.notes.workspace?.index.contact('maya-chen-duquesne-light'), 'the note to go');
  });

  test('New Contact for someone named in another contact\'s Outcomes offers that contact as the referrer, and links their line to the new note', async () => {
    const referrer = ['---', 'type: contact', 'name: Olu Adeyemi', 'stage: held', 'history:', '  - date: 2026-11-16', '    stage: held', '---', '', '# Olu Adeyemi', '', '## Outcomes', '', '- Referral: Tomás Rivera, analyst at Smith Trucking', ''];
    writeFileSync(fileUri('olu-adeyemi.md').fsPath, referrer.join('\n'));
    const rapport = await api();
    await waitFor(() => rapport.notes.workspace?.index.contact('olu-adeyemi') !== undefined, 'the referrer indexed');
    const before = snapshot();
    const { result, prompts } = await runScripted<{ id: string; file: string }>(
      { 'contact.name': 'Tomas Rivera', 'contact.organization': '', 'contact.role': '', 'contact.source': ENTER, 'contact.referredBy': ENTER },
      'rapport.newContact',
    );
    assert.equal(prompts.focused.get('contact.source'), 'referral');
    assert.equal(prompts.focused.get('contact.referredBy'), 'Olu Adeyemi');
    // A referral: "Nobody" is an unlikely answer, listed after Olu and the people you have talked with.
    assert.equal(prompts.offered.get('contact.referredBy')?.[0], 'Olu Adeyemi');
    assert.ok(prompts.offered.get('contact.referredBy')!.indexOf('Nobody') > prompts.offered.get('contact.referredBy')!.indexOf('Marcus Bell'));
    assert.deepEqual(result, { id: 'tomas-rivera', file: 'contacts/tomas-rivera.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false });
    assert.deepEqual(changedFiles(before, snapshot()), ['contacts/tomas-rivera.md', 'olu-adeyemi.md']);
    assert.deepEqual(frontmatterOf(readText('contacts/tomas-rivera.md')), { type: 'contact', name: 'Tomas Rivera', stage: 'identified', role: 'analyst', organization: 'Smith Trucking', source: 'referral', referred_by: '[[olu-adeyemi]]', history: '' });
    assert.equal(readText('olu-adeyemi.md'), referrer.join('\n').replace('- Referral: Tomás Rivera,', '- Referral: [[tomas-rivera]],'));
    await closeEditors();
    rmSync(join(folder(), 'contacts', 'tomas-rivera.md'));
    rmSync(fileUri('olu-adeyemi.md').fsPath);
    await waitFor(() => !rapport.notes.workspace?.index.contact('tomas-rivera') && !rapport.notes.workspace?.index.contact('olu-adeyemi'), 'the notes to go');
  });

  test('New Contact cancelled half-way writes nothing', async () => {
    const before = snapshot();
    const { result } = await runScripted({ 'contact.name': 'Half Way', 'contact.organization': CANCEL }, 'rapport.newContact');
    assert.equal(result, undefined);
    assert.deepEqual(changedFiles(before, snapshot()), []);
  });

  test('Advance Stage to scheduled asks for the meeting and edits only that note, losslessly', async () => {
    const contact = contactIn('contacted');
    const before = snapshot();
    const original = before.get(contact.file)!;
    const { result, prompts } = await runScripted(
      { 'advance.stage': 'scheduled', 'meeting.date': '2026-12-02', 'meeting.time': '8:30', 'meeting.format': 'video', 'meeting.place': 'https://meet.example.com/abc' },
      'rapport.advanceStage',
      contact.id,
    );
    assert.deepEqual(result, { file: contact.file, stage: 'scheduled' });
    assert.deepEqual(prompts.asked, ['advance.stage', 'meeting.date', 'meeting.time', 'meeting.format', 'meeting.place']);
    assert.deepEqual(changedFiles(before, snapshot()), [contact.file]);
    const text = readText(contact.file);
    assert.equal(text, advance(original, 'scheduled', { date: TODAY, meeting: { at: '2026-12-02T08:30', format: 'video', link: 'https://meet.example.com/abc' } }));
    assert.equal(bodyOf(text), bodyOf(original), 'the body is untouched');
    for (const comment of commentLines(original)) assert.ok(text.includes(comment), `comment kept: ${comment}`);
    assert.equal(frontmatterOf(text).stage, 'scheduled');
    await waitFor(async () => (await stageMembers('scheduled')).includes(contact.id), 'the contact under scheduled');
  });

  test('Advance Stage to scheduled refuses a meeting time the zone skips, naming it', async () => {
    const contact = contactIn('contacted');
    const before = snapshot();
    // The example's zone is America/New_York, whose clocks went from 02:00 to 03:00 on 2027-03-14.
    const prompts = new ScriptedPrompts({ 'advance.stage': 'scheduled', 'meeting.date': '2027-03-14', 'meeting.time': '2:30' });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', contact.id));
    assert.equal(result, undefined);
    assert.match(prompts.errors.join(), /02:30 does not exist on 2027-03-14 in America\/New_York: the clocks skip it\. Choose another time/);
    assert.deepEqual(changedFiles(before, snapshot()), []);
  });

  test('Advance Stage takes its answers as arguments (no questions) and records the channel', async () => {
    const contact = contactIn('held');
    const before = snapshot();
    const original = before.get(contact.file)!;
    const { prompts } = await runScripted({}, 'rapport.advanceStage', contact.id, { stage: 'thanked', via: 'email' });
    assert.deepEqual(prompts.asked, []);
    assert.deepEqual(changedFiles(before, snapshot()), [contact.file]);
    assert.equal(readText(contact.file), advance(original, 'thanked', { date: TODAY, via: 'email' }));
  });

  test('with two notes sharing an id, a tree item acts on its own note, and the id alone is refused, naming both', async () => {
    const rapport = await api();
    const twin = (stage: string) => ['---', 'type: contact', 'name: Tess Twin', `stage: ${stage}`, 'history:', '  - date: 2026-11-10', '    stage: identified', ...(stage === 'identified' ? [] : ['  - date: 2026-11-12', `    stage: ${stage}`]), '---', ''].join('\n');
    // Each folder is made, and seen, before its note is written: a note written into a folder made the same instant can reach the watcher late.
    for (const [place, stage] of [['twins-old', 'identified'], ['twins-new', 'contacted']] as const) {
      mkdirSync(join(folder(), place), { recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 300));
      writeFileSync(join(folder(), place, 'tess-twin.md'), twin(stage));
      await waitFor(() => rapport.notes.workspace?.index.contactsNamed(`${place}/tess-twin.md`).length === 1, `${place}/tess-twin.md to be indexed`, 20_000);
    }
    // Grouped by stage, where every contact has a row (grouped by due date, one with nothing due may have none).
    const grouping = vscode.workspace.getConfiguration('rapport').get<string>('contacts.groupBy');
    await setSetting('contacts.groupBy', 'stage');
    try {
      const nodes = await waitFor(() => {
        const found = rapport.views.contacts.getChildren().flatMap((group) => rapport.views.contacts.getChildren(group)).filter((node) => node.kind === 'contact' && node.contactId === 'tess-twin');
        return found.length === 2 && found;
      }, 'both notes in the Contacts tree');
      const older = nodes.find((node) => node.kind === 'contact' && node.file === 'twins-old/tess-twin.md')!;
      const before = snapshot();
      await runScripted({}, 'rapport.advanceStage', older, { stage: 'contacted', via: 'email' });
      assert.deepEqual(changedFiles(before, snapshot()), ['twins-old/tess-twin.md']);
      assert.match(readText('twins-old/tess-twin.md'), /^stage: contacted$/m);
      const refused = new ScriptedPrompts({});
      const again = snapshot();
      assert.equal(await withPrompts(refused, () => vscode.commands.executeCommand('rapport.advanceStage', 'tess-twin', { stage: 'followed-up', via: 'email' })), undefined);
      assert.deepEqual(refused.errors, ['"tess-twin" is the id of 2 notes: twins-new/tess-twin.md, twins-old/tess-twin.md; run Advance Stage from the note itself, or rename one of the files so each contact has an id of its own']);
      assert.deepEqual(changedFiles(again, snapshot()), []);
    } finally {
      await setSetting('contacts.groupBy', grouping === 'stage' ? undefined : grouping);
      rmSync(join(folder(), 'twins-old'), { recursive: true, force: true });
      rmSync(join(folder(), 'twins-new'), { recursive: true, force: true });
      await waitFor(() => !rapport.notes.workspace?.index.contact('tess-twin'), 'the twins to leave the index');
    }
  });

  test('Advance Stage refuses a bad meeting date and leaves the note alone', async () => {
    const contact = contactIn('identified');
    const before = snapshot();
    const prompts = new ScriptedPrompts({ 'advance.stage': 'scheduled', 'meeting.date': 'next tuesday' });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', contact.id));
    assert.equal(result, undefined);
    assert.match(prompts.errors.join(), /YYYY-MM-DD/);
    assert.deepEqual(changedFiles(before, snapshot()), []);
  });

  test('Log Interaction appends a dated entry and keeps the stage', async () => {
    const contact = contactIn('nurturing');
    const before = snapshot();
    const original = before.get(contact.file)!;
    await runScripted({ contact: contact.name, 'advance.via': 'linkedin', 'interaction.note': 'Shared the diary-study article' }, 'rapport.logInteraction');
    assert.deepEqual(changedFiles(before, snapshot()), [contact.file]);
    assert.equal(readText(contact.file), logInteraction(original, { date: TODAY, via: 'linkedin', note: 'Shared the diary-study article' }));
  });

  test('Log Interaction asks, while a letter waits for its answer, whether this is their reply; a reply takes the follow-up off the Agenda', async () => {
    const contact = contactIn('contacted');
    const before = snapshot();
    const original = before.get(contact.file)!;
    const { prompts } = await runScripted({ contact: contact.name, 'interaction.replied': 'They replied', 'advance.via': 'email', 'interaction.note': 'Happy to talk, will send times' }, 'rapport.logInteraction');
    assert.deepEqual(prompts.infos, [`Logged ${contact.name}'s reply (${TODAY}): the Agenda now asks you to agree a time.`]);
    assert.deepEqual(changedFiles(before, snapshot()), [contact.file]);
    const entry = `  - date: ${TODAY}\n    stage: contacted\n    touch: true\n    replied: true\n    via: email\n    note: Happy to talk, will send times\n`;
    assert.equal(readText(contact.file), original.replace(/\n---\n/, `\n${entry}---\n`));
    const entriesOf = async () => (await api()).views.agenda.entries().filter((item) => item.file === contact.file).map((item) => item.contextValue);
    await waitFor(async () => (await entriesOf()).join() === 'agendaItem.reply', 'the Agenda asks to agree a time, and no longer to follow up');
    // Put back for the suites after this one, which count the example's agenda.
    await vscode.workspace.fs.writeFile(fileUri(contact.file), new TextEncoder().encode(original));
    await waitFor(async () => (await entriesOf()).includes('agendaItem.follow-up'), 'the follow-up is back');
  });

  test('Dismiss "Try a Second Person" adds it to the note\'s dismissed list, from the agenda item', async () => {
    const { file, original } = await runOnAgendaItem('second-contact', 'rapport.dismissSecondContact', 'the example agenda has a "Try a second person" item');
    assert.equal(readText(file), dismissAction(original, 'second-contact'));
    assert.match(readText(file), /\ndismissed:\n {2}- second-contact\n---\n/);
  });

  test('Mark Next Action Done takes the next: written by hand out of the note, from its agenda item, and the rules take over', async () => {
    const { file, original } = await runOnAgendaItem('manual', 'rapport.markNextDone', 'the example agenda has a next action written by hand (Aisha Karim\'s)');
    assert.equal(readText(file), original.replace('next:\n  action: Tell Aisha how the coffee with Ben Osei went\n  due: 2026-11-27\n', ''));
    await waitFor(async () => (await api()).views.agenda.entries().some((entry) => entry.file === file && entry.contextValue === 'agendaItem.keep-in-touch'), 'the keep-in-touch suggestion comes back for her');
    // Put back for the suites after this one, which count the example's agenda.
    await vscode.workspace.fs.writeFile(fileUri(file), new TextEncoder().encode(original));
    await waitFor(async () => (await api()).views.agenda.entries().some((entry) => entry.file === file && entry.contextValue === 'agendaItem.manual'), 'her next action written by hand is back');
  });

  test('Mark Outcome Done ticks the Outcomes item of its agenda row, and from the palette the one picked; each leaves the Agenda', async () => {
    const rapport = await api();
    const file = 'nadia-rahman.md';
    // Lines 16 and 17: the lead and the résumé review.
    const note = ['---', 'type: contact', 'name: Nadia Rahman', 'stage: thanked', 'history:', '  - date: 2026-11-16', '    stage: held', '  - date: 2026-11-17', '    stage: thanked', '---', '', '# Nadia Rahman', '', '## Outcomes', '', '- Lead: Xcel Energy: Data Analyst II (by 2026-12-10)', '- [ ] Résumé review: she will read it (by 2026-11-30)', ''].join('\n');
    writeFileSync(fileUri(file).fsPath, note);
    const outcomeLines = () => rapport.views.agenda.entries().filter((entry) => entry.file === file && entry.contextValue === 'agendaItem.outcome').map((entry) => entry.line);
    await waitFor(() => outcomeLines().sort().join() === '16,17', 'her lead and résumé review on the Agenda');
    // The row as the Agenda hands it to its context menu: the tree's node, whose view holds the line.
    const agenda = rapport.views.agenda;
    const row = agenda
      .getChildren()
      .flatMap((group) => agenda.getChildren(group))
      .find((node) => node.kind === 'agendaItem' && node.file === file && node.view.line === 17)!;
    const before = snapshot();
    const { result, prompts } = await runScripted({}, 'rapport.markOutcomeDone', row);
    assert.deepEqual(result, { file, line: 17, written: 'written' });
    assert.deepEqual(prompts.asked, []);
    assert.deepEqual(prompts.infos, ['Nadia Rahman: Résumé review done (ticked [x] on line 17): it leaves the Agenda.']);
    assert.deepEqual(changedFiles(before, snapshot()), [file]);
    const ticked = note.replace('- [ ] Résumé review:', '- [x] Résumé review:');
    assert.equal(readText(file), ticked);
    await waitFor(() => outcomeLines().join() === '16', 'the résumé review leaves the Agenda');

    // A line typed above the Outcomes in her open note, not saved: the lead is on line 17 now, and the question and the message say so.
    const document = await vscode.workspace.openTextDocument(fileUri(file));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(12, 0), 'Typed but not saved.\n'));
    const picked = await runScripted({ outcome: 'Lead: Xcel Energy: Data Analyst II (by 2026-12-10)' }, 'rapport.markOutcomeDone', 'nadia-rahman');
    assert.deepEqual(picked.prompts.asked, ['outcome']);
    assert.deepEqual(picked.prompts.offered.get('outcome'), ['Lead: Xcel Energy: Data Analyst II (by 2026-12-10)'], 'only her open outcome is offered');
    assert.deepEqual(picked.result, { file, line: 17, written: 'unsaved' });
    assert.deepEqual(picked.prompts.infos, ['Nadia Rahman: Lead done (ticked [x] on line 17). The note is changed in its open editor, not on disk yet: save it to keep the change (the views follow once it is saved).']);
    const typed = ticked.replace('# Nadia Rahman\n', '# Nadia Rahman\nTyped but not saved.\n');
    assert.equal(document.getText(), typed.replace('- Lead: Xcel', '- [x] Lead: Xcel'));
    await document.save();
    await closeEditors();
    assert.equal(readText(file), typed.replace('- Lead: Xcel', '- [x] Lead: Xcel'));
    await waitFor(() => outcomeLines().length === 0, 'the lead leaves the Agenda');
    rmSync(fileUri(file).fsPath);
    await waitFor(() => !rapport.notes.workspace?.index.contact('nadia-rahman'), 'the note to leave the index');
  });

  test('Snooze… on an agenda row puts the contact\'s overdue actions off to the day picked, and Unsnooze on a snoozed row brings them back', async () => {
    const rapport = await api();
    const file = 'rosa-quinn.md';
    // A cold email on Thursday 2026-11-05, no reply, nobody else at her organization: a second person was due
    // 3 business days later (11-10), the follow-up 7 (11-16).
    const note = ['---', 'type: contact', 'name: Rosa Quinn', 'stage: contacted', 'organization: Quinn Clinics', 'source: linkedin   # the alumni group', 'history:', '  - date: 2026-11-05', '    stage: contacted', '    via: email', '---', '', '# Rosa Quinn', ''].join('\n');
    writeFileSync(fileUri(file).fsPath, note);
    const rosa = () => rapport.views.agenda.entries().filter((entry) => entry.file === file);
    await waitFor(() => rosa().length === 2, 'her two rows on the Agenda');
    assert.deepEqual(rosa().map((entry) => [entry.contextValue, entry.urgency]), [['agendaItem.second-contact', 'overdue'], ['agendaItem.follow-up', 'overdue']]);
    const agenda = rapport.views.agenda;
    const row = agenda
      .getChildren()
      .flatMap((group) => agenda.getChildren(group))
      .find((node) => node.kind === 'agendaItem' && node.file === file && node.view.contextValue === 'agendaItem.follow-up')!;
    const before = snapshot();
    const original = note;
    // Monday 2026-11-23: next Monday is 2026-11-30, in a week: one choice.
    const { result, prompts } = await runScripted({ 'snooze.until': 'Next Monday, in a week' }, 'rapport.snooze', row);
    assert.deepEqual(prompts.asked, ['snooze.until']);
    assert.deepEqual(prompts.offered.get('snooze.until'), ['Tomorrow', 'Next Monday, in a week', 'In two weeks', 'Pick a date…']);
    assert.equal(prompts.described.get('snooze.until')?.get('Tomorrow'), 'Tue 2026-11-24 | ');
    assert.equal(prompts.described.get('snooze.until')?.get('Next Monday, in a week'), 'Mon 2026-11-30 | ');
    assert.deepEqual(result, { file, until: '2026-11-30' });
    assert.deepEqual(prompts.infos, ['Snoozed Rosa Quinn until Monday, November 30.']);
    assert.deepEqual(changedFiles(before, snapshot()), [file]);
    assert.equal(readText(file), snoozeContact(original, '2026-11-30'));
    assert.equal(readText(file), note.replace('    via: email\n---\n', '    via: email\nsnoozed_until: 2026-11-30\n---\n'));
    await waitFor(() => rosa().every((entry) => entry.contextValue.endsWith('.snoozed')), 'her rows snoozed');
    assert.deepEqual(
      rosa().map((entry) => [entry.contextValue, entry.urgency, entry.icon, entry.description, entry.tooltip.split('\n')[1]]),
      [
        ['agendaItem.follow-up.snoozed', 'soon', 'bell-slash', 'snoozed until Mon 2026-11-30 · follow up if there is no reply', 'Due 2026-11-30, snoozed from 2026-11-16'],
        ['agendaItem.second-contact.snoozed', 'soon', 'bell-slash', 'snoozed until Mon 2026-11-30 · try a second person at Quinn Clinics', 'Due 2026-11-30, snoozed from 2026-11-10'],
      ],
    );
    // Her row in the Contacts view says it in the same words.
    const inContacts = () =>
      rapport.views.contacts
        .getChildren()
        .flatMap((group) => rapport.views.contacts.getChildren(group))
        .map((node) => rapport.views.contacts.getTreeItem(node))
        .find((item) => item.label === 'Rosa Quinn')?.description;
    await waitFor(() => inContacts() === 'Quinn Clinics — snoozed until Mon 2026-11-30', () => `her contact row snoozed (${inContacts()})`);

    // The rows' context menus: Snooze… on a row of her own actions, snoozed or not; Unsnooze on a snoozed one only.
    const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string }[];
    const inMenu = (command: string, viewItem: string) => menus.some((entry) => entry.command === command && new RegExp(/^viewItem =~ \/(.*)\/$/.exec(entry.when)?.[1] ?? '^$').test(viewItem));
    assert.deepEqual(
      ['agendaItem.follow-up', 'agendaItem.follow-up.snoozed', 'agendaItem.meet', 'agendaItem.outcome'].map((viewItem) => [viewItem, inMenu('rapport.snooze', viewItem), inMenu('rapport.unsnooze', viewItem)]),
      [['agendaItem.follow-up', true, false], ['agendaItem.follow-up.snoozed', true, true], ['agendaItem.meet', false, false], ['agendaItem.outcome', false, false]],
    );
    assert.ok(inMenu('rapport.dismissSecondContact', 'agendaItem.second-contact.snoozed'), 'a snoozed second person can still be dismissed');

    const snoozedRow = agenda
      .getChildren()
      .flatMap((group) => agenda.getChildren(group))
      .find((node) => node.kind === 'agendaItem' && node.file === file && node.view.contextValue === 'agendaItem.follow-up.snoozed')!;
    const ended = await runScripted({}, 'rapport.unsnooze', snoozedRow);
    assert.deepEqual(ended.result, { file });
    assert.deepEqual(ended.prompts.infos, ['Unsnoozed Rosa Quinn: their actions are due again as the rules say.']);
    assert.equal(readText(file), original);
    await waitFor(() => rosa().map((entry) => entry.contextValue).join() === 'agendaItem.second-contact,agendaItem.follow-up', 'her rows back as they were');
    // Her next action, the follow-up, due again on 2026-11-16.
    await waitFor(() => inContacts() === 'Quinn Clinics — overdue 7 d', () => `her contact row due again (${inContacts()})`);
    rmSync(fileUri(file).fsPath);
    await waitFor(() => !rapport.notes.workspace?.index.contact('rosa-quinn'), 'her note to leave the index');
  });

  test('Snooze… from the palette offers only people with something due, checks a typed day, and writes into an open note with unsaved changes', async () => {
    const offered = (await runScripted({ contact: CANCEL }, 'rapport.snooze')).prompts.offered.get('contact') ?? [];
    for (const due of ['Hannah Schultz', 'Owen Park', 'Victor Nguyen']) assert.ok(offered.includes(due), `${due} in ${offered.join(', ')}`);
    // Only undated letters to write (identified), or closed: nothing to put off.
    for (const undue of ['Elena Vasquez', 'Tomás Herrera', 'Claire Dubois', 'Greg Malone']) assert.ok(!offered.includes(undue), `${undue} not offered`);
    const nobody = new ScriptedPrompts({});
    await withPrompts(nobody, () => vscode.commands.executeCommand('rapport.unsnooze'));
    assert.deepEqual(nobody.errors, ['Nobody is snoozed']);
    // A closed contact's note in the active editor is refused, as rapport snooze refuses it, and left as it is.
    const closed = await vscode.workspace.openTextDocument(fileUri('closed/greg-malone.md'));
    try {
      await vscode.window.showTextDocument(closed);
      await assert.rejects(runScripted({ 'snooze.until': 'Pick a date…', 'snooze.date': '2026-12-09' }, 'rapport.snooze'), /Greg Malone is no-response, and a closed contact has no next action to put off/);
      assert.ok(!readText('closed/greg-malone.md').includes('snoozed_until'));
    } finally {
      // Left open, his note would be the target of the palette commands after this.
      await closeEditors();
    }

    // A day typed that is not after today is refused by the question itself.
    await assert.rejects(runScripted({ contact: 'Owen Park', 'snooze.until': 'Pick a date…', 'snooze.date': '2026-11-20' }, 'rapport.snooze'), /was refused: 2026-11-20 is not after today \(2026-11-23\): a snooze puts actions off to a later day/);

    // Referred, written to on Friday 2026-11-13: the follow-up was due 7 business days later, 2026-11-24.
    const rapport = await api();
    const file = 'tess-ward.md';
    writeFileSync(fileUri(file).fsPath, ['---', 'type: contact', 'name: Tess Ward', 'stage: contacted', 'source: referral', 'history:', '  - date: 2026-11-13', '    stage: contacted', '---', '', '# Tess Ward', ''].join('\n'));
    await waitFor(() => rapport.notes.workspace?.index.contact('tess-ward') !== undefined, 'her note indexed');
    const original = readText(file);
    const document = await vscode.workspace.openTextDocument(fileUri(file));
    try {
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, '\nTyped but not saved.\n'));
      const typed = document.getText();
      // Run from the palette with her note in the active editor: the command acts on it, asking only the day.
      const { result, prompts } = await runScripted({ 'snooze.until': 'Pick a date…', 'snooze.date': '2026-12-09' }, 'rapport.snooze');
      assert.deepEqual(prompts.asked, ['snooze.until', 'snooze.date']);
      assert.deepEqual(result, { file, until: '2026-12-09' });
      assert.deepEqual(prompts.infos, [
        'Snoozed Tess Ward until Wednesday, December 9. The note is changed in its open editor, not on disk yet: save it to keep the change (the views follow once it is saved).',
      ]);
      assert.equal(readText(file), original, 'the file on disk is untouched');
      assert.equal(document.getText(), snoozeContact(typed, '2026-12-09'));
      assert.equal(document.getText(), original.replace('    stage: contacted\n---\n', '    stage: contacted\nsnoozed_until: 2026-12-09\n---\n') + '\nTyped but not saved.\n');
      assert.ok(document.isDirty);
    } finally {
      // Left open and changed, the note would be the target of the palette commands of the tests after this one.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await closeEditors();
      rmSync(fileUri(file).fsPath);
      await waitFor(() => !rapport.notes.workspace?.index.contact('tess-ward'), 'her note to leave the index');
    }
  });

  test('run from the palette, commands that fit only some contacts offer only those', async () => {
    const rapport = await api();
    // The notes the tests before this one wrote and removed have left the index too.
    const indexed = () => (rapport.notes.workspace?.index.contacts() ?? []).map((contact) => contact.file).sort().join();
    await waitFor(() => indexed() === exampleContacts().map((contact) => contact.file).sort().join(), 'the index to hold the notes in the folder');
    const offered = async (command: string) => (await runScripted({ contact: CANCEL }, command)).prompts.offered.get('contact') ?? [];
    // Aisha Karim and Keisha Brooks have a `next:` written in the example.
    assert.deepEqual([...(await offered('rapport.markNextDone'))].sort(), ['Aisha Karim', 'Keisha Brooks']);
    // Marcus Bell has a résumé review, a lead and a job shadow open, Priya Raman a lead; the others' Outcomes hold
    // referrals, resources and training without a date (Maya Chen, Claire Dubois…), or nothing (Owen Park).
    assert.deepEqual([...(await offered('rapport.markOutcomeDone'))].sort(), ['Marcus Bell', 'Priya Raman']);
    // Declined, no response and archived: Claire Dubois, Greg Malone, Irene Kowalski.
    const questions = await offered('rapport.insertQuestions');
    for (const closed of ['Claire Dubois', 'Greg Malone', 'Irene Kowalski']) assert.ok(!questions.includes(closed), closed);
    // Everyone else in the folder, including notes earlier suites left there.
    const open = exampleContacts().filter((contact) => !['declined', 'no-response', 'archived'].includes(contact.stage));
    assert.deepEqual([...questions].sort(), open.map((contact) => contact.name).sort());
    assert.ok(open.length >= 14, 'the example has 14 contacts not closed');
    // A cold email of a week ago with no reply, at an organization with nobody else in the notes: "try a second person".
    writeFileSync(fileUri('sol-reyes.md').fsPath, ['---', 'type: contact', 'name: Sol Reyes', 'stage: contacted', 'organization: Solo Clinics', 'source: linkedin', 'history:', '  - date: 2026-11-16', '    stage: contacted', '    via: email', '---', ''].join('\n'));
    await waitFor(() => rapport.notes.workspace?.index.contact('sol-reyes') !== undefined, 'her note indexed');
    const second = await offered('rapport.dismissSecondContact');
    assert.ok(second.includes('Sol Reyes'), second.join(', '));
    for (const name of second) assert.ok(['Sol Reyes', 'Hannah Schultz', 'Owen Park'].includes(name), `${name}: only cold emails without a reply`);
    rmSync(fileUri('sol-reyes.md').fsPath);
    await waitFor(() => rapport.notes.workspace?.index.contact('sol-reyes') === undefined, 'her note gone');
  });

  test('a command on a note with unsaved changes edits the editor, keeping what was typed', async () => {
    const contact = contactIn('scheduled');
    const original = readText(contact.file);
    const document = await vscode.workspace.openTextDocument(fileUri(contact.file));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, '\nTyped but not saved.\n'));
    const typed = document.getText();
    const { prompts } = await runScripted({ 'advance.via': 'phone', 'interaction.note': CANCEL }, 'rapport.logInteraction', contact.id, { note: 'Called to confirm' });
    assert.deepEqual(prompts.infos, [`Logged: ${contact.name}, ${TODAY}, still scheduled. The note is changed in its open editor, not on disk yet: save it to keep the change (the views follow once it is saved).`]);
    assert.equal(readText(contact.file), original, 'the file on disk is untouched');
    assert.equal(document.getText(), logInteraction(typed, { date: TODAY, via: 'phone', note: 'Called to confirm' }));
    assert.ok(document.isDirty);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeEditors();
  });

  test('Initialize Notes Folder sets up an empty folder with the example contact it promises, and says plainly when a folder is already set up', async () => {
    const rapport = await api();
    const before = snapshot();
    const again = new ScriptedPrompts({});
    await withPrompts(again, () => vscode.commands.executeCommand('rapport.init'));
    assert.deepEqual(again.errors, [], 'not an error');
    assert.deepEqual(again.infos, ['This folder is already set up for Rapport: .rapport/config.yaml exists, and nothing was changed. Edit your profile there.']);
    // Init itself writes nothing: the config is as it was, and no file came or went.
    const after = snapshot();
    assert.equal(after.get('.rapport/config.yaml'), before.get('.rapport/config.yaml'));
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());

    mkdirSync(join(folder(), 'fresh'), { recursive: true });
    await setSetting('notesFolder', 'fresh');
    try {
      await waitFor(() => rapport.notes.state === 'uninitialised' && rapport.notes.root?.path.endsWith('/fresh'), 'the empty folder to load');
      assert.deepEqual(rapport.views.contacts.getChildren(), [], 'the welcome view shows instead of contacts');
      await runScripted({ 'init.name': 'Jordan Reyes', 'init.field': 'UX research' }, 'rapport.init');
      const config = readText('fresh/.rapport/config.yaml');
      assert.match(config, /^ {2}name: "Jordan Reyes"$/m);
      assert.match(config, /^timezone: "/m);
      assert.equal(rapport.notes.state, 'ready');
      assert.equal(rapport.notes.workspace?.config.profile.name, 'Jordan Reyes');
      const example = readText('fresh/alex-example.md');
      assert.deepEqual(frontmatterOf(example), { type: 'contact', name: 'Alex Example', stage: 'identified', role: 'UX Researcher', organization: 'Example Health', source: 'other', history: '' });
      assert.match(example, /^# Alex Example$/m);
      assert.deepEqual(rapport.notes.workspace?.index.contacts().map((contact) => contact.id), ['alex-example']);
      assert.equal(vscode.window.activeTextEditor?.document.uri.path.endsWith('/fresh/alex-example.md'), true, 'the example is opened');
      await closeEditors();
    } finally {
      await setSetting('notesFolder', undefined);
      await waitFor(async () => !rapport.notes.root?.path.endsWith('/fresh') && (await rapport.notes.whenLoaded())?.index.contacts().length, 'the example folder to load again');
    }
  });

  test('Open Referral Graph opens a panel', async () => {
    const result = await vscode.commands.executeCommand('rapport.openReferralGraph');
    assert.deepEqual(result, { opened: true });
    await waitFor(() => vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.label === 'Referral Graph'), 'the graph tab');
    await closeEditors();
  });
});
