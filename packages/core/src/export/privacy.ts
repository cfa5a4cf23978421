import { agenda, nextAction, type ActionContext, type AgendaItem, type NextAction } from '../lifecycle/next-action.js';
import type { Contact, HistoryEntry, Meeting } from '../model/contact.js';

/** Tells whether a frontmatter path (`phone`, `meeting.link`) is private. */
export type PrivatePath = (path: string) => boolean;

/**
 * Which frontmatter fields an export must leave out: those listed in the
 * config's `private` list, by name (`phone`) or by dotted path into a nested
 * field (`meeting.link`). A listed field hides everything under it.
 */
export function privateFieldFilter(privateFields: readonly string[]): PrivatePath {
  const listed = new Set(privateFields.map((field) => field.trim()).filter((field) => field !== ''));
  const isPrivate: PrivatePath = (path) => {
    const steps = path.split('.');
    return steps.some((_, index) => listed.has(steps.slice(0, index + 1).join('.')));
  };
  return listed.size === 0 ? NOTHING_PRIVATE : isPrivate;
}

/** The filter of a config without private fields: exports skip the work of hiding anything. */
const NOTHING_PRIVATE: PrivatePath = () => false;

/** A JSON-safe copy of `value` without the private paths under it (`prefix` is its own path). */
export function withoutPrivate(value: unknown, isPrivate: PrivatePath, prefix = ''): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withoutPrivate(item, isPrivate, prefix));
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!isPrivate(path)) kept[key] = withoutPrivate(item, isPrivate, path);
  }
  return kept;
}

/** Every property of a contact, each possibly left out. */
type ContactParts = { [K in keyof Contact]-?: Contact[K] | undefined };

/**
 * The contact as an export may see it: every property read from a private
 * field left out, as if the note did not have it. A meeting goes whole when
 * its `at`, `minutes` or `format` is private (an event, or "Meet … at 08:00
 * (video, 30 min)", is made of them), a manual `next` when its `action` or
 * `due` is, the whole history when its entries' `date` or `stage` is. The
 * name, the stage and what the Markdown body holds (outcomes) are kept:
 * `private:` names frontmatter fields, and an export needs a name and stage.
 * Typed over every property of `Contact`, so a new one must say here how it
 * is hidden before anything compiles.
 */
export function withoutPrivateFields(contact: Contact, isPrivate: PrivatePath): Contact {
  if (isPrivate === NOTHING_PRIVATE) return contact;
  const kept = <T>(field: string, value: T | undefined): T | undefined => (isPrivate(field) ? undefined : value);
  const anyPrivate = (...paths: string[]) => paths.some((path) => isPrivate(path));
  const parts: ContactParts = {
    id: contact.id,
    file: contact.file,
    name: contact.name,
    stage: contact.stage,
    role: kept('role', contact.role),
    organization: kept('organization', contact.organization),
    industry: kept('industry', contact.industry),
    location: kept('location', contact.location),
    email: kept('email', contact.email),
    phone: kept('phone', contact.phone),
    linkedin: kept('linkedin', contact.linkedin),
    source: kept('source', contact.source),
    referredBy: kept('referred_by', contact.referredBy),
    tags: isPrivate('tags') ? [] : contact.tags,
    history: anyPrivate('history.date', 'history.stage') ? [] : contact.history.map((entry) => withoutPrivate(entry, isPrivate, 'history') as HistoryEntry),
    meeting: contact.meeting && !anyPrivate('meeting.at', 'meeting.minutes', 'meeting.format') ? (withoutPrivate(contact.meeting, isPrivate, 'meeting') as Meeting) : undefined,
    next: anyPrivate('next.action', 'next.due') ? undefined : contact.next,
    touchEvery: kept('touch_every', contact.touchEvery),
    snoozedUntil: kept('snoozed_until', contact.snoozedUntil),
    outcomeLinks: contact.outcomeLinks,
    outcomes: contact.outcomes,
    fields: withoutPrivate(contact.fields, isPrivate) as Contact['fields'],
  };
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)) as unknown as Contact;
}

/**
 * What an export may say of next actions. Each action is worked out twice:
 * from the contacts as they are, and from the contacts without their private
 * fields (`withoutPrivateFields`). Only what both give is shown, so nothing
 * shown comes from a private field (it could be computed without it), and
 * nothing shown is made up by its absence ("Add the meeting time" for a
 * contact whose meeting is private). Leaving an action out does show that
 * something private decides it.
 */
export class ExportedActions {
  private readonly contacts: readonly Contact[];
  private readonly shown: readonly Contact[];
  private readonly shownByFile: ReadonlyMap<string, Contact>;

  constructor(
    contacts: readonly Contact[],
    private readonly context: ActionContext,
    isPrivate: PrivatePath,
  ) {
    this.contacts = contacts;
    this.shown = isPrivate === NOTHING_PRIVATE ? contacts : contacts.map((contact) => withoutPrivateFields(contact, isPrivate));
    this.shownByFile = new Map(this.shown.map((contact) => [contact.file, contact]));
  }

  /** The contact as the export shows it (see `withoutPrivateFields`). */
  contact(contact: Contact): Contact {
    return this.shownByFile.get(contact.file) ?? contact;
  }

  /** The main next action, when it does not come from a private field; its `due` is `null` when only the date does. */
  main(contact: Contact): NextAction | null {
    const real = nextAction(contact, { ...this.context, contacts: this.contacts });
    if (this.shown === this.contacts || !real) return real;
    const bare = nextAction(this.contact(contact), { ...this.context, contacts: this.shown });
    if (!bare || bare.kind !== real.kind || bare.action !== real.action || bare.letter !== real.letter) return null;
    return bare.due === real.due ? real : { ...real, due: null };
  }

  /** The agenda (every contact's actions, soonest first) without the lines that come from a private field. */
  agenda(): AgendaItem[] {
    const real = agenda(this.contacts, { ...this.context, contacts: this.contacts });
    if (this.shown === this.contacts) return real;
    const bare = new Set(agenda(this.shown, { ...this.context, contacts: this.shown }).map(agendaKey));
    return real.filter((item) => bare.has(agendaKey(item)));
  }
}

/** What an agenda line says, all of it: two lines are the same action only when every part is. */
function agendaKey(item: AgendaItem): string {
  return JSON.stringify([item.file, item.kind, item.action, item.due, item.letter ?? null, item.line ?? null, item.referral ?? null]);
}
