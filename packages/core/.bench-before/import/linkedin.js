import { CsvError, parse } from "csv-parse/sync";
import { format, isValid, parse as parseDate } from "date-fns";
import { cleanText, inputProblem, isEmailAddress, isProfileUrl } from "./candidate.js";
function parseLinkedInConnections(text, file) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const diagnostics = [];
  const candidates = [];
  const reading = () => ({ file, format: "linkedin", candidates, diagnostics });
  const headerIndex = lines.findIndex((line) => /^\s*"?first name"?\s*,/i.test(line));
  if (headerIndex < 0) {
    diagnostics.push(inputProblem(file, 1, "error", "import-not-linkedin", "No header line `First Name,Last Name,\u2026` found: this is not LinkedIn\u2019s Connections.csv", "Export it from LinkedIn: Settings \u203A Data privacy \u203A Get a copy of your data \u203A Connections"));
    return reading();
  }
  const header = parseRows(lines[headerIndex])[0]?.map((name) => name.trim().toLowerCase()) ?? [];
  const column = (name) => {
    const index = header.indexOf(name);
    return index < 0 ? void 0 : index;
  };
  const columns = {
    first: column("first name"),
    last: column("last name"),
    url: column("url"),
    email: column("email address"),
    company: column("company"),
    position: column("position"),
    connectedOn: column("connected on")
  };
  if (columns.last === void 0) {
    diagnostics.push(inputProblem(file, headerIndex + 1, "error", "import-not-linkedin", "The header has no `Last Name` column: this is not LinkedIn\u2019s Connections.csv"));
    return reading();
  }
  const readRow = (cells, line) => {
    if (cells.every((cell2) => cell2.trim() === "")) return;
    if (cells.length !== header.length) {
      const hint = cells.length > header.length ? "A value with a comma must be in double quotes" : "The row may have been cut short";
      diagnostics.push(inputProblem(file, line, "warning", "import-short-row", `The row has ${cells.length} fields but the header has ${header.length}; row skipped`, hint));
      return;
    }
    const cell = (index) => index === void 0 ? void 0 : cleanText(cells[index]);
    const name = [cell(columns.first), cell(columns.last)].filter(Boolean).join(" ");
    if (name === "") {
      diagnostics.push(inputProblem(file, line, "warning", "import-missing-name", "The row has no name; row skipped", "LinkedIn leaves names out for members who closed or hid their account"));
      return;
    }
    const url = cell(columns.url);
    const email = cell(columns.email);
    const connectedOn = cell(columns.connectedOn);
    const since = connectedOn === void 0 ? void 0 : connectionDate(connectedOn);
    if (url !== void 0 && !isProfileUrl(url)) diagnostics.push(inputProblem(file, line, "warning", "import-invalid-url", `Not a profile URL, left out: ${JSON.stringify(url)}`));
    if (email !== void 0 && !isEmailAddress(email)) diagnostics.push(inputProblem(file, line, "warning", "import-invalid-email", `Not an email address, left out: ${JSON.stringify(email)}`));
    if (connectedOn !== void 0 && since === void 0) {
      diagnostics.push(inputProblem(file, line, "warning", "import-invalid-date", `Not a date: ${JSON.stringify(connectedOn)}; the import day is used instead`, "LinkedIn writes dates like 12 Mar 2024"));
    }
    const organization = cell(columns.company);
    const role = cell(columns.position);
    candidates.push({
      line,
      name,
      emails: email !== void 0 && isEmailAddress(email) ? [email] : [],
      source: "linkedin",
      ...organization ? { organization } : {},
      ...role ? { role } : {},
      ...url !== void 0 && isProfileUrl(url) ? { linkedin: url } : {},
      ...since ? { since } : {}
    });
  };
  let next = headerIndex + 1;
  while (next < lines.length) {
    let ended = 0;
    try {
      parseRows(lines.slice(next).join("\n"), (cells, lastLine) => {
        readRow(cells, next + ended + 1);
        ended = lastLine;
      });
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const line = next + ended + 1;
      const reason = error.message.replace(/ at line \d+/, "");
      diagnostics.push(inputProblem(file, line, "error", "import-malformed-csv", `Not valid CSV (${reason}); line skipped`, 'A double quote inside a value must be doubled ("")'));
      next = line;
    }
  }
  return reading();
}
function parseRows(text, onRow) {
  return parse(text, {
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (record, context) => {
      if (!onRow) return record;
      onRow(record, context.lines);
      return null;
    }
  });
}
const DATE_FORMATS = ["d MMM yyyy", "d-MMM-yy", "yyyy-MM-dd", "M/d/yy", "M/d/yyyy"];
const REFERENCE_DAY = new Date(2e3, 0, 1);
function connectionDate(value) {
  for (const pattern of DATE_FORMATS) {
    const date = parseDate(value.trim(), pattern, REFERENCE_DAY);
    if (isValid(date) && date.getFullYear() >= 2002) return format(date, "yyyy-MM-dd");
  }
  return void 0;
}
export {
  connectionDate,
  parseLinkedInConnections
};
