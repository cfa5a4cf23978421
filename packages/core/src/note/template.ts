import { stringify } from 'yaml';
import { NOTE_FACTS } from '../letters/note-facts.js';
import { NOTE_SECTIONS, type Source, type Stage } from '../model/vocabulary.js';
import { yamlWriteOptions } from './yaml-write.js';

/** What `contactNoteText` and `createContact` need to write a new contact note: a name, and whatever else is known. */
export interface NewContact {
  readonly name: string;
  readonly organization?: string;
  readonly role?: string;
  readonly source?: Source;
  /** Id of the contact who referred this one. */
  readonly referredBy?: string;
  readonly tags?: readonly string[];
  /** Day the contact was identified, `YYYY-MM-DD`. */
  readonly date: string;
  /** Default `identified`. */
  readonly stage?: Stage;
  /** Extra frontmatter fields (e.g. email, linkedin from an import). */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** Text for the body sections, by heading. */
  readonly sections?: Readonly<Partial<Record<(typeof NOTE_SECTIONS)[number], string>>>;
}

/** Written in a new note where first letters look for it: the "Impressed by:" label, left for the user to complete. */
const IMPRESSED_BY = NOTE_FACTS.impressed;

/** The text of a new contact note: frontmatter written by `yaml` (always safely quoted) and the standard sections. */
export function contactNoteText(contact: NewContact): string {
  const stage = contact.stage ?? 'identified';
  const frontmatter: Record<string, unknown> = {
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
  const yaml = stringify(frontmatter, yamlWriteOptions());
  const body = NOTE_SECTIONS.map((title) => {
    const text = contact.sections?.[title]?.trim() || (title === IMPRESSED_BY.section ? `${IMPRESSED_BY.label}:` : undefined);
    return `## ${title}\n\n${text ? text + '\n\n' : ''}`;
  }).join('');
  return `---\n${yaml}---\n\n# ${contact.name}\n\n${body}`.replace(/\n+$/, '\n');
}
