import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, folder, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

const BULK = 1000;

function bulkNote(n: number): string {
  return ['---', 'type: contact', `name: Bulk Person ${n}`, 'stage: identified', `organization: Org ${n % 37}`, 'history:', '  - date: 2026-11-20', '    stage: identified', '---', '', `# Bulk Person ${n}`, ''].join('\n');
}

suite('Loading and scale', () => {
  test('a full re-read shows the loading state in the trees, then the contacts', async () => {
    const rapport = await api();
    const loading = rapport.notes.load();
    assert.equal(rapport.notes.state, 'loading');
    assert.deepEqual(rapport.views.contacts.getChildren(), [{ kind: 'loading' }]);
    assert.equal(String(rapport.views.contacts.getTreeItem({ kind: 'loading' }).label), 'Reading notes…');
    // Not a blank view while it waits: the Agenda and the Referrals view say so too.
    assert.deepEqual(rapport.views.agenda.getChildren(), [{ kind: 'loading' }]);
    assert.deepEqual(rapport.views.referrals.getChildren(), [{ kind: 'loading' }]);
    assert.equal(String(rapport.views.referrals.getTreeItem({ kind: 'loading' }).label), 'Reading notes…');
    await loading;
    assert.equal(rapport.notes.state, 'ready');
    assert.ok(rapport.views.contacts.getChildren().every((node) => node.kind === 'group'));
    await waitFor(() => rapport.views.referrals.getChildren().some((node) => node.kind === 'contact'), 'the Referrals view to list the chains once read');
  });

  test(`${BULK} notes added at once (a git checkout) are indexed file by file; deleting their folder drops them`, async () => {
    const rapport = await api();
    const before = rapport.notes.workspace!.index.contacts().length;
    const index = rapport.notes.workspace!.index;
    const bulk = join(folder(), 'bulk');
    mkdirSync(bulk);
    let started = Date.now();
    for (let n = 0; n < BULK; n++) writeFileSync(join(bulk, `bulk-person-${n}.md`), bulkNote(n));
    await waitFor(() => rapport.notes.workspace!.index.contacts().length === before + BULK, () => `${BULK} new contacts (have ${rapport.notes.workspace!.index.contacts().length - before})`, 60_000);
    const watched = Date.now() - started;
    assert.equal(rapport.notes.workspace!.index, index, 'updated in place');

    started = Date.now();
    const result = await vscode.commands.executeCommand<{ contacts: number }>('rapport.refresh');
    const reread = Date.now() - started;
    assert.equal(result?.contacts, before + BULK);
    console.log(`    figures: ${BULK} notes written → indexed by the watcher in ${watched} ms; full re-read of ${before + BULK} contacts in ${reread} ms`);

    rmSync(bulk, { recursive: true });
    await waitFor(() => rapport.notes.workspace!.index.contacts().length === before, 'the deleted folder to leave the index', 60_000);
  });
});
