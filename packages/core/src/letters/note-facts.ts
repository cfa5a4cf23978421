import { FENCE_OPEN, findSection, scanSections } from '../note/body.js';
import { readLayout } from '../note/source.js';

/**
 * Facts a letter quotes from the body of a note, each written as a labelled
 * line under a section, e.g. `Impressed by: your keynote …` under
 * `## Why this person`. The label may be bold or start a list item.
 */
export const NOTE_FACTS = {
  /** What impressed the seeker: something the person wrote, said or did. */
  impressed: { label: 'Impressed by', section: 'Why this person' },
  /** Something specific learned in the meeting, for the thank-you. */
  learned: { label: 'Learned', section: 'Notes' },
  /** A topic discussed, for keep-in-touch notes. Text after a dash (—) is a private reminder. */
  topic: { label: 'Topic to follow up', section: 'Notes' },
  /** Where and when the seeker is in the person's area, for the cold letter. */
  visiting: { label: 'In the area', section: 'Why this person' },
  /** The event where the seeker saw the person (`source: event`), as it follows "I saw you at". */
  seenAt: { label: 'Seen at', section: 'Why this person' },
} as const satisfies Record<string, { readonly label: string; readonly section: string }>;

/** The name of a fact a letter quotes from a note's body, a key of `NOTE_FACTS`. */
export type NoteFact = keyof typeof NOTE_FACTS;

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
/**
 * A line that starts a fact of its own: `Label:` at the start of the line,
 * indented or not, a capitalised label of at most five words, bold or not.
 * "Topic to follow up: …" after "Learned: …" is a new fact, never its end,
 * and so is a private remark under a list item ("  Me: send her my draft").
 */
const LABELLED = /^(?:\*\*|__|\*|_)?\p{Lu}[\p{L}\p{N}'’/&-]*(?:[ \t]+[\p{L}\p{N}'’/&-]+){0,4}(?:\*\*|__|\*|_)?[ \t]*:(?:\*\*|__|\*|_)?(?:\s|$)/u;

/**
 * The text after `label:` on the first line that starts with it, in the
 * named section or, failing that, anywhere in the body. Continuation lines
 * (up to a blank line, a heading, the next list item or the next line that
 * starts with a `Label:` of its own) are joined, and a
 * final full stop is dropped so the text can sit inside a sentence.
 */
export function labelledLine(text: string, label: string, section: string, nameOf?: (id: string) => string | undefined): string | undefined {
  const layout = readLayout(text);
  const sections = scanSections(layout.content, layout.bodyStart);
  const ranges: { start: number; end: number }[] = [];
  const preferred = findSection(sections, section);
  if (preferred) ranges.push(preferred);
  ranges.push({ start: layout.bodyStart, end: layout.content.length });
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const emphasis = '(?:\\*\\*|__|\\*|_)?';
  const pattern = new RegExp(`^${emphasis}${escaped}${emphasis}\\s*:${emphasis}(.*)$`, 'i');
  for (const range of ranges) {
    const found = findIn(layout.content.slice(range.start, range.end), pattern, nameOf);
    if (found !== undefined) return found;
  }
  return undefined;
}

function findIn(part: string, pattern: RegExp, nameOf: ((id: string) => string | undefined) | undefined): string | undefined {
  const lines = part.split('\n').map((line) => line.replace(/\r$/, ''));
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE_OPEN.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = pattern.exec(line.replace(LIST_ITEM, '').trimStart());
    if (!match) continue;
    const parts = [match[1]!];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.trim() === '' || HEADING.test(next) || LIST_ITEM.test(next) || FENCE_OPEN.test(next) || LABELLED.test(next.trimStart()) || PRIVATE_LINE.test(next)) break;
      parts.push(next);
    }
    // Whitespace inside is collapsed first, so a line that ends in a Markdown line break ("on.  ") still loses its full stop.
    const value = asRead(parts.join(' '), nameOf).replace(/\s+/g, ' ').trim().replace(/(?<!\.)\.$/, '').trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** A line the seeker marked as their own: "private: he is leaving in March", however it is capitalised. */
const PRIVATE_LINE = /^\s*(?:[-*+]\s+)?private\s*:/i;

/**
 * A remark in parentheses that says it is private, "(private: do not mention)"
 * or "(private)", with the space before it, so that no space is left before
 * the punctuation that follows.
 */
const PRIVATE_REMARK = /[ \t]*\(\s*private\b[^)]*(?:\)|$)/gi;

/**
 * Markdown text as the note shows it when read, for a letter to a person:
 * the seeker's private remarks (HTML comments, and remarks in parentheses
 * that start with "private") and struck-out text are left out, a wikilink
 * becomes the name of the contact it links to (`nameOf`, else its own text),
 * a link its text, and emphasis and code marks go. The words themselves are
 * kept as written.
 */
export function asRead(markdown: string, nameOf?: (id: string) => string | undefined): string {
  return markdown
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(PRIVATE_REMARK, '')
    .replace(/~~(?=\S)[\s\S]*?~~/g, ' ')
    .replace(/!?\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/g, (_, id: string, alias: string | undefined) => alias?.trim() || nameOf?.(id.trim()) || id.trim())
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1');
}

/**
 * One fact of a note, as a letter uses it: read as the note shows it
 * (`asRead`), wikilinks named by `nameOf`.
 */
export function noteFact(text: string, fact: NoteFact, nameOf?: (id: string) => string | undefined): string | undefined {
  const { label, section } = NOTE_FACTS[fact];
  const value = labelledLine(text, label, section, nameOf);
  if (value === undefined || fact !== 'topic') return value;
  // "Topic to follow up: consent forms — she is rewriting them": the part after the dash is the seeker's own reminder.
  // `value` is trimmed, with single spaces; a line that starts with the dash holds only the reminder.
  // An em dash, two hyphens or an en dash.
  const topic = value.split(/(?:^| )(?:\u2014|--|\u2013)(?: |$)/)[0]!;
  return topic === '' ? undefined : topic;
}
