/**
 * Reads one side of a file pair out of DuckDB into shared memory: one SELECT of the columns' read
 * expressions (categories as value hashes or packed 16-bit windows of them) plus a 64-bit hash of each
 * row for duplicate counting; numbers and category codes land in `SharedArrayBuffer`s (so a worker thread
 * can read them without a copy), text as strings. Copying the chunks out bounds a large read, so a
 * Parquet side can also be read in another thread on a DuckDB of its own (`readParquetSideAlone`) while
 * this thread reads the other side.
 */
import { countDuplicateRowHashes } from "@sextant/core";
import {
  createHashCodeTable,
  createWindowCodeTable,
  decodeHashedCodes,
  decodeWindowCodes,
  type HashCodeEntry,
  type HashCodeTable,
} from "./category-codes.js";
import { openDuckDbSession, type DuckDbSession, type ResultChunk } from "./duckdb-session.js";
import { toScanSql } from "./file-format.js";

/** The view names of the two sides. */
export type Side = "ref" | "cur";

/** How a read column is stored. */
export type SideColumnKind = "numeric" | "categorical" | "text";

/** One side's columns in read order: numbers, category codes (-1 missing) or text (null missing). */
export type SideBuffers = (Float64Array | Int32Array | (string | null)[])[];

/**
 * How one read column comes out of the side's SELECT: the SELECT column it is read from and, for a
 * categorical column coded from value hashes, the dictionary entries (hash → code) and, when only a
 * 16-bit window of the hash is read, that window's shift and its part (0–3) of a packed SELECT column.
 * A categorical column without entries arrives as INTEGER codes (ENUM).
 */
export interface SideColumn {
  readonly kind: SideColumnKind;
  readonly source: number;
  readonly entries?: readonly HashCodeEntry[];
  readonly window?: { readonly shift: number; readonly part: number };
}

/** One side's columns and its duplicate-row count. */
export interface SideRead {
  readonly buffers: SideBuffers;
  readonly duplicateRows: number;
}

function allocate(columns: readonly SideColumn[], rowCount: number): SideBuffers {
  return columns.map(({ kind }) =>
    kind === "numeric"
      ? new Float64Array(new SharedArrayBuffer(8 * rowCount))
      : kind === "categorical"
        ? new Int32Array(new SharedArrayBuffer(4 * rowCount))
        : [],
  );
}

/** How a read column's values are decoded: by whole value hash, by hash window, or copied as they are. */
type Decoder =
  | { readonly by: "hash"; readonly table: HashCodeTable }
  | { readonly by: "window"; readonly codes: Int32Array; readonly part: number }
  | { readonly by: "copy" };

function toDecoder(column: SideColumn): Decoder {
  if (column.kind !== "categorical" || column.entries === undefined) return { by: "copy" };
  if (column.window !== undefined) {
    const codes = createWindowCodeTable(column.entries, column.window.shift);
    return { by: "window", codes, part: column.window.part };
  }
  const table = createHashCodeTable(column.entries);
  // The same entries built a table when the dictionary was listed, so they cannot collide here.
  if (table === undefined) throw new Error("category hashes collide");
  return { by: "hash", table };
}

function copyChunk(input: {
  chunk: ResultChunk;
  columns: readonly SideColumn[];
  buffers: SideBuffers;
  decoders: readonly Decoder[];
  offset: number;
}): void {
  const { chunk, offset } = input;
  const rowCount = chunk.rowCount;
  // A packed SELECT column is read by up to four columns: its words are fetched once per chunk.
  const words = new Map<number, Uint32Array>();
  const wordsOf = (source: number) => {
    let w = words.get(source);
    if (w === undefined) words.set(source, (w = chunk.wordColumn(source)));
    return w;
  };
  input.buffers.forEach((buffer, i) => {
    const { source } = input.columns[i]!;
    const decoder = input.decoders[i]!;
    if (Array.isArray(buffer)) {
      for (const v of chunk.valueColumn(source)) buffer.push(typeof v === "string" ? v : null);
    } else if (decoder.by === "window") {
      const out = buffer as Int32Array;
      decodeWindowCodes({
        words: wordsOf(source),
        rowCount,
        part: decoder.part,
        codes: decoder.codes,
        out,
        offset,
      });
    } else if (decoder.by === "hash") {
      const out = buffer as Int32Array;
      decodeHashedCodes({ words: wordsOf(source), rowCount, table: decoder.table, out, offset });
    } else {
      (buffer as Float64Array).set(chunk.typedColumn(source).subarray(0, rowCount), offset);
    }
  });
}

/** The per-side SELECT: the read expressions, then a 64-bit hash of them all for duplicate rows. */
export function toSideSelectSql(side: Side, expressions: readonly string[]): string {
  const names = expressions.map((_, i) => `c${i}`);
  const inner = expressions.map((e, i) => `${e} AS ${names[i]!}`).join(", ");
  return `SELECT ${names.join(", ")}, hash(${names.join(", ")}) FROM (SELECT ${inner} FROM ${side})`;
}

/**
 * Runs a side's SELECT (`toSideSelectSql` of `selectCount` expressions) and reads `columns` out of it
 * (each from its SELECT column), counting duplicate rows by the row hash after the expressions.
 */
export async function readSideRows(input: {
  readonly session: DuckDbSession;
  readonly sql: string;
  readonly selectCount: number;
  readonly columns: readonly SideColumn[];
  readonly rowCount: number;
}): Promise<SideRead> {
  const { columns } = input;
  const buffers = allocate(columns, input.rowCount);
  if (input.selectCount === 0) return { buffers, duplicateRows: 0 };
  const decoders = columns.map(toDecoder);
  const hashColumn = input.selectCount;
  const hashes = new Uint32Array(2 * input.rowCount);
  let offset = 0;
  await input.session.readChunks(input.sql, (chunk) => {
    copyChunk({ chunk, columns, buffers, decoders, offset });
    hashes.set(chunk.wordColumn(hashColumn).subarray(0, 2 * chunk.rowCount), 2 * offset);
    offset += chunk.rowCount;
  });
  return { buffers, duplicateRows: countDuplicateRowHashes(hashes) };
}

/** What another thread needs to read the current side of a Parquet pair on its own DuckDB. */
export interface SideReadRequest {
  readonly path: string;
  /** `toSideSelectSql("cur", …)`: the file is the view `cur` there too. */
  readonly sql: string;
  readonly selectCount: number;
  readonly columns: readonly SideColumn[];
  readonly rowCount: number;
}

/** Reads a side somewhere else (another thread); rejects when it cannot. */
export type SideReader = (request: SideReadRequest) => Promise<SideRead>;

/**
 * Opens a DuckDB of its own (one thread) with the Parquet file at `path` as the view `cur`: what
 * `readParquetSideAlone` reads from. Opened ahead (while the other thread profiles the files), it takes
 * DuckDB's loading and opening off the read's critical path.
 */
export async function openParquetSide(path: string): Promise<DuckDbSession> {
  const session = await openDuckDbSession({ threads: 1, connections: 1 });
  try {
    await session.run(`CREATE VIEW cur AS SELECT * FROM ${toScanSql(path, "parquet")}`);
    return session;
  } catch (error) {
    session.close();
    throw error;
  }
}

/**
 * Reads a Parquet side on a DuckDB of its own (one thread), as `readSideRows` does in the main session;
 * `opened` is a session `openParquetSide(request.path)` opened ahead. The session is closed before this
 * returns, or, with `release`, handed to the caller after a successful read (closing a DuckDB frees its
 * buffers, which takes a while: the worker does it once its scoring is done). A failed read closes it.
 */
export async function readParquetSideAlone(
  request: SideReadRequest,
  opened?: Promise<DuckDbSession>,
  release?: (session: DuckDbSession) => void,
): Promise<SideRead> {
  const session = await (opened ?? openParquetSide(request.path));
  let released = false;
  try {
    const read = await readSideRows({ session, ...request });
    if (release !== undefined) {
      release(session);
      released = true;
    }
    return read;
  } finally {
    if (!released) session.close();
  }
}
