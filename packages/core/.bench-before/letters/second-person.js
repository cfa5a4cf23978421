/**
 * Notes describe a person in the third person ("her keynote", "the pilot he
 * led"); a letter speaks to them. This rewrites he/she/him/his/her/hers to
 * you/your/yours, outside quotations, so a phrase from the note can sit in
 * the letter. `they` is left alone: in notes it mostly means other people.
 */
export function toSecondPerson(text) {
    return text
        .split(/("[^"]*"|“[^”]*”)/)
        .map((part, index) => (index % 2 === 1 ? part : rewrite(part)))
        .join('');
}
/** Words after which "her" is the object ("told her about") rather than the possessive ("her talk"). */
const AFTER_OBJECT_HER = new Set([
    'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'to', 'at', 'in', 'on', 'for', 'with', 'about', 'from', 'by', 'as', 'of', 'that', 'this', 'if',
    'when', 'so', 'again', 'too', 'yet', 'into', 'over', 'up', 'out', 'back', 'last', 'how', 'what', 'why', 'who', 'whether', 'before', 'after',
    'since', 'until', 'because', 'while', 'once', 'then', 'there', 'here', 'now', 'later', 'soon', 'yesterday', 'today', 'myself', 'me', 'my',
]);
/** Third-person verb forms after he/she and their second-person form. */
const IRREGULAR_VERBS = {
    is: 'are', was: 'were', has: 'have', does: 'do', "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't",
    goes: 'go',
};
/** Words ending in s that are not verbs in the third person. */
const NOT_VERBS = new Set(['always', 'sometimes', 'perhaps', 'thus', 'nevertheless', 'afterwards', 'besides', 'towards', 'regardless', 'unless', 'less', 'plus', 'this', 'its', 'us', 'yes', 'as']);
const CONTRACTIONS = { "'s": "'re", "'d": "'d", "'ll": "'ll", "'ve": "'ve", '’s': '’re', '’d': '’d', '’ll': '’ll', '’ve': '’ve' };
const WORD = /\b(he|she|him|his|her|hers|himself|herself)(['’](?:s|d|ll|ve))?\b(\s+)?([A-Za-z'’-]+)?/gi;
function rewrite(text) {
    return text.replace(WORD, (whole, pronoun, contraction, space, next) => {
        const lower = pronoun.toLowerCase();
        const following = next === undefined ? '' : `${space ?? ''}${next}`;
        const tail = whole.slice(pronoun.length + (contraction?.length ?? 0) + following.length);
        let replacement;
        let rest = following;
        if (lower === 'he' || lower === 'she') {
            replacement = 'you';
            if (contraction)
                replacement += CONTRACTIONS[contraction.toLowerCase()] ?? contraction;
            else if (next !== undefined)
                rest = `${space ?? ''}${agree(next)}`;
            return matchCase(pronoun, replacement) + rest + tail;
        }
        if (contraction)
            return whole;
        if (lower === 'him')
            replacement = 'you';
        else if (lower === 'hers')
            replacement = 'yours';
        else if (lower === 'himself' || lower === 'herself')
            replacement = 'yourself';
        else {
            const possessive = next !== undefined && space !== undefined && !AFTER_OBJECT_HER.has(next.toLowerCase());
            replacement = lower === 'his' ? (possessive ? 'your' : 'yours') : possessive ? 'your' : 'you';
        }
        return matchCase(pronoun, replacement) + rest + tail;
    });
}
/** "he leads" → "you lead": the verb right after the pronoun, when it is a present-tense third-person form. */
function agree(word) {
    const lower = word.toLowerCase();
    if (word !== lower)
        return word;
    const irregular = IRREGULAR_VERBS[lower];
    if (irregular)
        return irregular;
    if (NOT_VERBS.has(lower) || lower.length < 3 || !lower.endsWith('s') || lower.endsWith('ss') || lower.endsWith('us'))
        return word;
    if (/[^aeiou]ies$/.test(lower))
        return `${word.slice(0, -3)}y`;
    if (/(?:sh|ch|x|z|ss|o)es$/.test(lower))
        return word.slice(0, -2);
    return word.slice(0, -1);
}
function matchCase(original, replacement) {
    return original[0] === original[0].toUpperCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}
//# sourceMappingURL=second-person.js.map