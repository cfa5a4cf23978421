/**
 * Which frontmatter fields an export must leave out: those listed in the
 * config's `private` list, by name (`phone`) or by dotted path into a nested
 * field (`meeting.link`). A listed field hides everything under it.
 */
export declare function privateFieldFilter(privateFields: readonly string[]): (path: string) => boolean;
/** A JSON-safe copy of `value` without the private paths under it (`prefix` is its own path). */
export declare function withoutPrivate(value: unknown, isPrivate: (path: string) => boolean, prefix?: string): unknown;
