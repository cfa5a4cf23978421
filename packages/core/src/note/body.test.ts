import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSection, renamedTitle, scanSections, type BodySection } from './body.js';
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
      // A backtick fence has no backtick after it on its line (CommonMark).
      const opening = /^ {0,3}(`{3,}(?!.*`)|~{3,})/.exec(text);
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

describe('scanSections, by hand', () => {
  it('takes ATX headings of one to six `#` after at most three spaces, with closing `#`s dropped', () => {
    // `# Title ##\n` 0-10, `#no\n` 11-14, `####### seven\n` 15-28, `    # code\n` 29-39, `   ### Three\n` 40-52, `##\n` 53-55.
    expect(scanSections('# Title ##\n#no\n####### seven\n    # code\n   ### Three\n##\n', 0)).toEqual([
      { title: 'Title', depth: 1, start: 0, end: 40, wikilinks: [] },
      { title: 'Three', depth: 3, start: 40, end: 53, wikilinks: [] },
      { title: '', depth: 2, start: 53, end: 56, wikilinks: [] },
    ]);
  });

  it('skips fenced code until a fence of the same character, at least as long, with nothing after it', () => {
    const text = ['~~~', '## in [[b]]', '````', '~~~~ x', '~~~~', '## Out', '``` js', '[[c]]', '``', ' ```', 'see [[d]] `[[e]]`', ''].join('\n');
    // Lines start at 0, 4, 16, 21, 28, 33 (`## Out`), 40, 47, 53, 56 and 61 (`see `); `[[d]]` is 65-69.
    expect(scanSections(text, 0)).toEqual([
      { title: '', depth: 0, start: 0, end: 33, wikilinks: [] },
      { title: 'Out', depth: 2, start: 33, end: 79, wikilinks: [{ target: 'd', offset: 65, length: 5 }] },
    ]);
  });

  it('keeps a backtick fence open across a tilde fence line, and the other way round', () => {
    expect(scanSections('```\n~~~\n## Hidden\n```\n## Shown\n', 0).map((section) => section.title)).toEqual(['', 'Shown']);
    expect(scanSections('~~~\n```\n## Hidden\n~~~\n## Shown\n', 0).map((section) => section.title)).toEqual(['', 'Shown']);
    // A shorter fence line does not close a longer fence.
    expect(scanSections('````\n```\n## Hidden\n````\n## Shown\n', 0).map((section) => section.title)).toEqual(['', 'Shown']);
  });

  it('reads CRLF lines, trailing spaces and tabs after a heading, and links on the lines under it only', () => {
    // `## Notes \t\r\n` is 0-11, `[[x|X]]\r\n` 12-20.
    expect(scanSections('## Notes \t\r\n[[x|X]]\r\n', 0)).toEqual([{ title: 'Notes', depth: 2, start: 0, end: 21, wikilinks: [{ target: 'x', offset: 12, length: 7 }] }]);
    // `## A [[h]]\n` is 0-10: a link in a heading is not one of the section's.
    expect(scanSections('## A [[h]]\n[[i]]\n', 0)).toEqual([{ title: 'A [[h]]', depth: 2, start: 0, end: 17, wikilinks: [{ target: 'i', offset: 11, length: 5 }] }]);
  });

  it('starts at the body, and gives text before any heading as a section of depth 0 only when there is some', () => {
    expect(scanSections('xxxx\n## A\n', 5)).toEqual([{ title: 'A', depth: 2, start: 5, end: 10, wikilinks: [] }]);
    expect(scanSections('just text [[a]]', 0)).toEqual([{ title: '', depth: 0, start: 0, end: 15, wikilinks: [{ target: 'a', offset: 10, length: 5 }] }]);
    expect(scanSections('', 0)).toEqual([]);
    expect(scanSections('abc', 3)).toEqual([]);
    // An empty first line, then a heading at 1.
    expect(scanSections('\n## A\n', 0)).toEqual([
      { title: '', depth: 0, start: 0, end: 1, wikilinks: [] },
      { title: 'A', depth: 2, start: 1, end: 6, wikilinks: [] },
    ]);
    expect(scanSections('[[a]]', 0)).toEqual([{ title: '', depth: 0, start: 0, end: 5, wikilinks: [{ target: 'a', offset: 0, length: 5 }] }]);
  });

  it('trims a heading\'s title of any white space, and leaves out links in code spans of any length', () => {
    expect(scanSections('## Notes\u00a0\n', 0)[0]?.title).toBe('Notes');
    // `see ``[[a]]`` and `x` ` is 0-21: `[[b]]` is 22-26.
    expect(scanSections('see ``[[a]]`` and `x` [[b]]\n', 0)[0]?.wikilinks).toEqual([{ target: 'b', offset: 22, length: 5 }]);
  });
});

describe('findSection', () => {
  const sections = scanSections('intro\n## Outcomes\n## Notes\n### outcomes\n', 0);

  it('finds the first heading with the title, in any case and with spaces around', () => {
    expect(findSection(sections, '  OUTCOMES ')).toEqual({ title: 'Outcomes', depth: 2, start: 6, end: 18, wikilinks: [] });
    expect(findSection(sections, 'notes')?.start).toBe(18);
  });

  it('never gives the text before the first heading', () => {
    expect(findSection(sections, '')).toBeUndefined();
    expect(findSection(sections, 'Research')).toBeUndefined();
  });
});

describe('a code fence, as CommonMark reads one', () => {
  it('is not opened by backticks with another backtick after them on the line', () => {
    const content = '```#`\n# Title\n```\n## Outcomes\n```\n';
    expect(scanSections(content, 0).filter((section) => section.depth > 0).map((section) => section.title)).toEqual(['Title']);
  });
});

describe('renamedTitle', () => {
  const note = '\uFEFF---\r\ntype: contact\r\nname: Kwame Mensah\r\n---\r\n\r\n# Kwame Mensah\r\n\r\nMet Kwame Mensah at the fair.\r\n\r\n## Notes\r\n';

  it('renames the title heading that says the old name, and nothing else', () => {
    expect(renamedTitle(note, 'Kwame Mensah', 'Kwame Asante-Mensah')).toBe(note.replace('# Kwame Mensah\r\n', '# Kwame Asante-Mensah\r\n'));
  });

  it('leaves a title the user wrote otherwise, and a note without one', () => {
    const own = note.replace('# Kwame Mensah', '# Kwame Mensah (UPMC)');
    expect(renamedTitle(own, 'Kwame Mensah', 'Kwame Asante-Mensah')).toBe(own);
    const none = note.replace('# Kwame Mensah\r\n\r\n', '');
    expect(renamedTitle(none, 'Kwame Mensah', 'Kwame Asante-Mensah')).toBe(none);
  });
});
