import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { MALFORMED_EXPECTED } from '../../../core/test/malformed-corpus.expected.js';
import { MALFORMED_NOTES, writeMalformed } from '../../../core/test/malformed-corpus.js';
import { api, changedFiles, fileUri, folder, snapshot, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

/** The corpus goes in a folder of its own, removed at the end so later suites see the plain example. */
const SUBFOLDER = 'malformed';
/** A 5 MB note and 10,000-deep nesting are among the inputs, on a busy 2-core machine. */
const TIMEOUT_MS = 60_000;
/** How long the shown diagnostics must stay the same before the extension counts as done. */
const SETTLE_MS = 8_000;

const uriOf = (name: string) => fileUri(`${SUBFOLDER}/${name}.md`);

function rapportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'rapport');
}

/** Every entry under `root`: files by content hash, folders, and symlinks by target (never followed: one is a loop). */
function hashTree(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (directory: string, prefix: string) => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      const info = lstatSync(path);
      if (info.isSymbolicLink()) entries.set(prefix + name, `symlink → ${readlinkSync(path)}`);
      else if (info.isDirectory()) {
        entries.set(`${prefix + name}/`, 'folder');
        walk(path, `${prefix + name}/`);
      } else entries.set(prefix + name, createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(root, '');
  return entries;
}

/** Inputs without a diagnostic of their expected rule yet, each with what it does show. */
function missing(): string[] {
  return MALFORMED_NOTES.filter((note) => !rapportDiagnostics(uriOf(note.name)).some((diagnostic) => diagnostic.code === note.rule)).map(
    (note) => `${note.name} (want ${note.rule}, shows ${JSON.stringify(rapportDiagnostics(uriOf(note.name)).map((diagnostic) => diagnostic.code))})`,
  );
}

/**
 * Waits until every input shows its rule, or until what is shown has
 * stopped changing for SETTLE_MS (so a missing one fails in seconds, not at
 * the timeout); returns what is still missing.
 */
async function settle(): Promise<string[]> {
  let last = JSON.stringify(missing());
  let since = Date.now();
  return waitFor(() => {
    const now = missing();
    if (now.length === 0) return now;
    if (JSON.stringify(now) !== last) (last = JSON.stringify(now)), (since = Date.now());
    return Date.now() - since > SETTLE_MS && now;
  }, () => `the diagnostics to settle; missing: ${missing().join('; ')}`, TIMEOUT_MS);
}

/** Asserts that each input has a diagnostic of its rule placed and worded as the hand-written expected file says. */
function assertEveryInputShown(): void {
  for (const note of MALFORMED_NOTES) {
    const found = rapportDiagnostics(uriOf(note.name)).find((diagnostic) => diagnostic.code === note.rule)!;
    const expected = MALFORMED_EXPECTED[note.name]!;
    // VS Code counts from 0, the expected file (like `rapport check`) from 1.
    assert.deepEqual(
      [found.range.start.line + 1, found.range.start.character + 1, found.range.end.line + 1, found.range.end.character + 1],
      [expected.line, expected.column, expected.endLine, expected.endColumn],
      `${note.name}: range`,
    );
    // The extension shows the hint after the message.
    if (expected.message !== undefined) assert.ok(found.message.startsWith(`${expected.message}. `), `${note.name}: message "${found.message}"`);
    assert.ok(found.message.length > 10, `${note.name}: message "${found.message}"`);
  }
}

/** What an input shows for its rule: message and place, to compare the watcher's reading with a full load's. */
function shownFor(name: string, rule: string): string {
  const found = rapportDiagnostics(uriOf(name)).find((diagnostic) => diagnostic.code === rule);
  return found ? `${found.range.start.line + 1}:${found.range.start.character + 1} ${found.message}` : 'nothing';
}

/** The links of the corpus, with the reason each one's diagnostic must give (core's wording, as `rapport check` prints it). */
const LINK_REASONS: Readonly<Record<string, string>> = {
  'dangling-symlink': 'it is a symbolic link to nothing',
  'symlink-loop': 'it is a symbolic link that loops',
};

suite('Malformed notes', () => {
  let root: string;
  let workspaceBefore: Map<string, string>;
  let corpusBefore: Map<string, string>;
  let contactsBefore: number;
  const unreadableViaWatcher = new Map<string, string>();

  test(`${MALFORMED_NOTES.length} malformed inputs written at once: each shows a diagnostic of its rule through the watcher`, async () => {
    const rapport = await api();
    root = join(folder(), SUBFOLDER);
    workspaceBefore = snapshot();
    contactsBefore = rapport.notes.workspace!.index.contacts().length;
    mkdirSync(root);
    for (const note of MALFORMED_NOTES) await writeMalformed(root, note);
    corpusBefore = hashTree(root);
    const started = Date.now();
    assert.deepEqual(await settle(), []);
    console.log(`    figures: ${MALFORMED_NOTES.length} malformed inputs shown by the watcher in ${Date.now() - started} ms`);
    assertEveryInputShown();
    for (const note of MALFORMED_NOTES) {
      const shown = rapportDiagnostics(uriOf(note.name)).map((diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`);
      console.log(`    ${note.name}: ${shown.join(', ')}`);
      if (note.rule === 'unreadable-file') unreadableViaWatcher.set(note.name, shownFor(note.name, note.rule));
    }
  });

  test('a link to nothing and a looping link each say so, through the watcher', async () => {
    assert.ok(root, 'the corpus was written');
    for (const [name, reason] of Object.entries(LINK_REASONS)) {
      const shown = unreadableViaWatcher.get(name) ?? 'nothing';
      assert.ok(shown.startsWith(`1:1 The note cannot be read: ${reason}.`), `${name}: ${shown}`);
    }
  });

  test('a full re-read shows a diagnostic of its rule for every input (the load path, not the watcher), worded and placed as the watcher showed it', async () => {
    const rapport = await api();
    assert.ok(root, 'the corpus was written');
    await vscode.commands.executeCommand('rapport.refresh');
    await rapport.notes.whenLoaded();
    assert.deepEqual(await settle(), []);
    assertEveryInputShown();
    const viaLoad = new Map([...unreadableViaWatcher.keys()].map((name) => [name, shownFor(name, 'unreadable-file')]));
    assert.deepEqual(viaLoad, unreadableViaWatcher);
  });

  test('not a byte of the corpus changed, after both reads', async () => {
    assert.ok(root, 'the corpus was written');
    assert.deepEqual(hashTree(root), corpusBefore);
  });

  test('removing the corpus folder clears the diagnostics of its notes, unreadable ones too, and leaves the example as it was', async () => {
    const rapport = await api();
    assert.ok(root, 'the corpus was written');
    rmSync(root, { recursive: true, force: true });
    // The watcher reports a deleted folder as the folder only; files under it that could not be read are in no index, and must go as well.
    const stale = () => MALFORMED_NOTES.map((note) => note.name).filter((name) => rapportDiagnostics(uriOf(name)).length > 0);
    await waitFor(() => stale().length === 0, () => `the diagnostics of the removed notes to clear without a full re-read; still shown: ${stale().join(', ')}`, 20_000);
    await waitFor(() => rapport.notes.workspace!.index.files().every((file) => !file.startsWith(`${SUBFOLDER}/`)), 'the removed notes to leave the index', TIMEOUT_MS);
    assert.deepEqual(rapport.notes.filesUnder(SUBFOLDER), []);
    assert.equal(rapport.notes.workspace!.index.contacts().length, contactsBefore);
    assert.deepEqual(changedFiles(workspaceBefore, snapshot()), []);
  });
});
