import { dequal } from 'dequal';
import { Document, isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { InvalidInputError, RapportError, UneditableNoteError } from '../errors.js';
import { findSection, scanSections } from './body.js';
import { parseFrontmatter, YAML_OPTIONS } from './frontmatter.js';
import { endOfLine, readLayout, startOfLine, withBom, type LineEnding } from './source.js';

/**
 * Lossless edits. Each one changes only the text of the field it edits:
 * every other byte — comments, key order, quoting, blank lines, line
 * endings, the BOM and the body — is kept exactly. The YAML is parsed with
 * the `yaml` Document API for its source ranges; new text is spliced in.
 */

/** Keys and list indexes leading to a frontmatter value, e.g. `['meeting', 'at']`. */
export type FieldPath = readonly (string | number)[];

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Frame {
  /** The YAML text being edited. */
  readonly yaml: string;
  readonly eol: LineEnding;
}

const RENDER = { lineWidth: 0, minContentWidth: 0, indent: 2 } as const;

/** Sets the value at `path`, creating missing parents; returns the new note text. */
export function setField(text: string, path: FieldPath, value: unknown): string {
  assertPath(path);
  return editFrontmatter(text, path, value, (document, frame) => planSet(document.contents, path, value, frame, 0));
}

/** Removes the value at `path` (a missing one is no change). */
export function deleteField(text: string, path: FieldPath): string {
  assertPath(path);
  return editFrontmatter(text, path, undefined, (document, frame) => planDelete(document, path, frame));
}

/** Appends `item` to the list at `path`, creating the list when missing. */
export function appendToList(text: string, path: FieldPath, item: unknown): string {
  assertPath(path);
  let expected: unknown[] = [];
  const result = editFrontmatter(text, path, () => expected, (document, frame) => {
    const node = document.getIn(path, true);
    const current = node === undefined ? undefined : (node as Node).toJSON();
    if (isSeq(node) && !node.flow && node.items.length > 0) {
      expected = [...(current as unknown[]), item];
      return appendBlockItem(node, item, frame);
    }
    // Replacing what the user wrote (`history: yesterday`) with a list would lose it: refuse instead.
    if (current !== undefined && current !== null && !Array.isArray(current)) throw new UneditableNoteError(`\`${path.join('.')}\` is not a list, so nothing can be added to it; make it a list first`);
    expected = Array.isArray(current) ? [...current, item] : [item];
    return planSet(document.contents, path, expected, frame, 0);
  });
  return result;
}

/** Reads the frontmatter value at `path` as plain data (`undefined` when absent or unreadable). */
export function getField(text: string, path: FieldPath): unknown {
  const layout = readLayout(text);
  if (!layout.frontmatter) return undefined;
  const parsed = parseFrontmatter(layout.frontmatter);
  if (parsed.problems.length > 0) return undefined;
  const node = parsed.document.getIn(path, true);
  return node === undefined ? undefined : (node as Node).toJSON();
}

/**
 * Appends Markdown lines at the end of a body section (before the blank lines
 * that lead to the next heading), adding the section at the end of the note
 * when it does not exist.
 */
export function appendToSection(text: string, title: string, markdown: string): string {
  const layout = readLayout(text);
  const { content, eol } = layout;
  const block = markdown.replace(/\r?\n/g, eol).replace(new RegExp(`(${eol})+$`), '');
  const section = findSection(scanSections(content, layout.bodyStart), title);
  if (!section) {
    const ending = content === '' || content.endsWith('\n') ? '' : eol;
    const gap = content.trimEnd() === '' ? '' : eol;
    return withBom(layout, `${content}${ending}${gap}## ${title}${eol}${eol}${block}${eol}`);
  }
  const headingEnd = endOfLine(content, section.start);
  let end = section.end;
  while (end > headingEnd && /\s/.test(content[end - 1]!)) end--;
  if (end <= headingEnd) {
    const lead = content.slice(0, headingEnd).endsWith('\n') ? '' : eol;
    return withBom(layout, `${content.slice(0, headingEnd)}${lead}${eol}${block}${eol}${content.slice(headingEnd)}`);
  }
  const lineEnd = endOfLine(content, end);
  const lead = content.slice(0, lineEnd).endsWith('\n') ? '' : eol;
  return withBom(layout, `${content.slice(0, lineEnd)}${lead}${block}${eol}${content.slice(lineEnd)}`);
}

function assertPath(path: FieldPath): void {
  if (path.length === 0 || path.some((step) => (typeof step === 'string' ? step === '' : !Number.isInteger(step) || step < 0))) {
    throw new InvalidInputError(`invalid field path: ${JSON.stringify(path)}`);
  }
}

function editFrontmatter(
  text: string,
  path: FieldPath,
  expected: unknown,
  plan: (document: Document.Parsed, frame: Frame) => Splice | undefined,
): string {
  let layout = readLayout(text);
  let content = layout.content;
  if (!layout.frontmatter) {
    if (layout.unterminated) throw new UneditableNoteError('its frontmatter is never closed with `---`');
    content = `---${layout.eol}---${layout.eol}${content}`;
    layout = readLayout(content);
  }
  const block = layout.frontmatter!;
  const parsed = parseFrontmatter(block);
  if (parsed.problems.length > 0) throw new UneditableNoteError(`its frontmatter is not valid YAML (${parsed.problems[0]!.message})`);
  if (parsed.document.contents !== null && !isMap(parsed.document.contents)) throw new UneditableNoteError('its frontmatter is not a mapping of fields');

  const frame: Frame = { yaml: block.yaml, eol: layout.eol };
  const splice = plan(parsed.document, frame);
  if (!splice) return text;
  const yaml = block.yaml.slice(0, splice.start) + splice.text + block.yaml.slice(splice.end);
  verify(yaml, path, typeof expected === 'function' ? (expected as () => unknown)() : expected);
  return withBom(layout, content.slice(0, block.start) + yaml + content.slice(block.end));
}

/** Guards the promise: the edited YAML parses and holds exactly the value written. */
function verify(yaml: string, path: FieldPath, expected: unknown): void {
  const document = parseDocument(yaml, YAML_OPTIONS);
  if (document.errors.length > 0) throw new RapportError(`edit produced invalid YAML: ${document.errors[0]!.message}`);
  const actual = document.getIn(path, true);
  const value = actual === undefined ? undefined : (actual as Node).toJSON();
  if (!dequal(value, normalize(expected))) {
    throw new RapportError(`edit of ${path.join('.')} did not round-trip: wrote ${JSON.stringify(expected)}, read ${JSON.stringify(value)}`);
  }
}

function normalize(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function planSet(node: unknown, path: FieldPath, value: unknown, frame: Frame, flowDepth: number): Splice {
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  const nested = buildNested(rest, value);
  if (node === null || node === undefined) {
    return { start: frame.yaml.length, end: frame.yaml.length, text: renderPairs({ [String(step)]: nested }, 0, frame) };
  }
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
    if (!pair) return insertPair(node, String(step), nested, frame);
    const child = pair.value;
    const inFlow = flowDepth > 0 || Boolean(node.flow);
    if (rest.length > 0 && isCollection(child) && (typeof rest[0] === 'number' ? isSeq(child) : isMap(child))) {
      return planSet(child, rest, value, frame, inFlow ? flowDepth + 1 : 0);
    }
    return replaceValue(pair, nested, frame, inFlow);
  }
  if (isSeq(node) && typeof step === 'number') {
    const inFlow = flowDepth > 0 || Boolean(node.flow);
    const item = node.items[step];
    if (item === undefined) {
      if (step !== node.items.length) throw new InvalidInputError(`no list item ${step} to set (the list has ${node.items.length})`);
      if (node.flow || node.items.length === 0) return replaceCollection(node, [...(node.toJSON() as unknown[]), nested], frame);
      return appendBlockItem(node, nested, frame);
    }
    if (rest.length > 0 && isCollection(item) && (typeof rest[0] === 'number' ? isSeq(item) : isMap(item))) {
      return planSet(item, rest, value, frame, inFlow ? flowDepth + 1 : 0);
    }
    return replaceNode(item as Node, nested, frame, inFlow);
  }
  throw new InvalidInputError(`cannot set ${path.join('.')}: a ${isSeq(node) ? 'list' : 'value'} is in the way`);
}

function planDelete(document: Document.Parsed, path: FieldPath, frame: Frame): Splice | undefined {
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  const step = path.at(-1)!;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
    if (!pair) return undefined;
    const key = pair.key as Node;
    const lineStart = startOfLine(frame.yaml, key.range![0]);
    const ownsLine = parent.flow !== true && /^[ \t]*$/.test(frame.yaml.slice(lineStart, key.range![0]));
    if (ownsLine && parent === document.contents) {
      return { start: lineStart, end: afterNode(frame.yaml, nodeEnd(pair)), text: '' };
    }
    if (!ownsLine || parent.items.length === 1) {
      const remaining = Object.fromEntries(Object.entries(parent.toJSON() as Record<string, unknown>).filter(([name]) => name !== String(step)));
      return replaceCollection(parent, remaining, frame);
    }
    return { start: lineStart, end: afterNode(frame.yaml, nodeEnd(pair)), text: '' };
  }
  if (isSeq(parent) && typeof step === 'number') {
    if (step >= parent.items.length) return undefined;
    const remaining = (parent.toJSON() as unknown[]).filter((_, index) => index !== step);
    return replaceCollection(parent, remaining, frame);
  }
  return undefined;
}

function insertPair(map: YAMLMap, key: string, value: unknown, frame: Frame): Splice {
  if (map.flow || map.items.length === 0) {
    return replaceCollection(map, { ...(map.toJSON() as Record<string, unknown>), [key]: value }, frame);
  }
  const firstKey = map.items[0]!.key as Node;
  const indent = firstKey.range![0] - startOfLine(frame.yaml, firstKey.range![0]);
  const end = afterNode(frame.yaml, nodeEnd(map.items.at(-1)!));
  const lead = frame.yaml.slice(0, end).endsWith('\n') || end === 0 ? '' : frame.eol;
  return { start: end, end, text: lead + renderPairs({ [key]: value }, indent, frame) };
}

function appendBlockItem(seq: YAMLSeq, item: unknown, frame: Frame): Splice {
  const first = seq.items[0] as Node;
  const dash = frame.yaml.lastIndexOf('-', first.range![0]);
  const indent = dash - startOfLine(frame.yaml, dash);
  const end = afterNode(frame.yaml, (seq.items.at(-1) as Node).range![1]);
  const lead = frame.yaml.slice(0, end).endsWith('\n') ? '' : frame.eol;
  return { start: end, end, text: lead + indentLines(stringify([item], RENDER), indent, frame) };
}

/** Replaces a pair's value, keeping its key and whatever follows the value. */
function replaceValue(pair: Pair, value: unknown, frame: Frame, inFlow: boolean): Splice {
  const key = pair.key as Node;
  const old = pair.value as Node | null;
  if (old === null || (isScalar(old) && old.range![0] === old.range![1])) {
    const at = key.range![1];
    const colon = frame.yaml.indexOf(':', at);
    if (isScalarValue(value) || inFlow) return { start: colon + 1, end: colon + 1, text: ' ' + formatInline(value, undefined, inFlow) };
    const lineEnd = endOfLine(frame.yaml, colon);
    const indent = key.range![0] - startOfLine(frame.yaml, key.range![0]);
    return { start: colon + 1, end: lineEnd, text: renderBlockValue(value, indent, frame) };
  }
  const blockCollection = isCollection(old) && !old.flow;
  if (blockCollection && (isScalarValue(value) || inFlow || isEmptyCollection(value))) {
    const colon = frame.yaml.indexOf(':', key.range![1]);
    const text = isScalarValue(value) ? formatInline(value, undefined, inFlow) : formatFlow(value, frame);
    return { start: colon + 1, end: trimLineEnd(frame.yaml, old.range![1]), text: ' ' + text };
  }
  if (isScalarValue(value) || inFlow || isEmptyCollection(value)) return replaceNode(old, value, frame, inFlow);
  if (isCollection(old) && old.flow && !isEmptyCollection(old.toJSON())) return replaceNode(old, value, frame, inFlow);
  const colon = frame.yaml.indexOf(':', key.range![1]);
  const lineStart = startOfLine(frame.yaml, key.range![0]);
  const indent = key.range![0] - lineStart;
  const end = isCollection(old) && !old.flow ? afterNode(frame.yaml, old.range![1]) : afterNode(frame.yaml, old.range![2]);
  return { start: colon + 1, end, text: renderBlockValue(value, indent, frame) };
}

/** Replaces a node in place, when the new value can be written where it stands. */
function replaceNode(node: Node, value: unknown, frame: Frame, inFlow: boolean): Splice {
  const start = node.range![0];
  const end = isCollection(node) && !node.flow ? trimLineEnd(frame.yaml, node.range![1]) : node.range![1];
  if (isScalarValue(value) || isEmptyCollection(value) || inFlow || (isCollection(node) && node.flow)) {
    const style = isScalar(node) ? node.type : undefined;
    const block = style === Scalar.BLOCK_FOLDED || style === Scalar.BLOCK_LITERAL;
    const text = isScalarValue(value) ? formatInline(value, block ? undefined : style, inFlow) : formatFlow(value, frame, isCollection(node) && node.flow === true && isCompact(node, frame));
    return { start, end: block ? trimLineEnd(frame.yaml, end) : end, text };
  }
  // A block collection replacing a scalar list item: write it inline in flow style.
  return { start, end, text: formatFlow(value, frame) };
}

/** Rewrites a whole collection (used for flow collections and emptied ones). */
function replaceCollection(node: YAMLMap | YAMLSeq, value: unknown, frame: Frame): Splice {
  if (node.flow || isEmptyCollection(value)) {
    const end = node.flow ? node.range![1] : trimLineEnd(frame.yaml, node.range![1]);
    return { start: node.range![0], end, text: formatFlow(value, frame, Boolean(node.flow) && isCompact(node, frame)) };
  }
  const lineStart = startOfLine(frame.yaml, node.range![0]);
  const indent = node.range![0] - lineStart;
  const rendered = indentLines(stringify(value, RENDER), indent, frame).slice(indent);
  return { start: node.range![0], end: afterNode(frame.yaml, node.range![1]), text: rendered };
}

function renderPairs(value: Record<string, unknown>, indent: number, frame: Frame): string {
  return indentLines(stringify(value, RENDER), indent, frame);
}

/** The text after `key:` for a block collection value: a line break, then indented lines. */
function renderBlockValue(value: unknown, keyIndent: number, frame: Frame): string {
  return frame.eol + indentLines(stringify(value, RENDER), keyIndent + 2, frame);
}

function indentLines(rendered: string, indent: number, frame: Frame): string {
  const pad = ' '.repeat(indent);
  return rendered
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join(frame.eol) + frame.eol;
}

/** A scalar written on one line: keeps the old quoting style when it can. */
export function formatInline(value: unknown, style: Scalar.Type | undefined, inFlow: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  if (/[\n\r\t\u0000-\u001f\u007f\u2028\u2029]/.test(text) || style === Scalar.QUOTE_DOUBLE) return JSON.stringify(text);
  if (style === Scalar.QUOTE_SINGLE) return `'${text.replace(/'/g, "''")}'`;
  const plain = stringify(text, RENDER).replace(/\n$/, '');
  if (plain.includes('\n') || (inFlow && /[,[\]{}]/.test(plain))) return JSON.stringify(text);
  return plain;
}

/** A flow collection on one line; `compact` drops the padding inside brackets, as in `[a, b]`. */
function formatFlow(value: unknown, frame: Frame, compact = false): string {
  const document = new Document(value);
  if (isCollection(document.contents)) document.contents.flow = true;
  const text = document.toString(RENDER).replace(/\n$/, '').replace(/\n/g, frame.eol);
  return compact ? text.replace(/^([[{]) /, '$1').replace(/ ([\]}])$/, '$1') : text;
}

/** True when a flow collection is written without padding, like `[a, b]`. */
function isCompact(node: Node, frame: Frame): boolean {
  return /^[[{][^ \s]/.test(frame.yaml.slice(node.range![0], node.range![0] + 2));
}

function buildNested(rest: FieldPath, value: unknown): unknown {
  return rest.reduceRight<unknown>((inner, step) => (typeof step === 'number' ? Object.assign(new Array(step).fill(null), { [step]: inner }) : { [step]: inner }), value);
}

function isScalarValue(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object';
}

function isEmptyCollection(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
}

/** End of a pair's value text (without trailing comment lines). */
function nodeEnd(pair: Pair): number {
  const value = pair.value as Node | null;
  if (value?.range) return value.range[1];
  return (pair.key as Node).range![1];
}

/** The offset after the line that holds the end of a node, unless it already ends a line. */
function afterNode(yaml: string, end: number): number {
  return end > 0 && yaml[end - 1] === '\n' ? end : endOfLine(yaml, end);
}

function trimLineEnd(yaml: string, end: number): number {
  let at = end;
  while (at > 0 && (yaml[at - 1] === '\n' || yaml[at - 1] === '\r')) at--;
  return at;
}

