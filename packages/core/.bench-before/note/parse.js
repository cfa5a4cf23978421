import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseFrontmatter } from './frontmatter.js';
import { readLayout } from './source.js';
import { findWikilinks } from './wikilinks.js';
/** Built once and reused: Markdown with YAML frontmatter. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
/** Parses a note with remark (body) and the `yaml` Document API (frontmatter). */
export function parseNote(text) {
    const layout = readLayout(text);
    const tree = processor.parse(layout.content);
    const frontmatter = layout.frontmatter ? parseFrontmatter(layout.frontmatter) : undefined;
    const wikilinks = [];
    collectLinks(tree, wikilinks);
    const sections = [];
    const children = tree.children.filter((node) => node.type !== 'yaml');
    let current = { heading: undefined, nodes: [] };
    const close = () => {
        const first = current.heading ?? current.nodes[0];
        const last = current.nodes.at(-1) ?? current.heading;
        if (!first || !last)
            return;
        const links = [];
        for (const node of current.nodes)
            collectLinks(node, links);
        sections.push({
            title: current.heading ? plainText(current.heading).trim() : '',
            depth: current.heading?.depth ?? 0,
            start: place(first.position.start),
            end: place(last.position.end),
            items: current.nodes.flatMap((node) => (node.type === 'list' ? node.children.map((item) => plainText(item).trim()) : [])),
            wikilinks: links,
        });
    };
    for (const node of children) {
        if (node.type === 'heading') {
            close();
            current = { heading: node, nodes: [] };
        }
        else
            current.nodes.push(node);
    }
    close();
    return { bom: layout.bom, eol: layout.eol, frontmatter, tree, sections, wikilinks };
}
function place(point) {
    return { line: point.line, column: point.column, offset: point.offset ?? 0 };
}
function collectLinks(node, into) {
    if (node.type === 'text' && node.position?.start.offset !== undefined) {
        into.push(...findWikilinks(node.value, node.position.start.offset));
        return;
    }
    if ('children' in node)
        for (const child of node.children)
            collectLinks(child, into);
}
function plainText(node) {
    if (node.type === 'text' || node.type === 'inlineCode')
        return node.value;
    if ('children' in node)
        return node.children.map((child) => plainText(child)).join(node.type === 'listItem' ? '\n' : '');
    return '';
}
//# sourceMappingURL=parse.js.map