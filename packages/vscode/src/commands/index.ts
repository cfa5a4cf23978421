import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { advanceStage, logContactInteraction, rescheduleMeeting, type AdvanceInput, type InteractionInput } from './advance-stage.js';
import * as contactActions from './contact-actions.js';
import { dismissSecondContact } from './dismiss-action.js';
import { markNextDone } from './mark-next-done.js';
import { markOutcomeDone } from './mark-outcome-done.js';
import { snooze, unsnooze, type SnoozeInput } from '../snooze/snooze-command.js';
import { exportCalendar, importLinkedIn } from './import-export.js';
import { initFolder, type InitInput } from './init-folder.js';
import { insertBankQuestions, type InsertQuestionsInput } from './insert-questions.js';
import { inputFromReferral, newContact, type NewContactInput } from './new-contact.js';
import { addReferralFromNote } from '../outcomes/index.js';
import { registerCommand } from './run-command.js';

/** A pending referral node from the Referrals view. */
function isPendingReferral(value: unknown): value is { kind: 'pendingReferral'; target: string; referredBy: string; name?: string } {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'pendingReferral';
}

/** The palette and context-menu commands that change notes. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  contactActions.register(context, services);
  context.subscriptions.push(
    registerCommand(services, 'rapport.newContact', async (input?: NewContactInput | { kind: 'pendingReferral'; target: string; referredBy: string; name?: string }) => {
      if (!isPendingReferral(input)) return newContact(services, input ?? {});
      // A name written without a link: create the contact and link that Outcomes line, as its code lens does.
      const referrer = input.name !== undefined ? services.notes.workspace?.index.contact(input.referredBy) : undefined;
      if (referrer && input.name !== undefined) return addReferralFromNote(services, services.notes.uriOf(referrer.file), input.name);
      return newContact(services, inputFromReferral(input.target, input.referredBy));
    }),
    registerCommand(services, 'rapport.advanceStage', (target?: unknown, input?: AdvanceInput) => advanceStage(services, target, input)),
    registerCommand(services, 'rapport.rescheduleMeeting', (target?: unknown, input?: Pick<AdvanceInput, 'meeting'>) => rescheduleMeeting(services, target, input)),
    registerCommand(services, 'rapport.logInteraction', (target?: unknown, input?: InteractionInput) => logContactInteraction(services, target, input)),
    registerCommand(services, 'rapport.dismissSecondContact', (target?: unknown) => dismissSecondContact(services, target)),
    registerCommand(services, 'rapport.markNextDone', (target?: unknown) => markNextDone(services, target)),
    registerCommand(services, 'rapport.markOutcomeDone', (target?: unknown) => markOutcomeDone(services, target)),
    registerCommand(services, 'rapport.snooze', (target?: unknown, input?: SnoozeInput) => snooze(services, target, input)),
    registerCommand(services, 'rapport.unsnooze', (target?: unknown) => unsnooze(services, target)),
    registerCommand(services, 'rapport.insertQuestions', (target?: unknown, input?: InsertQuestionsInput) => insertBankQuestions(services, target, input)),
    registerCommand(services, 'rapport.exportCalendar', (target?: vscode.Uri) => exportCalendar(services, target instanceof vscode.Uri ? target : undefined)),
    registerCommand(services, 'rapport.importLinkedIn', (target?: vscode.Uri, options?: { confirm?: boolean }) => importLinkedIn(services, target instanceof vscode.Uri ? target : undefined, options)),
    registerCommand(services, 'rapport.init', (input?: InitInput) => initFolder(services, input)),
    registerCommand(services, 'rapport.refresh', async () => {
      // Refresh is the way out when something looks wrong: read every note, do not trust the cache.
      await services.notes.load({ reread: true });
      return { contacts: services.notes.workspace?.index.contacts().length ?? 0 };
    }),
  );
}
