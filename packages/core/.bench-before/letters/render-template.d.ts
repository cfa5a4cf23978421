import type { LetterData } from './letter-data.js';
import { type LetterTemplate } from './template.js';
/** What rendering a template gives. */
export interface RenderedLetter {
    readonly subject: string;
    readonly body: string;
    /** `Subject: …`, a blank line, then the body; ends with a newline. */
    readonly text: string;
    /**
     * Fields the letter needed but the data lacks, in the order met (needs
     * first); each is a `[[fill: field]]` marker in the text.
     */
    readonly missing: readonly string[];
}
/** The visible placeholder a draft gets for a missing field. */
export declare function fillMarker(field: string): string;
/** A template compiled once, runnable on any data. */
export interface CompiledLetterTemplate {
    readonly template: LetterTemplate;
    render(data: LetterData): RenderedLetter;
}
/**
 * Compiles a letter template, or throws `LetterTemplateError` with the
 * template's name, line and column (an unclosed tag, a JavaScript syntax
 * error in a tag).
 */
export declare function compileLetterTemplate(template: LetterTemplate): CompiledLetterTemplate;
/** Compiles and renders in one step. */
export declare function renderLetterTemplate(template: LetterTemplate, data: LetterData): RenderedLetter;
