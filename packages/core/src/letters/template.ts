import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { LetterTemplateError } from '../errors.js';
import { CHANNELS, STAGES, isChannel, isStage, type Channel, type Stage } from '../model/vocabulary.js';
import { parseFastFrontmatter } from '../note/fast-frontmatter.js';
import { YAML_OPTIONS } from '../note/frontmatter.js';
import { LineIndex, readLayout } from '../note/source.js';

/**
 * A letter template: an optional YAML front part between `---` lines, then
 * Eta text whose first line is `Subject: …`.
 *
 * ```
 * ---
 * description: One polite nudge when there is no reply
 * needs: [firstName, sentOn, profile.name]
 * stage: followed-up
 * ---
 * Subject: Following up on my note of <%= it.sentOn %>
 * ```
 */
export interface LetterTemplate {
  readonly name: string;
  /** `shipped` with Rapport, or `user` from `.rapport/templates/NAME.eta`. */
  readonly origin: 'shipped' | 'user';
  /** The template's file, for user templates. */
  readonly file?: string;
  /** One line for lists of letters. Default: empty. */
  readonly description: string;
  /** Fields the letter cannot do without, as paths read from `it` (`organization`, `profile.name`). Default none. */
  readonly needs: readonly string[];
  /** The stage sending this letter moves the contact to. Default: none (say it when marking the letter sent). */
  readonly stage?: Stage;
  /** The channel it is usually sent through. Default: from the contact (email, else LinkedIn). */
  readonly via?: Channel;
  /** The Eta text after the front part, with `\n` line endings. */
  readonly body: string;
  /** Line of the template file where `body` starts (1-based), for positions in errors. */
  readonly bodyLine: number;
  /** The whole template file, for showing the line of an error. */
  readonly source: string;
}

/** A field path as templates write it after `it.`: `organization`, `profile.name`. */
export const FIELD_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

const FRONT_KEYS = ['description', 'needs', 'stage', 'via'] as const;

/** Reads a template file's front part and body; a malformed front part throws `LetterTemplateError`. */
export function parseLetterTemplate(name: string, text: string, origin: 'shipped' | 'user' = 'user', file?: string): LetterTemplate {
  const layout = readLayout(text);
  const source = layout.content;
  const lines = new LineIndex(source);
  const sourceLines = source.split(/\r?\n/);
  const fail = (offset: number, reason: string): never => {
    const { line, column } = lines.position(offset);
    throw new LetterTemplateError(name, line, column, reason, file, sourceLines[line - 1]);
  };
  const base = { name, origin, ...(file === undefined ? {} : { file }), source };
  if (layout.unterminated) fail(0, 'the front part opened with `---` is never closed with a `---` line');
  if (!layout.frontmatter) return { ...base, description: '', needs: [], body: normalize(source), bodyLine: 1 };

  const block = layout.frontmatter;
  const bodyLine = lines.position(layout.bodyStart).line;
  const body = normalize(source.slice(layout.bodyStart));
  // Shipped letters and nearly every user one are plain YAML without a mistake: the fast reader gives
  // their values without building `yaml`'s document (a few ms for `check`, which reads every letter).
  // Placing a mistake needs that document, so a front part with any problem is read again through it.
  const front = plainFront(parseFastFrontmatter(block.yaml)?.data);
  if (front) return { ...base, ...front, body, bodyLine };

  const document = parseDocument(block.yaml, YAML_OPTIONS);
  const firstError = document.errors[0];
  if (firstError) fail(block.start + firstError.pos[0], `invalid YAML in the front part: ${firstError.message.split('\n')[0]}`);
  // Every node \`parseDocument\` makes has its range; an empty value is a null scalar, not a missing node.
  const at = (node: Node) => block.start + node.range![0];
  const contents = document.contents;
  let description = '';
  let needs: string[] = [];
  let stage: Stage | undefined;
  let via: Channel | undefined;
  if (contents !== null && !isMap(contents)) fail(at(contents), 'the front part must be a mapping (description, needs, stage, via)');
  for (const pair of isMap(contents) ? contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const plain = isScalar(value) ? value.value : undefined;
    if (key === 'description') {
      if (typeof plain !== 'string') fail(at(value ?? (pair.key as Node)), '`description` must be text');
      description = (plain as string).trim();
    } else if (key === 'needs') {
      if (!isSeq(value)) fail(at(value ?? (pair.key as Node)), '`needs` must be a list of field names, such as [name, organization, profile.name]');
      needs = [];
      for (const item of (value as { items: unknown[] }).items) {
        const field = isScalar(item) ? item.value : undefined;
        if (typeof field !== 'string' || !FIELD_PATH.test(field)) fail(at(item as Node), `\`needs\` lists "${String(field)}", which is not a field name (letters, digits, dots)`);
        needs.push(field as string);
      }
    } else if (key === 'stage') {
      if (!isStage(plain)) fail(at(value ?? (pair.key as Node)), `unknown stage "${String(plain)}" (use one of: ${STAGES.join(', ')})`);
      stage = plain as Stage;
    } else if (key === 'via') {
      if (!isChannel(plain)) fail(at(value ?? (pair.key as Node)), `unknown channel "${String(plain)}" (use one of: ${CHANNELS.join(', ')})`);
      via = plain as Channel;
    } else {
      fail(at(pair.key as Node), `unknown front-part key "${key}" (use: ${FRONT_KEYS.join(', ')})`);
    }
  }
  return { ...base, description, needs, ...(stage ? { stage } : {}), ...(via ? { via } : {}), body, bodyLine };
}

type Front = Pick<LetterTemplate, 'description' | 'needs' | 'stage' | 'via'>;

/** The front part read from its plain values when it has no mistake; `undefined` sends it to the document. */
function plainFront(data: unknown): Front | undefined {
  if (data === null) return { description: '', needs: [] };
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { description = '', needs = [], stage, via, ...unknown } = data as Record<string, unknown>;
  if (Object.keys(unknown).length > 0 || typeof description !== 'string') return undefined;
  if (!Array.isArray(needs) || !needs.every((field) => typeof field === 'string' && FIELD_PATH.test(field))) return undefined;
  if ((stage !== undefined && !isStage(stage)) || (via !== undefined && !isChannel(via))) return undefined;
  return { description: description.trim(), needs: needs as string[], ...(stage ? { stage } : {}), ...(via ? { via } : {}) };
}

function normalize(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
