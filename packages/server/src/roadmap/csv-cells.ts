/**
 * CSV for the compliance and evaluation exports (RFC 4180): fields with a comma, quote, CR or LF are
 * quoted with inner quotes doubled, and a text cell a spreadsheet would run as a formula (starting with
 * = + - @, tab or CR) is prefixed with a single quote. Numbers stay numbers.
 */

/** A cell value; null and undefined become empty cells. */
export type CsvValue = string | number | boolean | Date | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** One escaped cell. */
export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const raw = value instanceof Date ? value.toISOString() : value;
  const guarded = formulaStart.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** A CSV document: the header and the rows, CRLF line ends, ending with a line break. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(toCsvCell).join(",")).join("\r\n") + "\r\n";
}
