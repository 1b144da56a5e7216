/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. A text that a spreadsheet would
 * read as a formula (beginning with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so a
 * value a company typed can never run in the finance office's spreadsheet.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines of cells, CRLF-terminated, as spreadsheets expect. */
export function csvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}
