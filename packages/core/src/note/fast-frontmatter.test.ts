import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parse, parseDocument } from 'yaml';
import { KNOWN_KEYS, parseFastFrontmatter } from './fast-frontmatter.js';
import { contactSchema } from './schema.js';
import { YAML_OPTIONS } from './frontmatter.js';

/**
 * Property: whenever the fast reader answers, it answers exactly what `yaml`
 * does — same values (`-0`, `NaN`, big integers, octal and hex included),
 * same key order, same source ranges — and `yaml` finds no error in that
 * text. Frontmatters in the common subset must all be answered by the fast
 * reader; mutated ones (tabs, anchors, stray quotes, bad indentation…) may be
 * refused, never misread.
 */

const RUNS = Number(process.env.FAST_FRONTMATTER_RUNS ?? 3000);

/** What `yaml` makes of a text: its value, or `undefined` when it reports an error. */
function yamlReading(text: string): { data: unknown } | undefined {
  const document = parseDocument(text, YAML_OPTIONS);
  if (document.errors.length > 0) return undefined;
  return { data: document.toJS({ maxAliasCount: 100 }) };
}

/** JSON that keeps what plain JSON would blur: key order, `-0`, `NaN`, infinities. */
function exact(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'number') return item;
    if (Object.is(item, -0)) return '<-0>';
    if (!Number.isFinite(item)) return `<${item}>`;
    return item;
  });
}

/** `yaml`'s `[range[0], range[1]]` of each top-level scalar value. */
function yamlRanges(text: string): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  const contents = parseDocument(text, YAML_OPTIONS).contents;
  if (!isMap(contents)) return ranges;
  for (const pair of contents.items) {
    if (isScalar(pair.key) && isScalar(pair.value) && pair.value.range) ranges.set(String(pair.key.value), [pair.value.range[0], pair.value.range[1]]);
  }
  return ranges;
}

/** Checks one text; returns whether the fast reader answered. */
function agreesWithYaml(text: string): boolean {
  const fast = parseFastFrontmatter(text);
  if (fast === undefined) return false;
  const expected = yamlReading(text);
  expect(expected, `yaml reports an error the fast reader missed in:\n${text}`).toBeDefined();
  expect(isDeepStrictEqual(fast.data, expected!.data), `values differ for:\n${text}\nfast: ${exact(fast.data)}\nyaml: ${exact(expected!.data)}`).toBe(true);
  expect(exact(fast.data)).toBe(exact(expected!.data));
  const ranges = yamlRanges(text);
  for (const [key, range] of fast.ranges) expect([key, ...range]).toEqual([key, ...(ranges.get(key) ?? [])]);
  return true;
}

// Plain scalars that resolve to something other than text, or look as if they might.
const SPECIAL_PLAIN = [
  'true', 'True', 'TRUE', 'false', 'FALSE', 'null', 'Null', 'NULL', '~', 'yes', 'no', 'on', 'off', 'y', 'n',
  '0', '-0', '+0', '007', '0o17', '0o8', '0x1F', '0xg', '0b101', '+5', '-12', '12345678901234567890', '1_000',
  '1.50', '3.', '.5', '-.5', '+.5', '1e3', '-1.5e-3', '2E+2', '1.0e', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'NaN', 'Infinity', '.',
  '2026-11-23', '2026-11-23T10:00', '12:30', '1:2', '1e-5', '1E+2', '12-3', '1+2', '3 pm', '0x1-2', 'a:b', 'http://example.com/a?b=1#frag', 'C#', 'a#b', 'a,b', 'a]b', 'a}b', 'a{b}',
  '=', '<<', '-a', '-5', '-.5e2', '...', 'x...', 'é', '漢字', '🙂 emoji', 'a\u00a0', 'x\u2028y', "it's", 'say "hi"', 'a\\b', 'back\\slash',
];

const wordUnit = fc.constantFrom(...Array.from('abcdefXYZ0123456789éü漢字🙂-_.()/+&*!|>%@`\'"?,[]{}='));
const plainWord = fc
  .string({ unit: wordUnit, minLength: 1, maxLength: 8 })
  .filter((word) => /^[a-zA-Z0-9éü漢字🙂(]/u.test(word));
const plainText = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_PLAIN) },
  { weight: 3, arbitrary: fc.array(plainWord, { minLength: 1, maxLength: 4 }).chain((words) => fc.constantFrom(' ', '  ').map((gap) => words.join(gap))) },
);
// Control characters appear only escaped (JSON.stringify escapes them); raw ones are for the mutations.
const anyText = fc.string({ unit: fc.constantFrom(...Array.from('ab Z9 éü漢🙂:#-\'"\\/\n\u0000\u0007\u001b\u00a0\u2028')), maxLength: 16 });

const doubleQuoted = fc.oneof(
  anyText.map((value) => JSON.stringify(value)),
  fc.constantFrom('"\\x41\\x7e"', '"\\/\\ \\e\\N\\_\\L\\P"', '"\\0\\a\\b\\t\\n\\v\\f\\r"', '"\\u00e9\\u2603"', '""', '"a # not a comment"', '"[[maya-chen]]"'),
);
const singleQuoted = anyText.filter((value) => !/[\n\0\x07\x1b]/.test(value)).map((value) => `'${value.replace(/'/g, "''")}'`);
const scalar = fc.oneof({ weight: 4, arbitrary: plainText }, { weight: 2, arbitrary: doubleQuoted }, { weight: 1, arbitrary: singleQuoted });

const flowItem = fc.oneof(
  fc.constantFrom('a', 'b c', '1', '-2', '0x10', 'true', '~', 'null', '.5', '2026-11-23', 'é', '漢字', 'x.y', 'a(b)'),
  doubleQuoted,
  singleQuoted,
);
const flowSequence = fc
  .tuple(fc.array(flowItem, { maxLength: 5 }), fc.constantFrom(', ', ',', ' , ', ',  '), fc.constantFrom('', ' '))
  .map(([items, separator, pad]) => `[${pad}${items.join(separator)}${items.length > 0 ? pad : ''}]`);

/** Builds each arbitrary once per indentation and depth: building them per generated value is slow. */
function memo<T>(build: (indent: number, depth: number) => fc.Arbitrary<T>): (indent: number, depth?: number) => fc.Arbitrary<T> {
  const built = new Map<string, fc.Arbitrary<T>>();
  return (indent, depth = 0) => {
    const key = `${indent}/${depth}`;
    let arbitrary = built.get(key);
    if (!arbitrary) built.set(key, (arbitrary = build(indent, depth)));
    return arbitrary;
  };
}

const flowMapping = fc
  .tuple(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), flowItem), { maxLength: 4, selector: ([name]) => name }), fc.constantFrom(', ', ',', ' , '), fc.constantFrom('', ' '))
  .map(([pairs, separator, pad]) => `{${pad}${pairs.map(([name, value]) => `${name}: ${value}`).join(separator)}${pairs.length > 0 ? pad : ''}}`);

/** A literal or folded block scalar whose lines sit at `indent` (folded lines never more indented). */
const blockScalar = memo((indent: number) =>
  fc
    .tuple(
      fc.constantFrom('|', '|-', '>', '>-'),
      fc.constantFrom('', '', ' # why'),
      fc.array(fc.oneof(fc.constant(''), fc.tuple(fc.constantFrom('', '', '  '), fc.stringMatching(/^[a-z#:'"\- ]{0,10}[a-z.]$/)).map(([extra, line]) => extra + line)), { minLength: 1, maxLength: 5 }),
    )
    .filter(([, , lines]) => lines[0] !== '' && !lines[0]!.startsWith(' '))
    .map(([header, note, lines]) => [header + note, ...lines.map((line) => (line === '' ? '' : ' '.repeat(indent) + (header.startsWith('>') ? line.trimStart() : line)))]),
);

const comment = fc.constantFrom('', '', '', ' # why', '  #note', ' #', '   # a: b # c');
const trailing = fc.constantFrom('', '', ' ', '   ');
const key = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/),
  fc.constantFrom('name', 'stage', 'referred_by', 'touch_every', 'why this person', 'Type', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '_private', 'yes', 'on'),
);


/** One `key: value` entry and the lines it takes, at `indent`. */
const entry = memo((indent: number, depth: number): fc.Arbitrary<[string, string[]]> => {
  const pad = ' '.repeat(indent);
  const inline = fc.tuple(fc.oneof(scalar, flowSequence, flowMapping), trailing, comment).map(([value, space, note]) => [`: ${value}${note ? space : ''}${note}`]);
  const empty = fc.tuple(comment, trailing).map(([note, space]) => [`:${note ? ' ' + note.trimStart() : space}`]);
  const literal = fc.constantFrom(1, 2, 4).chain((step) => blockScalar(indent + step)).map(([header, ...lines]) => [`: ${header}`, ...lines]);
  const nested: fc.Arbitrary<string[]>[] = [inline as fc.Arbitrary<string[]>, empty as fc.Arbitrary<string[]>, literal];
  if (depth < 3) {
    nested.push(
      fc.tuple(fc.constantFrom(2, 3, 4), comment).chain(([step, note]) => block(indent + step, depth + 1).map((lines) => [`:${note ? ' ' + note.trimStart() : ''}`, ...lines])),
      fc.tuple(fc.constantFrom(0, 2, 4), comment).chain(([step, note]) => sequence(indent + step, depth + 1).map((lines) => [`:${note ? ' ' + note.trimStart() : ''}`, ...lines])),
    );
  }
  return fc.tuple(key, fc.oneof(...nested)).map(([name, [first, ...rest]]): [string, string[]] => [name, [`${pad}${name}${first}`, ...rest]]);
});

/** A block mapping at `indent`, with unique keys. */
const block: (indent: number, depth: number) => fc.Arbitrary<string[]> = memo((indent, depth) =>
  fc
    .uniqueArray(entry(indent, depth), { minLength: 1, maxLength: depth === 0 ? 10 : 4, selector: ([name]) => name })
    .chain((entries) => fc.array(noise, { minLength: entries.length, maxLength: entries.length }).map((noises) => entries.flatMap(([, lines], index) => [...noises[index]!, ...lines]))),
);

/** A block sequence at `indent`: scalars, flow sequences or compact mappings. */
const sequence: (indent: number, depth: number) => fc.Arbitrary<string[]> = memo((indent, depth) => {
  const pad = ' '.repeat(indent);
  const literalItem = fc.constantFrom(2, 3).chain((step) => blockScalar(indent + step)).map(([header, ...lines]) => [`${pad}- ${header}`, ...lines]);
  const scalarItem = fc.tuple(fc.oneof(scalar, flowSequence, flowMapping), trailing, comment).map(([value, space, note]) => [`${pad}- ${value}${note ? space : ''}${note}`]);
  const mappingItem = fc
    .tuple(fc.constantFrom(1, 1, 2), depth < 3 ? block(0, depth + 1) : fc.constant(['k: v']))
    .map(([gap, lines]) => {
      const column = indent + 1 + gap;
      const kept = lines.filter((line) => !NOISE.includes(line));
      const [first, ...rest] = kept.slice(kept.findIndex((line) => line !== ''));
      return [`${pad}-${' '.repeat(gap)}${first}`, ...rest.map((line) => ' '.repeat(column) + line)];
    });
  return fc.array(fc.oneof(scalarItem, mappingItem, literalItem), { minLength: 1, maxLength: 4 }).map((items) => items.flat());
});

/** Blank and comment lines, which may sit at any indentation. */
const NOISE = ['   ', '# comment', '    # indented comment', '#: not a key'];
const noise = fc.array(fc.constantFrom('', ...NOISE), { maxLength: 1 });

const frontmatter = fc
  .tuple(block(0, 0), fc.boolean(), fc.boolean())
  .map(([lines, crlf, finalNewline]) => lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? (crlf ? '\r\n' : '\n') : ''));

const NASTY = ['\t', '&a ', '*a', '!!str ', '|', '>', '{', '}', '[', ']', ':', ': ', '#', ' #', "'", '"', '-', '- ', ' ', '  ', '?', '? ', '%', '@', '`', '\r', '\n', '\n  ', '\\', ',', '\u0085', '\uFEFF', '\u0000', '\ud800', '---\n', '...\n', 'a: b\n', '  - x\n'];
const mutated = fc
  .tuple(frontmatter, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NASTY), fc.nat({ max: 3 })), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    let result = text;
    for (const [position, insert, remove] of edits) {
      const at = result.length === 0 ? 0 : position % result.length;
      result = result.slice(0, at) + insert + result.slice(at + remove);
    }
    return result;
  });

describe('parseFastFrontmatter', () => {
  it('reads every frontmatter of the common subset exactly as yaml does', () => {
    fc.assert(
      fc.property(frontmatter, (text) => {
        expect(agreesWithYaml(text), `the fast reader refused:\n${text}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('never misreads a mutated frontmatter: it refuses it or agrees with yaml', () => {
    let answered = 0;
    let tried = 0;
    fc.assert(
      fc.property(mutated, (text) => {
        tried++;
        if (agreesWithYaml(text)) answered++;
      }),
      { numRuns: RUNS },
    );
    // The property is only worth something if mutated texts are still often answered
    // (out of the texts tried: a mutation run tries fewer, scripts/mutate-setup.ts).
    expect(answered).toBeGreaterThan(tried / 20);
  }, 600_000);

  it('reads a typical contact frontmatter with ranges of its top-level values', () => {
    const text = 'type: contact\nname: Maya Chen # the one from Dana\nreferred_by: "[[dana-okafor]]"\ntags: [ux, 2026]\nhistory:\n  - date: 2026-09-21\n    stage: identified\nmeeting:\n  at: "2026-10-07T12:00-04:00"\n  minutes: 30\n';
    const fast = parseFastFrontmatter(text);
    expect(fast?.data).toEqual(parse(text));
    expect(fast?.ranges.get('referred_by')).toEqual([text.indexOf('"[[dana'), text.indexOf('"\ntags') + 1]);
    expect(fast?.ranges.get('name')).toEqual([text.indexOf('Maya'), text.indexOf(' # the')]);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar that keeps its final line breaks', 'a: |+\n  text\n\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a nested flow collection', 'a: {b: [1]}\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab', 'a:\t1\n'],
    ['a nested compact mapping', 'a: b: c\n'],
    ['a quoted key', '"a": 1\n'],
    ['an indented document', '  a: 1\n'],
    ['a top-level sequence', '- a\n- b\n'],
    ['a document marker', 'a: 1\n---\nb: 2\n'],
    ['a __proto__ key', '__proto__: 1\n'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(parseFastFrontmatter(text)).toBeUndefined();
  });

  it('reads an empty or comment-only frontmatter as null, like yaml', () => {
    expect(parseFastFrontmatter('')).toEqual({ data: null, ranges: new Map() });
    expect(parseFastFrontmatter('# only a comment\n\n')?.data).toBe(parse('# only a comment\n\n'));
  });
});

/** The fast reading of a text the fast reader must answer, checked against `yaml` as well. */
function fastData(text: string): unknown {
  const fast = parseFastFrontmatter(text);
  expect(fast, `the fast reader refused:\n${text}`).toBeDefined();
  expect(exact(fast!.data)).toBe(exact(parse(text, YAML_OPTIONS)));
  return fast!.data;
}

describe('parseFastFrontmatter, value by value', () => {
  it('resolves plain scalars as the core schema does', () => {
    const text = [
      'n: ~', 'm: null', 'N: Null', 'U: NULL', 't: true', 'T: True', 'f: FALSE', 'F: false',
      'o: 0o17', 'o8: 0o8', 'i: -12', 'p: +5', 'z: 007', 'h: 0x1F', 'hg: 0xg', 'b: 0b101',
      'x: 1.50', 'dot: 3.', 'half: .5', 'e: 1e3', 'E: -1.5e-3', 'inf: -.Inf', 'pinf: +.INF', 'nan: .NaN', 'NaN: NaN',
      'd: 2026-11-23', 's: yes', 'dash: -x', 'tilde: ~x', 'under: 1_000',
    ].join('\n');
    expect(fastData(text)).toEqual({
      n: null, m: null, N: null, U: null, t: true, T: true, f: false, F: false,
      o: 15, o8: '0o8', i: -12, p: 5, z: 7, h: 31, hg: '0xg', b: '0b101',
      x: 1.5, dot: 3, half: 0.5, e: 1000, E: -0.0015, inf: -Infinity, pinf: Infinity, nan: NaN, NaN: 'NaN',
      d: '2026-11-23', s: 'yes', dash: '-x', tilde: '~x', under: '1_000',
    });
    expect((fastData('zero: -0\n') as { zero: number }).zero).toBe(-0);
  });

  it('reads plain text up to a comment, with `#` and `:` inside words kept', () => {
    expect(fastData('a: plain text   # a comment\nb: C# and a:b\nc: http://x.org/a#frag\n')).toEqual({ a: 'plain text', b: 'C# and a:b', c: 'http://x.org/a#frag' });
  });

  it('reads double-quoted escapes and single-quoted doubled quotes', () => {
    const text = String.raw`a: "tab\there \u00e9 \x41 \"q\" back\\ \/ \0\a\b\v\f\r\e\N\_\L\P\ end"` + "\nb: 'it''s ''quoted'''\nc: \"\"\nd: ''\ne: \"a # not a comment\" # but this is\n";
    expect(fastData(text)).toEqual({
      a: 'tab\there é A "q" back\\ / \0\x07\b\v\f\r\x1b\x85\xa0\u2028\u2029 end',
      b: "it's 'quoted'",
      c: '',
      d: '',
      e: 'a # not a comment',
    });
  });

  it('reads one-line flow lists and mappings of scalars', () => {
    expect(fastData('tags: [ux, "b c", \'d\', 1, ~, -2, x.y]\nm: { date: 2026-11-23 , stage: held }\ne: []\nf: {}\ng: [ ]\n')).toEqual({
      tags: ['ux', 'b c', 'd', 1, null, -2, 'x.y'],
      m: { date: '2026-11-23', stage: 'held' },
      e: [],
      f: {},
      g: [],
    });
  });

  it('reads nested block mappings and lists, a list at its key\'s indentation, and compact mappings in a list', () => {
    const text = 'history:\n  - date: 2026-11-23\n    stage: held\n  -   x\n  - [a]\nmeeting:\n  at: 10\n  where:\n    room: 4\ntags:\n- a\n- b\nlast:\n';
    expect(fastData(text)).toEqual({
      history: [{ date: '2026-11-23', stage: 'held' }, 'x', ['a']],
      meeting: { at: 10, where: { room: 4 } },
      tags: ['a', 'b'],
      last: null,
    });
  });

  it('reads literal and folded block scalars, clipped and stripped', () => {
    const text = 'a: |\n  one\n   two\n\n  three\n\nb: >-\n  one\n  two\n\n  three\n   more\n  four\nc: > # why\n  x\n  y\nd: |-\n    deep\n';
    expect(fastData(text)).toEqual({ a: 'one\n two\n\nthree\n', b: 'one two\nthree\n more\nfour', c: 'x y\n', d: 'deep' });
  });

  it('reads blank and comment lines anywhere, empty values as null, and CRLF', () => {
    expect(fastData('# top\n\na: 1 # one\n    # indented comment\nb:   \nc: # none\nd:\n  # only a comment\ne: x\n')).toEqual({ a: 1, b: null, c: null, d: null, e: 'x' });
    expect(fastData('a: x\r\nb:\r\n  - y\r\n')).toEqual({ a: 'x', b: ['y'] });
  });

  it('gives the range of each top-level one-line scalar, quotes included, comments and spaces not', () => {
    // `name: Maya Chen # x\n` is 0-19; `ref: ` 20-24, `"[[d]]"` 25-31; `q: ` 33-35, `'a'` 36-38; `n: ` 40-42, `12` 43-44, then spaces.
    const fast = parseFastFrontmatter('name: Maya Chen # x\nref: "[[d]]"\nq: \'a\'\nn: 12   \nlist: [a]\nblock: |\n  x\nmap:\n  k: v\n');
    expect([...fast!.ranges]).toEqual([
      ['name', [6, 15]],
      ['ref', [25, 32]],
      ['q', [36, 39]],
      ['n', [43, 45]],
    ]);
  });

  it.each([
    ['a flow list with an empty item', 'a: [x, , y]\n'],
    ['a flow list ending in a comma', 'a: [x, ]\n'],
    ['a flow list left open', 'a: [x, y\n'],
    ['a flow mapping without a space after its colon', 'a: {b:1}\n'],
    ['a flow mapping with an empty value', 'a: {b: }\n'],
    ['a flow mapping ending in a comma', 'a: {b: 1, }\n'],
    ['a flow mapping with an item after it', 'a: {b: 1} x\n'],
    ['an unknown escape', 'a: "\\q"\n'],
    ['an escaped surrogate', 'a: "\\ud800"\n'],
    ['a short hex escape', 'a: "\\x4"\n'],
    ['an unclosed single quote', "a: 'x\n"],
    ['text after a quoted value', 'a: "x" y\n'],
    ['an empty list item', 'a:\n  -\n'],
    ['a list item that is a list', 'a:\n  - - x\n'],
    ['a list item continued on the next line', 'a:\n  - x\n    y\n'],
    ['a block scalar with nothing in it', 'a: |\nb: 1\n'],
    ['a block scalar starting with a blank line', 'a: |\n\n  x\n'],
    ['a plain value starting with `- `', 'a: - x\n'],
    ['a plain value starting with a reserved character', 'a: @x\n'],
    ['a key that is a boolean', 'true: 1\n'],
    ['a key with a colon in it', 'a:b: 1\n'],
    ['a key over 1000 characters', `${'k'.repeat(1001)}: 1\n`],
    ['a more-indented line after a value', 'a: 1\n  b: 2\n'],
    ['a key without a value on the last line', 'a: 1\nb\n'],
    ['a control character', 'a: \u0007\n'],
    ['a CR alone', 'a: 1\rb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a comment with no space before it', 'a: "x"#c\n'],
    ['a lone dash at the very end', 'a: -'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(parseFastFrontmatter(text)).toBeUndefined();
  });

  it('reads an emoji, which only looks like a lone surrogate to the quick scan', () => {
    expect(fastData('a: 🙂 fine\n')).toEqual({ a: '🙂 fine' });
  });
});

describe('the keys the fast reader knows', () => {
  it('are the contact schema\'s keys, nested ones included, each under its first letter', () => {
    const keys = new Set<string>();
    const walk = (properties: Readonly<Record<string, unknown>>) => {
      for (const [key, schema] of Object.entries(properties)) {
        keys.add(key);
        const inner = schema as { properties?: Record<string, unknown>; items?: { properties?: Record<string, unknown> } };
        const nested = inner.properties ?? inner.items?.properties;
        if (nested) walk(nested);
      }
    };
    walk(contactSchema.properties);
    expect(Object.values(KNOWN_KEYS).flat().sort()).toEqual([...keys].sort());
    for (const [first, group] of Object.entries(KNOWN_KEYS)) for (const key of group) expect(key[0]).toBe(first);
  });
});

describe('nesting', () => {
  const nested = (levels: number) => `foo:\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`;

  it('reads 64 levels of block collections, and leaves deeper ones to `yaml` rather than exhaust the stack', () => {
    // `foo:` holds a mapping of `k`, which holds another… 64 of them, the last `k: 1`.
    let expected: unknown = 1;
    for (let i = 0; i < 64; i++) expected = { k: expected };
    expect(parseFastFrontmatter(nested(64))?.data).toEqual({ foo: expected });
    expect(parseFastFrontmatter(nested(65))).toBeUndefined();
    expect(parseFastFrontmatter(nested(3000))).toBeUndefined();
  });
});
