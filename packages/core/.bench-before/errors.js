/**
 * Errors thrown by Rapport. Problems inside a user's notes are never thrown
 * (they are diagnostics); these are for calls that cannot be carried out.
 */
export class RapportError extends Error {
    name = 'RapportError';
}
/** A note changed on disk after it was read; writing would lose that change. */
export class NoteConflictError extends RapportError {
    file;
    name = 'NoteConflictError';
    constructor(file) {
        super(`${file} changed on disk since it was read; reload it and try again`);
        this.file = file;
    }
}
/** No note or file at the given path or id. */
export class NoteNotFoundError extends RapportError {
    reference;
    name = 'NoteNotFoundError';
    constructor(reference) {
        super(`no contact note found for "${reference}"`);
        this.reference = reference;
    }
}
/** A file that should be created already exists. */
export class NoteExistsError extends RapportError {
    file;
    name = 'NoteExistsError';
    constructor(file) {
        super(`${file} already exists`);
        this.file = file;
    }
}
/** An argument from the caller is not acceptable (unknown stage, bad date, path outside the folder…). */
export class InvalidInputError extends RapportError {
    name = 'InvalidInputError';
}
/** A note cannot be edited because its frontmatter does not parse. */
export class UneditableNoteError extends RapportError {
    reason;
    file;
    name = 'UneditableNoteError';
    constructor(reason, file) {
        super(`${file ?? 'the note'} cannot be edited: ${reason}`);
        this.reason = reason;
        this.file = file;
    }
}
/** A note's bytes are not valid UTF-8; it is left untouched. */
export class InvalidEncodingError extends RapportError {
    file;
    line;
    column;
    name = 'InvalidEncodingError';
    constructor(file, line, column) {
        super(`${file}:${line}:${column}: the file is not valid UTF-8 text`);
        this.file = file;
        this.line = line;
        this.column = column;
    }
}
/**
 * A letter template cannot be read, compiled or run. `line` and `column`
 * are 1-based positions in the template file (front part included).
 */
export class LetterTemplateError extends RapportError {
    template;
    line;
    column;
    reason;
    file;
    sourceLine;
    name = 'LetterTemplateError';
    constructor(template, line, column, reason, 
    /** The template's file, for user templates (`.rapport/templates/NAME.eta`). */
    file, 
    /** The offending line of the template, shown with a caret under the column. */
    sourceLine) {
        const caret = sourceLine === undefined ? '' : `\n\n  ${sourceLine}\n  ${' '.repeat(Math.max(0, column - 1))}^`;
        super(`letter template "${template}" (${file ?? 'shipped'}:${line}:${column}): ${reason}${caret}`);
        this.template = template;
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.file = file;
        this.sourceLine = sourceLine;
    }
}
/** A letter cannot be written without data that is missing; lists every missing field. */
export class MissingLetterFieldsError extends RapportError {
    template;
    contact;
    missing;
    name = 'MissingLetterFieldsError';
    constructor(template, 
    /** The contact's name. */
    contact, missing) {
        const count = missing.length === 1 ? '1 field is' : `${missing.length} fields are`;
        const lines = missing.map((field) => `  - ${field.field}: ${field.hint}${field.file ? ` (${field.file})` : ''}`);
        super(`cannot write the "${template}" letter to ${contact}: ${count} missing\n${lines.join('\n')}`);
        this.template = template;
        this.contact = contact;
        this.missing = missing;
    }
}
/** No letter template by that name (or only a user one, while user templates are off). */
export class LetterNotFoundError extends RapportError {
    template;
    available;
    name = 'LetterNotFoundError';
    constructor(template, 
    /** Names that can be rendered. */
    available, reason = 'there is no letter template') {
        super(`${reason} "${template}" (available: ${available.join(', ')})`);
        this.template = template;
        this.available = available;
    }
}
//# sourceMappingURL=errors.js.map