import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DraftedLetter } from '../../src/letters/index.js';
import { api, fileUri, runScripted, waitFor, withPrompts } from './fixture.js';
import { writeUserTemplate } from './letters.suite.js';
import { exampleContacts } from './oracle.js';
import { suite, test } from './runner.js';
import { ScriptedPrompts } from './scripted-prompts.js';

/** Runs only when the folder is opened in Restricted Mode (the launcher's second run). */
suite('Restricted', () => {
  test('the folder really is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('the trees still list every contact', async () => {
    const rapport = await api();
    const listed = rapport.views.contacts.getChildren().flatMap((group) => rapport.views.contacts.getChildren(group));
    assert.equal(listed.length, exampleContacts().length);
    assert.ok(rapport.views.agenda.entries().length > 0);
  });

  test('diagnostics still appear for a broken note', async () => {
    await api();
    const uri = fileUri('restricted-broken.md');
    writeFileSync(uri.fsPath, '---\ntype: contact\nname: Restricted\nstage: nope\n---\n');
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.code === 'unknown-stage'), 'the diagnostic');
    rmSync(uri.fsPath);
  });

  test("the folder's own template is neither offered nor run; shipped letters still are", async () => {
    writeUserTemplate();
    const { result, prompts } = await runScripted<DraftedLetter>({ 'letter.template': 'follow-up' }, 'rapport.draftLetter', 'owen-park');
    assert.equal(result?.origin, 'shipped');
    assert.ok(!prompts.offered.get('letter.template')?.includes('coffee-chat'), 'the user template is not offered');

    const refused = new ScriptedPrompts({});
    const drafted = await withPrompts(refused, () => vscode.commands.executeCommand('rapport.draftLetter', 'owen-park', { template: 'coffee-chat' }));
    assert.equal(drafted, undefined);
    assert.match(refused.errors.join(), /not trusted/);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.path.includes('coffee-chat')), 'no letter opened');
  });
});
