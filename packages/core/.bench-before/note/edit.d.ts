import { Scalar } from 'yaml';
/**
 * Lossless edits. Each one changes only the text of the field it edits:
 * every other byte — comments, key order, quoting, blank lines, line
 * endings, the BOM and the body — is kept exactly. The YAML is parsed with
 * the `yaml` Document API for its source ranges; new text is spliced in.
 */
/** Keys and list indexes leading to a frontmatter value, e.g. `['meeting', 'at']`. */
export type FieldPath = readonly (string | number)[];
/** Sets the value at `path`, creating missing parents; returns the new note text. */
export declare function setField(text: string, path: FieldPath, value: unknown): string;
/** Removes the value at `path` (a missing one is no change). */
export declare function deleteField(text: string, path: FieldPath): string;
/** Appends `item` to the list at `path`, creating the list when missing. */
export declare function appendToList(text: string, path: FieldPath, item: unknown): string;
/** Reads the frontmatter value at `path` as plain data (`undefined` when absent or unreadable). */
export declare function getField(text: string, path: FieldPath): unknown;
/**
 * Appends Markdown lines at the end of a body section (before the blank lines
 * that lead to the next heading), adding the section at the end of the note
 * when it does not exist.
 */
export declare function appendToSection(text: string, title: string, markdown: string): string;
/** A scalar written on one line: keeps the old quoting style when it can. */
export declare function formatInline(value: unknown, style: Scalar.Type | undefined, inFlow: boolean): string;
