import { describe, expect, it } from 'vitest';
import { InvalidEncodingError } from '@rapport/core';
import { decodeNote, firstInvalidByte } from './utf8.js';

describe('decodeNote', () => {
  it('decodes valid UTF-8, keeping a BOM', () => {
    expect(decodeNote('a.md', new TextEncoder().encode('\uFEFFé 😀'))).toBe('\uFEFFé 😀');
  });

  it('refuses invalid bytes with the line and column of the first one', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('ok\nné'), 0xff, 0x41]);
    expect(() => decodeNote('a.md', bytes)).toThrow(InvalidEncodingError);
    expect(() => decodeNote('a.md', bytes)).toThrow('a.md:2:3');
  });

  it('finds overlong, surrogate and truncated sequences', () => {
    expect(firstInvalidByte(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidByte(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidByte(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidByte(new TextEncoder().encode('fine'))).toBe(4);
  });
});
