import { describe, expect, it } from 'vitest';
import { endOfLine, LineIndex, readLayout, startOfLine, withBom } from './source.js';

describe('readLayout', () => {
  it('finds the frontmatter between `---` lines and where the body starts', () => {
    // `---\n` is 0-3, `name: A\n` 4-11, `---\n` 12-15, the body from 16.
    expect(readLayout('---\nname: A\n---\nBody\n')).toEqual({
      bom: false,
      content: '---\nname: A\n---\nBody\n',
      eol: '\n',
      frontmatter: { start: 4, end: 12, yaml: 'name: A\n' },
      unterminated: false,
      bodyStart: 16,
    });
  });

  it('drops a BOM from the offsets, reads CRLF, and closes on `...` with trailing spaces', () => {
    // Without the BOM: `---\r\n` is 0-4, `name: A\r\n` 5-13, `... \r\n` 14-19.
    expect(readLayout('\uFEFF---\r\nname: A\r\n... \r\n')).toEqual({
      bom: true,
      content: '---\r\nname: A\r\n... \r\n',
      eol: '\r\n',
      frontmatter: { start: 5, end: 14, yaml: 'name: A\r\n' },
      unterminated: false,
      bodyStart: 20,
    });
  });

  it('accepts spaces and a tab after the opening fence, and a closing fence on the last line without a line break', () => {
    // `---\t \n` is 0-5, `name: A\n` 6-13, `---` 14-16.
    expect(readLayout('---\t \nname: A\n---')).toMatchObject({ frontmatter: { start: 6, end: 14, yaml: 'name: A\n' }, unterminated: false, bodyStart: 17 });
    // An empty frontmatter.
    expect(readLayout('---\n---\n# Maya\n')).toMatchObject({ frontmatter: { start: 4, end: 4, yaml: '' }, bodyStart: 8 });
  });

  it('reads on past a `...` that fields follow up to a `---`: a stray marker inside the frontmatter, which the YAML reader reports', () => {
    // `---\n` 0-3, `name: A\n` 4-11, `...\n` 12-15, `role: B\n` 16-23, `---\n` 24-27, the body from 28.
    expect(readLayout('---\nname: A\n...\nrole: B\n---\nBody\n')).toMatchObject({ frontmatter: { start: 4, end: 24, yaml: 'name: A\n...\nrole: B\n' }, bodyStart: 28 });
    // Indented, list, comment and blank lines between are fields too.
    expect(readLayout('---\nname: A\n...\n\n# more\ntags:\n  - a\n- b\n---\n').frontmatter?.yaml).toBe('name: A\n...\n\n# more\ntags:\n  - a\n- b\n');
  });

  it('closes on `...` when the body follows it, even with a `---` further down', () => {
    // `...\n` is 12-15: the body starts at 16 with its paragraph.
    expect(readLayout('---\nname: A\n...\nShe said yes.\n---\n')).toMatchObject({ frontmatter: { start: 4, end: 12, yaml: 'name: A\n' }, bodyStart: 16 });
    // Only a list or a heading before the `---`: no field, so not a frontmatter's.
    expect(readLayout('---\nname: A\n...\n- one\n# Two\n---\n').frontmatter?.yaml).toBe('name: A\n');
    // No `---` after it: the `...` is the end.
    expect(readLayout('---\nname: A\n...\nrole: B\n').frontmatter?.yaml).toBe('name: A\n');
    expect(readLayout('---\nname: A\n...').frontmatter?.yaml).toBe('name: A\n');
  });

  it('says an opened frontmatter is never closed', () => {
    expect(readLayout('---\nname: A\n')).toEqual({ bom: false, content: '---\nname: A\n', eol: '\n', frontmatter: undefined, unterminated: true, bodyStart: 0 });
    expect(readLayout('---\nname: A\n----\n').unterminated).toBe(true);
    expect(readLayout('---\nname: A\n ---\n').unterminated).toBe(true);
  });

  it('finds no frontmatter unless the first line is a fence on its own', () => {
    for (const text of ['--- ', '---', '--- x\nname: A\n---\n', 'Notes\n---\nname: A\n---\n', '\n---\nname: A\n---\n', ' ---\nname: A\n---\n', '...\nname: A\n...\n']) {
      expect(readLayout(text), JSON.stringify(text)).toEqual({ bom: false, content: text, eol: '\n', frontmatter: undefined, unterminated: false, bodyStart: 0 });
    }
  });

  it('takes the line ending of the first line, whatever the later ones', () => {
    expect(readLayout('# Notes\nmore\r\n').eol).toBe('\n');
    expect(readLayout('# Notes\r\nmore\n').eol).toBe('\r\n');
    expect(readLayout('\r\n').eol).toBe('\r\n');
    expect(readLayout('no line break\r').eol).toBe('\n');
  });
});

describe('withBom', () => {
  it('puts the BOM back only when the file had one', () => {
    expect(withBom({ bom: true }, '---\n')).toBe('\uFEFF---\n');
    expect(withBom({ bom: false }, '---\n')).toBe('---\n');
  });
});

describe('LineIndex', () => {
  // Lines start at 0 (`ab`), 3 (`cd`), 6 (empty) and 7 (`ef`); the text is 9 long.
  const index = new LineIndex('ab\ncd\n\nef');

  it('gives 1-based lines and columns, a line break belonging to the line it ends', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((offset) => index.position(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
      { line: 4, column: 3 },
    ]);
  });

  it('clamps offsets outside the text to its ends', () => {
    expect(index.position(-4)).toEqual({ line: 1, column: 1 });
    expect(index.position(40)).toEqual({ line: 4, column: 3 });
    expect(new LineIndex('').position(3)).toEqual({ line: 1, column: 1 });
    expect(new LineIndex('a\n').position(2)).toEqual({ line: 2, column: 1 });
    expect(new LineIndex('\nab').position(1)).toEqual({ line: 2, column: 1 });
  });

  it('finds the start of the line holding an offset', () => {
    expect([0, 2, 3, 5, 6, 7, 9].map((offset) => index.lineStart(offset))).toEqual([0, 0, 3, 3, 6, 7, 7]);
  });

  it('finds lines in a long text', () => {
    const long = new LineIndex(Array.from({ length: 1000 }, (_, i) => `line ${i + 1}`).join('\n'));
    // Lines 1-9 are 7 characters with their break, 10-99 are 8, 100-499 are 9: line 500 starts at 63 + 720 + 3600.
    expect(long.position(4383)).toEqual({ line: 500, column: 1 });
    expect(long.position(4390)).toEqual({ line: 500, column: 8 });
    expect(long.position(4391)).toEqual({ line: 500, column: 9 });
    expect(long.position(4392)).toEqual({ line: 501, column: 1 });
  });
});

describe('endOfLine and startOfLine', () => {
  it('give the bounds of the line holding an offset, its line break included', () => {
    expect(endOfLine('ab\ncd', 0)).toBe(3);
    expect(endOfLine('ab\ncd', 2)).toBe(3);
    expect(endOfLine('ab\ncd', 3)).toBe(5);
    expect(startOfLine('ab\ncd', 0)).toBe(0);
    expect(startOfLine('ab\ncd', 2)).toBe(0);
    expect(startOfLine('ab\ncd', 3)).toBe(3);
    expect(startOfLine('ab\ncd', 5)).toBe(3);
  });

  it('take an empty first line as a line of its own', () => {
    expect(startOfLine('\nab', 0)).toBe(0);
    expect(startOfLine('\nab', 1)).toBe(1);
    expect(endOfLine('\nab', 0)).toBe(1);
  });
});
