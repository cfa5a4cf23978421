import { InvalidEncodingError } from '@rapport/core';
import { refuseUtf16 } from '@rapport/core/internal';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a note's bytes, refusing invalid UTF-8 with the line and column of
 * the first bad byte: silently replacing it would corrupt the note on the
 * next write. A note saved as UTF-16 is refused as such.
 */
export function decodeNote(path: string, bytes: Uint8Array): string {
  refuseUtf16(path, bytes);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
    const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
    throw new InvalidEncodingError(path, line, column);
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0;
      if (lead === 0xed) max = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (byte === undefined || byte < low || byte > high) return i;
    }
    i += length;
  }
  return bytes.length;
}
