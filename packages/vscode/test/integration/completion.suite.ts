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

/** Writes a contact note whose frontmatter goes on from line 4 with `lines`, opens it in an editor, and returns the editor. */
async function openWithFrontmatter(lines: string[]): Promise<vscode.TextEditor> {
  await api();
  const uri = fileUri(`linking-note-${++written}.md`);
  writeFileSync(uri.fsPath, ['---', 'type: contact', 'name: Field Note', 'stage: identified', ...lines, '---', '', '# Field Note', ''].join('\n'));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function labelsAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

suite('Frontmatter field completion', () => {
  test('a field name not yet in the note, then its value: source, then referral', async () => {
    const editor = await openWithFrontmatter(['sou', 'history:', '  - date: 2026-11-20', '    stage: identified']);
    const names = await labelsAt(editor.document, new vscode.Position(4, 3));
    assert.ok(names.includes('source') && names.includes('timezone') && names.includes('meeting'), names.join(', '));
    assert.ok(!names.includes('name') && !names.includes('stage') && !names.includes('history'), `keys already in the note are not offered: ${names.join(', ')}`);
    await accept(editor.document, new vscode.Position(4, 3), 'source');
    assert.equal(editor.document.lineAt(4).text, 'source: ');
    await accept(editor.document, new vscode.Position(4, 8), 'referral');
    assert.equal(editor.document.lineAt(4).text, 'source: referral');
    await cleanUp();
  });

  test('meeting brings its nested lines, dated today', async () => {
    const editor = await openWithFrontmatter(['mee']);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(4, 3));
    const meeting = list.items.find((item) => item.label === 'meeting');
    assert.ok(meeting?.insertText instanceof vscode.SnippetString && meeting.range instanceof vscode.Range, 'meeting is offered as a snippet');
    assert.ok(await editor.insertSnippet(meeting.insertText, meeting.range));
    assert.deepEqual([4, 5, 6, 7].map((line) => editor.document.lineAt(line).text), ['meeting:', '  at: "2026-11-23T09:00"', '  minutes: 30', '  format: video']);
    await cleanUp();
  });

  test('values of the closed sets: a history entry\'s via, the meeting\'s format, time zones as typed, today for a date', async () => {
    const editor = await openWithFrontmatter(['timezone: America/Bog', 'snoozed_until: ', 'meeting:', '  at: "2026-11-25T09:00"', '  format: ', 'history:', '  - date: 2026-11-20', '    via: ', '    stage: contacted']);
    const document = editor.document;
    assert.deepEqual(await labelsAt(document, new vscode.Position(4, 21)), ['America/Bogota']);
    assert.deepEqual(await labelsAt(document, new vscode.Position(5, 15)), ['2026-11-23']);
    assert.deepEqual((await labelsAt(document, new vscode.Position(8, 10))).sort(), ['in-person', 'phone', 'video']);
    assert.deepEqual((await labelsAt(document, new vscode.Position(11, 9))).sort(), ['email', 'in-person', 'letter', 'linkedin', 'other', 'phone']);
    await cleanUp();
  });

  test('hover on a key tells what the field means, on a stage what the stage means', async () => {
    const editor = await openWithFrontmatter(['source: referral', 'history:', '  - date: 2026-11-20', '    stage: identified']);
    assert.match(await hoverAt(editor.document, new vscode.Position(4, 2)), /How the contact was found\./);
    assert.match(await hoverAt(editor.document, new vscode.Position(3, 10)), /found, not written to yet/);
    assert.match(await hoverAt(editor.document, new vscode.Position(6, 6)), /history › date.*A calendar date/);
    await cleanUp();
  });
});
