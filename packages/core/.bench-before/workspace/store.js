/**
 * The id-free content version every store uses: FNV-1a over four
 * interleaved lanes of characters, plus the length. Four independent lanes
 * let the CPU overlap their multiplications (3× faster than one chain over a
 * folder, where hashing was a sixth of a cold load). Each step is a
 * bijection of its lane's state, so changing any one character always
 * changes the version.
 */
export function contentVersion(text) {
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    let c = 0x1b873593;
    let d = 0x2c1b3c6d;
    const { length } = text;
    let i = 0;
    for (; i + 3 < length; i += 4) {
        a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
        b = Math.imul(b ^ text.charCodeAt(i + 1), 0x01000193);
        c = Math.imul(c ^ text.charCodeAt(i + 2), 0x01000193);
        d = Math.imul(d ^ text.charCodeAt(i + 3), 0x01000193);
    }
    for (; i < length; i++)
        a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    // Folded to 64 bits; multiplying by an odd constant keeps each fold a bijection of either lane.
    const high = (a ^ Math.imul(c, 0x9e3779b1)) >>> 0;
    const low = (b ^ Math.imul(d, 0x9e3779b1)) >>> 0;
    return `${high.toString(36)}.${low.toString(36)}-${length.toString(36)}`;
}
/** True for paths a notes folder indexes: `.md` files outside dot-folders and `node_modules`. */
export function isNotePath(path) {
    if (!path.toLowerCase().endsWith('.md'))
        return false;
    return !path.split('/').some((part, index, parts) => (index < parts.length - 1 && part.startsWith('.')) || part === 'node_modules');
}
//# sourceMappingURL=store.js.map