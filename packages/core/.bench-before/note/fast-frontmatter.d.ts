/**
 * A fast reader for the YAML that frontmatter is nearly always written in:
 * block mappings and sequences; single-line plain and quoted scalars;
 * one-line flow sequences and mappings of scalars; literal and folded block
 * scalars; comments and blank lines. It returns exactly what `yaml`'s
 * `parseDocument(…).toJS()` gives under the core schema — or `undefined` the
 * moment it meets anything outside that subset (anchors, tags, multi-line
 * flow or plain scalars, tabs, odd indentation, duplicate keys…), and the
 * caller then asks `yaml` itself. Writes never use it: edits keep going
 * through the `yaml` Document API.
 *
 * Why: `parseDocument` builds a token stream, a CST and a node tree with
 * source ranges, about 0.4 ms for a 1.5 KB frontmatter; indexing a folder
 * needs only the values.
 *
 * Every string value is detached from the text it was read from, so that
 * keeping a value does not keep the whole note.
 */
/** What the fast reader understood of a frontmatter. */
export interface FastFrontmatter {
    /** The same value `parseDocument(yaml, YAML_OPTIONS).toJS()` gives. */
    readonly data: unknown;
    /**
     * Offsets `[start, end)` in the YAML text of each top-level single-line
     * scalar value, equal to `yaml`'s `node.range[0]` and `node.range[1]`.
     */
    readonly ranges: ReadonlyMap<string, readonly [number, number]>;
}
/** Reads `yaml` if it is within the fast subset; `undefined` means "ask `yaml`". */
export declare function parseFastFrontmatter(yaml: string): FastFrontmatter | undefined;
