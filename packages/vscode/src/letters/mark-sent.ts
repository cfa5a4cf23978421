import type * as vscode from 'vscode';
import { CHANNELS, InvalidInputError, isChannel, loadLetterTemplate, type Channel, type Contact, type LetterSent, type Stage } from '@rapport/core';
import { editContactNote, recordedMessage } from '../notes/note-edits.js';
import type { Services } from '../services.js';
import { channelChoice, letterSentEdit, type ChannelChoice } from '@rapport/core/internal';
import { FILL_MARKER, type LetterDraft } from './letter-drafts.js';

export interface MarkSentInput {
  /** How the letter went; asked when missing and the template does not say. */
  readonly via?: Channel;
}

/** What Mark Letter as Sent did: `recorded: false` when the same letter was already recorded that day. */
export type MarkSentResult = (LetterSent & { readonly recorded: true }) | { readonly recorded: false; readonly contact: string; readonly file: string; readonly date: string };

/**
 * Records a drafted letter as sent: refused while `[[fill: …]]` markers
 * remain (the letter cannot have gone out like that), once per letter and
 * day (a second click records nothing), through the channel the template
 * declares, else the one the user picks.
 */
export async function markDraftSent(services: Services, document: vscode.TextDocument, draft: LetterDraft, templateOptions: { allowUserTemplates: boolean }, input: MarkSentInput = {}): Promise<MarkSentResult | undefined> {
  const markers = [...document.getText().matchAll(FILL_MARKER)];
  if (markers.length > 0) {
    const first = markers[0]!;
    const line = document.positionAt(first.index).line + 1;
    throw new InvalidInputError(`The letter still has ${markers.length} [[fill: …]] marker${markers.length === 1 ? '' : 's'} (the first, ${first[0]}, on line ${line}): fill ${markers.length === 1 ? 'it' : 'them'} in before marking the letter as sent`);
  }
  const workspace = await services.notes.requireWorkspaceToWrite();
  const contact = workspace.index.contact(draft.contactId);
  if (!contact) throw new InvalidInputError(`${draft.contactName} is no longer in the notes folder`);
  const today = services.notes.today();
  if (contact.history.some((entry) => entry.date === today && entry.letter === draft.template)) {
    void services.prompts.info(`Already recorded today: ${draft.template} to ${contact.name} was marked as sent. Nothing changed.`);
    return { recorded: false, contact: contact.id, file: contact.file, date: today };
  }
  if (input.via !== undefined && !isChannel(input.via)) throw new InvalidInputError(`Unknown channel "${String(input.via)}": use one of ${CHANNELS.join(', ')}`);
  const template = await loadLetterTemplate(workspace.store, draft.template, templateOptions);
  const via = input.via ?? template.via ?? (await pickChannel(services, contact, draft.template, template.stage));
  if (!via) return undefined;
  // Into the note's editor when it has unsaved changes (what was typed stays), else the file.
  const { sent, edit } = await letterSentEdit(workspace, contact.id, draft.template, { ...templateOptions, date: today, via });
  const written = await editContactNote(services.notes, sent.file, edit);
  void services.prompts.info(recordedMessage(`Recorded: ${contact.name} is now ${sent.stage} (${draft.template} sent by ${sent.via} on ${sent.date}).`, written));
  return { ...sent, recorded: true };
}

/**
 * The channel, the likeliest focused, with why: an email letter (`cold-email`) went
 * by email, or by LinkedIn message to someone whose address the note lacks but
 * whose profile it has; any
 * other as core's `preferredChannel` says for the stage it records (a follow-up the
 * way the request went, else email when the note has an address…). When the note
 * gives no reason at all (no address, no profile, never written to), core's last
 * resort is a postal letter, which few people send: nothing is focused then, and
 * the question says why, so Enter cannot record a channel nobody chose.
 */
function pickChannel(services: Services, contact: Contact, template: string, stage: Stage | undefined): Promise<Channel | undefined> {
  // An email letter to someone the note gives no address or profile for gets the post only as the last resort: asked, not assumed.
  const byEmail = /email/i.test(template) && (contact.email !== undefined || contact.linkedin !== undefined);
  const { channel: suggested, reason: why }: ChannelChoice = byEmail ? { channel: contact.linkedin && !contact.email ? 'linkedin' : 'email', reason: `the ${template} letter` } : channelChoice(contact, stage);
  return services.prompts.pick<Channel>({
    id: 'letter.via',
    title: `Mark ${template} to ${contact.name} as Sent`,
    placeholder: why ? 'How did the letter go out?' : 'The note has no email address or LinkedIn profile: how did the letter go out?',
    items: CHANNELS.map((channel) => ({ label: channel, value: channel, ...(why && channel === suggested ? { description: why } : {}) })),
    ...(why ? { focus: suggested } : { noDefault: true }),
  });
}
