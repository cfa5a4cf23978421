import * as vscode from 'vscode';
import * as agenda from './agenda/index.js';
import * as commands from './commands/index.js';
import * as completion from './completion/index.js';
import * as contactsTree from './contacts-tree/index.js';
import * as dashboard from './dashboard/index.js';
import * as diagnostics from './diagnostics/index.js';
import * as graph from './graph/index.js';
import * as letters from './letters/index.js';
import * as links from './links/index.js';
import { NotesSession } from './notes/notes-session.js';
import * as outcomes from './outcomes/index.js';
import { PromptHost } from './prompts/prompts.js';
import * as referralsTree from './referrals-tree/index.js';
import * as snippets from './snippets/index.js';
import type { Services } from './services.js';
import { onDidChangeSettings, readSettings, type ExtensionSettings } from './settings/read-settings.js';
import { FirstPaint } from './timings/first-paint.js';
import { StartupTimings } from './timings/startup-timings.js';
import * as watcher from './watcher/index.js';
import type { RapportApi } from './api.js';
import type { Platform } from './platform/platform.js';

/**
 * Wires the features together; the notes are read in the background, after
 * this returns. Both entry points call it, each with its platform:
 * `entry/node.ts` (desktop, `main`) and `entry/web.ts` (the browser, `browser`).
 */
export function activateOn(platform: Platform, context: vscode.ExtensionContext): RapportApi {
  const timings = new StartupTimings();
  const log = vscode.window.createOutputChannel('Rapport', { log: true });
  let settings = readSettings();
  const settingsChanged = new vscode.EventEmitter<ExtensionSettings>();
  const firstPaint = new FirstPaint();
  const notes = new NotesSession(settings, log, platform, timings, firstPaint);
  const prompts = new PromptHost();
  const services: Services = { notes, prompts, log, timings, firstPaint, settings: () => settings, onDidChangeSettings: settingsChanged.event };
  context.subscriptions.push(
    log,
    firstPaint,
    notes,
    settingsChanged,
    onDidChangeSettings((next) => {
      settings = next;
      notes.updateSettings(next);
      settingsChanged.fire(next);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void notes.load()),
  );

  const contacts = contactsTree.register(context, services);
  const { provider: agendaView, status } = agenda.register(context, services);
  const referrals = referralsTree.register(context, services);
  commands.register(context, services);
  diagnostics.register(context, services);
  completion.register(context, services);
  watcher.register(context, services);
  const referralGraph = graph.register(context, services);
  const dashboardPanel = dashboard.register(context, services);
  letters.register(context, services);
  links.register(context, services);
  outcomes.register(context, services);
  snippets.register(context, services);

  notes.start();
  timings.mark('activated');
  log.info(`Activated (${platform.kind} extension host) in ${timings.values.activated!.toFixed(1)} ms; reading the notes in the background`);
  return { host: platform.kind, notes, prompts, timings, status, views: { contacts, agenda: agendaView, referrals }, referralGraph, dashboard: dashboardPanel };
}
