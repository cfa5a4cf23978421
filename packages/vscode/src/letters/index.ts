import * as vscode from 'vscode';
import { InvalidInputError, LetterNotFoundError, listLetters, nextAction, renderLetter, type Channel, type Letter } from '@rapport/core';
import { resolveContact } from '../commands/contact-target.js';
import { registerCommand } from '../commands/run-command.js';
import { plainMessage } from '../diagnostics/plain-message.js';
import type { Services } from '../services.js';
import { FILL_MARKER, LetterDrafts } from './letter-drafts.js';
import { markDraftSent, type MarkSentInput } from './mark-sent.js';
import { fieldName } from './letter-snippet.js';
import { openDocument } from '../notes/note-edits.js';

/** The channel in a draft's tab title, "cold-email to Tomás Herrera (LinkedIn)": where to paste it. */
const CHANNEL_NAMES: Readonly<Record<Channel, string>> = { email: 'email', linkedin: 'LinkedIn', letter: 'by post', phone: 'phone', 'in-person': 'in person', other: 'other channel' };

export interface DraftLetterInput {
  /** Template name; asked when missing. */
  readonly template?: string;
}

export interface DraftedLetter {
  readonly uri: string;
  readonly template: string;
  readonly origin: 'shipped' | 'user';
  readonly contact: string;
  /** Fields left as `[[fill: …]]` markers. */
  readonly missing: readonly string[];
}

/**
 * Letters: draft one from a template into an editor (`[[fill: field]]`
 * where the note or profile lacks a value), copy it, mark it as sent. In a
 * folder that is not trusted only the shipped templates are listed or run:
 * the folder's `.eta` files are JavaScript.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const drafts = new LetterDrafts();
  const templateOptions = () => ({ allowUserTemplates: vscode.workspace.isTrusted });

  const draftLetter = async (target?: unknown, input: DraftLetterInput = {}): Promise<DraftedLetter | undefined> => {
    const workspace = await services.notes.requireWorkspaceToWrite('No letter drafted');
    const contact = await resolveContact(services, workspace, target, 'Draft a Letter');
    if (!contact) return undefined;
    const suggested = (typeof target === 'object' && target !== null && typeof (target as { letter?: unknown }).letter === 'string' ? (target as { letter: string }).letter : undefined) ?? nextAction(contact, services.notes.actionContext())?.letter;
    let template = input.template;
    if (template === undefined) {
      const letters = await listLetters(workspace.store, { ...templateOptions(), for: contact });
      const ordered = [...letters.filter((letter) => letter.name === suggested), ...letters.filter((letter) => letter.name !== suggested)];
      template = await services.prompts.pick({
        id: 'letter.template',
        title: `Letter for ${contact.name}`,
        placeholder: vscode.workspace.isTrusted ? 'Which letter?' : 'Which letter? (Restricted Mode: shipped letters only)',
        items: ordered.map((letter) => ({
          label: letter.name,
          description: [letter.name === suggested ? 'suggested' : '', letter.origin === 'user' ? (letter.overrides ? 'your version' : 'your template') : '', letter.problem ? `broken: ${plainMessage(letter.problem.message)}` : ''].filter(Boolean).join(' · '),
          detail: letter.description,
          value: letter.name,
        })),
      });
      if (template === undefined) return undefined;
    }
    let letter: Letter;
    try {
      letter = await renderLetter(workspace, template, contact.id, { ...templateOptions(), draft: true, today: services.notes.today() });
    } catch (error) {
      // Templates are off here for one reason only: the folder is not trusted.
      if (error instanceof LetterNotFoundError && error.notAllowedFile !== undefined) {
        throw new InvalidInputError(`${error.notAllowedFile} does not run: this folder is not trusted (Restricted Mode), and its letter templates are code. Trust the folder to use it; the shipped letters work as they are`);
      }
      throw error;
    }

    const uri = await drafts.open(`${letter.template} to ${contact.name} (${CHANNEL_NAMES[letter.via]})`, letter.text, { contactId: contact.id, contactName: contact.name, template: letter.template, via: letter.via });

    const missing = letter.missing.map((field) => field.field);
    const ready = missing.length === 0 ? `The ${letter.template} letter to ${contact.name} is ready.` : `Fill in ${missing.map(fieldName).join(', ')}: Tab moves from one [[fill: …]] to the next (after a click elsewhere, find them with Ctrl+F "[[fill:").`;
    // What the CLI prints on stderr (a LinkedIn note over a limit, a line that speaks of the person): said here too.
    const byPost = letter.viaByPost ? ' Mark as Sent asks which channel it went by.' : '';
    const message = letter.warnings.length === 0 ? ready : `${ready} Before sending: ${letter.warnings.join('; ')}.${byPost}`;
    void services.prompts.info(message, 'Copy', 'Mark as Sent').then((action) => {
      if (action === 'Copy') void vscode.commands.executeCommand('rapport.letter.copy', uri);
      if (action === 'Mark as Sent') void vscode.commands.executeCommand('rapport.letter.markSent', uri);
    });
    return { uri: uri.toString(), template: letter.template, origin: letter.origin, contact: contact.id, missing };
  };

  /** The letter a title-bar action or a caller means: the URI given, else the active editor. */
  const letterDocument = (uri?: unknown): vscode.TextDocument => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    const document = target && openDocument(target);
    if (!document || !drafts.get(document.uri)) throw new InvalidInputError('Open a letter drafted with "Rapport: Draft a Letter…" first');
    return document;
  };

  context.subscriptions.push(
    drafts,
    registerCommand(services, 'rapport.draftLetter', draftLetter),
    registerCommand(services, 'rapport.letter.copy', async (uri?: unknown) => {
      const document = letterDocument(uri);
      const markers = document.getText().match(FILL_MARKER)?.length ?? 0;
      await vscode.env.clipboard.writeText(document.getText());
      void services.prompts.info(markers === 0 ? 'Letter copied.' : `Letter copied — it still has ${markers} [[fill: …]] marker${markers === 1 ? '' : 's'}.`);
      return { copied: true, markers };
    }),
    registerCommand(services, 'rapport.letter.markSent', async (uri?: unknown, input?: MarkSentInput) => {
      const document = letterDocument(uri);
      const draft = drafts.get(document.uri)!;
      return markDraftSent(services, document, draft, templateOptions(), input);
    }),
  );
}
