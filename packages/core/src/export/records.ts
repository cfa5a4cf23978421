import { meetingStartInZone } from '../lifecycle/dates.js';
import type { ActionContext } from '../lifecycle/next-action.js';
import type { Workspace } from '../workspace/workspace.js';
import { ExportedActions, privateFieldFilter, withoutPrivate } from './privacy.js';
import { refuseUnsafeExport } from './refusal.js';

/** Options of the exporters. */
export interface ExportOptions {
  /** The instant next actions are computed for (and the calendar's DTSTAMP). Default: now. */
  readonly now?: Date;
  /**
   * The id a note for a name gets (`await loadSlugger()`), for the calendar: a referral a
   * referrer both links and names (`[[grace-liu]]` and "Grace Liu") is then one event, as
   * it is one line of the agenda. Without it each is its own. Needed only where
   * `workspace.index.namesBesideMissingLinks()`.
   */
  readonly contactSlug?: (name: string) => string;
}

/** What the exporters work out next actions with: the config's zone and rules, at `now`, and the slugger when given. */
export function exportActionContext(workspace: Workspace, options: ExportOptions, now: Date): ActionContext {
  const { timezone, rules } = workspace.config;
  return { now, timezone, rules, ...(options.contactSlug ? { contactSlug: options.contactSlug } : {}) };
}

/** Columns every exported contact starts with. */
export const IDENTITY_COLUMNS = ['id', 'file', 'name', 'stage'] as const;

/** Columns added to every exported contact, after its frontmatter fields. */
export const COMPUTED_COLUMNS = ['meeting_start', 'next_action', 'next_due'] as const;

/**
 * One plain object per contact: `id`, `file`, `name` and `stage` (as
 * Rapport reads them), then every other frontmatter field as written
 * (unknown ones included, in the note's order), then the computed
 * `meeting_start` (the meeting's start on the clock of the config's zone,
 * with its offset: `meeting.at` is often written without one) and
 * `next_action` and `next_due` (each `null` when none). Fields the config lists
 * as private are left out; the name and stage never are. So is a next
 * action (or only its date) that comes from a private field: see
 * `ExportedActions`. Throws `ExportRefusedError` as `exportIcs` does.
 */
export function contactRecords(workspace: Workspace, options: ExportOptions = {}): Record<string, unknown>[] {
  refuseUnsafeExport(workspace);
  const { config, index } = workspace;
  const contacts = index.contacts();
  const isPrivate = privateFieldFilter(config.privateFields);
  const actions = new ExportedActions(contacts, exportActionContext(workspace, options, options.now ?? new Date()), isPrivate);
  return contacts.map((contact) => {
    const next = actions.main(contact);
    const fields = withoutPrivate(contact.fields, isPrivate) as Record<string, unknown>;
    for (const column of [...IDENTITY_COLUMNS, ...COMPUTED_COLUMNS]) delete fields[column];
    // The meeting as the export shows it: none when `meeting` (or its `at`) is private.
    const meeting = actions.contact(contact).meeting;
    const meetingStart = meeting ? meetingStartInZone(meeting.at, config.timezone) : null;
    return { id: contact.id, file: contact.file, name: contact.name, stage: contact.stage, ...fields, meeting_start: meetingStart, next_action: next?.action ?? null, next_due: next?.due ?? null };
  });
}

/** The contacts as a JSON array (see `contactRecords`), pretty-printed; throws `ExportRefusedError` as it does. */
export function exportJson(workspace: Workspace, options: ExportOptions = {}): string {
  return JSON.stringify(contactRecords(workspace, options), null, 2) + '\n';
}
