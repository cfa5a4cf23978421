import { NOTE_SECTIONS, type Source, type Stage } from '../model/vocabulary.js';
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
/** The text of a new contact note: frontmatter written by `yaml` (always safely quoted) and the standard sections. */
export declare function contactNoteText(contact: NewContact): string;
