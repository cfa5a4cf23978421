import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { asRecord, isMappingDocument, parseFrontmatter, YAML_OPTIONS } from './frontmatter.js';

const block = (yaml: string) => ({ start: 4, end: 4 + yaml.length, yaml });

describe('parseFrontmatter', () => {
  it('gives the plain data of a frontmatter that parses, under the core schema', () => {
    const parsed = parseFrontmatter(block('name: Maya Chen\nstage: held\ntouch_every: 30\nvip: yes\nsince: 2026-11-23\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ name: 'Maya Chen', stage: 'held', touch_every: 30, vip: 'yes', since: '2026-11-23' });
    expect(parsed.block).toEqual(block('name: Maya Chen\nstage: held\ntouch_every: 30\nvip: yes\nsince: 2026-11-23\n'));
  });

  it('gives the parser\'s problems, offsets in the YAML text, and no data', () => {
    // `name: [a, b\n` is 0-11: the parser gives up at `stage` (12), the next line.
    const parsed = parseFrontmatter(block('name: [a, b\nstage: held\n'));
    expect(parsed.data).toBeUndefined();
    expect(parsed.problems).toEqual([{ code: 'BAD_INDENT', offset: 12, endOffset: 13, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' }]);
    // `yaml` marks only the first character of the second `name` (8).
    expect(parseFrontmatter(block('name: A\nname: B\n')).problems).toEqual([{ code: 'DUPLICATE_KEY', offset: 8, endOffset: 9, message: 'Map keys must be unique' }]);
  });

  it('reports aliases that expand past 100 values as a problem at the start, and reads fewer', () => {
    const ten = (alias: string) => `[${Array.from({ length: 10 }, () => alias).join(', ')}]`;
    const bomb = parseFrontmatter(block(`a: &a [1, 2]\nb: &b ${ten('*a')}\nc: &c ${ten('*b')}\nd: ${ten('*c')}\n`));
    expect(bomb.data).toBeUndefined();
    expect(bomb.problems).toEqual([{ offset: 0, endOffset: 0, message: 'Excessive alias count indicates a resource exhaustion attack' }]);
    const fine = parseFrontmatter(block(`a: &a [1, 2]\nb: ${ten('*a')}\n`));
    expect(fine.problems).toEqual([]);
    expect((fine.data as { b: unknown[] }).b).toHaveLength(10);
  });

  it('reads an alias to an anchor set later as a problem', () => {
    expect(parseFrontmatter(block('x: *later\ny: &later 2\n')).problems).toEqual([{ offset: 0, endOffset: 0, message: 'Unresolved alias (the anchor must be set before the alias): later' }]);
  });
});

describe('asRecord', () => {
  it('is the mapping itself, or empty for anything else', () => {
    const mapping = { name: 'Maya' };
    expect(asRecord(mapping)).toBe(mapping);
    for (const data of [null, undefined, 'Maya', 42, ['Maya']]) expect(asRecord(data), JSON.stringify(data)).toEqual({});
  });
});

describe('isMappingDocument', () => {
  it('is true for a mapping or an empty document, false for a list or a scalar', () => {
    expect(isMappingDocument(parseDocument('name: Maya\n', YAML_OPTIONS))).toBe(true);
    expect(isMappingDocument(parseDocument('', YAML_OPTIONS))).toBe(true);
    expect(isMappingDocument(parseDocument('# only a comment\n', YAML_OPTIONS))).toBe(true);
    expect(isMappingDocument(parseDocument('- Maya\n', YAML_OPTIONS))).toBe(false);
    expect(isMappingDocument(parseDocument('Maya\n', YAML_OPTIONS))).toBe(false);
  });
});
