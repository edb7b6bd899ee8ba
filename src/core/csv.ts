import { describeValue } from './errors.ts';

/** A CSV column: its header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: keyof Row | ((row: Row) => unknown);
}

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
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

function quoted(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows to RFC 4180 CSV: a header line, CRLF line ends, fields quoted when needed. Text cells
 * that start with `=`, `+`, `-`, `@`, tab or CR are prefixed with `'` so no spreadsheet runs them.
 *
 * @example
 * toCsv([{ day: '2026-03-21', visitors: 12 }], [{ header: 'Day', value: 'day' }, { header: 'Visitors', value: 'visitors' }])
 * // 'Day,Visitors\r\n2026-03-21,12\r\n'
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const lines = [columns.map((column) => quoted(cellText(column.header)))];
  for (const row of rows) {
    lines.push(columns.map((column) => quoted(cellText(typeof column.value === 'function' ? column.value(row) : row[column.value]))));
  }
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}
