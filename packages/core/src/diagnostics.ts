import { collate } from './collation.js';

/** How serious a problem in a note is. `error` makes `rapport check` fail. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in a user's file. Problems in content never throw: they
 * come back as diagnostics pointing at the offending place.
 */
export interface Diagnostic {
  /** Path relative to the notes folder, with `/` separators. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  /** Stable rule id, e.g. `unknown-stage`: one of `DIAGNOSTIC_RULES`. */
  readonly rule: DiagnosticRule;
  readonly message: string;
  /** How to fix it, when there is an obvious way. */
  readonly hint?: string;
  /** The repair the hint describes, when it needs no choice: what an editor offers as a quick fix. */
  readonly fix?: DiagnosticFix;
}

/**
 * A repair that needs no choice, as data (so that no frontend reads it out
 * of the hint's words): either text put in place of a range of the file, or
 * frontmatter fields set through a lossless edit (`setField`), which keeps
 * every other character of the note.
 */
export type DiagnosticFix = DiagnosticTextFix | DiagnosticFieldsFix;

/** Text that replaces a range of the file (an empty range inserts it). */
export interface DiagnosticTextFix {
  /** What the fix does, in the imperative: `Close the quote: add " at the end of the line`. */
  readonly title: string;
  /** 1-based, as a diagnostic's own place. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

/** Top-level frontmatter fields to set, each to a string value. */
export interface DiagnosticFieldsFix {
  readonly title: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** The rules a diagnostic can come from, with the severity each one reports. */
export const DIAGNOSTIC_RULES = {
  'yaml-syntax': 'error',
  'unreadable-file': 'error',
  'missing-type': 'warning',
  'missing-field': 'error',
  'unknown-stage': 'error',
  'invalid-date': 'error',
  'invalid-type': 'error',
  'invalid-value': 'error',
  'unresolved-link': 'warning',
  // Named as a referral under another contact's Outcomes, without `referred_by` in the note
  'unrecorded-referral': 'warning',
  // `referred_by` links that lead back to where they started (Ana referred by Ben, Ben by Ana)
  'referral-loop': 'warning',
  'stage-history-mismatch': 'warning',
  // A value cut short by ` #…`, which YAML reads as a comment (`role: Designer #2` reads `Designer`)
  'value-cut-by-comment': 'warning',
  'history-order': 'warning',
  // A note's `timezone` that names no zone: read without it
  'unknown-time-zone': 'warning',
  // A `timezone` named by its abbreviation (BST, EST): a zone, but seldom the place meant
  'abbreviated-time-zone': 'warning',
  // A `- ` line indented deeper than the list item above it, which YAML reads as more of that item's text
  'list-item-continued': 'warning',
  'duplicate-id': 'error',
  // Two notes whose paths differ only in letter case (or Unicode normalization): one file on macOS and Windows
  'case-only-paths': 'warning',
  // A `(by …)` or `due:` date under Outcomes that is not a real YYYY-MM-DD
  'invalid-outcome-date': 'warning',
  // A second Outcomes heading in a note: only the first section is read
  'duplicate-section': 'warning',
  // git's conflict markers left in a note by a merge
  'merge-conflict': 'error',
  'invalid-config': 'error',
  'unknown-config-key': 'warning',
  // A `private:` entry that leaves nothing out of exports: a typo, or `name`
  'ineffective-private-field': 'warning',
  // Letter templates in .rapport/templates/
  'invalid-letter-template': 'error',
  // The question bank in .rapport/questions.md
  'duplicate-question': 'info',
  'empty-question': 'warning',
  'empty-theme': 'warning',
  'ignored-text': 'info',
  'question-outside-theme': 'warning',
  // Files given to `import`: positioned in that file, never in a note
  'import-not-utf8': 'error',
  'import-not-linkedin': 'error',
  'import-not-vcard': 'error',
  'import-malformed-csv': 'error',
  'import-malformed-vcard': 'error',
  // A vCard property that cannot be read: left out, the rest of its card imported
  'import-malformed-property': 'warning',
  'import-short-row': 'warning',
  'import-missing-name': 'warning',
  'import-invalid-date': 'warning',
  'import-invalid-email': 'warning',
  'import-invalid-url': 'warning',
} as const satisfies Record<string, Severity>;

/** The id of a diagnostic's rule: a key of `DIAGNOSTIC_RULES`, so a rule name typed wrong fails to compile. */
export type DiagnosticRule = keyof typeof DIAGNOSTIC_RULES;

/** Orders diagnostics by file, line, column, then rule: for `Array.prototype.sort`, so reports come out the same every run. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return collate(a.file, b.file) || a.line - b.line || a.column - b.column || collate(a.rule, b.rule);
}
