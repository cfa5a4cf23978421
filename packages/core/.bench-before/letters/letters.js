import { InvalidInputError, MissingLetterFieldsError } from '../errors.js';
import { advance } from '../lifecycle/advance.js';
import { isCalendarDate, todayIn } from '../lifecycle/dates.js';
import { isChannel } from '../model/vocabulary.js';
import { editNote, findContact } from '../workspace/workspace.js';
import { baseField, letterData } from './letter-data.js';
import { loadLetterTemplate } from './registry.js';
import { renderLetterTemplate } from './render-template.js';
/**
 * Writes letter `templateName` to a contact (id or path), filled from the
 * note and the profile. Throws `MissingLetterFieldsError` listing every
 * missing field (unless `draft`), `LetterTemplateError` for a broken
 * template, `LetterNotFoundError` and `NoteNotFoundError`.
 */
export async function renderLetter(workspace, templateName, contactRef, options = {}) {
    const contact = findContact(workspace, contactRef);
    const template = await loadLetterTemplate(workspace.store, templateName, options);
    const today = options.today ?? todayIn(workspace.config.timezone);
    if (!isCalendarDate(today))
        throw new InvalidInputError(`invalid date "${today}" (use YYYY-MM-DD)`);
    const referrer = contact.referredBy ? workspace.index.contact(contact.referredBy) : undefined;
    const { data, whereToFill } = letterData({
        contact,
        noteText: workspace.index.text(contact.file) ?? '',
        profile: workspace.config.profile,
        referrer,
        timezone: workspace.config.timezone,
        today,
        ...(options.values ? { values: options.values } : {}),
    });
    const rendered = renderLetterTemplate(template, data);
    const missing = [...new Set(rendered.missing.map(baseField))].map(whereToFill);
    if (missing.length > 0 && !options.draft)
        throw new MissingLetterFieldsError(template.name, contact.name, missing);
    return {
        template: template.name,
        origin: template.origin,
        contact: contact.id,
        subject: rendered.subject,
        body: rendered.body,
        text: rendered.text,
        missing,
        ...(template.stage ? { stage: template.stage } : {}),
        via: template.via ?? preferredChannel(contact),
    };
}
/** Email when the contact has an address, else LinkedIn when they have a profile, else a letter. */
export function preferredChannel(contact) {
    if (contact.email)
        return 'email';
    if (contact.linkedin)
        return 'linkedin';
    return 'letter';
}
/**
 * Records that letter `templateName` was sent: `advance`s the contact to the
 * template's stage with a history entry carrying `via` and `letter`. The
 * note is edited losslessly and atomically.
 */
export async function markLetterSent(workspace, contactRef, templateName, options) {
    const contact = findContact(workspace, contactRef);
    if (options.via !== undefined && !isChannel(options.via))
        throw new InvalidInputError(`unknown channel "${String(options.via)}"`);
    // With an explicit stage the letter need not be one Rapport knows (it may have been written elsewhere).
    const template = options.stage === undefined ? await loadLetterTemplate(workspace.store, templateName, options) : undefined;
    const recorded = options.stage ?? template?.stage;
    if (recorded === undefined)
        throw new InvalidInputError(`the ${templateName} letter does not say which stage sending it records: give the stage`);
    const channel = options.via ?? template?.via ?? preferredChannel(contact);
    await editNote(workspace, contact.file, (text) => advance(text, recorded, { date: options.date, via: channel, letter: templateName, ...(options.note ? { note: options.note } : {}) }), { retries: 5 });
    return { contact: contact.id, file: contact.file, from: contact.stage, stage: recorded, date: options.date, via: channel };
}
//# sourceMappingURL=letters.js.map