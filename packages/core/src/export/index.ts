/**
 * `@rapport/core/export`: notes as iCalendar, vCard, CSV and JSON.
 * Its own entry so that ical.js and csv-stringify load only for the callers that export.
 */
export { exportIcs, exportIcsDetails } from './ics.js';
export type { IcsExport, LeftOutMeeting } from './ics.js';
export { exportRefusal } from './refusal.js';
export { exportVCards } from './vcard.js';
export { exportCsv } from './csv.js';
export { exportJson, contactRecords } from './records.js';
export type { ExportOptions } from './records.js';
export { reportCsv, REPORT_CSV_COLUMNS } from '../report/report-csv.js';
