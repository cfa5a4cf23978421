import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentVersion } from './store.js';

describe('contentVersion', () => {
  it('is the same for the same text and differs for texts of different lengths', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), (first, second) => {
        expect(contentVersion(first)).toBe(contentVersion(String(first)));
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
