import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { loadSlugger, STAGES } from '@rapport/core';
import type { ContactsNode } from '../../src/contacts-tree/contacts-provider.js';
import type { AgendaNode } from '../../src/agenda/agenda-provider.js';
import type { ReferralNodeView } from '../../src/referrals-tree/referral-view.js';
import { api, EXTENSION_ID, fileUri, readText, referralRoots, setSetting, TODAY, waitFor, closeEditors } from './fixture.js';
import { exampleContacts } from './oracle.js';
import { suite, test } from './runner.js';

async function groupsOf(groupBy: string): Promise<Map<string, string[]>> {
  const rapport = await api();
  await setSetting('contacts.groupBy', groupBy);
  await waitFor(() => rapport.notes.state === 'ready' && vscode.workspace.getConfiguration('rapport').get('contacts.groupBy') === groupBy, `grouping by ${groupBy}`);
  const groups = new Map<string, string[]>();
  for (const group of rapport.views.contacts.getChildren()) {
    const item = rapport.views.contacts.getTreeItem(group);
    const members = rapport.views.contacts.getChildren(group).map((node) => String(rapport.views.contacts.getTreeItem(node).label));
    assert.equal(item.description, String(members.length), `count of group ${String(item.label)}`);
    groups.set(String(item.label), members);
  }
  return groups;
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => a.localeCompare(b));
}

suite('Contacts tree', () => {
  test('groups every contact under its stage, in lifecycle order, with counts', async () => {
    const expected = new Map<string, string[]>();
    for (const contact of exampleContacts()) expected.set(contact.stage, [...(expected.get(contact.stage) ?? []), contact.name]);
    const groups = await groupsOf('stage');
    assert.deepEqual([...groups.keys()], STAGES.filter((stage) => expected.has(stage)));
    for (const [stage, names] of expected) assert.deepEqual(sorted(groups.get(stage)!), sorted(names), `contacts in ${stage}`);
  });

  test('groups by organization and by tag', async () => {
    const contacts = exampleContacts();
    const byOrganization = await groupsOf('organization');
    for (const contact of contacts) {
      const label = contact.organization ?? '(no organization)';
      assert.ok(byOrganization.get(label)?.includes(contact.name), `${contact.name} under ${label}`);
    }
    assert.equal([...byOrganization.values()].flat().length, contacts.length);

    const byTag = await groupsOf('tag');
    for (const contact of contacts) {
      for (const tag of contact.tags.length > 0 ? contact.tags : ['(untagged)']) assert.ok(byTag.get(tag)?.includes(contact.name), `${contact.name} under tag ${tag}`);
    }
    assert.equal([...byTag.values()].flat().length, contacts.reduce((sum, contact) => sum + Math.max(1, contact.tags.length), 0));
  });

  test('groups by due date: overdue, today, this week, later, no date', async () => {
    const rapport = await api();
    const byDue = await groupsOf('due');
    assert.ok([...byDue.keys()].every((label) => ['Overdue', 'Due today', 'Next 7 days', 'Later', 'No date'].includes(label)), [...byDue.keys()].join());
    assert.equal([...byDue.values()].flat().length, exampleContacts().length);
    // Closed contacts have no next action.
    for (const contact of exampleContacts().filter((entry) => ['declined', 'no-response', 'archived'].includes(entry.stage))) assert.ok(byDue.get('No date')?.includes(contact.name), contact.name);
    const overdueItems = rapport.views.contacts
      .getChildren()
      .filter((group) => rapport.views.contacts.getTreeItem(group).label === 'Overdue')
      .flatMap((group) => rapport.views.contacts.getChildren(group))
      .map((node) => rapport.views.contacts.getTreeItem(node));
    assert.ok(overdueItems.length > 0, 'the example has overdue contacts on its demo day');
    for (const item of overdueItems) assert.match(String(item.description), /overdue \d+ d/);
    await groupsOf('stage');
  });

  test('contact items show role and organization, an icon per stage, a tooltip (built on hover) with the next action, and open their note', async () => {
    const rapport = await api();
    await groupsOf('stage');
    const nodes = rapport.views.contacts.getChildren().flatMap((group) => rapport.views.contacts.getChildren(group)) as Extract<ContactsNode, { kind: 'contact' }>[];
    const maya = nodes.find((node) => node.contactId === 'maya-chen')!;
    const item = rapport.views.contacts.getTreeItem(maya);
    assert.equal(item.label, 'Maya Chen');
    assert.match(String(item.description), /^Senior UX Researcher · Brightline Health/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'sync');
    assert.equal(item.contextValue, 'contact.nurturing');
    assert.equal(item.tooltip, undefined, 'the tooltip is built on hover, not with the item');
    const tooltip = (rapport.views.contacts.resolveTreeItem(item, maya).tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Next: Keep in touch with Maya Chen/);
    assert.match(tooltip, /Referred by Dana Okafor/);
    const icons = new Set(nodes.map((node) => (rapport.views.contacts.getTreeItem(node).iconPath as vscode.ThemeIcon).id));
    assert.ok(icons.size >= 8, `one icon per stage, got ${[...icons].join(', ')}`);

    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/maya-chen.md'), 'the note to open');
    await closeEditors();
  });
});

suite('Agenda', () => {
  test('groups actions Overdue, Today, Next 7 days, Later, Ready to write, each with its count; rows name the person, when first in the description', async () => {
    const rapport = await api();
    const agenda = rapport.views.agenda;
    const groups = agenda.getChildren();
    const labels = groups.map((group) => agenda.getTreeItem(group).label);
    const order = ['Overdue', 'Today', 'Next 7 days', 'Later', 'Ready to write'];
    assert.deepEqual(labels, order.filter((label) => labels.includes(label)), 'groups in order, nothing else at the top');
    for (const label of ['Overdue', 'Next 7 days', 'Ready to write']) assert.ok(labels.includes(label), `${label} on the demo day (${labels.join(', ')})`);
    const names = new Map(rapport.notes.workspace!.index.contacts().map((contact) => [contact.id, contact.name]));
    const rows = new Map<string, vscode.TreeItem[]>();
    for (const group of groups) {
      const items = agenda.getChildren(group).map((node) => ({ node, item: agenda.getTreeItem(node) }));
      assert.equal(agenda.getTreeItem(group).description, String(items.length), 'the count');
      for (const { node, item } of items) assert.equal(item.label, node.kind === 'agendaItem' ? names.get(node.contactId) : '', 'the person first');
      rows.set(String(agenda.getTreeItem(group).label), items.map(({ item }) => item));
    }
    for (const item of rows.get('Overdue')!) assert.match(String(item.description), /^overdue \d+ d · /);
    const overdueIcon = rows.get('Overdue')![0]!.iconPath as vscode.ThemeIcon;
    assert.equal(overdueIcon.id, 'warning');
    assert.equal((overdueIcon.color as vscode.ThemeColor).id, 'list.errorForeground');
    const maya = rows.get('Next 7 days')!.find((item) => item.label === 'Maya Chen');
    assert.equal(maya?.description, 'due 2026-11-25 · keep in touch');
    // Elena Vasquez was just identified: her first letter has no date.
    const elena = rows.get('Ready to write')!.find((item) => item.label === 'Elena Vasquez');
    assert.equal(elena?.description, 'no date · write the first letter');
    // The day itself is in the tooltip.
    const dues = rows.get('Overdue')!.map((item) => /\nDue (\d{4}-\d{2}-\d{2}) — overdue/.exec(String(item.tooltip))![1]);
    assert.deepEqual([...dues].sort(), dues, 'soonest first');
  });
});

suite('Agenda rows', () => {
  test("a row about an Outcomes line (a referral to add) opens the note with the cursor on that line, even where the note is open elsewhere", async () => {
    const rapport = await api();
    const agenda = rapport.views.agenda;
    const row = agenda
      .getChildren()
      .flatMap((group) => agenda.getChildren(group))
      .map((node) => agenda.getTreeItem(node))
      .find((item) => item.label === 'Priya Raman' && item.contextValue === 'agendaItem.add-referral')!;
    assert.equal(row.description, 'no date · add Grace Liu (referred by Priya Raman)');
    // Open at its top first, as a click on her contact row leaves it.
    await vscode.window.showTextDocument(row.resourceUri!, { selection: new vscode.Range(0, 0, 0, 0) });
    await vscode.commands.executeCommand(row.command!.command, ...(row.command!.arguments ?? []));
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/contacts/health-tech/priya-raman.md') && active.selection.active.line !== 0 ? active : undefined;
    }, 'the note, at the referral');
    // Line 101 of priya-raman.md (0-based 100).
    assert.equal(editor.selection.active.line, 100);
    assert.ok(editor.document.lineAt(100).text.startsWith('- Referral: Grace Liu, the nurse informaticist'), editor.document.lineAt(100).text);
    await closeEditors();
  });

  test('"Add Referral as a Contact" on a row of a referral to add creates their note, referred by the contact, and links the line', async () => {
    const rapport = await api();
    const agenda = rapport.views.agenda;
    const referrer = 'contacts/health-tech/priya-raman.md';
    const original = readText(referrer);
    const node = agenda
      .getChildren()
      .flatMap((group) => agenda.getChildren(group))
      .find((candidate) => candidate.kind === 'agendaItem' && candidate.view.contextValue === 'agendaItem.add-referral' && candidate.view.label === 'Priya Raman')!;
    await vscode.commands.executeCommand('rapport.outcomes.addReferral', node);
    const created = await waitFor(() => rapport.notes.workspace?.index.contact('grace-liu'), 'her note to be indexed');
    assert.equal(created.name, 'Grace Liu');
    assert.equal(created.referredBy, 'priya-raman');
    assert.equal(created.source, 'referral');
    // Line 101 of her note: only the name became a link.
    assert.equal(readText(referrer), original.replace('- Referral: Grace Liu, the nurse informaticist', '- Referral: [[grace-liu]], the nurse informaticist'));
    await waitFor(() => !agenda.entries().some((entry) => entry.contextValue === 'agendaItem.add-referral' && entry.label === 'Priya Raman'), 'the row to leave the Agenda');
    await closeEditors();
    // Put back for the suites after this one, which count the example's agenda.
    rmSync(fileUri(created.file).fsPath);
    writeFileSync(fileUri(referrer).fsPath, original);
    await waitFor(() => agenda.entries().some((entry) => entry.contextValue === 'agendaItem.add-referral' && entry.label === 'Priya Raman'), 'the row to come back');
  });
});

suite('Agenda rows of referrals still to name', () => {
  test('a row asking a referrer for a name has a question icon and opens the line with the cursor where the name goes; the name typed there makes it a referral to add', async () => {
    const rapport = await api();
    const agenda = rapport.views.agenda;
    // A note of its own: one the suites before edited may still be open in a model of the time before (a save would then be refused).
    const referrer = 'ask-referral-name.md';
    const lines = ['---', 'type: contact', 'name: Tara Ng', 'stage: held', 'history:', '  - date: 2026-11-16', '    stage: held', '---', '', '# Tara Ng', '', '## Outcomes', '', '- Referral: their informatics lead', ''];
    writeFileSync(fileUri(referrer).fsPath, lines.join('\n'));
    const isAsking = (node: AgendaNode) => node.kind === 'agendaItem' && node.view.contextValue === 'agendaItem.ask-referral-name' && node.file === referrer;
    const asking = () =>
      agenda
        .getChildren()
        .flatMap((group) => agenda.getChildren(group))
        .find(isAsking);
    const node = await waitFor(asking, 'the row "ask Tara Ng for the name of their informatics lead"');
    const group = agenda.getChildren().find((candidate) => agenda.getChildren(candidate).some(isAsking));
    assert.equal(agenda.getTreeItem(group!).label, 'Ready to write');
    const row = agenda.getTreeItem(node);
    assert.equal(row.label, 'Tara Ng');
    assert.equal(row.description, 'no date · ask for the name of their informatics lead');
    assert.equal((row.iconPath as vscode.ThemeIcon).id, 'question');
    // Its button and context menu: the same command as its click.
    const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string; group: string }[];
    assert.deepEqual(
      menus.filter((entry) => entry.when === 'viewItem == agendaItem.ask-referral-name').map((entry) => [entry.command, entry.group]),
      [['rapport.outcomes.writeReferralName', 'inline@0'], ['rapport.outcomes.writeReferralName', '0_create@1']],
    );
    assert.equal(row.command?.command, 'rapport.outcomes.writeReferralName');
    await vscode.commands.executeCommand(row.command!.command, ...(row.command!.arguments ?? []));
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/ask-referral-name.md') && active.selection.active.line !== 0 ? active : undefined;
    }, 'the note, at the referral to name');
    // 0-based line 13, column 12: after "- Referral: ".
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [13, 12]);
    assert.ok(editor.selection.isEmpty, 'nothing selected: the words typed go before the ones written');
    assert.equal(editor.document.lineAt(13).text, '- Referral: their informatics lead');
    // Typing the name there, as a user would, and saving: the row becomes one to add her.
    await editor.edit((edit) => edit.insert(editor.selection.active, 'Ada Byrne, '));
    assert.ok(await editor.document.save(), 'saved');
    assert.equal(readText(referrer), lines.join('\n').replace('- Referral: their informatics lead', '- Referral: Ada Byrne, their informatics lead'));
    await waitFor(() => asking() === undefined && agenda.entries().some((entry) => entry.referral === 'Ada Byrne' && entry.description === 'no date · add Ada Byrne (referred by Tara Ng)'), 'the row to ask to add Ada Byrne');
    await closeEditors();
    // Taken away for the suites after this one, which count the example's agenda.
    rmSync(fileUri(referrer).fsPath);
    await waitFor(() => !agenda.entries().some((entry) => entry.referral === 'Ada Byrne'), 'her row to go');
  });
});

suite('Agenda rows of referrals written as links', () => {
  test('"Add Referral as a Contact" on the row of a referral written as a link creates the note the link leads to', async () => {
    const rapport = await api();
    const agenda = rapport.views.agenda;
    const referrer = ['---', 'type: contact', 'name: Tara Osei', 'stage: held', 'history:', '  - date: 2026-11-16', '    stage: held', '---', '', '# Tara Osei', '', '## Outcomes', '', '- Referral: [[sol-okoro]], a nurse manager at Mercy', ''].join('\n');
    writeFileSync(fileUri('tara-osei.md').fsPath, referrer);
    const row = () =>
      agenda
        .getChildren()
        .flatMap((group) => agenda.getChildren(group))
        .find((candidate) => candidate.kind === 'agendaItem' && candidate.file === 'tara-osei.md' && candidate.view.contextValue === 'agendaItem.add-referral');
    const node = await waitFor(row, 'her row "Add a note for [[sol-okoro]]" on the Agenda');
    await vscode.commands.executeCommand('rapport.outcomes.addReferral', node);
    const created = await waitFor(() => rapport.notes.workspace?.index.contact('sol-okoro'), 'his note, under the id the link gives');
    assert.equal(created.name, 'Sol Okoro');
    assert.equal(created.referredBy, 'tara-osei');
    // The link led to his id already: her note is as she wrote it.
    assert.equal(readText('tara-osei.md'), referrer);
    await waitFor(() => row() === undefined, 'the row to leave the Agenda');
    await closeEditors();
    rmSync(fileUri(created.file).fsPath);
    rmSync(fileUri('tara-osei.md').fsPath);
    await waitFor(() => !rapport.notes.workspace?.index.contact('sol-okoro') && !rapport.notes.workspace?.index.contact('tara-osei'), 'the notes to go');
  });
});

suite('Referrals tree', () => {
  test('shows who led to whom, following chains at least four introductions deep', async () => {
    const rapport = await api();
    const contacts = new Map(exampleContacts().map((contact) => [contact.id, contact]));
    let deepest = 0;
    const walk = (node: ReferralNodeView | undefined, depth: number) => {
      for (const child of rapport.views.referrals.getChildren(node)) {
        if (child.kind !== 'contact') continue;
        if (node?.kind === 'contact') {
          const linked = contacts.get(child.contactId)?.referredBy === node.contactId || contacts.get(node.contactId)?.outcomeLinks.includes(child.contactId);
          assert.ok(linked, `${node.contactId} → ${child.contactId} is written in the notes`);
        } else {
          const referrer = contacts.get(child.contactId)?.referredBy;
          assert.ok(referrer === undefined || !contacts.has(referrer), `${child.contactId} starts a chain`);
        }
        deepest = Math.max(deepest, depth);
        walk(child, depth + 1);
      }
    };
    await referralRoots();
    walk(undefined, 0);
    assert.ok(deepest >= 4, `deepest chain: ${deepest}`);
    const roots = (await referralRoots()).map((node) => (node.kind === 'contact' ? node.contactId : node.target));
    assert.ok(roots.includes('dana-okafor'), roots.join());
  });

  test('a contact\'s tooltip (built on hover) is the person, as in the Contacts view, not the path of the note', async () => {
    const rapport = await api();
    const view = rapport.views.referrals;
    const dana = (await referralRoots()).find((node) => node.kind === 'contact' && node.contactId === 'dana-okafor')!;
    const maya = view.getChildren(dana).find((node) => node.kind === 'contact' && node.contactId === 'maya-chen')!;
    const item = view.getTreeItem(maya);
    assert.equal(item.tooltip, undefined, 'the tooltip is built on hover, not with the item');
    const tooltip = (view.resolveTreeItem(item, maya).tooltip as vscode.MarkdownString).value;
    assert.equal(
      tooltip,
      [
        '**Maya Chen** — Senior UX Researcher · Brightline Health',
        '',
        'Stage: `nurturing` since 2026-10-26',
        '',
        'Next: Keep in touch with Maya Chen (due 2026-11-25)',
        '',
        'Referred by Dana Okafor',
        '',
        'Tags: `ux-research` `health-tech` `career-changer`',
      ].join('\n'),
    );
    await groupsOf('stage');
    const contactsRow = rapport.views.contacts
      .getChildren()
      .flatMap((group) => rapport.views.contacts.getChildren(group))
      .find((node): node is Extract<ContactsNode, { kind: 'contact' }> => node.kind === 'contact' && node.contactId === 'maya-chen')!;
    const inContacts = rapport.views.contacts.resolveTreeItem(rapport.views.contacts.getTreeItem(contactsRow), contactsRow).tooltip as vscode.MarkdownString;
    assert.equal(tooltip, inContacts.value, 'the same words in both views');
  });

  test('someone Marcus links as [[renee-jackson]] and another names "Renee Jackson" is one person: one row under each, by name', async () => {
    const rapport = await api();
    const view = rapport.views.referrals;
    const note = ['---', 'type: contact', 'name: Quinn Ames', 'stage: held', 'history:', '  - date: 2026-11-16', '    stage: held', '---', '', '## Outcomes', '', '- Referral: [[renee-jackson]], the CMIO', '- Referral: Renee Jackson, CMIO at Mon Valley Health', ''].join('\n');
    writeFileSync(fileUri('quinn-ames.md').fsPath, note);
    try {
      const quinn = await waitFor(async () => (await referralRoots()).find((node) => node.kind === 'contact' && node.contactId === 'quinn-ames'), 'Quinn among the Referrals roots');
      const rows = view.getChildren(quinn).map((node) => view.getTreeItem(node));
      assert.deepEqual(
        rows.map((item) => `${String(item.label)} — ${String(item.description)}`),
        ['Renee Jackson — no note yet'],
        'one row, though Quinn wrote her both ways',
      );
      const targets = rapport.notes.workspace!.index.referralGraph({ contactSlug: await loadSlugger() }).pending.filter((item) => /renee/i.test(item.target)).map((item) => `${item.from} → ${item.target}`);
      assert.deepEqual(targets, ['marcus-bell → renee-jackson', 'quinn-ames → renee-jackson']);
    } finally {
      rmSync(fileUri('quinn-ames.md').fsPath);
      await waitFor(() => !rapport.notes.workspace?.index.contact('quinn-ames'), 'the note to go');
    }
  });
});
