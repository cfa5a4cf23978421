import { findSection, scanSections } from '../note/body.js';
import { appendToSection } from '../note/edit.js';
import { readLayout } from '../note/source.js';
import { questionKey } from './question-set.js';

/** The heading questions go under. */
export const QUESTIONS_SECTION = 'Questions';

const ORDERED_ITEM = /^( {0,3})(\d{1,9})([.)])([ \t]+)(.*)$/;
const BULLET_ITEM = /^( {0,3})([-*+])([ \t]+)(.*)$/;
const WHO_ELSE = /\bwho else\b/i;

interface ListItem {
  /** Offset of the item's first line in the note content. */
  readonly start: number;
  /** Offset of its text, after the list marker. */
  readonly textStart: number;
  readonly text: string;
  readonly number?: number;
  readonly bullet?: string;
}

/**
 * Adds questions to the note's `## Questions` section (created when
 * missing), numbered after the ones already there. Questions already in
 * the section are skipped. When the section ends with a "who else…?"
 * question, the new ones go just before it so it stays last (only its
 * number changes); otherwise they are appended with `appendToSection`.
 * Everything else in the note stays byte-identical.
 */
export function insertQuestions(text: string, questions: readonly string[]): string {
  const layout = readLayout(text);
  const { content, eol } = layout;
  const { section, items, closingPresent, fresh } = plan(text, questions);
  const last = items.at(-1);
  if (fresh.length === 0) return text;

  const bullet = items.length > 0 && items.every((item) => item.bullet !== undefined) ? items[0]!.bullet : undefined;
  const numbered = (first: number) => fresh.map((question, index) => (bullet ? `${bullet} ${question}` : `${first + index}. ${question}`));
  if (!closingPresent || !last) {
    const next = (items.findLast((item) => item.number !== undefined)?.number ?? 0) + 1;
    const lines = numbered(next);
    // A list right under a paragraph would merge into it: keep a blank line between them.
    const gap = section && items.length === 0 && content.slice(section.start, section.end).trim().split('\n').length > 1 ? eol : '';
    return appendToSection(text, QUESTIONS_SECTION, gap + lines.join(eol));
  }
  const lines = numbered(last.number ?? 1);
  const closingLine = content.slice(last.start, content.indexOf('\n', last.start) < 0 ? content.length : content.indexOf('\n', last.start));
  const renumbered = last.number === undefined ? closingLine : closingLine.replace(/^( {0,3})\d+/, (_, indent: string) => `${indent}${last.number! + fresh.length}`);
  const updated = content.slice(0, last.start) + lines.join(eol) + eol + renumbered + content.slice(last.start + closingLine.length);
  return (layout.bom ? '\uFEFF' : '') + updated;
}

/** The questions `insertQuestions` would add: those not in the section yet, without a second "who else". */
export function newQuestions(text: string, questions: readonly string[]): string[] {
  return plan(text, questions).fresh;
}

/** How many questions the note's `## Questions` section lists (0 without the section). */
export function questionCount(text: string): number {
  return plan(text, []).items.length;
}

/**
 * Where `question` is written in the note's `## Questions` section: the line
 * (0-based) and column of its text, after the list marker. `undefined` when
 * the section has no such question.
 */
export function questionPlace(text: string, question: string): { line: number; character: number } | undefined {
  const wanted = question.replace(/\s+/g, ' ').trim();
  const item = plan(text, []).items.find((candidate) => candidate.text.replace(/\s+/g, ' ').trim() === wanted);
  if (!item) return undefined;
  const { content } = readLayout(text);
  let line = 0;
  for (let newline = content.indexOf('\n'); newline >= 0 && newline < item.start; newline = content.indexOf('\n', newline + 1)) line++;
  return { line, character: item.textStart - item.start };
}

/** The questions in the note's `## Questions` section, in order. */
export function questionsInNote(text: string): string[] {
  return plan(text, []).items.map((item) => item.text.replace(/\s+/g, ' ').trim());
}

function plan(text: string, questions: readonly string[]) {
  const layout = readLayout(text);
  const section = findSection(scanSections(layout.content, layout.bodyStart), QUESTIONS_SECTION);
  const items = section ? listItems(layout.content, section.start, section.end) : [];
  const known = new Set(items.map((item) => questionKey(item.text)));
  const last = items.at(-1);
  const closingPresent = last !== undefined && WHO_ELSE.test(last.text);
  const fresh: string[] = [];
  for (const question of questions) {
    const single = question.replace(/\s+/g, ' ').trim();
    const key = questionKey(single);
    if (single === '' || known.has(key) || (closingPresent && WHO_ELSE.test(single))) continue;
    known.add(key);
    fresh.push(single);
  }
  return { section, items, closingPresent, fresh };
}

/** Top-level list items between two offsets, with their continuation lines joined. */
function listItems(content: string, start: number, end: number): ListItem[] {
  const items: { start: number; textStart: number; parts: string[]; number?: number; bullet?: string }[] = [];
  let offset = start;
  let first = true;
  let inFence = false;
  let open = false;
  for (const raw of content.slice(start, end).split('\n')) {
    const line = raw.replace(/\r$/, '');
    const lineStart = offset;
    offset += raw.length + 1;
    if (first) {
      first = false; // the heading line
      continue;
    }
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const ordered = ORDERED_ITEM.exec(line);
    const bulleted = ordered ? null : BULLET_ITEM.exec(line);
    if (ordered) {
      items.push({ start: lineStart, textStart: lineStart + line.length - ordered[5]!.length, parts: [ordered[5]!], number: Number(ordered[2]) });
      open = true;
    } else if (bulleted) {
      items.push({ start: lineStart, textStart: lineStart + line.length - bulleted[4]!.length, parts: [bulleted[4]!], bullet: bulleted[2]! });
      open = true;
    } else if (open && /^\s+\S/.test(line)) {
      items.at(-1)!.parts.push(line.trim());
    } else if (line.trim() !== '') {
      open = false;
    }
  }
  return items.map((item) => ({ start: item.start, textStart: item.textStart, text: item.parts.join(' '), ...(item.number === undefined ? {} : { number: item.number }), ...(item.bullet === undefined ? {} : { bullet: item.bullet }) }));
}
