import type * as vscode from 'vscode';
import type { NotesSession } from './notes/notes-session.js';
import type { PromptHost } from './prompts/prompts.js';
import type { ExtensionSettings } from './settings/read-settings.js';
import type { FirstPaint } from './timings/first-paint.js';
import type { StartupTimings } from './timings/startup-timings.js';

/** What every feature's `register(context, services)` gets. */
export interface Services {
  /** The indexed notes folder. */
  readonly notes: NotesSession;
  /** Every question asked of the user goes through here. */
  readonly prompts: PromptHost;
  readonly log: vscode.LogOutputChannel;
  /** Start-up marks (activation, first paint, reconcile). */
  readonly timings: StartupTimings;
  /** Work that waits for the Contacts view's first paint once the index is usable. */
  readonly firstPaint: FirstPaint;
  /** The current `rapport.*` settings. */
  settings(): ExtensionSettings;
  /** Fires after the settings changed (and the notes session took them). */
  readonly onDidChangeSettings: vscode.Event<ExtensionSettings>;
}
