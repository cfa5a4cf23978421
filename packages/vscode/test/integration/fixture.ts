import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import type { RapportApi } from '../../src/api.js';
import type { Prompts } from '../../src/prompts/prompts.js';
import type { ReferralNodeView } from '../../src/referrals-tree/referral-view.js';
import { ScriptedPrompts } from './scripted-prompts.js';

/** The demo's "today" (examples/job-search/README.md). */
export const TODAY = '2026-11-23';
export const EXTENSION_ID = 'rapport.rapport-vscode';

function folderUri(): vscode.Uri {
  const uri = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!uri) throw new Error('the tests need a folder open: a copy of examples/job-search');
  return uri;
}

/** The opened folder: a throwaway copy of examples/job-search made by the launcher, as a path on the test machine. */
export function folder(): string {
  return folderUri().fsPath;
}

/** A file of the opened folder by its `/`-separated path, in the folder's own scheme (`file:`, or `vscode-remote:` in the web-worker host). */
export function fileUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(folderUri(), ...path.split('/'));
}

/** Any file of the test machine by its absolute path, reached the way the opened folder is. */
export function machineUri(absolutePath: string): vscode.Uri {
  return folderUri().with({ path: absolutePath.split(sep).join('/') });
}

export function readText(path: string): string {
  return readFileSync(join(folder(), ...path.split('/')), 'utf8');
}

/** Every file of the folder (outside `.vscode` and the index cache, which any load may rewrite), by `/`-separated path. */
export function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const cache = join(folder(), '.rapport', 'cache');
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.vscode' && path !== cache) walk(path);
      } else files.set(relative(folder(), path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(folder());
  return files;
}

/** Paths whose content differs between two snapshots (added and removed ones included). */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

let cached: RapportApi | undefined;

/** The running extension's API, once its first index is built. */
export async function api(): Promise<RapportApi> {
  if (!cached) {
    const extension = vscode.extensions.getExtension<RapportApi>(EXTENSION_ID);
    if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
    cached = await extension.activate();
  }
  await cached.notes.whenLoaded();
  return cached;
}

/** Polls until `check` returns a value other than `undefined`/`false`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string | (() => string), timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The Referrals view's top rows, once it shows people rather than its "Reading notes…" row. */
export async function referralRoots(): Promise<ReferralNodeView[]> {
  const view = (await api()).views.referrals;
  return waitFor(() => {
    const roots = view.getChildren();
    return roots.every((node): node is ReferralNodeView => node.kind !== 'loading') && roots;
  }, 'the Referrals view to show its rows');
}

/** Runs `body` with the commands' questions answered by `prompts`. */
export async function withPrompts<T>(prompts: Prompts, body: () => Thenable<T> | Promise<T>): Promise<T> {
  const rapport = await api();
  const restore = rapport.prompts.use(prompts);
  try {
    return await body();
  } finally {
    restore.dispose();
  }
}

/** Runs a command with scripted answers; fails when it reported an error. */
export async function runScripted<T>(answers: ConstructorParameters<typeof ScriptedPrompts>[0], command: string, ...args: unknown[]): Promise<{ result: T | undefined; prompts: ScriptedPrompts }> {
  const prompts = new ScriptedPrompts(answers);
  const result = await withPrompts(prompts, () => vscode.commands.executeCommand<T | undefined>(command, ...args));
  if (prompts.errors.length > 0) throw new Error(`${command} reported: ${prompts.errors.join('; ')}`);
  return { result, prompts };
}

/** Sets a `rapport.*` setting for the opened folder (written to its .vscode/settings.json). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('rapport').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** `name`, `stage`, `referred_by` read straight from a note's text — an oracle independent of core. */
export function frontmatterOf(text: string): Record<string, string> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const fields: Record<string, string> = {};
  for (const line of match?.[1]?.split(/\r?\n/) ?? []) {
    const field = /^([a-z_]+):[ \t]*(.*?)[ \t]*(?:#.*)?$/.exec(line);
    if (field) fields[field[1]!] = field[2]!.replace(/^["']|["']$/g, '');
  }
  return fields;
}

/** The text after the closing `---` of the frontmatter. */
export function bodyOf(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/**
 * Opens a note just written by the test and waits until its editor shows `written`. VS Code keeps a
 * closed note's text for a while: when an earlier test left other text in that file, the editor can
 * show it until the file watcher catches up, so the note is reloaded from disk instead of waited on.
 */
export async function showAsWritten(uri: vscode.Uri, written: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  if (editor.document.getText() !== written) await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => editor.document.getText() === written, () => `${uri.path} to show what was written, not ${JSON.stringify(editor.document.getText())}`);
  return editor;
}

/** Closes every editor, discarding unsaved text first so no "save changes?" dialog blocks the window. */
export async function closeEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
