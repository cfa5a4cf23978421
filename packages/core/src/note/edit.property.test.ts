import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendToList, deleteField, setField } from './edit.js';
import { readLayout } from './source.js';

/**
 * Property: an edit changes only the lines of the field it edits. Notes are
 * generated with comments, odd quoting, flow and block styles, CRLF, a BOM,
 * trailing spaces and no final newline.
 */

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const text = fc.string({ unit: fc.constantFrom(...'abc XYZ 123 éü漢字🙂:#-\'"'.split('')), minLength: 1, maxLength: 20 });

interface Field {
  readonly key: string;
  readonly source: string;
}

const scalarSource = fc.oneof(
  word,
  text.map((value) => JSON.stringify(value)),
  text.map((value) => `'${value.replace(/'/g, "''")}'`),
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.constantFrom('true', 'null', '2026-11-23', '~'),
);

const fieldValue = fc.oneof(
  scalarSource.map((value) => ({ inline: value })),
  fc.tuple(scalarSource, fc.constantFrom('', '  # why', ' #note', '   ')).map(([value, comment]) => ({ inline: value + comment })),
  fc.array(scalarSource, { maxLength: 4 }).map((items) => ({ inline: `[${items.join(', ')}]` })),
  fc.array(scalarSource, { minLength: 1, maxLength: 3 }).map((items) => ({ block: items.map((item) => `  - ${item}`) })),
  fc.array(fc.tuple(word, scalarSource), { minLength: 1, maxLength: 3 }).map((pairs) => ({ block: uniqueBy(pairs).map(([key, value]) => `  ${key}: ${value}`) })),
  fc.array(fc.stringMatching(/^[a-z ]{0,12}$/), { minLength: 1, maxLength: 3 }).map((lines) => ({ literal: lines.map((line) => `  ${line || 'x'}`) })),
);

function uniqueBy<T extends readonly [string, ...unknown[]]>(pairs: T[]): T[] {
  const seen = new Set<string>();
  return pairs.filter(([key]) => !seen.has(key) && seen.add(key));
}

const noteArbitrary = fc
  .record({
    fields: fc.uniqueArray(fc.tuple(word, fieldValue, fc.constantFrom('', '# a comment', '', '')), { minLength: 1, maxLength: 8, selector: ([key]) => key }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    body: fc.string({ maxLength: 60 }),
  })
  .map(({ fields, crlf, bom, finalNewline, body }) => {
    const lines: string[] = [];
    const rendered: Field[] = [];
    for (const [key, value, before] of fields) {
      if (before) lines.push(before);
      const own = 'inline' in value ? [`${key}: ${value.inline}`] : 'block' in value ? [`${key}:`, ...value.block] : [`${key}: |`, ...value.literal];
      lines.push(...own);
      rendered.push({ key, source: own.join('\n') });
    }
    const eol = crlf ? '\r\n' : '\n';
    const bodyText = body.replace(/\r?\n/g, eol);
    let note = ['---', ...lines, '---'].join(eol) + eol + bodyText;
    if (!finalNewline) note = note.replace(/(\r?\n)+$/, '');
    return { note: (bom ? '\uFEFF' : '') + note, fields: rendered, eol };
  })
  .filter(({ note }) => {
    try {
      const layout = readLayout(note);
      return layout.frontmatter !== undefined && parse(layout.frontmatter.yaml) !== undefined;
    } catch {
      return false;
    }
  });

function frontmatterData(note: string): Record<string, unknown> {
  return parse(readLayout(note).frontmatter!.yaml) as Record<string, unknown>;
}

/** The part of `before` that `after` replaced: [start, end) in `before`. */
function changedRegion(before: string, after: string): [number, number] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [start, before.length - end];
}

/** Offsets in the note of the lines a field occupies. */
function fieldSpan(note: string, field: Field, eol: string): [number, number] {
  const source = field.source.replace(/\n/g, eol);
  const start = note.indexOf(`${eol}${source}`) + eol.length;
  return [start, start + source.length];
}

/** Everything before the field's lines and after them (with its line break) is byte-identical. */
function expectOnlyFieldChanged(before: string, after: string, [spanStart, spanEnd]: [number, number], eol: string): void {
  const end = before.startsWith(eol, spanEnd) ? spanEnd + eol.length : spanEnd;
  const prefix = before.slice(0, spanStart);
  const suffix = before.slice(end);
  expect(after.startsWith(prefix)).toBe(true);
  expect(after.endsWith(suffix)).toBe(true);
  expect(after.length).toBeGreaterThanOrEqual(prefix.length + suffix.length);
}

const replacement = fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 3 }), fc.record({ action: text, due: fc.constant('2026-12-01') }));

describe('lossless edits (property)', () => {
  it('setField changes only the edited field and reads back the new value', () => {
    fc.assert(
      fc.property(noteArbitrary, fc.nat(), replacement, ({ note, fields, eol }, pick, value) => {
        const field = fields[pick % fields.length]!;
        const result = setField(note, [field.key], value);
        expectOnlyFieldChanged(note, result, fieldSpan(note, field, eol), eol);
        const before = frontmatterData(note);
        const after = frontmatterData(result);
        expect(after[field.key]).toEqual(value);
        expect({ ...after, [field.key]: undefined }).toEqual({ ...before, [field.key]: undefined });
        expect(result.startsWith('\uFEFF')).toBe(note.startsWith('\uFEFF'));
        expect(result.slice(result.lastIndexOf(`${eol}---`))).toBe(note.slice(note.lastIndexOf(`${eol}---`)));
      }),
      { numRuns: 400 },
    );
  });

  it('adding a field inserts lines and changes no existing byte', () => {
    fc.assert(
      fc.property(noteArbitrary, replacement, ({ note }, value) => {
        const result = setField(note, ['added_field'], value);
        const [start, end] = changedRegion(note, result);
        expect(end).toBe(start);
        expect(frontmatterData(result).added_field).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('appending to history and deleting a field keep every other byte', () => {
    fc.assert(
      fc.property(noteArbitrary, fc.nat(), ({ note, fields, eol }, pick) => {
        const appended = appendToList(note, ['history'], { date: '2026-11-23', stage: 'contacted' });
        const [start, end] = changedRegion(note, appended);
        expect(end).toBe(start);
        const field = fields[pick % fields.length]!;
        const deleted = deleteField(note, [field.key]);
        expectOnlyFieldChanged(note, deleted, fieldSpan(note, field, eol), eol);
        expect(frontmatterData(deleted) ?? {}).not.toHaveProperty(field.key);
      }),
      { numRuns: 300 },
    );
  });
});

/** Scalars a parser reads as something else than their text (`02134` is 2134): written again, they would change. */
const hostileScalar = fc.constantFrom('02134', '+14125550142', '12345678901234567890', '0x1F', '1.10', '0o17', '1e3', '.5', '~', 'null', 'true', '"a, b"', "'it''s'", '2026-11-01', 'plain words', '"#not a comment"', '-0');
const flowMapSource = fc
  .tuple(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), hostileScalar), { minLength: 1, maxLength: 4, selector: ([key]) => key }), fc.boolean())
  .map(([pairs, padded]) => (padded ? `{ ${pairs.map(([key, value]) => `${key}: ${value}`).join(', ')} }` : `{${pairs.map(([key, value]) => `${key}: ${value}`).join(', ')}}`));
const flowLayout = fc.record({ multiline: fc.boolean(), padded: fc.boolean(), tight: fc.boolean(), trailingComma: fc.boolean(), comments: fc.boolean() });

/** A flow collection's source text from its entries' texts, on one line or several, with or without comments. */
function flowSource(open: string, close: string, entries: readonly string[], layout: { multiline: boolean; padded: boolean; tight: boolean; trailingComma: boolean; comments: boolean }): string {
  if (entries.length === 0) return open + close;
  if (!layout.multiline) {
    const pad = layout.padded ? ' ' : '';
    return `${open}${pad}${entries.join(layout.tight ? ',' : ', ')}${layout.trailingComma ? ',' : ''}${pad}${close}`;
  }
  const lines = entries.map((entry, index) => `  ${entry}${index < entries.length - 1 || layout.trailingComma ? ',' : ''}${layout.comments && index % 2 === 0 ? ` # about ${index}` : ''}`);
  if (layout.comments) lines.splice(1, 0, '  # a comment line');
  return [open, ...lines, close].join('\n');
}

/** True when `inner` can be had from `outer` by deleting characters: every byte of it kept, in order. */
function isSubsequence(inner: string, outer: string): boolean {
  let at = 0;
  for (let i = 0; i < outer.length && at < inner.length; i++) if (outer.charCodeAt(i) === inner.charCodeAt(at)) at++;
  return at === inner.length;
}

const flowNote = fc
  .record({
    list: fc.array(fc.oneof(hostileScalar, flowMapSource), { maxLength: 4 }),
    listLayout: flowLayout,
    map: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), hostileScalar), { maxLength: 4, selector: ([key]) => key }),
    mapLayout: flowLayout,
    crlf: fc.boolean(),
  })
  .map(({ list, listLayout, map, mapLayout, crlf }) => {
    const yaml = [
      'type: contact # always',
      `list: ${flowSource('[', ']', list, listLayout)}`,
      `map: ${flowSource('{', '}', map.map(([key, value]) => `${key}: ${value}`), mapLayout)} # the map`,
      'after: 0x1F # tail',
    ].join('\n');
    const note = `---\n${yaml}\n---\nBody\n`;
    return { note: crlf ? note.replace(/\n/g, '\r\n') : note, listLength: list.length, mapKeys: map.map(([key]) => key) };
  })
  .filter(({ note }) => {
    try {
      parse(readLayout(note).frontmatter!.yaml, { uniqueKeys: true });
      return true;
    } catch {
      return false;
    }
  });

const newItem = fc.oneof(text, fc.integer(), fc.constant('02134'), fc.record({ date: fc.constant('2026-11-23'), stage: fc.constant('held'), note: text }));

describe('flow collections (property)', () => {
  it('adding to a flow list or map keeps every existing byte, in order', () => {
    fc.assert(
      fc.property(flowNote, newItem, ({ note, listLength }, item) => {
        const before = frontmatterData(note);
        const appended = appendToList(note, ['list'], item);
        // An empty `[]` becomes a block list; it held nothing to keep.
        expect(isSubsequence(listLength === 0 ? note.replace('list: []', 'list:') : note, appended)).toBe(true);
        expect(frontmatterData(appended)).toEqual({ ...before, list: [...(before.list as unknown[]), item] });
        const added = setField(note, ['map', 'added'], item);
        expect(isSubsequence(note, added)).toBe(true);
        expect(frontmatterData(added)).toEqual({ ...before, map: { ...(before.map as object), added: item } });
      }),
      { numRuns: 500 },
    );
  });

  it('removing a flow entry only deletes bytes, and only that entry', () => {
    fc.assert(
      fc.property(flowNote, fc.nat(), ({ note, listLength, mapKeys }, pick) => {
        const before = frontmatterData(note);
        if (listLength > 0) {
          const index = pick % listLength;
          const removed = deleteField(note, ['list', index]);
          expect(isSubsequence(removed, note)).toBe(true);
          expect(frontmatterData(removed)).toEqual({ ...before, list: (before.list as unknown[]).filter((_, at) => at !== index) });
        }
        if (mapKeys.length > 0) {
          const key = mapKeys[pick % mapKeys.length]!;
          const removed = deleteField(note, ['map', key]);
          expect(isSubsequence(removed, note)).toBe(true);
          expect(frontmatterData(removed)).toEqual({ ...before, map: Object.fromEntries(Object.entries(before.map as object).filter(([name]) => name !== key)) });
        }
      }),
      { numRuns: 500 },
    );
  });
});
