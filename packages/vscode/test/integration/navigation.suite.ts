import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, changedFiles, closeEditors, EXTENSION_ID, fileUri, folder, frontmatterOf, readText, referralRoots, runScripted, setSetting, snapshot, waitFor, withPrompts } from './fixture.js';
import type { ReferralsNode } from '../../src/referrals-tree/index.js';
import { suite, test } from './runner.js';
import { ENTER, ScriptedPrompts } from './scripted-prompts.js';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const shortPath = (uri: vscode.Uri) => uri.path.slice(vscode.Uri.file(folder()).path.length + 1);

/** Where a line's `[[id]]` starts, for putting the cursor on it. */
async function linkPosition(path: string, id: string, nth = 0): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(fileUri(path));
  let offset = -1;
  for (let found = 0; found <= nth; found++) offset = document.getText().indexOf(`[[${id}]]`, offset + 1);
  assert.ok(offset >= 0, `${path} links to ${id}`);
  return document.positionAt(offset + 3);
}

/** Saves every open note (edits made by a rename participant stay in the editors otherwise) and waits for the index. */
async function saveAll(): Promise<void> {
  await vscode.workspace.saveAll(false);
}

suite('Navigation', () => {
  suite('Wikilinks', () => {
    test('Ctrl+click and F12 on [[id]] open the contact, in the frontmatter and in the body', async () => {
      await api();
      await vscode.workspace.openTextDocument(fileUri('sam-whitaker.md')); // links are asked of open documents only
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', fileUri('sam-whitaker.md'));
      const referrer = links.find((link) => link.range.start.line === 11 && link.target?.path.endsWith('.md'));
      assert.equal(referrer && shortPath(referrer.target!), 'maya-chen.md', `referred_by: "[[maya-chen]]" is a link; links: ${JSON.stringify(links.map((link) => [link.range.start.line, link.range.start.character, link.target?.toString()]))}`);
      assert.deepEqual([referrer!.range.start.character, referrer!.range.end.character], [16, 25], 'the id inside the brackets');

      const position = await linkPosition('dana-okafor.md', 'maya-chen');
      assert.equal(position.line, 95);
      const [definition] = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', fileUri('dana-okafor.md'), position);
      const target = definition && ('targetUri' in definition ? definition.targetUri : definition.uri);
      assert.equal(target && shortPath(target), 'maya-chen.md');
    });

    test("hovering a link shows the contact's card: name, role, organization, stage, next action", async () => {
      await api();
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fileUri('sam-whitaker.md'), new vscode.Position(11, 18));
      const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      assert.match(text, /\*\*Maya Chen\*\* {2}\nSenior UX Researcher at Brightline Health {2}\nStage: nurturing {2}\nNext: Keep in touch with Maya Chen \(due 2026-11-25\)/);
    });

    test('Find All References lists every note linking to the contact, frontmatter and body', async () => {
      await api();
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', fileUri('contacts/health-tech/marcus-bell.md'), await linkPosition('contacts/health-tech/marcus-bell.md', 'priya-raman'));
      // VS Code's Markdown support may also report `[priya-raman]` as a reference link of the same note: places are counted once.
      assert.deepEqual([...new Set(locations.map((location) => `${shortPath(location.uri)}:${location.range.start.line + 1}`))].sort(), ['contacts/health-tech/marcus-bell.md:13', 'maya-chen.md:100']);
    });

    test('F2 on a link renames the note and every link to it, as one edit (Ctrl+Enter previews it)', async () => {
      await api();
      const position = await linkPosition('maya-chen.md', 'priya-raman');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', fileUri('maya-chen.md'), position, 'priya-r');
      const edits = edit.entries().map(([uri, textEdits]) => `${shortPath(uri)}:${textEdits.map((textEdit) => `${textEdit.range.start.line + 1}:${textEdit.range.start.character}=${textEdit.newText}`).join(',')}`);
      assert.deepEqual(edits.sort(), ['contacts/health-tech/marcus-bell.md:13:16=priya-r', 'maya-chen.md:100:14=priya-r']);
    });

    test('renaming a contact file updates every link to it, and renaming it back restores the notes', async () => {
      const rapport = await api();
      const before = snapshot();
      const rename = async (from: string, to: string) => {
        const edit = new vscode.WorkspaceEdit();
        edit.renameFile(fileUri(from), fileUri(to));
        assert.ok(await vscode.workspace.applyEdit(edit));
        await saveAll();
      };
      await rename('contacts/health-tech/priya-raman.md', 'contacts/health-tech/priya-raman-lee.md');
      await waitFor(() => readText('maya-chen.md').includes('[[priya-raman-lee]]') && readText('contacts/health-tech/marcus-bell.md').includes('"[[priya-raman-lee]]"'), 'the links on disk');
      assert.deepEqual(changedFiles(before, snapshot()), ['contacts/health-tech/marcus-bell.md', 'contacts/health-tech/priya-raman-lee.md', 'contacts/health-tech/priya-raman.md', 'maya-chen.md']);
      assert.equal(readText('maya-chen.md'), before.get('maya-chen.md')!.replace('[[priya-raman]]', '[[priya-raman-lee]]'), 'only the link changed');
      await waitFor(() => rapport.notes.workspace?.index.contact('marcus-bell')?.referredBy === 'priya-raman-lee', 'the index to follow');
      await rename('contacts/health-tech/priya-raman-lee.md', 'contacts/health-tech/priya-raman.md');
      await waitFor(() => changedFiles(before, snapshot()).length === 0, () => `the notes as before: ${changedFiles(before, snapshot()).join(', ')}`);
      await closeEditors();
    });
  });

  suite('Completion', () => {
    test('referred_by: + Ctrl+Space offers contact ids as a quoted link; stage details are words', async () => {
      await api();
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\ntype: contact\nname: Test Person\nstage: \nreferred_by: \n---\n' });
      const referrers = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(4, 13));
      const maya = referrers.items.find((item) => labelOf(item) === 'maya-chen');
      assert.equal(maya?.insertText, '"[[maya-chen]]"');
      const stages = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(3, 7));
      assert.equal(stages.items.find((item) => labelOf(item) === 'scheduled')?.detail, 'a meeting is agreed');
      assert.equal(stages.items.find((item) => labelOf(item) === 'no-response')?.detail, 'closed: no reply after the follow-ups');
      await closeEditors();
    });

    test('snippets where they belong: history and meeting in the frontmatter, sections in the body, "rapport-" opens them', async () => {
      await api();
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\ntype: contact\nname: Test Person\nhistory:\n  rapport-\n---\n\nrapport-\n-\n' });
      const at = async (line: number, character: number) =>
        (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, character), '-')).items
          .filter((item) => item.kind === vscode.CompletionItemKind.Snippet && labelOf(item).startsWith('rapport-'))
          .map(labelOf)
          .sort();
      assert.deepEqual(await at(4, 10), ['rapport-history', 'rapport-meeting']);
      assert.deepEqual(await at(7, 8), ['rapport-outcome', 'rapport-questions', 'rapport-sections']);
      assert.deepEqual(await at(8, 1), [], 'a list item\'s "-" opens nothing');
      const editor = await vscode.window.showTextDocument(document);
      const [history] = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(4, 10), '-')).items.filter((item) => labelOf(item) === 'rapport-history');
      await editor.insertSnippet(history!.insertText as vscode.SnippetString, history!.range as vscode.Range);
      assert.match(document.getText(), /^history:\n {2}- date: \d{4}-\d{2}-\d{2}\n {4}stage: identified\n {4}via: email\n {4}note: what happened\n---/m);
      await closeEditors();
    });
  });

  suite('Contacts', () => {
    test('Go to Contact… picks a contact by name, organization or stage and opens the note', async () => {
      await api();
      const { prompts } = await runScripted({ 'contact.goTo': 'Maya Chen' }, 'rapport.goToContact');
      assert.ok(prompts.offered.get('contact.goTo')?.includes('Dana Okafor'));
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/maya-chen.md'), 'the note to open');
      await closeEditors();
    });

    test('a note that cannot be read is listed by the pickers, with its problem, and opens at it; a command run on it says it cannot be read', async () => {
      const rapport = await api();
      const file = join(folder(), 'open-quote.md');
      writeFileSync(file, '---\ntype: contact\nname: Open Quote\nrole: "Data lead\nstage: identified\n---\n');
      try {
        await waitFor(() => rapport.notes.workspace?.index.brokenNote('open-quote'), 'the note, unreadable');
        const { result, prompts } = await runScripted({ 'contact.goTo': 'Open Quote' }, 'rapport.goToContact');
        assert.equal(prompts.described.get('contact.goTo')?.get('Open Quote'), 'open-quote.md · cannot be read | line 4: The “"” that starts this value is never closed');
        assert.deepEqual(result, { file: 'open-quote.md' });
        const editor = vscode.window.activeTextEditor!;
        assert.ok(editor.document.uri.path.endsWith('/open-quote.md'));
        // Line 4, column 7: the quote.
        assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [3, 6]);

        // With that note active, Advance Stage says why it cannot act, and asks nothing.
        const onActive = new ScriptedPrompts({});
        assert.equal(await withPrompts(onActive, () => vscode.commands.executeCommand('rapport.advanceStage')), undefined);
        assert.deepEqual(onActive.asked, []);
        assert.deepEqual(onActive.errors, ['open-quote.md cannot be read as a contact (line 4: The “"” that starts this value is never closed): fix it, then run Advance Stage again']);

        // Picked from Advance Stage's own list: opened at its problem, nothing recorded.
        await closeEditors();
        const before = snapshot();
        const picked = await runScripted({ contact: 'Open Quote' }, 'rapport.advanceStage');
        assert.equal(picked.result, undefined);
        assert.deepEqual(picked.prompts.asked, ['contact']);
        await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/open-quote.md') && vscode.window.activeTextEditor.selection.active.line === 3, 'the note, at its problem');
        assert.deepEqual(changedFiles(before, snapshot()), []);
      } finally {
        await closeEditors();
        rmSync(file, { force: true });
      }
      await waitFor(() => !rapport.notes.workspace?.index.brokenNote('open-quote'), 'the note to go');
    });

    test('the Contacts tree follows the active editor', async () => {
      const rapport = await api();
      await vscode.commands.executeCommand('rapport.views.contacts.focus');
      await vscode.window.showTextDocument(fileUri('dana-okafor.md'));
      await waitFor(() => rapport.views.contacts.treeView?.selection.some((node) => node.kind === 'contact' && node.contactId === 'dana-okafor'), 'Dana selected in the tree');
      await vscode.window.showTextDocument(fileUri('contacts/ux-research/tomas-herrera.md'));
      await waitFor(() => rapport.views.contacts.treeView?.selection.some((node) => node.kind === 'contact' && node.contactId === 'tomas-herrera'), 'Tomás selected in the tree');
      await closeEditors();
      await vscode.commands.executeCommand('workbench.view.explorer');
    });

    test('the context menu of a contact has Open, Reveal in Explorer, Rename and Delete', async () => {
      const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string }[];
      for (const command of ['rapport.contact.open', 'rapport.contact.revealInExplorer', 'rapport.contact.rename', 'rapport.contact.delete']) {
        assert.ok(menus.some((entry) => entry.command === command && entry.when === 'viewItem =~ /^contact/'), `${command} in the menu`);
      }
      await vscode.commands.executeCommand('rapport.contact.open', { contactId: 'owen-park' });
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/owen-park.md'), 'Open');
      await closeEditors();
    });

    test('Rename… changes the id, the file and every link, and says how many links it updated', async () => {
      const rapport = await api();
      const before = snapshot();
      const { result, prompts } = await runScripted<{ file: string; links: number }>({ 'contact.rename': 'ben-osei-a' }, 'rapport.contact.rename', { contactId: 'ben-osei' });
      assert.equal(prompts.prefilled.get('contact.rename'), 'Ben Osei');
      assert.deepEqual(result, { file: 'ben-osei-a.md', links: 1 });
      assert.deepEqual(changedFiles(before, snapshot()), ['aisha-karim.md', 'ben-osei-a.md', 'ben-osei.md']);
      assert.equal(readText('aisha-karim.md'), before.get('aisha-karim.md')!.replace('[[ben-osei]]', '[[ben-osei-a]]'));
      assert.equal(readText('ben-osei-a.md'), before.get('ben-osei.md'));
      await waitFor(() => rapport.notes.workspace?.index.contact('ben-osei-a') && !rapport.notes.workspace.index.contact('ben-osei'), 'the index to follow');
      await runScripted({}, 'rapport.contact.rename', { contactId: 'ben-osei-a' }, 'ben-osei');
      assert.deepEqual(changedFiles(before, snapshot()), []);
      await closeEditors();
    });

    test('Rename… to a new name changes the name, the title heading, the file and every link; a name that is not an id is never a file name', async () => {
      const rapport = await api();
      // The test before renamed him back: in the web-worker host the index can take a moment to see it.
      await waitFor(() => rapport.notes.workspace?.index.contact('ben-osei'), 'ben-osei indexed again');
      const before = snapshot();
      const { result, prompts } = await runScripted<{ file: string; links: number }>({ 'contact.rename': "Benjamin O'Sei" }, 'rapport.contact.rename', { contactId: 'ben-osei' });
      assert.deepEqual(result, { file: 'benjamin-osei.md', links: 1 });
      assert.deepEqual(prompts.infos, ["Renamed Ben Osei to Benjamin O'Sei: ben-osei.md is now benjamin-osei.md; 1 link updated."]);
      assert.deepEqual(changedFiles(before, snapshot()), ['aisha-karim.md', 'ben-osei.md', 'benjamin-osei.md']);
      assert.equal(readText('aisha-karim.md'), before.get('aisha-karim.md')!.replace('[[ben-osei]]', '[[benjamin-osei]]'));
      assert.equal(readText('benjamin-osei.md'), before.get('ben-osei.md')!.replace('\nname: Ben Osei\n', "\nname: Benjamin O'Sei\n").replace('\n# Ben Osei\n', "\n# Benjamin O'Sei\n"));
      await waitFor(() => rapport.notes.workspace?.index.contact('benjamin-osei')?.name === "Benjamin O'Sei", 'the index to follow');
      // Back, by name: the old id is free again.
      await runScripted({ 'contact.rename': 'Ben Osei' }, 'rapport.contact.rename', { contactId: 'benjamin-osei' });
      assert.deepEqual(changedFiles(before, snapshot()), []);
      await closeEditors();
    });

    test('Delete… asks first, then removes the note', async () => {
      const rapport = await api();
      const path = join(folder(), 'delete-me.md');
      writeFileSync(path, '---\ntype: contact\nname: Delete Me\nstage: identified\nhistory:\n  - date: 2026-11-20\n    stage: identified\n---\n');
      await waitFor(() => rapport.notes.workspace?.index.contact('delete-me'), 'the new note');
      const kept = await runScripted({ 'contact.delete': 'Keep the note' }, 'rapport.contact.delete', { contactId: 'delete-me' });
      assert.equal(kept.result, undefined);
      assert.ok(existsSync(path));
      const { result } = await runScripted({ 'contact.delete': 'Delete delete-me.md' }, 'rapport.contact.delete', { contactId: 'delete-me' });
      assert.deepEqual(result, { deleted: 'delete-me.md' });
      assert.ok(!existsSync(path));
      await waitFor(() => !rapport.notes.workspace?.index.contact('delete-me'), 'the note to leave the index');
    });

    test('Group Contacts By… is remembered for the workspace, not written into .vscode/settings.json', async () => {
      const rapport = await api();
      const settingsPath = join(folder(), '.vscode', 'settings.json');
      const settingsBefore = readFileSync(settingsPath, 'utf8');
      await vscode.commands.executeCommand('rapport.contacts.groupBy', 'organization');
      assert.equal(readFileSync(settingsPath, 'utf8'), settingsBefore);
      const labels = () => rapport.views.contacts.getChildren().map((node) => rapport.views.contacts.getTreeItem(node).label);
      await waitFor(() => labels().includes('Brightline Health'), 'groups by organization');
      assert.equal(rapport.views.contacts.treeView?.description, 'by organization');
      // A change of the setting itself wins over the remembered choice.
      await setSetting('contacts.groupBy', 'tag');
      await waitFor(() => labels().includes('ux-research'), 'groups by tag');
      await setSetting('contacts.groupBy', undefined);
      await waitFor(() => labels().includes('nurturing'), 'groups by stage');
    });

    test('a pending referral → New Contact asks the name (prefilled) and records source: referral', async () => {
      const rapport = await api();
      const before = snapshot();
      const { result, prompts } = await runScripted<{ id: string; file: string }>(
        { 'contact.name': 'Renée Jackson', 'contact.organization': 'Mon Valley Health', 'contact.role': 'CMIO' },
        'rapport.newContact',
        { kind: 'pendingReferral', target: 'renee-jackson', referredBy: 'marcus-bell' },
      );
      assert.deepEqual(prompts.asked, ['contact.name', 'contact.organization', 'contact.role']);
      assert.deepEqual([...prompts.steps.values()], ['1/3', '2/3', '3/3'], 'only the questions asked are counted');
      assert.equal(prompts.prefilled.get('contact.name'), 'Renee Jackson');
      // Marcus's `[[renee-jackson]]` leads to the new note as it is: his note is left alone.
      assert.deepEqual(result, { id: 'renee-jackson', file: 'contacts/renee-jackson.md', linked: false, existing: false, referredByAdded: false, linkedBefore: false });
      assert.deepEqual(changedFiles(before, snapshot()), ['contacts/renee-jackson.md']);
      assert.deepEqual(frontmatterOf(readText('contacts/renee-jackson.md')), { type: 'contact', name: 'Renée Jackson', stage: 'identified', role: 'CMIO', organization: 'Mon Valley Health', source: 'referral', referred_by: '[[marcus-bell]]', history: '' });
      await closeEditors();
      rmSync(join(folder(), 'contacts', 'renee-jackson.md'));
      await waitFor(() => !rapport.notes.workspace?.index.contact('renee-jackson'), 'the note to go');
    });

    test('a "no note yet" row of the Referrals view runs New Contact on Enter, and has New Contact in its context menu', async () => {
      const rapport = await api();
      const view = rapport.views.referrals;
      const pendingRows = (nodes: readonly ReferralsNode[]): ReferralsNode[] => nodes.flatMap((node) => (node.kind === 'pendingReferral' ? [node] : node.kind === 'contact' ? pendingRows(view.getChildren(node)) : []));
      const renee = pendingRows(await referralRoots()).find((node) => node.kind === 'pendingReferral' && node.target === 'renee-jackson')!;
      const item = view.getTreeItem(renee);
      assert.equal(item.label, 'Renee Jackson');
      assert.equal(item.description, 'no note yet');
      assert.deepEqual([item.command?.command, item.command?.title], ['rapport.newContact', 'New Contact']);
      const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string; group?: string }[];
      assert.deepEqual(
        menus.filter((entry) => entry.when === 'viewItem == pendingReferral').map((entry) => `${entry.command} ${entry.group}`),
        ['rapport.newContact inline@1', 'rapport.newContact 0_create@1'],
        'the inline button, and the same in the context menu (Shift+F10)',
      );
      // Enter runs the row's command with the row itself, as the inline button does.
      const { result, prompts } = await runScripted<{ id: string }>({ 'contact.name': ENTER, 'contact.organization': '', 'contact.role': '' }, item.command!.command, ...(item.command!.arguments ?? []));
      assert.equal(prompts.prefilled.get('contact.name'), 'Renee Jackson');
      assert.equal(result?.id, 'renee-jackson');
      assert.equal(frontmatterOf(readText('contacts/renee-jackson.md')).referred_by, '[[marcus-bell]]');
      await closeEditors();
      rmSync(join(folder(), 'contacts', 'renee-jackson.md'));
      await waitFor(() => !rapport.notes.workspace?.index.contact('renee-jackson'), 'the note to go');
    });

    test('a referral linked to a note that cannot be read shows as "cannot be read", not as one to add, until the note is fixed', async () => {
      const rapport = await api();
      const view = rapport.views.referrals;
      const referrer = join(folder(), 'broken-link-referrer.md');
      const named = join(folder(), 'broken-link-named.md');
      // Someone the referrer already led to: the Referrals view starts its chains from people with such a link.
      const friend = join(folder(), 'broken-link-friend.md');
      const text = (role: string) => `---\ntype: contact\nname: Named Person\nrole: ${role}\nstage: identified\nreferred_by: "[[broken-link-referrer]]"\nhistory:\n  - date: 2026-11-20\n    stage: identified\n---\n`;
      const children = () => {
        const root = view.getChildren().find((node) => node.kind === 'contact' && node.contactId === 'broken-link-referrer');
        return root ? view.getChildren(root) : [];
      };
      const labels = () => children().map((node) => `${node.kind} ${node.kind === 'contact' ? node.contactId : node.kind === 'loading' ? '' : node.target}`);
      const addOnAgenda = () => rapport.notes.workspace!.index.agenda({ now: new Date('2026-11-23T17:00:00Z'), timezone: 'UTC' }).some((item) => item.kind === 'add-referral' && item.action.includes('[[broken-link-named]]'));
      try {
        writeFileSync(friend, '---\ntype: contact\nname: Broken Link Friend\nstage: identified\nreferred_by: "[[broken-link-referrer]]"\nhistory:\n  - date: 2026-11-19\n    stage: identified\n---\n');
        writeFileSync(referrer, '---\ntype: contact\nname: Broken Link Referrer\nstage: held\nhistory:\n  - date: 2026-11-18\n    stage: held\n---\n\n## Outcomes\n\n- Referral: [[broken-link-named]], their colleague\n');
        await waitFor(() => labels().includes('pendingReferral broken-link-named') && addOnAgenda(), 'a referral to add while there is no note');
        // A colon in an unquoted role: the note is there, but cannot be read.
        writeFileSync(named, text('CMIO: Mon Valley Health'));
        await waitFor(() => labels().includes('unreadableReferral broken-link-named'), 'shown as cannot be read');
        assert.ok(!labels().includes('pendingReferral broken-link-named'), 'not offered as a contact to add');
        assert.equal(addOnAgenda(), false, 'the Agenda does not ask to add them');
        const item = view.getTreeItem(children().find((node) => node.kind === 'unreadableReferral')!);
        assert.equal(item.description, 'cannot be read');
        assert.deepEqual([item.command?.command, String(item.command?.arguments?.[0])], ['vscode.open', fileUri('broken-link-named.md').toString()]);
        writeFileSync(named, text('"CMIO: Mon Valley Health"'));
        await waitFor(() => labels().includes('contact broken-link-named'), 'linked once the note is fixed');
        assert.deepEqual(labels(), ['contact broken-link-friend', 'contact broken-link-named']);
        rmSync(named);
        await waitFor(() => labels().includes('pendingReferral broken-link-named') && addOnAgenda(), 'a referral to add again once the note is gone');
      } finally {
        for (const file of [named, friend, referrer]) rmSync(file, { force: true });
      }
      await waitFor(() => !rapport.notes.workspace?.index.contact('broken-link-referrer') && !rapport.notes.workspace?.index.contact('broken-link-friend'), 'the test notes to go');
    });

    test('a pending referral named otherwise than its link → the link is pointed at the new note', async () => {
      const rapport = await api();
      const marcus = join(folder(), 'contacts', 'health-tech', 'marcus-bell.md');
      const original = readFileSync(marcus, 'utf8');
      // His note is open with an unsaved line: saved first, so that the link's edit on disk does not race it.
      const document = await vscode.workspace.openTextDocument(fileUri('contacts/health-tech/marcus-bell.md'));
      const unsaved = new vscode.WorkspaceEdit();
      unsaved.insert(document.uri, document.positionAt(document.getText().length), '- Resource: the AMIA podcast\n');
      assert.ok(await vscode.workspace.applyEdit(unsaved));
      const before = snapshot();
      const { result } = await runScripted<{ id: string; file: string }>(
        { 'contact.name': 'Renée Jackson-Moore', 'contact.organization': '', 'contact.role': '' },
        'rapport.newContact',
        { kind: 'pendingReferral', target: 'renee-jackson', referredBy: 'marcus-bell' },
      );
      assert.deepEqual(result, { id: 'renee-jackson-moore', file: 'contacts/renee-jackson-moore.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false });
      assert.deepEqual(changedFiles(before, snapshot()), ['contacts/health-tech/marcus-bell.md', 'contacts/renee-jackson-moore.md']);
      assert.equal(readText('contacts/health-tech/marcus-bell.md'), original.replace('[[renee-jackson]]', '[[renee-jackson-moore]]') + '- Resource: the AMIA podcast\n');
      assert.equal(document.isDirty, false);
      await waitFor(() => !rapport.notes.workspace?.index.agenda({ now: new Date('2026-11-23T17:00:00Z'), timezone: 'UTC' }).some((item) => item.action.includes('[[renee-jackson]]')), 'the referral to leave the agenda');
      await closeEditors();
      rmSync(join(folder(), 'contacts', 'renee-jackson-moore.md'));
      writeFileSync(marcus, original);
      await waitFor(() => !rapport.notes.workspace?.index.contact('renee-jackson-moore'), 'the note to go');
    });
  });

  suite('Letters', () => {
    test('a draft is Markdown with the missing facts as tab stops named in words, and closes without "Save?"', async () => {
      await api();
      const before = snapshot();
      // Lauren's note does not say what Jordan learned: the thank-you letter leaves that place to fill.
      const { result } = await runScripted<{ uri: string }>({ 'letter.template': 'thank-you' }, 'rapport.draftLetter', 'lauren-fitzgerald');
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === result!.uri)!;
      assert.equal(document.uri.scheme, 'rapport-letter');
      assert.equal(document.languageId, 'markdown');
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document, document);
      assert.equal(document.getText(editor.selection), '[[fill: something specific you learned]]', 'the first place to fill is selected');
      assert.ok(!/\[\[fill: [a-z]+[A-Z.]/.test(document.getText()), 'no field names such as foundVia');
      await vscode.commands.executeCommand('type', { text: 'how you run patient sessions' });
      await waitFor(() => document.getText().includes('how you run patient sessions') && !document.getText().includes('[[fill: something specific you learned]]') && !document.isDirty, 'the typed text, saved in memory');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitFor(() => !vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === result!.uri), 'the draft to close');
      assert.deepEqual(changedFiles(before, snapshot()), [], 'nothing written to the notes folder');
    });
  });

  suite('Referral graph', () => {
    test('fits the panel (scaled viewBox, zoom, pan, Fit) and names every node', async () => {
      const rapport = await api();
      await vscode.commands.executeCommand('rapport.openReferralGraph');
      const html = await waitFor(() => rapport.referralGraph.html(), 'the graph panel');
      assert.match(html, /<svg id="graph" [^>]*width="100%" height="100%" viewBox="0 0 \d+ \d+" preserveAspectRatio="xMidYMid meet"/);
      assert.match(html, /<button id="fit"/);
      assert.match(html, /addEventListener\('wheel'/);
      assert.match(html, /addEventListener\('pointermove'/);
      for (const name of ['Dana Okafor', 'Maya Chen', 'Priya Raman', 'Marcus Bell', 'Elena Vasquez', 'Renee Jackson']) assert.ok(html.includes(`>${name}</text>`), `${name} named`);
      await closeEditors();
    });
  });

  suite('Get Started', () => {
    test('the walkthrough covers folder and profile, LinkedIn import, a contact, a letter and the agenda, with commands that exist', async () => {
      const walkthroughs = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; title: string; description: string }[] }[];
      assert.deepEqual(
        walkthroughs.map((walkthrough) => walkthrough.steps.map((step) => step.title)),
        [['Set up your notes folder and profile', 'Import your LinkedIn connections', 'Add a contact', 'Draft a letter', 'Read the agenda']],
      );
      const commands = new Set(await vscode.commands.getCommands(true));
      for (const step of walkthroughs[0]!.steps) {
        const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((match) => match[1]!);
        assert.ok(linked.length > 0, `${step.id} has a button`);
        for (const command of linked) assert.ok(commands.has(command), `${command} exists`);
      }
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#getStarted`, false);
      await waitFor(() => vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => /Welcome|Walkthrough/.test(tab.label)), 'the walkthrough to open');
      await closeEditors();
    });
  });
});
