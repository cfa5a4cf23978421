import { collate } from '../collation.js';
import { daysBetween } from '../lifecycle/dates.js';
import { referralChain, referralGraph } from '../graph/referrals.js';
import type { Contact, HistoryEntry } from '../model/contact.js';
import { SOURCES, type Source, type Stage } from '../model/vocabulary.js';
import { outcomeSummary, type OutcomeSummary } from '../outcomes/outcome-summary.js';
import { hasMet } from '../lifecycle/met.js';
import { defaultRules } from '../workspace/config.js';
import { firstReply, outreachReport, thankYouFor, type OutreachFigures, type OutreachReportOptions, type OutreachWeek } from './outreach-report.js';

/**
 * The stages of the funnel, in lifecycle order. `followed-up` (a nudge, not
 * progress) and `prepared` (the seeker's own homework) are left out.
 */
export const FUNNEL_STAGES = ['identified', 'contacted', 'scheduled', 'held', 'thanked', 'nurturing'] as const;
/** A stage the report's funnel counts: one of {@link FUNNEL_STAGES}. */
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Where each stage sits in the funnel; `followed-up` counts as `contacted` and `prepared` as `scheduled`. */
const FUNNEL_LEVEL: Partial<Record<Stage, number>> = {
  identified: 0,
  contacted: 1,
  'followed-up': 1,
  scheduled: 2,
  prepared: 2,
  held: 3,
  thanked: 4,
  nurturing: 5,
};

/** A contact's `source`, or `unknown` when the note has none. */
export type ReportSource = Source | 'unknown';

/** How the outreach went for the contacts found one way (cold, referral, LinkedIn…). */
export interface SourceFigures {
  readonly source: ReportSource;
  /** Letters and messages sent: moves to `contacted` or `followed-up`. */
  readonly outreachSent: number;
  /** Contacts first written to in the period. */
  readonly contacted: number;
  /** Of those, how many answered (a meeting stage or `declined`). */
  readonly replied: number;
  /** `replied / contacted`, or `null` when nobody was contacted. */
  readonly replyRate: number | null;
  readonly meetingsHeld: number;
  /** `meetingsHeld / outreachSent`: meetings per letter sent, or `null` when none was sent. */
  readonly meetingsPerOutreach: number | null;
}

/**
 * Each meeting held in the period, by when its thank-you followed: on the
 * day, within `rules.thankWithin` days, later, or not at all (`missing`
 * once those days have passed, `pending` before).
 */
export interface ThankYouTiming {
  readonly meetings: number;
  readonly sameDay: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly pending: number;
}

/** How deep the referrals go: who led to whom, counted from contacts nobody referred. */
export interface ReferralChains {
  /** The most introductions in a row that led to one contact (0 when nobody was referred). */
  readonly longest: number;
  /** That chain, from the first person to the last (empty when nobody was referred). */
  readonly longestChain: readonly { readonly id: string; readonly name: string }[];
  /** How many contacts sit at each depth: 0 for contacts nobody referred, 1 for those referred by one of them, and so on. */
  readonly depths: readonly { readonly depth: number; readonly contacts: number }[];
}

/** One step of the funnel: a stage and how many contacts reached it. */
export interface FunnelStep {
  readonly stage: FunnelStage;
  /** Contacts with a step in the period that had reached this stage or a later one by its end (skipped stages count as reached). */
  readonly reached: number;
}

/** Everything `rapport report` shows: the weekly outreach figures and what the search led to. */
export interface SearchReport {
  readonly since: string | null;
  readonly until: string | null;
  readonly weeks: readonly OutreachWeek[];
  readonly total: OutreachFigures;
  /** Sources in vocabulary order, `unknown` last; only those with outreach or meetings in the period. */
  readonly bySource: readonly SourceFigures[];
  /** Median days from the first letter to the first answer, over the contacts who answered; `null` when nobody did. */
  readonly medianDaysToReply: number | null;
  readonly thankYous: ThankYouTiming;
  readonly funnel: readonly FunnelStep[];
  readonly referralChains: ReferralChains;
  readonly outcomes: OutcomeSummary;
}

/** The history steps of a contact (touches left out) on or before `until`. */
function stepsUntil(contact: Contact, until: string | null): HistoryEntry[] {
  return contact.history.filter((entry) => !entry.touch && (until === null || entry.date <= until));
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The report of the whole search from every contact's history: the weekly
 * figures of `outreachReport`, the same figures by source, days to reply,
 * thank-you timing, the funnel of stages reached, referral-chain depth and
 * outcomes. `since` and `until` bound the dated figures; referral chains and
 * outcomes describe the notes as they are.
 */
export function searchReport(contacts: readonly Contact[], options: OutreachReportOptions = {}): SearchReport {
  const since = options.since ?? null;
  const until = options.until ?? null;
  const rules = options.rules ?? defaultRules;
  const inPeriod = (date: string) => (since === null || date >= since) && (until === null || date <= until);
  const outreach = outreachReport(contacts, options);

  const bySource: SourceFigures[] = [];
  for (const source of [...SOURCES, 'unknown'] as const) {
    const group = contacts.filter((contact) => (contact.source ?? 'unknown') === source);
    const { outreachSent, contacted, replied, replyRate, meetingsHeld } = outreachReport(group, options).total;
    if (outreachSent === 0 && contacted === 0 && meetingsHeld === 0) continue;
    bySource.push({ source, outreachSent, contacted, replied, replyRate, meetingsHeld, meetingsPerOutreach: outreachSent === 0 ? null : meetingsHeld / outreachSent });
  }

  const daysToReply: number[] = [];
  const thankYous = { meetings: 0, sameDay: 0, onTime: 0, late: 0, missing: 0, pending: 0 };
  const reached = FUNNEL_STAGES.map(() => 0);
  for (const contact of contacts) {
    const steps = stepsUntil(contact, until);
    const first = steps.findIndex((entry) => entry.stage === 'contacted');
    if (first >= 0 && inPeriod(steps[first]!.date)) {
      const sent = steps[first]!.date;
      const reply = firstReply(contact.history, sent, until);
      if (reply) daysToReply.push(daysBetween(sent, reply.date));
    }

    steps.forEach((entry, index) => {
      if (entry.stage !== 'held' || !inPeriod(entry.date)) return;
      thankYous.meetings++;
      const thanks = thankYouFor(steps, index);
      if (thanks) {
        const days = daysBetween(entry.date, thanks.date);
        if (days === 0) thankYous.sameDay++;
        else if (days <= rules.thankWithin) thankYous.onTime++;
        else thankYous.late++;
      } else if (until !== null && daysBetween(entry.date, until) <= rules.thankWithin) thankYous.pending++;
      else thankYous.missing++;
    });

    // A contact counts when it moved in the period, at the furthest stage it had reached by its end.
    // A note without history still has its stage; it counts when no period start asks for dates.
    const active = contact.history.length === 0 ? since === null : steps.some((entry) => inPeriod(entry.date));
    // `nurturing` without a conversation (picked up again after a no) skips no meeting: it adds nothing.
    const talked = hasMet({ ...contact, history: steps });
    const levels = (contact.history.length === 0 ? [contact.stage] : steps.map((entry) => entry.stage)).map((stage) => (stage === 'nurturing' && !talked ? undefined : FUNNEL_LEVEL[stage]));
    const furthest = active ? Math.max(-1, ...levels.filter((level) => level !== undefined)) : -1;
    for (let level = 0; level <= furthest; level++) reached[level]!++;
  }

  return {
    since,
    until,
    weeks: outreach.weeks,
    total: outreach.total,
    bySource,
    medianDaysToReply: median(daysToReply),
    thankYous,
    funnel: FUNNEL_STAGES.map((stage, level) => ({ stage, reached: reached[level]! })),
    referralChains: referralChains(contacts),
    outcomes: outcomeSummary(contacts),
  };
}

function referralChains(contacts: readonly Contact[]): ReferralChains {
  const graph = referralGraph(contacts);
  const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
  const counts: number[] = [];
  let longestChain: string[] = [];
  for (const contact of [...contacts].sort((a, b) => collate(a.id, b.id))) {
    const chain = referralChain(graph, contact.id);
    counts[chain.length] = (counts[chain.length] ?? 0) + 1;
    if (chain.length > 0 && chain.length + 1 > longestChain.length) longestChain = [...chain, contact.id];
  }
  return {
    longest: Math.max(0, longestChain.length - 1),
    longestChain: longestChain.map((id) => ({ id, name: names.get(id) ?? id })),
    depths: Array.from(counts, (count, depth) => ({ depth, contacts: count ?? 0 })),
  };
}
