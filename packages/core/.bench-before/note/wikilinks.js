const WIKILINK = /\[\[([^[\]|#\r\n]+)(?:#[^[\]|\r\n]*)?(?:\|[^[\]\r\n]*)?\]\]/g;
export function findWikilinks(text, baseOffset = 0) {
    const links = [];
    for (const match of text.matchAll(WIKILINK)) {
        links.push({ target: match[1].trim(), offset: baseOffset + match.index, length: match[0].length });
    }
    return links;
}
/** The id inside a whole-value wikilink such as `"[[maya-chen]]"`, or `undefined`. */
export function wikilinkTarget(value) {
    const match = /^\s*\[\[([^[\]|#\r\n]+)(?:#[^[\]|\r\n]*)?(?:\|[^[\]\r\n]*)?\]\]\s*$/.exec(value);
    return match ? match[1].trim() : undefined;
}
/** The note id of a path: its file name without `.md`. */
export function noteId(file) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    return name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
}
//# sourceMappingURL=wikilinks.js.map