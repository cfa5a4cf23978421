/** Line breaks (including Unicode's) and other control characters: none belongs in a value of one line (a name, a next action). */
export const LINE_BREAKS_OR_CONTROLS = /[\p{Cc}\u2028\u2029]/u;
