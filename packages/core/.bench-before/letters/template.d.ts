import { type Channel, type Stage } from '../model/vocabulary.js';
/**
 * A letter template: an optional YAML front part between `---` lines, then
 * Eta text whose first line is `Subject: …`.
 *
 * ```
 * ---
 * description: One polite nudge when there is no reply
 * needs: [firstName, sentOn, profile.name]
 * stage: followed-up
 * ---
 * Subject: Following up on my note of <%= it.sentOn %>
 * ```
 */
export interface LetterTemplate {
    readonly name: string;
    /** `shipped` with Rapport, or `user` from `.rapport/templates/NAME.eta`. */
    readonly origin: 'shipped' | 'user';
    /** The template's file, for user templates. */
    readonly file?: string;
    /** One line for lists of letters. Default: empty. */
    readonly description: string;
    /** Fields the letter cannot do without, as paths read from `it` (`organization`, `profile.name`). Default none. */
    readonly needs: readonly string[];
    /** The stage sending this letter moves the contact to. Default: none (say it when marking the letter sent). */
    readonly stage?: Stage;
    /** The channel it is usually sent through. Default: from the contact (email, else LinkedIn). */
    readonly via?: Channel;
    /** The Eta text after the front part, with `\n` line endings. */
    readonly body: string;
    /** Line of the template file where `body` starts (1-based), for positions in errors. */
    readonly bodyLine: number;
    /** The whole template file, for showing the line of an error. */
    readonly source: string;
}
/** A field path as templates write it after `it.`: `organization`, `profile.name`. */
export declare const FIELD_PATH: RegExp;
/** Reads a template file's front part and body; a malformed front part throws `LetterTemplateError`. */
export declare function parseLetterTemplate(name: string, text: string, origin?: 'shipped' | 'user', file?: string): LetterTemplate;
