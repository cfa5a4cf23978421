import { suggestionWords } from './model/did-you-mean.js';

/**
 * Errors thrown by Rapport. Problems inside a user's notes are never thrown
 * (they are diagnostics); these are for calls that cannot be carried out.
 */
export class RapportError extends Error {
  override name = 'RapportError';
}

/** A note changed on disk after it was read; writing would lose that change. */
export class NoteConflictError extends RapportError {
  override name = 'NoteConflictError';
  constructor(readonly file: string) {
    super(`${file} changed on disk since it was read; reload it and try again`);
  }
}

/** No note or file at the given path or id. */
export class NoteNotFoundError extends RapportError {
  override name = 'NoteNotFoundError';
  constructor(
    readonly reference: string,
    /** The ids nearest to `reference`, best first, said in the message (`did you mean hannah-schultz?`); empty when none is near. */
    readonly suggestions: readonly string[] = [],
  ) {
    super(`no contact note found for "${reference}"${suggestionWords(suggestions)}`);
  }
}

/** A file that should be created already exists. */
export class NoteExistsError extends RapportError {
  override name = 'NoteExistsError';
  constructor(readonly file: string) {
    super(`${file} already exists`);
  }
}

/** An argument from the caller is not acceptable (unknown stage, bad date, path outside the folder…). */
export class InvalidInputError extends RapportError {
  override name = 'InvalidInputError';
}

/** Where in a note a `RecordingRefusedError` points: the note, the line, the frontmatter field. */
export interface RefusalPlace {
  /** The note, as the store names it; set by `editNote`. */
  readonly file?: string;
  /** 1-based line of `field` in the note; set by `editNote` when the field is written there. */
  readonly line?: number;
  /** The frontmatter field the refusal is about, when it is one: `['stage']`, `['history', 2]`, `['meeting', 'at']`. */
  readonly field?: readonly (string | number)[];
}

/**
 * A change that would put the history out of order (dated before its last
 * entry, a meeting marked held before its day or booked for a day before
 * the booking) or that the note keeps from being recorded in place (a stage
 * that is not one, a history entry without a real date). Callers may record
 * it anyway with `force`. Thrown from an edit run by `editNote`, its message
 * starts with the note and the line (`owen-park.md:4: …`); `reason` is the
 * message without them.
 */
export class RecordingRefusedError extends InvalidInputError {
  override name = 'RecordingRefusedError';
  readonly file?: string;
  readonly line?: number;
  readonly field?: readonly (string | number)[];
  constructor(
    /** Why, without the place. */
    readonly reason: string,
    place: RefusalPlace = {},
  ) {
    super(place.file === undefined ? reason : `${place.file}${place.line === undefined ? '' : `:${place.line}`}: ${reason}`);
    if (place.file !== undefined) this.file = place.file;
    if (place.line !== undefined) this.line = place.line;
    if (place.field !== undefined) this.field = place.field;
  }
}

/**
 * An export refused because `.rapport/config.yaml` cannot be read as written:
 * its `private:` setting cannot be read (fields meant to stay private could
 * leak), or a setting has an error and its default would stand in for it (a
 * misspelled `timezone` would move every meeting by hours). The message is
 * `exportRefusal`'s, which says which; fix the config, then export again.
 */
export class ExportRefusedError extends InvalidInputError {
  override name = 'ExportRefusedError';
}

/** A note cannot be edited because its frontmatter does not parse. */
export class UneditableNoteError extends RapportError {
  override name = 'UneditableNoteError';
  constructor(
    readonly reason: string,
    readonly file?: string,
  ) {
    super(`${file ?? 'the note'} cannot be edited: ${reason}`);
  }
}

/**
 * A note that is not read at all: not a regular file (a named pipe, a
 * device), too large to be a note, or reached through a folder that leads
 * out of the notes folder. Listed notes report it as an `unreadable-file`
 * diagnostic.
 */
export class UnreadableNoteError extends RapportError {
  override name = 'UnreadableNoteError';
  constructor(
    readonly reason: string,
    readonly file: string,
  ) {
    super(`${file} cannot be read: ${reason}`);
  }
}

/** A note its owner made read-only (no write permission): Rapport does not replace it. */
export class ReadOnlyNoteError extends RapportError {
  override name = 'ReadOnlyNoteError';
  constructor(readonly file: string) {
    super(`${file} is read-only: Rapport leaves it as it is (make it writable to edit it, e.g. chmod u+w ${file})`);
  }
}

/**
 * A note's bytes are not valid UTF-8; it is left untouched. `encoding` says
 * what they are instead when that is known: UTF-16, as some Windows editors
 * save, with or without a byte-order mark.
 */
export class InvalidEncodingError extends RapportError {
  override name = 'InvalidEncodingError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly encoding?: 'UTF-16LE' | 'UTF-16BE',
  ) {
    super(`${file}:${line}:${column}: the file is ${encoding ? `${encoding} text, not UTF-8` : 'not valid UTF-8 text'}`);
  }
}

/**
 * A letter template cannot be read, compiled or run. `line` and `column`
 * are 1-based positions in the template file (front part included).
 */
export class LetterTemplateError extends RapportError {
  override name = 'LetterTemplateError';
  constructor(
    readonly template: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    /** The template's file, for user templates (`.rapport/templates/NAME.eta`). */
    readonly file?: string,
    /** The offending line of the template, shown with a caret under the column. */
    readonly sourceLine?: string,
  ) {
    const caret = sourceLine === undefined ? '' : `\n\n  ${sourceLine}\n  ${' '.repeat(Math.max(0, column - 1))}^`;
    super(`letter template "${template}" (${file ?? 'shipped'}:${line}:${column}): ${reason}${caret}`);
  }
}

/** One value a letter needs that neither the note, the profile nor the render options hold. */
export interface MissingLetterField {
  /** The field as templates read it from `it`, e.g. `organization`, `profile.phone`, `referrer.name`. */
  readonly field: string;
  /** Where it is filled: the contact's note, the profile in `.rapport/config.yaml`, or a value passed when rendering. */
  readonly source: 'note' | 'profile' | 'value';
  /** The file to edit (the note or the config); absent for values passed when rendering. */
  readonly file?: string;
  /** The line of `file` to fix first, when the field is missing because of a problem there (an impossible date in `history`). */
  readonly line?: number;
  /** How to fill it, e.g. "set `organization:` in the frontmatter". */
  readonly hint: string;
}

/** A letter cannot be written without data that is missing; lists every missing field. */
export class MissingLetterFieldsError extends RapportError {
  override name = 'MissingLetterFieldsError';
  constructor(
    readonly template: string,
    /** The contact's name. */
    readonly contact: string,
    readonly missing: readonly MissingLetterField[],
  ) {
    const count = missing.length === 1 ? '1 field is' : `${missing.length} fields are`;
    const lines = missing.map((field) => `  - ${field.field}: ${field.hint}${field.file ? ` (${field.file})` : ''}`);
    super(`cannot write the "${template}" letter to ${contact}: ${count} missing\n${lines.join('\n')}`);
  }
}

/** No letter template by that name (or only a user one, while user templates are off). */
export class LetterNotFoundError extends RapportError {
  override name = 'LetterNotFoundError';
  constructor(
    readonly template: string,
    /** Names that can be rendered. */
    readonly available: readonly string[],
    reason = 'there is no letter template',
    /** The folder's template of that name, when there is one that was not allowed to run (`allowUserTemplates`). */
    readonly notAllowedFile?: string,
  ) {
    super(`${reason} "${template}" (available: ${available.join(', ')})`);
  }
}

/** A letter that does not fit the contact's situation: a referral with no referrer, a follow-up to someone who declined. */
export class LetterUnfitError extends RapportError {
  override name = 'LetterUnfitError';
  constructor(
    readonly template: string,
    readonly contact: string,
    /** Why, and what to write instead. */
    readonly reason: string,
  ) {
    super(`no ${template} letter to ${contact}: ${reason}`);
  }
}
