import { Eta, EtaParseError, type EtaConfig } from 'eta/core';
import { LetterTemplateError } from '../errors.js';
import type { LetterData } from './letter-data.js';
import { FIELD_PATH, type LetterTemplate } from './template.js';

/** What rendering a template gives. */
export interface RenderedLetter {
  readonly subject: string;
  readonly body: string;
  /** `Subject: …`, a blank line, then the body; ends with a newline. */
  readonly text: string;
  /**
   * Fields the letter needed but the data lacks, in the order met (needs
   * first); each is a `[[fill: field]]` marker in the text.
   */
  readonly missing: readonly string[];
}

/** The visible placeholder a draft gets for a missing field. */
export function fillMarker(field: string): string {
  return `[[fill: ${field}]]`;
}

const FIELD_TAG = Symbol.for('rapport.letter-field');

interface FieldValue {
  readonly [FIELD_TAG]: string;
  readonly value: unknown;
}

/** A value the template printed that is not text (undefined, an object…): a bug in the template. */
class UnprintableValue extends Error {}

interface TagPlace {
  /** Line in the template body, 1-based. */
  readonly line: number;
  /** The tag's code as written (Eta trims it). */
  readonly code: string;
}

interface RenderState {
  missing: string[];
}

/**
 * The Eta settings for letters. Letters are plain text, so nothing is
 * HTML-escaped ("R&D" stays "R&D"); templates are compiled from strings (no
 * `views`, no file reads); data is read as `it.…` (no `with`); whitespace is
 * kept as written (`-%>` drops the newline after a tag). `debug` is on so a
 * runtime error says which tag it came from.
 */
const LETTER_ETA_CONFIG: Partial<EtaConfig> = {
  autoEscape: false,
  autoFilter: true,
  autoTrim: false,
  cache: false,
  debug: true,
  rmWhitespace: false,
  tags: ['<%', '%>'],
  useWith: false,
  varName: 'it',
};

/** A template compiled once, runnable on any data. */
export interface CompiledLetterTemplate {
  readonly template: LetterTemplate;
  /** Fills the template with `data`; a field it uses that `data` lacks is listed in `missing`. */
  render(data: LetterData): RenderedLetter;
}

/**
 * Compiles a letter template, or throws `LetterTemplateError` with the
 * template's name, line and column (an unclosed tag, a JavaScript syntax
 * error in a tag).
 */
export function compileLetterTemplate(template: LetterTemplate): CompiledLetterTemplate {
  const places: TagPlace[] = [];
  let state: RenderState = { missing: [] };
  const eta = new Eta({
    ...LETTER_ETA_CONFIG,
    filterFunction: (value: unknown) => printable(value, state),
    plugins: [
      {
        // Numbers each tag (Eta reports `lineNo` of the running tag on errors) and
        // turns `<%= it.a.b %>` into a lookup that knows its field name, so a
        // missing value becomes a marker instead of "undefined".
        processAST: (ast) => {
          places.length = 0;
          for (const item of ast) {
            if (typeof item === 'string') continue;
            places.push({ line: item.lineNo ?? 1, code: item.val });
            item.lineNo = places.length;
            // Eta trims the code of a tag.
            const path = /^it\.(.+)$/.exec(item.val)?.[1];
            if ((item.t === 'i' || item.t === 'r') && path !== undefined && FIELD_PATH.test(path)) {
              item.val = `({[Symbol.for(${JSON.stringify(FIELD_TAG.description)})]: ${JSON.stringify(path)}, value: it.${path.split('.').join('?.')}})`;
            }
          }
          return ast;
        },
      },
    ],
  });

  const locate = (tagNumber: number, reason: string): LetterTemplateError => {
    const place = places[tagNumber - 1];
    if (!place) return errorAt(template, 1, 1, reason);
    const sameLineBefore = places.slice(0, tagNumber - 1).filter((other) => other.line === place.line).length;
    const text = template.body.split('\n')[place.line - 1]!;
    // Each tag on the line starts with a `<%` there, so the tag's own is found.
    let column = -1;
    for (let i = 0; i <= sameLineBefore; i++) column = text.indexOf('<%', column + 1);
    return errorAt(template, place.line, column + 1, reason);
  };

  let run: (data: object) => string;
  try {
    const fn = eta.compile(template.body);
    run = (data) => eta.render(fn, data);
  } catch (error) {
    if (!(error instanceof EtaParseError)) throw error;
    const position = / at line (\d+) col (\d+)/.exec(error.message);
    if (position) throw errorAt(template, Number(position[1]), Number(position[2]), error.message.slice(0, position.index));
    const culprit = syntaxError(eta, template.body);
    throw locate(culprit.tag, `JavaScript syntax error: ${culprit.problem ?? syntaxMessage(error.message)}`);
  }

  return {
    template,
    render(data) {
      state = { missing: [] };
      const filled = withMarkers(data, template.needs, state);
      let output: string;
      try {
        output = run(filled);
      } catch (error) {
        // In debug mode Eta wraps every error of a running template as "line N\n…", N being the
        // tag number set in processAST, with what was thrown as its `cause` (a string too).
        const tag = Number(/^line (\d+)\n/.exec(error instanceof Error ? error.message : '')?.[1] ?? 0);
        const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
        const reason = cause instanceof UnprintableValue ? cause.message : cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
        const code = places[tag - 1]?.code;
        throw locate(tag, cause instanceof UnprintableValue && code ? `\`${code}\` ${reason}` : `error while running the template: ${reason}`);
      }
      return { ...splitSubject(tidy(output)), missing: [...new Set(state.missing)] };
    },
  };
}

/** Compiles and renders in one step. */
export function renderLetterTemplate(template: LetterTemplate, data: LetterData): RenderedLetter {
  return compileLetterTemplate(template).render(data);
}

function errorAt(template: LetterTemplate, bodyLine: number, column: number, reason: string): LetterTemplateError {
  const line = bodyLine + template.bodyLine - 1;
  const sourceLine = template.source.split(/\r?\n/)[line - 1];
  return new LetterTemplateError(template.name, line, column, reason, template.file, sourceLine);
}

/**
 * Data with a marker in place of each needed field that is missing, so the
 * draft shows `[[fill: organization]]` where the organization goes.
 */
function withMarkers(data: LetterData, needs: readonly string[], state: RenderState): LetterData {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const path of needs) {
    const steps = path.split('.');
    let node: Record<string, unknown> = copy;
    for (const step of steps.slice(0, -1)) {
      const child = node[step];
      if (typeof child !== 'object' || child === null) node[step] = {};
      node = node[step] as Record<string, unknown>;
    }
    const last = steps.at(-1)!;
    if (isEmpty(node[last])) {
      state.missing.push(path);
      node[last] = fillMarker(path);
    }
  }
  return copy as LetterData;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Eta's filter: every printed value passes here. */
function printable(value: unknown, state: RenderState): string {
  if (typeof value === 'object' && value !== null && FIELD_TAG in value) {
    const field = (value as FieldValue)[FIELD_TAG];
    const inner = (value as FieldValue).value;
    if (isEmpty(inner)) {
      state.missing.push(field);
      return fillMarker(field);
    }
    return text(inner);
  }
  return text(value);
}

/**
 * Follows a printed value that ends a sentence ("Inc.", "Why now?", "…"), so
 * that a full stop the template writes right after it is dropped: no "Inc..".
 * A noncharacter, never in a letter; `tidy` removes it.
 */
const SENTENCE_END = '\uFDD0';

function text(value: unknown): string {
  if (typeof value === 'string') return /[.?!\u2026]$/.test(value) ? value + SENTENCE_END : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (value === undefined || value === null) throw new UnprintableValue(`prints ${String(value)}: guard it with \`if\`, or list the field in \`needs\``);
  throw new UnprintableValue('prints an object, not text: print one of its fields');
}

/**
 * A value's own closing punctuation takes the place of the template's full
 * stop after it ("Logistics, Inc." + "." gives "Inc.", and an ellipsis the
 * user wrote stays three dots); then trailing spaces go, runs of blank lines
 * become one, and the letter ends with one newline.
 */
function tidy(output: string): string {
  return `${output
    .replace(/\uFDD0\.(?!\.)/g, '')
    .replaceAll(SENTENCE_END, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function splitSubject(output: string): Omit<RenderedLetter, 'missing'> {
  const match = /^subject:[ \t]*(.*)\n*/i.exec(output);
  if (!match) return { subject: '', body: output, text: output };
  // Already trimmed: `[ \t]*` takes the spaces before it, `tidy` those after it.
  const subject = match[1]!;
  const body = output.slice(match[0].length);
  return { subject, body, text: `Subject: ${subject}\n\n${body}` };
}

/**
 * The number of the tag holding a JavaScript syntax error, and the problem
 * when JavaScript's own message would not say it. `new Function` gives no
 * position, so the template's code is compiled one tag at a time, each
 * prefix closed with the brackets it leaves open: the first prefix that
 * still fails ends at the culprit. When every prefix compiles, a bracket is
 * never closed (JavaScript says "Unexpected token 'catch'", from Eta's code
 * around the template): the culprit is the tag that opened it. (A bracket
 * inside a regular-expression literal can mislead this; the error itself is
 * still reported.)
 */
function syntaxError(eta: Eta, body: string): { tag: number; problem?: string } {
  const ast = eta.parse(body);
  let tag = 0;
  for (let i = 0; i < ast.length; i++) {
    if (typeof ast[i] === 'string') continue;
    tag++;
    // Eta ends the code of every text and tag with a line break, so a `//` comment never swallows the closers.
    const code = eta.compileBody(ast.slice(0, i + 1));
    if (!compiles(code + openBrackets(code).map((offset) => CLOSER[code[offset]!]).reverse().join(''))) return { tag };
  }
  // Every prefix compiles once closed: the culprit opened the first bracket left open, or, with
  // none open, clashes with a name Eta declares around the code (`output`): the last tag.
  const code = eta.compileBody(ast);
  const first = openBrackets(code)[0];
  // In debug mode Eta writes `__eta.line=N` before each tag's code, and N is the tag number here.
  const markers = [...code.slice(0, first).matchAll(/__eta\.line=(\d+)/g)];
  const culprit = Number(markers.at(-1)?.[1] ?? 1);
  return first === undefined ? { tag: culprit } : { tag: culprit, problem: `\`${code[first]}\` is never closed` };
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Whether `code` parses as a function body (names it uses need not exist to parse). */
function compiles(code: string): boolean {
  try {
    new Function(code);
  } catch {
    return false;
  }
  return true;
}

/**
 * Offsets of the brackets left open at the end of `code`, outermost first. A
 * closer pops whatever is open: code whose brackets do not match does not
 * compile, closed or not.
 */
function openBrackets(code: string): number[] {
  const stack: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const char = code[i]!;
    if (char === "'" || char === '"' || char === '`') {
      for (i++; i < code.length && code[i] !== char; i++) if (code[i] === '\\') i++;
    } else if (char === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (char === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 1;
    } else if (char in CLOSER) {
      stack.push(i);
    } else if (char === ')' || char === ']' || char === '}') {
      stack.pop();
    }
  }
  return stack;
}

function syntaxMessage(message: string): string {
  return message.replace(/^Bad template syntax\s*/, '').split('\n')[0]!;
}
