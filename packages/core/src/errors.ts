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
  constructor(readonly reference: string) {
    super(`no contact note found for "${reference}"`);
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

/** A note's bytes are not valid UTF-8; it is left untouched. */
export class InvalidEncodingError extends RapportError {
  override name = 'InvalidEncodingError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${file}:${line}:${column}: the file is not valid UTF-8 text`);
  }
}
