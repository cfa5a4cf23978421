/**
 * What the Contacts view shows, as plain data: the provider only turns these
 * into `TreeItem`s, so the mapping is tested without VS Code.
 */
import { addCalendarDays, daysBetween, nextAction, STAGES, type ActionContext, type Contact, type NextAction, type Stage } from '@rapport/core';
import type { GroupBy } from '../settings/read-settings.js';

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
  /** Markdown. */
  readonly tooltip: string;
  readonly icon: string;
  readonly urgency: Urgency | undefined;
  /** `contact.<stage>`, matched by `viewItem =~ /^contact/` in menus. */
  readonly contextValue: string;
}

export function contactView(contact: Contact, next: NextAction | null, today: string, referrer?: Contact): ContactView {
  const badge = dueBadge(next?.due, today);
  const where = [contact.role, contact.organization].filter(Boolean).join(' · ');
  const lines = [
    `**${escapeMarkdown(contact.name)}**${where ? ` — ${escapeMarkdown(where)}` : ''}`,
    '',
    `Stage: \`${contact.stage}\`${contact.history.length > 0 ? ` since ${contact.history.at(-1)!.date}` : ''}`,
  ];
  if (next) lines.push('', `Next: ${escapeMarkdown(next.action)}${next.due ? ` (${badge?.text ?? next.due})` : ''}`);
  if (referrer) lines.push('', `Referred by ${escapeMarkdown(referrer.name)}`);
  if (contact.tags.length > 0) lines.push('', `Tags: ${contact.tags.map((tag) => `\`${tag}\``).join(' ')}`);
  return {
    id: contact.id,
    file: contact.file,
    label: contact.name,
    description: [where, badge?.text].filter(Boolean).join(' — '),
    tooltip: lines.join('\n'),
    icon: STAGE_ICONS[contact.stage],
    urgency: badge?.urgency,
    contextValue: `contact.${contact.stage}`,
  };
}

export interface ContactGroupView {
  readonly key: string;
  readonly label: string;
  readonly icon: string;
  readonly contacts: readonly ContactView[];
  /** Closed stages and "no date" start collapsed. */
  readonly collapsed: boolean;
}

const NO_ORGANIZATION = '(no organization)';
const UNTAGGED = '(untagged)';
const DUE_BUCKETS = [
  { key: 'overdue', label: 'Overdue', icon: 'warning' },
  { key: 'today', label: 'Due today', icon: 'bell' },
  { key: 'week', label: 'This week', icon: 'calendar' },
  { key: 'later', label: 'Later', icon: 'clock' },
  { key: 'none', label: 'No date', icon: 'circle-outline' },
] as const;
const CLOSED: readonly Stage[] = ['declined', 'no-response', 'archived'];

/** Contacts in groups for the chosen grouping; empty groups are left out. */
export function groupContacts(contacts: readonly Contact[], groupBy: GroupBy, context: ActionContext, today: string): ContactGroupView[] {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const withContacts = { ...context, contacts: context.contacts ?? contacts };
  const views = contacts.map((contact) => {
    const next = nextAction(contact, withContacts);
    const referrer = contact.referredBy ? byId.get(contact.referredBy) : undefined;
    return { contact, next, view: contactView(contact, next, today, referrer) };
  });

  switch (groupBy) {
    case 'stage':
      return STAGES.map((stage) => ({
        key: `stage:${stage}`,
        label: stage,
        icon: STAGE_ICONS[stage],
        contacts: views.filter((entry) => entry.contact.stage === stage).map((entry) => entry.view),
        collapsed: CLOSED.includes(stage),
      })).filter((group) => group.contacts.length > 0);
    case 'organization': {
      const groups = new Map<string, { label: string; contacts: ContactView[] }>();
      for (const entry of views) {
        const label = entry.contact.organization?.trim() || NO_ORGANIZATION;
        const key = label.toLowerCase();
        const group = groups.get(key) ?? { label, contacts: [] };
        group.contacts.push(entry.view);
        groups.set(key, group);
      }
      return [...groups.entries()]
        .sort(([a, ga], [b, gb]) => Number(ga.label === NO_ORGANIZATION) - Number(gb.label === NO_ORGANIZATION) || a.localeCompare(b))
        .map(([key, group]) => ({ key: `organization:${key}`, label: group.label, icon: 'organization', contacts: group.contacts, collapsed: false }));
    }
    case 'tag': {
      const groups = new Map<string, ContactView[]>();
      for (const entry of views) {
        for (const tag of entry.contact.tags.length > 0 ? entry.contact.tags : [UNTAGGED]) groups.set(tag, [...(groups.get(tag) ?? []), entry.view]);
      }
      return [...groups.entries()]
        .sort(([a], [b]) => Number(a === UNTAGGED) - Number(b === UNTAGGED) || a.localeCompare(b))
        .map(([tag, members]) => ({ key: `tag:${tag}`, label: tag, icon: tag === UNTAGGED ? 'circle-outline' : 'tag', contacts: members, collapsed: false }));
    }
    case 'due': {
      const weekEnd = addCalendarDays(today, 7);
      const bucketOf = (due: string | null | undefined): (typeof DUE_BUCKETS)[number]['key'] => {
        if (!due) return 'none';
        if (due < today) return 'overdue';
        if (due === today) return 'today';
        return due <= weekEnd ? 'week' : 'later';
      };
      const sorted = [...views].sort((a, b) => (a.next?.due ?? '9999').localeCompare(b.next?.due ?? '9999') || a.contact.name.localeCompare(b.contact.name));
      return DUE_BUCKETS.map((bucket) => ({
        key: `due:${bucket.key}`,
        label: bucket.label,
        icon: bucket.icon,
        contacts: sorted.filter((entry) => bucketOf(entry.next?.due) === bucket.key).map((entry) => entry.view),
        collapsed: bucket.key === 'none',
      })).filter((group) => group.contacts.length > 0);
    }
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
