import { describe, expect, it } from 'vitest';
import { findWikilinks, noteId, wikilinkTarget } from './wikilinks.js';

describe('findWikilinks', () => {
  it('finds each link with its id, offset and length, headings and aliases included', () => {
    // `See ` is 0-3, `[[maya-chen]]` 4-16, `, ` 17-18, `[[ lee park |Lee]]` 19-36, ` and ` 37-41, `[[sam#Notes]]` 42-54.
    expect(findWikilinks('See [[maya-chen]], [[ lee park |Lee]] and [[sam#Notes]].')).toEqual([
      { target: 'maya-chen', offset: 4, length: 13 },
      { target: 'lee park', offset: 19, length: 18 },
      { target: 'sam', offset: 42, length: 13 },
    ]);
  });

  it('shifts offsets by where the text sits in the note', () => {
    expect(findWikilinks('[[maya-chen#Notes|Maya]]', 100)).toEqual([{ target: 'maya-chen', offset: 100, length: 24 }]);
  });

  it('finds no link across a line break, without an id, or with a single bracket', () => {
    expect(findWikilinks('[[maya\nchen]] [[]] [[#Notes]] [[|Maya]] [maya]] [[maya] [[a[b]]')).toEqual([]);
    expect(findWikilinks('[[a\r\nb]]')).toEqual([]);
  });

  it('takes the innermost brackets of `[[[maya]]]`', () => {
    expect(findWikilinks('[[[maya]]]')).toEqual([{ target: 'maya', offset: 1, length: 8 }]);
  });
});

describe('wikilinkTarget', () => {
  it('reads the id of a value that is one whole link, spaces around it allowed', () => {
    expect(wikilinkTarget('[[maya-chen]]')).toBe('maya-chen');
    expect(wikilinkTarget(' [[ maya-chen |Maya Chen ]] ')).toBe('maya-chen');
    expect(wikilinkTarget('[[maya-chen#Notes]]')).toBe('maya-chen');
  });

  it('refuses a value that is not one whole link', () => {
    for (const value of ['maya-chen', 'see [[maya-chen]]', '[[maya-chen]] too', '[[a]] [[b]]', '[[]]', '[maya-chen]', '[[maya\nchen]]']) {
      expect(wikilinkTarget(value), value).toBeUndefined();
    }
  });
});

describe('noteId', () => {
  it('is the file name without its .md, in any case', () => {
    expect(noteId('people/maya-chen.md')).toBe('maya-chen');
    expect(noteId('Maya Chen.MD')).toBe('Maya Chen');
    expect(noteId('a/b/notes.txt')).toBe('notes.txt');
    expect(noteId('maya-chen')).toBe('maya-chen');
    expect(noteId('people.md/maya')).toBe('maya');
  });
});
