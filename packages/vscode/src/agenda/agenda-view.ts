/** What the Agenda view and the status bar show, as plain data (tested without VS Code). */
import { agenda, type ActionContext, type ActionKind, type AgendaItem, type Contact } from '@rapport/core';
import { dueBadge, type Urgency } from '../contacts-tree/contact-view.js';
import { SNOOZE_ENDS, snoozedUntil } from '../snooze/snooze-choices.js';

/** Where an action falls; `undated` is "ready to write". */
export type AgendaUrgency = Urgency | 'undated';

export interface AgendaEntryView {
  readonly contactId: string;
  readonly file: string;
  /** The person, first: the action alone does not always say who it is about. */
  readonly label: string;
  /** When it is due, then what to do (the date first, so a narrow view still shows it). */
  readonly description: string;
  readonly tooltip: string;
  readonly icon: string;
  readonly urgency: AgendaUrgency;
  /** `agendaItem.<kind>`, then `.snoozed` when a snooze moved it; menus match `viewItem =~ /^agendaItem/`. */
  readonly contextValue: string;
  /** The letter template suited to the action, for "draft a letter". */
  readonly letter?: string;
  /** An action from an Outcomes item (a referral to add or link, a lead): the item's 1-based line, where the row opens the note. */
  readonly line?: number;
  /** `agendaItem.add-referral`: the person to add as a contact, as the referrer's Outcomes name them. */
  readonly referral?: string;
}

export type AgendaGroupKey = 'overdue' | 'today' | 'week' | 'later' | 'undated';

export interface AgendaGroupView {
  readonly key: AgendaGroupKey;
  readonly label: string;
  readonly icon: string;
  readonly entries: readonly AgendaEntryView[];
}

const URGENCY_ICONS: Record<AgendaUrgency, string> = { overdue: 'warning', today: 'bell', soon: 'calendar', later: 'calendar', undated: 'edit' };
/** Rows whose icon says what they ask rather than when: a name to ask the referrer for is no letter to write yet. */
const KIND_ICONS: Partial<Record<ActionKind, string>> = { 'ask-referral-name': 'question' };
/** A row a snooze put off to a later day, among the calendars of the rows due then. */
const SNOOZED_ICON = 'bell-slash';

const GROUPS: readonly { key: AgendaGroupKey; label: string; icon: string; urgencies: readonly AgendaUrgency[] }[] = [
  { key: 'overdue', label: 'Overdue', icon: 'warning', urgencies: ['overdue'] },
  { key: 'today', label: 'Today', icon: 'bell', urgencies: ['today'] },
  { key: 'week', label: 'Next 7 days', icon: 'calendar', urgencies: ['soon'] },
  { key: 'later', label: 'Later', icon: 'calendar', urgencies: ['later'] },
  { key: 'undated', label: 'Ready to write', icon: 'edit', urgencies: ['undated'] },
];

/** The action in a few words, the person being named by the label already. */
const SHORT_ACTIONS: Partial<Record<ActionKind, string>> = {
  write: 'write the first letter',
  'follow-up': 'follow up if there is no reply',
  'give-up': 'no reply since the follow-up: mark as no-response',
  reply: 'replied: agree a time to talk',
  schedule: 'add the meeting time',
  prepare: 'prepare: research and questions',
  'mark-held': 'record the meeting as held, write your notes',
  thank: 'send a thank-you note',
  'keep-in-touch': 'keep in touch',
};

/** Every action, soonest first, overdue ones flagged, undated ones last. */
export function agendaView(contacts: readonly Contact[], context: ActionContext, today: string): AgendaEntryView[] {
  return agenda(contacts, context).map((item) => entryView(item, today));
}

export function entryView(item: AgendaItem, today: string): AgendaEntryView {
  const badge = dueBadge(item.due, today);
  const urgency: AgendaUrgency = badge?.urgency ?? 'undated';
  // Put off to a later day: said on the row itself, not only in its tooltip.
  const snoozed = snoozedUntil(item, today);
  // The day itself is in the tooltip: a narrow side bar shows the action rather than the date twice.
  const when = snoozed ?? badge?.text ?? 'no date';
  const what = SHORT_ACTIONS[item.kind] ?? shortened(item.action, item.name);
  const snoozeEnds = snoozed ? `\n${SNOOZE_ENDS}` : '';
  // What to do once asked, as docs/cli.md says it: the row's click opens the line.
  const askedName = item.kind === 'ask-referral-name' ? '\nOnce you have the name, write it on the line: the Agenda then offers to add them' : '';
  return {
    contactId: item.id,
    file: item.file,
    label: item.name,
    description: `${when} · ${what}`,
    tooltip: `${item.name}: ${item.action}\n${item.due ? `Due ${item.due}${urgency === 'overdue' ? ' — overdue' : ''}${item.snoozedFrom ? `, snoozed from ${item.snoozedFrom}` : ''}` : 'No date: ready when you are'}${snoozeEnds}${askedName}${item.letter ? `\nLetter: ${item.letter}` : ''}`,
    icon: snoozed ? SNOOZED_ICON : (KIND_ICONS[item.kind] ?? URGENCY_ICONS[urgency]),
    urgency,
    // A snoozed row can be unsnoozed: its menus match the suffix.
    contextValue: `agendaItem.${item.kind}${item.snoozedFrom ? '.snoozed' : ''}`,
    ...(item.letter ? { letter: item.letter } : {}),
    ...(item.line !== undefined ? { line: item.line } : {}),
    ...(item.kind === 'add-referral' && item.referral !== undefined ? { referral: item.referral } : {}),
  };
}

/** The entries in the Agenda's groups, in order; empty groups are left out. */
export function agendaGroups(entries: readonly AgendaEntryView[]): AgendaGroupView[] {
  return GROUPS.map(({ urgencies, ...group }) => {
    // In the index's agenda order: Ready to write lists referrals first, as `rapport agenda` does.
    return { ...group, entries: entries.filter((entry) => urgencies.includes(entry.urgency)) };
  }).filter((group) => group.entries.length > 0);
}

/**
 * "Meet Ana Lima at 09:00" → "meet at 09:00", "No reply from Ana Lima yet: try a
 * second person at Northwind" → "try a second person at Northwind": the label names the person
 * already. Only the name right after the first word goes; elsewhere it
 * stays ("send your résumé to Marcus Bell for review"), since the sentence
 * needs it.
 */
function shortened(action: string, name: string): string {
  // "No reply from Ana Lima yet: try a second person at Northwind" → "try a second person at Northwind".
  const silence = `No reply from ${name} yet: `;
  if (action.startsWith(silence)) return action.slice(silence.length);
  const verb = /^\S+ /.exec(action)?.[0] ?? '';
  const without = verb !== '' && action.startsWith(`${name} `, verb.length) ? verb + action.slice(verb.length + name.length + 1) : action;
  return without.charAt(0).toLowerCase() + without.slice(1);
}

/** The status bar's and the badge's summary: actions due today, and overdue ones, each counted by name. */
export function dueSummary(entries: readonly AgendaEntryView[]): { count: number; today: number; overdue: number; text: string } {
  const overdue = entries.filter((entry) => entry.urgency === 'overdue').length;
  const today = entries.filter((entry) => entry.urgency === 'today').length;
  const parts = [today > 0 ? `${today} due today` : '', overdue > 0 ? `${overdue} overdue` : ''].filter(Boolean);
  return { count: today + overdue, today, overdue, text: parts.length === 0 ? 'nothing due today' : parts.join(', ') };
}
