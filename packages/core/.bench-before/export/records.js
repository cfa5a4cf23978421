import { nextAction } from '../lifecycle/next-action.js';
import { privateFieldFilter, withoutPrivate } from './privacy.js';
/** Columns every exported contact starts with. */
export const IDENTITY_COLUMNS = ['id', 'file', 'name', 'stage'];
/** Columns added to every exported contact, after its frontmatter fields. */
export const COMPUTED_COLUMNS = ['next_action', 'next_due'];
/**
 * One plain object per contact: `id`, `file`, `name` and `stage` (as
 * Rapport reads them), then every other frontmatter field as written
 * (unknown ones included, in the note's order), then the computed
 * `next_action` and `next_due` (`null` when none). Fields the config lists
 * as private are left out; the name and stage never are.
 */
export function contactRecords(workspace, options = {}) {
    const { config, index } = workspace;
    const contacts = index.contacts();
    const context = { now: options.now ?? new Date(), timezone: config.timezone, rules: config.rules, contacts };
    const isPrivate = privateFieldFilter(config.privateFields);
    return contacts.map((contact) => {
        const next = nextAction(contact, context);
        const fields = withoutPrivate(contact.fields, isPrivate);
        for (const column of [...IDENTITY_COLUMNS, ...COMPUTED_COLUMNS])
            delete fields[column];
        return { id: contact.id, file: contact.file, name: contact.name, stage: contact.stage, ...fields, next_action: next?.action ?? null, next_due: next?.due ?? null };
    });
}
/** The contacts as a JSON array (see `contactRecords`), pretty-printed. */
export function exportJson(workspace, options = {}) {
    return JSON.stringify(contactRecords(workspace, options), null, 2) + '\n';
}
//# sourceMappingURL=records.js.map