/** A cell value as the trends tables hold them. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP's list: = + - @, and tab and
 * carriage return, which some importers strip before looking).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, safe to open in a spreadsheet: text that could start a formula gets a leading
 * apostrophe (shown as text, never evaluated), and anything with a comma, quote or line break is
 * quoted (RFC 4180). Numbers are written as they are: a JS number can never spell a formula, and a
 * negative number must stay a number.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and one row per item, CRLF-terminated as RFC 4180 asks. */
export function toCsv<Row>(columns: ReadonlyArray<keyof Row & string>, rows: readonly Row[]): string {
  const line = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return line(columns) + rows.map((row) => line(columns.map((c) => row[c] as CsvCell))).join('');
}

/** A download name that any file system takes: `trends-sentiment-20260310T1000Z-20260311T1000Z.csv`. */
export function csvFilename(name: string, from: string, to: string): string {
  const stamp = (iso: string) =>
    iso
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')
      .replace(/00Z$/, 'Z');
  return `trends-${name.replace(/[^a-z0-9-]/gi, '')}-${stamp(from)}-${stamp(to)}.csv`;
}
