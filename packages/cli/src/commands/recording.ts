import { CLOSED_STAGES, nextAction, RecordingRefusedError, type Contact, type Workspace } from '@rapport/core';
import type { CommandContext } from '../context.js';
import { printable } from '../io.js';
import { UsageError } from '../program.js';

/** Runs a write that records in a contact's history; a refusal from the recording rules becomes a usage error (exit 2) naming the way past it. */
export async function recordIn<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RecordingRefusedError) throw new UsageError(`${name}: not recorded: ${error.reason} (add --force to record it anyway)`);
    throw error;
  }
}

/**
 * The history records what has happened: a day after today is most likely
 * a typo of the month or the year, refused like a date out of order.
 */
export function refuseFutureDate(name: string, date: string, today: string, force: boolean | undefined): void {
  if (!force && date > today) throw new UsageError(`${name}: not recorded: ${date} is after today (${today}); the history records what has happened (add --force to record it anyway)`);
}

/**
 * After a change is recorded: a `next:` written by hand stays the contact's
 * next action until it is taken out, however much happens, so say it is
 * still there and how to clear it.
 */
export function remindOfManualNext(ctx: CommandContext, workspace: Workspace, file: string): boolean {
  const contact = workspace.index.contact(file);
  if (!contact?.next || CLOSED_STAGES.includes(contact.stage)) return false;
  ctx.print(ctx.colors.dim(`  still next, written in the note: ${printable(contact.next.action)} (rapport next ${contact.id} --done once it is done)`));
  return true;
}

/**
 * After a step or a touch is recorded: the snooze the contact had (`before`, as read before the
 * write) ended with it, since something happened; said in words, or `undefined` when there was none
 * or its day had come (it put nothing off any more).
 */
export function endedSnooze(workspace: Workspace, before: Contact, today: string): string | undefined {
  if (before.snoozedUntil === undefined || before.snoozedUntil <= today || workspace.index.contact(before.file)?.snoozedUntil !== undefined) return undefined;
  return `  snooze until ${before.snoozedUntil} ended: its actions are due when the rules say again`;
}

/** Prints `endedSnooze`'s line, dimmed, when the snooze the contact had (`before`) ended with the write. */
export function printEndedSnooze(ctx: CommandContext, workspace: Workspace, before: Contact, today: string): void {
  const snooze = endedSnooze(workspace, before, today);
  if (snooze !== undefined) ctx.print(ctx.colors.dim(snooze));
}

/** Prints the contact's next action as it stands now, by the rules or by hand (`--today` as given to the command). */
export function printNextAction(ctx: CommandContext, workspace: Workspace, file: string, today: string | undefined): void {
  const contact = workspace.index.contact(file);
  if (!contact) return;
  const next = nextAction(contact, { ...ctx.actionContext(workspace, today), contacts: workspace.index.contacts() });
  if (!next) return ctx.print(`${printable(contact.name)}: nothing next (${contact.stage})`);
  const details = [next.due ? `due ${next.due}` : '', next.snoozedFrom ? `snoozed from ${next.snoozedFrom}` : '', next.kind === 'manual' ? 'written in the note' : ''].filter(Boolean).join(', ');
  ctx.print(`${printable(contact.name)}: next: ${printable(next.action)}${details ? ` (${details})` : ''}`);
}
