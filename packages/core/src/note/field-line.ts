import { parseFrontmatter } from './frontmatter.js';
import { readLayout } from './source.js';

/**
 * The 1-based line of the note on which a frontmatter field is written (`['stage']`,
 * `['history', 2]`), or `undefined` when the note has no such field or its frontmatter
 * does not parse: for an error that points at it.
 */
export function fieldLine(text: string, path: readonly (string | number)[]): number | undefined {
  const layout = readLayout(text);
  const block = layout.frontmatter;
  if (!block) return undefined;
  const { document, problems } = parseFrontmatter(block);
  if (problems.length > 0) return undefined;
  const node = document.getIn(path, true) as { range?: readonly [number, number, number] } | undefined;
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const offset = block.start + start;
  let line = 1;
  for (let i = layout.content.indexOf('\n'); i >= 0 && i < offset; i = layout.content.indexOf('\n', i + 1)) line++;
  return line;
}
