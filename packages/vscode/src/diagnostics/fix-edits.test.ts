import { describe, expect, it } from 'vitest';
import { readNote } from '@rapport/core';
import { addName, duplicateKeyReported, duplicateKeys, guessName, keepOne, lastHistoryStage, recordStageInHistory, tagsAsList } from './fix-edits.js';

const MISMATCH = ['---', 'type: contact', 'name: Ana Lima', 'stage: held # met at the conference', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '---', '', '# Ana Lima', ''].join('\n');

describe('stage/history mismatch fixes', () => {
  it('records the stage the note says as a new history entry', () => {
    expect(recordStageInHistory(MISMATCH, '2026-11-23')).toBe(
      ['---', 'type: contact', 'name: Ana Lima', 'stage: held # met at the conference', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '  - date: 2026-11-23', '    stage: held', '---', '', '# Ana Lima', ''].join('\n'),
    );
  });

  it('offers no entry dated before the last one (core refuses to record it)', () => {
    expect(recordStageInHistory(MISMATCH, '2026-11-01')).toBeUndefined();
  });

  it('finds the stage of the last history entry', () => {
    expect(lastHistoryStage(MISMATCH)).toBe('scheduled');
  });
});

describe('tagsAsList', () => {
  it('turns comma-separated words into a list', () => {
    expect(tagsAsList('---\ntype: contact\ntags: ux, health\n---\n')).toBe('---\ntype: contact\ntags:\n  - ux\n  - health\n---\n');
  });
});

describe('missing name', () => {
  it('guesses the name from the heading, else from the id', () => {
    expect(guessName('---\ntype: contact\n---\n\n# Maya Chen\n', 'maya')).toBe('Maya Chen');
    expect(guessName('---\ntype: contact\n---\n\nNo heading.\n', 'ana-de-lima')).toBe('Ana De Lima');
  });

  it('adds name right after type, quoted when it needs quotes', () => {
    expect(addName('---\ntype: contact\nstage: held\n---\n', 'Maya Chen')).toBe('---\ntype: contact\nname: Maya Chen\nstage: held\n---\n');
    expect(addName('---\r\ntype: contact\r\n---\r\n', 'Dr: Who')).toBe('---\r\ntype: contact\r\nname: "Dr: Who"\r\n---\r\n');
  });
});

describe('duplicate keys', () => {
  const text = ['---', 'type: contact', 'industry: Health', 'tags:', '- ux', 'name: Ana', 'industry: Telehealth', '---', 'industry: body text', ''].join('\n');

  it('finds each occurrence with its value lines', () => {
    expect(duplicateKeys(text)).toEqual([{ key: 'industry', occurrences: [{ start: 2, end: 2 }, { start: 6, end: 6 }] }]);
    expect(duplicateKeys(['---', 'tags:', '  - a', 'tags:', '  - b', '  - c', '---'].join('\n'))).toEqual([{ key: 'tags', occurrences: [{ start: 1, end: 2 }, { start: 3, end: 5 }] }]);
  });

  it("is told apart from a note's other YAML mistakes by where core places its diagnostic", () => {
    // Line 4 (0-based 3) `role: Lead: Data` is a mistake of its own; line 7 (0-based 6) repeats `industry` from line 3.
    const twoMistakes = ['---', 'type: contact', 'industry: Health', 'role: Lead: Data', 'stage: held', 'name: Ana', 'industry: Telehealth', '---', ''].join('\n');
    const lines = twoMistakes.split('\n');
    const reported = readNote('ana.md', twoMistakes).diagnostics.map((d) => ({ line: d.line, key: duplicateKeyReported(twoMistakes, d.line - 1, d.column - 1, lines[d.line - 1]!.slice(d.column - 1, d.endColumn - 1))?.key }));
    expect(reported).toEqual([
      { line: 4, key: undefined },
      { line: 7, key: 'industry' },
    ]);
    // The first `industry` (line 3), or the whole repeated line, is not where core reports it.
    expect(duplicateKeyReported(twoMistakes, 2, 0, 'industry')).toBeUndefined();
    expect(duplicateKeyReported(twoMistakes, 6, 0, 'industry: Telehealth')).toBeUndefined();
  });

  it('keeps the first or the last', () => {
    const [industry] = duplicateKeys(text);
    expect(keepOne(text, industry!, 'first')).toBe(['---', 'type: contact', 'industry: Health', 'tags:', '- ux', 'name: Ana', '---', 'industry: body text', ''].join('\n'));
    expect(keepOne(text, industry!, 'last')).toBe(['---', 'type: contact', 'tags:', '- ux', 'name: Ana', 'industry: Telehealth', '---', 'industry: body text', ''].join('\n'));
  });
});

