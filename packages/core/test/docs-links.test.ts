// Every relative link in the README, docs/*.md and the packages' READMEs
// leads somewhere: the file exists and, for `file.md#anchor` or `#anchor`,
// the heading does, slugged as GitHub slugs it (github-slugger).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import type { Heading, Link, Image, Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../../..', import.meta.url));
const parser = unified().use(remarkParse);

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => plainText(child)).join('') : '';
}

function parse(file: string): Root {
  return parser.parse(readFileSync(file, 'utf8'));
}

function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  walk(parse(file), (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(plainText(node as Heading)));
  });
  return anchors;
}

function linksOf(file: string): string[] {
  const links: string[] = [];
  walk(parse(file), (node) => {
    if (node.type === 'link' || node.type === 'image') links.push((node as Link | Image).url);
  });
  return links;
}

/** The problem with a link from `file`, or undefined when it resolves. */
function brokenLink(file: string, url: string): string | undefined {
  if (/^[a-z][a-z+.-]*:/i.test(url)) return undefined;
  const [path = '', anchor] = url.split('#');
  const target = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
  if (!target.startsWith(repository)) return `${url} leads out of the repository`;
  if (!existsSync(target)) return `${url}: no such file`;
  if (anchor === undefined) return undefined;
  if (!target.endsWith('.md')) return `${url}: an anchor into a file that is not Markdown`;
  return anchorsOf(target).has(anchor) ? undefined : `${url}: no heading with that anchor in ${relative(repository, target)}`;
}

const documents = [
  'README.md',
  ...readdirSync(join(repository, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
  'packages/core/README.md',
  'packages/cli/README.md',
];

describe('documentation links', () => {
  it('covers the README, every page under docs/ and the package READMEs', () => {
    for (const page of ['docs/note-format.md', 'docs/cli.md', 'docs/letters.md', 'docs/questions.md', 'docs/import-export.md', 'docs/vscode.md', 'docs/library.md', 'docs/safety.md', 'docs/performance.md', 'docs/development.md']) {
      expect(documents).toContain(page);
    }
  });

  for (const document of documents) {
    it(`resolves every relative link and anchor in ${document}`, () => {
      const file = join(repository, document);
      const problems = linksOf(file).map((url) => brokenLink(file, url)).filter((problem) => problem !== undefined);
      expect(problems).toEqual([]);
    });
  }

  it('links every page under docs/ from the README', () => {
    const linked = new Set(linksOf(join(repository, 'README.md')).map((url) => url.split('#')[0]));
    for (const document of documents.filter((name) => name.startsWith('docs/'))) expect(linked).toContain(document);
  });

  it('finds a broken file link, a broken anchor and a link out of the repository', () => {
    const readme = join(repository, 'README.md');
    expect(brokenLink(readme, 'docs/no-such-page.md')).toBe('docs/no-such-page.md: no such file');
    expect(brokenLink(readme, 'docs/cli.md#no-such-heading')).toBe('docs/cli.md#no-such-heading: no heading with that anchor in docs/cli.md');
    expect(brokenLink(readme, '#quick-start')).toBeUndefined();
    expect(brokenLink(readme, 'docs/cli.md#rapport-check---fix---staged---json')).toBeUndefined();
    expect(brokenLink(readme, '../outside.md')).toBe('../outside.md leads out of the repository');
    expect(brokenLink(readme, 'https://eta.js.org')).toBeUndefined();
  });
});
