import { Document, isMap, parseDocument, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import type { FrontmatterBlock } from './source.js';

/** Options every frontmatter parse uses: YAML 1.2 core schema, no anchors blow-up. */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
  keepSourceTokens: false,
  // A library must not print: `yaml` would emit a process warning for a key like `[a, b]:`, on the user's terminal.
  logLevel: 'error',
};

/** The most aliases a frontmatter may expand; guards against "billion laughs" notes. */
export const MAX_ALIAS_COUNT = 100;

/** A problem the YAML parser found in a note's frontmatter, positioned in the YAML text. */
export interface YamlProblem {
  /** The `yaml` parser's error code (e.g. `DUPLICATE_KEY`), when the parser reported it. */
  readonly code?: string;
  /** Offset into the YAML text. */
  readonly offset: number;
  readonly endOffset: number;
  readonly message: string;
}

/** A note's frontmatter parsed: the YAML document (kept for lossless edits), its plain data and the parser's problems. */
export interface ParsedFrontmatter {
  readonly block: FrontmatterBlock;
  readonly document: Document.Parsed;
  /** Plain data, or `undefined` when the YAML does not parse. */
  readonly data: unknown;
  readonly problems: readonly YamlProblem[];
}

export function parseFrontmatter(block: FrontmatterBlock): ParsedFrontmatter {
  return { block, ...parseYaml(block.yaml) };
}

/** A YAML text parsed as a frontmatter is: its document, its plain data (`undefined` when it does not parse) and the parser's problems. */
export function parseYaml(yaml: string): Omit<ParsedFrontmatter, 'block'> {
  let document: Document.Parsed;
  try {
    document = parseDocument(yaml, YAML_OPTIONS);
  } catch (error) {
    // Pathological input (e.g. thousands of nested brackets) can exhaust the parser's stack.
    document = parseDocument('', YAML_OPTIONS);
    const message = error instanceof RangeError ? 'the YAML is nested too deeply to read' : String((error as Error).message);
    return { document, data: undefined, problems: [{ offset: 0, endOffset: 0, message }] };
  }
  const problems = yamlProblems(document);
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({ offset: 0, endOffset: 0, message: String((error as Error).message) });
    }
  }
  return { document, data, problems };
}

/** The parser's errors of a document parsed with `YAML_OPTIONS`, as problems to explain (`explainYamlProblem`). */
export function yamlProblems(document: Document.Parsed): YamlProblem[] {
  return document.errors.map((error) => ({
    code: error.code,
    offset: error.pos[0],
    endOffset: error.pos[1],
    // Plain one-line messages: `prettyErrors` is off, so no line, column or source excerpt is added to them.
    message: error.message,
  }));
}

/** A frontmatter that parsed to a mapping, as a record (anything else is empty). */
export function asRecord(data: unknown): Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

export function isMappingDocument(document: Document.Parsed): boolean {
  return document.contents === null || isMap(document.contents);
}
