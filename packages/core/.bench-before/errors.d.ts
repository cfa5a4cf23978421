/**
 * Errors thrown by Rapport. Problems inside a user's notes are never thrown
 * (they are diagnostics); these are for calls that cannot be carried out.
 */
export declare class RapportError extends Error {
    name: string;
}
/** A note changed on disk after it was read; writing would lose that change. */
export declare class NoteConflictError extends RapportError {
    readonly file: string;
    name: string;
    constructor(file: string);
}
/** No note or file at the given path or id. */
export declare class NoteNotFoundError extends RapportError {
    readonly reference: string;
    name: string;
    constructor(reference: string);
}
/** A file that should be created already exists. */
export declare class NoteExistsError extends RapportError {
    readonly file: string;
    name: string;
    constructor(file: string);
}
/** An argument from the caller is not acceptable (unknown stage, bad date, path outside the folder…). */
export declare class InvalidInputError extends RapportError {
    name: string;
}
/** A note cannot be edited because its frontmatter does not parse. */
export declare class UneditableNoteError extends RapportError {
    readonly reason: string;
    readonly file?: string | undefined;
    name: string;
    constructor(reason: string, file?: string | undefined);
}
/** A note's bytes are not valid UTF-8; it is left untouched. */
export declare class InvalidEncodingError extends RapportError {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    name: string;
    constructor(file: string, line: number, column: number);
}
/**
 * A letter template cannot be read, compiled or run. `line` and `column`
 * are 1-based positions in the template file (front part included).
 */
export declare class LetterTemplateError extends RapportError {
    readonly template: string;
    readonly line: number;
    readonly column: number;
    readonly reason: string;
    /** The template's file, for user templates (`.rapport/templates/NAME.eta`). */
    readonly file?: string | undefined;
    /** The offending line of the template, shown with a caret under the column. */
    readonly sourceLine?: string | undefined;
    name: string;
    constructor(template: string, line: number, column: number, reason: string, 
    /** The template's file, for user templates (`.rapport/templates/NAME.eta`). */
    file?: string | undefined, 
    /** The offending line of the template, shown with a caret under the column. */
    sourceLine?: string | undefined);
}
/** One value a letter needs that neither the note, the profile nor the render options hold. */
export interface MissingLetterField {
    /** The field as templates read it from `it`, e.g. `organization`, `profile.phone`, `referrer.name`. */
    readonly field: string;
    /** Where it is filled: the contact's note, the profile in `.rapport/config.yaml`, or a value passed when rendering. */
    readonly source: 'note' | 'profile' | 'value';
    /** The file to edit (the note or the config); absent for values passed when rendering. */
    readonly file?: string;
    /** How to fill it, e.g. "add `organization:` to the frontmatter". */
    readonly hint: string;
}
/** A letter cannot be written without data that is missing; lists every missing field. */
export declare class MissingLetterFieldsError extends RapportError {
    readonly template: string;
    /** The contact's name. */
    readonly contact: string;
    readonly missing: readonly MissingLetterField[];
    name: string;
    constructor(template: string, 
    /** The contact's name. */
    contact: string, missing: readonly MissingLetterField[]);
}
/** No letter template by that name (or only a user one, while user templates are off). */
export declare class LetterNotFoundError extends RapportError {
    readonly template: string;
    /** Names that can be rendered. */
    readonly available: readonly string[];
    name: string;
    constructor(template: string, 
    /** Names that can be rendered. */
    available: readonly string[], reason?: string);
}
