/**
 * Which frontmatter fields an export must leave out: those listed in the
 * config's `private` list, by name (`phone`) or by dotted path into a nested
 * field (`meeting.link`). A listed field hides everything under it.
 */
export function privateFieldFilter(privateFields) {
    const listed = new Set(privateFields.map((field) => field.trim()).filter((field) => field !== ''));
    return (path) => {
        const steps = path.split('.');
        return steps.some((_, index) => listed.has(steps.slice(0, index + 1).join('.')));
    };
}
/** A JSON-safe copy of `value` without the private paths under it (`prefix` is its own path). */
export function withoutPrivate(value, isPrivate, prefix = '') {
    if (value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value))
        return value.map((item) => withoutPrivate(item, isPrivate, prefix));
    const kept = {};
    for (const [key, item] of Object.entries(value)) {
        const path = prefix ? `${prefix}.${key}` : key;
        if (!isPrivate(path))
            kept[key] = withoutPrivate(item, isPrivate, path);
    }
    return kept;
}
//# sourceMappingURL=privacy.js.map