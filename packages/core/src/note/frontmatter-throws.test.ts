import { describe, expect, it, vi } from 'vitest';

/**
 * `yaml` reports running out of stack as a problem (RESOURCE_EXHAUSTION) rather than
 * throwing, but a parser that throws must still give the note a problem, not a crash:
 * `parseDocument` is replaced by one that throws for any text but the empty one.
 */
const thrown: { error: unknown } = { error: undefined };
vi.mock('yaml', async (importOriginal) => {
  const real = await importOriginal<typeof import('yaml')>();
  return {
    ...real,
    parseDocument: (text: string, ...rest: unknown[]) => {
      if (text !== '') throw thrown.error;
      return (real.parseDocument as (text: string, ...rest: unknown[]) => unknown)(text, ...rest);
    },
  };
});

const { parseFrontmatter } = await import('./frontmatter.js');

describe('parseFrontmatter when the parser throws', () => {
  it('says a stack overflow is nesting too deep, at the start, with an empty document', () => {
    thrown.error = new RangeError('Maximum call stack size exceeded');
    const parsed = parseFrontmatter({ start: 4, end: 12, yaml: 'a: [[[\n' });
    expect(parsed.data).toBeUndefined();
    expect(parsed.problems).toEqual([{ offset: 0, endOffset: 0, message: 'the YAML is nested too deeply to read' }]);
    expect(parsed.document.contents).toBeNull();
    expect(parsed.block).toEqual({ start: 4, end: 12, yaml: 'a: [[[\n' });
  });

  it('keeps the words of any other error', () => {
    thrown.error = new Error('Unexpected parser state');
    expect(parseFrontmatter({ start: 4, end: 12, yaml: 'a: [[[\n' }).problems).toEqual([{ offset: 0, endOffset: 0, message: 'Unexpected parser state' }]);
  });
});
