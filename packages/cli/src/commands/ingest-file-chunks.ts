/**
 * Splits a CSV or JSON Lines file into request-sized chunks without loading it whole (CSV chunks
 * repeat the header; quoted fields may span lines), and parses a sample of rows for schema inference
 * with plain JSON types (numbers, booleans, null) the way a CSV reader would type them.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

/** One chunk of a line-based file: its text and how many file bytes it covers. */
export interface FileChunk {
  readonly text: string;
  readonly rows: number;
  readonly bytes: number;
}

function countQuotes(line: string): number {
  let count = 0;
  for (const char of line) if (char === '"') count += 1;
  return count;
}

/** Yields chunks of at most `rowsPerChunk` records; for CSV each chunk starts with the header line. */
export async function* readFileChunks(options: {
  path: string;
  format: "csv" | "jsonl";
  rowsPerChunk: number;
}): AsyncGenerator<FileChunk> {
  const lines = createInterface({ input: createReadStream(options.path), crlfDelay: Infinity });
  let header: string | undefined;
  let records: string[] = [];
  let pending = ""; // a CSV record whose quoted field continues on the next line
  let bytes = 0;
  for await (const line of lines) {
    bytes += Buffer.byteLength(line) + 1;
    const record = pending === "" ? line : `${pending}\n${line}`;
    if (options.format === "csv" && countQuotes(record) % 2 === 1) {
      pending = record;
      continue;
    }
    pending = "";
    if (record.trim() === "") continue;
    if (options.format === "csv" && header === undefined) {
      header = record;
      continue;
    }
    records.push(record);
    if (records.length >= options.rowsPerChunk) {
      yield toChunk(header, records, bytes);
      records = [];
      bytes = 0;
    }
  }
  if (records.length > 0) yield toChunk(header, records, bytes);
}

function toChunk(header: string | undefined, records: string[], bytes: number): FileChunk {
  const body = records.join("\n");
  return { text: header === undefined ? body : `${header}\n${body}\n`, rows: records.length, bytes };
}

/** Splits one CSV record into its cells (RFC 4180 quoting). */
export function splitCsvRecord(record: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < record.length; i += 1) {
    const char = record.charAt(i);
    if (quoted) {
      if (char === '"' && record[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** Types a CSV cell as a CSV reader would: empty is null, true/false booleans, numerals numbers. */
export function toJsonCell(cell: string): unknown {
  const trimmed = cell.trim();
  if (trimmed === "") return null;
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
  return cell;
}

/** The first `limit` rows of a CSV or JSON Lines file as JSON objects. */
export async function readSampleRows(options: {
  path: string;
  format: "csv" | "jsonl";
  limit: number;
}): Promise<Record<string, unknown>[]> {
  for await (const chunk of readFileChunks({ ...options, rowsPerChunk: options.limit })) {
    if (options.format === "jsonl") {
      return chunk.text.split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    }
    const [headerLine = "", ...records] = chunk.text.trimEnd().split(/\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const names = splitCsvRecord(headerLine);
    return records.map((record) => {
      const cells = splitCsvRecord(record);
      return Object.fromEntries(names.map((name, index) => [name, toJsonCell(cells[index] ?? "")]));
    });
  }
  return [];
}
