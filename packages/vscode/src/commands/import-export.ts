import * as vscode from 'vscode';
import { InvalidInputError, loadSlugger } from '@rapport/core';
import { exportIcs, exportRefusal } from '@rapport/core/export';
import { importContacts, parseLinkedInConnections, type ImportSummary } from '@rapport/core/import';
import type { Services } from '../services.js';
import { decodeNote } from '../store/utf8.js';

/** `rapport.exportCalendar`: meetings and dated next actions as an `.ics` file. */
export async function exportCalendar(services: Services, target?: vscode.Uri): Promise<{ uri: string; events: number } | undefined> {
  const workspace = await services.notes.requireWorkspace();
  // Before asking where to save: a calendar from a config read wrong (a misspelled time zone) would move every meeting.
  const refusal = exportRefusal(workspace);
  if (refusal) throw new InvalidInputError(refusal);
  const uri =
    target ??
    (await services.prompts.saveFile({
      id: 'export.calendar',
      title: 'Export Calendar',
      filters: { iCalendar: ['ics'] },
      ...(services.notes.root ? { defaultUri: vscode.Uri.joinPath(services.notes.root, 'rapport.ics') } : {}),
    }));
  if (!uri) return undefined;
  // A referral both linked and named is one event, as it is one row of the Agenda.
  const contactSlug = workspace.index.namesBesideMissingLinks() ? await loadSlugger() : undefined;
  const text = exportIcs(workspace, { now: services.notes.now(), ...(contactSlug ? { contactSlug } : {}) });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const events = text.match(/^BEGIN:VEVENT\r?$/gm)?.length ?? 0;
  void services.prompts.info(`Exported ${events} event${events === 1 ? '' : 's'} to ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}.`);
  return { uri: uri.toString(), events };
}

/**
 * `rapport.importLinkedIn`: reads LinkedIn's `Connections.csv`, shows what a
 * dry run would do, and on confirmation creates the new contacts and fills
 * empty fields of the ones already there (nothing written is overwritten).
 */
export async function importLinkedIn(services: Services, target?: vscode.Uri, options: { confirm?: boolean } = {}): Promise<ImportSummary | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const uri = target ?? (await services.prompts.openFile({ id: 'import.file', title: 'Import LinkedIn Connections.csv', filters: { 'LinkedIn connections': ['csv'] } }));
  if (!uri) return undefined;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const reading = parseLinkedInConnections(decodeNote(name, await vscode.workspace.fs.readFile(uri)), name);
  const fatal = reading.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (fatal && reading.candidates.length === 0) throw new InvalidInputError(`${name}:${fatal.line}: ${fatal.message}${fatal.hint ? `. ${fatal.hint}` : ''}`);
  const today = services.notes.today();
  const preview = await importContacts(workspace, reading, { today, dryRun: true });
  if (options.confirm !== true) {
    const go = await services.prompts.pick({
      id: 'import.confirm',
      title: `Import ${name}`,
      placeholder: `${preview.created.length} new, ${preview.updated.length} filled in, ${preview.skipped.length} skipped`,
      items: [
        { label: 'Import', description: `create ${preview.created.length}, fill in ${preview.updated.length}`, value: true },
        { label: 'Cancel', value: false },
      ],
    });
    if (!go) return undefined;
  }
  const summary = await importContacts(workspace, reading, { today });
  services.notes.notifyEdited([...summary.created, ...summary.updated].map((entry) => entry.file));
  void services.prompts.info(`Imported ${name}: ${summary.created.length} new contact${summary.created.length === 1 ? '' : 's'}, ${summary.updated.length} filled in, ${summary.skipped.length} skipped.`);
  return summary;
}
