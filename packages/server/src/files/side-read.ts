/**
 * Reads one side of a file pair out of DuckDB into shared memory: one SELECT of the columns' read
 * expressions plus a 64-bit hash of each row for duplicate counting; numbers and category codes land in
 * `SharedArrayBuffer`s (so a worker thread can read them without a copy), text as strings. Copying the
 * chunks out bounds a large read, so a Parquet side can also be read in another thread on a DuckDB of its
 * own (`readParquetSideAlone`) while this thread reads the other side.
 */
import { countDuplicateRowHashes } from "@sextant/core";
import {
  createHashCodeTable,
  decodeHashedCodes,
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

/** One side's columns and its duplicate-row count. */
export interface SideRead {
  readonly buffers: SideBuffers;
  readonly duplicateRows: number;
}

function allocate(kinds: readonly SideColumnKind[], rowCount: number): SideBuffers {
  return kinds.map((kind) =>
    kind === "numeric"
      ? new Float64Array(new SharedArrayBuffer(8 * rowCount))
      : kind === "categorical"
        ? new Int32Array(new SharedArrayBuffer(4 * rowCount))
        : [],
  );
}

function copyChunk(input: {
  chunk: ResultChunk;
  buffers: SideBuffers;
  tables: readonly (HashCodeTable | undefined)[];
  offset: number;
}): void {
  const { chunk, offset } = input;
  input.buffers.forEach((buffer, i) => {
    const table = input.tables[i];
    if (Array.isArray(buffer)) {
      for (const v of chunk.valueColumn(i)) buffer.push(typeof v === "string" ? v : null);
    } else if (table !== undefined) {
      const out = buffer as Int32Array;
      decodeHashedCodes({ words: chunk.wordColumn(i), rowCount: chunk.rowCount, table, out, offset });
    } else {
      (buffer as Float64Array).set(chunk.typedColumn(i).subarray(0, chunk.rowCount), offset);
    }
  });
}

/** The per-side SELECT: the columns' read expressions, then a 64-bit hash of them for duplicate rows. */
export function toSideSelectSql(side: Side, expressions: readonly string[]): string {
  const names = expressions.map((_, i) => `c${i}`);
  const inner = expressions.map((e, i) => `${e} AS ${names[i]!}`).join(", ");
  return `SELECT ${names.join(", ")}, hash(${names.join(", ")}) FROM (SELECT ${inner} FROM ${side})`;
}

/**
 * Runs a side's SELECT (`toSideSelectSql`) and copies its columns out: `kinds` and `tables` (the hash
 * tables of categorical columns read as value hashes) follow the SELECT's column order.
 */
export async function readSideRows(input: {
  readonly session: DuckDbSession;
  readonly sql: string;
  readonly kinds: readonly SideColumnKind[];
  readonly tables: readonly (HashCodeTable | undefined)[];
  readonly rowCount: number;
}): Promise<SideRead> {
  const buffers = allocate(input.kinds, input.rowCount);
  if (input.kinds.length === 0) return { buffers, duplicateRows: 0 };
  const hashColumn = input.kinds.length;
  const hashes = new Uint32Array(2 * input.rowCount);
  let offset = 0;
  await input.session.readChunks(input.sql, (chunk) => {
    copyChunk({ chunk, buffers, tables: input.tables, offset });
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
  readonly kinds: readonly SideColumnKind[];
  /** The hash tables' entries of categorical columns (tables themselves do not cross threads). */
  readonly entries: readonly (readonly HashCodeEntry[] | undefined)[];
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
    const tables = request.entries.map((entries) => {
      if (entries === undefined) return undefined;
      const table = createHashCodeTable(entries);
      // The same entries built a table in the calling thread, so they cannot collide here.
      if (table === undefined) throw new Error("category hashes collide");
      return table;
    });
    const read = await readSideRows({
      session,
      sql: request.sql,
      kinds: request.kinds,
      tables,
      rowCount: request.rowCount,
    });
    if (release !== undefined) {
      release(session);
      released = true;
    }
    return read;
  } finally {
    if (!released) session.close();
  }
}
