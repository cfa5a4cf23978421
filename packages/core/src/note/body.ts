import { findWikilinks, type Wikilink } from './wikilinks.js';

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
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

interface Line {
  readonly start: number;
  readonly text: string;
  readonly inCode: boolean;
}

/** The body's lines from `bodyStart`, each marked when it sits in fenced code. */
function bodyLines(content: string, bodyStart: number): Line[] {
  const lines: Line[] = [];
  let fence: { char: string; size: number } | undefined;
  let start = bodyStart;
  while (start < content.length) {
    const newline = content.indexOf('\n', start);
    const end = newline < 0 ? content.length : newline;
    const text = content.slice(start, end).replace(/\r$/, '');
    if (fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
      lines.push({ start, text, inCode: true });
      if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.size) fence = undefined;
    } else {
      const opening = FENCE_OPEN.exec(text);
      if (opening) fence = { char: opening[1]![0]!, size: opening[1]!.length };
      lines.push({ start, text, inCode: opening !== null });
    }
    start = end + 1;
  }
  return lines;
}

/**
 * Splits a Markdown body into sections by ATX headings, skipping fenced code,
 * with the wikilinks of each. A line scanner rather than a full Markdown
 * parse: indexing thousands of notes needs only headings and links, and
 * `parseNote` gives the full tree when a caller needs it.
 */
export function scanSections(content: string, bodyStart: number): BodySection[] {
  const sections: BodySection[] = [];
  let title = '';
  let depth = 0;
  let start = bodyStart;
  let links: Wikilink[] = [];
  const close = (end: number) => {
    if (depth > 0 || end > start) sections.push({ title, depth, start, end, wikilinks: links });
  };
  for (const line of bodyLines(content, bodyStart)) {
    const heading = line.inCode ? null : HEADING.exec(line.text);
    if (heading) {
      close(line.start);
      title = (heading[2] ?? '').trim();
      depth = heading[1]!.length;
      start = line.start;
      links = [];
    } else if (!line.inCode && line.text.includes('[[')) {
      links.push(...findWikilinks(blankInlineCode(line.text), line.start));
    }
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
