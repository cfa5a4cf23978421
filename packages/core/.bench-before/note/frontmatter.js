import { Document, isMap, parseDocument } from 'yaml';
/** Options every frontmatter parse uses: YAML 1.2 core schema, no anchors blow-up. */
export const YAML_OPTIONS = {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    // A library must not print: `yaml` would emit a process warning for a key like `[a, b]:`, on the user's terminal.
    logLevel: 'error',
};
/** The most aliases a frontmatter may expand; guards against "billion laughs" notes. */
export const MAX_ALIAS_COUNT = 100;
export function parseFrontmatter(block) {
    let document;
    try {
        document = parseDocument(block.yaml, YAML_OPTIONS);
    }
    catch (error) {
        // Pathological input (e.g. thousands of nested brackets) can exhaust the parser's stack.
        document = parseDocument('', YAML_OPTIONS);
        const message = error instanceof RangeError ? 'the YAML is nested too deeply to read' : firstLine(String(error.message));
        return { block, document, data: undefined, problems: [{ offset: 0, endOffset: 0, message }] };
    }
    const problems = document.errors.map((error) => ({
        offset: error.pos[0],
        endOffset: error.pos[1],
        message: firstLine(error.message),
    }));
    let data;
    if (problems.length === 0) {
        try {
            data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        }
        catch (error) {
            problems.push({ offset: 0, endOffset: 0, message: firstLine(String(error.message)) });
        }
    }
    return { block, document, data, problems };
}
/** A frontmatter that parsed to a mapping, as a record (anything else is empty). */
export function asRecord(data) {
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
}
export function isMappingDocument(document) {
    return document.contents === null || isMap(document.contents);
}
function firstLine(message) {
    return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
//# sourceMappingURL=frontmatter.js.map