/**
 * A diagnostic's message as plain text, for what VS Code does not render
 * as Markdown (tree labels and descriptions, quick pick items). One rule
 * for every code span: a single word (a key, an id, a value such as
 * `[[maya-chen]]`) loses its backticks; anything else (punctuation, a
 * space, several words) keeps typographic quotes, so that `: ` still shows
 * its space and `"` stays visible as the character it is.
 */
export function plainMessage(message: string): string {
  return message.replace(CODE_SPAN, (_, _fence: string, content: string) => {
    const code = /^ [\s\S]*[^ ][\s\S]* $/.test(content) ? content.slice(1, -1) : content;
    return /^\S+$/.test(code) && /[\p{L}\p{N}]/u.test(code) ? code : `“${code}”`;
  });
}

/** A CommonMark code span: a run of backticks, then anything up to a run of the same length. */
const CODE_SPAN = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
