/**
 * Parses one ingested value against its column's value type. Numbers must be JSON numbers (no
 * numeric strings), timestamps are ISO-8601 strings or epoch milliseconds, categories accept
 * numbers and booleans (stored as text). Returns the stored value or an error code and message.
 */
import type { ColumnSpec } from "@sextant/sdk";

/** A parsed value, or why it was refused. */
export type ParsedValue =
  | { readonly ok: true; readonly value: string | number | boolean | readonly number[] | null }
  | { readonly ok: false; readonly code: string; readonly message: string };

const fail = (code: string, message: string): ParsedValue => ({ ok: false, code, message });
const ok = (value: string | number | boolean | readonly number[] | null): ParsedValue => ({
  ok: true,
  value,
});

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  const text = typeof value === "string" ? value : `${value as number | boolean}`;
  return `${typeof value} ${JSON.stringify(text).slice(0, 40)}`;
}

/** The number of the `count` ASCII digits of `text` from `start`, or -1 when one is not a digit. */
function readDigits(text: string, start: number, count: number): number {
  let number = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * Epoch milliseconds of the common UTC form `YYYY-MM-DDTHH:MM:SS[.sss]Z` (or a space for the T) with
 * every part in its plain range, read digit by digit; undefined for anything else, which `Date.parse`
 * then reads. Within those ranges `Date.UTC` and `Date.parse` agree (a test compares them).
 */
function readUtcTimestamp(text: string): number | undefined {
  const length = text.length;
  if (length !== 20 && length !== 24) return undefined;
  if (text.charCodeAt(length - 1) !== 90 /* Z */) return undefined;
  const separator = text.charCodeAt(10);
  if (separator !== 84 /* T */ && separator !== 32 /* space */) return undefined;
  if (text[4] !== "-" || text[7] !== "-" || text[13] !== ":" || text[16] !== ":") return undefined;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  const hour = readDigits(text, 11, 2);
  const minute = readDigits(text, 14, 2);
  const second = readDigits(text, 17, 2);
  let millisecond = 0;
  if (length === 24) {
    if (text[19] !== ".") return undefined;
    millisecond = readDigits(text, 20, 3);
    if (millisecond < 0) return undefined;
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

/** Epoch milliseconds of a timestamp value, or NaN. */
export function toEpochMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "string") return Number.NaN;
  const utc = readUtcTimestamp(value);
  if (utc !== undefined) return utc;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const text = /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || value.length <= 10 ? value : `${value}Z`;
    return Date.parse(text.replace(" ", "T"));
  }
  return Number.NaN;
}

function parseNumberList(value: unknown, length: number, what: string): ParsedValue {
  if (!Array.isArray(value))
    return fail("TYPE_MISMATCH", `expected an array of ${length} numbers, got ${describe(value)}`);
  if (value.length !== length)
    return fail("LENGTH_MISMATCH", `expected ${length} ${what}, got ${value.length}`);
  const numbers: number[] = [];
  for (const item of value as unknown[]) {
    const number = typeof item === "bigint" ? Number(item) : item;
    if (typeof number !== "number" || !Number.isFinite(number))
      return fail("TYPE_MISMATCH", `${what} must be finite numbers`);
    numbers.push(number);
  }
  return ok(numbers);
}

function parseProbabilities(value: unknown, classes: readonly string[]): ParsedValue {
  let list: unknown = value;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const unknownClass = Object.keys(record).find((key) => !classes.includes(key));
    if (unknownClass !== undefined)
      return fail("UNKNOWN_CLASS", `unknown class ${JSON.stringify(unknownClass)}`);
    list = classes.map((name) => record[name] ?? 0);
  }
  const parsed = parseNumberList(list, classes.length, "class probabilities");
  if (parsed.ok && (parsed.value as number[]).some((p) => p < 0 || p > 1)) {
    return fail("OUT_OF_RANGE", "probabilities must lie in [0, 1]");
  }
  return parsed;
}

function parseByType(column: ColumnSpec, value: unknown): ParsedValue {
  switch (column.type) {
    case "numeric": {
      const number = typeof value === "bigint" ? Number(value) : value;
      if (typeof number === "number" && Number.isFinite(number)) return ok(number);
      return fail("TYPE_MISMATCH", `expected a number, got ${describe(value)}`);
    }
    case "boolean":
      if (typeof value === "boolean") return ok(value);
      if (value === 0 || value === 1) return ok(value === 1);
      if (value === "true" || value === "false") return ok(value === "true");
      return fail("TYPE_MISMATCH", `expected a boolean, got ${describe(value)}`);
    case "categorical":
    case "string":
      if (typeof value === "string")
        return value === "" && column.type === "string" ? fail("REQUIRED", "must not be empty") : ok(value);
      if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
        return ok(String(value));
      return fail("TYPE_MISMATCH", `expected a string, got ${describe(value)}`);
    case "text":
      return typeof value === "string"
        ? ok(value)
        : fail("TYPE_MISMATCH", `expected text, got ${describe(value)}`);
    case "timestamp": {
      const ms = toEpochMs(value);
      return Number.isNaN(ms)
        ? fail(
            "INVALID_TIMESTAMP",
            `expected an ISO-8601 timestamp or epoch milliseconds, got ${describe(value)}`,
          )
        : ok(ms);
    }
    case "embedding":
      return parseNumberList(value, column.dimension ?? 0, "embedding components");
    case "probabilities":
      return parseProbabilities(value, column.classes ?? []);
  }
}

const numericText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Converts a CSV cell (always text) to the JSON value the column type expects, when it can. */
function fromText(column: ColumnSpec, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  switch (column.type) {
    case "numeric":
      return numericText.test(trimmed) ? Number(trimmed) : text;
    case "boolean":
      return { true: true, false: false, "1": true, "0": false }[trimmed.toLowerCase()] ?? text;
    case "embedding":
    case "probabilities":
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/**
 * Parses a value of a column; null and missing values are allowed only on nullable columns.
 * `textSource` marks values read from CSV text, which are converted to the column type first.
 */
export function parseColumnValue(column: ColumnSpec, value: unknown, textSource = false): ParsedValue {
  const input = textSource && typeof value === "string" ? fromText(column, value) : value;
  if (input === null || input === undefined) {
    return column.nullable ? ok(null) : fail("REQUIRED", `${column.name} is required`);
  }
  return parseByType(column, input);
}
