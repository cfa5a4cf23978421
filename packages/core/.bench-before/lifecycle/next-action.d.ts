import type { Contact } from '../model/contact.js';
import { type Stage } from '../model/vocabulary.js';
import type { Rules } from '../workspace/config.js';
/** What a next action is about; letters name the template that fits. */
export type ActionKind = 'manual' | 'write' | 'follow-up' | 'second-contact' | 'give-up' | 'schedule' | 'prepare' | 'meet' | 'mark-held' | 'thank' | 'keep-in-touch';
export interface NextAction {
    readonly contactId: string;
    readonly kind: ActionKind;
    /** What to do, in words. */
    readonly action: string;
    /** Day it is due, `YYYY-MM-DD`; `null` when it has no date. */
    readonly due: string | null;
    /** The letter template suited to this action, if any. */
    readonly letter?: string;
}
export interface ActionContext {
    /** The current instant. */
    readonly now: Date;
    /** IANA zone of the person keeping the notes. */
    readonly timezone: string;
    readonly rules?: Rules;
    /** Every contact, so the 3B7 rule can see who else works at the same organization. */
    readonly contacts?: readonly Contact[];
}
/**
 * Every suggested action for one contact, main one first. A manual `next`
 * in the note replaces them all, except for a closed contact: closing ends
 * every action, a `next` written before it included.
 */
export declare function nextActions(contact: Contact, context: ActionContext): NextAction[];
/** The main next action of a contact, or `null` when none is due (closed stages). */
export declare function nextAction(contact: Contact, context: ActionContext): NextAction | null;
/** Date the contact entered `stage`: the latest history entry for it, else the latest entry at all. */
export declare function stageDate(contact: Contact, stage: Stage): string | null;
/** The organization as colleagues are matched: trimmed, any case. */
export declare function organizationKey(organization: string): string;
/** Contacts that count as a colleague: under way, neither just identified nor closed. */
export declare function isActiveContact(contact: Contact): boolean;
/** One line of the agenda. */
export interface AgendaItem {
    readonly id: string;
    readonly name: string;
    readonly file: string;
    readonly kind: ActionKind;
    readonly action: string;
    readonly due: string;
    readonly overdue: boolean;
    readonly letter?: string;
}
/** Every dated action across contacts, soonest first (overdue flagged). */
export declare function agenda(contacts: readonly Contact[], context: ActionContext): AgendaItem[];
/** The agenda lines of one contact, in `nextActions` order (`today` is `todayIn` of the context). */
export declare function contactAgenda(contact: Contact, context: ActionContext, today: string): AgendaItem[];
/** Agenda order: soonest first, then by name and action. */
export declare function compareAgendaItems(a: AgendaItem, b: AgendaItem): number;
