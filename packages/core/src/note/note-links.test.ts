import { describe, expect, it } from 'vitest';
import { linksTo, noteIdProblem, noteLinkAt, noteLinks, renameLinks } from './note-links.js';

const NOTE = [
  '---',
  'name: Sam Whitaker',
  'referred_by: "[[maya-chen]]"',
  '---',
  '',
  '## Outcomes',
  '',
  '- Referral: [[ priya-raman|Priya]] and [[maya-chen#Notes]]',
  '',
  '```',
  '[[maya-chen]] in code is not a link',
  '```',
  '',
].join('\n');

describe('noteLinks', () => {
  it('finds links in the frontmatter and in the body, not in code', () => {
    expect(noteLinks(NOTE).map((link) => [link.target, link.offset, link.targetOffset, link.inFrontmatter])).toEqual([
      ['maya-chen', 37, 39, true],
      ['priya-raman', 82, 85, false],
      ['maya-chen', 109, 111, false],
    ]);
  });

  it('finds the link under an offset, brackets included', () => {
    expect(noteLinkAt(NOTE, 37)?.target).toBe('maya-chen');
    expect(noteLinkAt(NOTE, 49)?.target).toBe('maya-chen');
    expect(noteLinkAt(NOTE, 90)?.target).toBe('priya-raman');
    expect(noteLinkAt(NOTE, 30)).toBeUndefined();
    // `[[maya-chen]]` in the frontmatter is 37-49: the cursor just after `]]` (50) is still on it, the quotes around it are not.
    expect(noteLinkAt(NOTE, 50)?.target).toBe('maya-chen');
    expect(noteLinkAt(NOTE, 36)).toBeUndefined();
    expect(noteLinkAt(NOTE, 51)).toBeUndefined();
  });

  it('reads a note without frontmatter as all body', () => {
    expect(noteLinks('See [[a]]\n')).toEqual([{ target: 'a', offset: 4, length: 5, targetOffset: 6, inFrontmatter: false }]);
    // A frontmatter never closed is body text too.
    expect(noteLinks('---\nref: "[[b]]"\n')).toEqual([{ target: 'b', offset: 10, length: 5, targetOffset: 12, inFrontmatter: false }]);
  });

  it('keeps offsets of a note with a byte-order mark in the text without it', () => {
    expect(noteLinks(`\uFEFF${NOTE}`)[0]!.targetOffset).toBe(39);
  });
});

describe('renameLinks', () => {
  it('replaces only the id of every link to the renamed note, keeping headings and aliases', () => {
    const edits = renameLinks(NOTE, 'maya-chen', 'maya-chen-lee');
    expect(edits).toEqual([
      { offset: 39, length: 9, text: 'maya-chen-lee' },
      { offset: 111, length: 9, text: 'maya-chen-lee' },
    ]);
    let text = NOTE;
    for (const edit of [...edits].reverse()) text = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
    expect(text).toContain('referred_by: "[[maya-chen-lee]]"');
    expect(text).toContain('[[maya-chen-lee#Notes]]');
    expect(text).toContain('[[maya-chen]] in code');
    expect(linksTo(text, 'maya-chen')).toEqual([]);
  });
});

describe('noteIdProblem', () => {
  it('refuses ids that cannot be a file name or a link', () => {
    expect(noteIdProblem('maya-chen-lee')).toBeUndefined();
    expect(noteIdProblem('')).toBe('An id cannot be empty');
    expect(noteIdProblem('a/b')).toBe('An id cannot contain [ ] | # / or \\');
    expect(noteIdProblem('maya.md')).toBe('Give the id without .md');
  });

  it('says which rule an id breaks', () => {
    expect(noteIdProblem('   ')).toBe('An id cannot be empty');
    expect(noteIdProblem(' maya')).toBe('An id cannot start or end with a space');
    expect(noteIdProblem('maya\t')).toBe('An id cannot start or end with a space');
    for (const id of ['a[b', 'a]b', 'a|b', 'a#b', 'a\\b', 'a\rb', 'a\nb']) expect(noteIdProblem(id), JSON.stringify(id)).toBe('An id cannot contain [ ] | # / or \\');
    expect(noteIdProblem('Maya.MD')).toBe('Give the id without .md');
    expect(noteIdProblem('maya.md.txt')).toBeUndefined();
    expect(noteIdProblem('maya chen (2)')).toBeUndefined();
  });
});
