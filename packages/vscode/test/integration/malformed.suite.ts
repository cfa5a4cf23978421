import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { MALFORMED_NOTES, writeMalformed } from '../../../core/test/malformed-corpus.js';
import { api, changedFiles, fileUri, folder, snapshot, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

/** The corpus goes in a folder of its own, removed at the end so later suites see the plain example. */
const SUBFOLDER = 'malformed';
/** A 5 MB note and 10,000-deep nesting are among the inputs, on a busy 2-core machine. */
const TIMEOUT_MS = 60_000;
/** How long the shown diagnostics must stay the same before the extension counts as done. */
const SETTLE_MS = 8_000;

/**
 * Inputs the watcher path does not report, found by this suite: the
 * extension re-reads a changed file with `VscodeNoteStore.read`, which
 * answers `undefined` for a link to nothing (FileNotFound), and
 * `NotesSession.reindex` takes `undefined` as "deleted". A full load reports
 * it (core's loadWorkspace turns `undefined` for a listed file into
 * unreadable-file). Pinned below so the gap stays visible, and fails once fixed.
 */
const WATCHER_GAPS = new Set(['dangling-symlink']);
/**
 * Inputs the full-load path does not report: `vscode.workspace.fs.readDirectory`
 * leaves out a symlink whose target cannot be resolved because it loops
 * (ELOOP), so `VscodeNoteStore.listNotes` never lists it. The watcher path
 * reports it (reading it fails with ELOOP).
 */
const LOAD_GAPS = new Set(['symlink-loop']);

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
function missing(skip: ReadonlySet<string> = new Set()): string[] {
  return MALFORMED_NOTES.filter((note) => !skip.has(note.name)).filter((note) => !rapportDiagnostics(uriOf(note.name)).some((diagnostic) => diagnostic.code === note.rule)).map(
    (note) => `${note.name} (want ${note.rule}, shows ${JSON.stringify(rapportDiagnostics(uriOf(note.name)).map((diagnostic) => diagnostic.code))})`,
  );
}

/**
 * Waits until every input but `skip` shows its rule, or until what is shown
 * has stopped changing for SETTLE_MS (so a missing one fails in seconds, not
 * at the timeout); returns what is still missing.
 */
async function settle(skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  let last = JSON.stringify(missing(skip));
  let since = Date.now();
  return waitFor(() => {
    const now = missing(skip);
    if (now.length === 0) return now;
    if (JSON.stringify(now) !== last) (last = JSON.stringify(now)), (since = Date.now());
    return Date.now() - since > SETTLE_MS && now;
  }, () => `the diagnostics to settle; missing: ${missing(skip).join('; ')}`, TIMEOUT_MS);
}

/** Asserts that each input has a diagnostic of its rule with a message and a range (at 1:1 for entries that are not files). */
function assertEveryInputShown(skip: ReadonlySet<string> = new Set()): void {
  for (const note of MALFORMED_NOTES.filter((candidate) => !skip.has(candidate.name))) {
    const found = rapportDiagnostics(uriOf(note.name)).find((diagnostic) => diagnostic.code === note.rule)!;
    assert.ok(found.message.length > 10, `${note.name}: message "${found.message}"`);
    assert.ok(found.range.start.line >= 0 && found.range.start.character >= 0, `${note.name}: range`);
    assert.ok(!found.range.end.isBefore(found.range.start), `${note.name}: range ends before it starts`);
    if (note.rule === 'unreadable-file' && typeof note.content === 'object' && 'kind' in note.content) {
      assert.deepEqual([found.range.start.line, found.range.start.character], [0, 0], `${note.name}: not text, so shown at its start`);
    }
  }
}

suite('Malformed notes', () => {
  let root: string;
  let workspaceBefore: Map<string, string>;
  let corpusBefore: Map<string, string>;
  let contactsBefore: number;

  test(`${MALFORMED_NOTES.length} malformed inputs written at once: each shows a diagnostic of its rule through the watcher (but the known gap below)`, async () => {
    const rapport = await api();
    root = join(folder(), SUBFOLDER);
    workspaceBefore = snapshot();
    contactsBefore = rapport.notes.workspace!.index.contacts().length;
    mkdirSync(root);
    for (const note of MALFORMED_NOTES) await writeMalformed(root, note);
    corpusBefore = hashTree(root);
    const started = Date.now();
    assert.deepEqual(await settle(WATCHER_GAPS), []);
    console.log(`    figures: ${MALFORMED_NOTES.length - WATCHER_GAPS.size} malformed inputs shown by the watcher in ${Date.now() - started} ms`);
    assertEveryInputShown(WATCHER_GAPS);
    for (const note of MALFORMED_NOTES) {
      const shown = rapportDiagnostics(uriOf(note.name)).map((diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`);
      console.log(`    ${note.name}: ${shown.join(', ')}`);
    }
  });

  test(`known gap, reported: the watcher shows nothing for ${[...WATCHER_GAPS].join(', ')} (this test fails once it does: then drop it from WATCHER_GAPS)`, async () => {
    assert.ok(root, 'the corpus was written');
    for (const name of WATCHER_GAPS) assert.deepEqual(rapportDiagnostics(uriOf(name)), [], `${name} now shows a diagnostic through the watcher`);
  });

  test('a full re-read shows a diagnostic of its rule for every input (the load path, not the watcher)', async () => {
    const rapport = await api();
    assert.ok(root, 'the corpus was written');
    await vscode.commands.executeCommand('rapport.refresh');
    await rapport.notes.whenLoaded();
    assert.deepEqual(await settle(LOAD_GAPS), []);
    assertEveryInputShown(LOAD_GAPS);
  });

  test(`known gap, reported: a full re-read shows nothing for ${[...LOAD_GAPS].join(', ')} (this test fails once it does: then drop it from LOAD_GAPS)`, async () => {
    assert.ok(root, 'the corpus was written');
    for (const name of LOAD_GAPS) assert.deepEqual(rapportDiagnostics(uriOf(name)), [], `${name} now shows a diagnostic after a full load`);
  });

  test('not a byte of the corpus changed, after both reads', async () => {
    assert.ok(root, 'the corpus was written');
    assert.deepEqual(hashTree(root), corpusBefore);
  });

  test('removing the corpus folder clears the diagnostics of its notes and leaves the example as it was', async () => {
    const rapport = await api();
    assert.ok(root, 'the corpus was written');
    rmSync(root, { recursive: true, force: true });
    const readable = new Set(MALFORMED_NOTES.filter((note) => note.rule !== 'unreadable-file').map((note) => note.name));
    const stale = (names: ReadonlySet<string>) => [...names].filter((name) => rapportDiagnostics(uriOf(name)).length > 0);
    await waitFor(() => stale(readable).length === 0, () => `the diagnostics of the removed notes to clear; still shown: ${stale(readable).join(', ')}`, 20_000);
    await waitFor(() => rapport.notes.workspace!.index.files().every((file) => !file.startsWith(`${SUBFOLDER}/`)), 'the removed notes to leave the index', TIMEOUT_MS);
    assert.equal(rapport.notes.workspace!.index.contacts().length, contactsBefore);
    assert.deepEqual(changedFiles(workspaceBefore, snapshot()), []);
  });

  test('known gap, reported: unreadable-file diagnostics outlive their deleted folder until a full re-read (this test fails once they clear: then fold it into the one above)', async () => {
    const rapport = await api();
    assert.ok(root, 'the corpus was written');
    // The watcher reports a deleted folder as the folder only; the extension then drops the indexed notes under it, but not the unreadable ones, which are not in the index.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const unreadable = MALFORMED_NOTES.filter((note) => note.rule === 'unreadable-file').map((note) => note.name);
    const stale = unreadable.filter((name) => rapportDiagnostics(uriOf(name)).length > 0);
    console.log(`    still shown after the folder was deleted: ${stale.join(', ') || 'none'}`);
    await vscode.commands.executeCommand('rapport.refresh');
    await rapport.notes.whenLoaded();
    await waitFor(() => unreadable.every((name) => rapportDiagnostics(uriOf(name)).length === 0), 'a full re-read to clear them', 20_000);
    assert.notDeepEqual(stale, [], 'every unreadable-file diagnostic cleared with its folder');
  });
});
