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
    'stage-history-mismatch': 'warning',
    'history-order': 'warning',
    'duplicate-id': 'error',
    // git's conflict markers left in a note by a merge
    'merge-conflict': 'error',
    'invalid-config': 'error',
    'unknown-config-key': 'warning',
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
    'import-short-row': 'warning',
    'import-missing-name': 'warning',
    'import-invalid-date': 'warning',
    'import-invalid-email': 'warning',
    'import-invalid-url': 'warning',
};
export function compareDiagnostics(a, b) {
    return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
//# sourceMappingURL=diagnostics.js.map