import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSection, scanSections, type BodySection } from './body.js';
import { findWikilinks } from './wikilinks.js';

/**
 * The straightforward scanner — every line cut out and matched — that
 * `scanSections` must agree with while it skips prose lines.
 */
function referenceSections(content: string, bodyStart: number): BodySection[] {
  const sections: BodySection[] = [];
  let title = '';
  let depth = 0;
  let start = bodyStart;
  let links: BodySection['wikilinks'][number][] = [];
  let fence: { char: string; size: number } | undefined;
  const close = (end: number) => {
    if (depth > 0 || end > start) sections.push({ title, depth, start, end, wikilinks: links });
  };
  for (let lineStart = bodyStart; lineStart < content.length; ) {
    const newline = content.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? content.length : newline;
    const text = content.slice(lineStart, lineEnd).replace(/\r$/, '');
    let inCode = false;
    if (fence) {
      inCode = true;
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.size) fence = undefined;
    } else {
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(text);
      if (opening) {
        fence = { char: opening[1]![0]!, size: opening[1]!.length };
        inCode = true;
      }
    }
    const heading = inCode ? null : /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(text);
    if (heading) {
      close(lineStart);
      title = (heading[2] ?? '').trim();
      depth = heading[1]!.length;
      start = lineStart;
      links = [];
    } else if (!inCode && text.includes('[[')) {
      const blanked = text.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
      links.push(...findWikilinks(blanked, lineStart));
    }
    lineStart = lineEnd + 1;
  }
  close(content.length);
  return sections;
}

const LINE_PARTS = ['', ' ', '   ', '    ', '#', '##', '######', '#######', '# Outcomes', '## Outcomes ##', '### Notes', '#no-space', '```', '````', '~~~', '``` js', '~~~~', 'Met [[maya-chen]].', '[[a|Alias]] and [[b#Part]]', '`[[in-code]]`', '[[', ']]', 'text', '\t# tabbed', '—'];
const body = fc
  .array(fc.array(fc.constantFrom(...LINE_PARTS), { maxLength: 3 }).map((parts) => parts.join('')), { maxLength: 30 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

describe('scanSections', () => {
  it('agrees with a scanner that matches every line, on generated bodies', () => {
    fc.assert(
      fc.property(body, fc.nat({ max: 5 }), (text, cut) => {
        const bodyStart = Math.min(cut, text.length);
        expect(scanSections(text, bodyStart)).toEqual(referenceSections(text, bodyStart));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the Outcomes links outside code, and not those in fences or code spans', () => {
    const text = ['# Maya', '', '## Outcomes', '', '- Met [[priya-nair]] and `[[not-a-link]]`', '```', '[[inside-fence]]', '```', '- then [[jordan-lee|Jordan]]', '## Notes', '[[elsewhere]]'].join('\r\n');
    const outcomes = findSection(scanSections(text, 0), 'outcomes');
    expect(outcomes?.wikilinks.map((link) => link.target)).toEqual(['priya-nair', 'jordan-lee']);
    expect(text.slice(outcomes!.start, outcomes!.end)).toMatch(/^## Outcomes\r\n[\s\S]*Jordan]]\r\n$/);
  });
});
