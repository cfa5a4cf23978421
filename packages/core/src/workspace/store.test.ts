import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentVersion } from './store.js';

describe('contentVersion', () => {
  it('gives the versions of the documented algorithm (worked out apart, in Python, from the doc comment)', () => {
    expect(contentVersion('')).toBe('1bv0orq.16xvh36-0');
    expect(contentVersion('a')).toBe('1jw391r.16xvh36-1');
    expect(contentVersion('---\ntype: contact\n')).toBe('1tzuv38.1uy8swj-i');
    // UTF-16 units, as JavaScript strings hold them: the emoji counts 2.
    expect(contentVersion('Zoë 😀')).toBe('1bay460.1jes5lj-6');
  });

  it('is the same for the same text however the string was built, and differs for texts of different lengths', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), (first, second) => {
        // A copy made unit by unit is a different string object (and, for V8, not a slice of the first).
        const rebuilt = Array.from({ length: first.length }, (_, index) => String.fromCharCode(first.charCodeAt(index))).join('');
        expect(contentVersion(rebuilt)).toBe(contentVersion(first));
        if (first.length !== second.length) expect(contentVersion(first)).not.toBe(contentVersion(second));
      }),
    );
  });

  it('changes when any one character changes, wherever it sits', () => {
    const text = '---\ntype: contact\nname: Maya Chen\nstage: contacted\n---\n\n## Notes\n\nMet at the meetup — résumé review.\n';
    const seen = new Set<string>([contentVersion(text)]);
    for (let position = 0; position < text.length; position++) {
      for (const replacement of ['x', 'X', '\u2014', '\uFFFD']) {
        if (text[position] === replacement) continue;
        const changed = text.slice(0, position) + replacement + text.slice(position + 1);
        const version = contentVersion(changed);
        expect(version, `${replacement} at ${position}`).not.toBe(contentVersion(text));
        seen.add(version);
      }
    }
    // Every one of the 4 × length edits gave its own version.
    expect(seen.size).toBe(1 + text.length * 4 - [...text].filter((char) => ['x', 'X', '\u2014', '\uFFFD'].includes(char)).length);
  });

  it('tells apart texts that differ only in the order of their characters', () => {
    expect(contentVersion('abcd efgh')).not.toBe(contentVersion('efgh abcd'));
    expect(contentVersion('ab')).not.toBe(contentVersion('ba'));
    expect(contentVersion('a\r\nb')).not.toBe(contentVersion('a\n\rb'));
  });
});
