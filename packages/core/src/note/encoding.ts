import { InvalidEncodingError } from '../errors.js';

/**
 * The UTF-16 a file's bytes are in, if they are: with a byte-order mark, or
 * without one when a NUL is the first or second byte (every other byte is a
 * NUL in UTF-16 text of Latin letters). UTF-8 text never starts with a NUL,
 * so the first two bytes tell.
 */
export function utf16Encoding(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const [first, second] = bytes;
  if (first === undefined || second === undefined) return undefined;
  if ((first === 0xff && second === 0xfe) || (second === 0 && first !== 0)) return 'UTF-16LE';
  if ((first === 0xfe && second === 0xff) || (first === 0 && second !== 0)) return 'UTF-16BE';
  return undefined;
}

/**
 * Refuses a note saved as UTF-16. With a byte-order mark it is not UTF-8; without
 * one it can be, and would read as no note at all.
 */
export function refuseUtf16(file: string, bytes: Uint8Array): void {
  const encoding = utf16Encoding(bytes);
  if (encoding) throw new InvalidEncodingError(file, 1, 1, encoding);
}
