/**
 * The paint benchmark's probe (test/bench-paint.mjs), run as the "tests" of
 * a code-server window over a large notes folder: it reads the extension's
 * start-up marks, then times one note changed on disk until the index, the
 * agenda and the referral graph show it. Writes its figures next to itself
 * (bench-paint-result.json) for the launcher to collect.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RapportApi } from '../../src/api.js';

const EXTENSION_ID = 'rapport.rapport-vscode';

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs: number, everyMs = 5): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<RapportApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const rapport = await extension.activate();
  const probeStarted = rapport.timings.elapsed();
  const viewWasPainted = rapport.timings.values.contactsPainted !== undefined;
  // A fresh profile shows the Explorer: open Rapport so VS Code asks the Contacts view for its items.
  await vscode.commands.executeCommand('workbench.view.extension.rapport');
  await until(() => rapport.timings.values.reconciled !== undefined, 'the first full check of the notes', 600_000, 20);
  await until(() => rapport.timings.values.contactsPainted !== undefined, 'the Contacts view to be painted', 60_000, 20);
  const workspace = rapport.notes.workspace!;
  const files = workspace.index.files().length;
  const contacts = workspace.index.contacts().length;

  // One note changed on disk (a stage edited by hand), until the index, the agenda and the graph have it.
  const contact = workspace.index.contacts().find((candidate) => candidate.stage === 'contacted')!;
  const path = rapport.notes.uriOf(contact.file).fsPath;
  const text = readFileSync(path, 'utf8');
  const agendaBefore = rapport.views.agenda.entries().filter((entry) => entry.file === contact.file).length;
  const edited = text.replace(/^stage: .*$/m, 'stage: archived');
  const changeStarted = performance.now();
  writeFileSync(path, edited);
  await until(() => rapport.notes.workspace?.index.contact(contact.file)?.stage === 'archived', 'the edited note to be re-indexed', 30_000, 2);
  const indexed = performance.now() - changeStarted;
  const viewsStarted = performance.now();
  const agenda = rapport.views.agenda.entries();
  rapport.views.contacts.getChildren();
  rapport.notes.workspace!.index.referralGraph();
  const views = performance.now() - viewsStarted;
  const agendaAfter = agenda.filter((entry) => entry.file === contact.file).length;
  writeFileSync(path, text);

  const result = {
    vscode: vscode.version,
    files,
    contacts,
    timings: rapport.timings.values,
    probeStarted,
    viewWasPainted,
    change: { file: contact.file, indexedMs: indexed, viewsMs: views, agendaBefore, agendaAfter },
  };
  writeFileSync(join(__dirname, 'bench-paint-result.json'), JSON.stringify(result, null, 2));
  console.log(`bench-paint probe: ${JSON.stringify(result)}`);
}
