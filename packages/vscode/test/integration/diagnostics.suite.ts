import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, fileUri, folder, waitFor, closeEditors } from './fixture.js';
import { suite, test } from './runner.js';

const BROKEN = ['---', 'type: contact', 'name: Broken Note', 'stage: helld', 'history:', '  - date: 2026-11-20', '    stage: identified', '---', '', '# Broken Note', ''].join('\n');

function rapportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'rapport');
}

suite('Diagnostics', () => {
  test('a broken note written to disk shows its problem at the right place, and its quick fix repairs it', async () => {
    await api();
    const uri = fileUri('broken-note.md');
    writeFileSync(uri.fsPath, BROKEN);
    const [problem] = await waitFor(() => {
      const found = rapportDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'unknown-stage');
      return found.length > 0 && found;
    }, 'the unknown-stage diagnostic');
    assert.equal(problem!.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([problem!.range.start.line, problem!.range.start.character, problem!.range.end.character], [3, 7, 12]);
    assert.match(problem!.message, /Unknown stage "helld"/);

    // Code actions are computed on an open document, as when the user hovers the problem.
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem!.range);
    const fix = actions.find((action) => action.title === 'Change stage to "held"');
    assert.ok(fix?.edit, `quick fixes: ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(actions.some((action) => action.title === 'Pick a stage…'));
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(document.lineAt(3).text, 'stage: held');
    await document.save();
    await waitFor(() => rapportDiagnostics(uri).every((diagnostic) => diagnostic.code !== 'unknown-stage'), 'the diagnostic to clear after saving');
    await closeEditors();
    rmSync(uri.fsPath);
  });

  test('diagnostics follow the text as the user types, before saving', async () => {
    await api();
    const uri = fileUri('typing-note.md');
    writeFileSync(uri.fsPath, BROKEN.replace('helld', 'identified'));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await waitFor(() => rapportDiagnostics(uri).length === 0, 'a clean note');
    await editor.edit((edit) => edit.replace(document.lineAt(3).range, 'stage: wat'));
    await waitFor(() => rapportDiagnostics(uri).some((diagnostic) => diagnostic.code === 'unknown-stage'), 'a diagnostic for the unsaved text');
    await editor.edit((edit) => edit.replace(document.lineAt(3).range, 'stage: identified'));
    await waitFor(() => rapportDiagnostics(uri).length === 0, 'the diagnostic to clear as the text is fixed');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeEditors();
    rmSync(uri.fsPath);
  });

  test('a note that forgot `type: contact` gets a warning and a quick fix adding it', async () => {
    await api();
    const uri = fileUri('untyped-note.md');
    writeFileSync(uri.fsPath, BROKEN.replace('type: contact\n', '').replace('helld', 'identified'));
    const [problem] = await waitFor(() => {
      const found = rapportDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'missing-type');
      return found.length > 0 && found;
    }, 'the missing-type diagnostic');
    assert.equal(problem!.severity, vscode.DiagnosticSeverity.Warning);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem!.range);
    const fix = actions.find((action) => action.title === 'Add "type: contact"');
    assert.ok(fix?.edit);
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(document.lineAt(1).text, 'type: contact');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeEditors();
    rmSync(uri.fsPath);
  });
});

suite('Completion', () => {
  test('completes [[wikilinks]] with contact ids and stage values in the frontmatter', async () => {
    await api();
    const uri = fileUri('completion-note.md');
    writeFileSync(uri.fsPath, BROKEN.replace('helld', 'identified') + '\n## Outcomes\n\n- Referral: [[\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const linkLine = document.lineCount - 2;
    const links = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(linkLine, document.lineAt(linkLine).text.length));
    const ids = links.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const id of ['maya-chen', 'dana-okafor', 'priya-raman']) assert.ok(ids.includes(id), `${id} offered`);
    const maya = links.items.find((item) => typeof item.label !== 'string' && item.label.label === 'maya-chen')!;
    assert.equal(maya.insertText, 'maya-chen]]');

    const stages = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 'stage: '.length));
    const labels = stages.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const stage of ['identified', 'scheduled', 'no-response']) assert.ok(labels.includes(stage), `${stage} offered`);
    await closeEditors();
    rmSync(uri.fsPath);
  });
});

suite('Config diagnostics', () => {
  test('a misspelled private field is a warning at its line, and it clears once fixed', async () => {
    await api();
    const uri = fileUri('.rapport/config.yaml');
    const original = readFileSync(uri.fsPath, 'utf8');
    writeFileSync(uri.fsPath, original.replace('\n  - phone\n', '\n  - phne\n'));
    try {
      const [warning] = await waitFor(() => {
        const found = rapportDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'ineffective-private-field');
        return found.length > 0 && found;
      }, 'a warning for the misspelled private field');
      assert.match(warning!.message, /^`phne` in `private` names no field of any contact, so it leaves nothing out of exports\. .*`phone`/);
      assert.equal(warning!.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(warning!.range.start.line, 30);
      assert.equal(warning!.range.start.character, 4);
    } finally {
      writeFileSync(uri.fsPath, original);
    }
    await waitFor(() => rapportDiagnostics(uri).every((diagnostic) => diagnostic.code !== 'ineffective-private-field'), 'the warning to clear');
  });
});

suite('Watcher', () => {
  test('an edit made outside the editor moves the contact, re-reading only that file', async () => {
    const rapport = await api();
    const index = rapport.notes.workspace!.index;
    const path = join(folder(), 'keisha-brooks.md');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(/^stage: identified$/m, 'stage: declined'));
    await waitFor(() => rapport.notes.workspace?.index.contact('keisha-brooks')?.stage === 'declined', 'the index to see the new stage');
    assert.equal(rapport.notes.workspace!.index, index, 'the same index, updated in place (no full reload)');
    const declined = rapport.views.contacts.getChildren().find((node) => node.kind === 'group' && node.group.label === 'declined')!;
    assert.ok(rapport.views.contacts.getChildren(declined).some((node) => node.kind === 'contact' && node.contactId === 'keisha-brooks'));
    writeFileSync(path, original);
    await waitFor(() => rapport.notes.workspace?.index.contact('keisha-brooks')?.stage === 'identified', 'the change back');
  });

  test('notes created and deleted outside the editor appear and disappear', async () => {
    const rapport = await api();
    const path = join(folder(), 'contacts', 'outside-editor.md');
    writeFileSync(path, BROKEN.replace('helld', 'identified').replace(/Broken Note/g, 'Outside Editor'));
    await waitFor(() => rapport.notes.workspace?.index.contact('outside-editor'), 'the new note');
    rmSync(path);
    await waitFor(() => !rapport.notes.workspace?.index.contact('outside-editor'), 'the deleted note to go');
  });

  test('a folder made with notes written into it at once, as a checkout does, shows every note', async () => {
    const rapport = await api();
    const made = join(folder(), 'checked-out', 'deeper');
    mkdirSync(made, { recursive: true });
    for (const name of ['Ada One', 'Bo Two', 'Cy Three']) writeFileSync(join(made, `${name.toLowerCase().replace(' ', '-')}.md`), BROKEN.replace('helld', 'identified').replace(/Broken Note/g, name));
    try {
      await waitFor(() => ['ada-one', 'bo-two', 'cy-three'].every((id) => rapport.notes.workspace?.index.contact(id)), 'the three notes of the new folder', 20_000);
    } finally {
      rmSync(join(folder(), 'checked-out'), { recursive: true, force: true });
      await waitFor(() => !rapport.notes.workspace?.index.contact('ada-one'), 'the folder\'s notes to go');
    }
  });
});
