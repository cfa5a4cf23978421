import type { Stage } from '@rapport/core';

/** What is being typed at the cursor, from the line's text up to it (tested without VS Code). */
export type CompletionTarget =
  | WikilinkTarget
  | StageTarget
  /** The value of `referred_by:` before any `[[`: `start` is the column where the value (or its quote) begins. */
  | { readonly kind: 'referredBy'; readonly prefix: string; readonly start: number };

/**
 * Inside `[[…`. The completion replaces columns `start` to `end` with the id
 * followed by `close`, and inserts `openQuote` at column `start - 2` (before
 * `[[`) when there is one: together exactly what makes the line valid.
 */
export interface WikilinkTarget {
  readonly kind: 'wikilink';
  /** What follows `[[` up to the cursor. */
  readonly prefix: string;
  /** The column right after `[[`. */
  readonly start: number;
  /** The column after the closing text already there (`]]`, a closing quote), which is replaced rather than doubled. */
  readonly end: number;
  /** What goes after the id: `]]`, and in the frontmatter the closing quote. */
  readonly close: string;
  /** The quote to put before `[[`: an unquoted `[[id]]` in YAML is a list, not a link. */
  readonly openQuote?: string;
}

/** The value of a `stage:` key in the frontmatter (top level or in a history entry). */
export interface StageTarget {
  readonly kind: 'stage';
  readonly prefix: string;
  readonly start: number;
}

const STAGE_KEY = /^(\s*(?:-\s+)?stage:\s*)(['"]?)([\w-]*)$/;
/** A YAML value starting right here: after `key:` or a list's `-`. */
const VALUE_START = /^\s*(?:-\s+)?(?:[\w-]+:\s*)?$/;
const REFERRED_BY_KEY = /^(\s*referred_by:\s*)(['"]?)([\w-]*)$/;

/** What each stage means, for completion details (words, not icon names). */
export const STAGE_MEANINGS: Readonly<Record<Stage, string>> = {
  identified: 'found, not written to yet',
  contacted: 'request sent',
  'followed-up': 'nudged once after no reply',
  scheduled: 'a meeting is agreed',
  prepared: 'research and questions ready',
  held: 'the conversation took place',
  thanked: 'thank-you note sent',
  nurturing: 'keeping in touch',
  declined: 'closed: they said no',
  'no-response': 'closed: no reply after the follow-ups',
  archived: 'closed: set aside',
};

/**
 * @param before the line's text up to the cursor
 * @param after the rest of the line (to know whether `]]` or a quote is already there)
 * @param inFrontmatter whether the line is between the `---` fences
 */
export function completionTarget(before: string, after: string, inFrontmatter: boolean): CompletionTarget | undefined {
  const open = before.lastIndexOf('[[');
  if (open >= 0 && !before.slice(open).includes(']]')) {
    const prefix = before.slice(open + 2);
    if (!/[|#\]]/.test(prefix)) return wikilinkTarget(before, after, open, prefix, inFrontmatter);
  }
  if (inFrontmatter) {
    const match = STAGE_KEY.exec(before);
    if (match) return { kind: 'stage', prefix: match[3]!, start: match[1]!.length + match[2]!.length };
    const referrer = REFERRED_BY_KEY.exec(before);
    if (referrer) return { kind: 'referredBy', prefix: referrer[3]!, start: referrer[1]!.length };
  }
  return undefined;
}

function wikilinkTarget(before: string, after: string, open: number, prefix: string, inFrontmatter: boolean): WikilinkTarget {
  const start = open + 2;
  // `]` typed or auto-closed after the cursor: replaced, so `]]` is never doubled.
  let consumed = /^\]{0,2}/.exec(after)![0].length;
  if (!inFrontmatter) return { kind: 'wikilink', prefix, start, end: before.length + consumed, close: ']]' };
  const quoteBefore = before[open - 1];
  if (quoteBefore === '"' || quoteBefore === "'") {
    if (after[consumed] === quoteBefore) consumed++;
    return { kind: 'wikilink', prefix, start, end: before.length + consumed, close: `]]${quoteBefore}` };
  }
  if (VALUE_START.test(before.slice(0, open))) {
    if (after[consumed] === '"') consumed++;
    return { kind: 'wikilink', prefix, start, end: before.length + consumed, close: ']]"', openQuote: '"' };
  }
  // Inside a longer value (`note: "met [[ana`): its own quotes are the user's to close.
  return { kind: 'wikilink', prefix, start, end: before.length + consumed, close: ']]' };
}

/** Whether a 0-based line lies inside a note's opening frontmatter, given the document's lines. */
export function isFrontmatterLine(lineAt: (line: number) => string, line: number, lineCount: number): boolean {
  if (line === 0 || !/^---[ \t]*$/.test(lineAt(0).replace(/^\uFEFF/, ''))) return false;
  for (let index = 1; index < Math.min(lineCount, line + 1); index++) {
    if (/^---[ \t]*$/.test(lineAt(index))) return false;
  }
  return true;
}
