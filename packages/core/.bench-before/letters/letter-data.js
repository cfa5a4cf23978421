import { format } from 'date-fns';
import { meetingDate } from '../lifecycle/dates.js';
import { CONFIG_PATH } from '../workspace/config.js';
import { NOTE_FACTS, noteFact } from './note-facts.js';
import { toSecondPerson } from './second-person.js';
/** Fields computed from another one: a missing derived field is reported as its base. */
const DERIVED_FROM = {
    firstName: 'name',
    'referrer.firstName': 'referrer.name',
    'profile.firstName': 'profile.name',
    signature: 'profile.name',
    'meeting.day': 'meeting.date',
    'meeting.time': 'meeting.date',
    'meeting.month': 'meeting.date',
};
/** The field whose absence explains a missing one (`firstName` → `name`). */
export function baseField(field) {
    return DERIVED_FROM[field] ?? field;
}
const FOUND_VIA = {
    linkedin: 'I came across your profile on LinkedIn',
    association: "I found your name in a professional association's directory",
    alumni: 'I found you through our alumni network',
    event: 'I heard you speak recently',
    cold: 'I came across your work',
    personal: 'I have been following your work for a while',
};
/** Builds the data a letter template reads, from a contact's note and the seeker's profile. */
export function letterData(input) {
    const { contact, noteText, profile, referrer, timezone, today } = input;
    const data = {};
    const set = (key, value) => {
        if (typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null)
            data[key] = typeof value === 'string' ? value.trim() : value;
    };
    set('name', contact.name);
    set('firstName', firstName(contact.name));
    for (const key of ['role', 'organization', 'industry', 'location', 'email', 'linkedin'])
        set(key, contact[key]);
    for (const fact of ['impressed', 'learned', 'topic']) {
        const value = noteFact(noteText, fact);
        set(fact, value === undefined ? undefined : toSecondPerson(value));
    }
    set('visiting', typeof contact.fields.visiting === 'string' ? contact.fields.visiting : noteFact(noteText, 'visiting'));
    set('foundVia', contact.source === 'referral' ? (referrer ? `${referrer.name} gave me your name` : 'A mutual acquaintance gave me your name') : contact.source && FOUND_VIA[contact.source]);
    const sent = [...contact.history].reverse().find((entry) => entry.stage === 'contacted');
    set('sentOn', sent && spokenDate(sent.date, today, 'MMMM d'));
    const meeting = {};
    if (contact.meeting) {
        const date = meetingDate(contact.meeting.at, timezone);
        meeting.date = date;
        meeting.day = spokenDate(date, today, 'EEEE, MMMM d');
        meeting.month = spokenDate(date, today, 'MMMM');
        meeting.time = localTime(contact.meeting.at);
        meeting.format = contact.meeting.format;
        if (contact.meeting.place)
            meeting.place = contact.meeting.place;
    }
    data.meeting = meeting;
    const referrerData = {};
    if (referrer) {
        referrerData.name = referrer.name;
        referrerData.firstName = firstName(referrer.name);
        if (referrer.role)
            referrerData.role = referrer.role;
        if (referrer.organization)
            referrerData.organization = referrer.organization;
    }
    data.referrer = referrerData;
    const me = {};
    for (const key of ['name', 'background', 'field', 'email', 'phone', 'location']) {
        const value = profile[key]?.trim();
        if (value)
            me[key] = value;
    }
    if (typeof me.name === 'string')
        me.firstName = firstName(me.name);
    data.profile = me;
    if (typeof me.name === 'string')
        data.signature = [me.name, me.email, me.phone].filter((line) => typeof line === 'string').join('\n');
    data.fields = contact.fields;
    data.today = spokenDate(today, '', 'MMMM d, yyyy');
    for (const [path, value] of Object.entries(input.values ?? {}))
        setPath(data, path, value);
    return { data: data, whereToFill: (field) => whereToFill(field, contact, referrer) };
}
/** Sets `a.b.c` in nested records, creating groups as needed. */
function setPath(target, path, value) {
    const steps = path.split('.');
    let node = target;
    for (const step of steps.slice(0, -1)) {
        const child = node[step];
        if (typeof child !== 'object' || child === null || Array.isArray(child))
            node[step] = {};
        node = node[step];
    }
    node[steps.at(-1)] = value;
}
/** "Maya Chen" → "Maya"; "Dr. Renée Jackson" stays whole, since "Dear Dr." would be wrong. */
function firstName(name) {
    const first = name.trim().split(/\s+/)[0] ?? '';
    return first.endsWith('.') ? name.trim() : first;
}
/** A date as it is said in a letter; the year is added when it is not the current one. */
function spokenDate(date, today, pattern) {
    const [year, month, day] = date.split('-').map(Number);
    const value = new Date(year, month - 1, day);
    const withYear = today !== '' && today.slice(0, 4) !== date.slice(0, 4) && !pattern.includes('yyyy');
    return format(value, withYear ? (pattern === 'MMMM' ? 'MMMM yyyy' : `${pattern}, yyyy`) : pattern);
}
/** The wall-clock time written in the note, e.g. "7:15 AM". */
function localTime(at) {
    const match = /T(\d{2}):(\d{2})/.exec(at);
    if (!match)
        return undefined;
    const hours = Number(match[1]);
    return `${hours % 12 === 0 ? 12 : hours % 12}:${match[2]} ${hours < 12 ? 'AM' : 'PM'}`;
}
const FRONTMATTER_FIELDS = new Set(['name', 'role', 'organization', 'industry', 'location', 'email', 'linkedin']);
function whereToFill(field, contact, referrer) {
    const base = baseField(field);
    const note = (hint, file = contact.file) => ({ field: base, source: 'note', file, hint });
    if (FRONTMATTER_FIELDS.has(base))
        return note(`add \`${base}:\` to the frontmatter`);
    if (base.startsWith('fields.'))
        return note(`add \`${base.slice('fields.'.length)}:\` to the frontmatter`);
    if (base in NOTE_FACTS) {
        const { label, section } = NOTE_FACTS[base];
        const extra = base === 'visiting' ? ' (or `visiting:` in the frontmatter)' : '';
        return note(`add a line "${label}: …" under "## ${section}"${extra}`);
    }
    if (base === 'foundVia')
        return note('set `source:` in the frontmatter (linkedin, association, alumni, event, referral, cold, personal)');
    if (base === 'sentOn')
        return note('record the request first: a `contacted` entry in `history` (rapport advance … contacted)');
    if (base.startsWith('meeting.'))
        return note('set `meeting: at:` with the date and time (rapport advance … scheduled --at …)');
    if (base.startsWith('referrer.')) {
        if (!contact.referredBy)
            return note('set `referred_by: "[[id]]"` to the contact who referred them');
        if (!referrer)
            return note(`create a note for [[${contact.referredBy}]], named in \`referred_by\``);
        return note(`add \`${base.slice('referrer.'.length)}:\` to the frontmatter of the referrer's note`, referrer.file);
    }
    if (base.startsWith('profile.'))
        return { field: base, source: 'profile', file: CONFIG_PATH, hint: `add \`${base.slice('profile.'.length)}:\` under \`profile:\`` };
    return { field: base, source: 'value', hint: `give a value for \`${base}\` when writing the letter` };
}
//# sourceMappingURL=letter-data.js.map