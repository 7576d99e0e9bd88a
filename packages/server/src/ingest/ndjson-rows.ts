/**
 * Reads an NDJSON request body as a stream of rows without holding the raw text: splits on
 * newlines as bytes arrive, parses each line, enforces the byte limit, skips blank lines and turns
 * an unparsable line into a marker so it is reported like any invalid row.
 */
import { StringDecoder } from "node:string_decoder";
import { AppError } from "../app/app-error.js";

/** A line that is not valid JSON. */
export interface MalformedLine {
  readonly malformed: true;
  readonly message: string;
}

/** True when a row is a malformed-line marker. */
export function isMalformedLine(row: unknown): row is MalformedLine {
  return row instanceof MalformedLineMarker;
}

class MalformedLineMarker implements MalformedLine {
  readonly malformed = true;
  constructor(readonly message: string) {}
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch (error) {
    return new MalformedLineMarker((error as Error).message);
  }
}

/**
 * Yields the rows of an NDJSON byte stream in arrays, one per chunk of the body that completes lines (a
 * consumer's `for await` then costs a promise per chunk, not per row); throws PAYLOAD_TOO_LARGE past
 * `maxBytes`.
 */
export async function* readNdjsonRowChunks(
  body: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<unknown[]> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let bytes = 0;
  for await (const chunk of body) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `the body exceeds ${maxBytes} bytes`);
    pending += typeof chunk === "string" ? chunk : decoder.write(chunk);
    const rows: unknown[] = [];
    let newline = pending.indexOf("\n");
    let start = 0;
    while (newline !== -1) {
      const line = pending.slice(start, newline).trim();
      if (line !== "") rows.push(parseLine(line));
      start = newline + 1;
      newline = pending.indexOf("\n", start);
    }
    pending = pending.slice(start);
    if (rows.length > 0) yield rows;
  }
  const last = (pending + decoder.end()).trim();
  if (last !== "") yield [parseLine(last)];
}

/** Yields the rows of an NDJSON byte stream one by one (see `readNdjsonRowChunks`). */
export async function* readNdjsonRows(
  body: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator {
  for await (const rows of readNdjsonRowChunks(body, maxBytes)) yield* rows;
}
