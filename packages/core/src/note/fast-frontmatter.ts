/**
 * A fast reader for the YAML that frontmatter is nearly always written in:
 * block mappings and sequences; single-line plain and quoted scalars;
 * one-line flow sequences and mappings of scalars; literal and folded block
 * scalars; comments and blank lines. It returns exactly what `yaml`'s
 * `parseDocument(…).toJS()` gives under the core schema — or `undefined` the
 * moment it meets anything outside that subset (anchors, tags, multi-line
 * flow or plain scalars, tabs, odd indentation, duplicate keys…), and the
 * caller then asks `yaml` itself. Writes never use it: edits keep going
 * through the `yaml` Document API.
 *
 * Why: `parseDocument` builds a token stream, a CST and a node tree with
 * source ranges, about 0.4 ms for a 1.5 KB frontmatter; indexing a folder
 * needs only the values.
 *
 * Every string value is detached from the text it was read from, so that
 * keeping a value does not keep the whole note.
 */

import { detach } from './detached-string.js';

/** What the fast reader understood of a frontmatter. */
export interface FastFrontmatter {
  /** The same value `parseDocument(yaml, YAML_OPTIONS).toJS()` gives. */
  readonly data: unknown;
  /**
   * Offsets `[start, end)` in the YAML text of each top-level single-line
   * scalar value, equal to `yaml`'s `node.range[0]` and `node.range[1]`.
   */
  readonly ranges: ReadonlyMap<string, readonly [number, number]>;
}

/** Thrown inside the reader when the text leaves the subset; never escapes. */
const UNSUPPORTED = Symbol('unsupported');

// Characters whose presence anywhere sends the text to `yaml`: tabs (indentation rules),
// control characters and lone surrogates (errors in YAML), NEL and BOM (line-break and
// marker rules), and a CR that does not end a line.
const UNSUPPORTED_CHARS = /[\t\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDFFF]|\r(?!\n)/u;
// The same scan without the `u` flag runs twice as fast, but it also matches either half of a
// well-formed surrogate pair (an emoji): only a text it matches gets the exact scan.
const MAYBE_UNSUPPORTED_CHARS = /[\t\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]|\r(?!\n)/;

// Keys are kept to words the core schema reads as text (no numbers, booleans, nulls).
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*$/;
const NON_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;

// The core schema's implicit types, tried in `yaml`'s order (null, bool, int oct/dec/hex, float).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The deepest nesting of block collections read here; deeper goes to `yaml` (no frontmatter needs a tenth of it). */
const MAX_DEPTH = 64;

/** Characters that cannot start a plain scalar, or change what it means there. */
const PLAIN_FIRST_STOP = '?:,[]{}#&*!|>\'"%@`';
/** Characters that end (or would change the meaning of) a plain scalar inside `[…]` or `{…}`. */
const FLOW_PLAIN_STOP = ',[]{}#:&*!|>%@`\'"\\';

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

interface Line {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character (before `\r\n` or `\n`). */
  readonly end: number;
  /** Leading spaces. */
  readonly indent: number;
  /** Only spaces, or a comment: no structure. */
  readonly empty: boolean;
}

/** Reads `yaml` if it is within the fast subset; `undefined` means "ask `yaml`". */
export function parseFastFrontmatter(yaml: string): FastFrontmatter | undefined {
  if (MAYBE_UNSUPPORTED_CHARS.test(yaml) && UNSUPPORTED_CHARS.test(yaml)) return undefined;
  try {
    return new Reader(yaml).read();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  /** Index of the next line to read. */
  private next = 0;
  private readonly ranges = new Map<string, readonly [number, number]>();
  /** How many block collections the line being read is nested in. */
  private depth = 0;

  constructor(private readonly text: string) {
    const { length } = text;
    let start = 0;
    while (start < length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = length;
      const lineEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
      let indent = start;
      while (indent < lineEnd && text.charCodeAt(indent) === SPACE) indent++;
      this.lines.push({ start, end: lineEnd, indent: indent - start, empty: indent === lineEnd || text.charCodeAt(indent) === HASH });
      start = end + 1;
    }
  }

  read(): FastFrontmatter {
    const first = this.peek();
    if (!first) return { data: null, ranges: this.ranges };
    if (first.indent !== 0 || this.isSeqItem(first)) throw UNSUPPORTED;
    const data = this.mapping(0, undefined, true);
    if (this.peek()) throw UNSUPPORTED;
    return { data, ranges: this.ranges };
  }

  /** The next line with structure, skipping blank and comment lines. */
  private peek(): Line | undefined {
    while (this.next < this.lines.length && this.lines[this.next]!.empty) this.next++;
    return this.lines[this.next];
  }

  private isSeqItem(line: Line): boolean {
    const at = line.start + line.indent;
    if (this.text.charCodeAt(at) !== DASH) return false;
    return at + 1 === line.end || this.text.charCodeAt(at + 1) === SPACE;
  }

  /** Lines starting with `---` or `...` are document markers to `yaml`. */
  private isMarker(line: Line): boolean {
    if (line.indent !== 0 || line.end - line.start < 3) return false;
    const head = this.text.slice(line.start, line.start + 3);
    return head === '---' || head === '...';
  }

  /**
   * A block mapping whose keys sit at column `indent`. `first` is the key's
   * offset when the first entry shares a line with a sequence dash.
   */
  private mapping(indent: number, first: { line: Line; at: number } | undefined, top: boolean): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (;;) {
      let line: Line;
      let at: number;
      if (first) {
        // The caller has already consumed the dash line.
        ({ line, at } = first);
        first = undefined;
      } else {
        const peeked = this.peek();
        if (!peeked || peeked.indent < indent) break;
        if (peeked.indent > indent || this.isSeqItem(peeked) || this.isMarker(peeked)) throw UNSUPPORTED;
        line = peeked;
        at = line.start + indent;
        this.next++;
      }
      const colon = this.keyEnd(line, at);
      const key = this.key(at, colon, result);
      const valueAt = this.skipSpaces(colon + 1, line.end);
      if (valueAt === line.end || this.text.charCodeAt(valueAt) === HASH) {
        result[key] = this.nested(indent);
      } else {
        const [value, end] = this.inline(line, valueAt, indent);
        if (top && end !== undefined) this.ranges.set(key, [valueAt, end]);
        result[key] = value;
      }
    }
    return result;
  }

  /** A key between `at` and `end`, checked to be a simple word not already in `mapping`. */
  private key(at: number, end: number, mapping: Record<string, unknown>): string {
    const key = knownKey(this.text, at, end) ?? this.otherKey(at, end);
    if (Object.hasOwn(mapping, key)) throw UNSUPPORTED;
    return key;
  }

  /** A key that is not one of a contact's own: cut out and checked to be a word the core schema reads as text. */
  private otherKey(at: number, end: number): string {
    const key = this.text.slice(at, end);
    // `yaml` refuses implicit keys over 1024 characters.
    if (key.length > 1000 || !SIMPLE_KEY.test(key) || NON_STRING_KEY.test(key)) throw UNSUPPORTED;
    return key;
  }

  /** Offset of the `:` that ends the key starting at `at` (followed by a space or the line end). */
  private keyEnd(line: Line, at: number): number {
    for (let i = at; i < line.end; i++) {
      if (this.text.charCodeAt(i) === COLON && (i + 1 === line.end || this.text.charCodeAt(i + 1) === SPACE)) return i;
    }
    throw UNSUPPORTED;
  }

  /** The value of a key with nothing after its colon: a nested block, or null. */
  private nested(parentIndent: number): unknown {
    const line = this.peek();
    if (!line || this.isMarker(line)) return null;
    // A sequence may sit at its key's own indentation.
    if (line.indent < parentIndent || (line.indent === parentIndent && !this.isSeqItem(line))) return null;
    // Each level is a few calls deeper: thousands of them would exhaust the stack (`yaml` reports that as a problem).
    if (++this.depth > MAX_DEPTH) throw UNSUPPORTED;
    const value = this.isSeqItem(line) ? this.sequence(line.indent) : this.mapping(line.indent, undefined, false);
    this.depth--;
    return value;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const line = this.peek();
      if (!line || line.indent !== indent || !this.isSeqItem(line)) break;
      this.next++;
      const at = this.skipSpaces(line.start + indent + 1, line.end);
      if (at === line.end || this.text.charCodeAt(at) === HASH) throw UNSUPPORTED;
      if (this.text.charCodeAt(at) === DASH && (at + 1 === line.end || this.text.charCodeAt(at + 1) === SPACE)) throw UNSUPPORTED;
      if (this.startsKey(line, at)) items.push(this.mapping(at - line.start, { line, at }, false));
      else items.push(this.inline(line, at, indent)[0]);
      // Anything still more indented would continue the item (a multi-line scalar): not ours.
      const following = this.peek();
      if (following && following.indent > indent) throw UNSUPPORTED;
    }
    return items;
  }

  /** True when the text at `at` is `key:` followed by a space or the line end. */
  private startsKey(line: Line, at: number): boolean {
    const first = this.text.charCodeAt(at);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE || first === 0x5b || first === 0x7b) return false;
    for (let i = at; i < line.end; i++) {
      const code = this.text.charCodeAt(i);
      if (code === COLON && (i + 1 === line.end || this.text.charCodeAt(i + 1) === SPACE)) return true;
      if (code === HASH && i > at && this.text.charCodeAt(i - 1) === SPACE) return false;
    }
    return false;
  }

  /**
   * A value that starts on the key's (or dash's) line: a scalar, a flow
   * collection or a block scalar. Returns the value and the end of its range
   * when it is a single-line scalar. `parentIndent` is the indentation a
   * block scalar's lines must exceed.
   */
  private inline(line: Line, at: number, parentIndent: number): [unknown, number | undefined] {
    const code = this.text.charCodeAt(at);
    let value: unknown;
    let end: number;
    let ranged = true;
    if (code === DOUBLE_QUOTE) [value, end] = this.doubleQuoted(at, line.end);
    else if (code === SINGLE_QUOTE) [value, end] = this.singleQuoted(at, line.end);
    else if (code === 0x5b) [value, end, ranged] = [...this.flowSequence(at, line.end), false];
    else if (code === 0x7b) [value, end, ranged] = [...this.flowMapping(at, line.end), false];
    else if (code === 0x7c || code === 0x3e) return [this.blockScalar(line, at, parentIndent), undefined];
    else return this.plain(at, line.end);
    this.expectLineEnd(end, line.end);
    return [value, ranged ? end : undefined];
  }

  /** After a value: spaces, then nothing or a comment preceded by a space. */
  private expectLineEnd(from: number, lineEnd: number): void {
    const at = this.skipSpaces(from, lineEnd);
    if (at === lineEnd) return;
    if (this.text.charCodeAt(at) === HASH && at > from) return;
    throw UNSUPPORTED;
  }

  /** A plain scalar in block context: up to a comment or the line end. */
  private plain(at: number, lineEnd: number): [unknown, number] {
    const first = this.text[at]!;
    if (PLAIN_FIRST_STOP.includes(first)) throw UNSUPPORTED;
    if (first === '-' && !/[0-9A-Za-z.]/.test(this.text[at + 1] ?? '')) throw UNSUPPORTED;
    let end = lineEnd;
    for (let i = at + 1; i < lineEnd; i++) {
      const code = this.text.charCodeAt(i);
      if (code === HASH && this.text.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
      // `a: b` on a value's line would be a nested mapping, which YAML refuses there.
      if (code === COLON && (i + 1 === lineEnd || this.text.charCodeAt(i + 1) === SPACE)) throw UNSUPPORTED;
    }
    while (end > at && this.text.charCodeAt(end - 1) === SPACE) end--;
    return [resolvePlain(this.text.slice(at, end)), end];
  }

  /** A plain scalar inside a flow collection, up to `,`, `]`, `}` or the line end. */
  private flowPlain(at: number, lineEnd: number): [unknown, number] {
    let end = at;
    while (end < lineEnd && !FLOW_PLAIN_STOP.includes(this.text[end]!)) end++;
    let valueEnd = end;
    while (valueEnd > at && this.text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const plain = this.text.slice(at, valueEnd);
    if (plain === '' || plain[0] === '?' || (plain[0] === '-' && !/^-[0-9A-Za-z.]/.test(plain))) throw UNSUPPORTED;
    return [resolvePlain(plain), end];
  }

  private flowScalar(at: number, lineEnd: number): [unknown, number] {
    const code = this.text.charCodeAt(at);
    if (code === DOUBLE_QUOTE) return this.doubleQuoted(at, lineEnd);
    if (code === SINGLE_QUOTE) return this.singleQuoted(at, lineEnd);
    return this.flowPlain(at, lineEnd);
  }

  private doubleQuoted(at: number, lineEnd: number): [string, number] {
    let value = '';
    let chunk = at + 1;
    for (let i = at + 1; i < lineEnd; i++) {
      const code = this.text.charCodeAt(i);
      if (code === DOUBLE_QUOTE) return [detach(value + this.text.slice(chunk, i)), i + 1];
      if (code !== 0x5c) continue;
      value += this.text.slice(chunk, i);
      const escape = this.text[i + 1];
      const simple = escape === undefined ? undefined : DOUBLE_QUOTE_ESCAPES[escape];
      if (simple !== undefined) {
        value += simple;
        i += 1;
      } else if (escape === 'x' || escape === 'u') {
        const digits = escape === 'x' ? 2 : 4;
        const hex = this.text.slice(i + 2, i + 2 + digits);
        if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) throw UNSUPPORTED;
        const point = parseInt(hex, 16);
        if (point >= 0xd800 && point <= 0xdfff) throw UNSUPPORTED;
        value += String.fromCharCode(point);
        i += 1 + digits;
      } else throw UNSUPPORTED;
      chunk = i + 1;
    }
    throw UNSUPPORTED;
  }

  private singleQuoted(at: number, lineEnd: number): [string, number] {
    let value = '';
    let chunk = at + 1;
    for (let i = at + 1; i < lineEnd; i++) {
      if (this.text.charCodeAt(i) !== SINGLE_QUOTE) continue;
      if (this.text.charCodeAt(i + 1) === SINGLE_QUOTE) {
        value += this.text.slice(chunk, i + 1);
        chunk = i + 2;
        i++;
        continue;
      }
      return [detach(value + this.text.slice(chunk, i)), i + 1];
    }
    throw UNSUPPORTED;
  }

  /** `[a, "b", 1]` on one line, scalars only. */
  private flowSequence(at: number, lineEnd: number): [unknown[], number] {
    const items: unknown[] = [];
    let i = this.skipSpaces(at + 1, lineEnd);
    if (this.text.charCodeAt(i) === 0x5d) return [items, i + 1];
    for (;;) {
      if (i >= lineEnd) throw UNSUPPORTED;
      const [item, end] = this.flowScalar(i, lineEnd);
      items.push(item);
      i = this.skipSpaces(end, lineEnd);
      const separator = this.text.charCodeAt(i);
      if (separator === 0x5d) return [items, i + 1];
      if (separator !== 0x2c) throw UNSUPPORTED;
      i = this.skipSpaces(i + 1, lineEnd);
      if (this.text.charCodeAt(i) === 0x5d) throw UNSUPPORTED;
    }
  }

  /** `{date: 2026-11-23, stage: held}` on one line, simple keys and scalar values only. */
  private flowMapping(at: number, lineEnd: number): [Record<string, unknown>, number] {
    const result: Record<string, unknown> = {};
    let i = this.skipSpaces(at + 1, lineEnd);
    if (this.text.charCodeAt(i) === 0x7d) return [result, i + 1];
    for (;;) {
      let colon = i;
      while (colon < lineEnd && this.text.charCodeAt(colon) !== COLON) colon++;
      if (this.text.charCodeAt(colon + 1) !== SPACE) throw UNSUPPORTED;
      const key = this.key(i, colon, result);
      const valueAt = this.skipSpaces(colon + 1, lineEnd);
      if (valueAt >= lineEnd) throw UNSUPPORTED;
      const [value, end] = this.flowScalar(valueAt, lineEnd);
      result[key] = value;
      i = this.skipSpaces(end, lineEnd);
      const separator = this.text.charCodeAt(i);
      if (separator === 0x7d) return [result, i + 1];
      if (separator !== 0x2c) throw UNSUPPORTED;
      i = this.skipSpaces(i + 1, lineEnd);
      if (this.text.charCodeAt(i) === 0x7d) throw UNSUPPORTED;
    }
  }

  /**
   * `|` (literal) or `>` (folded), clipped or stripped (`-`), with lines
   * more indented than `parentIndent`. Kept (`+`) chomping, indentation
   * indicators and leading blank lines are left to `yaml`.
   */
  private blockScalar(header: Line, at: number, parentIndent: number): string {
    const literal = this.text.charCodeAt(at) === 0x7c;
    let after = at + 1;
    const strip = this.text.charCodeAt(after) === DASH;
    if (strip) after++;
    this.expectLineEnd(after, header.end);
    const lines: string[] = [];
    let indent = -1;
    for (; this.next < this.lines.length; this.next++) {
      const line = this.lines[this.next]!;
      const blank = line.indent === line.end - line.start;
      if (blank) {
        if (indent < 0) throw UNSUPPORTED;
        // Spaces beyond the indentation are content: a more-indented line.
        lines.push(line.indent > indent ? this.text.slice(line.start + indent, line.end) : '');
        continue;
      }
      if (indent < 0) {
        if (line.indent <= parentIndent) break;
        indent = line.indent;
      }
      if (line.indent < indent) break;
      lines.push(this.text.slice(line.start + indent, line.end));
    }
    // An empty block scalar is rare: left to `yaml`.
    if (indent < 0) throw UNSUPPORTED;
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    let value: string;
    if (literal) value = lines.join('\n');
    else {
      // Folding: two neighbouring text lines join with a space, and k empty lines between them
      // give k line breaks; next to a more-indented line every line break is kept.
      value = lines[0]!;
      let previous = value;
      let empty = 0;
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i]!;
        if (line === '') {
          empty++;
          continue;
        }
        const spaced = line.charCodeAt(0) === SPACE || previous.charCodeAt(0) === SPACE;
        value += spaced ? '\n'.repeat(empty + 1) + line : empty > 0 ? '\n'.repeat(empty) + line : ' ' + line;
        previous = line;
        empty = 0;
      }
    }
    return detach(strip ? value : value + '\n');
  }

  private skipSpaces(from: number, end: number): number {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }
}

/**
 * The keys of a contact note, by first character: a key written as one of
 * them is taken as that constant rather than cut out of the text and
 * checked, which a folder of notes does for every line of every note.
 * Written out rather than taken from `contactSchema`, which would tie this
 * reader to the lifecycle and config modules; a test keeps the two equal.
 */
export const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  a: ['action', 'at'],
  c: ['credentials'],
  d: ['date', 'dismissed', 'due'],
  e: ['email'],
  f: ['format'],
  h: ['history'],
  i: ['industry'],
  l: ['letter', 'link', 'linkedin', 'linkedin_connected', 'location'],
  m: ['meeting', 'minutes'],
  n: ['name', 'next', 'note'],
  o: ['organization'],
  p: ['phone', 'place'],
  r: ['referred_by', 'replied', 'role'],
  s: ['snoozed_until', 'source', 'stage'],
  t: ['tags', 'timezone', 'touch', 'touch_every', 'type'],
  v: ['via'],
};

/** The known key written between `at` and `end`, if it is one. */
function knownKey(text: string, at: number, end: number): string | undefined {
  // One character: no property of Object.prototype has a name that short.
  const candidates = KNOWN_KEYS[text[at]!];
  if (candidates === undefined) return undefined;
  const length = end - at;
  for (const candidate of candidates) if (candidate.length === length && text.startsWith(candidate, at)) return candidate;
  return undefined;
}

const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  ' ': ' ',
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** The core schema's reading of a plain scalar, as `yaml` resolves it. */
function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0);
  // Most values start with a letter that begins none of null, true, false.
  if (first > 0x39 && first !== 0x7e && first !== 0x4e && first !== 0x6e && first !== 0x54 && first !== 0x74 && first !== 0x46 && first !== 0x66) return detach(source);
  // Dates and times start with a digit too, and are text to the core schema: spare them its eight patterns.
  if (first >= 0x30 && first <= 0x39 && !couldBeNumber(source)) return detach(source);
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return first === 0x74 || first === 0x54;
  if (INT_OCT.test(source)) return parseInt(source.slice(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.slice(2), 16);
  if (FLOAT_NAN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return detach(source);
}

/**
 * False when a plain scalar starting with a digit cannot be any of the core
 * schema's numbers: a sign inside it other than an exponent's, or a `:` or a
 * space, as in `2026-11-23`, `08:30` or `3 pm`.
 */
function couldBeNumber(source: string): boolean {
  for (let i = 1; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x3a || code === SPACE) return false;
    if (code === DASH || code === 0x2b) {
      const before = source.charCodeAt(i - 1);
      if (before !== 0x65 && before !== 0x45) return false;
    }
  }
  return true;
}
