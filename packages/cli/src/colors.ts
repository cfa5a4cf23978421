import { inspect } from 'node:util';

const STYLES = ['bold', 'dim', 'red', 'green', 'yellow', 'blue', 'cyan'] as const;

/** The terminal styles `rapport` prints with, each a function of the text (which it returns as it is when colours are off). */
export type Colors = Record<(typeof STYLES)[number], (text: string) => string>;

/**
 * Styles from Node's own table of terminal codes (`util.inspect.colors`). A style
 * inside another that ends the same way (dim in bold, cyan in red) turns the outer
 * one on again after it, so the rest of the text keeps it.
 */
export function createColors(enabled: boolean): Colors {
  const colors = {} as Record<string, (text: string) => string>;
  for (const style of STYLES) {
    if (!enabled) {
      colors[style] = (text) => text;
      continue;
    }
    const [on, off] = inspect.colors[style]!;
    const open = `\x1b[${on}m`;
    const close = `\x1b[${off}m`;
    colors[style] = (text) => open + text.replaceAll(close, close + open) + close;
  }
  return colors as Colors;
}
