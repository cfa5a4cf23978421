import { isCollection, isMap, isScalar, visit, type Document, type Node } from 'yaml';
import { parseYaml, type YamlProblem } from './frontmatter.js';
import { endOfLine, startOfLine as lineStart } from './source.js';

/** A YAML problem said in plain words, placed where the user made the mistake. */
export interface ExplainedYamlProblem {
  /** Offsets `[start, end)` into the YAML text. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly hint: string;
  /** The repair the hint describes, when it needs no choice: `text` in place of offsets `[start, end)` of the YAML text. */
  readonly fix?: { readonly title: string; readonly start: number; readonly end: number; readonly text: string };
  /** The mistake is the line's indentation, which the lines after it indented as far share: they are out of place with it, not mistakes of their own. */
  readonly misalignsLinesAfter?: true;
}

/**
 * Whether the field at `path` (`['industry']`, `['rules', 'follow_up_after']`,
 * the keys of the mappings it is nested in first) is one the text's reader
 * knows: a line naming it and a value without the colon between them can
 * mean only that field, so adding the colon is a repair that needs no choice.
 */
export type KnownField = (path: readonly string[]) => boolean;

/** The most mistakes reported for one YAML text; the ones after wait for these to be fixed. */
const MAX_EXPLAINED_PROBLEMS = 20;

/**
 * Every mistake of a YAML text that the others do not cause, explained
 * (`explainYamlProblem`), in the order the parser meets them.
 *
 * Only the parser's first error is trusted: the ones after it often restate
 * it from where the parser got lost (an unclosed quote swallows the lines
 * below it). So the line that mistake is explained at, with the lines
 * indented under it (or, for a line indented too far, as far), is set aside
 * as a comment of the same length (offsets hold) and the text parsed again:
 * its first error is one that fixing the mistakes before it would leave, as
 * the user would meet it next.
 *
 * @param problems The parser's problems of `yaml` (`parseYaml`), found with `document`.
 * @param lineOf The note's line number of an offset into the YAML text.
 * @param knownField The fields after whose name a missing colon is repaired.
 */
export function explainYamlProblems(yaml: string, document: Document.Parsed, problems: readonly YamlProblem[], lineOf: (offset: number) => number, knownField: KnownField): ExplainedYamlProblem[] {
  const explained: ExplainedYamlProblem[] = [];
  let text = yaml;
  let parsed = { document, problems };
  const setAside = (offset: number) => text.slice(lineStart(text, offset), lineEnd(text, offset)) !== yaml.slice(lineStart(yaml, offset), lineEnd(yaml, offset));
  while (parsed.problems[0] && explained.length < MAX_EXPLAINED_PROBLEMS) {
    const problem = parsed.problems[0];
    const mistake = explainYamlProblem(text, parsed.document, problem, lineOf, knownField);
    // Placed on a line already set aside: the parser lost its way around the lines taken out, which is no mistake of the user's.
    if (setAside(mistake.start)) break;
    explained.push(mistake);
    // A problem without the parser's code is about the whole text (a stack overflow, aliases expanding without end): no line to set aside.
    if (problem.code === undefined) break;
    // A field lined up with neither the `- ` of the list item above it nor the item's first field: that item is part of it
    // (one space too far, it put its fields where the line missed them, and would misalign the items after it too).
    const item = mistake.misalignsLinesAfter ? listItemMissedBy(text, mistake.start) : undefined;
    text = commentOutLines(text, item ?? mistake.start, mistake.misalignsLinesAfter === true && item === undefined);
    // Found by the parser on a line above the mistake (`-[ date:` above a line it then reads as indented too far): that line is part of it.
    if (problem.offset < lineStart(text, mistake.start)) text = commentOutLines(text, problem.offset, false);
    parsed = parseYaml(text);
  }
  return explained;
}

/**
 * The start of the list item line right above the line holding `offset`
 * (`   - date: 2026-11-10` above `    stage: held`) when that line is indented
 * past the item's `-` but short of its first field, and so belongs to neither.
 */
function listItemMissedBy(yaml: string, offset: number): number | undefined {
  const start = lineStart(yaml, offset);
  if (start === 0) return undefined;
  const above = lineStart(yaml, start - 1);
  const item = /^( *)-( +)\S/.exec(yaml.slice(above, start));
  if (!item) return undefined;
  const indent = /^ */.exec(yaml.slice(start))![0].length;
  const dash = item[1]!.length;
  return dash < indent && indent < dash + 1 + item[2]!.length ? above : undefined;
}

/**
 * `yaml` with the line holding `offset` turned into a comment of the same
 * length, and with it the lines after it indented deeper (its nested fields,
 * which would be left lined up with nothing), or as deep when `sameIndent`.
 */
function commentOutLines(yaml: string, offset: number, sameIndent: boolean): string {
  const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;
  const start = lineStart(yaml, offset);
  const lines = yaml.slice(start).split('\n');
  const indent = indentOf(lines[0]!) - (sameIndent ? 1 : 0);
  let count = 1;
  // Blank and comment lines (those set aside before included) do not end the lines nested under it.
  const nested = (line: string) => /^[ \t]*(?:#|\r?$)/.test(line) || indentOf(line) > indent;
  while (count < lines.length && nested(lines[count]!)) count++;
  // A `#` and spaces in place of the line's characters, its tabs included (a tab before a comment would be a mistake of its own).
  const comment = (line: string) => (line.trim() === '' ? line : `#${line.slice(1).replace(/[^\r]/g, ' ')}`);
  const after = lines.slice(count);
  return yaml.slice(0, start) + [...lines.slice(0, count).map(comment), ...after].join('\n');
}

/**
 * Turns a parser error into what the user did wrong and how to fix it.
 *
 * The parser reports where it gave up, which is often lines below the
 * mistake (an unclosed quote is found at the closing `---`); the document it
 * still builds shows where the quote, bracket or key began.
 *
 * @param lineOf The note's line number of an offset into the YAML text.
 * @param knownField The fields after whose name a missing colon is repaired.
 */
export function explainYamlProblem(yaml: string, document: Document.Parsed, problem: YamlProblem, lineOf: (offset: number) => number, knownField: KnownField): ExplainedYamlProblem {
  const at = problem.offset;
  switch (problem.code) {
    case 'MISSING_CHAR':
      if (/quote/.test(problem.message)) return unclosedQuote(yaml, document, problem) ?? fallback(yaml, problem);
      // A field of a history entry indented by one space too few (`   stage:` under `  - date:`).
      if (/without - indicator/.test(problem.message)) return badIndent(yaml, at);
      return missingColon(yaml, at, knownField) ?? fallback(yaml, problem);
    case 'MULTILINE_IMPLICIT_KEY':
      return missingColon(yaml, at, knownField) ?? fallback(yaml, problem);
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(problem.message)) return unclosedBracket(yaml, document, problem) ?? fallback(yaml, problem);
      return colonMissingAbove(yaml, at, knownField) ?? badIndent(yaml, at);
    case 'TAB_AS_INDENT':
      return { start: at, end: at + 1, message: 'This line is indented with a tab', hint: 'Indent with spaces: YAML does not allow tabs' };
    case 'DUPLICATE_KEY':
      return duplicateKey(document, at, lineOf) ?? fallback(yaml, problem);
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // A second `: ` in the value, or a line indented deeper than the field above it, which YAML reads as part of that field;
      // else an indented line (` - health` under `  - ux`) lines up with nothing, and an unindented one (`c#d: a: b`) keeps the parser's words.
      const indented = yaml.charAt(lineStart(yaml, at)) === ' ';
      return colonInValue(yaml, at) ?? deeperLineAfter(yaml, at) ?? (indented ? badIndent(yaml, at) : fallback(yaml, problem));
    }
    case 'BAD_SCALAR_START': {
      const character = yaml.charAt(at);
      return { start: at, end: lineEnd(yaml, at), message: `A value cannot start with ${character === '`' ? '`` ` ``' : `\`${character}\``}`, hint: 'Put the value in quotes' };
    }
    case 'UNEXPECTED_TOKEN':
      return textAfterQuote(yaml, at) ?? (/at node end/.test(problem.message) ? colonMissingAbove(yaml, at, knownField) : undefined) ?? fallback(yaml, problem);
    case 'MULTIPLE_DOCS':
      return strayDocumentEnd(yaml, at) ?? fallback(yaml, problem);
  }
  const unresolved = /^Unresolved alias .*: (.+)$/.exec(problem.message);
  if (unresolved) {
    // `*name` with no `&name` before it: `yaml` reports it at the document's start.
    const name = unresolved[1]!;
    const start = yaml.indexOf(`*${name}`);
    return {
      start,
      end: start + name.length + 1,
      message: `\`*${name}\` repeats the value marked \`&${name}\`, but no value before it has that mark`,
      hint: `Write the value out, or mark the value it repeats with \`&${name}\``,
    };
  }
  if (/alias/i.test(problem.message)) {
    const alias = /(?<=[\s[{,])\*[^\s,\]}]+/.exec(yaml);
    const start = alias?.index ?? at;
    return {
      start,
      end: alias ? start + alias[0].length : start,
      message: 'The aliases (`*name`) in this frontmatter repeat each other into more values than Rapport reads',
      hint: 'Write the values out instead of using aliases',
    };
  }
  if (/call stack|nested too deeply/i.test(problem.message)) {
    // Where the parser ran out of stack depends on the stack's size: place it at the line's first bracket instead.
    const start = lineStart(yaml, at);
    const bracket = yaml.slice(start, lineEnd(yaml, start)).search(/[[{]/);
    const from = bracket < 0 ? start : start + bracket;
    const hint = bracket < 0 ? 'Nest fewer lists and mappings inside each other (each `- ` or deeper indent is one more level)' : 'Remove the extra brackets';
    return { start: from, end: from + 1, message: 'The lists or mappings here are nested too deeply to read', hint };
  }
  return fallback(yaml, problem);
}

/** Parser words, kept only for mistakes not recognised above. */
function fallback(yaml: string, problem: YamlProblem): ExplainedYamlProblem {
  return {
    start: problem.offset,
    end: Math.max(problem.offset, problem.endOffset),
    message: `The YAML cannot be read here: ${problem.message}`,
    hint: 'Check the quotes, colons and indentation of this line',
  };
}

/** `stage: "held` with no closing quote: placed at the opening quote, where the value began. */
function unclosedQuote(yaml: string, document: Document.Parsed, problem: YamlProblem): ExplainedYamlProblem | undefined {
  const node = lastNodeBefore(document, problem.offset, (candidate) => isScalar(candidate) && (candidate.type === 'QUOTE_DOUBLE' || candidate.type === 'QUOTE_SINGLE'));
  if (!node?.range) return undefined;
  const start = node.range[0];
  const quote = yaml.charAt(start);
  const end = lineEnd(yaml, start);
  // Inside quotes, `#` is part of the value: the quote goes after the last character of the line.
  const at = start + yaml.slice(start, end).trimEnd().length;
  return {
    start,
    end,
    message: `The \`${quote}\` that starts this value is never closed`,
    hint: `Add \`${quote}\` at the end of the value`,
    fix: { title: `Close the quote: add ${quote} at the end of the line`, start: at, end: at, text: quote },
  };
}

/** `tags: [ux, research` with no `]`: placed at the opening bracket. */
function unclosedBracket(yaml: string, document: Document.Parsed, problem: YamlProblem): ExplainedYamlProblem | undefined {
  const node = lastNodeBefore(document, problem.offset, (candidate) => isCollection(candidate) && candidate.flow === true);
  if (!node?.range) return undefined;
  const start = node.range[0];
  const [what, close] = isMap(node) ? ['mapping', '}'] : ['list', ']'];
  const end = lineEnd(yaml, start);
  // After a list, ` # …` is a comment and stays one: the bracket goes before it.
  const rest = yaml.slice(start, end);
  const comment = rest.search(/\s+#/);
  const at = start + (comment >= 0 ? comment : rest.trimEnd().length);
  return {
    start,
    end,
    message: `The ${what} opened with \`${yaml.charAt(start)}\` is never closed`,
    hint: `Add \`${close}\` at the end of the ${what}, on the same line`,
    fix: { title: `Close the ${what}: add ${close} at the end of the line`, start: at, end: at, text: close },
  };
}

function badIndent(yaml: string, at: number): ExplainedYamlProblem {
  const start = lineStart(yaml, at);
  const first = firstItemTooFar(yaml, start);
  if (first) return first;
  const indent = /^ */.exec(yaml.slice(start))![0].length;
  return {
    start: start + indent,
    end: lineEnd(yaml, start),
    message: `This line is indented by ${indent} ${indent === 1 ? 'space' : 'spaces'}, which lines it up with no field above it`,
    hint: 'Indent it by as many spaces as the fields it belongs with',
    misalignsLinesAfter: true,
  };
}

/** One line of a YAML text: where it starts and ends (before its line break), and its indentation. */
interface SourceLine {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  /** Blank, or only a comment. */
  readonly blank: boolean;
}

function sourceLines(yaml: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (let start = 0; start <= yaml.length; ) {
    const end = lineEnd(yaml, start);
    const text = yaml.slice(start, end);
    const indent = /^ */.exec(text)![0].length;
    lines.push({ start, end, indent, blank: /^\s*(?:#|$)/.test(text) });
    const next = yaml.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  return lines;
}

/**
 * A list whose first item is indented further than the items after it
 * (`tags:`, `   - a`, `  - b`): the parser gives up below it, at the second
 * item, or at a field of the first that lines up with the items after it
 * (`   - date: …`, `    stage: held`, `  - date: …`), but the line to move is
 * the first item's. `start` is the line the parser gave up at. The repair
 * lines the first item up with the next, keeping the lines nested under it
 * where they stand against it; it needs no choice, since either way of lining
 * them up reads the same list.
 */
function firstItemTooFar(yaml: string, start: number): ExplainedYamlProblem | undefined {
  const lines = sourceLines(yaml);
  const at = lines.findIndex((line) => line.start === start);
  const reported = lines[at];
  if (!reported) return undefined;
  const itemOf = (line: SourceLine) => /^( *)-( +)\S/.exec(yaml.slice(line.start, line.end));
  /** The nearest line above `from` that is neither blank nor `skipped`. */
  const above = (from: number, skipped: (line: SourceLine) => boolean) => {
    let index = from - 1;
    while (index >= 0 && (lines[index]!.blank || skipped(lines[index]!))) index--;
    return index;
  };
  if (itemOf(reported)) {
    // An item left of every line back to its list's `key:` line: the first of those lines is the first item.
    const parent = above(at, (line) => line.indent > reported.indent);
    let item = parent + 1;
    while (item < at && lines[item]!.blank) item++;
    let after = at + 1;
    while (after < lines.length && (lines[after]!.blank || lines[after]!.indent > reported.indent)) after++;
    const linedUp = lines[after] !== undefined && lines[after]!.indent === reported.indent && itemOf(lines[after]!) !== null;
    return parent < 0 || item === at ? undefined : misplacedFirstItem(yaml, lines, parent, item, at, reported.indent, linedUp);
  }
  // A field right under an item, between its dash and its first field: the item is out of line when the next item stands where the field says it should.
  const item = above(at, () => false);
  const dash = item < 0 ? undefined : itemOf(lines[item]!);
  if (!dash) return undefined;
  const itemIndent = lines[item]!.indent;
  const firstField = itemIndent + 1 + dash[2]!.length;
  if (reported.indent <= itemIndent || reported.indent >= firstField) return undefined;
  let next = at + 1;
  while (next < lines.length && (lines[next]!.blank || lines[next]!.indent >= reported.indent)) next++;
  const following = lines[next];
  if (!following || !itemOf(following) || following.indent !== itemIndent - (firstField - reported.indent)) return undefined;
  const parent = above(item, () => false);
  return parent < 0 ? undefined : misplacedFirstItem(yaml, lines, parent, item, item + 1, following.indent, true);
}

/**
 * The first item of the list under `parent` (a `key:` line), at line `item`,
 * indented further than `indent`, where the next item stands (at line
 * `next`, or right after the lines from `item` up to it): explained at the
 * first item, with a repair that moves it and the lines up to `next` left.
 * Only when the next item is where lists are written (under the key's first
 * letter, or two spaces in) or `linedUp` with the items after it: of two
 * items, ` - b` under `  - a` is more likely the one out of line.
 */
function misplacedFirstItem(yaml: string, lines: readonly SourceLine[], parent: number, item: number, next: number, indent: number, linedUp: boolean): ExplainedYamlProblem | undefined {
  const key = /^ *(?:- +)*([^\s#][^#]*?):[ \t]*(?:#.*)?$/.exec(yaml.slice(lines[parent]!.start, lines[parent]!.end));
  const first = lines[item]!;
  const keyColumn = lines[parent]!.indent + (/^ *((?:- +)*)/.exec(yaml.slice(lines[parent]!.start))![1]!.length);
  if (!key || first.indent <= indent || indent < keyColumn || !/^ *- /.test(yaml.slice(first.start, first.end))) return undefined;
  if (!linedUp && indent !== keyColumn && indent !== keyColumn + 2) return undefined;
  // The first item's own lines are all indented past its dash; the next item stands left of it.
  if (lines.slice(item + 1, next).some((line) => !line.blank && line.indent <= first.indent)) return undefined;
  const shift = first.indent - indent;
  const end = lines[next - 1]!.end;
  const moved = yaml
    .slice(first.start, end)
    .split('\n')
    .map((line) => line.replace(new RegExp(`^ {0,${shift}}`), ''))
    .join('\n');
  const spaces = (count: number) => `${count} ${count === 1 ? 'space' : 'spaces'}`;
  const nested = next - 1 > item ? ` (and the lines under it ${spaces(shift)} less)` : '';
  return {
    start: first.start + first.indent,
    end: first.end,
    message: `The first item of \`${key[1]!}\` is indented by ${spaces(first.indent)} and the next one by ${spaces(indent)}: the items of a list line up`,
    hint: `Indent this line by ${spaces(indent)}, as the next item${nested}`,
    fix: { title: `Indent the first item by ${spaces(indent)}, as the next one`, start: first.start, end, text: moved },
  };
}

/**
 * `at: 2026-11-25` followed by a line indented deeper than `at`: the mistake
 * is that next line's indentation. Under a list item (`  - date: …`), the
 * item's fields are indented as deep as its first one: they are no deeper.
 */
function deeperLineAfter(yaml: string, at: number): ExplainedYamlProblem | undefined {
  const start = lineStart(yaml, at);
  const indent = (from: number) => /^ */.exec(yaml.slice(from))![0].length;
  const fieldIndent = /^(?: *- +)*/.exec(yaml.slice(start))![0].length;
  const next = yaml.indexOf('\n', start) + 1;
  if (next === 0) return undefined;
  if (next >= yaml.length || indent(next) <= Math.max(indent(start), fieldIndent)) return undefined;
  return badIndent(yaml, next);
}

/** `industry Telehealth`, the line holding offset `at`: a field name without its colon. Undefined for a line with a colon. */
export function missingColon(yaml: string, at: number, knownField: KnownField): ExplainedYamlProblem | undefined {
  const start = lineStart(yaml, at);
  // A comment after the value (` # where new notes go`) stays in the file, but out of the words.
  const line = withoutComment(yaml.slice(start, lineEnd(yaml, start))).trimEnd();
  const parts = /^( *(?:- +)?)(\S+)(?:\s+(.*))?$/.exec(line);
  if (!parts || line.includes(':')) return undefined;
  const [, indent, key, value] = parts;
  // A known field's own name, then its value, outside any list: the colon is all that is missing.
  const parents = indent!.includes('-') ? undefined : parentKeys(yaml, start);
  const certain = value !== undefined && parents !== undefined && knownField([...parents, key!]);
  const colonAt = start + indent!.length + key!.length;
  return {
    start: start + indent!.length,
    end: start + line.length,
    message: `\`${line.trim()}\` has no \`:\` after the field name`,
    hint: value === undefined ? `Write it as \`${key}: \` followed by the value` : `Write it as \`${key}: ${value}\``,
    ...(certain ? { fix: { title: `Add the colon: ${key}: ${value}`, start: colonAt, end: colonAt, text: ':' } } : {}),
  };
}

/** A line without the comment after its value: in a value without quotes, ` #` starts one. */
function withoutComment(line: string): string {
  return line.replace(/[ \t]+#.*$/, '');
}

/**
 * The keys of the mappings the line starting at `start` is nested in,
 * outermost first (`['rules']` for a line under `rules:`), when each is a
 * `key:` line of its own; undefined when one is not (a list item, a value).
 */
function parentKeys(yaml: string, start: number): string[] | undefined {
  const lines = sourceLines(yaml);
  let at = lines.findIndex((line) => line.start === start);
  const keys: string[] = [];
  for (let indent = lines[at]?.indent ?? 0; indent > 0; ) {
    do at--;
    while (at >= 0 && (lines[at]!.blank || lines[at]!.indent >= indent));
    if (at < 0) return undefined;
    const key = /^ *([^\s#:-][^:#]*?):[ \t]*(?:#.*)?$/.exec(yaml.slice(lines[at]!.start, lines[at]!.end));
    if (!key) return undefined;
    keys.unshift(key[1]!);
    indent = lines[at]!.indent;
  }
  return keys;
}

/**
 * `rules:`, `  follow_up_after 7`, `  answer_within: 1`: without its colon,
 * the first line under a field is read as that field's value (the first
 * line of the text, with a comment after it, as the whole text's), and the
 * parser gives up at the next line. `at` is there; the mistake is the line
 * above, when it and the lines between it and the field (read as one value
 * with it) line up with `at`'s and hold no `:`.
 */
function colonMissingAbove(yaml: string, at: number, knownField: KnownField): ExplainedYamlProblem | undefined {
  const lines = sourceLines(yaml);
  const reported = lines.findIndex((line) => line.start === lineStart(yaml, at));
  const indent = lines[reported]?.indent;
  let first: number | undefined;
  let above = reported - 1;
  for (; above >= 0; above--) {
    const line = lines[above]!;
    if (line.blank) continue;
    if (line.indent !== indent) break;
    const text = withoutComment(yaml.slice(line.start, line.end));
    if (text.includes(':') || /^ *-(?: |$)/.test(text)) return undefined;
    first = above;
  }
  // Under a `key:` line, or at the top of the text (where a comment after the value is what the parser stops at).
  const field = lines[above];
  const under = field ? field.indent < indent! && /^ *(?:- +)*[^\s#][^#]*?:[ \t]*(?:#.*)?$/.test(yaml.slice(field.start, field.end)) : indent === 0;
  return first !== undefined && under ? missingColon(yaml, lines[first]!.start, knownField) : undefined;
}

/** `role: Manager: Data Platform`: a second `: ` that YAML reads as a nested field. */
function colonInValue(yaml: string, at: number): ExplainedYamlProblem | undefined {
  const start = lineStart(yaml, at);
  const end = lineEnd(yaml, start);
  const line = yaml.slice(start, end);
  // A line that starts a flow mapping or list (`- {date: 2026-11-13, stage: held}`) has `: ` inside its brackets, not in a value.
  const parts = /^( *(?:- +)?)(?!- |[{[])([^:#\s][^:#]*?):[ \t]+(.*\S)[ \t]*$/.exec(line);
  if (!parts) return undefined;
  const key = parts[2]!;
  // A comment after the value (` # his title`) stays a comment, after the quotes.
  const comment = parts[3]!.search(/[ \t]#/);
  const value = comment < 0 ? parts[3]! : parts[3]!.slice(0, comment).trimEnd();
  // `role: Lead:` too: a value ending in `:` is a field name to YAML.
  const what = /:\s/.test(value) ? 'contains `: `' : value.endsWith(':') ? 'ends with `:`' : undefined;
  if (!what) return undefined;
  const valueStart = start + parts[1]!.length + line.slice(parts[1]!.length).indexOf(value, key.length + 1);
  // Double quotes read `\` as an escape: a value with either character goes in single quotes.
  const quoted = /["\\]/.test(value) ? `'${value.replaceAll("'", "''")}'` : `"${value}"`;
  return {
    start: valueStart,
    end: valueStart + value.length,
    message: `The value of \`${key}\` ${what}, which YAML reads as the start of another field`,
    hint: `Put the value in quotes: it ${what} (${key}: ${quoted})`,
    fix: { title: `Put the value in quotes: ${quoted}`, start: valueStart, end: valueStart + value.length, text: quoted },
  };
}

/**
 * A `...` line with fields after it, before the closing `---`: YAML ends the
 * document there and reads no further. Deleting the line is the repair
 * (the frontmatter's end is the `---`).
 */
function strayDocumentEnd(yaml: string, at: number): ExplainedYamlProblem | undefined {
  const marker = [...yaml.slice(0, at).matchAll(/^\.\.\.[ \t]*\r?$/gm)].at(-1);
  if (!marker) return undefined;
  const start = marker.index;
  const keys = [...yaml.slice(start).matchAll(/^([A-Za-z_][\w -]*):(?:[ \t]|\r?$)/gm)].map((match) => `\`${match[1]!}\``);
  const after = keys.length === 0 ? '' : ` (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? '…' : ''})`;
  return {
    start,
    end: start + 3,
    message: `\`...\` ends the YAML here, so the lines after it${after} are not read`,
    hint: 'Delete the `...` line so that the lines after it are read',
    fix: { title: 'Delete the `...` line', start, end: endOfLine(yaml, start), text: '' },
  };
}

/** `role: "Manager" Data Platform`: words after the closing quote. */
function textAfterQuote(yaml: string, at: number): ExplainedYamlProblem | undefined {
  const before = yaml.slice(lineStart(yaml, at), at).trimEnd();
  const quote = before.at(-1);
  if (quote !== '"' && quote !== "'") return undefined;
  if (quote === "'") {
    const apostrophe = apostropheInSingleQuotes(yaml, at);
    if (apostrophe) return apostrophe;
  }
  return { start: at, end: lineEnd(yaml, at), message: 'There is text after the closing quote of this value', hint: 'Put the whole value inside the quotes' };
}

/**
 * `name: 'Rachel O'Neill'`: an apostrophe inside a word ends single quotes.
 * Double quotes keep it as it is, unless the value holds `"` or `\\` (which
 * double quotes read as an escape): then the apostrophe is doubled instead.
 */
function apostropheInSingleQuotes(yaml: string, at: number): ExplainedYamlProblem | undefined {
  const start = lineStart(yaml, at);
  const line = yaml.slice(start, lineEnd(yaml, start));
  const parts = /^( *(?:- +)?[^:#\s][^:#]*?:[ \t]+)'(.*)'([ \t]+#.*)?[ \t]*$/.exec(line);
  if (!parts) return undefined;
  const inner = parts[2]!;
  // Each lone `'` between two letters is an apostrophe: `''` is already a quote written inside single quotes.
  const word = /(?<![\p{L}'])\p{L}+'(?!')\p{L}+/u.exec(inner.replaceAll("''", '\u0000\u0000'));
  if (!word) return undefined;
  const valueStart = start + parts[1]!.length;
  const value = `'${inner}'`;
  // In double quotes an apostrophe is written once: `''` already doubled inside the single quotes goes back to one.
  const quoted = /["\\]/.test(inner) ? `'${inner.replace(/(?<!')'(?!')/g, "''")}'` : `"${inner.replaceAll("''", "'")}"`;
  const key = parts[1]!.trim().replace(/^- +/, '').replace(/:$/, '');
  return {
    start: valueStart,
    end: valueStart + value.length,
    message: `The apostrophe in \`${word[0]}\` ends the single quotes around the value of \`${key}\``,
    hint: quoted.startsWith('"') ? `Put the value in double quotes, which an apostrophe does not end (${key}: ${quoted})` : `Write the apostrophe twice inside single quotes (${key}: ${quoted})`,
    fix: { title: `Quote the value as ${quoted}`, start: valueStart, end: valueStart + value.length, text: quoted },
  };
}

/** The second of two equal keys, with the line of the first. */
function duplicateKey(document: Document.Parsed, at: number, lineOf: (offset: number) => number): ExplainedYamlProblem | undefined {
  let found: ExplainedYamlProblem | undefined;
  visit(document, {
    Map(_, map) {
      const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.range?.[0] === at);
      if (index < 0) return undefined;
      const key = map.items[index]!.key as Node;
      const name = String((key as { value?: unknown }).value);
      // The first pair with the name: the reported key is a later one.
      const first = map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === name);
      if (!first || !key.range || !(first.key as Node).range) return undefined;
      const firstLine = lineOf((first.key as Node).range![0]);
      const secondLine = lineOf(key.range[0]);
      found = {
        start: key.range[0],
        end: key.range[1],
        message: `\`${name}\` appears twice (lines ${firstLine} and ${secondLine}): keep one`,
        hint: `Delete the \`${name}\` line you do not want`,
      };
      return visit.BREAK;
    },
  });
  return found;
}

/** The node matching `accepts` that starts last before `offset` and reaches it. */
function lastNodeBefore(document: Document.Parsed, offset: number, accepts: (node: Node) => boolean): Node | undefined {
  let best: Node | undefined;
  visit(document, {
    Node(_, node) {
      const range = node.range;
      if (range && range[0] < offset && offset <= range[2] && accepts(node) && (!best || range[0] > best.range![0])) best = node;
    },
  });
  return best;
}

/** Offset where the text of the line that holds `offset` ends: its line break (`\r\n` or `\n`), or the text's end. */
function lineEnd(text: string, offset: number): number {
  const lineBreak = text.indexOf('\n', offset);
  if (lineBreak < 0) return text.length;
  return lineBreak > offset && text.charCodeAt(lineBreak - 1) === 0x0d ? lineBreak - 1 : lineBreak;
}
