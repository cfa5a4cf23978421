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
        // Only compare when remark saw plain ATX headings (setext and other constructs are out of scope for the scanner).
        fc.pre(fromRemark.length === scanned.length && scanned.every((section) => /^[\w -]*$/.test(section.title)));
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
