/**
 * Frontmatter that a note meant as a contact has, but not where Markdown
 * tools look for it: fences after blank lines or spaces, `+++` fences around
 * YAML, or lines that end in CR alone. Each would make the contact vanish
 * without a word; each is said with its cause, and repaired when the repair
 * is mechanical.
 */

/** A `type` line of a contact, as far as a note whose YAML does not parse can tell (written as `meantAsContact` reads it). */
export const CONTACT_TYPE_LINE = /^type:[ \t]*\[?[ \t]*['"]?[ \t]*(?:[Cc]ontacts?|CONTACTS?)\b/m;

/** Why a contact's frontmatter is not found, placed by offsets into the note's content, with the repair when it needs no choice. */
export interface UnfoundFrontmatter {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly hint: string;
  readonly fix?: { readonly title: string; readonly start: number; readonly end: number; readonly text: string };
}

// The first line that is not blank, when it is a fence: the blank lines before it, its indent, the fence and its line break.
const FIRST_FENCE = /^((?:[ \t]*\r?\n)*)([ \t]*)(---|\+\+\+)[ \t]*(\r?\n)/;
const CLOSING = { '---': /^[ \t]*(?:---|\.\.\.)[ \t]*\r?$/m, '+++': /^[ \t]*\+\+\+[ \t]*\r?$/m } as const;
// Text typed on the opening fence's line, before the fence: `- Resource: a link---`.
const TEXT_BEFORE_FENCE = /^([^\r\n]*?\S)[ \t]*---[ \t]*(\r?\n)/;
// A `---` line ended by CR alone, after blank lines or none.
const CR_ONLY_FENCE = /^(?:[ \t]*\r(?!\n))*[ \t]*---[ \t]*\r(?!\n)/;

/**
 * Why a note whose frontmatter `readLayout` did not find, and that holds a
 * `type: contact` line between its fences, is not read; `undefined` for any
 * other note (a README, prose that mentions `type: contact`).
 */
export function unfoundFrontmatter(content: string): UnfoundFrontmatter | undefined {
  if (CR_ONLY_FENCE.test(content)) {
    if (!CONTACT_TYPE_LINE.test(content)) return undefined;
    return {
      start: 0,
      end: content.indexOf('\r'),
      message: "This note's lines end in CR alone (old Mac line endings), so its frontmatter is not found",
      hint: 'Save the note with LF or CRLF line endings',
    };
  }
  const opening = FIRST_FENCE.exec(content);
  if (!opening) return textBeforeFence(content);
  const [whole, blank, indent, marker, eol] = opening as unknown as [string, string, string, '---' | '+++', string];
  // A fence on the first line is `readLayout`'s own (the frontmatter is then never closed).
  if (blank === '' && indent === '' && marker === '---') return undefined;
  const closing = CLOSING[marker].exec(content.slice(whole.length));
  const fields = closing ? content.slice(whole.length, whole.length + closing.index) : content.slice(whole.length);
  if (!CONTACT_TYPE_LINE.test(fields)) return undefined;

  const fenceStart = blank.length + indent.length;
  const blankLines = blank.split('\n').length - 1;
  const [message, title] =
    marker === '+++'
      ? ['+++ fences are TOML; Rapport reads YAML between --- lines', 'Write `---` in place of both `+++` lines']
      : blankLines > 0
        ? [`The frontmatter must start on the first line: ${blankLines === 1 ? 'line 1 is blank' : `lines 1 to ${blankLines} are blank`}`, blankLines === 1 ? 'Delete the blank line before `---`' : 'Delete the blank lines before `---`']
        : [`The frontmatter must start on the first line with \`---\`: line 1 starts with ${indent.startsWith('\t') ? 'a tab' : 'a space'}`, `Delete the ${indent.length > 1 ? 'spaces' : indent === '\t' ? 'tab' : 'space'} before \`---\``];
  if (!closing) return { start: 0, end: fenceStart + 3, message, hint: title };
  // The closing fence loses its indent too, else the repaired frontmatter would never be closed.
  const closingLine = closing[0].replace(/\r$/, '');
  const closingFence = marker === '+++' ? '---' : closingLine.trim();
  const end = whole.length + closing.index + closingLine.length;
  return { start: 0, end: fenceStart + 3, message, hint: title, fix: { title, start: 0, end, text: `---${eol}${fields}${closingFence}` } };
}

/**
 * Text on line 1 before the `---` that opens the frontmatter (typed into the
 * note's first line by mistake). The repair moves that text below the
 * frontmatter, so that nothing typed is lost.
 */
function textBeforeFence(content: string): UnfoundFrontmatter | undefined {
  const line = TEXT_BEFORE_FENCE.exec(content);
  if (!line) return undefined;
  const [whole, text, eol] = line as unknown as [string, string, string];
  const closing = CLOSING['---'].exec(content.slice(whole.length));
  if (!closing) return undefined;
  const fields = content.slice(whole.length, whole.length + closing.index);
  if (!CONTACT_TYPE_LINE.test(fields)) return undefined;
  const closingLine = closing[0].replace(/\r$/, '');
  if (/^-+$/.test(text)) {
    // `----`: a fence of too many dashes, not text typed before one.
    const title = 'Write the opening fence as `---`';
    return { start: 0, end: whole.length - eol.length, message: `Line 1 has ${text.length + 3} dashes: the frontmatter opens with \`---\` alone, so it is not found`, hint: title, fix: { title, start: 0, end: whole.length - eol.length, text: '---' } };
  }
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  const title = `Move \`${shown}\` below the frontmatter`;
  return {
    start: 0,
    end: whole.length - eol.length,
    message: `Line 1 has text before the \`---\` that opens the frontmatter, so the frontmatter is not found: \`${shown}\``,
    hint: `${title}, leaving \`---\` alone on line 1`,
    fix: { title, start: 0, end: whole.length + closing.index + closingLine.length, text: `---${eol}${fields}${closingLine.trim()}${eol}${text}` },
  };
}
