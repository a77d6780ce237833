/**
 * CSV as RFC 4180 has it (fields separated by commas, records by CRLF, a field that holds a
 * comma, a quote or a line break in double quotes, a quote doubled), made safe for spreadsheets:
 * a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
 * formula by Excel, LibreOffice or Google Sheets, so it gets a leading `'` (OWASP's advice).
 * Reading undoes that prefix, so an export read back gives the text that was written.
 */

const formulaStart = /^[=+\-@\t\r]/;

/** One cell, quoted when it needs to be, formula-safe. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text: a UTF-8 byte order mark (so spreadsheets read UTF-8), CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Thrown for CSV that cannot be read, with the 1-based line of the problem. */
export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvError';
    this.line = line;
  }
}

/** A parsed record and the line it starts on (1-based). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Parse CSV text into rows of cells (RFC 4180; LF line ends and a byte order mark accepted,
 * `;` taken as the separator when the first line has semicolons and no commas, as spreadsheets
 * in many European locales write it). The formula-safety prefix is removed; empty lines are
 * skipped.
 */
export function parseCsv(input: string): CsvRow[] {
  const text = input.replace(/^\ufeff/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: CsvRow[] = [];
  let row: string[] = [];
  let rowLine = 1;
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  let i = 0;
  const endCell = () => {
    row.push(
      cell.length > 1 && cell[0] === "'" && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell,
    );
    cell = '';
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== separator && next !== '\r' && next !== '\n')
          throw new CsvError('a quoted field is followed by text before the next separator', line);
        continue;
      }
      if (char === '\n') line++;
      cell += char;
      i++;
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (char === separator) {
      endCell();
      i++;
    } else if (char === '\r' || char === '\n') {
      endCell();
      rows.push({ line: rowLine, cells: row });
      row = [];
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += char;
      i++;
    }
  }
  if (quoted) throw new CsvError('a quoted field is not closed', quoteLine);
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push({ line: rowLine, cells: row });
  }
  return rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}
