import leven from 'leven';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { DIAGNOSTIC_RULES, type Diagnostic, type DiagnosticRule, type DiagnosticTextFix } from '../diagnostics.js';
import { isCalendarDate, isMeetingTime, isTimeZone, isZoneAbbreviation, timeZoneSuggestion, zoneAbbreviationWords } from '../lifecycle/dates.js';
import { dateHint, impossibleDateHint } from './date-hint.js';
import type { Contact, HistoryEntry, ManualNext, Meeting } from '../model/contact.js';
import { CHANNELS, MEETING_FORMATS, SOURCES, STAGES, closestStage, isChannel, isMeetingFormat, isMeetingLink, isSource, isStage, type Stage } from '../model/vocabulary.js';
import { findSection, scanSections, type BodySection } from './body.js';
import { findConflicts } from '../merge/conflict-markers.js';
import { readOutcomes, type OutcomeKind } from '../outcomes/outcomes.js';
import { detach, detachData } from './detached-string.js';
import { parseFastFrontmatter } from './fast-frontmatter.js';
import { asRecord, parseFrontmatter } from './frontmatter.js';
import { endOfLine, LineIndex, readLayout, startOfLine, type FrontmatterBlock, type NoteLayout } from './source.js';
import { CONTACT_TYPE_LINE, unfoundFrontmatter } from './unfound-frontmatter.js';
import { noteId, wikilinkTarget } from './wikilinks.js';
import { contactSchema } from './schema.js';
import { explainYamlProblems } from './yaml-problem.js';
import { InvalidInputError } from '../errors.js';
import { typeName } from '../model/type-name.js';

/** What reading one note file gives. */
export interface NoteReading {
  /** The note declares `type: contact` (or looks like a contact that forgot to). */
  readonly isContact: boolean;
  /** The contact, when the note is one; invalid fields are left out. */
  readonly contact: Contact | undefined;
  /** Problems found in this note alone (cross-note checks happen in the index). */
  readonly diagnostics: readonly Diagnostic[];
  /** Where the `referred_by` value is, for positioning cross-note diagnostics without the text. */
  readonly referredByRange: ReferredByRange | undefined;
}

/** Offsets into the note (without BOM) and the 1-based line and column of both ends. */
export interface ReferredByRange {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Options of `readNote`. */
export interface ReadNoteOptions {
  /** Labels that make an Outcomes item an outcome, by kind; default `DEFAULT_OUTCOME_LABELS`. */
  readonly outcomeLabels?: Readonly<Record<string, OutcomeKind>>;
}

const STRING_FIELDS = ['role', 'organization', 'industry', 'location', 'email', 'phone'] as const;

type Path = readonly (string | number)[];

/**
 * Reads and validates one note. Never throws for anything in the text:
 * every problem becomes a positioned diagnostic.
 *
 * Frontmatter in the common subset of YAML is read by the fast reader. A
 * note whose problems sit where the fast reader knows no position (inside a
 * list or mapping), or with YAML it leaves alone, is read again through
 * `yaml`'s Document API, whose node ranges place diagnostics.
 *
 * @example
 * ```ts
 * import { readNote } from '@rapport/core';
 *
 * const reading = readNote('maya-chen.md', '---\ntype: contact\nname: Maya Chen\nstage: interviewed\n---\n');
 * console.log(reading.contact?.name); // → Maya Chen
 * console.log(reading.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)); // → [ '4:8 unknown-stage Unknown stage "interviewed"' ]
 * ```
 */
export function readNote(file: string, text: string, options: ReadNoteOptions = {}): NoteReading {
  // For callers without types: `readNote(text)` would otherwise fail deep inside with a TypeError.
  if (typeof file !== 'string' || typeof text !== 'string') throw new InvalidInputError(`readNote(file, text, options?) needs the note's file name and its text, both strings (got ${typeName(file)} and ${typeName(text)})`);
  const layout = readLayout(text);
  return withConflicts(file, layout, () => readFastOrExact(file, layout, options));
}

function readFastOrExact(file: string, layout: NoteLayout, options: ReadNoteOptions): NoteReading {
  const block = layout.frontmatter;
  const fast = block && parseFastFrontmatter(block.yaml);
  if (block && fast) {
    let located = true;
    const reading = readFields(file, layout, block, {
      data: fast.data,
      plainScalarsOnOneLine: true,
      locate: (path, which) => {
        const range = path.length === 1 && which === 'value' ? fast.ranges.get(String(path[0])) : undefined;
        if (!range) located = false;
        return range;
      },
    }, options);
    if (located) return reading;
  }
  return readExact(file, layout, options);
}

/** `readNote` with the frontmatter always read by `yaml`'s Document API: the reference the fast path matches. */
export function readNoteExact(file: string, text: string, layout: NoteLayout = readLayout(text), options: ReadNoteOptions = {}): NoteReading {
  return withConflicts(file, layout, () => readExact(file, layout, options));
}

/** A line that starts a history entry (`- date: …` or `- {date: …}`), as conflicting sides of a merge add them. */
const HISTORY_ENTRY_LINE = /^[ \t]*-[ \t]+\{?[ \t]*date[ \t]*:/m;

/**
 * A note holding git's conflict markers gets one `merge-conflict` diagnostic
 * per conflict, at its `<<<<<<<` line, instead of the YAML errors the
 * markers cause. It is still a contact when the conflicts are all in the
 * body; one in the frontmatter leaves no contact to read.
 */
function withConflicts(file: string, layout: NoteLayout, read: () => NoteReading): NoteReading {
  const conflicts = findConflicts(layout.content);
  if (conflicts.length === 0) return read();
  const diagnostics: Diagnostic[] = [];
  const report = reporter(file, layout.content, diagnostics);
  for (const conflict of conflicts) {
    // Both sides' history entries happened; of two values for one field, only the user knows which is right.
    const markers = `between <<<<<<< and >>>>>>> (line ${conflict.endLine})`;
    if (HISTORY_ENTRY_LINE.test(layout.content.slice(conflict.start, conflict.end))) {
      report('merge-conflict', conflict.start, conflict.start + 7, 'Merge conflict: resolve it, keep both history entries', `Keep what each side wrote ${markers} and delete the marker lines`);
    } else {
      report('merge-conflict', conflict.start, conflict.start + 7, 'Merge conflict: resolve it, keep the side you want', `Keep one side's lines ${markers}, or combine them, and delete the marker lines`);
    }
  }
  if (layout.frontmatter && conflicts.every((conflict) => conflict.start >= layout.bodyStart)) {
    const reading = read();
    return { ...reading, diagnostics: [...reading.diagnostics, ...diagnostics] };
  }
  return { isContact: CONTACT_TYPE_LINE.test(layout.content), contact: undefined, diagnostics, referredByRange: undefined };
}

/**
 * A contact's fields with their first `---` line deleted: the note starts
 * with a `key:` line, and a `type: contact` line comes before the closing
 * `---`. Without this, one deleted line would make the contact vanish.
 */
function missingOpeningFence(content: string): boolean {
  const fence = /^---[ \t]*\r?$/m.exec(content);
  const fields = fence ? content.slice(0, fence.index) : content;
  return /^[A-Za-z_][\w-]*:/.test(fields) && CONTACT_TYPE_LINE.test(fields);
}

function readExact(file: string, layout: NoteLayout, options: ReadNoteOptions): NoteReading {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(file, layout.content, diagnostics);
  if (!layout.frontmatter) {
    if (/^\+\+\+[ \t]*\r?\n/.test(layout.content) && /^type\s*=\s*["']contact["']/m.test(layout.content)) {
      report('yaml-syntax', 0, 3, 'TOML frontmatter (between +++ lines) is not supported', 'Write the fields as YAML between --- lines');
      return { isContact: true, contact: undefined, diagnostics, referredByRange: undefined };
    }
    if (layout.unterminated && CONTACT_TYPE_LINE.test(layout.content)) {
      report('yaml-syntax', 0, 3, 'The frontmatter opened with `---` is never closed', 'Add a line `---` after the last field');
      return { isContact: true, contact: undefined, diagnostics, referredByRange: undefined };
    }
    const directives = /^(?:%[^\r\n]*\r?\n)+(?=---[ \t]*\r?\n)/.exec(layout.content);
    if (directives && CONTACT_TYPE_LINE.test(layout.content)) {
      // Allowed by YAML before a document, but Markdown tools read frontmatter only from a note's first line.
      const firstLine = layout.content.slice(0, layout.content.search(/\r?\n/));
      const count = directives[0].split('\n').length - 1;
      const fix = { title: count === 1 ? `Delete the line \`${firstLine}\`` : `Delete the ${count} directive lines`, start: 0, end: directives[0].length, text: '' };
      report('yaml-syntax', 0, firstLine.length, `\`${firstLine}\` comes before the frontmatter, which must start on the note's first line`, 'Delete the directive: notes are read as YAML 1.2 already', fix);
      return { isContact: true, contact: undefined, diagnostics, referredByRange: undefined };
    }
    const unfound = unfoundFrontmatter(layout.content);
    if (unfound) {
      report('yaml-syntax', unfound.start, unfound.end, unfound.message, unfound.hint, unfound.fix);
      return { isContact: true, contact: undefined, diagnostics, referredByRange: undefined };
    }
    if (missingOpeningFence(layout.content)) {
      report('yaml-syntax', 0, 3, 'The frontmatter has no opening `---` line', 'Add a line `---` above `type: contact`');
      return { isContact: true, contact: undefined, diagnostics, referredByRange: undefined };
    }
    return { isContact: false, contact: undefined, diagnostics, referredByRange: undefined };
  }

  const block = layout.frontmatter;
  const frontmatter = parseFrontmatter(block);
  if (frontmatter.problems.length > 0) {
    if (!CONTACT_TYPE_LINE.test(block.yaml)) {
      return { isContact: false, contact: undefined, diagnostics, referredByRange: undefined };
    }
    // Each mistake the others do not cause: the parser's later errors mostly restate the first from where it got lost.
    const lines = new LineIndex(layout.content);
    // A missing colon is repaired after a contact's own fields (`industry`), not after those nested in them.
    const isContactField = (path: readonly string[]) => path.length === 1 && Object.hasOwn(contactSchema.properties, path[0]!);
    for (const explained of explainYamlProblems(block.yaml, frontmatter.document, frontmatter.problems, (offset) => lines.position(block.start + offset).line, isContactField)) {
      const fix = explained.fix && { ...explained.fix, start: block.start + explained.fix.start, end: block.start + explained.fix.end };
      report('yaml-syntax', block.start + explained.start, block.start + explained.end, explained.message, explained.hint, fix);
    }
    return { isContact: true, contact: undefined, diagnostics, referredByRange: undefined };
  }
  const document = frontmatter.document;
  return readFields(file, layout, block, {
    data: detachData(frontmatter.data),
    plainScalarsOnOneLine: false,
    locate: (path, which) => {
      const node = nodeAt(document, path, which);
      return node?.range ? [node.range[0], node.range[1]] : undefined;
    },
  }, options);
}

/** A frontmatter's plain data and where its nodes are in the YAML text. */
interface FrontmatterSource {
  readonly data: unknown;
  /** True when no plain scalar was read from more than one line (the fast reader reads none such). */
  readonly plainScalarsOnOneLine: boolean;
  /** Offsets `[start, end)` in the YAML text of the node at `path`, when known. */
  locate(path: Path, which: 'key' | 'value'): readonly [number, number] | undefined;
}

/** `fix`: text to put in place of offsets `[start, end)` of the note. */
type Report = (rule: DiagnosticRule, start: number, end: number, message: string, hint?: string, fix?: OffsetFix) => void;

/** A text fix placed by offsets into the note, as it is found; the diagnostic places it by lines. */
interface OffsetFix {
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Two steps of one day in the wrong order, as a merge of two copies of the folder leaves them (each
 * recorded a step that day, and git put one after the other): the last step says another stage
 * than the note's, but an earlier entry of the same day has the note's stage. The hint names both
 * entries' lines; the fix moves that entry below the others of its day, each entry's lines kept as
 * written (comments too), and is offered only when every entry of the day starts its own `- ` line
 * of the block list. `locate` gives an entry's offsets in `content`.
 */
function sameDayMisorder(history: readonly HistoryEntry[], lastIndex: number, stage: Stage, content: string, locate: (index: number) => readonly [number, number] | undefined): { hint: string; fix?: OffsetFix } | undefined {
  const day = history[lastIndex]!.date;
  let first = lastIndex;
  while (first > 0 && history[first - 1]!.date === day) first--;
  let end = lastIndex;
  while (end + 1 < history.length && history[end + 1]!.date === day) end++;
  let moved = -1;
  for (let index = first; index < lastIndex; index++) if (!history[index]!.touch && history[index]!.stage === stage) moved = index;
  const movedAt = moved < 0 ? undefined : locate(moved);
  const lastAt = locate(lastIndex);
  if (!movedAt || !lastAt) return undefined;
  const lines = new LineIndex(content);
  const [movedLine, lastLine] = [lines.position(movedAt[0]).line, lines.position(lastAt[0]).line];
  const where = movedLine === lastLine ? ` (both on line ${movedLine})` : '';
  const hint =
    movedLine === lastLine
      ? `Two entries of ${day} look out of order (a merge of two copies can leave them so): move the "${stage}" entry below the "${history[lastIndex]!.stage}" one${where}, or fix the stage`
      : `Two entries of ${day} look out of order (a merge of two copies can leave them so): move the "${stage}" entry (line ${movedLine}) below the "${history[lastIndex]!.stage}" entry (line ${lastLine}), or fix the stage`;
  // Each entry from its `- ` line to the next one's; the day's last, when the history ends with it, to the end of its own lines.
  const starts: number[] = [];
  for (let index = moved; index <= Math.min(end + 1, history.length - 1); index++) {
    const at = locate(index);
    if (!at) return { hint };
    const start = lines.lineStart(at[0]);
    if (!/^[ \t]*-[ \t]+$/.test(content.slice(start, at[0]))) return { hint };
    starts.push(start);
  }
  const runEnd = end + 1 < history.length ? starts.at(-1)! : entryEnd(content, starts.at(-1)!, locate(end)![1]);
  const movedEnd = starts[1]!;
  const title = `Move the "${stage}" entry of ${day} below the "${history[lastIndex]!.stage}" one`;
  return { hint, fix: { title, start: starts[0]!, end: runEnd, text: content.slice(movedEnd, runEnd) + content.slice(starts[0]!, movedEnd) } };
}

/** The end of a block list's last entry: past its value's line and the lines indented under its `- ` (a comment at its end). */
function entryEnd(content: string, dashLine: number, valueEnd: number): number {
  const indentAt = (offset: number) => {
    INDENT.lastIndex = offset;
    return INDENT.exec(content)![0].length;
  };
  const dashIndent = indentAt(dashLine);
  let end = endOfLine(content, Math.max(dashLine, valueEnd - 1));
  while (end < content.length) {
    const indent = indentAt(end);
    if (indent <= dashIndent || /[\r\n]/.test(content.charAt(end + indent))) break;
    end = endOfLine(content, end);
  }
  return end;
}

const INDENT = /[ \t]*/y;

/**
 * A second Outcomes heading (one added at the end of a note whose template has an empty
 * one): its items would count for nothing without a word, since only the first is read.
 */
function reportLaterOutcomes(sections: readonly BodySection[], first: BodySection, content: string, report: Report): void {
  let firstLine: number | undefined;
  for (const section of sections) {
    if (section === first || section.depth === 0 || section.title.toLowerCase() !== first.title.toLowerCase()) continue;
    const headingEnd = content.indexOf('\n', section.start);
    firstLine ??= new LineIndex(content).position(first.start).line;
    report('duplicate-section', section.start, headingEnd < 0 ? section.end : headingEnd, `A second "${section.title}" section: only the first, on line ${firstLine}, is read`, 'Move its items under the first heading and delete this one');
  }
}

/** Collects diagnostics placed by offsets into `content` (lines are counted only when one is reported). */
function reporter(file: string, content: string, diagnostics: Diagnostic[]): Report {
  let lines: LineIndex | undefined;
  return (rule, start, end, message, hint, fix) => {
    lines ??= new LineIndex(content);
    const from = lines.position(start);
    const to = lines.position(Math.max(start, end));
    diagnostics.push({
      file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      severity: DIAGNOSTIC_RULES[rule],
      rule,
      // Messages quote values from the note: detached, so a kept diagnostic does not keep the text.
      message: detach(message),
      ...(hint === undefined ? {} : { hint: detach(hint) }),
      ...(fix === undefined ? {} : { fix: placedFix(lines, fix) }),
    });
  };
}

function placedFix(lines: LineIndex, fix: OffsetFix): DiagnosticTextFix {
  const from = lines.position(fix.start);
  const to = lines.position(fix.end);
  return { title: detach(fix.title), line: from.line, column: from.column, endLine: to.line, endColumn: to.column, text: detach(fix.text) };
}

/**
 * A top-level value cut short by what YAML reads as a comment: ` #` starts
 * one, so `role: Designer #2 on the EHR team` reads as `Designer`. A comment
 * whose `#` is followed by a space (`stage: held   # met on Friday`) is one
 * the user meant; one followed by a word or number (`#2`, `#health`) is most
 * likely part of the value. Checked against the value read, so text inside a
 * block scalar, where `#` is no comment, is never flagged.
 */
const CUT_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]+([^\s'"#|>[\]{}&*!%@`,][^\r\n]*?)[ \t]+#[^\s#][^\r\n]*?(?=[ \t]+#[ \t]|[ \t]*\r?$)/gm;

function reportCommentsCuttingValues(block: FrontmatterBlock, fields: Record<string, unknown>, report: Report): void {
  for (const match of block.yaml.matchAll(CUT_VALUE)) {
    const [whole, key, read] = match as unknown as [string, string, string];
    if (fields[key] !== read.trim()) continue;
    // The value as written runs from after the colon to the end of the match, the cut-off part included.
    const written = whole.slice(whole.indexOf(':') + 1).trim();
    const end = block.start + match.index + whole.length;
    const valueStart = end - written.length;
    const cut = written.slice(read.trim().length).trim();
    report('value-cut-by-comment', valueStart, end, `\`${key}\` reads as ${JSON.stringify(read.trim())}: YAML takes \`${cut}\` for a comment`, `Put the value in quotes to keep all of it: ${key}: ${JSON.stringify(written)}`, { title: 'Put the value in quotes', start: valueStart, end, text: JSON.stringify(written) });
  }
}

/** A `- ` line indented past the start of its line: one that may continue a list item above it. */
const CONTINUATION_ITEM_LINE = /^ +- /m;

/** How deep in the frontmatter lists are looked for; deeper ones are left alone. */
const CONTINUED_ITEM_DEPTH = 8;

/**
 * A list item of plain text with a `- ` line below it indented further
 * (`tags:`, ` - a`, `  - b`): valid YAML, read as one item whose text goes on
 * (`a - b`), where the user most likely meant a second item. Told at the
 * first such line, in any list of the frontmatter; quoted and block text,
 * and lines going on without a dash, are left alone.
 */
function reportContinuedItems(block: FrontmatterBlock, source: FrontmatterSource, report: Report): void {
  const check = (text: string, path: Path) => {
    const found = text.includes(' - ') ? source.locate(path, 'value') : undefined;
    if (!found || /^["'|>]/.test(block.yaml.charAt(found[0]))) return;
    // An item of a block list, its `- ` on its own line (not in brackets, nor after another dash).
    const item = /^( *)- +$/.exec(block.yaml.slice(startOfLine(block.yaml, found[0]), found[0]));
    const continued = item && /\n([ \t]*)(- [^\r\n]*)/.exec(block.yaml.slice(found[0], found[1]));
    if (!continued) return;
    const dash = item[1]!.length;
    const start = block.start + found[0] + continued.index + 1 + continued[1]!.length;
    report('list-item-continued', start, start + continued[2]!.length, `This line continues the item above as text: it reads ${JSON.stringify(text)}`, `If you meant another item, indent this line as the one above (${dash} ${dash === 1 ? 'space' : 'spaces'})`);
  };
  const visit = (value: unknown, path: Path) => {
    if (path.length > CONTINUED_ITEM_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) value.forEach((item, index) => (typeof item === 'string' ? check(item, [...path, index]) : visit(item, [...path, index])));
    else for (const [key, nested] of Object.entries(value)) visit(nested, [...path, key]);
  };
  visit(source.data, []);
}

/**
 * A `type` written for a contact but not as `contact`: another case or
 * spacing ("Contact", " contact "), the plural, a list holding it, or a
 * typo ("contcat") in a note that has a name and one of Rapport's stages.
 * Other types ("company", "meeting") are other kinds of note.
 */
function meantAsContact(fields: Record<string, unknown>): boolean {
  const values = Array.isArray(fields.type) ? fields.type : [fields.type];
  return values.some((value) => {
    if (typeof value !== 'string') return false;
    const word = value.trim().toLowerCase();
    if (word === 'contact' || word === 'contacts') return true;
    return typeof fields.name === 'string' && isStage(fields.stage) && leven(word, 'contact') <= 2;
  });
}

/** Validates the fields of a frontmatter that parsed, and reads the Outcomes links. */
function readFields(file: string, layout: NoteLayout, block: FrontmatterBlock, source: FrontmatterSource, options: ReadNoteOptions): NoteReading {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(file, layout.content, diagnostics);
  const fields = asRecord(source.data);
  const fenceEnd = 3;
  const range = (path: Path, which: 'key' | 'value' = 'value'): [number, number] => {
    const found = source.locate(path, which);
    return found ? [block.start + found[0], block.start + found[1]] : [0, fenceEnd];
  };
  const problem = (rule: DiagnosticRule, path: Path, message: string, hint?: string) => {
    const [start, end] = range(path);
    report(rule, start, end, message, hint);
  };

  if (fields.type !== 'contact') {
    if (meantAsContact(fields)) {
      // Not a contact until corrected, but not dropped without a word either: listed as a note that cannot be read.
      const [start, end] = range(['type']);
      const written = typeof fields.type === 'string' ? JSON.stringify(fields.type) : 'a list';
      report('invalid-value', start, end, `\`type\` is ${written}, not \`contact\`, so this note is not read as a contact`, 'Write `type: contact`', { title: 'Write `type: contact`', start, end, text: 'contact' });
      return { isContact: true, contact: undefined, diagnostics, referredByRange: undefined };
    }
    if (fields.type === undefined && typeof fields.name === 'string' && typeof fields.stage === 'string') {
      report('missing-type', 0, fenceEnd, 'This note has a name and a stage but no `type: contact`, so it is not listed as a contact', 'Add `type: contact` to the frontmatter');
    }
    return { isContact: false, contact: undefined, diagnostics, referredByRange: undefined };
  }

  if (block.yaml.includes(' #')) reportCommentsCuttingValues(block, fields, report);
  if (!source.plainScalarsOnOneLine && CONTINUATION_ITEM_LINE.test(block.yaml)) reportContinuedItems(block, source, report);

  const id = noteId(file);
  let name = id;
  // A key there but empty is filled in, and the problem placed on it: adding another would make a duplicate key.
  const missing = (key: 'name' | 'stage', hint: string, emptyHint: string) => {
    const [start, end] = fields[key] === undefined ? [0, fenceEnd] : range([key], 'key');
    report('missing-field', start, end, `A contact needs a \`${key}\``, fields[key] === undefined ? hint : emptyHint);
  };
  if (fields.name === undefined || fields.name === null || fields.name === '') {
    missing('name', 'Add `name: Full Name` to the frontmatter', 'Write the name after `name:`');
  } else if (typeof fields.name !== 'string') {
    problem('invalid-type', ['name'], '`name` must be text', 'Quote the name');
  } else name = fields.name;

  let stage: Stage | undefined;
  if (fields.stage === undefined || fields.stage === null || fields.stage === '') {
    missing('stage', `Add \`stage:\` with one of: ${STAGES.join(', ')}`, `Write the stage after \`stage:\`, one of: ${STAGES.join(', ')}`);
  } else if (!isStage(fields.stage)) {
    problem('unknown-stage', ['stage'], `Unknown stage ${JSON.stringify(fields.stage)}`, unknownStageHint(fields.stage));
  } else stage = fields.stage;

  const optional: Record<string, unknown> = {};
  for (const key of STRING_FIELDS) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') optional[key] = value;
    else problem('invalid-type', [key], `\`${key}\` must be text, not ${describe(value)}`, 'Put the value in quotes');
  }
  if (typeof optional.email === 'string' && !isEmailAddress(optional.email)) {
    problem('invalid-value', ['email'], `\`email\` is not an email address: ${JSON.stringify(optional.email)}`);
    delete optional.email;
  }

  if (fields.linkedin !== undefined && fields.linkedin !== null) {
    if (typeof fields.linkedin === 'string' && isProfileUrl(fields.linkedin)) optional.linkedin = fields.linkedin;
    else problem('invalid-value', ['linkedin'], '`linkedin` must be a profile URL starting with https://');
  }

  if (fields.source !== undefined && fields.source !== null) {
    if (isSource(fields.source)) optional.source = fields.source;
    else problem('invalid-value', ['source'], `Unknown source ${JSON.stringify(fields.source)}`, `Use one of: ${SOURCES.join(', ')}`);
  }

  let referredByRange: NoteReading['referredByRange'];
  if (fields.referred_by !== undefined && fields.referred_by !== null && fields.referred_by !== '') {
    const [start, end] = range(['referred_by']);
    const target = typeof fields.referred_by === 'string' ? wikilinkTarget(fields.referred_by) : unquotedWikilink(fields.referred_by);
    if (target === undefined) {
      problem('invalid-value', ['referred_by'], '`referred_by` must be a wikilink such as "[[maya-chen]]"');
    } else if (target === id) {
      // Nobody refers themselves: most likely a note copied from another, its referrer left as it was. Read without it.
      problem('invalid-value', ['referred_by'], `\`referred_by\` names this contact itself ([[${id}]])`, 'Write who gave you their name, or delete the line');
    } else {
      optional.referredBy = detach(target);
      referredByRange = { start, end, ...placeOf(layout.content, start, end) };
      if (typeof fields.referred_by !== 'string') {
        const written = layout.content.slice(start, end);
        // Repaired in place when the value is the bare link itself (not a block list, nor one with a comment inside).
        const fix = /^\[\[[^\n]*\]\]$/.test(written) ? { title: `Put the link in quotes: "${written}"`, start, end, text: `"${written}"` } : undefined;
        report('invalid-type', start, end, 'Unquoted `[[…]]` is a YAML list, not a wikilink', `Write it in quotes: "[[${target}]]"`, fix);
      }
    }
  }

  let tags: string[] = [];
  if (fields.tags !== undefined && fields.tags !== null) {
    if (Array.isArray(fields.tags) && fields.tags.every((tag) => typeof tag === 'string')) {
      // The same list as the field, not a copy (as a reading restored from the cache has it too).
      tags = fields.tags as string[];
    } else if (Array.isArray(fields.tags)) {
      fields.tags.forEach((tag, index) => {
        if (typeof tag === 'string' || typeof tag === 'number') tags.push(String(tag));
        else problem('invalid-type', ['tags', index], 'Each tag must be a word, not ' + describe(tag));
      });
    } else if (typeof fields.tags === 'string') {
      problem('invalid-type', ['tags'], '`tags` must be a list', `Write it as a list: [${fields.tags}]`);
      tags = [fields.tags];
    } else problem('invalid-type', ['tags'], '`tags` must be a list');
  }

  const history: HistoryEntry[] = [];
  // An entry after the last one read could not be read (its own problem is reported): what the history says last is unknown.
  let lastUnread = false;
  if (fields.history !== undefined && fields.history !== null) {
    if (!Array.isArray(fields.history)) {
      problem('invalid-type', ['history'], '`history` must be a list of `{date, stage}` entries');
    } else {
      let previous: HistoryEntry | undefined;
      fields.history.forEach((raw, index) => {
        const entry = readHistoryEntry(raw, (rule, key, message, hint) => problem(rule, key === undefined ? ['history', index] : ['history', index, key], message, hint));
        lastUnread = !entry;
        if (!entry) return;
        if (previous && entry.date < previous.date) {
          problem('history-order', ['history', index, 'date'], `History goes back in time: ${entry.date} comes after ${previous.date}`, 'Keep history entries in date order');
        }
        history.push(entry);
        previous = entry;
      });
    }
  }
  // Entries already in their validated form are the field's own objects, and so is the list when all are.
  const validHistory = Array.isArray(fields.history) && history.length === fields.history.length && history.every((entry, index) => entry === (fields.history as unknown[])[index]) ? (fields.history as HistoryEntry[]) : history;
  // A logged touch records the stage it was made in, not a step: after a merge, one of the other side's can follow a step of this one's.
  const last = history.findLast((entry) => !entry.touch) ?? history.at(-1);
  if (stage && last && last.stage !== stage && !lastUnread) {
    const message = `Stage is "${stage}" but the last history entry (${last.date}) says "${last.stage}"`;
    // Read only here, where it matters: locating entries takes the exact reading of the frontmatter.
    const locateEntry = (index: number) => {
      const found = source.locate(['history', index], 'value');
      return found && ([block.start + found[0], block.start + found[1]] as const);
    };
    // Only a stage past the last entry's: a history that runs ahead of the stage may be right, and its order must not be changed to suit a stage left behind.
    const stageAhead = STAGES.indexOf(stage) > STAGES.indexOf(last.stage);
    const misordered = stageAhead && history.length === (fields.history as unknown[]).length ? sameDayMisorder(history, history.lastIndexOf(last), stage, layout.content, locateEntry) : undefined;
    if (misordered) report('stage-history-mismatch', ...range(['stage']), message, misordered.hint, misordered.fix);
    else problem('stage-history-mismatch', ['stage'], message, 'Record the change with `rapport advance`, or fix the stage');
  }

  let meeting: Meeting | undefined;
  if (fields.meeting !== undefined && fields.meeting !== null) {
    meeting = readMeeting(fields.meeting, (rule, key, message, hint) => problem(rule, key === undefined ? ['meeting'] : ['meeting', key], message, hint));
  }

  let next: ManualNext | undefined;
  if (fields.next !== undefined && fields.next !== null) {
    next = readNext(fields.next, (rule, key, message, hint) => problem(rule, key === undefined ? ['next'] : ['next', key], message, hint));
  }

  let touchEvery: number | undefined;
  if (fields.touch_every !== undefined && fields.touch_every !== null) {
    if (Number.isInteger(fields.touch_every) && (fields.touch_every as number) > 0 && (fields.touch_every as number) <= 3650) touchEvery = fields.touch_every as number;
    else problem('invalid-type', ['touch_every'], '`touch_every` must be a whole number of days between 1 and 3650');
  }
  let snoozedUntil: string | undefined;
  if (fields.snoozed_until !== undefined && fields.snoozed_until !== null) {
    // Read without it: the actions keep their own dates, and the diagnostic says why.
    if (isCalendarDate(fields.snoozed_until)) snoozedUntil = fields.snoozed_until;
    else problem('invalid-date', ['snoozed_until'], `\`snoozed_until\` is not a valid date: ${JSON.stringify(fields.snoozed_until)}`, dateHint(fields.snoozed_until, 'Write the day the snooze ends as YYYY-MM-DD, or delete the line'));
  }
  // Read where a move needs it (`contactTimeZone`), which leaves a name that is no zone unread: told here, not first at a move.
  const zone = fields.timezone;
  if (zone !== undefined && zone !== null && zone !== '' && !isTimeZone(zone)) {
    const meant = timeZoneSuggestion(zone);
    const hint = meant === '' ? 'Write an IANA name, such as America/Bogota or Europe/Paris' : `Write the IANA name of their zone${meant}`;
    problem('unknown-time-zone', ['timezone'], `Unknown time zone in \`timezone\`: ${JSON.stringify(zone)}`, hint);
  } else if (typeof zone === 'string' && isZoneAbbreviation(zone)) {
    // Read as tzdata has it (BST is Dhaka's, not London's summer): said, and left as it is.
    problem('abbreviated-time-zone', ['timezone'], zoneAbbreviationWords(zone), 'Write the IANA name of their place, such as Europe/London or America/Chicago');
  }
  // Anything else would silently not count as a connection (and a connection request would be offered).
  const connected = fields.linkedin_connected;
  if (connected !== undefined && connected !== null && typeof connected !== 'boolean' && !isCalendarDate(connected)) {
    problem('invalid-value', ['linkedin_connected'], `\`linkedin_connected\` is neither a day nor true: ${JSON.stringify(connected)}`, dateHint(connected, 'Write the day you connected as YYYY-MM-DD, or `true` when you do not know it'));
  }

  const sections = scanSections(layout.content, layout.bodyStart);
  const outcomesSection = findSection(sections, 'Outcomes');
  if (outcomesSection) reportLaterOutcomes(sections, outcomesSection, layout.content, report);
  const outcomeLinks = [...new Set((outcomesSection?.wikilinks ?? []).map((link) => link.target))].map(detach);
  const outcomes = outcomesSection ? readOutcomes(file, layout.content, outcomesSection.start, outcomesSection.end, options.outcomeLabels ? { labels: options.outcomeLabels } : {}) : { outcomes: [], diagnostics: [] };
  diagnostics.push(...outcomes.diagnostics);

  // Built key by key rather than from spread objects: this runs for every note of a folder.
  const contact: Record<string, unknown> = { id, file, name, stage: stage ?? last?.stage ?? 'identified' };
  for (const key in optional) contact[key] = optional[key];
  contact.tags = tags;
  contact.history = validHistory;
  if (meeting) contact.meeting = meeting;
  if (next) contact.next = next;
  if (touchEvery !== undefined) contact.touchEvery = touchEvery;
  if (snoozedUntil !== undefined) contact.snoozedUntil = snoozedUntil;
  contact.outcomeLinks = outcomeLinks;
  contact.outcomes = outcomes.outcomes;
  contact.fields = fields;
  return { isContact: true, contact: contact as unknown as Contact, diagnostics, referredByRange };
}

type Problem = (rule: DiagnosticRule, key: string | undefined, message: string, hint?: string) => void;

function readHistoryEntry(raw: unknown, problem: Problem): HistoryEntry | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problem('invalid-type', undefined, 'A history entry must be a mapping such as `{date: 2026-11-23, stage: contacted}`');
    return undefined;
  }
  const entry = raw as Record<string, unknown>;
  let valid = true;
  if (!isCalendarDate(entry.date)) {
    problem(entry.date === undefined ? 'missing-field' : 'invalid-date', entry.date === undefined ? undefined : 'date', entry.date === undefined ? 'A history entry needs a `date`' : `Not a valid date: ${JSON.stringify(entry.date)}`, dateHint(entry.date, 'Write dates as YYYY-MM-DD'));
    valid = false;
  }
  if (!isStage(entry.stage)) {
    problem(entry.stage === undefined ? 'missing-field' : 'unknown-stage', entry.stage === undefined ? undefined : 'stage', entry.stage === undefined ? 'A history entry needs a `stage`' : `Unknown stage ${JSON.stringify(entry.stage)}`, entry.stage === undefined ? `Use one of: ${STAGES.join(', ')}` : unknownStageHint(entry.stage));
    valid = false;
  }
  if (entry.via !== undefined && entry.via !== null && !isChannel(entry.via)) {
    problem('invalid-value', 'via', `Unknown channel ${JSON.stringify(entry.via)}`, `Use one of: ${CHANNELS.join(', ')}`);
  }
  for (const key of ['letter', 'note'] as const) {
    if (entry[key] !== undefined && entry[key] !== null && typeof entry[key] !== 'string') problem('invalid-type', key, `\`${key}\` must be text`);
  }
  if (entry.replied !== undefined && entry.replied !== null && typeof entry.replied !== 'boolean') problem('invalid-type', 'replied', '`replied` must be true or false', 'Write `replied: true` on the day they answered');
  if (!valid) return undefined;
  if (isCanonicalHistoryEntry(entry)) return entry as unknown as HistoryEntry;
  return {
    date: entry.date as string,
    stage: entry.stage as Stage,
    ...(isChannel(entry.via) ? { via: entry.via } : {}),
    ...(typeof entry.letter === 'string' ? { letter: entry.letter } : {}),
    ...(typeof entry.note === 'string' ? { note: entry.note } : {}),
    ...(entry.touch === true ? { touch: true } : {}),
    ...(entry.replied === true ? { replied: true } : {}),
  };
}

const HISTORY_KEYS = ['date', 'stage', 'via', 'letter', 'note'];

/** True when a valid entry is already what `readHistoryEntry` would build: the same keys, in its order, with text values. */
function isCanonicalHistoryEntry(entry: Record<string, unknown>): boolean {
  let next = 0;
  for (const key of Object.keys(entry)) {
    while (next < HISTORY_KEYS.length && HISTORY_KEYS[next] !== key) next++;
    if (next === HISTORY_KEYS.length || typeof entry[key] !== 'string') return false;
    if (key === 'via' && !isChannel(entry[key])) return false;
    next++;
  }
  return Object.getPrototypeOf(entry) === Object.prototype;
}

function readMeeting(raw: unknown, problem: Problem): Meeting | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problem('invalid-type', undefined, '`meeting` must be a mapping with `at`, `minutes` and `format`');
    return undefined;
  }
  const meeting = raw as Record<string, unknown>;
  let valid = true;
  if (!isMeetingTime(meeting.at)) {
    problem(meeting.at === undefined ? 'missing-field' : 'invalid-date', meeting.at === undefined ? undefined : 'at', meeting.at === undefined ? 'A meeting needs `at`' : `Not a valid meeting time: ${JSON.stringify(meeting.at)}`, impossibleDateHint(meeting.at) ?? 'Write it as YYYY-MM-DDTHH:mm, optionally with an offset such as -05:00');
    valid = false;
  }
  const minutes = meeting.minutes ?? 30;
  if (!Number.isInteger(minutes) || (minutes as number) <= 0 || (minutes as number) > 600) {
    problem('invalid-type', 'minutes', '`minutes` must be a whole number of minutes from 1 to 600 (30 is customary)');
    valid = false;
  }
  const formatValue = meeting.format ?? 'video';
  if (!isMeetingFormat(formatValue)) {
    problem('invalid-value', 'format', `Unknown meeting format ${JSON.stringify(meeting.format)}`, `Use one of: ${MEETING_FORMATS.join(', ')}`);
    valid = false;
  }
  for (const key of ['place', 'link'] as const) {
    if (meeting[key] !== undefined && meeting[key] !== null && typeof meeting[key] !== 'string') problem('invalid-type', key, `\`${key}\` must be text`);
  }
  if (typeof meeting.link === 'string' && !isMeetingLink(meeting.link)) {
    problem('invalid-value', 'link', `\`link\` is not a meeting link: ${JSON.stringify(meeting.link)}`, 'Write the full https:// address, such as https://meet.example.com/abc, or a dial-in such as tel:+14125550142');
  }
  if (!valid) return undefined;
  return {
    at: meeting.at as string,
    minutes: minutes as number,
    format: formatValue as Meeting['format'],
    ...(typeof meeting.place === 'string' ? { place: meeting.place } : {}),
    ...(isMeetingLink(meeting.link) ? { link: meeting.link } : {}),
  };
}

function readNext(raw: unknown, problem: Problem): ManualNext | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problem('invalid-type', undefined, '`next` must be a mapping with `action` and `due`');
    return undefined;
  }
  const next = raw as Record<string, unknown>;
  if (typeof next.action !== 'string' || next.action.trim() === '') {
    problem(next.action === undefined ? 'missing-field' : 'invalid-type', next.action === undefined ? undefined : 'action', '`next` needs an `action` written as text');
    return undefined;
  }
  if (next.due !== undefined && next.due !== null && !isCalendarDate(next.due)) {
    problem('invalid-date', 'due', `Not a valid date: ${JSON.stringify(next.due)}`, dateHint(next.due, 'Write dates as YYYY-MM-DD'));
    return undefined;
  }
  return { action: next.action, due: (next.due as string | undefined) ?? null };
}

/** What to write instead of a stage that is not one: the stage it most likely meant, then every stage. */
function unknownStageHint(value: unknown): string {
  const meant = typeof value === 'string' ? closestStage(value) : undefined;
  return `${meant ? `Did you mean "${meant}"? ` : ''}Use one of: ${STAGES.join(', ')}`;
}

/** `referred_by: [[x]]` without quotes parses as a nested list; recover the id. */
function unquotedWikilink(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'string') {
    return value[0][0].trim();
  }
  return undefined;
}

/** Line and column of both ends of a range, counting lines only up to it (it sits in the frontmatter). */
function placeOf(content: string, start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = content.indexOf('\n'); i >= 0 && i < start; i = content.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let endLine = line;
  let endLineStart = lineStart;
  for (let i = content.indexOf('\n', start); i >= 0 && i < end; i = content.indexOf('\n', i + 1)) {
    endLine++;
    endLineStart = i + 1;
  }
  return { line, column: start - lineStart + 1, endLine, endColumn: end - endLineStart + 1 };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** The YAML node at `path`: the value, or the key of the last step. */
function nodeAt(document: Document.Parsed, path: Path, which: 'key' | 'value'): Node | undefined {
  let node: unknown = document.contents;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === step);
      if (!pair) return undefined;
      if (i === path.length - 1 && which === 'key') return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else return undefined;
  }
  return (node as Node | null) ?? undefined;
}

/**
 * True for what a note's `email:` may hold: text around one `@`, without
 * spaces. Loose on purpose: it catches a name or a URL pasted in the wrong
 * field, and refuses no real address.
 */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value);
}

/** True for what a note's `linkedin:` may hold: an http(s) URL without spaces. */
export function isProfileUrl(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value);
}
