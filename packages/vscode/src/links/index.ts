import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { onWillRenameNotes, WikilinkHover, WikilinkNavigation, WikilinkReferences, WikilinkRename } from './link-providers.js';

/** Wikilinks as in Foam: Ctrl+click and F12 open the note, hover shows the card, references and rename across notes. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  const navigation = new WikilinkNavigation(services);
  context.subscriptions.push(
    vscode.languages.registerDocumentLinkProvider(selector, navigation),
    vscode.languages.registerDefinitionProvider(selector, navigation),
    vscode.languages.registerHoverProvider(selector, new WikilinkHover(services)),
    vscode.languages.registerReferenceProvider(selector, new WikilinkReferences(services)),
    vscode.languages.registerRenameProvider(selector, new WikilinkRename(services)),
    vscode.workspace.onWillRenameFiles((event) => onWillRenameNotes(services, event)),
  );
}
