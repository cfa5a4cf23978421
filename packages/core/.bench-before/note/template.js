import { stringify } from 'yaml';
import { NOTE_SECTIONS } from '../model/vocabulary.js';
/** The text of a new contact note: frontmatter written by `yaml` (always safely quoted) and the standard sections. */
export function contactNoteText(contact) {
    const stage = contact.stage ?? 'identified';
    const frontmatter = {
        type: 'contact',
        name: contact.name,
        stage,
        ...(contact.role ? { role: contact.role } : {}),
        ...(contact.organization ? { organization: contact.organization } : {}),
        ...(contact.source ? { source: contact.source } : contact.referredBy ? { source: 'referral' } : {}),
        ...(contact.referredBy ? { referred_by: `[[${contact.referredBy}]]` } : {}),
        ...contact.fields,
        ...(contact.tags && contact.tags.length > 0 ? { tags: [...contact.tags] } : {}),
        history: [{ date: contact.date, stage }],
    };
    const yaml = stringify(frontmatter, { lineWidth: 0 });
    const body = NOTE_SECTIONS.map((title) => {
        const text = contact.sections?.[title]?.trim();
        return `## ${title}\n\n${text ? text + '\n\n' : ''}`;
    }).join('');
    return `---\n${yaml}---\n\n# ${contact.name}\n\n${body}`.replace(/\n+$/, '\n');
}
//# sourceMappingURL=template.js.map