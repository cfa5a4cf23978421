import { collate } from '../collation.js';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { daysBetween } from '../lifecycle/dates.js';
import { referralGraph } from '../graph/referrals.js';
import type { Contact, HistoryEntry } from '../model/contact.js';
import type { Stage } from '../model/vocabulary.js';
import { defaultRules, type Rules } from '../workspace/config.js';

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
  /** Thank-yous sent: `thanked` steps, in the week each was sent. */
  readonly thankYous: number;
  /**
   * Of the meetings held (`meetingsHeld`, in the week of each meeting), those
   * whose thank-you went out within `rules.thankWithin` days: the same count as
   * `sameDay + onTime` of the search report's `thankYous`, week by week.
   */
  readonly thankYousOnTime: number;
  /**
   * New contacts who came through a referral: the people at the end of a
   * referral edge (`referred_by`, or a wikilink in the referrer's Outcomes),
   * each counted once, in the week the referral was gained (`referralDates`).
   */
  readonly referralsGained: number;
}

export interface OutreachWeek extends OutreachFigures {
  /** ISO week, e.g. `2026-W47`. */
  readonly week: string;
}

/** The longest run of quiet weeks a weekly table shows row by row; a longer one (an old letter among this year's) is one row. */
const QUIET_WEEKS_SHOWN = 4;

/**
 * A weekly table's rows, as the text and HTML reports show them: a week each,
 * quiet ones as zeros, except a run of more than four quiet weeks, one row
 * "2026-W20–2026-W35".
 */
export function weekRows(weeks: readonly OutreachWeek[]): { label: string; figures: OutreachFigures }[] {
  const quiet = (week: OutreachWeek) => week.outreachSent + week.contacted + week.replied + week.meetingsHeld + week.thankYous + week.thankYousOnTime + week.referralsGained === 0;
  const rows: { label: string; figures: OutreachFigures }[] = [];
  for (let index = 0; index < weeks.length; ) {
    let end = index;
    while (end < weeks.length && quiet(weeks[end]!)) end++;
    if (end - index > QUIET_WEEKS_SHOWN) {
      rows.push({ label: `${weeks[index]!.week}–${weeks[end - 1]!.week}`, figures: weeks[index]! });
      index = end;
    } else {
      rows.push({ label: weeks[index]!.week, figures: weeks[index]! });
      index++;
    }
  }
  return rows;
}

/** `outreachReport`'s result: the figures of each week since `since` (quiet weeks between busy ones included, as zeros), and their total. */
export interface OutreachReport {
  readonly since: string | null;
  readonly weeks: readonly OutreachWeek[];
  readonly total: OutreachFigures;
}

/** Stages that show a contact answered: a meeting stage, or `declined` (a no is a reply too). */
export const REPLIED_STAGES: readonly Stage[] = ['scheduled', 'prepared', 'held', 'thanked', 'nurturing', 'declined'];

/**
 * The first sign in `history` that the contact answered a request sent on `sent`: a step to
 * a stage of `REPLIED_STAGES`, or a logged reply (`replied: true`), dated from `sent` to
 * `until` (none after it: not yet happened as of that day).
 */
export function firstReply(history: readonly HistoryEntry[], sent: string, until: string | null): HistoryEntry | undefined {
  return history.find((entry) => entry.date >= sent && (until === null || entry.date <= until) && (entry.touch ? entry.replied === true : REPLIED_STAGES.includes(entry.stage)));
}

type Counter = { -readonly [K in keyof OutreachFigures]: number };

function emptyCounter(): Counter {
  return { outreachSent: 0, contacted: 0, replied: 0, replyRate: 0, meetingsHeld: 0, thankYous: 0, thankYousOnTime: 0, referralsGained: 0 };
}

function isoWeek(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(year, month - 1, day, 12);
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}

/** Every ISO week from the one of `first` to the one of `last` (`YYYY-MM-DD`), in order. */
function weeksFrom(first: string, last: string): string[] {
  const [year, month, day] = first.split('-').map(Number) as [number, number, number];
  const end = isoWeek(last);
  const weeks: string[] = [];
  // Seven days on from any day of a week is a day of the next one.
  for (let date = new Date(year, month - 1, day, 12), week = isoWeek(first); week <= end; date.setDate(date.getDate() + 7), week = isoWeek(localDay(date))) weeks.push(week);
  return weeks;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Options of `outreachReport`. */
export interface OutreachReportOptions {
  /** First day counted, `YYYY-MM-DD`. Default: the whole history. */
  readonly since?: string;
  /** Last day counted (the report as of that day), `YYYY-MM-DD`. Default: the whole history. */
  readonly until?: string;
  /** For `thankWithin`. Default `defaultRules`. */
  readonly rules?: Rules;
}

/**
 * How the outreach went, ISO week by ISO week, from every contact's history:
 * each figure is counted in the week of the history entry it comes from
 * (a contact's first `contacted` entry for `contacted` and `replied`).
 * `weeks` runs without a gap from the first week with a figure to the last
 * (to `until`'s week, when given): a quiet week in between has a row of zeros.
 */
export function outreachReport(contacts: readonly Contact[], options: OutreachReportOptions = {}): OutreachReport {
  const since = options.since ?? null;
  const until = options.until ?? null;
  const rules = options.rules ?? defaultRules;
  const weeks = new Map<string, Counter>();
  const total = emptyCounter();
  let first: string | undefined;
  let last: string | undefined;
  const count = (date: string, key: keyof Counter) => {
    if ((since !== null && date < since) || (until !== null && date > until)) return;
    if (first === undefined || date < first) first = date;
    if (last === undefined || date > last) last = date;
    const week = isoWeek(date);
    const counter = weeks.get(week) ?? emptyCounter();
    counter[key]++;
    total[key]++;
    weeks.set(week, counter);
  };

  for (const contact of contacts) {
    // Steps only (a logged touch is not a letter sent nor a meeting), and none after `until`: they have not happened yet as of that day.
    const history = contact.history.filter((entry) => !entry.touch && (until === null || entry.date <= until));
    const firstContact = history.find((entry) => entry.stage === 'contacted');
    history.forEach((entry, index) => {
      if (entry.stage === 'contacted' || entry.stage === 'followed-up') count(entry.date, 'outreachSent');
      if (entry.stage === 'held') {
        count(entry.date, 'meetingsHeld');
        const thanks = thankYouFor(history, index);
        if (thanks && daysBetween(entry.date, thanks.date) <= rules.thankWithin) count(entry.date, 'thankYousOnTime');
      }
      if (entry.stage === 'thanked') count(entry.date, 'thankYous');
    });
    if (firstContact) {
      count(firstContact.date, 'contacted');
      if (firstReply(contact.history, firstContact.date, until)) count(firstContact.date, 'replied');
    }
  }
  for (const date of referralDates(contacts).values()) count(date, 'referralsGained');
  // A quiet week between two busy ones is a week of zeros, not a missing row: a table without it reads as a steady pace.
  // As of a day, the weeks run to that day's: a quiet spell up to today shows as one, not as a table that looks up to date.
  if (until !== null && last !== undefined) last = until;
  if (first !== undefined && last !== undefined) for (const week of weeksFrom(first, last)) if (!weeks.has(week)) weeks.set(week, emptyCounter());

  const withRate = (counter: Counter): OutreachFigures => ({ ...counter, replyRate: counter.contacted === 0 ? null : counter.replied / counter.contacted });
  return {
    since,
    weeks: [...weeks.entries()].sort(([a], [b]) => collate(a, b)).map(([week, counter]) => ({ week, ...withRate(counter) })),
    total: withRate(total),
  };
}

/**
 * The day each referred contact was gained, by id. A referral is gained in
 * a conversation with the referrer, so never before the referrer was first
 * written to (their first `contacted` step, else their first entry): a note
 * made on or after that day was made for the referral, and its first entry
 * is the day; a note older than that (a LinkedIn connection imported years
 * before, linked as a referral later) counts on the day of the referrer's
 * first meeting (`held`), else of that first letter. With several
 * referrers, the earliest such day. A contact with no dated entry, and
 * whose referrers have none, is not counted.
 */
function referralDates(contacts: readonly Contact[]): Map<string, string> {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const dates = new Map<string, string>();
  for (const edge of referralGraph(contacts).edges) {
    const referred = byId.get(edge.to);
    const referrer = byId.get(edge.from);
    if (!referred || !referrer) continue;
    const date = referralDate(referred, referrer);
    const known = dates.get(edge.to);
    if (date !== undefined && (known === undefined || date < known)) dates.set(edge.to, date);
  }
  return dates;
}

function referralDate(referred: Contact, referrer: Contact): string | undefined {
  const steps = referrer.history.filter((entry) => !entry.touch);
  const talking = (steps.find((entry) => entry.stage === 'contacted') ?? steps[0])?.date;
  const firstSeen = referred.history[0]?.date;
  if (talking === undefined || (firstSeen !== undefined && firstSeen >= talking)) return firstSeen;
  return steps.find((entry) => entry.stage === 'held' && entry.date >= talking)?.date ?? talking;
}

/** The thank-you for the meeting at `steps[index]`: the first `thanked` step after it, on or after its day, before the next meeting. */
export function thankYouFor(steps: readonly HistoryEntry[], index: number): HistoryEntry | undefined {
  for (const step of steps.slice(index + 1)) {
    if (step.stage === 'held') return undefined;
    if (step.stage === 'thanked' && step.date >= steps[index]!.date) return step;
  }
  return undefined;
}
