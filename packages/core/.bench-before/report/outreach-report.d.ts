import type { Contact } from '../model/contact.js';
import { type Rules } from '../workspace/config.js';
/** Figures for one ISO week (or the whole period). */
export interface OutreachFigures {
    /** Letters and messages sent: moves to `contacted` or `followed-up`. */
    readonly outreachSent: number;
    /** Contacts first written to in the period. */
    readonly contacted: number;
    /** Of those, how many answered: reached `scheduled` or a later meeting stage, or `declined` (a no is a reply too). */
    readonly replied: number;
    /** `replied / contacted`, or `null` when nobody was contacted. */
    readonly replyRate: number | null;
    readonly meetingsHeld: number;
    readonly thankYous: number;
    /** Thank-yous sent within `rules.thankWithin` days of the meeting. */
    readonly thankYousOnTime: number;
    /**
     * New contacts who came through a referral: the people at the end of a
     * referral edge (`referred_by`, or a wikilink in the referrer's Outcomes),
     * each counted once, in the week of their first history entry.
     */
    readonly referralsGained: number;
}
export interface OutreachWeek extends OutreachFigures {
    /** ISO week, e.g. `2026-W47`. */
    readonly week: string;
}
export interface OutreachReport {
    readonly since: string | null;
    readonly weeks: readonly OutreachWeek[];
    readonly total: OutreachFigures;
}
export interface OutreachReportOptions {
    /** First day counted, `YYYY-MM-DD`. Default: the whole history. */
    readonly since?: string;
    /** For `thankWithin`. Default `defaultRules`. */
    readonly rules?: Rules;
}
/**
 * How the outreach went, ISO week by ISO week, from every contact's history:
 * each figure is counted in the week of the history entry it comes from
 * (a contact's first `contacted` entry for `contacted` and `replied`).
 */
export declare function outreachReport(contacts: readonly Contact[], options?: OutreachReportOptions): OutreachReport;
