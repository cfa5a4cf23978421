import { type ImportReading } from './candidate.js';
/**
 * Reads LinkedIn's `Connections.csv` export as LinkedIn writes it: a UTF-8
 * BOM, CRLF line endings, a `Notes:` preamble of a few lines, then the
 * header `First Name,Last Name,URL,Email Address,Company,Position,Connected On`
 * (older exports have no `URL` column), quoted fields that may hold commas,
 * mostly empty emails and dates like `12 Mar 2024`.
 *
 * Never throws for anything in the text: a malformed row is reported with
 * its line and skipped, and reading resumes on the next line.
 */
export declare function parseLinkedInConnections(text: string, file: string): ImportReading;
/** LinkedIn's `12 Mar 2024` (and the few other shapes older exports used) as `YYYY-MM-DD`. */
export declare function connectionDate(value: string): string | undefined;
