import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Stage } from '@rapport/core';
import { NodeIndexCache, NodeStore } from '@rapport/core/node';
import { api, fileUri, folder, setSetting, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

const NOTE = 'owen-park.md';
const CACHE = ['.rapport', 'cache', 'index.jsonl'];

/** Names of the contacts the Contacts view lists under the group labelled `stage`. */
async function namesUnderStage(stage: string): Promise<string[]> {
  const { views } = await api();
  const group = views.contacts.getChildren().find((node) => node.kind === 'group' && node.group.key === `stage:${stage}`);
  return group ? views.contacts.getChildren(group).map((node) => String(views.contacts.getTreeItem(node).label)) : [];
}

suite('Index cache', () => {
  test('a load saves the cache in .rapport/cache/, which ignores itself in git', async () => {
    const rapport = await api();
    await rapport.notes.load();
    assert.ok(existsSync(join(folder(), ...CACHE)), 'index.jsonl written');
    assert.match(readFileSync(join(folder(), '.rapport', 'cache', '.gitignore'), 'utf8'), /^\*$/m);
  });

  test('the trees paint from the cache before any note is read, then show a note edited on disk meanwhile', async () => {
    const rapport = await api();
    await setSetting('contacts.groupBy', 'stage');
    await waitFor(() => vscode.workspace.getConfiguration('rapport').get('contacts.groupBy') === 'stage', 'grouping by stage');
    await rapport.notes.load();
    const contact = rapport.notes.workspace!.index.contact(NOTE)!;
    const cachedStage = contact.stage;
    const editedStage: Stage = cachedStage === 'declined' ? 'archived' : 'declined';
    const original = readFileSync(fileUri(NOTE).fsPath, 'utf8');
    const edited = original.replace(/^stage: .*$/m, `stage: ${editedStage}`);
    assert.notEqual(edited, original);

    // What the views show at the first "ready" of the next load: the cache, before the reconcile.
    let painted: { stage: string | undefined; names: string[] } | undefined;
    const listener = rapport.notes.onDidChange(() => {
      if (painted || rapport.notes.state !== 'ready') return;
      const names = rapport.views.contacts.getChildren().flatMap((group) => (group.kind === 'group' && group.group.key === `stage:${cachedStage}` ? rapport.views.contacts.getChildren(group) : []));
      painted = { stage: rapport.notes.workspace?.index.contact(NOTE)?.stage, names: names.map((node) => String(rapport.views.contacts.getTreeItem(node).label)) };
    });
    try {
      writeFileSync(fileUri(NOTE).fsPath, edited);
      await rapport.notes.load();
    } finally {
      listener.dispose();
    }
    assert.equal(painted?.stage, cachedStage, 'painted from the cache');
    assert.ok(painted.names.includes(contact.name), `${contact.name} listed under ${cachedStage} at first paint`);
    assert.equal(rapport.notes.workspace!.index.contact(NOTE)?.stage, editedStage, 'the reconcile read the edited note');
    assert.ok((await namesUnderStage(editedStage)).includes(contact.name), `${contact.name} listed under ${editedStage} after the reconcile`);
    assert.ok(!(await namesUnderStage(cachedStage)).includes(contact.name));

    writeFileSync(fileUri(NOTE).fsPath, original);
    await waitFor(() => rapport.notes.workspace!.index.contact(NOTE)?.stage === cachedStage, 'the restored note to be re-indexed');
  });

  test('a cache entry for a path outside the folder is not shown', async () => {
    const rapport = await api();
    await rapport.notes.load();
    const path = join(folder(), ...CACHE);
    // A note's line is a JSON head, then the contact's two tails after tabs; the last line counts the notes.
    const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
    const [head, ...tails] = lines.find((line) => line.startsWith(`["${NOTE}",`))!.split('\t');
    const entry = JSON.parse(head!) as unknown[];
    entry[0] = '../outside.md';
    entry[entry.indexOf('file', 11) + 1] = '../outside.md';
    entry[entry.indexOf('name', 11) + 1] = 'Outside Person';
    const { notes } = JSON.parse(lines.at(-1)!) as { notes: number };
    writeFileSync(path, [...lines.slice(0, -1), [JSON.stringify(entry), ...tails].join('\t'), JSON.stringify({ notes: notes + 1 })].join('\n') + '\n');
    // The planted entry is a well-formed one: the cache itself reads it.
    const planted = (await new NodeIndexCache(new NodeStore(folder())).load())?.notes['../outside.md'];
    assert.equal(planted?.reading.contact?.name, 'Outside Person');

    let seen = false;
    const listener = rapport.notes.onDidChange(() => {
      seen ||= rapport.notes.workspace?.index.contacts().some((contact) => contact.name === 'Outside Person') ?? false;
    });
    try {
      await rapport.notes.load();
    } finally {
      listener.dispose();
    }
    assert.equal(seen, false);
    assert.equal(rapport.notes.workspace!.index.has('../outside.md'), false);
  });

  test('Refresh reads every note again and saves a fresh cache', async () => {
    const rapport = await api();
    const path = join(folder(), ...CACHE);
    writeFileSync(path, 'not json\n');
    const result = await vscode.commands.executeCommand<{ contacts: number }>('rapport.refresh');
    assert.ok((result?.contacts ?? 0) > 0);
    assert.match(readFileSync(path, 'utf8').split('\n')[0]!, /"format":/);
  });
});

/** Runs only in Restricted Mode (the launcher's second window), and in the Node host only: the browser keeps no cache in the folder. */
suite('Restricted › Index cache', () => {
  test('the index cache is used as in a trusted window: it is data, not code', async () => {
    const rapport = await api();
    await rapport.notes.load();
    assert.ok(existsSync(join(folder(), ...CACHE)));
    assert.equal(rapport.notes.state, 'ready');
  });
});
