import type { Heading, ListItem, Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseFrontmatter, type ParsedFrontmatter } from './frontmatter.js';
import { readLayout, type LineEnding } from './source.js';
import { findWikilinks, type Wikilink } from './wikilinks.js';

/** Built once and reused: Markdown with YAML frontmatter. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** A 1-based position in the note as an editor shows it (BOM not counted). */
export interface Place {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A `##` section of a parsed note: its heading, where it starts and ends, its list items and wikilinks. */
export interface NoteSection {
  readonly title: string;
  readonly depth: number;
  readonly start: Place;
  readonly end: Place;
  /** Text of each list item directly in the section, in order. */
  readonly items: readonly string[];
  readonly wikilinks: readonly Wikilink[];
}

/** A note fully parsed: the Markdown tree, the YAML document and the body sections. */
export interface ParsedNote {
  readonly bom: boolean;
  readonly eol: LineEnding;
  readonly frontmatter: ParsedFrontmatter | undefined;
  readonly tree: Root;
  readonly sections: readonly NoteSection[];
  readonly wikilinks: readonly Wikilink[];
}

/** Parses a note with remark (body) and the `yaml` Document API (frontmatter). */
export function parseNote(text: string): ParsedNote {
  const layout = readLayout(text);
  const tree = processor.parse(layout.content);
  const frontmatter = layout.frontmatter ? parseFrontmatter(layout.frontmatter) : undefined;
  const wikilinks: Wikilink[] = [];
  collectLinks(tree, wikilinks);

  const sections: NoteSection[] = [];
  const children = tree.children.filter((node) => node.type !== 'yaml');
  let current: { heading: Heading | undefined; nodes: Nodes[] } = { heading: undefined, nodes: [] };
  const close = () => {
    const first = current.heading ?? current.nodes[0];
    if (!first) return;
    const last = current.nodes.at(-1) ?? first;
    const links: Wikilink[] = [];
    for (const node of current.nodes) collectLinks(node, links);
    sections.push({
      title: current.heading ? plainText(current.heading).trim() : '',
      depth: current.heading?.depth ?? 0,
      start: place(first.position!.start),
      end: place(last.position!.end),
      items: current.nodes.flatMap((node) => (node.type === 'list' ? node.children.map((item: ListItem) => plainText(item).trim()) : [])),
      wikilinks: links,
    });
  };
  for (const node of children) {
    if (node.type === 'heading') {
      close();
      current = { heading: node, nodes: [] };
    } else current.nodes.push(node);
  }
  close();
  return { bom: layout.bom, eol: layout.eol, frontmatter, tree, sections, wikilinks };
}

function place(point: { line: number; column: number; offset?: number | undefined }): Place {
  return { line: point.line, column: point.column, offset: point.offset ?? 0 };
}

function collectLinks(node: Nodes, into: Wikilink[]): void {
  if (node.type === 'text') {
    // remark gives every node it parsed a position with offsets.
    into.push(...findWikilinks(node.value, node.position!.start.offset!));
    return;
  }
  if ('children' in node) for (const child of node.children) collectLinks(child as Nodes, into);
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  // A hard line break (two spaces or `\` at a line's end) separates what is before and after it.
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join(node.type === 'listItem' ? '\n' : '');
  return '';
}
