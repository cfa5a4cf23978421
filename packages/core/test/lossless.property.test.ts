import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { advance, appendToList, appendToSection, deleteField, isStage, logInteraction, readLayout, setField, UneditableNoteError } from '../src/index.js';

/**
 * The lossless promise, checked on 10,000 generated notes: every edit the
 * library offers changes only the bytes of the field it edits, and the
 * result parses to exactly the expected values.
 */

const NOTES = Number(process.env.RAPPORT_PROPERTY_RUNS ?? 10_000);

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).filter((name) => !['stage', 'history', 'meeting', 'next', 'type'].includes(name));
const unicodeText = fc.string({ unit: fc.constantFrom(...'aZ 9éßü漢字🙂:#-\'"\\,[]{}&*!|>%@`'.split('')), minLength: 1, maxLength: 24 });
const plainWord = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,14}[A-Za-z0-9]$/);

const scalar = fc.oneof(
  plainWord,
  unicodeText.map((value) => JSON.stringify(value)),
  unicodeText.map((value) => `'${value.replace(/'/g, "''")}'`),
  fc.integer({ min: -99999, max: 99999 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((n) => String(n)),
  fc.constantFrom('true', 'false', 'null', '~', '2026-11-23', '0x1F', '"2026-11-23"'),
);
const trailing = fc.constantFrom('', '', '  # a comment', ' #c', '   ', '\t');

interface Piece {
  readonly key: string;
  readonly lines: readonly string[];
  readonly anchored: boolean;
}

/** A field's shape, given its name later: built once, since regex arbitraries are costly to build per note. */
const pieceShape = fc.oneof(
  fc.tuple(scalar, trailing).map(([value, tail]) => (name: string): Piece => ({ key: name, lines: [`${name}: ${value}${tail}`], anchored: false })),
  scalar.map((value) => (name: string): Piece => ({ key: name, lines: [`${name}: &${name}_anchor ${value}`], anchored: true })),
  fc.array(scalar, { maxLength: 4 }).map((items) => (name: string): Piece => ({ key: name, lines: [`${name}: [${items.join(', ')}]`], anchored: false })),
  fc.tuple(fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constantFrom('  ', '    ', '')).map(([items, indent]) => (name: string): Piece => ({ key: name, lines: [`${name}:`, ...items.map((item) => `${indent}- ${item}`)], anchored: false })),
  fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), scalar), { minLength: 1, maxLength: 3, selector: ([k]) => k }).map((pairs) => (name: string): Piece => ({ key: name, lines: [`${name}:`, ...pairs.map(([k, v]) => `  ${k}: ${v}`)], anchored: false })),
  fc.tuple(fc.constantFrom('|', '>', '|-', '>+'), fc.array(fc.stringMatching(/^[a-zA-Z0-9 .,é]{1,30}$/), { minLength: 1, maxLength: 3 })).map(([style, lines]) => (name: string): Piece => ({ key: name, lines: [`${name}: ${style}`, ...lines.map((line) => `  ${line.trim() || 'x'}`)], anchored: false })),
  fc.tuple(plainWord, plainWord).map(([a, b]) => (name: string): Piece => ({ key: name, lines: [`${name}: ${a}`, `  ${b}`], anchored: false })),
);

const lifecycleLines = fc.constantFrom<readonly string[]>(
  ['stage: identified', 'history:', '  - date: 2026-11-01', '    stage: identified'],
  ['stage: contacted  # sent Monday', 'history:', '  - {date: 2026-11-01, stage: identified}', '  - {date: 2026-11-02, stage: contacted, via: email}'],
  ['stage: "scheduled"', 'history: []', 'meeting: {at: "2026-11-25T08:30", minutes: 30}'],
  ['stage: held', 'meeting:', '  at: 2026-11-25T08:30-05:00', '  minutes: 30', '  format: video'],
  ["stage: 'nurturing'"],
  ['stage: contacted', 'history: [{date: 2026-11-01, stage: contacted, zip: 02134, phone: +14125550142, ref: 12345678901234567890, hex: 0x1F, room: 1.10}]'],
  ['stage: contacted', 'history: [', '  {date: 2026-11-01, stage: identified}, # found', '  # then', '  { date: 2026-11-02, stage: contacted, zip: 02134 }', ']', 'meeting: # tbd'],
  ['history: [] # none yet', 'meeting: {at: 2026-11-25T08:30, minutes: 30} # lobby'],
);

const body = fc.oneof(
  fc.constant(''),
  fc.constant('\n# Title\n\n## Questions\n\n- First?\n\n## Notes\n'),
  fc.constant('\n## Outcomes\n- [[someone]]\n```\n## Not a heading\n```\n'),
  fc.string({ maxLength: 80 }),
);

const note = fc
  .record({
    pieces: fc.uniqueArray(fc.tuple(key, pieceShape), { minLength: 1, maxLength: 7, selector: ([name]) => name }).map((fields) => fields.map(([name, shape]) => shape(name))),
    lifecycle: lifecycleLines,
    comments: fc.array(fc.constantFrom('# comment', '', '#', '# ünïcödé 🙂'), { maxLength: 3 }),
    alias: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    body,
  })
  .map(({ pieces, lifecycle, comments, alias, crlf, bom, finalNewline, body }) => {
    const lines = ['type: contact', 'name: Someone', ...comments, ...lifecycle];
    for (const item of pieces) lines.push(...item.lines);
    const anchor = pieces.find((item) => item.anchored);
    if (alias && anchor) lines.push(`alias_of_${anchor.key}: *${anchor.key}_anchor`);
    const eol = crlf ? '\r\n' : '\n';
    let text = ['---', ...lines, '---'].join(eol) + eol + body.replace(/\r?\n/g, eol);
    if (!finalNewline) text = text.replace(/(\r?\n)+$/, '');
    return { text: (bom ? '\uFEFF' : '') + text, pieces, eol };
  })
  .filter(({ text }) => {
    try {
      const layout = readLayout(text);
      const data = layout.frontmatter && parse(layout.frontmatter.yaml, { uniqueKeys: true });
      return data !== null && typeof data === 'object';
    } catch {
      return false;
    }
  });

function data(text: string): Record<string, unknown> {
  return parse(readLayout(text).frontmatter!.yaml) as Record<string, unknown>;
}

function without(record: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => !keys.includes(name)));
}

/** Bytes before and after the field's own lines are untouched. */
function onlyLinesChanged(before: string, after: string, first: string, count: number, eol: string): void {
  const start = before.indexOf(eol + first) + eol.length;
  let end = start;
  for (let i = 0; i < count; i++) {
    const next = before.indexOf('\n', end);
    end = next < 0 ? before.length : next + 1;
  }
  expect(after.startsWith(before.slice(0, start))).toBe(true);
  expect(after.endsWith(before.slice(end))).toBe(true);
}

/** An insertion: `after` is `before` with text added at one place. */
function onlyInserted(before: string, after: string): void {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  expect(after.endsWith(before.slice(start))).toBe(true);
}

/** True when `inner` can be had from `outer` by deleting characters: every byte of it kept, in order. */
function isSubsequence(inner: string, outer: string): boolean {
  let at = 0;
  for (let i = 0; i < outer.length && at < inner.length; i++) if (outer.charCodeAt(i) === inner.charCodeAt(at)) at++;
  return at === inner.length;
}

const editValue = fc.oneof(unicodeText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(unicodeText, { maxLength: 3 }), fc.record({ action: unicodeText, due: fc.constant('2026-12-01') }));

describe(`lossless edits on ${NOTES} generated notes`, () => {
  it('every edit operation changes only its field', () => {
    let edits = 0;
    fc.assert(
      fc.property(note, fc.nat(), editValue, ({ text, pieces, eol }, pick, value) => {
        const original = data(text);
        const target = pieces.filter((item) => !item.anchored)[pick % pieces.length];

        if (target) {
          const set = setField(text, [target.key], value);
          onlyLinesChanged(text, set, target.lines[0]!, target.lines.length, eol);
          expect(data(set)[target.key]).toEqual(value);
          expect(without(data(set), target.key)).toEqual(without(original, target.key));

          const removed = deleteField(text, [target.key]);
          onlyLinesChanged(text, removed, target.lines[0]!, target.lines.length, eol);
          expect(data(removed)).toEqual(without(original, target.key));
          edits += 2;
        }

        const added = setField(text, ['added_by_test'], value);
        onlyInserted(text, added);
        expect(data(added)).toEqual({ ...original, added_by_test: value });

        const appended = appendToList(text, ['history'], { date: '2026-11-23', stage: 'held', note: 'a: "b" #c' });
        expect(data(appended).history).toEqual([...((original.history as unknown[] | null) ?? []), { date: '2026-11-23', stage: 'held', note: 'a: "b" #c' }]);
        expect(without(data(appended), 'history')).toEqual(without(original, 'history'));
        // Every existing byte is kept, in order (an empty `[]` aside, which becomes a block list).
        expect(isSubsequence(text.replace(/history: \[\]/, 'history:'), appended)).toBe(true);

        const advanced = advance(text, 'scheduled', { date: '2026-11-23', meeting: { at: '2026-11-27T09:00', minutes: 30, format: 'phone' } });
        const after = data(advanced);
        expect(after.stage).toBe('scheduled');
        expect(after.meeting).toEqual({ ...(typeof original.meeting === 'object' && original.meeting ? original.meeting : {}), at: '2026-11-27T09:00', minutes: 30, format: 'phone' });
        expect(without(after, 'stage', 'history', 'meeting')).toEqual(without(original, 'stage', 'history', 'meeting'));

        // A touch records the stage the note is in; a note without one has none to record.
        if (isStage(original.stage)) {
          const logged = logInteraction(text, { date: '2026-11-23', via: 'email' });
          expect(isSubsequence(text.replace(/history: \[\]/, 'history:'), logged)).toBe(true);
          expect(without(data(logged), 'history')).toEqual(without(original, 'history'));
          expect((data(logged).history as { stage: unknown }[]).at(-1)!.stage).toBe(original.stage);
        } else expect(() => logInteraction(text, { date: '2026-11-23', via: 'email' })).toThrow(UneditableNoteError);

        const section = appendToSection(text, 'Questions', '- What would you do differently?');
        expect(section.slice(0, readLayout(text).bodyStart + (text.startsWith('\uFEFF') ? 1 : 0))).toBe(text.slice(0, readLayout(text).bodyStart + (text.startsWith('\uFEFF') ? 1 : 0)));
        expect(section).toContain('- What would you do differently?');
        onlyInserted(text, section);
        edits += 5;
      }),
      { numRuns: NOTES },
    );
    expect(edits).toBeGreaterThanOrEqual(NOTES * 5);
    console.log(`lossless: ${NOTES} notes, ${edits} edits checked, 0 bytes changed outside edited fields`);
  }, 600_000);
});
