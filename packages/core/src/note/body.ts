import { findWikilinks, type Wikilink } from './wikilinks.js';
import { readLayout } from './source.js';

/** One heading-delimited part of a note's Markdown body. */
export interface BodySection {
  /** Heading text; empty for the part before the first heading. */
  readonly title: string;
  /** Heading level 1–6; 0 for the part before the first heading. */
  readonly depth: number;
  /** Offset of the heading line in the note text (without BOM). */
  readonly start: number;
  /** Offset just after the section's last line. */
  readonly end: number;
  /** Wikilinks in the section's text, outside code. */
  readonly wikilinks: readonly Wikilink[];
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** A line that opens a code fence: a backtick fence has no backtick after it on its line (CommonMark), so "```#`" is text. */
export const FENCE_OPEN = /^ {0,3}(`{3,}(?!.*`)|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

const SPACE = 0x20;
const HASH = 0x23;
const BACKTICK = 0x60;
const TILDE = 0x7e;

/**
 * Splits a Markdown body into sections by ATX headings, skipping fenced code,
 * with the wikilinks of each. A line scanner rather than a full Markdown
 * parse: indexing thousands of notes needs only headings and links, and
 * `parseNote` gives the full tree when a caller needs it. Only lines that
 * can matter — a `#`, a fence character or a `[[` — are cut out of the text:
 * most lines of a note are prose, and indexing runs this over every note.
 */
export function scanSections(content: string, bodyStart: number): BodySection[] {
  const sections: BodySection[] = [];
  let title = '';
  let depth = 0;
  let start = bodyStart;
  let links: Wikilink[] = [];
  const close = (end: number) => {
    // A heading's section always has its heading line; the text before the first heading may be empty.
    if (end > start) sections.push({ title, depth, start, end, wikilinks: links });
  };
  let fence: { code: number; size: number } | undefined;
  let nextLink = content.indexOf('[[', bodyStart);
  const lineText = (from: number, to: number) => (content.charCodeAt(to - 1) === 0x0d ? content.slice(from, to - 1) : content.slice(from, to));
  for (let lineStart = bodyStart; lineStart < content.length; ) {
    const newline = content.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? content.length : newline;
    // Headings and fences start after at most three spaces.
    let first = lineStart;
    while (first < lineEnd && first - lineStart < 3 && content.charCodeAt(first) === SPACE) first++;
    // At the line end this is the line break (or NaN past the text): no heading or fence.
    const code = content.charCodeAt(first);
    let inCode = false;
    let heading: RegExpExecArray | null = null;
    if (fence) {
      inCode = true;
      const closing = code === fence.code ? FENCE_CLOSE.exec(lineText(lineStart, lineEnd)) : null;
      if (closing && closing[1]!.length >= fence.size) fence = undefined;
    } else if (code === BACKTICK || code === TILDE) {
      const opening = FENCE_OPEN.exec(lineText(lineStart, lineEnd));
      if (opening) {
        fence = { code, size: opening[1]!.length };
        inCode = true;
      }
    } else if (code === HASH) heading = HEADING.exec(lineText(lineStart, lineEnd));
    if (heading) {
      close(lineStart);
      title = (heading[2] ?? '').trim();
      depth = heading[1]!.length;
      start = lineStart;
      links = [];
    } else if (!inCode && nextLink >= 0 && nextLink < lineEnd) {
      links.push(...findWikilinks(blankInlineCode(lineText(lineStart, lineEnd)), lineStart));
    }
    while (nextLink >= 0 && nextLink < lineEnd) nextLink = content.indexOf('[[', lineEnd);
    lineStart = lineEnd + 1;
  }
  close(content.length);
  return sections;
}

/** The first section whose heading matches `title` (case-insensitive). */
export function findSection(sections: readonly BodySection[], title: string): BodySection | undefined {
  const wanted = title.trim().toLowerCase();
  return sections.find((section) => section.depth > 0 && section.title.toLowerCase() === wanted);
}

/** Replaces inline code spans by spaces so links inside them are not found (offsets stay put). */
function blankInlineCode(text: string): string {
  return text.includes('`') ? text.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length)) : text;
}

/**
 * The note with its title heading (`# Kwame Mensah`, the first level-1 heading of the body, as a new
 * note is written) renamed to `to`, when it says exactly `from`; otherwise the text as it was, since a
 * title the user wrote otherwise is theirs. Nothing else changes.
 */
export function renamedTitle(text: string, from: string, to: string): string {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const content = text.slice(bom);
  const title = scanSections(content, readLayout(content).bodyStart).find((section) => section.depth === 1);
  if (!title || title.title !== from) return text;
  const lineEnd = content.indexOf('\n', title.start);
  const line = content.slice(title.start, lineEnd === -1 ? content.length : lineEnd);
  const at = line.indexOf(from, line.indexOf('#') + 1);
  const start = bom + title.start + at;
  return text.slice(0, start) + to + text.slice(start + from.length);
}
