import type { DiagnosticFix } from '../diagnostics.js';
import { InvalidInputError } from '../errors.js';
import { setField } from './edit.js';

/**
 * A note's text with a diagnostic's repair made: a text fix's range (lines and
 * columns in UTF-16 code units, counted after a byte order mark, as every
 * diagnostic places itself) replaced by its text, or a fields fix's fields set
 * through `setField`, which keeps every other character. The fix must come
 * from this text's diagnostics: throws `InvalidInputError` for a range the
 * text does not have.
 *
 * @example
 * ```ts
 * import { applyFix, readNote } from '@rapport/core';
 *
 * const text = '---\ntype: contact\nname: Ana Lima\nrole: Lead: Data Platform\nstage: held\n---\n';
 * const fix = readNote('ana-lima.md', text).diagnostics[0]?.fix;
 * if (fix) {
 *   console.log(fix.title); // → Put the value in quotes: "Lead: Data Platform"
 *   console.log(applyFix(text, fix).split('\n')[3]); // → role: "Lead: Data Platform"
 * }
 * ```
 */
export function applyFix(text: string, fix: DiagnosticFix): string {
  if ('fields' in fix) return Object.entries(fix.fields).reduce((note, [key, value]) => setField(note, [key], value), text);
  const from = text.startsWith('\uFEFF') ? 1 : 0;
  const start = offsetAt(text, from, fix.line, fix.column);
  const end = offsetAt(text, from, fix.endLine, fix.endColumn);
  if (start === undefined || end === undefined || end < start) {
    throw new InvalidInputError(`"${fix.title}" is not a repair of this text: it has no ${fix.line}:${fix.column}-${fix.endLine}:${fix.endColumn}`);
  }
  return text.slice(0, start) + fix.text + text.slice(end);
}

/** The offset of 1-based `line` and `column` in `text` read from `from`, when the line has that column (its end included). */
function offsetAt(text: string, from: number, line: number, column: number): number | undefined {
  let lineStart = from;
  for (let current = 1; current < line; current++) {
    const lineBreak = text.indexOf('\n', lineStart);
    if (lineBreak < 0) return undefined;
    lineStart = lineBreak + 1;
  }
  const lineBreak = text.indexOf('\n', lineStart);
  const offset = lineStart + column - 1;
  return column >= 1 && offset <= (lineBreak < 0 ? text.length : lineBreak) ? offset : undefined;
}
