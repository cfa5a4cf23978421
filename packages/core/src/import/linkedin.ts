import { CsvError, parse } from 'csv-parse/sync';
import { format } from 'date-fns/format';
import { parse as parseDate } from 'date-fns/parse';
import type { Diagnostic } from '../diagnostics.js';
import { splitCredentials } from '../model/person-name.js';
import { cleanText, inputProblem, isEmailAddress, isProfileUrl, type ImportCandidate, type ImportReading } from './candidate.js';

/**
 * Reads LinkedIn's `Connections.csv` export as LinkedIn writes it: a UTF-8
 * BOM, CRLF line endings, a `Notes:` preamble of a few lines, then the
 * header `First Name,Last Name,URL,Email Address,Company,Position,Connected On`
 * (older exports have no `URL` column), quoted fields that may hold commas,
 * mostly empty emails and dates like `12 Mar 2024`; or as a spreadsheet saved
 * it again, with `;` or tabs between the columns (the header line tells).
 *
 * Never throws for anything in the text: a malformed row is reported with
 * its line and skipped, and reading resumes on the next line.
 */
export function parseLinkedInConnections(text: string, file: string): ImportReading {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];
  const candidates: ImportCandidate[] = [];
  const reading = () => ({ file, format: 'linkedin' as const, candidates, diagnostics });

  // The file as LinkedIn wrote it, or as a spreadsheet saved it again: with `;` (Excel in much of Europe) or tabs ("Text (Tab delimited)").
  const headerIndex = lines.findIndex((line) => HEADER_START.test(line));
  const delimiter = headerIndex < 0 ? ',' : HEADER_START.exec(lines[headerIndex]!)![1]!;
  if (headerIndex < 0) {
    diagnostics.push(inputProblem(file, 1, 'error', 'import-not-linkedin', 'No header line `First Name,Last Name,…` found: this is not LinkedIn’s Connections.csv', 'Export it from LinkedIn: Settings › Data privacy › Get a copy of your data › Connections'));
    return reading();
  }
  let headerNames: string[];
  try {
    // One line that matched the header pattern: never empty, so it is one record.
    headerNames = parseRows(lines[headerIndex]!, delimiter)[0]!.map((name) => name.trim());
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Not a row to skip: without its header the file cannot be read at all.
    diagnostics.push(inputProblem(file, headerIndex + 1, 'error', 'import-not-linkedin', `The header line is not valid CSV: ${csvProblem(error)}; nothing was imported`, QUOTE_HINT));
    return reading();
  }
  const header = headerNames.map((name) => name.toLowerCase());
  // A missing column is -1, and `cells[-1]` is undefined: its cells read as empty.
  const column = (name: string) => header.indexOf(name);
  const columns = {
    first: column('first name'),
    last: column('last name'),
    url: column('url'),
    email: column('email address'),
    company: column('company'),
    position: column('position'),
    connectedOn: column('connected on'),
  };
  if (columns.last < 0) {
    diagnostics.push(inputProblem(file, headerIndex + 1, 'error', 'import-not-linkedin', 'The header has no `Last Name` column: this is not LinkedIn’s Connections.csv'));
    return reading();
  }

  const readRow = (cells: readonly string[], line: number) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== header.length) {
      const hint = cells.length > header.length ? `A value with a ${DELIMITER_NAMES[delimiter]} must be in double quotes` : 'The row may have been cut short';
      diagnostics.push(inputProblem(file, line, 'warning', 'import-short-row', `The row has ${cells.length} fields but the header has ${header.length}; row skipped`, hint));
      return;
    }
    const cell = (index: number) => cleanText(cells[index]);
    // Credentials typed after the last name ("Shah, MBA, CSCP") go to `credentials`: kept, but out of the name, its id and the letters' greeting.
    const { name, credentials } = splitCredentials([cell(columns.first), cell(columns.last)].filter(Boolean).join(' '));
    if (name === '') {
      diagnostics.push(inputProblem(file, line, 'warning', 'import-missing-name', 'The row has no name; row skipped', 'LinkedIn leaves names out for members who closed or hid their account'));
      return;
    }
    const url = cell(columns.url);
    const email = cell(columns.email);
    const connectedOn = cell(columns.connectedOn);
    const since = connectedOn === undefined ? undefined : connectionDate(connectedOn);
    if (url !== undefined && !isProfileUrl(url)) diagnostics.push(inputProblem(file, line, 'warning', 'import-invalid-url', `Not a profile URL, left out: ${JSON.stringify(url)}`));
    if (email !== undefined && !isEmailAddress(email)) diagnostics.push(inputProblem(file, line, 'warning', 'import-invalid-email', `Not an email address, left out: ${JSON.stringify(email)}`));
    if (connectedOn !== undefined && since === undefined) {
      diagnostics.push(inputProblem(file, line, 'warning', 'import-invalid-date', `Not a date: ${JSON.stringify(connectedOn)}; the import day is used instead`, 'LinkedIn writes dates like 12 Mar 2024'));
    }
    const organization = cell(columns.company);
    const role = cell(columns.position);
    candidates.push({
      line,
      name,
      emails: email !== undefined && isEmailAddress(email) ? [email] : [],
      source: 'linkedin',
      ...(organization ? { organization } : {}),
      ...(role ? { role } : {}),
      ...(credentials ? { credentials } : {}),
      ...(url !== undefined && isProfileUrl(url) ? { linkedin: url } : {}),
      ...(since ? { since } : {}),
    });
  };

  // csv-parse cannot resynchronise after a broken quote, so on an error the
  // rest is parsed again from the line after the record that failed. The
  // rows are turned into bytes once and each new pass starts on a view of
  // them, and no record may grow past MAX_RECORD_SIZE: a file of broken rows
  // costs a bounded amount per row, not a re-read of the rest of the file.
  const rows = Buffer.from(lines.slice(headerIndex + 1).join('\n'));
  const lineOffsets: number[] = [];
  let offset = 0;
  for (let index = headerIndex + 1; index < lines.length; index++) {
    lineOffsets.push(offset);
    offset += Buffer.byteLength(lines[index]!) + 1;
  }
  let next = headerIndex + 1;
  while (next < lines.length) {
    // Every line belongs to some record (empty lines are kept), so a record starts right after the previous one ends.
    let ended = 0;
    try {
      parseRows(rows.subarray(lineOffsets[next - headerIndex - 1]), delimiter, (cells, lastLine) => {
        readRow(cells, next + ended + 1);
        ended = lastLine;
      });
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const line = next + ended + 1;
      diagnostics.push(inputProblem(file, line, 'error', 'import-malformed-csv', `Not valid CSV: ${csvProblem(error, headerNames)}; line skipped`, QUOTE_HINT));
      next = line;
    }
  }
  return reading();
}

const QUOTE_HINT = 'A double quote inside a value must be doubled ("")';

/**
 * What csv-parse found, in plain words: the field counted from 1 and named
 * by the header's column when known. Its line number is left out: it counts
 * from where that pass began, not from the file's first line.
 */
function csvProblem(error: CsvError, header?: readonly string[]): string {
  if (error.code === 'CSV_MAX_RECORD_SIZE') return `a quoted value runs on for more than ${MAX_RECORD_SIZE} characters, its closing quote is missing`;
  const index = typeof error.index === 'number' ? error.index : undefined;
  const name = index === undefined ? undefined : header?.[index];
  const field = index === undefined ? 'a field' : `field ${index + 1}${name ? ` (${name})` : ''}`;
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return `${field} has a double quote inside a value that does not start with one`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${field} has text after its closing quote`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${field} opens a quote that is never closed`;
    default:
      return error.message.replace(/ at line \d+/, '');
  }
}

/** The longest a row may be: LinkedIn's are a few hundred characters, so anything longer is a quote left open. */
const MAX_RECORD_SIZE = 16 * 1024;

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The start of the header line, `First Name` and the character after it that separates the columns. */
const HEADER_START = /^\s*"?first name"?\s*([,;\t])/i;

/** Parses CSV rows, handing each one with the line it ends on to `onRow` as it is read. */
function parseRows(text: string | Buffer, delimiter: string, onRow?: (cells: string[], lastLine: number) => void): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    max_record_size: MAX_RECORD_SIZE,
    skip_empty_lines: false,
    on_record: (record: string[], context) => {
      if (!onRow) return record;
      onRow(record, context.lines);
      return null;
    },
  });
}

const DATE_FORMATS = ['d MMM yyyy', 'd-MMM-yy', 'yyyy-MM-dd', 'M/d/yy', 'M/d/yyyy'] as const;
const REFERENCE_DAY = new Date(2000, 0, 1);

/** LinkedIn's `12 Mar 2024` (and the few other shapes older exports used) as `YYYY-MM-DD`; `value` is a cleaned cell, already trimmed. */
export function connectionDate(value: string): string | undefined {
  for (const pattern of DATE_FORMATS) {
    const date = parseDate(value, pattern, REFERENCE_DAY);
    // LinkedIn began in 2002; an invalid date's year is NaN, which fails the test too.
    if (date.getFullYear() >= 2002) return format(date, 'yyyy-MM-dd');
  }
  return undefined;
}
