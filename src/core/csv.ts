import { describeValue } from './errors.ts';

/** A CSV column: its header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: keyof Row | ((row: Row) => unknown);
}

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** How a spreadsheet in some locale reads CSV: the cell separator and the decimal separator. */
export interface CsvFormat {
  separator: ',' | ';';
  decimal: '.' | ',';
}

/**
 * The CSV a spreadsheet in `locale` opens as columns: where the decimal separator is a comma
 * (Dutch, German, French…) the list separator is `;` (what Excel uses there), else `,`.
 *
 * @example csvFormatOf('nl-NL') // { separator: ';', decimal: ',' }
 */
export function csvFormatOf(locale: string): CsvFormat {
  const comma = new Intl.NumberFormat(locale).formatToParts(1.5).some((part) => part.type === 'decimal' && part.value === ',');
  return comma ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

function cellText(value: unknown, decimal: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', decimal) : '';
  let text: string;
  try {
    text = String(value);
  } catch {
    // An object whose own "toString" is not a function (JSON can produce one), a symbol…
    text = describeValue(value);
  }
  // Numbers are written as numbers above; any text that a spreadsheet would evaluate is
  // prefixed with an apostrophe so it stays text.
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoted(text: string, separator: string): string {
  return /["\r\n]|^\s|\s$/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows to RFC 4180 CSV: a header line, CRLF line ends, fields quoted when needed. Text cells
 * that start with `=`, `+`, `-`, `@`, tab or CR are prefixed with `'` so no spreadsheet runs them.
 * `format` (default `,` and `.`; `csvFormatOf(locale)` for a reader's spreadsheet) sets the cell
 * and decimal separators.
 *
 * @example
 * toCsv([{ day: '2026-03-21', visitors: 12 }], [{ header: 'Day', value: 'day' }, { header: 'Visitors', value: 'visitors' }])
 * // 'Day,Visitors\r\n2026-03-21,12\r\n'
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[], format: CsvFormat = { separator: ',', decimal: '.' }): string {
  const { separator, decimal } = format;
  const cell = (value: unknown) => quoted(cellText(value, decimal), separator);
  const lines = [columns.map((column) => cell(column.header))];
  for (const row of rows) lines.push(columns.map((column) => cell(typeof column.value === 'function' ? column.value(row) : row[column.value])));
  return lines.map((cells) => `${cells.join(separator)}\r\n`).join('');
}
