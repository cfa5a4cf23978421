/**
 * The raw layout of a note file: byte-order mark, line endings and where the
 * YAML frontmatter sits. Everything here is offsets into the text without
 * its BOM, so positions match what an editor shows.
 */

const BOM = '\uFEFF';

/** The line ending a note uses. */
export type LineEnding = '\n' | '\r\n';

/** Where a note's parts are: its BOM, line ending and frontmatter block, as offsets into its text. Computed by `readLayout` without parsing YAML. */
export interface NoteLayout {
  /** The file had a UTF-8 byte-order mark (kept on write). */
  readonly bom: boolean;
  /** The text without its BOM; every offset below points into it. */
  readonly content: string;
  /** The line ending new lines get: the first one the file uses. */
  readonly eol: LineEnding;
  readonly frontmatter: FrontmatterBlock | undefined;
  /** Set when the file opens with `---` but the frontmatter is never closed. */
  readonly unterminated: boolean;
  /** Offset where the Markdown body starts. */
  readonly bodyStart: number;
}

/** The YAML between a note's `---` fences, with its offsets in the note's content. */
export interface FrontmatterBlock {
  /** Offset of the first character of the YAML text (the line after `---`). */
  readonly start: number;
  /** Offset just after the YAML text (the start of the closing fence line). */
  readonly end: number;
  /** The YAML text, including its last line ending. */
  readonly yaml: string;
}

const FENCE = /^---[ \t]*$/;
// YAML's own end-of-document marker closes a frontmatter too (Pandoc and Jekyll write it), unless fields follow it (`fieldsFollow`).
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/** Finds BOM, line endings and frontmatter fences without parsing anything. */
export function readLayout(text: string): NoteLayout {
  const bom = text.startsWith(BOM);
  const content = bom ? text.slice(1) : text;
  const firstBreak = content.indexOf('\n');
  const eol: LineEnding = content[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  const none = { bom, content, eol, frontmatter: undefined, unterminated: false, bodyStart: 0 };
  if (firstBreak < 0 || !FENCE.test(stripCr(content.slice(0, firstBreak)))) return none;

  const start = firstBreak + 1;
  let lineStart = start;
  while (lineStart <= content.length) {
    const lineEnd = content.indexOf('\n', lineStart);
    const line = stripCr(content.slice(lineStart, lineEnd < 0 ? content.length : lineEnd));
    if (CLOSING_FENCE.test(line) && !(line.startsWith('.') && lineEnd >= 0 && fieldsFollow(content, lineEnd + 1))) {
      return {
        ...none,
        frontmatter: { start, end: lineStart, yaml: content.slice(start, lineStart) },
        bodyStart: lineEnd < 0 ? content.length : lineEnd + 1,
      };
    }
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  return { ...none, unterminated: true };
}

// What may follow a stray `...` inside a frontmatter: a top-level field, or an indented, list, comment or blank line.
const FIELD_LINE = /^[A-Za-z_][\w -]*:(?:[ \t]|$)/;
const YAML_LINE = /^(?:[ \t]|-(?:[ \t]|$)|#|$)/;

/**
 * True when the lines from `from` are YAML fields up to a `---` line: the
 * `...` before them is then a stray end-of-document marker inside the
 * frontmatter, not its end. Most Markdown tools read on to the `---`, and
 * taking the `...` as the end would drop those fields without a word; the
 * YAML reader reports the `...` instead.
 */
function fieldsFollow(content: string, from: number): boolean {
  let fields = false;
  let lineStart = from;
  while (lineStart < content.length) {
    const lineEnd = content.indexOf('\n', lineStart);
    const line = stripCr(content.slice(lineStart, lineEnd < 0 ? content.length : lineEnd));
    if (FENCE.test(line)) return fields;
    if (FIELD_LINE.test(line)) fields = true;
    else if (!YAML_LINE.test(line)) return false;
    if (lineEnd < 0) return false;
    lineStart = lineEnd + 1;
  }
  return false;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Puts the BOM back in front of edited content when the file had one. */
export function withBom(layout: Pick<NoteLayout, 'bom'>, content: string): string {
  return layout.bom ? BOM + content : content;
}

/** 1-based line and column of an offset, computed from a table of line starts. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Converts offsets in a text to 1-based line and column positions (binary search over the line starts), for diagnostics. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 1-based line and column of `offset`; offsets outside the text are clamped to it. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low]! + 1 };
  }

  /** Offset of the start of the line holding `offset`. */
  lineStart(offset: number): number {
    return this.starts[this.position(offset).line - 1]!;
  }
}

/** Offset just past the line break that ends the line holding `offset` (or the text's end). */
export function endOfLine(text: string, offset: number): number {
  const lineBreak = text.indexOf('\n', offset);
  return lineBreak < 0 ? text.length : lineBreak + 1;
}

/** Offset of the first character of the line holding `offset`. */
export function startOfLine(text: string, offset: number): number {
  // `lastIndexOf` reads a negative start as 0, which would take a line break at offset 0 as the one before it.
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}
