/** A diagnostic pointing at a whole line of an import file. */
export function inputProblem(file, line, severity, rule, message, hint) {
    return { file, line, column: 1, endLine: line, endColumn: 1, severity, rule, message, ...(hint === undefined ? {} : { hint }) };
}
/** Same check as the note reader's, so an imported address never makes the note invalid. */
export function isEmailAddress(value) {
    return /^[^\s@]+@[^\s@]+$/.test(value);
}
/** Same check as the note reader's `linkedin` field. */
export function isProfileUrl(value) {
    return /^https?:\/\/\S+$/.test(value);
}
// Controls left after whitespace is collapsed (escape, bell, backspace…) and bidirectional
// overrides: nothing a person's details need, and a terminal would act on them.
const CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Text cleaned for a frontmatter value: trimmed, inner whitespace (including line breaks) collapsed, control characters removed. */
export function cleanText(value) {
    const text = value?.replace(/\s+/g, ' ').replace(CONTROLS, '').trim();
    return text ? text : undefined;
}
//# sourceMappingURL=candidate.js.map