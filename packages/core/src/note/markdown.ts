/**
 * `@rapport/core/markdown`: a note's full Markdown tree (remark). Its own entry so that
 * remark and micromark load only for callers that want the tree; `readNote`, the index
 * and edits work on lines and need none of it.
 */
export { parseNote } from './parse.js';
export type { ParsedNote, NoteSection, Place } from './parse.js';
export type { ParsedFrontmatter, YamlProblem } from './frontmatter.js';
