import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Source } from '../model/vocabulary.js';

/** One person found in an import file, before it is matched against the notes. */
export interface ImportCandidate {
  /** 1-based line of the input file where this person's row or card starts. */
  readonly line: number;
  readonly name: string;
  /** Degrees and certifications written after the name ("MBA, CSCP"), kept out of `name`. */
  readonly credentials?: string;
  readonly organization?: string;
  readonly role?: string;
  /** Every address found, preferred first; the first one fills `email`. */
  readonly emails: readonly string[];
  readonly phone?: string;
  /** Profile URL as written in the file. */
  readonly linkedin?: string;
  readonly location?: string;
  /** What the address book says about the person (a vCard's NOTE), as Markdown lines for a new note's `## Notes`. */
  readonly note?: string;
  readonly source?: Source;
  /** Day the person entered the user's network (LinkedIn's "Connected On"), `YYYY-MM-DD`. */
  readonly since?: string;
  /** A vCard's `CATEGORIES`, for a new note's `tags` (a note that exists keeps its own). */
  readonly tags?: readonly string[];
}

/** What reading one import file gives: the people in it and the problems found. */
export interface ImportReading {
  /** The input file, as named to the reader (it is only used in messages). */
  readonly file: string;
  readonly format: ImportFormat;
  readonly candidates: readonly ImportCandidate[];
  /**
   * Problems in the file, each with its line. A row or card that cannot
   * become a contact is reported here (severity `warning`) and left out of
   * `candidates`; a file that cannot be read at all gives an `error`.
   */
  readonly diagnostics: readonly Diagnostic[];
}

/** A file format `importContacts` reads: a LinkedIn `Connections.csv` export, or vCard. */
export type ImportFormat = 'linkedin' | 'vcard';

/** Rule ids of import diagnostics. */
export type ImportRule =
  | 'import-not-linkedin'
  | 'import-malformed-csv'
  | 'import-short-row'
  | 'import-missing-name'
  | 'import-invalid-date'
  | 'import-invalid-email'
  | 'import-invalid-url'
  | 'import-malformed-vcard'
  | 'import-malformed-property'
  | 'import-not-vcard';

/** A diagnostic pointing at a whole line of an import file. */
export function inputProblem(file: string, line: number, severity: Severity, rule: ImportRule, message: string, hint?: string): Diagnostic {
  return { file, line, column: 1, endLine: line, endColumn: 1, severity, rule, message, ...(hint === undefined ? {} : { hint }) };
}

// The note reader's own checks, so an imported value never makes the note invalid.
export { isEmailAddress, isProfileUrl } from '../note/read-contact.js';

// Controls left after whitespace is collapsed (escape, bell, backspace…) and bidirectional
// overrides: nothing a person's details need, and a terminal would act on them.
const CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Text cleaned for a frontmatter value: trimmed, inner whitespace (including line breaks) collapsed, control characters removed. */
export function cleanText(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').replace(CONTROLS, '').trim();
  return text ? text : undefined;
}

/**
 * A free-text note cleaned to sit in a note's body: its own lines kept
 * (trimmed, runs of blank lines made one), control characters removed, and a
 * line that Markdown would read as a heading escaped (`\#`), so that it can
 * never open a section of its own, such as a second `## Outcomes`.
 */
export function cleanNote(value: string | undefined): string | undefined {
  const lines = (value ?? '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').replace(CONTROLS, '').trim().replace(/^#/, '\\#'));
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return text ? text : undefined;
}
