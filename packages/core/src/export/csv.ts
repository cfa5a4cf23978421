import { stringify } from 'csv-stringify/sync';
import type { Workspace } from '../workspace/workspace.js';
import { COMPUTED_COLUMNS, contactRecords, IDENTITY_COLUMNS, type ExportOptions } from './records.js';

/** After id, file, name and stage: Rapport's own fields in this order; other fields follow in the order they are first met. */
const LEADING_COLUMNS = [
  'role', 'organization', 'industry', 'location', 'email', 'phone', 'linkedin', 'source', 'referred_by', 'tags',
  'meeting.at', 'meeting.minutes', 'meeting.format', 'meeting.place', 'meeting.link', 'next.action', 'next.due', 'touch_every', 'history',
];

/** Separator of list items inside one cell. */
export const LIST_SEPARATOR = '; ';

/**
 * The contacts as CSV (RFC 4180: CRLF, quoted where needed, with a UTF-8
 * BOM so spreadsheets read accents right): one row per contact with the
 * columns of `contactRecords`, flattened — a list of plain values is
 * joined with `; `, a mapping becomes dotted columns (`meeting.at`), and
 * anything deeper (such as `history`) is written as JSON. A cell starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
 * so a spreadsheet never runs it as a formula. Throws `ExportRefusedError`
 * as `exportIcs` does.
 */
export function exportCsv(workspace: Workspace, options: ExportOptions = {}): string {
  const rows = contactRecords(workspace, options).map((record) => flattenRecord(record));
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  const fixed: readonly string[] = [...IDENTITY_COLUMNS, ...COMPUTED_COLUMNS];
  const columns = [
    ...IDENTITY_COLUMNS,
    ...LEADING_COLUMNS.filter((column) => seen.has(column)),
    ...[...seen].filter((column) => !LEADING_COLUMNS.includes(column) && !fixed.includes(column)),
    ...COMPUTED_COLUMNS,
  ];
  return stringify(
    rows.map((row) => columns.map((column) => row[column] ?? '')),
    { header: true, columns, bom: true, record_delimiter: 'windows', escape_formulas: true },
  );
}

/** One level of nesting becomes dotted columns; lists of plain values are joined; the rest is JSON. */
export function flattenRecord(record: Readonly<Record<string, unknown>>): Record<string, string | number | boolean> {
  const row: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(record)) {
    if (isPlainObject(value)) {
      for (const [inner, innerValue] of Object.entries(value)) row[`${key}.${inner}`] = cell(innerValue);
    } else row[key] = cell(value);
  }
  return row;
}

function cell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) return value.map((item) => String(item ?? '')).join(LIST_SEPARATOR);
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
