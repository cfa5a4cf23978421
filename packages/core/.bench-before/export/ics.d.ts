import type { Contact } from '../model/contact.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ExportOptions } from './records.js';
/**
 * The notes as an iCalendar file. Every meeting of a scheduled, prepared or
 * just-held contact is an event in the configured time zone (with its
 * VTIMEZONE), lasting its `minutes`, with the place as LOCATION and the link
 * as URL. Every dated next action (core `agenda`) is an all-day event with
 * a reminder at 9:00 — except "meet", which the meeting event already is.
 *
 * UIDs are derived from the contact id and what the event is
 * (`maya-chen-meeting@rapport`, `maya-chen-follow-up@rapport`) and SEQUENCE
 * from the length of the contact's history, so importing a newer export
 * into a calendar updates its events instead of duplicating them.
 */
export declare function exportIcs(workspace: Workspace, options?: ExportOptions): string;
/** `Informational interview: Maya Chen (Brightline Health)`. */
export declare function meetingSummary(contact: Contact, isPrivate?: (path: string) => boolean): string;
