import type { Stage } from '@rapport/core';

/** What is being typed at the cursor, from the line's text up to it (tested without VS Code). */
export type CompletionTarget =
  /** Inside `[[…`: `prefix` is what follows `[[`, `start` the column right after `[[`. */
  | { readonly kind: 'wikilink'; readonly prefix: string; readonly start: number; readonly closed: boolean }
  /** The value of a `stage:` key in the frontmatter (top level or in a history entry). */
  | { readonly kind: 'stage'; readonly prefix: string; readonly start: number }
  /** The value of `referred_by:` before any `[[`: `start` is the column where the value (or its quote) begins. */
  | { readonly kind: 'referredBy'; readonly prefix: string; readonly start: number };

const STAGE_KEY = /^(\s*(?:-\s+)?stage:\s*)(['"]?)([\w-]*)$/;
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
 * @param after the rest of the line (to know whether `]]` is already there)
 * @param inFrontmatter whether the line is between the `---` fences
 */
export function completionTarget(before: string, after: string, inFrontmatter: boolean): CompletionTarget | undefined {
  const open = before.lastIndexOf('[[');
  if (open >= 0 && !before.slice(open).includes(']]')) {
    const prefix = before.slice(open + 2);
    if (!/[|#\]]/.test(prefix)) return { kind: 'wikilink', prefix, start: open + 2, closed: after.startsWith(']]') };
  }
  if (inFrontmatter) {
    const match = STAGE_KEY.exec(before);
    if (match) return { kind: 'stage', prefix: match[3]!, start: match[1]!.length + match[2]!.length };
    const referrer = REFERRED_BY_KEY.exec(before);
    if (referrer) return { kind: 'referredBy', prefix: referrer[3]!, start: referrer[1]!.length };
  }
  return undefined;
}

/** Whether a 0-based line lies inside a note's opening frontmatter, given the document's lines. */
export function isFrontmatterLine(lineAt: (line: number) => string, line: number, lineCount: number): boolean {
  if (line === 0 || !/^---[ \t]*$/.test(lineAt(0).replace(/^\uFEFF/, ''))) return false;
  for (let index = 1; index < Math.min(lineCount, line + 1); index++) {
    if (/^---[ \t]*$/.test(lineAt(index))) return false;
  }
  return true;
}
