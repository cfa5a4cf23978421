import type { MissingLetterField } from '../errors.js';
import type { Contact } from '../model/contact.js';
import { type Profile } from '../workspace/config.js';
/**
 * What a letter template reads as `it`. Every group (`meeting`, `referrer`,
 * `profile`) is always an object, so `it.referrer.name` is `undefined`
 * rather than an error when there is no referrer.
 */
export interface LetterData {
    /** The contact's full name. */
    readonly name?: string;
    /** The first word of the name (the full name when it starts with a title such as "Dr."). */
    readonly firstName?: string;
    readonly role?: string;
    readonly organization?: string;
    readonly industry?: string;
    readonly location?: string;
    readonly email?: string;
    readonly linkedin?: string;
    /** "Impressed by:" line (under `## Why this person`), addressed to the reader: "your keynote…". */
    readonly impressed?: string;
    /** "Learned:" line (under `## Notes`), addressed to the reader. */
    readonly learned?: string;
    /** "Topic to follow up:" line (under `## Notes`) up to a dash, addressed to the reader. */
    readonly topic?: string;
    /** Where and when the seeker is in the person's area: a value passed when rendering, `visiting:` in the frontmatter, or an "In the area:" line. */
    readonly visiting?: string;
    /** How the seeker found the person, as the start of a sentence, from `source:` (e.g. "I came across your profile on LinkedIn"). */
    readonly foundVia?: string;
    /** Day the last request was sent (the latest `contacted` history entry), e.g. "November 5". */
    readonly sentOn?: string;
    /** The seeker's name, email and phone, one per line, to sign with. */
    readonly signature?: string;
    readonly meeting: {
        /** `YYYY-MM-DD` in the configured time zone. */
        readonly date?: string;
        /** e.g. "Friday, November 20". */
        readonly day?: string;
        /** e.g. "7:15 AM". */
        readonly time?: string;
        /** e.g. "November". */
        readonly month?: string;
        readonly format?: string;
        readonly place?: string;
    };
    /** The contact named by `referred_by`. */
    readonly referrer: {
        readonly name?: string;
        readonly firstName?: string;
        readonly role?: string;
        readonly organization?: string;
    };
    /** The seeker, from `profile:` in `.rapport/config.yaml`. */
    readonly profile: {
        readonly name?: string;
        readonly firstName?: string;
        readonly background?: string;
        readonly field?: string;
        readonly email?: string;
        readonly phone?: string;
        readonly location?: string;
    };
    /** The note's whole frontmatter, unknown fields included. */
    readonly fields: Readonly<Record<string, unknown>>;
    /** The day the letter is written, e.g. "November 23, 2026". */
    readonly today: string;
    /** Values passed when rendering (e.g. `article`) sit at the top level too. */
    readonly [value: string]: unknown;
}
export interface LetterDataInput {
    readonly contact: Contact;
    /** The note's text, for the facts in its body. */
    readonly noteText: string;
    readonly profile: Profile;
    /** The contact named by `referred_by`, when it has a note. */
    readonly referrer?: Contact | undefined;
    /** IANA zone for the meeting's day. */
    readonly timezone: string;
    /** `YYYY-MM-DD`. */
    readonly today: string;
    /** Values that fill or override fields by path, e.g. `{ article: '…', 'profile.phone': '…' }`. */
    readonly values?: Readonly<Record<string, string>>;
}
export interface LetterDataResult {
    readonly data: LetterData;
    /** Where a missing field is filled, for error messages and editors. */
    whereToFill(field: string): MissingLetterField;
}
/** The field whose absence explains a missing one (`firstName` → `name`). */
export declare function baseField(field: string): string;
/** Builds the data a letter template reads, from a contact's note and the seeker's profile. */
export declare function letterData(input: LetterDataInput): LetterDataResult;
