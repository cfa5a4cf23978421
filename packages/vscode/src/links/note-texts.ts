import * as vscode from 'vscode';
import { LineIndex, linksTo, type BrokenNote, type Contact, type NoteLink } from '@rapport/core';
import type { Services } from '../services.js';

/** A link found in some note, with its VS Code location. */
export interface FoundLink {
  readonly uri: vscode.Uri;
  readonly link: NoteLink;
  /** Range of the whole `[[…]]`. */
  readonly range: vscode.Range;
  /** Range of the id inside the brackets. */
  readonly targetRange: vscode.Range;
}

/** The current text of every indexed note: the editor's when the note is open (unsaved edits count), else the index's. */
export function* noteTexts(services: Services): Generator<{ file: string; uri: vscode.Uri; text: string }> {
  const index = services.notes.workspace?.index;
  if (!index) return;
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  for (const file of index.files()) {
    const uri = services.notes.uriOf(file);
    const text = open.get(uri.toString())?.getText() ?? index.text(file);
    if (text !== undefined) yield { file, uri, text: text.replace(/^\uFEFF/, '') };
  }
}

/** Every link to `id` across the notes folder, in file order. */
export function linksAcrossNotes(services: Services, id: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const { uri, text } of noteTexts(services)) {
    // Most notes do not mention the id at all: skip them before scanning for links.
    if (!text.includes(id)) continue;
    const lines = new LineIndex(text);
    for (const link of linksTo(text, id)) found.push({ uri, link, range: rangeOf(lines, link.offset, link.length), targetRange: rangeOf(lines, link.targetOffset, link.target.length) });
  }
  return found;
}

function rangeOf(lines: LineIndex, offset: number, length: number): vscode.Range {
  const start = lines.position(offset);
  const end = lines.position(offset + length);
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}

/** The contact a link points at, or `undefined` when no contact note has that id. */
export function linkedContact(services: Services, id: string): Contact | undefined {
  const contact = services.notes.workspace?.index.contact(id);
  return contact?.id === id ? contact : undefined;
}

/** The note a link points at when it is there but cannot be read as a contact (a merge conflict, a YAML typo). */
export function unreadableLinkTarget(services: Services, id: string): BrokenNote | undefined {
  return services.notes.workspace?.index.brokenNote(id);
}
