/**
 * The frontmatter's fields as core's contact schema describes them: which
 * names a note can still take, what each field means, and the values a field
 * with a closed set accepts (plain data, tested without VS Code).
 */
import { contactSchema, isStage } from '@rapport/core';
import { STAGE_MEANINGS } from './completion-context.js';

/** The part of a JSON schema node read here. */
interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly const?: string;
  readonly default?: string | number;
  readonly pattern?: string;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
}

const CONTACT: SchemaNode = contactSchema;

const KEY_LINE = /^(\s*(?:-\s+)?)([\w-]+)(\s*:)/;
const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)\s*:/;

let ianaTimeZones: readonly string[] | undefined;
/** The IANA time zones this runtime knows (read once: some hundreds of names). */
function timeZones(): readonly string[] {
  ianaTimeZones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ianaTimeZones;
}

/** A field's place in the frontmatter: `['source']`, or `['history', 'via']` for a key nested under a top-level one. */
export type FieldPath = readonly string[];

/** The schema of the field at `path`; for a list (`history`), the fields of its entries. */
function fieldSchema(path: FieldPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = CONTACT;
  for (const key of path) {
    const fields: SchemaNode['properties'] = (node?.items ?? node)?.properties;
    node = fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
  }
  return node;
}

/** The node and its `anyOf` alternatives (`linkedin_connected` is a date or true). */
const alternatives = (node: SchemaNode): SchemaNode[] => [node, ...(node.anyOf ?? [])];
/** Whether the field takes a calendar date: its pattern accepts one (YYYY-MM-DD), which also tells it from the meeting's date-time. */
const takesDate = (node: SchemaNode): boolean => alternatives(node).some((member) => member.pattern !== undefined && new RegExp(member.pattern).test('2000-01-01'));
const takesDateTime = (node: SchemaNode): boolean => node.pattern !== undefined && new RegExp(node.pattern).test('2000-01-01T09:00');

/** A field name offered at the start of a top-level frontmatter line. */
export interface FieldNameCompletion {
  readonly name: string;
  readonly description: string | undefined;
  /** Snippet syntax: `name: `, or the field with its nested lines. */
  readonly snippet: string;
  /** Whether values are offered right after the name (a closed set, a date, a time zone). */
  readonly hasValues: boolean;
}

/**
 * The contact fields not yet in the note, in the schema's order.
 *
 * @param present the note's top-level keys (`topLevelKeys`)
 * @param today YYYY-MM-DD, written into the dates of the nested lines
 */
export function fieldNameCompletions(present: ReadonlySet<string>, today: string): FieldNameCompletion[] {
  return Object.entries(CONTACT.properties ?? {})
    .filter(([name]) => !present.has(name))
    .map(([name, node]) => ({ name, description: node.description, snippet: fieldSnippet(name, node, today), hasValues: fieldValues([name], '', today).length > 0 }));
}

function fieldSnippet(name: string, node: SchemaNode, today: string): string {
  if (node.const !== undefined) return `${name}: ${node.const}`;
  const entry = node.type === 'array' ? node.items : undefined;
  if (entry?.properties) return `${name}:\n${nestedLines(entry, today).map((line, index) => `${index === 0 ? '  - ' : '    '}${line}`).join('\n')}$0`;
  if (node.type === 'array') return `${name}: [$1]`;
  if (node.properties) return `${name}:\n${nestedLines(node, today).map((line) => `  ${line}`).join('\n')}$0`;
  return `${name}: `;
}

/** `key: value` for each nested field a user has to write (required) or usually keeps (a default), with tab stops. */
function nestedLines(node: SchemaNode, today: string): string[] {
  let stop = 0;
  return Object.entries(node.properties ?? {})
    .filter(([key, field]) => node.required?.includes(key) || field.default !== undefined)
    .map(([key, field]) => {
      if (takesDate(field)) return `${key}: ${today}`;
      if (takesDateTime(field)) return `${key}: "\${${++stop}:${today}}T\${${++stop}:09:00}"`;
      const choices = field.enum && [...new Set([field.default, ...field.enum].filter((value) => value !== undefined))];
      if (choices) return `${key}: \${${++stop}|${choices.join(',')}|}`;
      return `${key}: \${${++stop}${field.default === undefined ? '' : `:${field.default}`}}`;
    });
}

/** A value offered after `key:`. */
export interface FieldValueCompletion {
  readonly value: string;
  readonly detail?: string;
}

/**
 * The values of a field with a closed set, the ones starting with `prefix` (case ignored).
 *
 * @param today YYYY-MM-DD, offered for a date
 */
export function fieldValues(path: FieldPath, prefix: string, today: string): FieldValueCompletion[] {
  const node = fieldSchema(path);
  if (!node) return [];
  const wanted = prefix.toLowerCase();
  const values: FieldValueCompletion[] = alternatives(node).flatMap((member) => (member.enum ?? []).map((value) => ({ value, ...(isStage(value) ? { detail: STAGE_MEANINGS[value] } : {}) })));
  if (takesDate(node)) values.push({ value: today, detail: 'today' });
  // The schema can only say "a string" of a time zone: its names come from the runtime.
  if (path.length === 1 && path[0] === 'timezone') values.push(...timeZones().map((value) => ({ value })));
  return values.filter((candidate) => candidate.value.toLowerCase().startsWith(wanted) || (wanted.length > 0 && candidate.value.toLowerCase().includes(`/${wanted}`)));
}

/** The top-level keys of a frontmatter, given its lines between the fences. */
export function topLevelKeys(lines: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const line of lines) {
    const key = TOP_LEVEL_KEY.exec(line)?.[1];
    if (key) keys.add(key);
  }
  return keys;
}

/**
 * The key a nested line belongs to: the nearest top-level key above it
 * (`history` for a history entry's `via:`), or `undefined` on a top-level
 * line. Reads upwards only as far as that key.
 */
export function parentKey(lineAt: (line: number) => string, line: number): string | undefined {
  if (!/^\s/.test(lineAt(line)) && !lineAt(line).startsWith('-')) return undefined;
  for (let index = line - 1; index >= 1; index--) {
    const key = TOP_LEVEL_KEY.exec(lineAt(index))?.[1];
    if (key) return key;
  }
  return undefined;
}

/** The path of a line's key: top level when nothing precedes it, else under its parent key (unknown without one). */
const linePath = (indent: string, key: string, parent: string | undefined): FieldPath | undefined => (indent === '' ? [key] : parent === undefined ? undefined : [parent, key]);

/** Where a field's name is being typed: alone at the start of a top-level line, nothing after it. */
export function fieldNameTarget(before: string, after: string): { readonly prefix: string } | undefined {
  return /^[\w-]*$/.test(before) && after.trim() === '' ? { prefix: before } : undefined;
}

/** Where a field's value is being typed: `start` is the column after `key:`, its spaces and an opening quote. */
export interface FieldValueTarget {
  readonly path: FieldPath;
  readonly prefix: string;
  readonly start: number;
}

/** @param parent the line's `parentKey` */
export function fieldValueTarget(before: string, parent: string | undefined): FieldValueTarget | undefined {
  const match = /^(\s*(?:-\s+)?)([\w-]+)(\s*:\s*['"]?)([^\s'"]*)$/.exec(before);
  if (!match) return undefined;
  const [, indent, key, separator, prefix] = match as unknown as [string, string, string, string, string];
  const path = linePath(indent, key, parent);
  return path && { path, prefix, start: indent.length + key.length + separator.length };
}

/** What a hover over a frontmatter line explains, and the columns it covers. */
export interface FieldHover {
  readonly start: number;
  readonly end: number;
  /** Markdown. */
  readonly text: string;
}

/**
 * The meaning of the key under `character` (the schema's description, and
 * the values of a closed set), or of the stage under it in a `stage:` value.
 *
 * @param parent the line's `parentKey`
 */
export function fieldHover(text: string, character: number, parent: string | undefined): FieldHover | undefined {
  const match = KEY_LINE.exec(text);
  if (!match) return undefined;
  const [whole, indent, key] = match as unknown as [string, string, string];
  const path = linePath(indent, key, parent);
  const node = path && fieldSchema(path);
  if (!path || !node) return undefined;
  const start = indent.length;
  if (character >= start && character <= start + key.length) {
    const choices = node.enum ? ` One of: ${node.enum.map((value) => `\`${value}\``).join(', ')}.` : '';
    const meaning = node.description ?? 'A contact field.';
    return { start, end: start + key.length, text: `**${path.join(' › ')}**: ${meaning}${choices}` };
  }
  if (key !== 'stage') return undefined;
  const value = /^\s*(['"]?)([\w-]+)/.exec(text.slice(whole.length));
  if (!value || !isStage(value[2])) return undefined;
  const valueStart = whole.length + value[0].length - value[2]!.length;
  if (character < valueStart || character > valueStart + value[2]!.length) return undefined;
  return { start: valueStart, end: valueStart + value[2]!.length, text: `**${value[2]}**: ${STAGE_MEANINGS[value[2]]}` };
}
