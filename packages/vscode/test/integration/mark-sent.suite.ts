import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DraftedLetter } from '../../src/letters/index.js';
import { api, closeEditors, fileUri, readText, runScripted, waitFor, withPrompts } from './fixture.js';
import { suite, test } from './runner.js';
import { ENTER, ScriptedPrompts } from './scripted-prompts.js';

/** Someone found in an article: no email address, no LinkedIn profile (the note the cold email used to be recorded "by letter" for). */
const NOTE = ['---', 'type: contact', 'name: Rina Sato', 'stage: identified', 'organization: Brightside Health', 'history:', '  - date: 2026-11-20', '    stage: identified', '---', '', '# Rina Sato', ''].join('\n');

async function draft(template = 'cold-email', note = NOTE): Promise<vscode.TextDocument> {
  const rapport = await api();
  // The same note each test, removed at the end of the last one: wait until the index has let it go, or its
  // late removal (file events come slowly to a web-worker host) would take this test's note away after it was indexed.
  await waitFor(() => rapport.notes.workspace?.index.contact('rina-sato') === undefined, "the last test's note gone from the index");
  writeFileSync(fileUri('rina-sato.md').fsPath, note);
  await waitFor(() => rapport.notes.workspace?.index.contact('rina-sato')?.history.length === 1, 'the new note indexed');
  const { result } = await runScripted<DraftedLetter>({ 'letter.template': template }, 'rapport.draftLetter', 'rina-sato');
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === result!.uri);
  assert.ok(document);
  return document;
}

async function markSent(document: vscode.TextDocument, answers: ConstructorParameters<typeof ScriptedPrompts>[0]) {
  const prompts = new ScriptedPrompts(answers);
  const result = await withPrompts(prompts, () => vscode.commands.executeCommand<{ recorded: boolean; via?: string }>('rapport.letter.markSent', document.uri));
  return { result, prompts };
}

suite('Mark Letter as Sent', () => {
  test('refuses while [[fill: …]] markers remain, and writes nothing', async () => {
    const document = await draft();
    assert.match(document.getText(), /\[\[fill: /);
    const { result, prompts } = await markSent(document, {});
    assert.equal(result, undefined);
    assert.match(prompts.errors.join(), /^The letter still has \d+ \[\[fill: …\]\] markers? \(the first, \[\[fill: [^\]]+\]\], on line \d+\): fill (it|them) in before marking the letter as sent$/);
    assert.equal(readText('rina-sato.md'), NOTE);
    await closeEditors();
    rmSync(fileUri('rina-sato.md').fsPath);
  });

  test('asks the channel (none focused for a cold email to someone with no address: the post is only the last resort), records it, and a second click records nothing more', async () => {
    const rapport = await api();
    const document = await draft();
    const filled = new vscode.WorkspaceEdit();
    filled.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), document.getText().replace(/\[\[fill: [^\]]*\]\]/g, 'your article on triage'));
    await vscode.workspace.applyEdit(filled);

    const first = await markSent(document, { 'letter.via': 'email' });
    assert.deepEqual(first.prompts.errors, []);
    assert.deepEqual(first.prompts.asked, ['letter.via']);
    assert.equal(first.prompts.focused.get('letter.via'), undefined);
    assert.equal(first.prompts.placeholders.get('letter.via'), 'The note has no email address or LinkedIn profile: how did the letter go out?');
    assert.equal(first.result?.recorded, true);
    const expected = ['---', 'type: contact', 'name: Rina Sato', 'stage: contacted', 'organization: Brightside Health', 'history:', '  - date: 2026-11-20', '    stage: identified', '  - date: 2026-11-23', '    stage: contacted', '    via: email', '    letter: cold-email', '---', '', '# Rina Sato', ''].join('\n');
    assert.equal(readText('rina-sato.md'), expected);
    await waitFor(() => rapport.notes.workspace?.index.contact('rina-sato')?.stage === 'contacted', 'the index to follow');

    const second = await markSent(document, {});
    assert.deepEqual(second.prompts.errors, []);
    assert.deepEqual(second.prompts.asked, [], 'nothing asked the second time');
    assert.equal(second.result?.recorded, false);
    assert.match(second.prompts.infos.join(), /Already recorded/);
    assert.equal(readText('rina-sato.md'), expected);
    await closeEditors();
    rmSync(fileUri('rina-sato.md').fsPath);
  });

  test('records into the note\'s editor when it has unsaved changes, keeping what was typed, and leaves the file until it is saved', async () => {
    const rapport = await api();
    const document = await draft();
    const filled = new vscode.WorkspaceEdit();
    filled.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), document.getText().replace(/\[\[fill: [^\]]*\]\]/g, 'your article on triage'));
    await vscode.workspace.applyEdit(filled);
    const note = await vscode.workspace.openTextDocument(fileUri('rina-sato.md'));
    const typed = new vscode.WorkspaceEdit();
    typed.insert(note.uri, new vscode.Position(11, 0), 'Met her at the triage meetup.\n');
    await vscode.workspace.applyEdit(typed);
    assert.ok(note.isDirty);

    const { result, prompts } = await markSent(document, { 'letter.via': 'email' });
    assert.deepEqual(prompts.errors, []);
    assert.equal(result?.recorded, true);
    assert.deepEqual(prompts.infos, ['Recorded: Rina Sato is now contacted (cold-email sent by email on 2026-11-23). The note is changed in its open editor, not on disk yet: save it to keep the change (the views follow once it is saved).']);
    assert.equal(readText('rina-sato.md'), NOTE, 'the file waits for the save');
    const expected = ['---', 'type: contact', 'name: Rina Sato', 'stage: contacted', 'organization: Brightside Health', 'history:', '  - date: 2026-11-20', '    stage: identified', '  - date: 2026-11-23', '    stage: contacted', '    via: email', '    letter: cold-email', '---', '', '# Rina Sato', 'Met her at the triage meetup.', ''].join('\n');
    assert.equal(note.getText(), expected);
    await note.save();
    assert.equal(readText('rina-sato.md'), expected);
    await waitFor(() => rapport.notes.workspace?.index.contact('rina-sato')?.stage === 'contacted', 'the index to follow the save');
    await closeEditors();
    rmSync(fileUri('rina-sato.md').fsPath);
  });

  test('focuses no channel for a letter to someone with no email address or LinkedIn profile, and says why', async () => {
    const document = await draft('cold-letter');
    const filled = new vscode.WorkspaceEdit();
    filled.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), document.getText().replace(/\[\[fill: [^\]]*\]\]/g, 'your article on triage'));
    await vscode.workspace.applyEdit(filled);
    const { result, prompts } = await markSent(document, { 'letter.via': 'email' });
    assert.deepEqual(prompts.errors, []);
    assert.equal(prompts.focused.get('letter.via'), undefined, 'no channel focused: Enter records nothing');
    assert.equal(prompts.placeholders.get('letter.via'), 'The note has no email address or LinkedIn profile: how did the letter go out?');
    assert.equal(result?.via, 'email');
    assert.match(readText('rina-sato.md'), /^ {4}via: email\n {4}letter: cold-letter$/m);
    await closeEditors();
    rmSync(fileUri('rina-sato.md').fsPath);
  });

  test('focuses email for a cold email to someone whose address the note has: Enter records it', async () => {
    const document = await draft('cold-email', NOTE.replace('organization: Brightside Health\n', 'organization: Brightside Health\nemail: rina@brightside.example\n'));
    const filled = new vscode.WorkspaceEdit();
    filled.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), document.getText().replace(/\[\[fill: [^\]]*\]\]/g, 'your article on triage'));
    await vscode.workspace.applyEdit(filled);
    const { result, prompts } = await markSent(document, { 'letter.via': ENTER });
    assert.deepEqual(prompts.errors, []);
    assert.equal(prompts.focused.get('letter.via'), 'email');
    assert.equal(result?.via, 'email');
    await closeEditors();
    rmSync(fileUri('rina-sato.md').fsPath);
  });

  test('the channel picked is the one recorded', async () => {
    const document = await draft();
    const filled = new vscode.WorkspaceEdit();
    filled.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), document.getText().replace(/\[\[fill: [^\]]*\]\]/g, 'your article on triage'));
    await vscode.workspace.applyEdit(filled);
    const { result } = await markSent(document, { 'letter.via': 'linkedin' });
    assert.equal(result?.via, 'linkedin');
    assert.match(readText('rina-sato.md'), /^ {4}via: linkedin\n {4}letter: cold-email$/m);
    await closeEditors();
    rmSync(fileUri('rina-sato.md').fsPath);
  });
});
