/**
 * What the Contacts view shows, as plain data: the provider only turns these
 * into `TreeItem`s, so the mapping is tested without VS Code.
 */
import { addCalendarDays, daysBetween, isStage, nextAction, STAGES, type ActionContext, type BrokenNote, type Contact, type NextAction, type Stage } from '@rapport/core';
import { plainMessage } from '../diagnostics/plain-message.js';
import type { GroupBy } from '../settings/read-settings.js';
import { SNOOZE_ENDS, snoozedUntil } from '../snooze/snooze-choices.js';

/** A codicon per stage, so the stage reads at a glance. */
export const STAGE_ICONS: Record<Stage, string> = {
  identified: 'person',
  contacted: 'mail',
  'followed-up': 'reply',
  scheduled: 'calendar',
  prepared: 'checklist',
  held: 'comment-discussion',
  thanked: 'heart',
  nurturing: 'sync',
  declined: 'circle-slash',
  'no-response': 'bell-slash',
  archived: 'archive',
};

export type Urgency = 'overdue' | 'today' | 'soon' | 'later';

/** How a due date reads next to a contact: "overdue 3 d", "due today", "due 2026-11-30". */
export interface DueBadge {
  readonly text: string;
  readonly urgency: Urgency;
}

export function dueBadge(due: string | null | undefined, today: string): DueBadge | undefined {
  if (!due) return undefined;
  const days = daysBetween(today, due);
  if (days < 0) return { text: `overdue ${-days} d`, urgency: 'overdue' };
  if (days === 0) return { text: 'due today', urgency: 'today' };
  if (days === 1) return { text: 'due tomorrow', urgency: 'soon' };
  return { text: `due ${due}`, urgency: days <= 7 ? 'soon' : 'later' };
}

export interface ContactView {
  readonly id: string;
  readonly file: string;
  readonly label: string;
  readonly description: string;
  /**
   * Markdown, built when asked: VS Code asks on hover (`resolveTreeItem`),
   * and building and sending one for each of thousands of contacts delayed
   * the first paint.
   */
  readonly tooltip: () => string;
  readonly icon: string;
  readonly urgency: Urgency | undefined;
  /** `contact.<stage>`, matched by `viewItem =~ /^contact/` in menus. */
  readonly contextValue: string;
  /** The note's stage is not one Rapport knows: shown as an error, whatever the grouping. */
  readonly unknownStage: boolean;
}

/**
 * The stage the note says when it is not one Rapport knows (`stage:
 * interviewing`): core then falls back to the last history entry's stage
 * or `identified`, which the views must not show as if the note said so.
 */
export function unknownStage(contact: Contact): string | undefined {
  const written = contact.fields.stage;
  if (written === undefined || written === null || isStage(written)) return undefined;
  return typeof written === 'string' ? written : JSON.stringify(written);
}

export function contactView(contact: Contact, next: NextAction | null, today: string, referrer?: Contact): ContactView {
  const badge = dueBadge(next?.due, today);
  // As the Agenda's row says it: a snoozed contact is not simply due that day.
  const snoozed = next ? snoozedUntil(next, today) : undefined;
  const when = snoozed ?? badge?.text;
  const where = [contact.role, contact.organization].filter(Boolean).join(' · ');
  const unknown = unknownStage(contact);
  const tooltip = () => {
    const lines = [
      `**${escapeMarkdown(contact.name)}**${where ? ` — ${escapeMarkdown(where)}` : ''}`,
      '',
      unknown !== undefined
        ? `Unknown stage \`${escapeMarkdown(unknown)}\`: use one of ${STAGES.join(', ')} (the note's quick fix offers the closest)`
        : `Stage: \`${contact.stage}\`${contact.history.length > 0 ? ` since ${contact.history.at(-1)!.date}` : ''}`,
    ];
    if (next) lines.push('', `Next: ${escapeMarkdown(next.action)}${next.due ? ` (${when ?? next.due})` : ''}`);
    if (snoozed) lines.push('', SNOOZE_ENDS);
    if (referrer) lines.push('', `Referred by ${escapeMarkdown(referrer.name)}`);
    if (contact.tags.length > 0) lines.push('', `Tags: ${contact.tags.map((tag) => `\`${tag}\``).join(' ')}`);
    return lines.join('\n');
  };
  return {
    id: contact.id,
    file: contact.file,
    label: contact.name,
    description: [unknown !== undefined ? `unknown stage "${unknown}"` : '', where, when].filter(Boolean).join(' — '),
    tooltip,
    icon: unknown !== undefined ? 'error' : STAGE_ICONS[contact.stage],
    urgency: badge?.urgency,
    contextValue: `contact.${contact.stage}`,
    unknownStage: unknown !== undefined,
  };
}

/** A contact's tooltip as the Contacts view shows it (Markdown), for another view's row of the same person. */
export function contactTooltip(contact: Contact, context: ActionContext, today: string, referrer?: Contact): string {
  return contactView(contact, nextAction(contact, context), today, referrer).tooltip();
}

export interface ContactGroupView {
  readonly key: string;
  readonly label: string;
  readonly icon: string;
  /** How many contacts the group holds. */
  readonly size: number;
  /**
   * The group's contacts, built on first call: VS Code asks for a group's
   * items when it shows the group expanded, so a folder of thousands paints
   * its first group without building every other one first.
   */
  readonly contacts: () => readonly ContactView[];
  /** Closed stages and "no date" start collapsed. */
  readonly collapsed: boolean;
}

const NO_ORGANIZATION = '(no organization)';
const UNKNOWN_STAGE = 'unknown stage';
const UNTAGGED = '(untagged)';
const DUE_BUCKETS = [
  { key: 'overdue', label: 'Overdue', icon: 'warning' },
  { key: 'today', label: 'Due today', icon: 'bell' },
  { key: 'week', label: 'Next 7 days', icon: 'calendar' },
  { key: 'later', label: 'Later', icon: 'clock' },
  { key: 'none', label: 'No date', icon: 'circle-outline' },
] as const;
const CLOSED: readonly Stage[] = ['declined', 'no-response', 'archived'];

/** Contacts in groups for the chosen grouping; empty groups are left out. */
export function groupContacts(contacts: readonly Contact[], groupBy: GroupBy, context: ActionContext, today: string): ContactGroupView[] {
  const withContacts = { ...context, contacts: context.contacts ?? contacts };
  const nextActions = new Map<Contact, NextAction | null>();
  const nextOf = (contact: Contact): NextAction | null => {
    let next = nextActions.get(contact);
    if (next === undefined) nextActions.set(contact, (next = nextAction(contact, withContacts)));
    return next;
  };
  let byId: Map<string, Contact> | undefined;
  const viewOf = (contact: Contact): ContactView => {
    byId ??= new Map(contacts.map((each) => [each.id, each]));
    const referrer = contact.referredBy ? byId.get(contact.referredBy) : undefined;
    return contactView(contact, nextOf(contact), today, referrer);
  };
  const group = (key: string, label: string, icon: string, members: readonly Contact[], collapsed: boolean): ContactGroupView => {
    let views: readonly ContactView[] | undefined;
    return { key, label, icon, size: members.length, contacts: () => (views ??= members.map(viewOf)), collapsed };
  };

  switch (groupBy) {
    case 'stage': {
      const byStage = new Map<Stage, Contact[]>(STAGES.map((stage) => [stage, []]));
      const unknown: Contact[] = [];
      for (const contact of contacts) {
        if (unknownStage(contact) !== undefined) unknown.push(contact);
        else byStage.get(contact.stage)!.push(contact);
      }
      // First, where it is seen: these notes need fixing before they are filed anywhere.
      const problems = unknown.length > 0 ? [group('stage:unknown', UNKNOWN_STAGE, 'error', unknown, false)] : [];
      return [...problems, ...STAGES.filter((stage) => byStage.get(stage)!.length > 0).map((stage) => group(`stage:${stage}`, stage, STAGE_ICONS[stage], byStage.get(stage)!, CLOSED.includes(stage)))];
    }
    case 'organization': {
      const groups = new Map<string, { label: string; members: Contact[] }>();
      for (const contact of contacts) {
        const label = contact.organization?.trim() || NO_ORGANIZATION;
        const key = label.toLowerCase();
        const found = groups.get(key) ?? { label, members: [] };
        found.members.push(contact);
        groups.set(key, found);
      }
      return [...groups.entries()]
        .sort(([a, ga], [b, gb]) => Number(ga.label === NO_ORGANIZATION) - Number(gb.label === NO_ORGANIZATION) || a.localeCompare(b))
        .map(([key, found]) => group(`organization:${key}`, found.label, 'organization', found.members, false));
    }
    case 'tag': {
      const groups = new Map<string, Contact[]>();
      for (const contact of contacts) {
        for (const tag of contact.tags.length > 0 ? contact.tags : [UNTAGGED]) {
          const members = groups.get(tag);
          if (members) members.push(contact);
          else groups.set(tag, [contact]);
        }
      }
      return [...groups.entries()]
        .sort(([a], [b]) => Number(a === UNTAGGED) - Number(b === UNTAGGED) || a.localeCompare(b))
        .map(([tag, members]) => group(`tag:${tag}`, tag, tag === UNTAGGED ? 'circle-outline' : 'tag', members, false));
    }
    case 'due': {
      // Buckets depend on every contact's next action, so these are all computed here.
      const weekEnd = addCalendarDays(today, 7);
      const bucketOf = (due: string | null | undefined): (typeof DUE_BUCKETS)[number]['key'] => {
        if (!due) return 'none';
        if (due < today) return 'overdue';
        if (due === today) return 'today';
        return due <= weekEnd ? 'week' : 'later';
      };
      const sorted = [...contacts].sort((a, b) => (nextOf(a)?.due ?? '9999').localeCompare(nextOf(b)?.due ?? '9999') || a.name.localeCompare(b.name));
      return DUE_BUCKETS.map((bucket) =>
        group(
          `due:${bucket.key}`,
          bucket.label,
          bucket.icon,
          sorted.filter((contact) => bucketOf(nextOf(contact)?.due) === bucket.key),
          bucket.key === 'none',
        ),
      ).filter((found) => found.size > 0);
    }
  }
}

/** A note that is a contact but cannot be read as one (invalid YAML, say): it stays listed, under its id, with what is wrong. */
export interface BrokenNoteView {
  readonly id: string;
  readonly file: string;
  readonly label: string;
  /** The first problem, with its line. */
  readonly description: string;
  /** Markdown: every problem, with its line and how to fix it. */
  readonly tooltip: string;
  /** 0-based line and column of the first problem, where clicking opens the note. */
  readonly line: number;
  readonly column: number;
}

export function brokenNoteView(note: BrokenNote): BrokenNoteView {
  const first = note.problems[0];
  const lines = [`**${escapeMarkdown(note.id)}** cannot be read as a contact (${escapeMarkdown(note.file)})`, ''];
  for (const problem of note.problems) lines.push(`- Line ${problem.line}: ${escapeMarkdown(problem.message)}${problem.hint ? ` — ${escapeMarkdown(problem.hint)}` : ''}`);
  return {
    id: note.id,
    file: note.file,
    label: note.id,
    description: first ? `line ${first.line}: ${plainMessage(first.message)}` : 'cannot be read',
    tooltip: lines.join('\n'),
    line: Math.max(0, (first?.line ?? 1) - 1),
    column: Math.max(0, (first?.column ?? 1) - 1),
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
