// CSV as RFC 4180 writes it, made safe to open in a spreadsheet. Plain Node-free TypeScript.

/** A cell: text (names, labels, codes: anything a user or Kraken typed) or an exact decimal string. */
export type CsvCell = { readonly text: string } | { readonly decimal: string } | null;

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return that hides one) as a
 * formula: an account label or asset code like `=HYPERLINK(...)` would become a live link or worse
 * (OWASP "CSV injection"). Such text gets a leading apostrophe, which spreadsheets show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const text = (value: string): CsvCell => ({ text: value });

/** An exact amount, price or value; anything but a plain decimal string is refused, never rounded. */
export function decimal(value: string): CsvCell {
  if (!PLAIN_DECIMAL.test(value)) throw new Error(`not a plain decimal: ${JSON.stringify(value)}`);
  return { decimal: value };
}

function quoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  // A negative amount is a number, not a formula: decimals are written as they are.
  if ('decimal' in cell) return cell.decimal;
  return quoted(FORMULA_START.test(cell.text) ? `'${cell.text}` : cell.text);
}

/** The whole file: a header line, then one line per row, CRLF line ends as RFC 4180 has them. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map((name) => quoted(name)).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
