import { getISOWeek, getISOWeekYear } from 'date-fns';
import { daysBetween } from '../lifecycle/dates.js';
import { referralGraph } from '../graph/referrals.js';
import { defaultRules } from '../workspace/config.js';
const REPLIED = ['scheduled', 'prepared', 'held', 'thanked', 'nurturing', 'declined'];
function emptyCounter() {
    return { outreachSent: 0, contacted: 0, replied: 0, replyRate: 0, meetingsHeld: 0, thankYous: 0, thankYousOnTime: 0, referralsGained: 0 };
}
function isoWeek(date) {
    const [year, month, day] = date.split('-').map(Number);
    const local = new Date(year, month - 1, day, 12);
    return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}
/**
 * How the outreach went, ISO week by ISO week, from every contact's history:
 * each figure is counted in the week of the history entry it comes from
 * (a contact's first `contacted` entry for `contacted` and `replied`).
 */
export function outreachReport(contacts, options = {}) {
    const since = options.since ?? null;
    const rules = options.rules ?? defaultRules;
    const weeks = new Map();
    const total = emptyCounter();
    const count = (date, key) => {
        if (since !== null && date < since)
            return;
        const week = isoWeek(date);
        const counter = weeks.get(week) ?? emptyCounter();
        counter[key]++;
        total[key]++;
        weeks.set(week, counter);
    };
    for (const contact of contacts) {
        const history = contact.history;
        const firstContact = history.find((entry) => entry.stage === 'contacted');
        let lastHeld;
        for (const entry of history) {
            if (entry.stage === 'contacted' || entry.stage === 'followed-up')
                count(entry.date, 'outreachSent');
            if (entry.stage === 'held') {
                count(entry.date, 'meetingsHeld');
                lastHeld = entry.date;
            }
            if (entry.stage === 'thanked') {
                count(entry.date, 'thankYous');
                if (lastHeld !== undefined && daysBetween(lastHeld, entry.date) <= rules.thankWithin)
                    count(entry.date, 'thankYousOnTime');
            }
        }
        if (firstContact) {
            count(firstContact.date, 'contacted');
            if (history.some((entry) => entry.date >= firstContact.date && REPLIED.includes(entry.stage)))
                count(firstContact.date, 'replied');
        }
    }
    const referred = new Set(referralGraph(contacts).edges.map((edge) => edge.to));
    for (const contact of contacts) {
        const firstSeen = contact.history[0]?.date;
        if (referred.has(contact.id) && firstSeen !== undefined)
            count(firstSeen, 'referralsGained');
    }
    const withRate = (counter) => ({ ...counter, replyRate: counter.contacted === 0 ? null : counter.replied / counter.contacted });
    return {
        since,
        weeks: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, counter]) => ({ week, ...withRate(counter) })),
        total: withRate(total),
    };
}
//# sourceMappingURL=outreach-report.js.map