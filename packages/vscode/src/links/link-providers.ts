import * as vscode from 'vscode';
import { nextAction, noteId, noteIdProblem, noteLinkAt, noteLinks, type NoteLink } from '@rapport/core';
import type { Services } from '../services.js';
import { linkedContact, linksAcrossNotes, unreadableLinkTarget } from './note-texts.js';

/** The link under the cursor, with its ranges in the document. */
function linkAt(document: vscode.TextDocument, position: vscode.Position): { link: NoteLink; range: vscode.Range; targetRange: vscode.Range } | undefined {
  const link = noteLinkAt(document.getText(), document.offsetAt(position));
  if (!link) return undefined;
  return {
    link,
    range: new vscode.Range(document.positionAt(link.offset), document.positionAt(link.offset + link.length)),
    targetRange: new vscode.Range(document.positionAt(link.targetOffset), document.positionAt(link.targetOffset + link.target.length)),
  };
}

/** `[[id]]` links in notes become clickable (Ctrl+click) and F12 opens the contact's note. */
export class WikilinkNavigation implements vscode.DocumentLinkProvider, vscode.DefinitionProvider {
  constructor(private readonly services: Services) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (!this.services.notes.pathOf(document.uri)) return [];
    const text = document.getText();
    return noteLinks(text).flatMap((link) => {
      const contact = linkedContact(this.services, link.target);
      // A note that cannot be read is still where the link leads: opening it is how it gets fixed.
      const unreadable = contact ? undefined : unreadableLinkTarget(this.services, link.target);
      const file = contact?.file ?? unreadable?.file;
      if (!file) return [];
      const range = new vscode.Range(document.positionAt(link.targetOffset), document.positionAt(link.targetOffset + link.target.length));
      const target = new vscode.DocumentLink(range, this.services.notes.uriOf(file));
      target.tooltip = contact ? `Open ${contact.name}` : `Open ${file} (it cannot be read)`;
      return [target];
    });
  }

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const found = this.services.notes.pathOf(document.uri) ? linkAt(document, position) : undefined;
    if (!found) return undefined;
    const file = linkedContact(this.services, found.link.target)?.file ?? unreadableLinkTarget(this.services, found.link.target)?.file;
    return file ? new vscode.Location(this.services.notes.uriOf(file), new vscode.Position(0, 0)) : undefined;
  }
}

/** Hovering a link shows the contact's card: name, role, organization, stage, next action. */
export class WikilinkHover implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.services.notes.pathOf(document.uri) ? linkAt(document, position) : undefined;
    if (!found) return undefined;
    const contact = linkedContact(this.services, found.link.target);
    if (!contact) {
      const unreadable = unreadableLinkTarget(this.services, found.link.target);
      const problem = unreadable?.problems.find((candidate) => candidate.severity === 'error') ?? unreadable?.problems[0];
      if (unreadable) return new vscode.Hover(new vscode.MarkdownString(`\`${unreadable.file}\` cannot be read${problem ? ` (line ${problem.line}: ${escape(problem.message)})` : ''}. Fix it and the link leads to the contact again.`), found.range);
      return new vscode.Hover(new vscode.MarkdownString(`No contact note has the id \`${found.link.target}\` yet.`), found.range);
    }
    const card = new vscode.MarkdownString();
    card.appendMarkdown(`**${escape(contact.name)}**`);
    const work = [contact.role, contact.organization].filter(Boolean).join(' at ');
    if (work) card.appendMarkdown(`  \n${escape(work)}`);
    card.appendMarkdown(`  \nStage: ${contact.stage}`);
    const next = nextAction(contact, this.services.notes.actionContext());
    if (next) card.appendMarkdown(`  \nNext: ${escape(next.action)}${next.due ? ` (due ${next.due})` : ''}`);
    return new vscode.Hover(card, found.range);
  }
}

/** Find All References on a link, or anywhere in a contact's own note: every note linking to that contact. */
export class WikilinkReferences implements vscode.ReferenceProvider {
  constructor(private readonly services: Services) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const file = this.services.notes.pathOf(document.uri);
    if (!file) return [];
    const id = linkAt(document, position)?.link.target ?? (this.services.notes.workspace?.index.reading(file)?.contact ? noteId(file) : undefined);
    if (!id) return [];
    return linksAcrossNotes(this.services, id).map((found) => new vscode.Location(found.uri, found.range));
  }
}

/** Renames whose link edits Rapport makes itself (F2, the Rename command), by `from → to` URI, with when the expectation lapses. */
const ownRenames = new Map<string, number>();

/**
 * Tells the file-rename participant that this rename's links are already
 * in the same edit. It lapses (a preview the user closed never applies).
 */
export function expectRename(from: vscode.Uri, to: vscode.Uri, forMs = 10 * 60_000): vscode.Disposable {
  const key = `${from.toString()} -> ${to.toString()}`;
  ownRenames.set(key, Date.now() + forMs);
  return { dispose: () => ownRenames.delete(key) };
}

function isOwnRename(from: vscode.Uri, to: vscode.Uri): boolean {
  const key = `${from.toString()} -> ${to.toString()}`;
  const until = ownRenames.get(key);
  if (until === undefined) return false;
  ownRenames.delete(key);
  return until >= Date.now();
}

/**
 * How the rename's edits are grouped in the Refactor Preview (Ctrl+Enter in
 * the rename box, or Shift+Enter). Not `needsConfirmation`: VS Code then
 * shows every edit unticked, and Apply silently did nothing.
 */
const RENAME_PREVIEW: vscode.WorkspaceEditEntryMetadata = { needsConfirmation: false, label: 'Rename the contact note and update every [[link]] to it' };

/** F2 on a link renames the contact's note and every link to it (the rename box offers the Refactor Preview). */
export class WikilinkRename implements vscode.RenameProvider {
  constructor(private readonly services: Services) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const found = this.services.notes.pathOf(document.uri) ? linkAt(document, position) : undefined;
    if (!found) throw new Error('Put the cursor on a [[link]] to rename the note it points at');
    if (!linkedContact(this.services, found.link.target)) throw new Error(`No contact note has the id "${found.link.target}"`);
    return { range: found.targetRange, placeholder: found.link.target };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const { placeholder: from } = this.prepareRename(document, position);
    const to = newName.trim();
    const problem = noteIdProblem(to);
    if (problem) throw new Error(problem);
    const contact = linkedContact(this.services, from)!;
    if (to !== from && this.services.notes.workspace?.index.hasId(to)) throw new Error(`Another note already has the id "${to}"`);
    const edit = linkEdits(this.services, from, to, RENAME_PREVIEW);
    const folder = contact.file.includes('/') ? contact.file.slice(0, contact.file.lastIndexOf('/') + 1) : '';
    const source = this.services.notes.uriOf(contact.file);
    const destination = this.services.notes.uriOf(`${folder}${to}.md`);
    edit.renameFile(source, destination, { overwrite: false }, RENAME_PREVIEW);
    expectRename(source, destination);
    return edit;
  }
}

/** The text edits that make every link to `from` point at `to` (open notes by their editor's text). */
export function linkEdits(services: Services, from: string, to: string, metadata?: vscode.WorkspaceEditEntryMetadata): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const found of linksAcrossNotes(services, from)) edit.replace(found.uri, found.targetRange, to, metadata);
  return edit;
}

/** Renaming a contact's file in the Explorer updates the links to it (VS Code offers a preview first). */
export function onWillRenameNotes(services: Services, event: vscode.FileWillRenameEvent): void {
  const renames = event.files.flatMap(({ oldUri, newUri }) => {
    if (isOwnRename(oldUri, newUri)) return [];
    const oldPath = services.notes.pathOf(oldUri);
    const newPath = services.notes.pathOf(newUri);
    if (!oldPath?.endsWith('.md') || !newPath?.endsWith('.md')) return [];
    const from = noteId(oldPath);
    const to = noteId(newPath);
    return from !== to && linkedContact(services, from) && !noteIdProblem(to) ? [{ from, to }] : [];
  });
  if (renames.length === 0) return;
  const edit = new vscode.WorkspaceEdit();
  for (const { from, to } of renames) for (const [uri, edits] of linkEdits(services, from, to).entries()) for (const text of edits) edit.replace(uri, text.range, text.newText);
  event.waitUntil(Promise.resolve(edit));
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
