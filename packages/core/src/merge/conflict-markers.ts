/**
 * Git's conflict markers in a note: `<<<<<<< ours`, an optional
 * `||||||| base` (diff3 style), `=======`, `>>>>>>> theirs`, each at the
 * start of a line. Only a `<<<<<<<` line opens a conflict, so a Markdown
 * heading underlined with `=======` is never mistaken for one.
 */

/** One conflict: where its `<<<<<<<` line starts and where its `>>>>>>>` line ends. */
export interface ConflictRegion {
  /** Offset of the `<<<<<<<` line. */
  readonly start: number;
  /** Offset just past the `>>>>>>>` line (the text's end when it is missing). */
  readonly end: number;
  /** 1-based line of `<<<<<<<`. */
  readonly line: number;
  /** 1-based line of `>>>>>>>`, or the last line when it is missing. */
  readonly endLine: number;
}

const OPENING = '<<<<<<<';
const OPENING_LINE = /^<{7}(?:[ \t].*)?\r?$/;
const CLOSING_LINE = /^>{7}(?:[ \t].*)?\r?$/;

/** True when the text may hold a conflict (a cheap test before `findConflicts`). */
export function mayHaveConflict(text: string): boolean {
  return text.includes(OPENING);
}

/** Every conflict in the text, in order. */
export function findConflicts(text: string): ConflictRegion[] {
  if (!mayHaveConflict(text)) return [];
  const conflicts: ConflictRegion[] = [];
  let open: { start: number; line: number } | undefined;
  let line = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    line++;
    const lineBreak = text.indexOf('\n', lineStart);
    const lineEnd = lineBreak < 0 ? text.length : lineBreak;
    const next = lineBreak < 0 ? text.length : lineBreak + 1;
    const content = text.slice(lineStart, lineEnd);
    if (!open && OPENING_LINE.test(content)) open = { start: lineStart, line };
    else if (open && CLOSING_LINE.test(content)) {
      conflicts.push({ start: open.start, end: next, line: open.line, endLine: line });
      open = undefined;
    }
    lineStart = next;
  }
  if (open) conflicts.push({ start: open.start, end: text.length, line: open.line, endLine: line });
  return conflicts;
}
