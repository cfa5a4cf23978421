/**
 * Rapport on a virtual file system, the way github.dev serves a repository:
 * the window's only folder is `memfs:/job-search`, a copy of
 * examples/job-search held in memory by this fixture extension. Run by
 * run.mjs in the Node extension host and in the web-worker extension host
 * (the one of vscode.dev and github.dev); `memfsFixture.expectedHost` says
 * which, and the first test checks it. No Node built-in is used here: the
 * same bundle runs in both hosts. Results go to the launcher as one
 * console line (a web worker has no disk to write them to).
 */
import * as vscode from 'vscode';
import type { RapportApi } from '../../../src/api.js';
import type { ContactsNode } from '../../../src/contacts-tree/contacts-provider.js';
import { runRegistered, suite, test } from '../../integration/runner.js';
import { ScriptedPrompts } from '../../integration/scripted-prompts.js';
import { LINKED_REFERRAL_LINE, newContactNote, REFERRAL_LINE, REFERRER_NOTE } from '../../harness/new-contact-note.mjs';
import { FOLDER, type MemoryFolderApi } from './extension.js';

const RAPPORT = 'rapport.rapport-vscode';
const FIXTURE = 'rapport-test.memfs-fixture';
/** Printed before the results' JSON: run.mjs looks for it in the workbench's log. */
export const RESULTS_MARKER = 'rapport-memfs-results ';

function fail(message: string): never {
  throw new Error(message);
}

function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual, null, 1);
  const e = JSON.stringify(expected, null, 1);
  if (a !== e) fail(`${what}\nexpected: ${e}\nactual:   ${a}`);
}

async function waitFor<T>(check: () => T | undefined | false, what: string | (() => string), timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) fail(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let rapport: RapportApi | undefined;
async function api(): Promise<RapportApi> {
  if (!rapport) {
    const extension = vscode.extensions.getExtension<RapportApi>(RAPPORT) ?? fail(`${RAPPORT} is not loaded (a virtual workspace disables extensions that do not declare capabilities.virtualWorkspaces)`);
    rapport = await extension.activate();
  }
  const notes = rapport.notes;
  // Activation only schedules the first read (whenLoaded would answer before it starts).
  await waitFor(() => notes.state !== 'loading', 'Rapport to read the folder', 30_000);
  await notes.whenLoaded();
  return rapport;
}

function memory(): MemoryFolderApi {
  return vscode.extensions.getExtension<MemoryFolderApi>(FIXTURE)?.exports ?? fail(`${FIXTURE} is not active`);
}

/** The note's text as the memfs provider holds it. */
function stored(path: string): string | undefined {
  const bytes = memory().bytesAt(`${FOLDER}/${path}`);
  return bytes && new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The Contacts view as its provider gives it to VS Code: each group's label, then its contacts' labels and ids. */
function contactsView(api: RapportApi): Record<string, string[]> {
  const view: Record<string, string[]> = {};
  for (const group of api.views.contacts.getChildren()) {
    const label = String(api.views.contacts.getTreeItem(group).label);
    view[label] = api.views.contacts
      .getChildren(group)
      .filter((node): node is ContactsNode & { kind: 'contact' } => node.kind === 'contact')
      .map((node) => `${String(api.views.contacts.getTreeItem(node).label)} (${node.contactId})`)
      .sort();
  }
  return view;
}

/** A web worker has `importScripts` and no `process`; the Node host has `process.versions.node`. */
function currentHost(): string {
  const global = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
  if (typeof global.importScripts === 'function' && global.process?.versions?.node === undefined) return 'webworker';
  if (global.process?.versions?.node !== undefined) return 'node';
  return 'unknown';
}

suite('Virtual file system (memfs)', () => {
  test('the window runs in the expected extension host, on memfs:/job-search only, and Rapport reads that folder', async () => {
    const expected = vscode.workspace.getConfiguration('memfsFixture').get<string>('expectedHost');
    same(currentHost(), expected, 'the extension host the tests run in');
    same(vscode.workspace.workspaceFolders?.map((folder) => folder.uri.toString()), ['memfs:/job-search'], 'the workspace folders');
    const api_ = await api();
    same(api_.notes.root?.toString(), 'memfs:/job-search', "Rapport's notes folder");
    // Rapport's own account: 'web' only when its browser entry is the one running.
    same(api_.host, expected === 'webworker' ? 'web' : 'node', 'the host Rapport says it runs in');
    same(api_.notes.state, 'ready', "Rapport's state");
  });

  test('the Contacts view lists the example contacts, read from memfs, under their stages', async () => {
    const api_ = await api();
    same(contactsView(api_), {
      identified: ['Elena Vasquez (elena-vasquez)', 'Keisha Brooks (keisha-brooks)', 'Tomás Herrera (tomas-herrera)'],
      contacted: ['Hannah Schultz (hannah-schultz)', 'Owen Park (owen-park)'],
      'followed-up': ['Victor Nguyen (victor-nguyen)'],
      scheduled: ['Lauren Fitzgerald (lauren-fitzgerald)', 'Sam Whitaker (sam-whitaker)'],
      prepared: ['Ben Osei (ben-osei)'],
      held: ['Marcus Bell (marcus-bell)'],
      thanked: ['Priya Raman (priya-raman)'],
      nurturing: ['Aisha Karim (aisha-karim)', 'Dana Okafor (dana-okafor)', 'Maya Chen (maya-chen)'],
      declined: ['Claire Dubois (claire-dubois)'],
      'no-response': ['Greg Malone (greg-malone)'],
      archived: ['Irene Kowalski (irene-kowalski)'],
    }, 'the Contacts view');
  });

  test('Advance Stage writes into memfs, and only the stage and a new history entry change', async () => {
    const api_ = await api();
    const before = stored('lauren-fitzgerald.md') ?? fail('lauren-fitzgerald.md is not in memfs');
    const filesBefore = memory().filesUnder(FOLDER);
    const prompts = new ScriptedPrompts({ 'advance.stage': 'prepared' });
    const restore = api_.prompts.use(prompts);
    try {
      const result = await vscode.commands.executeCommand('rapport.advanceStage', 'lauren-fitzgerald');
      same(result, { file: 'lauren-fitzgerald.md', stage: 'prepared' }, 'the command result');
    } finally {
      restore.dispose();
    }
    same(prompts.errors, [], 'errors reported');
    same(prompts.asked, ['advance.stage'], 'questions asked');
    const after = stored('lauren-fitzgerald.md');
    // The bytes around the edit, written out by hand: the stage line, and one entry at the end of the history list.
    const expected = before
      .replace('\nstage: scheduled\nrole: UX Researcher II\n', '\nstage: prepared\nrole: UX Researcher II\n')
      .replace('  - date: 2026-11-16\n    stage: scheduled\n    via: linkedin\nmeeting:\n', '  - date: 2026-11-16\n    stage: scheduled\n    via: linkedin\n  - date: 2026-11-23\n    stage: prepared\nmeeting:\n');
    if (expected === before) fail('the expected text equals the original: the example note changed, update this test');
    same(after, expected, 'lauren-fitzgerald.md in memfs');
    same(memory().filesUnder(FOLDER), filesBefore, 'the files in memfs (none added or removed)');
    await waitFor(() => contactsView(api_).prepared?.includes('Lauren Fitzgerald (lauren-fitzgerald)'), 'Lauren Fitzgerald listed under prepared');
  });

  test('Log Interaction appends one history entry in memfs and leaves every other byte alone', async () => {
    const api_ = await api();
    const before = stored('maya-chen.md') ?? fail('maya-chen.md is not in memfs');
    const prompts = new ScriptedPrompts({ 'advance.via': 'linkedin', 'interaction.note': 'Shared the diary-study article' });
    const restore = api_.prompts.use(prompts);
    try {
      await vscode.commands.executeCommand('rapport.logInteraction', 'maya-chen');
    } finally {
      restore.dispose();
    }
    same(prompts.errors, [], 'errors reported');
    const after = stored('maya-chen.md') ?? fail('maya-chen.md is gone');
    const added = '  - date: 2026-11-23\n    stage: nurturing\n    touch: true\n    via: linkedin\n    note: Shared the diary-study article\n';
    const at = after.indexOf(added);
    if (at < 0) fail(`no new history entry in:\n${after}`);
    same(after.slice(0, at) + after.slice(at + added.length), before, 'maya-chen.md without the new entry');
  });

  test('a note changed and a note added by someone else (the provider\'s change events only) show up in the Contacts view', async () => {
    const api_ = await api();
    const owen = stored('owen-park.md') ?? fail('owen-park.md is not in memfs');
    if (!owen.includes('\nstage: contacted\n')) fail('owen-park.md is not at contacted: the example changed, update this test');
    memory().writeFromOutside(`${FOLDER}/owen-park.md`, owen.replace('\nstage: contacted\n', '\nstage: declined\n'));
    memory().writeFromOutside(`${FOLDER}/contacts/rosa-lindqvist.md`, ['---', 'type: contact', 'name: Rosa Lindqvist', 'stage: identified', '---', '', '# Rosa Lindqvist', ''].join('\n'));
    await waitFor(() => {
      const view = contactsView(api_);
      return view.declined?.includes('Owen Park (owen-park)') && !view.contacted?.includes('Owen Park (owen-park)') && view.identified?.includes('Rosa Lindqvist (rosa-lindqvist)');
    }, () => `the view to show both changes; it shows ${JSON.stringify(contactsView(api_))}`);
  });

  test('New Contact writes its note into memfs (in the config\'s notes_folder), links the referrer\'s line to it, and the view lists it', async () => {
    const api_ = await api();
    const referrerBefore = stored(REFERRER_NOTE) ?? fail(`${REFERRER_NOTE} is not in memfs`);
    if (!referrerBefore.includes(`\n${REFERRAL_LINE}\n`)) fail(`${REFERRER_NOTE} has no line ${REFERRAL_LINE}: the example changed, update this test`);
    const prompts = new ScriptedPrompts({ 'contact.name': 'Grace Liu', 'contact.organization': 'Carelink Labs', 'contact.role': 'Nurse Informaticist', 'contact.source': 'referral', 'contact.referredBy': 'Priya Raman' });
    const restore = api_.prompts.use(prompts);
    const filesBefore = memory().filesUnder(FOLDER);
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand('rapport.newContact');
    } finally {
      restore.dispose();
    }
    same(prompts.errors, [], 'errors reported');
    same(result, { id: 'grace-liu', file: 'contacts/grace-liu.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false }, 'the command result');
    same(memory().filesUnder(FOLDER), [...filesBefore, `${FOLDER}/contacts/grace-liu.md`].sort(), 'the files in memfs');
    same(stored('contacts/grace-liu.md'), NEW_CONTACT, 'contacts/grace-liu.md in memfs');
    same(stored(REFERRER_NOTE), referrerBefore.replace(REFERRAL_LINE, LINKED_REFERRAL_LINE), `${REFERRER_NOTE} in memfs`);
    await waitFor(() => contactsView(api_).identified?.includes('Grace Liu (grace-liu)'), 'Grace Liu listed under identified');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

/** The note New Contact writes for the answers above, on the pinned date. */
const NEW_CONTACT = newContactNote('2026-11-23');

export async function run(): Promise<void> {
  console.log(`Rapport on a virtual file system (${currentHost()} extension host, VS Code ${vscode.version})`);
  await api();
  const result = await runRegistered(() => true, (line) => console.log(line));
  console.log(`${RESULTS_MARKER}${JSON.stringify({ host: currentHost(), registered: result.registered, passed: result.passed, failed: result.failed, failures: result.failures, flaky: result.flaky })}`);
  if (result.failed > 0) throw new Error(`${result.failed} test(s) failed on memfs`);
}
