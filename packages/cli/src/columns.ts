import stringWidth from 'string-width';

/**
 * Text laid out in terminal columns, for the commands that line text up.
 * Apart from `io.ts`: string-width compiles its Unicode property regular
 * expressions when it loads (~35 ms), which no other command should pay.
 */

/** How many terminal columns `text` takes: 李雷 and emoji take two each, a combining accent none. */
export { stringWidth as columns };

/** `text` followed by spaces up to `width` terminal columns. */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
