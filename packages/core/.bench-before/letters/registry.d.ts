import type { Diagnostic } from '../diagnostics.js';
import type { Stage } from '../model/vocabulary.js';
import type { NoteStore } from '../workspace/store.js';
import { type LetterTemplate } from './template.js';
/** Where a user's own letter templates live, relative to the notes folder. */
export declare const TEMPLATES_FOLDER = ".rapport/templates";
export interface TemplateOptions {
    /**
     * Run templates from `.rapport/templates/`. They are JavaScript, so a
     * folder that is not trusted must set this to `false`: then only the
     * shipped letters are listed and rendered, and user files are not even
     * read. Default `true`.
     */
    readonly allowUserTemplates?: boolean;
}
/** One letter that can be written, for menus and `rapport letter --list`. */
export interface LetterInfo {
    readonly name: string;
    readonly description: string;
    readonly origin: 'shipped' | 'user';
    /** A user template that replaces the shipped one of the same name. */
    readonly overrides: boolean;
    readonly file?: string;
    readonly needs: readonly string[];
    readonly stage?: Stage;
    /** Set when the user template is malformed: rendering it throws `LetterTemplateError`. */
    readonly problem?: Diagnostic;
}
/** The shipped template named `name`, parsed. */
export declare function shippedLetterTemplate(name: string): LetterTemplate | undefined;
/** Names of the shipped letters, in the order of the interview. */
export declare const SHIPPED_LETTERS: readonly string[];
/** Every letter that can be written: the shipped ones, replaced or joined by the user's. */
export declare function listLetters(store: NoteStore, options?: TemplateOptions): Promise<LetterInfo[]>;
/**
 * The template to render for `name`: the user's file when there is one (and
 * user templates are allowed), else the shipped one. Throws
 * `LetterNotFoundError`, or `LetterTemplateError` for a malformed front part.
 */
export declare function loadLetterTemplate(store: NoteStore, name: string, options?: TemplateOptions): Promise<LetterTemplate>;
