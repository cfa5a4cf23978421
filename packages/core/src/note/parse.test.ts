import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSections } from './body.js';
import { parseNote } from './parse.js';
import { readLayout } from './source.js';

const note = `\uFEFF---\r
type: contact\r
name: Maya\r
stage: held\r
---\r
# Maya\r
\r
## Questions\r
\r
- What attracted you to this work?\r
- Who else should I talk to?\r
\r
## Outcomes\r
\r
- Talk to [[lee-park]] about *clinical* work\r
- \`[[not-a-link]]\`\r
\r
\`\`\`\r
[[also-not]]\r
\`\`\`\r
`;

describe('parseNote', () => {
  it('gives frontmatter, sections with list items, and wikilinks with positions', () => {
    const parsed = parseNote(note);
    expect(parsed.bom).toBe(true);
    expect(parsed.eol).toBe('\r\n');
    expect(parsed.frontmatter?.data).toEqual({ type: 'contact', name: 'Maya', stage: 'held' });
    expect(parsed.sections.map((section) => [section.title, section.depth, section.start.line])).toEqual([
      ['Maya', 1, 6],
      ['Questions', 2, 8],
      ['Outcomes', 2, 13],
    ]);
    expect(parsed.sections[1]!.items).toEqual(['What attracted you to this work?', 'Who else should I talk to?']);
    expect(parsed.wikilinks.map((link) => link.target)).toEqual(['lee-park']);
  });
});

describe('scanSections', () => {
  it('agrees with the remark parse on headings and links', () => {
    const line = fc.oneof(
      fc.constantFrom('## Outcomes', '## Notes', '# Title', '### Deep', '', 'plain text', '- item [[a-b]]', 'see [[c|Cee]] and [[d#part]]', '```', '~~~', '    indented [[e]]'),
      fc.stringMatching(/^[a-z [\]#`-]{0,20}$/),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const text = `---\ntype: contact\n---\n${lines.join('\n')}\n`;
        const parsed = parseNote(text);
        const scanned = scanSections(text, readLayout(text).bodyStart).filter((section) => section.depth > 0);
        const fromRemark = parsed.sections.filter((section) => section.depth > 0);
        // Only compare where the scanner promises to agree: ATX headings, not setext ones (a line over `-` or `=`),
        // and not a `#` line indented into a list item, which remark reads inside that item.
        const setextOrNested = lines.some((text, at) => /^ {1,3}#/.test(text) || (at > 0 && lines[at - 1]!.trim() !== '' && /^ {0,3}(?:-+|=+)[ \t]*$/.test(text)));
        const plain = (section: { title: string }) => /^[\w -]*$/.test(section.title);
        fc.pre(!setextOrNested && fromRemark.length === scanned.length && scanned.every(plain) && fromRemark.every(plain));
        expect(scanned.map((section) => section.title)).toEqual(fromRemark.map((section) => section.title));
      }),
      { numRuns: 300 },
    );
  });

  it('finds Outcomes links outside code', () => {
    const layout = readLayout(note);
    const outcomes = scanSections(layout.content, layout.bodyStart).find((section) => section.title === 'Outcomes');
    expect(outcomes?.wikilinks.map((link) => link.target)).toEqual(['lee-park']);
  });
});

describe('parseFrontmatter on a terminal', () => {
  it('prints nothing for a key that is a collection (yaml would emit a process warning)', async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    try {
      const { readNote } = await import('./read-contact.js');
      readNote('odd.md', '---\ntype: contact\nname: Odd Key\nstage: held\n[a, b]: c\n---\n');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });
});

describe('parseNote, by hand', () => {
  it('a note without frontmatter: one section per heading, with its places', () => {
    // `# Just a title\n` is 0-14, a blank line 15, `Some text\n` 16-25: the paragraph ends after `t`, line 3 column 10.
    const parsed = parseNote('# Just a title\n\nSome text\n');
    expect(parsed.bom).toBe(false);
    expect(parsed.eol).toBe('\n');
    expect(parsed.frontmatter).toBeUndefined();
    expect(parsed.sections).toEqual([
      { title: 'Just a title', depth: 1, start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 10, offset: 25 }, items: [], wikilinks: [] },
    ]);
  });

  it('text before the first heading, list items as text, a heading with code in it, and a heading alone', () => {
    const text = ['Intro [[a]]', '', '## The `x` part', '- one', '- two `code` [[b|B]]', '  more', '', '1. first', '', '### Empty', ''].join('\n');
    // Lines start at 0, 12, 13 (`## The`), 29, 35, 56, 63, 64 (`1. first`), 73, 74 (`### Empty`).
    const parsed = parseNote(text);
    expect(parsed.sections).toEqual([
      { title: '', depth: 0, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 12, offset: 11 }, items: [], wikilinks: [{ target: 'a', offset: 6, length: 5 }] },
      {
        title: 'The x part',
        depth: 2,
        start: { line: 3, column: 1, offset: 13 },
        end: { line: 8, column: 9, offset: 72 },
        items: ['one', 'two code [[b|B]]\nmore', 'first'],
        wikilinks: [{ target: 'b', offset: 48, length: 7 }],
      },
      { title: 'Empty', depth: 3, start: { line: 10, column: 1, offset: 74 }, end: { line: 10, column: 10, offset: 83 }, items: [], wikilinks: [] },
    ]);
    expect(parsed.wikilinks).toEqual([
      { target: 'a', offset: 6, length: 5 },
      { target: 'b', offset: 48, length: 7 },
    ]);
  });

  it('list items: hard line breaks kept, images left out, paragraphs on their own lines, white space trimmed', () => {
    // `- x` ends with two spaces: a hard line break before `y`.
    expect(parseNote('## Questions\u00a0\n- x  \n  y\n- a ![pic](p.png) c\n- first\n\n  second\n- \u00a0item\u00a0\n').sections).toMatchObject([
      { title: 'Questions', items: ['x\ny', 'a  c', 'first\nsecond', 'item'] },
    ]);
  });

  it('an empty note has no sections', () => {
    expect(parseNote('').sections).toEqual([]);
    expect(parseNote('---\ntype: contact\n---\n').sections).toEqual([]);
  });
});
