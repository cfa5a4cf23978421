/** What the Agenda view and the status bar show, as plain data (tested without VS Code). */
import { agenda, type ActionContext, type AgendaItem, type Contact } from '@rapport/core';
import { dueBadge, type Urgency } from '../contacts-tree/contact-view.js';

export interface AgendaEntryView {
  readonly contactId: string;
  readonly file: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: string;
  readonly urgency: Urgency;
  /** `agendaItem.<kind>`; menus match `viewItem =~ /^agendaItem/`. */
  readonly contextValue: string;
  /** The letter template suited to the action, for "draft a letter". */
  readonly letter?: string;
}

const URGENCY_ICONS: Record<Urgency, string> = { overdue: 'warning', today: 'bell', soon: 'calendar', later: 'calendar' };

/** Every dated action, soonest first, overdue ones flagged. */
export function agendaView(contacts: readonly Contact[], context: ActionContext, today: string): AgendaEntryView[] {
  return agenda(contacts, context).map((item) => entryView(item, today));
}

export function entryView(item: AgendaItem, today: string): AgendaEntryView {
  // An undated action (someone to write to) is never urgent.
  const badge = dueBadge(item.due, today) ?? { text: 'no date', urgency: 'later' as const };
  return {
    contactId: item.id,
    file: item.file,
    label: item.action,
    description: badge.urgency === 'overdue' || badge.urgency === 'today' ? `${badge.text} (${item.due})` : badge.text,
    tooltip: `${item.name}: ${item.action}\n${item.due === null ? 'No due date' : `Due ${item.due}`}${item.overdue ? ' — overdue' : ''}${item.letter ? `\nLetter: ${item.letter}` : ''}`,
    icon: URGENCY_ICONS[badge.urgency],
    urgency: badge.urgency,
    contextValue: `agendaItem.${item.kind}`,
    ...(item.letter ? { letter: item.letter } : {}),
  };
}

/** The status bar's summary: actions due today or earlier. */
export function dueSummary(entries: readonly AgendaEntryView[]): { count: number; overdue: number; text: string } {
  const overdue = entries.filter((entry) => entry.urgency === 'overdue').length;
  const count = overdue + entries.filter((entry) => entry.urgency === 'today').length;
  const text = count === 0 ? 'nothing due today' : `${count} due today${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
  return { count, overdue, text };
}
