import { CLOSED_STAGES } from '../model/vocabulary.js';
import { defaultRules } from '../workspace/config.js';
import { addCalendarDays, addWorkingDays, meetingClock, meetingDate, meetingStart, todayIn } from './dates.js';
/**
 * Every suggested action for one contact, main one first. A manual `next`
 * in the note replaces them all, except for a closed contact: closing ends
 * every action, a `next` written before it included.
 */
export function nextActions(contact, context) {
    const rules = context.rules ?? defaultRules;
    const make = (kind, action, due, letter) => (letter ? { contactId: contact.id, kind, action, due, letter } : { contactId: contact.id, kind, action, due });
    if (CLOSED_STAGES.includes(contact.stage))
        return [];
    if (contact.next)
        return [make('manual', contact.next.action, contact.next.due)];
    const since = stageDate(contact, contact.stage);
    const name = contact.name;
    switch (contact.stage) {
        case 'identified':
            return [make('write', `Write to ${name}${contact.referredBy ? ', naming who referred you' : ''}`, null, contact.referredBy ? 'referral' : 'cold-email')];
        case 'contacted': {
            const actions = [make('follow-up', `Follow up with ${name} if there is no reply`, since && addWorkingDays(since, rules.followUpAfter), 'follow-up')];
            if (since && contact.organization && !hasColleague(contact, context.contacts)) {
                actions.push(make('second-contact', `Try a second person at ${contact.organization}`, addWorkingDays(since, rules.secondContactAfter)));
            }
            return actions;
        }
        case 'followed-up':
            return [make('give-up', `No reply from ${name} since the follow-up: mark as no-response`, since && addWorkingDays(since, rules.giveUpAfter))];
        case 'scheduled':
        case 'prepared': {
            const meeting = contact.meeting;
            if (!meeting)
                return [make('schedule', `Add the meeting time with ${name}`, since)];
            const day = meetingDate(meeting.at, context.timezone);
            const end = meetingStart(meeting.at, context.timezone).getTime() + meeting.minutes * 60_000;
            if (context.now.getTime() >= end)
                return [make('mark-held', `Record the meeting with ${name} as held and write your notes`, day)];
            if (contact.stage === 'scheduled') {
                return [make('prepare', `Prepare for ${name}: research and questions`, minDate(addCalendarDays(day, -rules.prepareBefore), day, todayIn(context.timezone, context.now)))];
            }
            return [make('meet', `Meet ${name} at ${meetingClock(meeting.at, context.timezone)} (${meeting.format}, ${meeting.minutes} min)`, day)];
        }
        case 'held':
            return [make('thank', `Send ${name} a thank-you note`, since && addCalendarDays(since, rules.thankWithin), 'thank-you')];
        case 'thanked':
        case 'nurturing': {
            const last = contact.history.at(-1)?.date ?? since;
            return [make('keep-in-touch', `Keep in touch with ${name}`, last ? addCalendarDays(last, contact.touchEvery ?? rules.touchEvery) : null, 'keep-in-touch')];
        }
        default:
            return [];
    }
}
/** The main next action of a contact, or `null` when none is due (closed stages). */
export function nextAction(contact, context) {
    return nextActions(contact, context)[0] ?? null;
}
/** Date the contact entered `stage`: the latest history entry for it, else the latest entry at all. */
export function stageDate(contact, stage) {
    for (let i = contact.history.length - 1; i >= 0; i--) {
        if (contact.history[i].stage === stage)
            return contact.history[i].date;
    }
    return contact.history.at(-1)?.date ?? null;
}
/** Another contact at the same organization that is not closed: no need for a second person. */
function hasColleague(contact, contacts) {
    if (!contacts)
        return true;
    const ids = activeIdsByOrganization(contacts).get(organizationKey(contact.organization));
    return ids !== undefined && (ids.size > 1 || !ids.has(contact.id));
}
/** The organization as colleagues are matched: trimmed, any case. */
export function organizationKey(organization) {
    return organization.trim().toLowerCase();
}
/** Contacts that count as a colleague: under way, neither just identified nor closed. */
export function isActiveContact(contact) {
    return contact.stage !== 'identified' && !CLOSED_STAGES.includes(contact.stage);
}
// An agenda asks about colleagues once per contact: index each contact list once, not scan it each time.
const colleagueIndexes = new WeakMap();
function activeIdsByOrganization(contacts) {
    let index = colleagueIndexes.get(contacts);
    if (!index) {
        index = new Map();
        for (const other of contacts) {
            if (other.organization === undefined || !isActiveContact(other))
                continue;
            const key = organizationKey(other.organization);
            let ids = index.get(key);
            if (!ids)
                index.set(key, (ids = new Set()));
            ids.add(other.id);
        }
        colleagueIndexes.set(contacts, index);
    }
    return index;
}
/** Preparation is due before the meeting, but never "before today" for a meeting booked at short notice. */
function minDate(prepareBy, meetingDay, today) {
    if (prepareBy >= today)
        return prepareBy;
    return today <= meetingDay ? today : meetingDay;
}
/** Every dated action across contacts, soonest first (overdue flagged). */
export function agenda(contacts, context) {
    const today = todayIn(context.timezone, context.now);
    const withContacts = { ...context, contacts: context.contacts ?? contacts };
    return contacts.flatMap((contact) => contactAgenda(contact, withContacts, today)).sort(compareAgendaItems);
}
/** The agenda lines of one contact, in `nextActions` order (`today` is `todayIn` of the context). */
export function contactAgenda(contact, context, today) {
    const items = [];
    for (const action of nextActions(contact, context)) {
        if (action.due === null)
            continue;
        const { kind, due, letter } = action;
        const overdue = due < today;
        items.push(letter ? { id: contact.id, name: contact.name, file: contact.file, kind, action: action.action, due, overdue, letter } : { id: contact.id, name: contact.name, file: contact.file, kind, action: action.action, due, overdue });
    }
    return items;
}
/** Agenda order: soonest first, then by name and action. */
export function compareAgendaItems(a, b) {
    return a.due.localeCompare(b.due) || a.name.localeCompare(b.name) || a.action.localeCompare(b.action);
}
//# sourceMappingURL=next-action.js.map