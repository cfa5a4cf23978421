import { dequal } from 'dequal';
import { Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Lexer, parseDocument, Scalar, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { InvalidInputError, RapportError, UneditableNoteError } from '../errors.js';
import { isStage, STAGES } from '../model/vocabulary.js';
import { findSection, scanSections } from './body.js';
import { parseFrontmatter, YAML_OPTIONS } from './frontmatter.js';
import { yamlWriteOptions } from './yaml-write.js';
import { endOfLine, readLayout, startOfLine, withBom, type LineEnding } from './source.js';

/**
 * Lossless edits. Each one changes only the text of the field it edits:
 * every other byte — comments, key order, quoting, blank lines, line
 * endings, the BOM and the body — is kept exactly. The YAML is parsed with
 * the `yaml` Document API for its source ranges; new text is spliced in,
 * and existing values are never written again (an item added to a flow
 * list is inserted before its `]`). After each edit, every value and key
 * outside the edited field is checked to have kept its exact source text.
 */

/** Keys and list indexes leading to a frontmatter value, e.g. `['meeting', 'at']`. */
export type FieldPath = readonly (string | number)[];

/** Replaces `[start, end)` of the YAML text with `text`. An edit is one or more, never overlapping. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Frame {
  /** The YAML text being edited. */
  readonly yaml: string;
  readonly eol: LineEnding;
}

/** What an edit does, for the check that follows it. */
export interface Intent {
  readonly kind: 'set' | 'append' | 'insert' | 'delete';
  readonly path: FieldPath;
  /** The value the field must read back as (not for `delete`). */
  readonly expected?: () => unknown;
}


/**
 * Sets the value at `path`, creating missing parents; returns the new note text.
 *
 * A list or mapping holding a comment is not replaced whole: that throws
 * `UneditableNoteError`, as the comment would be lost. Set its entries one
 * by one instead (`['meeting', 'at']`), and each keeps its comment. Nor is a
 * value the note holds replaced by a path through it (`['name', 'first']`
 * where `name: Maya Chen` stands): set the field itself. A new list starts at
 * index 0 (`['tags', 0]`); a later index throws `InvalidInputError`.
 *
 * Throws `InvalidInputError` for a `value` of `undefined` (use `deleteField`
 * to remove a field), for one that is not plain data (a `Date`, `NaN`, a
 * `Map`, a function: notes hold text, finite numbers, booleans, null, lists
 * and mappings), and for a top-level `stage` that is not one of `STAGES`; to
 * move a contact to a stage, `advance` also records the change in the history.
 *
 * @example
 * ```ts
 * import { setField } from '@rapport/core';
 *
 * const text = '---\nname: Maya Chen # met at UXPA\nstage: identified\n---\n';
 * console.log(JSON.stringify(setField(text, ['stage'], 'contacted'))); // → "---\nname: Maya Chen # met at UXPA\nstage: contacted\n---\n"
 * ```
 */
export function setField(text: string, path: FieldPath, value: unknown): string {
  if (value === undefined) throw new InvalidInputError(`no value to set at ${JSON.stringify(path)} (got undefined): to remove a field, use deleteField`);
  if (path.length === 1 && path[0] === 'stage' && !isStage(value)) {
    throw new InvalidInputError(`${JSON.stringify(value)} is not a stage (use one of: ${STAGES.join(', ')}); to move a contact to a stage and record it in the history, use advance`);
  }
  assertPlainData(value, `cannot set ${path.join('.')}`);
  return writeField(text, path, value);
}

/**
 * Refuses what a note cannot hold as written (`InvalidInputError`: `refusal`,
 * which names the field, then what is wrong): a note's frontmatter is plain data — text,
 * finite numbers, true and false, null, lists and mappings of those. A
 * `Date` would be written as a timestamp, where notes write days as
 * `YYYY-MM-DD`; `NaN` as `.nan`; a `Map`, a class instance or a function
 * not at all.
 */
function assertPlainData(value: unknown, refusal: string, within: object[] = []): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidInputError(`${refusal}: ${String(value)} is not a number a note can hold`);
    return;
  }
  if (value instanceof Date) throw new InvalidInputError(`${refusal}: a Date is written as a timestamp; give the day as text, "YYYY-MM-DD"`);
  if (typeof value !== 'object') throw new InvalidInputError(`${refusal}: a ${typeof value} is not data a note can hold (text, numbers, true or false, null, lists and mappings)`);
  if (within.includes(value)) throw new InvalidInputError(`${refusal}: the value contains itself`);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) {
    throw new InvalidInputError(`${refusal}: a ${(value as { constructor?: { name?: string } }).constructor?.name ?? 'object'} is not data a note can hold (text, numbers, true or false, null, lists and mappings)`);
  }
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (item !== undefined) assertPlainData(item, refusal, [...within, value]);
}

/** `setField` without the checks of the value, for writing back what a note itself held (a merge): not part of the library's API. */
export function writeField(text: string, path: FieldPath, value: unknown): string {
  assertPath(path);
  return editFrontmatter(text, { kind: 'set', path, expected: () => value }, (document, frame) => planSet(document.contents as YAMLMap | null, path, value, frame));
}

/** Removes the value at `path` (a missing one is no change). */
export function deleteField(text: string, path: FieldPath): string {
  assertPath(path);
  return editFrontmatter(text, { kind: 'delete', path }, (document, frame) => planDelete(document, path, frame));
}

/** Appends `item` to the list at `path`, creating the list when missing. Refuses an `item` that is not plain data, as `setField` does. */
export function appendToList(text: string, path: FieldPath, item: unknown): string {
  assertPath(path);
  if (item === undefined) throw new InvalidInputError(`no item to add to ${JSON.stringify(path)} (got undefined)`);
  assertPlainData(item, `cannot add to ${path.join('.')}`);
  let expected: unknown[];
  return editFrontmatter(text, { kind: 'append', path, expected: () => expected }, (document, frame) => {
    const node = document.getIn(path, true);
    const current = node === undefined ? undefined : (node as Node).toJSON();
    if (isSeq(node) && node.items.length > 0) {
      expected = [...(current as unknown[]), item];
      return appendItem(node, item, frame);
    }
    // Replacing what the user wrote (`history: yesterday`) with a list would lose it: refuse instead.
    if (current !== undefined && current !== null && !Array.isArray(current)) throw new UneditableNoteError(`\`${path.join('.')}\` is not a list, so nothing can be added to it; make it a list first`);
    // A missing, empty (`[]`) or blank list is written anew, as a block list when it stands in one.
    expected = [item];
    return planSet(document.contents as YAMLMap | null, path, expected, frame);
  });
}

/**
 * Inserts `item` into the non-empty list at `path` as its entry `index` (at
 * the end when `index` is the list's length), leaving every other byte as it
 * was: a comment written before an entry stays before that entry. A flow
 * list (`[a, b]`) is only appended to. For merges, not part of the library's API.
 */
export function insertIntoList(text: string, path: FieldPath, index: number, item: unknown): string {
  assertPath([...path, index]);
  return editFrontmatter(text, { kind: 'insert', path: [...path, index], expected: () => item }, (document, frame) => {
    const node = document.getIn(path, true);
    if (!isSeq(node) || node.items.length === 0 || index > node.items.length) throw new UneditableNoteError(`\`${path.join('.')}\` has no entry ${index} to insert before`);
    if (index === node.items.length) return appendItem(node, item, frame);
    if (node.flow) throw new UneditableNoteError(`\`${path.join('.')}\` is written as a flow list (\`[…]\`), into which nothing is inserted; edit it by hand`);
    // After the entry before it, so that a comment above the next entry stays with that entry; the first entry goes before the first dash.
    const at = index === 0 ? startOfLine(frame.yaml, frame.yaml.lastIndexOf('-', (node.items[0] as Node).range![0])) : afterNode(frame.yaml, (node.items[index - 1] as Node).range![1]);
    return { start: at, end: at, text: blockItemText(node, item, frame) };
  });
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

/** How an edit refused for a frontmatter that does not parse starts its reason; `editNote` words it then as the note's diagnostic does. */
export const NOT_VALID_YAML = 'its frontmatter is not valid YAML';

function editFrontmatter(text: string, intent: Intent, plan: (document: Document.Parsed, frame: Frame) => Splice | readonly Splice[] | undefined): string {
  const original = readLayout(text);
  let layout = original;
  let content = layout.content;
  if (!layout.frontmatter) {
    if (layout.unterminated) throw new UneditableNoteError('its frontmatter is never closed with `---`');
    content = `---${layout.eol}---${layout.eol}${content}`;
    layout = readLayout(content);
  }
  const block = layout.frontmatter!;
  const parsed = parseFrontmatter(block);
  if (parsed.problems.length > 0) throw new UneditableNoteError(`${NOT_VALID_YAML} (${parsed.problems[0]!.message})`);
  if (parsed.document.contents !== null && !isMap(parsed.document.contents)) throw new UneditableNoteError('its frontmatter is not a mapping of fields');

  const frame: Frame = { yaml: block.yaml, eol: layout.eol };
  const planned = plan(parsed.document, frame);
  if (!planned) return text;
  const yaml = applySplices(parsed.document, block.yaml, Array.isArray(planned) ? (planned as readonly Splice[]) : [planned as Splice], intent);
  // The BOM of the file as read: a frontmatter created above was read without it.
  return withBom(original, content.slice(0, block.start) + yaml + content.slice(block.end));
}

/** Applies an edit's splices to YAML text and checks the result (exported for its tests; not part of the library's API). */
export function spliceYaml(yaml: string, splices: readonly Splice[], intent: Intent): string {
  return applySplices(parseDocument(yaml, YAML_OPTIONS), yaml, splices, intent);
}

function applySplices(before: Document.Parsed, oldYaml: string, planned: readonly Splice[], intent: Intent): string {
  const splices = [...planned].sort((a, b) => a.start - b.start || a.end - b.end);
  let yaml = '';
  let at = 0;
  for (const splice of splices) {
    if (splice.start < at) throw new RapportError('edit planned overlapping changes');
    yaml += oldYaml.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  yaml += oldYaml.slice(at);
  verify(before, oldYaml, yaml, splices, intent);
  return yaml;
}

/**
 * Guards the promise: the edited YAML parses, the field reads back as
 * written, every key and value outside it kept its exact source text, and
 * no comment was lost but those of a deleted field or a replaced scalar.
 */
function verify(before: Document.Parsed, oldYaml: string, yaml: string, splices: readonly Splice[], intent: Intent): void {
  const after = parseDocument(yaml, YAML_OPTIONS);
  const { path } = intent;
  if (after.errors.length > 0) throw new RapportError(`edit produced invalid YAML: ${after.errors[0]!.message}`);
  if (intent.kind === 'delete') {
    // `getIn([])` is the document's own mapping.
    const parentPath = path.slice(0, -1);
    const oldParent = before.getIn(parentPath, true);
    const newParent = after.getIn(parentPath, true);
    const removed = isSeq(oldParent) ? isSeq(newParent) && newParent.items.length === oldParent.items.length - 1 : !after.hasIn(path);
    if (!removed) throw new RapportError(`delete of ${path.join('.')} did not remove it`);
  } else {
    const actual = after.getIn(path, true);
    const value = actual === undefined ? undefined : (actual as Node).toJSON();
    const expected = intent.expected!();
    if (!dequal(normalize(value), normalize(expected))) {
      throw new RapportError(`edit of ${path.join('.')} did not round-trip: wrote ${JSON.stringify(expected)}, read ${JSON.stringify(value)}`);
    }
  }

  const kept = new Map<string, string>();
  visitLeaves(after.contents, [], (role, leafPath, range) => kept.set(leafKey(role, leafPath), yaml.slice(range[0], range[1])));
  visitLeaves(before.contents, [], (role, leafPath, range) => {
    if (isEdited(intent, role, leafPath)) return;
    const mapped = mapPath(intent, leafPath);
    const source = oldYaml.slice(range[0], range[1]);
    if (kept.get(leafKey(role, mapped)) !== source) {
      throw new UneditableNoteError(`editing \`${path.join('.')}\` would rewrite \`${leafPath.join('.')}\` (${source}); edit it by hand`);
    }
  });

  if (splices.some((splice) => splice.end > splice.start && oldYaml.slice(splice.start, splice.end).includes('#'))) {
    const allowed = replacedRegions(before, oldYaml, intent);
    const inside = (offset: number, regions: readonly { readonly start: number; readonly end: number }[]) => regions.some(({ start, end }) => offset >= start && offset < end);
    const remaining: string[] = [];
    for (const [offset, comment] of comments(oldYaml)) {
      if (!inside(offset, splices)) remaining.push(comment);
      else if (!inside(offset, allowed)) throw new UneditableNoteError(`editing \`${path.join('.')}\` would drop the comment \`${comment}\`; edit it by hand`);
    }
    if (!dequal(comments(yaml).map(([, comment]) => comment), remaining)) throw new UneditableNoteError(`editing \`${path.join('.')}\` would change a comment outside it; edit it by hand`);
  }
}

type LeafRole = 'key' | 'value';

/** Calls `visit` with every key and scalar value under `node`, with its path and source range. */
function visitLeaves(node: unknown, path: (string | number)[], visit: (role: LeafRole, path: FieldPath, range: readonly [number, number]) => void): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : key?.range ? `\0${key.toString()}` : '';
      const childPath = [...path, name];
      if (key?.range) visit('key', childPath, [key.range[0], key.range[1]]);
      visitLeaves(pair.value, childPath, visit);
    }
  } else if (isSeq(node)) {
    // A pair written in a flow list (`[a: 1]`) is parsed as a mapping of its own, so list items are never bare pairs.
    node.items.forEach((item, index) => visitLeaves(item, [...path, index], visit));
  } else if ((isScalar(node) || isAlias(node)) && node.range) {
    visit('value', path, [node.range[0], node.range[1]]);
  }
}

function leafKey(role: LeafRole, path: FieldPath): string {
  return JSON.stringify([role, ...path]);
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => String(path[index]) === String(step));
}

/** True for keys and values the edit replaces or removes. */
function isEdited(intent: Intent, role: LeafRole, path: FieldPath): boolean {
  const target = intent.path;
  switch (intent.kind) {
    case 'append':
      // A blank `history:` is a null value the new list replaces.
      return role === 'value' && path.length === target.length && startsWith(path, target);
    case 'insert':
      // Nothing written before is replaced: the entries from `index` on move down one (`mapPath`).
      return false;
    case 'delete':
      return startsWith(path, target);
    case 'set':
      // A scalar standing where a parent of the field must go is replaced by it.
      return role === 'value' ? startsWith(path, target) || startsWith(target, path) : path.length > target.length && startsWith(path, target);
  }
}

/** Where a kept leaf stands after the edit: deleting a list item moves the ones after it up, inserting one moves them down. */
function mapPath(intent: Intent, path: FieldPath): FieldPath {
  const target = intent.path;
  const index = target.at(-1);
  if ((intent.kind !== 'delete' && intent.kind !== 'insert') || typeof index !== 'number' || path.length < target.length) return path;
  const parent = target.slice(0, -1);
  const step = path[target.length - 1];
  if (intent.kind === 'insert') return startsWith(path, parent) && typeof step === 'number' && step >= index ? [...parent, step + 1, ...path.slice(target.length)] : path;
  if (!startsWith(path, parent) || typeof step !== 'number' || step <= index) return path;
  return [...parent, step - 1, ...path.slice(target.length)];
}

/**
 * Source regions whose comments go with the edit: a replaced scalar, or a
 * deleted field with its key line. A list or mapping that is replaced
 * keeps its comments out: a comment on one of its entries (`at: … # her
 * time`) would be lost unseen, so the edit is refused.
 */
function replacedRegions(before: Document.Parsed, yaml: string, intent: Intent): { start: number; end: number }[] {
  if (intent.kind === 'append' || intent.kind === 'insert') return [];
  const regions: { start: number; end: number }[] = [];
  for (let length = 1; length <= intent.path.length; length++) {
    const prefix = intent.path.slice(0, length);
    const node = before.getIn(prefix, true) as Node | undefined;
    if (!node?.range || (isCollection(node) && (length < intent.path.length || intent.kind === 'set'))) continue;
    const end = isCollection(node) && !node.flow ? node.range[2] : node.range[1];
    regions.push({ start: node.range[0], end });
    if (intent.kind === 'delete') {
      const parent = before.getIn(prefix.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(prefix.at(-1))) : undefined;
      const start = (pair?.key as Node | undefined)?.range?.[0] ?? node.range[0];
      regions.push({ start: startOfLine(yaml, start), end: endOfLine(yaml, node.range[2]) });
    }
  }
  return regions;
}

/** Every comment in the YAML text, with its offset. */
function comments(yaml: string): [number, string][] {
  const found: [number, string][] = [];
  let offset = 0;
  for (const token of new Lexer().lex(yaml)) {
    // The lexer's document and scalar markers stand for no source text. (Its flow-error marker only comes with a parse error, and both texts parsed cleanly.)
    if (token === '\x02' || token === '\x1f') continue;
    if (token.startsWith('#')) found.push([offset, token]);
    offset += token.length;
  }
  return found;
}

function normalize(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Plans a set at `path` under `node`: the frontmatter's mapping (null when empty), or a collection reached by a key or an index of the path. */
function planSet(node: YAMLMap | YAMLSeq | null, path: FieldPath, value: unknown, frame: Frame, above: FieldPath = []): Splice | readonly Splice[] {
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  const here = [...above, step];
  // What is written where the path leaves what the note has: built only there, so an index into an existing list is fine.
  const nested = () => buildNested(rest, value, here);
  if (node === null) {
    return { start: frame.yaml.length, end: frame.yaml.length, text: renderPairs({ [String(step)]: nested() }, 0, frame) };
  }
  // Inside a flow collection every collection is flow too, so the node's own style says whether it is in flow.
  const inFlow = Boolean(node.flow);
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
    if (!pair) return insertPair(node, String(step), nested(), frame);
    const child = pair.value;
    if (rest.length > 0 && isCollection(child) && (typeof rest[0] === 'number' ? isSeq(child) : isMap(child))) return planSet(child, rest, value, frame, here);
    if (rest.length > 0) refuseReplacingValue(child, here, rest);
    return replaceValue(pair, nested(), frame, inFlow);
  }
  // A list is only reached by an index.
  const index = step as number;
  const item = node.items[index];
  if (item === undefined) {
    if (index !== node.items.length) throw new InvalidInputError(`no list item ${index} to set (the list has ${node.items.length})`);
    return appendItem(node, nested(), frame);
  }
  if (rest.length > 0 && isCollection(item) && (typeof rest[0] === 'number' ? isSeq(item) : isMap(item))) return planSet(item, rest, value, frame, here);
  if (rest.length > 0) refuseReplacingValue(item, here, rest);
  return replaceNode(item as Node, nested(), frame, inFlow);
}

/**
 * Setting `name.first` where `name: Maya Chen` stands would replace "Maya Chen"
 * with a mapping: what the user wrote would be lost, so it is refused. An
 * empty value (`meeting:`) is there to be filled.
 */
function refuseReplacingValue(node: unknown, at: FieldPath, rest: FieldPath): void {
  if (node === null || node === undefined) return;
  const held: unknown = (node as Node).toJSON();
  if (held === null || held === '' || isEmptyCollection(held)) return;
  const wanted = typeof rest[0] === 'number' ? 'a list' : 'a mapping';
  throw new UneditableNoteError(`\`${at.join('.')}\` is not ${wanted}, so \`${[...at, ...rest].join('.')}\` cannot be set without replacing what it holds; set \`${at.join('.')}\` itself instead`);
}

function planDelete(document: Document.Parsed, path: FieldPath, frame: Frame): Splice | readonly Splice[] | undefined {
  const parent = document.getIn(path.slice(0, -1), true);
  const step = path.at(-1)!;
  if (isMap(parent)) {
    const index = parent.items.findIndex((item) => isScalar(item.key) && String(item.key.value) === String(step));
    if (index < 0) return undefined;
    if (parent.flow) return removeFlowEntry(parent, index, frame);
    const pair = parent.items[index]!;
    const key = pair.key as Node;
    const lineStart = startOfLine(frame.yaml, key.range![0]);
    const ownsLine = /^[ \t]*$/.test(frame.yaml.slice(lineStart, key.range![0]));
    if (parent.items.length === 1 && parent !== document.contents) return emptyParent(document, path, parent, frame);
    if (ownsLine) return { start: lineStart, end: withTrailingIndentedLines(frame.yaml, pair, afterNode(frame.yaml, nodeEnd(pair))), text: '' };
    // The first field of a list item shares the `- ` line: the next field moves up to take its place.
    const next = parent.items[index + 1];
    if (next) return { start: key.range![0], end: (next.key as Node).range![0], text: '' };
    return emptyParent(document, path, parent, frame);
  }
  if (isSeq(parent) && typeof step === 'number') {
    if (step >= parent.items.length) return undefined;
    if (parent.flow) return removeFlowEntry(parent, step, frame);
    if (parent.items.length === 1) return emptyParent(document, path, parent, frame);
    const item = parent.items[step] as Node;
    const dash = frame.yaml.lastIndexOf('-', item.range![0]);
    return { start: startOfLine(frame.yaml, dash), end: afterNode(frame.yaml, item.range![1]), text: '' };
  }
  return undefined;
}

/** Deleting the only entry of a block collection leaves it empty: `meeting: {}`, `tags: []`. */
function emptyParent(document: Document.Parsed, path: FieldPath, parent: YAMLMap | YAMLSeq, frame: Frame): Splice | readonly Splice[] {
  const empty = isSeq(parent) ? [] : {};
  const holderPath = path.slice(0, -2);
  const holder = document.getIn(holderPath, true);
  const pair = isMap(holder) ? holder.items.find((item) => item.value === parent) : undefined;
  // The parent is a block collection (a flow one loses its entry in place), so its holder is a block mapping too.
  if (pair) return replaceValue(pair, empty, frame, false);
  return replaceCollection(parent, empty, frame);
}

function insertPair(map: YAMLMap, key: string, value: unknown, frame: Frame): Splice | readonly Splice[] {
  if (map.items.length === 0) return replaceCollection(map, { [key]: value }, frame);
  if (map.flow) return appendFlowEntry(map, flowEntry({ [key]: value }, isCompact(map, frame)), frame);
  const firstKey = map.items[0]!.key as Node;
  const indent = firstKey.range![0] - startOfLine(frame.yaml, firstKey.range![0]);
  // The frontmatter's text ends with a line break, so the line after the last field starts after one.
  const end = afterNode(frame.yaml, nodeEnd(map.items.at(-1)!));
  return { start: end, end, text: renderPairs({ [key]: value }, indent, frame) };
}

/** Adds an item at the end of a list, in the list's own style. */
function appendItem(seq: YAMLSeq, item: unknown, frame: Frame): Splice | readonly Splice[] {
  if (seq.items.length === 0) return replaceCollection(seq, [item], frame);
  if (!seq.flow) return appendBlockItem(seq, item, frame);
  const last = seq.items.at(-1);
  const compact = isMap(last) && last.flow ? isCompact(last, frame) : isCompact(seq, frame);
  return appendFlowEntry(seq, flowEntry([item], compact), frame);
}

function appendBlockItem(seq: YAMLSeq, item: unknown, frame: Frame): Splice {
  const last = seq.items.at(-1) as Node;
  // As in insertPair: the line after the last item starts after a line break.
  const end = afterNode(frame.yaml, last.range![1]);
  return { start: end, end, text: blockItemText(seq, item, frame) };
}

/** The lines of a new entry of a block list, indented like its first entry, ending with a line break. */
function blockItemText(seq: YAMLSeq, item: unknown, frame: Frame): string {
  const first = seq.items[0] as Node;
  const last = seq.items.at(-1) as Node;
  const dash = frame.yaml.lastIndexOf('-', first.range![0]);
  const indent = dash - startOfLine(frame.yaml, dash);
  // A list of `- {date: …, stage: …}` entries only: the new one is written on one line too.
  if (isPlainObject(item) && seq.items.every((entry) => isMap(entry) && entry.flow)) return `${' '.repeat(indent)}- ${formatFlow(item, frame, isCompact(last, frame))}${frame.eol}`;
  return indentLines(stringify([item], yamlWriteOptions()), indent, frame);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Inserts an entry's text after the last entry of a flow collection, leaving
 * every existing byte alone: `[a, b]` → `[a, b, c]`; in a collection written
 * over several lines, on a line of its own indented like the last entry,
 * after that entry's comment.
 */
function appendFlowEntry(node: YAMLMap | YAMLSeq, entry: string, frame: Frame): readonly Splice[] {
  const { yaml } = frame;
  const items = node.items as (Node | Pair)[];
  const lastEnd = entryEnd(items.at(-1)!);
  const close = node.range![1] - 1;
  const gap = yaml.slice(lastEnd, close);
  const comma = commaIn(gap);
  if (!gap.includes('\n')) {
    // The separator between the first two entries when it is a comma and blanks (`[a,b]`), else `, `.
    const second = items[1];
    const separator = second && yaml.slice(entryEnd(items[0]!), entryStart(second));
    return [{ start: lastEnd, end: lastEnd, text: separator && /^,[ \t]*$/.test(separator) ? separator + entry : `, ${entry}` }];
  }
  const lastStart = entryStart(items.at(-1)!);
  const lead = yaml.slice(startOfLine(yaml, lastStart), lastStart);
  const indent = /^[ \t]*$/.test(lead) ? lead : ' '.repeat(lead.length);
  if (comma >= 0) {
    // Written with a comma after every entry: the new one gets one too.
    const at = lineContentEnd(yaml, lastEnd + comma);
    return [{ start: at, end: at, text: frame.eol + indent + entry + ',' }];
  }
  const at = lineContentEnd(yaml, lastEnd);
  return [
    { start: lastEnd, end: lastEnd, text: ',' },
    { start: at, end: at, text: frame.eol + indent + entry },
  ];
}

/** Removes one entry of a flow collection and one comma beside it; the other entries keep every byte. */
function removeFlowEntry(node: YAMLMap | YAMLSeq, index: number, frame: Frame): readonly Splice[] {
  const { yaml } = frame;
  const items = node.items as (Node | Pair)[];
  const start = entryStart(items[index]!);
  const end = entryEnd(items[index]!);
  // After an entry comes a comma, the closing bracket or a comment first, so the search needs no end.
  const comma = commaIn(yaml.slice(end));
  if (comma >= 0) {
    let removeEnd = end + comma + 1;
    while (yaml[removeEnd] === ' ' || yaml[removeEnd] === '\t') removeEnd++;
    return [ownLines(yaml, start, removeEnd) ?? { start, end: removeEnd, text: '' }];
  }
  if (index === 0) return [ownLines(yaml, start, end) ?? { start, end, text: '' }];
  // The last entry, without a comma of its own: the comma before it goes.
  const previousEnd = entryEnd(items[index - 1]!);
  const gap = yaml.slice(previousEnd, start);
  if (!gap.includes('#')) return [{ start: previousEnd, end, text: '' }];
  const before = previousEnd + commaIn(gap);
  return [{ start: before, end: before + 1, text: '' }, ownLines(yaml, start, end) ?? { start, end, text: '' }];
}

/** The whole lines holding `[start, end)`, when nothing but blanks and a comment share them. */
function ownLines(yaml: string, start: number, end: number): Splice | undefined {
  const lineStart = startOfLine(yaml, start);
  const rest = yaml.slice(end, lineContentEnd(yaml, end));
  if (!/^[ \t]*$/.test(yaml.slice(lineStart, start)) || !/^[ \t]*(#.*)?$/.test(rest)) return undefined;
  return { start: lineStart, end: endOfLine(yaml, end), text: '' };
}

/** Offset of the comma that follows an entry in `gap` (the text after it), or -1; a comment ends the search. */
function commaIn(gap: string): number {
  const match = /^[\s]*,/.exec(gap);
  return match ? match[0].length - 1 : -1;
}

function entryStart(entry: Node | Pair): number {
  return isPair(entry) ? ((entry.key as Node | null)?.range?.[0] ?? (entry.value as Node).range![0]) : entry.range![0];
}

function entryEnd(entry: Node | Pair): number {
  if (!isPair(entry)) return entry.range![1];
  const value = entry.value as Node | null;
  // A blank value (`b: ` in `{a: 1, b: }`) has an empty range after its colon: the entry ends there, not at its key.
  return value?.range ? value.range[1] : (entry.key as Node).range![1];
}

/** Replaces a pair's value, keeping its key and whatever follows the value on the key's line. */
function replaceValue(pair: Pair, value: unknown, frame: Frame, inFlow: boolean): Splice | readonly Splice[] {
  const key = pair.key as Node;
  const old = pair.value as Node | null;
  const { yaml } = frame;
  const colon = yaml.indexOf(':', key.range![1]);
  const keyLineEnd = lineContentEnd(yaml, colon);
  // A comment on the key's own line (`meeting: # tbd`) stays where it is.
  const keyLineComment = /^[ \t]*#/.test(yaml.slice(colon + 1, keyLineEnd));
  const asBlock = !isScalarValue(value) && !inFlow && !isEmptyCollection(value);
  if (old === null || (isScalar(old) && old.range![0] === old.range![1])) {
    if (!asBlock) return { start: colon + 1, end: colon + 1, text: ' ' + (isScalarValue(value) ? formatInline(value, undefined, inFlow) : formatFlow(value, frame)) };
    return blockAfterKeyLine(key, value, colon, keyLineEnd, frame);
  }
  const blockCollection = isCollection(old) && !old.flow;
  if (blockCollection && !asBlock) {
    const text = isScalarValue(value) ? formatInline(value, undefined, inFlow) : formatFlow(value, frame);
    const end = trimLineEnd(yaml, old.range![1]);
    if (keyLineComment) return [{ start: colon + 1, end: colon + 1, text: ' ' + text }, { start: keyLineEnd, end, text: '' }];
    return { start: colon + 1, end, text: ' ' + text };
  }
  if (!asBlock) return replaceNode(old, value, frame, inFlow);
  if (isCollection(old) && old.flow && !isEmptyCollection(old.toJSON())) return replaceNode(old, value, frame, inFlow);
  const indent = key.range![0] - startOfLine(yaml, key.range![0]);
  if (blockCollection) return { start: keyLineComment ? keyLineEnd : colon + 1, end: afterNode(yaml, old.range![1]), text: renderBlockValue(value, indent, frame) };
  // A one-line value (`tbd`, `[]`) becomes a block below the key; what follows it on the line stays.
  if (!yaml.slice(old.range![0], old.range![1]).includes('\n') && /^[ \t]*(#.*)?$/.test(yaml.slice(old.range![1], lineContentEnd(yaml, old.range![1])))) {
    const restOfLine = yaml.slice(old.range![1], lineContentEnd(yaml, old.range![1]));
    if (/^[ \t]*$/.test(restOfLine)) return { start: colon + 1, end: afterNode(yaml, old.range![1]), text: renderBlockValue(value, indent, frame) };
    return [{ start: colon + 1, end: old.range![1], text: '' }, blockAfterKeyLine(key, value, colon, lineContentEnd(yaml, old.range![1]), frame)];
  }
  return { start: colon + 1, end: afterNode(yaml, old.range![2]), text: renderBlockValue(value, indent, frame) };
}

/** Writes a block value on the lines after the key, keeping the rest of the key's line (`meeting: # tbd`). */
function blockAfterKeyLine(key: Node, value: unknown, colon: number, keyLineEnd: number, frame: Frame): Splice {
  const indent = key.range![0] - startOfLine(frame.yaml, key.range![0]);
  const rest = frame.yaml.slice(colon + 1, keyLineEnd);
  const start = /^[ \t]*$/.test(rest) ? colon + 1 : keyLineEnd;
  return { start, end: keyLineEnd, text: renderBlockValue(value, indent, frame).slice(0, -frame.eol.length) };
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

/** Writes a new value over an empty collection (`[]`, `{}`), or empties a block one. */
function replaceCollection(node: YAMLMap | YAMLSeq, value: unknown, frame: Frame): Splice {
  const end = node.flow ? node.range![1] : trimLineEnd(frame.yaml, node.range![1]);
  return { start: node.range![0], end, text: formatFlow(value, frame, Boolean(node.flow) && isCompact(node, frame)) };
}

function renderPairs(value: Record<string, unknown>, indent: number, frame: Frame): string {
  return indentLines(stringify(value, yamlWriteOptions()), indent, frame);
}

/** The text after `key:` for a block collection value: a line break, then indented lines. */
function renderBlockValue(value: unknown, keyIndent: number, frame: Frame): string {
  return frame.eol + indentLines(stringify(value, yamlWriteOptions()), keyIndent + 2, frame);
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
  const plain = stringify(text, yamlWriteOptions()).replace(/\n$/, '');
  if (plain.includes('\n') || (inFlow && /[,[\]{}]/.test(plain))) return JSON.stringify(text);
  return plain;
}

/** A flow collection on one line; `compact` drops the padding inside brackets, as in `[a, b]`. */
function formatFlow(value: unknown, frame: Frame, compact = false): string {
  const document = new Document(value, yamlWriteOptions());
  // Only lists and mappings are written in flow: scalars go through formatInline.
  (document.contents as YAMLMap | YAMLSeq).flow = true;
  return document.toString({ ...yamlWriteOptions(), flowCollectionPadding: !compact }).replace(/\n$/, '').replace(/\n/g, frame.eol);
}

/** The text of one entry inside a flow collection: `[item]` or `{key: value}` rendered, brackets dropped. */
function flowEntry(wrapped: unknown[] | Record<string, unknown>, compact: boolean): string {
  const document = new Document(wrapped, yamlWriteOptions());
  (document.contents as YAMLMap | YAMLSeq).flow = true;
  return document.toString({ ...yamlWriteOptions(), flowCollectionPadding: !compact }).replace(/\n$/, '').slice(1, -1).trim();
}

/** True when a flow collection is written without padding, like `[a, b]`. */
function isCompact(node: Node, frame: Frame): boolean {
  return /^[[{][^ \s]/.test(frame.yaml.slice(node.range![0], node.range![0] + 2));
}

/** The value a new field holds for the rest of a path. A new list starts at item 0: a later index would write `null` items nobody asked for. */
function buildNested(rest: FieldPath, value: unknown, above: FieldPath): unknown {
  const gap = rest.findIndex((step) => typeof step === 'number' && step !== 0);
  if (gap >= 0) throw new InvalidInputError(`no list item ${String(rest[gap])} to set: \`${[...above, ...rest.slice(0, gap)].join('.')}\` is not a list yet, so it can only start with item 0`);
  return rest.reduceRight<unknown>((inner, step) => (typeof step === 'number' ? [inner] : { [step]: inner }), value);
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

/**
 * A block scalar (`|`, `>`) may be followed by lines of nothing but spaces
 * that YAML reads as its trailing blank lines, though they lie outside its
 * range: deleting the field takes them too, or they would end up inside the
 * field above when that one is a block scalar (as text made of spaces). Empty
 * lines are left, as the user's spacing between fields.
 */
function withTrailingIndentedLines(yaml: string, pair: Pair, end: number): number {
  const value = pair.value;
  if (!isScalar(value) || (value.type !== Scalar.BLOCK_LITERAL && value.type !== Scalar.BLOCK_FOLDED)) return end;
  // Sticky: each line is matched where the last one ended, without cutting the rest of the text off for it.
  const spaces = /[ \t]+\r?\n/y;
  let at = end;
  for (spaces.lastIndex = at; spaces.test(yaml); ) at = spaces.lastIndex;
  return at;
}

/** The offset after the line that holds the end of a node, unless it already ends a line. */
function afterNode(yaml: string, end: number): number {
  return yaml[end - 1] === '\n' ? end : endOfLine(yaml, end);
}

/** The end of the text of the line holding `offset`, before its line break. */
function lineContentEnd(yaml: string, offset: number): number {
  const lineBreak = yaml.indexOf('\n', offset);
  if (lineBreak < 0) return yaml.length;
  return yaml[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
}

function trimLineEnd(yaml: string, end: number): number {
  let at = end;
  while (yaml[at - 1] === '\n' || yaml[at - 1] === '\r') at--;
  return at;
}
