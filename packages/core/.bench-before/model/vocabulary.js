/** Every stage of one informational interview, in lifecycle order. */
export const STAGES = [
    'identified',
    'contacted',
    'followed-up',
    'scheduled',
    'prepared',
    'held',
    'thanked',
    'nurturing',
    'declined',
    'no-response',
    'archived',
];
/** Stages after which no further action is suggested. */
export const CLOSED_STAGES = ['declined', 'no-response', 'archived'];
/** How a contact was found. */
export const SOURCES = ['linkedin', 'association', 'personal', 'referral', 'cold', 'event', 'alumni', 'other'];
/** How a meeting takes place. */
export const MEETING_FORMATS = ['in-person', 'phone', 'video'];
/** The channel a message went through. */
export const CHANNELS = ['email', 'linkedin', 'letter', 'phone', 'in-person', 'other'];
/** Section headings of a new contact note, in order. */
export const NOTE_SECTIONS = ['Why this person', 'Research', 'Questions', 'Notes', 'Outcomes'];
export function isStage(value) {
    return typeof value === 'string' && STAGES.includes(value);
}
export function isSource(value) {
    return typeof value === 'string' && SOURCES.includes(value);
}
export function isMeetingFormat(value) {
    return typeof value === 'string' && MEETING_FORMATS.includes(value);
}
/** A meeting link: an absolute URL such as `https://meet.example.com/abc` or a dial-in `tel:+14125550142`. */
export function isMeetingLink(value) {
    if (typeof value !== 'string' || /\s/.test(value) || !URL.canParse(value))
        return false;
    const url = new URL(value);
    return (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname !== '';
}
export function isChannel(value) {
    return typeof value === 'string' && CHANNELS.includes(value);
}
//# sourceMappingURL=vocabulary.js.map