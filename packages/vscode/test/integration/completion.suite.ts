import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, closeEditors, fileUri, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

const NOTE = ['---', 'type: contact', 'name: Linking Note', 'stage: identified', 'REFERRED', 'history:', '  - date: 2026-11-20', '    stage: identified', '---', '', '# Linking Note', '', 'BODY', ''].join('\n');

/** Accepts the completion for `id` the way the editor does: its range replaced by its text, its additional edits applied. */
async function accept(document: vscode.TextDocument, position: vscode.Position, id: string): Promise<void> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === id);
  assert.ok(item, `${id} is offered`);
  const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, [vscode.TextEdit.replace(range, typeof item.insertText === 'string' ? item.insertText : item.insertText!.value), ...(item.additionalTextEdits ?? [])]);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Writes the note with `referred` and `body` lines, opens it, accepts `maya-chen` at the `|` of the given line, and returns that line. */
async function complete(referred: string, body: string, onLine: 'frontmatter' | 'body'): Promise<{ line: string; document: vscode.TextDocument }> {
  await api();
  // A new file each time: VS Code may hand back the closed document of the previous test, with its old text.
  const uri = fileUri(`linking-note-${++written}.md`);
  const marked = onLine === 'frontmatter' ? referred : body;
  writeFileSync(uri.fsPath, NOTE.replace('REFERRED', referred.replace('|', '')).replace('BODY', body.replace('|', '')));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const lineNumber = onLine === 'frontmatter' ? 4 : 12;
  await accept(document, new vscode.Position(lineNumber, marked.indexOf('|')), 'maya-chen');
  return { line: document.lineAt(lineNumber).text, document };
}

let written = 0;

async function cleanUp(): Promise<void> {
  await closeEditors();
  rmSync(fileUri(`linking-note-${written}.md`).fsPath, { force: true });
}

suite('Wikilink completion', () => {
  test('in a quoted frontmatter value it closes ]] and the quote, and the saved note resolves the referrer', async () => {
    const rapport = await api();
    const { line, document } = await complete('referred_by: "[[maya|', 'Nothing yet.', 'frontmatter');
    assert.equal(line, 'referred_by: "[[maya-chen]]"');
    await document.save();
    await waitFor(() => rapport.notes.workspace?.index.contact(`linking-note-${written}`)?.referredBy === 'maya-chen', 'the note indexed with its referrer');
    assert.deepEqual(
      vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'rapport').map((diagnostic) => diagnostic.code),
      [],
    );
    await cleanUp();
  });

  test('with ]] and the quote already typed after the cursor, nothing is doubled', async () => {
    const { line } = await complete('referred_by: "[[ma|]]"', 'Nothing yet.', 'frontmatter');
    assert.equal(line, 'referred_by: "[[maya-chen]]"');
    await cleanUp();
  });

  test('an unquoted frontmatter link gets its quotes (unquoted, YAML would read a list)', async () => {
    const { line } = await complete("referred_by: [[ma|", 'Nothing yet.', 'frontmatter');
    assert.equal(line, 'referred_by: "[[maya-chen]]"');
    await cleanUp();
  });

  test('in the body it closes ]] once, also when the editor already closed the brackets', async () => {
    const open = await complete('source: referral', '- Referral: [[ma|', 'body');
    assert.equal(open.line, '- Referral: [[maya-chen]]');
    await cleanUp();
    const closed = await complete('source: referral', '- Referral: [[ma|]] at lunch', 'body');
    assert.equal(closed.line, '- Referral: [[maya-chen]] at lunch');
    await cleanUp();
  });
});
