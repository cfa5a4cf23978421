/**
 * Where each input of the malformed corpus (malformed-corpus.ts) must be
 * reported, worked out by hand from the input's text: the rule, and the
 * 1-based line and column of both ends (end exclusive, as editors count).
 * Checked in core, in `rapport check --json` (start only: its JSON has no end)
 * and by the extension (diagnostic ranges).
 *
 * Lines count from the opening `---` (line 1); `head` is lines 2 and 3.
 * Inputs that are not text (a folder, links, bad bytes) are placed at their
 * start or at the first bad byte.
 */
export interface ExpectedDiagnostic {
  readonly rule: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The wording, for YAML mistakes: it says what is wrong and how to fix it, in plain words. */
  readonly message?: string;
}

const at = (rule: string, line: number, column: number, endLine: number, endColumn: number, message?: string): ExpectedDiagnostic => ({
  rule,
  line,
  column,
  endLine,
  endColumn,
  ...(message === undefined ? {} : { message }),
});

export const MALFORMED_EXPECTED: Readonly<Record<string, ExpectedDiagnostic>> = {
  // `tags: [ux, research` on line 5: the `[` (column 7) to the line's end.
  'invalid-yaml-bracket': at('yaml-syntax', 5, 7, 5, 20, 'The list opened with `[` is never closed'),
  // ` minutes: 30` on line 7, one space in.
  'invalid-yaml-indent': at('yaml-syntax', 7, 2, 7, 13, 'This line is indented by 1 space, which lines it up with no field above it'),
  // The tab that starts line 6.
  'invalid-yaml-tab': at('yaml-syntax', 6, 1, 6, 2, 'This line is indented with a tab'),
  // `stage: "held` on line 4: the opening quote, not the closing fence the parser stops at.
  'invalid-yaml-quote': at('yaml-syntax', 4, 8, 4, 13, 'The `"` that starts this value is never closed'),
  'unterminated-frontmatter': at('yaml-syntax', 1, 1, 1, 4, 'The frontmatter opened with `---` is never closed'),
  // Line 6 `b: &b [*a, …`: the first alias, `*a`, at column 8.
  'alias-bomb': at('yaml-syntax', 6, 8, 6, 10, 'The aliases (`*name`) in this frontmatter repeat each other into more values than Rapport reads'),
  // `nested: [[[…` on line 5: the first bracket.
  'deep-nesting': at('yaml-syntax', 5, 9, 5, 10, 'The lists or mappings here are nested too deeply to read'),
  'huge-note': at('unknown-stage', 4, 8, 4, 15),
  // `---\n` then NUL (column 1) and 0xFF (column 2) on line 2.
  'binary-bytes': at('unreadable-file', 2, 2, 2, 2),
  // Line 5 `role: caf` then the lone byte 0xE9 at column 10.
  'invalid-utf8': at('unreadable-file', 5, 10, 5, 10),
  // Saved as UTF-16: refused at the start, whatever the byte-order mark.
  'utf16-without-bom': at('unreadable-file', 1, 1, 1, 1, 'The note cannot be read: it is UTF-16LE text, not UTF-8'),
  'utf16-with-bom': at('unreadable-file', 1, 1, 1, 1, 'The note cannot be read: it is UTF-16BE text, not UTF-8'),
  // `%YAML 1.2` on line 1, before the `---` of line 2.
  'yaml-directive': at('yaml-syntax', 1, 1, 1, 10, "`%YAML 1.2` comes before the frontmatter, which must start on the note's first line"),
  // `role: Designer #2 on the EHR team` on line 5: the whole value YAML cut, from column 7.
  'comment-cutting-value': at('value-cut-by-comment', 5, 7, 5, 34, '`role` reads as "Designer": YAML takes `#2 on the EHR team` for a comment'),
  'toml-fences': at('yaml-syntax', 1, 1, 1, 4, 'TOML frontmatter (between +++ lines) is not supported'),
  // The second `stage` key, line 5.
  'duplicate-keys': at('yaml-syntax', 5, 1, 5, 6, '`stage` appears twice (lines 4 and 5): keep one'),
  'duplicate-keys-apart': at('yaml-syntax', 7, 1, 7, 5, '`role` appears twice (lines 4 and 7): keep one'),
  // `role: Manager: Data Platform` on line 5: the whole value.
  'colon-in-value': at('yaml-syntax', 5, 7, 5, 29, 'The value of `role` contains `: `, which YAML reads as the start of another field'),
  // `industry Telehealth`, line 4 (the parser complains about line 5).
  'missing-colon': at('yaml-syntax', 4, 1, 4, 20, '`industry Telehealth` has no `:` after the field name'),
  // `name: "Broken Note` on line 3, followed by two more lines the quote swallows.
  'unclosed-quote-early': at('yaml-syntax', 3, 7, 3, 19, 'The `"` that starts this value is never closed'),
  'unclosed-brace': at('yaml-syntax', 4, 11, 4, 26, 'The mapping opened with `{` is never closed'),
  'value-starts-with-at': at('yaml-syntax', 5, 7, 5, 12, 'A value cannot start with `@`'),
  // `  - date: 2026-02-30` on line 6: the date.
  'impossible-date': at('invalid-date', 6, 11, 6, 21),
  'month-13': at('invalid-date', 6, 11, 6, 21),
  'date-words': at('invalid-date', 6, 11, 6, 23),
  'meeting-bad-time': at('invalid-date', 6, 7, 6, 23),
  'next-bad-due': at('invalid-date', 7, 8, 7, 18),
  'huge-number': at('invalid-type', 5, 14, 5, 19),
  'huge-minutes': at('invalid-type', 7, 12, 7, 32),
  'negative-touch': at('invalid-type', 5, 14, 5, 16),
  // Nothing to point at: the opening fence.
  'missing-name': at('missing-field', 1, 1, 1, 4),
  'missing-stage': at('missing-field', 1, 1, 1, 4),
  'unknown-stage': at('unknown-stage', 4, 8, 4, 19),
  'stage-number': at('unknown-stage', 4, 8, 4, 9),
  'name-list': at('invalid-type', 3, 7, 3, 13),
  'name-map': at('invalid-type', 3, 7, 3, 17),
  'role-number': at('invalid-type', 5, 7, 5, 9),
  'organization-list': at('invalid-type', 5, 15, 5, 21),
  'industry-bool': at('invalid-type', 5, 11, 5, 15),
  'location-map': at('invalid-type', 5, 11, 5, 20),
  'email-invalid': at('invalid-value', 5, 8, 5, 20),
  'phone-list': at('invalid-type', 5, 8, 5, 14),
  'linkedin-not-url': at('invalid-value', 5, 11, 5, 20),
  'source-unknown': at('invalid-value', 5, 9, 5, 16),
  'referred-by-plain': at('invalid-value', 5, 14, 5, 17),
  'referred-by-unquoted': at('invalid-type', 5, 14, 5, 21),
  'referred-by-missing': at('unresolved-link', 5, 14, 5, 31),
  'tags-string': at('invalid-type', 5, 7, 5, 9),
  'tags-map': at('invalid-type', 5, 7, 5, 13),
  'history-string': at('invalid-type', 5, 10, 5, 19),
  // `  - [2026-11-02, identified]` on line 6: the list that should be a mapping.
  'history-entry-list': at('invalid-type', 6, 5, 6, 29),
  'history-unknown-stage': at('unknown-stage', 7, 12, 7, 15),
  'history-bad-channel': at('invalid-value', 8, 10, 8, 16),
  // The second entry's date, line 8.
  'history-out-of-order': at('history-order', 8, 11, 8, 21),
  'stage-disagrees': at('stage-history-mismatch', 4, 8, 4, 12),
  'meeting-string': at('invalid-type', 5, 10, 5, 23),
  'meeting-format': at('invalid-value', 7, 11, 7, 15),
  'next-string': at('invalid-type', 5, 7, 5, 15),
  // The `next` mapping: from `due` on line 6 to the start of line 7.
  'next-no-action': at('missing-field', 6, 3, 7, 1),
  // `timezone: America/Bogata` on line 5: the value, columns 11-24.
  'timezone-misspelt': at('unknown-time-zone', 5, 11, 5, 25, 'Unknown time zone in `timezone`: "America/Bogata"'),
  // `  - research` on line 7, which YAML reads as more of ` - ux` on line 6: from its dash, columns 3-12.
  'tags-item-continued': at('list-item-continued', 7, 3, 7, 13, 'This line continues the item above as text: it reads "ux - research"'),
  // `   - ux` on line 6, one space right of `  - research` below it: the line to move, though the parser gives up on line 7.
  'tags-first-item-too-far': at('yaml-syntax', 6, 4, 6, 8, 'The first item of `tags` is indented by 3 spaces and the next one by 2 spaces: the items of a list line up'),
  'missing-type': at('missing-type', 1, 1, 1, 4),
  'a-folder': at('unreadable-file', 1, 1, 1, 1),
  'symlink-loop': at('unreadable-file', 1, 1, 1, 1),
  'dangling-symlink': at('unreadable-file', 1, 1, 1, 1),
};
