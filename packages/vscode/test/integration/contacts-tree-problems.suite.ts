import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ContactsNode } from '../../src/contacts-tree/contacts-provider.js';
import { api, closeEditors, fileUri, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

async function rows(): Promise<{ group: string; id: string; description: string; icon: string }[]> {
  const rapport = await api();
  const tree = rapport.views.contacts;
  return tree.getChildren().flatMap((group: ContactsNode) =>
    group.kind !== 'group'
      ? []
      : tree.getChildren(group).flatMap((node) => {
          if (node.kind !== 'contact') return [];
          const item = tree.getTreeItem(node);
          return [{ group: group.group.label, id: node.contactId, description: String(item.description), icon: (item.iconPath as { id: string }).id }];
        }),
  );
}

suite('Contacts tree problems', () => {
  test('a contact with an unknown stage is shown under "unknown stage" as an error, not under identified', async () => {
    const rapport = await api();
    const uri = fileUri('odd-stage.md');
    writeFileSync(uri.fsPath, ['---', 'type: contact', 'name: Odd Stage', 'stage: interviewing', 'history:', '  - date: 2026-11-20', '    stage: identified', '---', ''].join('\n'));
    await waitFor(() => rapport.notes.workspace?.index.contact('odd-stage'), 'the note indexed');
    const odd = (await rows()).filter((row) => row.id === 'odd-stage');
    assert.deepEqual(odd, [{ group: 'unknown stage', id: 'odd-stage', description: 'unknown stage "interviewing"', icon: 'error' }]);
    assert.equal(rapport.views.contacts.getChildren()[0]?.kind === 'group' && (rapport.views.contacts.getChildren()[0] as { group: { label: string } }).group.label, 'unknown stage', 'the group comes first');
    rmSync(uri.fsPath);
    await waitFor(() => !rapport.notes.workspace?.index.contact('odd-stage'), 'the note gone');
  });

  test('a note with invalid YAML stays listed under its id, as an error with its line; clicking opens it at that line', async () => {
    const rapport = await api();
    const uri = fileUri('broken-yaml.md');
    writeFileSync(uri.fsPath, ['---', 'type: contact', 'name: Broken Yaml', 'role: Manager: Data Platform', 'stage: identified', '---', '', '# Broken Yaml', ''].join('\n'));
    const tree = rapport.views.contacts;
    const group = await waitFor(() => tree.getChildren().find((node) => node.kind === 'brokenGroup' && node.notes.some((note) => note.id === 'broken-yaml')), 'the broken note listed');
    assert.equal(tree.getChildren()[0]?.kind, 'brokenGroup', 'listed first');
    const groupItem = tree.getTreeItem(group);
    assert.equal(groupItem.label, 'cannot be read');
    const row = tree.getChildren(group).find((node) => node.kind === 'brokenNote' && node.view.id === 'broken-yaml')!;
    const item = tree.resolveTreeItem(tree.getTreeItem(row), row);
    assert.equal(item.label, 'broken-yaml');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match(String(item.description), /^line 4: /);
    assert.match((item.tooltip as vscode.MarkdownString).value, /^\*\*broken-yaml\*\* cannot be read as a contact \(broken-yaml\.md\)\n\n- Line 4: /);
    assert.equal(rapport.notes.workspace?.index.contact('broken-yaml'), undefined, 'not a contact, yet listed');
    // The Agenda says so too, first: whatever this contact has to do is unknown until the note is fixed.
    const agenda = rapport.views.agenda;
    const [first] = agenda.getChildren();
    assert.equal(first?.kind, 'brokenGroup');
    assert.equal(agenda.getTreeItem(first!).label, 'Cannot be read');
    const agendaRow = agenda.getTreeItem(agenda.getChildren(first).find((node) => node.kind === 'brokenNote' && node.view.id === 'broken-yaml')!);
    assert.equal(agendaRow.label, 'broken-yaml');
    assert.match(String(agendaRow.description), /^line 4: /);
    assert.deepEqual(agendaRow.command?.arguments?.[0]?.toString(), uri.toString());

    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor, 'the note opened');
    assert.equal(editor.selection.active.line, 3, 'the cursor on line 4, where the problem is');
    await closeEditors();
    rmSync(uri.fsPath);
    await waitFor(() => !tree.getChildren().some((node) => node.kind === 'brokenGroup'), 'the row gone with the note');
    assert.notEqual(rapport.views.agenda.getChildren()[0]?.kind, 'brokenGroup', 'and from the Agenda');
  });

  test('the rows of notes that cannot be read show the Markdown of their problem as plain text: no backticks', async () => {
    const rapport = await api();
    const files = { 'open-quote.md': ['---', 'type: contact', 'name: Open Quote', 'role: "Data lead', 'stage: identified', '---', ''], 'colon-place.md': ['---', 'type: contact', 'name: Colon Place', 'stage: scheduled', 'meeting:', '  at: 2026-11-30T09:00', '  place: Café Lola: back room', '---', ''] };
    for (const [file, lines] of Object.entries(files)) writeFileSync(fileUri(file).fsPath, lines.join('\n'));
    try {
      const shown = (id: string, description: unknown) => (id === 'open-quote' || id === 'colon-place' ? [`${id}: ${String(description)}`] : []);
      const contacts = rapport.views.contacts;
      const agenda = rapport.views.agenda;
      const inContacts = () => contacts.getChildren().flatMap((group) => (group.kind === 'brokenGroup' ? contacts.getChildren(group) : [])).flatMap((node) => (node.kind === 'brokenNote' ? shown(node.view.id, contacts.getTreeItem(node).description) : []));
      const inAgenda = () => agenda.getChildren().flatMap((group) => (group.kind === 'brokenGroup' ? agenda.getChildren(group) : [])).flatMap((node) => (node.kind === 'brokenNote' ? shown(node.view.id, agenda.getTreeItem(node).description) : []));
      const expected = ['colon-place: line 7: The value of place contains “: ”, which YAML reads as the start of another field', 'open-quote: line 4: The “"” that starts this value is never closed'];
      await waitFor(() => inContacts().length === 2, 'both notes listed');
      assert.deepEqual(inContacts(), expected, 'the Contacts view');
      assert.deepEqual(inAgenda(), expected, 'the Agenda');
    } finally {
      for (const file of Object.keys(files)) rmSync(fileUri(file).fsPath, { force: true });
    }
    await waitFor(() => !rapport.views.contacts.getChildren().some((node) => node.kind === 'brokenGroup'), 'the rows gone with the notes');
  });

  test('a note that becomes unreadable is brought into sight in the Contacts tree, selected; opening it selects its row again', async () => {
    // The view shows rows VS Code fetched, not what the provider answers: only what the view does (select, reveal) tells they are in sight.
    const rapport = await api();
    const tree = rapport.views.contacts;
    const selected = (id: string) => tree.treeView?.selection.some((node) => (node.kind === 'brokenNote' ? node.view.id : node.kind === 'contact' ? node.contactId : '') === id);
    await vscode.commands.executeCommand('rapport.views.contacts.focus');
    await vscode.window.showTextDocument(fileUri('keisha-brooks.md'));
    await waitFor(() => selected('keisha-brooks'), 'Keisha selected in the tree');
    const uri = fileUri('in-sight.md');
    writeFileSync(uri.fsPath, ['---', 'type: contact', 'name: In Sight', 'industry Telehealth', 'stage: identified', '---', ''].join('\n'));
    await waitFor(() => selected('in-sight'), 'the broken note selected in the tree');
    await vscode.window.showTextDocument(fileUri('dana-okafor.md'));
    await waitFor(() => selected('dana-okafor'), 'Dana selected in the tree');
    await vscode.window.showTextDocument(uri);
    await waitFor(() => selected('in-sight'), 'the broken note selected again on opening it');
    const row = tree.nodeOf('in-sight.md')!;
    assert.equal(row.kind, 'brokenNote');
    assert.equal(tree.getParent(row)?.kind, 'brokenGroup', 'its group is its parent');
    await closeEditors();
    rmSync(uri.fsPath);
    await waitFor(() => !tree.getChildren().some((node) => node.kind === 'brokenGroup'), 'the row gone with the note');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  test('a note that stops being readable (not UTF-8) while the window is open is listed as one that cannot be read', async () => {
    const rapport = await api();
    const uri = fileUri('latin-one.md');
    writeFileSync(uri.fsPath, ['---', 'type: contact', 'name: Latin One', 'stage: identified', '---', ''].join('\n'));
    await waitFor(() => rapport.notes.workspace?.index.contact('latin-one'), 'the readable note indexed');
    writeFileSync(uri.fsPath, Buffer.from('---\ntype: contact\nname: Jos\xe9 Latin\nstage: identified\n---\n', 'latin1'));
    const tree = rapport.views.contacts;
    const row = await waitFor(
      () => tree.getChildren().flatMap((node) => (node.kind === 'brokenGroup' ? tree.getChildren(node) : [])).find((node) => node.kind === 'brokenNote' && node.view.id === 'latin-one'),
      'the unreadable note listed',
    );
    assert.match(String(tree.getTreeItem(row).description), /^line 3: .*UTF-8/);
    assert.equal(rapport.notes.workspace?.index.contact('latin-one'), undefined);
    rmSync(uri.fsPath);
    await waitFor(() => !tree.getChildren().some((node) => node.kind === 'brokenGroup'), 'the row gone with the file');
  });

  test('a first paint from the index cache leaves out notes deleted since, and says the rows are being checked until they are', async () => {
    const rapport = await api();
    const uri = fileUri('deleted-since.md');
    writeFileSync(uri.fsPath, ['---', 'type: contact', 'name: Deleted Since', 'stage: identified', 'history:', '  - date: 2026-11-20', '    stage: identified', '---', ''].join('\n'));
    await waitFor(() => rapport.notes.workspace?.index.contact('deleted-since'), 'the note indexed');
    await rapport.notes.load(); // saves the cache, with the note in it
    rmSync(uri.fsPath);

    let painted: { ids: string[]; checking: boolean; message: string | undefined } | undefined;
    const listener = rapport.notes.onDidChange(() => {
      if (painted || rapport.notes.state !== 'ready') return;
      const tree = rapport.views.contacts;
      const ids = tree.getChildren().flatMap((group) => (group.kind === 'group' ? tree.getChildren(group).map((node) => (node.kind === 'contact' ? node.contactId : '')) : []));
      painted = { ids, checking: rapport.notes.checkingDisk, message: tree.message() };
    });
    try {
      await rapport.notes.load();
    } finally {
      listener.dispose();
    }
    assert.ok(painted && painted.ids.length > 5, `painted: ${JSON.stringify(painted)}`);
    assert.equal(painted.ids.includes('deleted-since'), false, 'the deleted note is not shown');
    assert.equal(painted.checking, true, 'painted from the cache');
    assert.equal(painted.message, 'Checking the notes against the disk: rows may still change.');
    assert.equal(rapport.notes.checkingDisk, false);
    assert.equal(rapport.views.contacts.message(), undefined);
  });
});

