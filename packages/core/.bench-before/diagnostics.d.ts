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
    /** Stable rule id, e.g. `unknown-stage`. */
    readonly rule: string;
    readonly message: string;
    /** How to fix it, when there is an obvious way. */
    readonly hint?: string;
}
/** The rules a diagnostic can come from, with the severity each one reports. */
export declare const DIAGNOSTIC_RULES: {
    readonly 'yaml-syntax': "error";
    readonly 'unreadable-file': "error";
    readonly 'missing-type': "warning";
    readonly 'missing-field': "error";
    readonly 'unknown-stage': "error";
    readonly 'invalid-date': "error";
    readonly 'invalid-type': "error";
    readonly 'invalid-value': "error";
    readonly 'unresolved-link': "warning";
    readonly 'stage-history-mismatch': "warning";
    readonly 'history-order': "warning";
    readonly 'duplicate-id': "error";
    readonly 'merge-conflict': "error";
    readonly 'invalid-config': "error";
    readonly 'unknown-config-key': "warning";
    readonly 'invalid-letter-template': "error";
    readonly 'duplicate-question': "info";
    readonly 'empty-question': "warning";
    readonly 'empty-theme': "warning";
    readonly 'ignored-text': "info";
    readonly 'question-outside-theme': "warning";
    readonly 'import-not-utf8': "error";
    readonly 'import-not-linkedin': "error";
    readonly 'import-not-vcard': "error";
    readonly 'import-malformed-csv': "error";
    readonly 'import-malformed-vcard': "error";
    readonly 'import-short-row': "warning";
    readonly 'import-missing-name': "warning";
    readonly 'import-invalid-date': "warning";
    readonly 'import-invalid-email': "warning";
    readonly 'import-invalid-url': "warning";
};
export type DiagnosticRule = keyof typeof DIAGNOSTIC_RULES;
export declare function compareDiagnostics(a: Diagnostic, b: Diagnostic): number;
