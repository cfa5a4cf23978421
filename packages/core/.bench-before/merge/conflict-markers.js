/**
 * Git's conflict markers in a note: `<<<<<<< ours`, an optional
 * `||||||| base` (diff3 style), `=======`, `>>>>>>> theirs`, each at the
 * start of a line. Only a `<<<<<<<` line opens a conflict, so a Markdown
 * heading underlined with `=======` is never mistaken for one.
 */
const OPENING = '<<<<<<<';
const OPENING_LINE = /^<{7}(?:[ \t].*)?\r?$/;
const CLOSING_LINE = /^>{7}(?:[ \t].*)?\r?$/;
/** True when the text may hold a conflict (a cheap test before `findConflicts`). */
export function mayHaveConflict(text) {
    return text.includes(OPENING);
}
/** Every conflict in the text, in order. */
export function findConflicts(text) {
    if (!mayHaveConflict(text))
        return [];
    const conflicts = [];
    let open;
    let line = 0;
    for (let lineStart = 0; lineStart < text.length;) {
        line++;
        const lineBreak = text.indexOf('\n', lineStart);
        const lineEnd = lineBreak < 0 ? text.length : lineBreak;
        const next = lineBreak < 0 ? text.length : lineBreak + 1;
        const content = text.slice(lineStart, lineEnd);
        if (!open && OPENING_LINE.test(content))
            open = { start: lineStart, line };
        else if (open && CLOSING_LINE.test(content)) {
            conflicts.push({ start: open.start, end: next, line: open.line, endLine: line });
            open = undefined;
        }
        lineStart = next;
    }
    if (open)
        conflicts.push({ start: open.start, end: text.length, line: open.line, endLine: line });
    return conflicts;
}
//# sourceMappingURL=conflict-markers.js.map