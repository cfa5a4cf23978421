/** A `[[target]]`, `[[target|alias]]` or `[[target#heading]]` link. */
export interface Wikilink {
  readonly target: string;
  /** Offset of `[[` in the text it was found in. */
  readonly offset: number;
  readonly length: number;
}

const WIKILINK = /\[\[([^[\]|#\r\n]+)(?:#[^[\]|\r\n]*)?(?:\|[^[\]\r\n]*)?\]\]/g;

/** Every `[[target]]` (also `[[target#heading]]` and `[[target|label]]`) in `text`, in order, with offsets shifted by `baseOffset` (the text's place in a larger one). */
export function findWikilinks(text: string, baseOffset = 0): Wikilink[] {
  const links: Wikilink[] = [];
  for (const match of text.matchAll(WIKILINK)) {
    links.push({ target: match[1]!.trim(), offset: baseOffset + match.index, length: match[0].length });
  }
  return links;
}

/** The id inside a whole-value wikilink such as `"[[maya-chen]]"`, or `undefined`. */
export function wikilinkTarget(value: string): string | undefined {
  const match = /^\s*\[\[([^[\]|#\r\n]+)(?:#[^[\]|\r\n]*)?(?:\|[^[\]\r\n]*)?\]\]\s*$/.exec(value);
  return match ? match[1]!.trim() : undefined;
}

/** The note id of a path: its file name without `.md`. */
export function noteId(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
}
