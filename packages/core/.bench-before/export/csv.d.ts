import type { Workspace } from '../workspace/workspace.js';
import { type ExportOptions } from './records.js';
/** Separator of list items inside one cell. */
export declare const LIST_SEPARATOR = "; ";
/**
 * The contacts as CSV (RFC 4180: CRLF, quoted where needed, with a UTF-8
 * BOM so spreadsheets read accents right): one row per contact with the
 * columns of `contactRecords`, flattened — a list of plain values is
 * joined with `; `, a mapping becomes dotted columns (`meeting.at`), and
 * anything deeper (such as `history`) is written as JSON. A cell starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
 * so a spreadsheet never runs it as a formula.
 */
export declare function exportCsv(workspace: Workspace, options?: ExportOptions): string;
/** One level of nesting becomes dotted columns; lists of plain values are joined; the rest is JSON. */
export declare function flattenRecord(record: Readonly<Record<string, unknown>>): Record<string, string | number | boolean>;
