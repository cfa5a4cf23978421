import { scanSections } from './body.js';
import { readLayout } from './source.js';
import { findWikilinks, type Wikilink } from './wikilinks.js';

/** A `[[id]]` in a note, frontmatter or body, with where its id sits (offsets into the text without BOM). */
export interface NoteLink extends Wikilink {
  /** Offset of the id inside the brackets (after any spaces). */
  readonly targetOffset: number;
  readonly inFrontmatter: boolean;
}

/** One replacement in a note's text (offsets into the text without BOM). */
export interface TextReplacement {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/**
 * Every wikilink of a note, in text order: those in the frontmatter (such as
 * `referred_by: "[[maya-chen]]"`) and those in the body outside code.
 */
export function noteLinks(text: string): NoteLink[] {
  const layout = readLayout(text);
  const { content } = layout;
  const withTarget = (link: Wikilink, inFrontmatter: boolean): NoteLink => {
    const inside = content.slice(link.offset + 2, link.offset + link.length);
    return { ...link, targetOffset: link.offset + 2 + (inside.length - inside.trimStart().length), inFrontmatter };
  };
  const frontmatter = layout.frontmatter ? findWikilinks(layout.frontmatter.yaml, layout.frontmatter.start).map((link) => withTarget(link, true)) : [];
  const body = scanSections(content, layout.bodyStart).flatMap((section) => section.wikilinks.map((link) => withTarget(link, false)));
  return [...frontmatter, ...body];
}

/** The wikilink whose brackets contain `offset`, if any. */
export function noteLinkAt(text: string, offset: number): NoteLink | undefined {
  return noteLinks(text).find((link) => offset >= link.offset && offset <= link.offset + link.length);
}

/** The wikilinks of a note that point at `id`. */
export function linksTo(text: string, id: string): NoteLink[] {
  return noteLinks(text).filter((link) => link.target === id);
}

/** The replacements that make every link to `from` point at `to`, keeping headings and aliases (`[[from#h|alias]]`). */
export function renameLinks(text: string, from: string, to: string): TextReplacement[] {
  return linksTo(text, from).map((link) => ({ offset: link.targetOffset, length: link.target.length, text: to }));
}

/** Why `id` cannot name a note (and be linked as `[[id]]`), or `undefined` when it can. */
export function noteIdProblem(id: string): string | undefined {
  if (id.trim() === '') return 'An id cannot be empty';
  if (id !== id.trim()) return 'An id cannot start or end with a space';
  if (/[[\]|#/\\\r\n]/.test(id)) return 'An id cannot contain [ ] | # / or \\';
  if (id.toLowerCase().endsWith('.md')) return 'Give the id without .md';
  return undefined;
}
