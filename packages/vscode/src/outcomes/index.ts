import * as vscode from 'vscode';
import { addReferral, type AddedReferral } from '@rapport/core';
import { registerCommand } from '../commands/run-command.js';
import { saveOpenNote } from '../notes/note-edits.js';
import { showNoteAt } from '../notes/open-at.js';
import type { Services } from '../services.js';
import { referralNameColumn, referralOffers, type ReferralOffer } from './referral-offers.js';
import type { AgendaEntryView } from '../agenda/agenda-view.js';

export const ADD_REFERRAL_COMMAND = 'rapport.outcomes.addReferral';
export const WRITE_REFERRAL_NAME_COMMAND = 'rapport.outcomes.writeReferralName';

/** An Agenda row, as the Agenda view hands it to a command on its context menu. */
interface AgendaRow {
  readonly contactId: string;
  readonly file: string;
  readonly view: Pick<AgendaEntryView, 'referral' | 'line'>;
}

/**
 * On a `Referral: <name>` line under `## Outcomes`: a code lens and a quick
 * fix that create the person's note (referred by this contact, the same
 * core function as `rapport new --from`), link the name on that line and
 * open the new note.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const offersIn = (document: vscode.TextDocument): ReferralOffer[] => {
    const file = services.notes.pathOf(document.uri);
    if (!file || !file.toLowerCase().endsWith('.md')) return [];
    return referralOffers(file, document.getText(), services.notes.workspace?.config.outcomeLabels, services.notes.workspace?.index.contacts());
  };
  const commandOf = (document: vscode.TextDocument, offer: ReferralOffer): vscode.Command => ({ title: offer.title, command: ADD_REFERRAL_COMMAND, arguments: [document.uri, offer.name] });
  const lensesChanged = new vscode.EventEmitter<void>();

  context.subscriptions.push(
    lensesChanged,
    services.notes.onDidChange(() => lensesChanged.fire()),
    vscode.languages.registerCodeLensProvider(
      { language: 'markdown' },
      {
        onDidChangeCodeLenses: lensesChanged.event,
        provideCodeLenses: (document) => offersIn(document).map((offer) => new vscode.CodeLens(document.lineAt(offer.line).range, commandOf(document, offer))),
      },
    ),
    vscode.languages.registerCodeActionsProvider(
      { language: 'markdown' },
      {
        provideCodeActions: (document, range) =>
          offersIn(document)
            .filter((offer) => range.start.line <= offer.line && offer.line <= range.end.line)
            .map((offer) => {
              const action = new vscode.CodeAction(offer.title, vscode.CodeActionKind.QuickFix);
              action.command = commandOf(document, offer);
              return action;
            }),
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    registerCommand(services, ADD_REFERRAL_COMMAND, async (target: vscode.Uri | AgendaRow, name?: string, options?: { open?: boolean }) => {
      // From the Agenda's "Add Grace Liu (referred by Priya Raman)" row: the referrer and the name the row stands for,
      // written on the line or guessed from its link (`[[renee-jackson]]`), which the new note's id then answers.
      if (!(target instanceof vscode.Uri)) return target.view.referral === undefined ? undefined : addReferralFromNote(services, services.notes.uriOf(target.file), target.view.referral, { referrerId: target.contactId });
      return name === undefined ? undefined : addReferralFromNote(services, target, name, options);
    }),
    // From the Agenda's "ask Priya Raman for the name of their informatics lead" row: the line where the name goes, once asked.
    registerCommand(services, WRITE_REFERRAL_NAME_COMMAND, (row: AgendaRow) => openAtReferralName(services, row)),
  );
}

/**
 * Opens the referrer's note at the row's `Referral: their informatics lead` line, the cursor after
 * the label: the name typed there ("Grace Liu, their informatics lead") makes the line one that
 * offers to add them.
 */
async function openAtReferralName(services: Services, row: AgendaRow): Promise<vscode.TextEditor | undefined> {
  if (row.view.line === undefined) return undefined;
  const uri = services.notes.uriOf(row.file);
  const document = await vscode.workspace.openTextDocument(uri);
  // The index's line: past the end only when the note shrank since, and then the index is about to follow.
  const line = Math.min(row.view.line - 1, document.lineCount - 1);
  return showNoteAt(uri, new vscode.Position(line, referralNameColumn(document.lineAt(line).text)));
}

/**
 * Creates the contact `name` referred by the note at `uri` and links the
 * name on its Outcomes line — or, when a contact has that name already,
 * links that note (core's `addReferral`) and says so. A note with unsaved
 * changes is saved first: the line being linked is the one on screen, and
 * core edits the file. `referrerId`, when the caller knows it (an Agenda
 * row), is the referrer; else it is the note's contact whose Outcomes line
 * names `name`.
 */
export async function addReferralFromNote(services: Services, uri: vscode.Uri, name: string, options: { open?: boolean; referrerId?: string } = {}): Promise<AddedReferral | undefined> {
  const workspace = await services.notes.requireWorkspace();
  const file = services.notes.pathOf(uri);
  if (!file) return undefined;
  const document = await saveOpenNote(uri);
  if (document === false) return undefined;
  const referrerId = options.referrerId ?? referralOffers(file, document?.getText() ?? (await workspace.store.read(file))?.text ?? '', workspace.config.outcomeLabels).find((offer) => offer.name === name)?.referrerId;
  if (!referrerId) return undefined;
  const created = await addReferral(workspace, referrerId, { name, date: services.notes.today() });
  services.notes.notifyEdited([created.file, file]);
  if (created.existing) {
    const referredBy = created.referredByAdded ? `, added referred_by: "[[${referrerId}]]" to it` : '';
    void vscode.window.showInformationMessage(`${name} has a note already (${created.file}): linked it${referredBy}, nothing was created.`);
  }
  if (options.open !== false) await vscode.window.showTextDocument(services.notes.uriOf(created.file), { preview: false });
  return created;
}
