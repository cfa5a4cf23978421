import { type MissingLetterField } from '../errors.js';
import type { Contact } from '../model/contact.js';
import { type Channel, type Stage } from '../model/vocabulary.js';
import { type Workspace } from '../workspace/workspace.js';
import { type TemplateOptions } from './registry.js';
export interface RenderLetterOptions extends TemplateOptions {
    /**
     * Leave a visible `[[fill: field]]` marker for each missing field instead
     * of throwing `MissingLetterFieldsError`, for editing in place. Default `false`.
     */
    readonly draft?: boolean;
    /** Values that fill or override fields by path, e.g. `{ article: 'https://…', visiting: 'Philadelphia, Dec 14–16' }`. Default none. */
    readonly values?: Readonly<Record<string, string>>;
    /** The day the letter is written, `YYYY-MM-DD`. Default: today in the configured time zone. */
    readonly today?: string;
}
/** A letter ready to send. Rendering records nothing: see `markLetterSent`. */
export interface Letter {
    readonly template: string;
    readonly origin: 'shipped' | 'user';
    /** Id of the contact it is written to. */
    readonly contact: string;
    readonly subject: string;
    readonly body: string;
    /** `Subject: …`, a blank line, then the body. */
    readonly text: string;
    /** Draft mode only: the fields left as `[[fill: …]]` markers and where to fill them. */
    readonly missing: readonly MissingLetterField[];
    /** The stage sending it records, when the template says. */
    readonly stage?: Stage;
    /** The channel it would go through: the template's, else email when the contact has one, else LinkedIn. */
    readonly via: Channel;
}
/**
 * Writes letter `templateName` to a contact (id or path), filled from the
 * note and the profile. Throws `MissingLetterFieldsError` listing every
 * missing field (unless `draft`), `LetterTemplateError` for a broken
 * template, `LetterNotFoundError` and `NoteNotFoundError`.
 */
export declare function renderLetter(workspace: Workspace, templateName: string, contactRef: string, options?: RenderLetterOptions): Promise<Letter>;
/** Email when the contact has an address, else LinkedIn when they have a profile, else a letter. */
export declare function preferredChannel(contact: Contact): Channel;
export interface MarkSentOptions extends TemplateOptions {
    /** Day it was sent, `YYYY-MM-DD`. */
    readonly date: string;
    /** Channel used. Default: the template's, else from the contact (see `preferredChannel`). */
    readonly via?: Channel;
    /** Stage to record. Default: the template's `stage` (contacted, followed-up, thanked, nurturing…), which needs the template to exist. */
    readonly stage?: Stage;
    /** A short remark for the history entry. */
    readonly note?: string;
}
export interface LetterSent {
    readonly contact: string;
    readonly file: string;
    /** Stage before and after. */
    readonly from: Stage;
    readonly stage: Stage;
    readonly date: string;
    readonly via: Channel;
}
/**
 * Records that letter `templateName` was sent: `advance`s the contact to the
 * template's stage with a history entry carrying `via` and `letter`. The
 * note is edited losslessly and atomically.
 */
export declare function markLetterSent(workspace: Workspace, contactRef: string, templateName: string, options: MarkSentOptions): Promise<LetterSent>;
