/**
 * A short-lived in-memory DuckDB for reading files, on DuckDB's C API bindings (`@duckdb/node-bindings`,
 * the layer under `@duckdb/node-api`; it loads in a fraction of the time). Results are streamed with a
 * large buffer, so DuckDB scans on all its threads ahead of the reader, and chunks are read straight out
 * of the vectors' memory (no per-value JS objects for numbers); small results come back as rows.
 */
import duckdb from "@duckdb/node-bindings";

/** One chunk of a result: its row count and column accessors. */
export interface ResultChunk {
  readonly rowCount: number;
  readonly columnCount: number;
  /** A DOUBLE or INTEGER column's memory (NULL rows hold arbitrary values; queries coalesce first). */
  readonly typedColumn: (index: number) => Float64Array | Int32Array;
  /** A 64-bit column (UBIGINT, e.g. `hash(...)`) as little-endian [low, high] 32-bit word pairs. */
  readonly wordColumn: (index: number) => Uint32Array;
  /** A column's values as JS values (strings, numbers, booleans, null). */
  readonly valueColumn: (index: number) => readonly unknown[];
}

/** A DuckDB connection with the access patterns the readers need. */
export interface DuckDbSession {
  /** Runs a query and returns its rows (for small results). */
  readonly queryRows: (sql: string) => Promise<unknown[][]>;
  readonly run: (sql: string) => Promise<void>;
  /** Streams a query's result, calling `onChunk` for each chunk in order. */
  readonly readChunks: (sql: string, onChunk: (chunk: ResultChunk) => void) => Promise<void>;
  readonly close: () => void;
}

const { Type } = duckdb;
const textDecoder = new TextDecoder();

function readString(data: Uint8Array, view: DataView, row: number): string {
  const offset = 16 * row;
  const length = view.getUint32(offset, true);
  // duckdb_string_t: strings of up to 12 bytes are inlined, longer ones are behind a pointer.
  const bytes =
    length <= 12
      ? data.subarray(offset + 4, offset + 4 + length)
      : duckdb.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + offset + 8, length);
  return textDecoder.decode(bytes);
}

const fixedReaders: Partial<Record<number, [number, (view: DataView, row: number) => unknown]>> = {
  [Type.BOOLEAN]: [1, (v, r) => v.getUint8(r) !== 0],
  [Type.TINYINT]: [1, (v, r) => v.getInt8(r)],
  [Type.UTINYINT]: [1, (v, r) => v.getUint8(r)],
  [Type.SMALLINT]: [2, (v, r) => v.getInt16(2 * r, true)],
  [Type.USMALLINT]: [2, (v, r) => v.getUint16(2 * r, true)],
  [Type.INTEGER]: [4, (v, r) => v.getInt32(4 * r, true)],
  [Type.UINTEGER]: [4, (v, r) => v.getUint32(4 * r, true)],
  [Type.BIGINT]: [8, (v, r) => Number(v.getBigInt64(8 * r, true))],
  [Type.UBIGINT]: [8, (v, r) => Number(v.getBigUint64(8 * r, true))],
  [Type.FLOAT]: [4, (v, r) => v.getFloat32(4 * r, true)],
  [Type.DOUBLE]: [8, (v, r) => v.getFloat64(8 * r, true)],
};

/** A column's values as JS values; VARCHAR and the fixed-width number and boolean types only. */
function readValues(vector: duckdb.Vector, type: duckdb.Type, rowCount: number): unknown[] {
  const validity = duckdb.vector_get_validity(vector, 8 * Math.ceil(rowCount / 64)) as Uint8Array | null;
  const isValid = (row: number) => validity === null || (validity[row >> 3]! & (1 << (row & 7))) !== 0;
  const reader = fixedReaders[type];
  const width = type === Type.VARCHAR ? 16 : reader?.[0];
  if (width === undefined) throw new TypeError(`reading DuckDB type ${Type[type]} is not supported`);
  const data = duckdb.vector_get_data(vector, width * rowCount);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const values = new Array<unknown>(rowCount);
  for (let row = 0; row < rowCount; row++) {
    if (!isValid(row)) values[row] = null;
    else values[row] = reader === undefined ? readString(data, view, row) : reader[1](view, row);
  }
  return values;
}

function toResultChunk(chunk: duckdb.DataChunk, types: readonly duckdb.Type[]): ResultChunk {
  const rowCount = duckdb.data_chunk_get_size(chunk);
  const vector = (index: number) => duckdb.data_chunk_get_vector(chunk, index);
  return {
    rowCount,
    columnCount: types.length,
    typedColumn: (index) => {
      if (types[index] === Type.DOUBLE) {
        const data = duckdb.vector_get_data(vector(index), 8 * rowCount);
        return new Float64Array(data.buffer, data.byteOffset, rowCount);
      }
      if (types[index] === Type.INTEGER) {
        const data = duckdb.vector_get_data(vector(index), 4 * rowCount);
        return new Int32Array(data.buffer, data.byteOffset, rowCount);
      }
      throw new TypeError(`column ${index} is not DOUBLE or INTEGER`);
    },
    wordColumn: (index) => {
      if (types[index] !== Type.UBIGINT && types[index] !== Type.BIGINT)
        throw new TypeError(`column ${index} is not a 64-bit integer`);
      const data = duckdb.vector_get_data(vector(index), 8 * rowCount);
      return new Uint32Array(data.buffer, data.byteOffset, 2 * rowCount);
    },
    valueColumn: (index) => readValues(vector(index), types[index]!, rowCount),
  };
}

async function forEachChunk(
  connection: duckdb.Connection,
  sql: string,
  onChunk: (chunk: ResultChunk) => void,
): Promise<void> {
  const prepared = await duckdb.prepare(connection, sql);
  try {
    const result = await duckdb.execute_prepared_streaming(prepared);
    const types = Array.from({ length: duckdb.column_count(result) }, (_, i) =>
      duckdb.column_type(result, i),
    );
    for (;;) {
      const chunk = await duckdb.fetch_chunk(result);
      if (chunk === null) break;
      const read = toResultChunk(chunk, types);
      if (read.rowCount === 0) break;
      onChunk(read);
    }
  } finally {
    duckdb.destroy_prepare_sync(prepared);
  }
}

/**
 * Like `Promise.all`, but when several fail it throws the first failure in argument order (not in time),
 * so a broken reference file is reported as such even when the current file's query failed sooner.
 */
export async function settleInOrder<T extends readonly unknown[]>(
  promises: readonly Promise<unknown>[],
): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const values: unknown[] = [];
  for (const s of settled) {
    if (s.status === "rejected") throw s.reason;
    values.push(s.value);
  }
  return values as unknown as T;
}

/** Hands out idle connections; a caller waits when all are busy. */
function createConnectionPool(connections: readonly duckdb.Connection[]) {
  const idle = [...connections];
  const waiting: ((connection: duckdb.Connection) => void)[] = [];
  return async <T>(use: (connection: duckdb.Connection) => Promise<T>): Promise<T> => {
    const connection = idle.pop() ?? (await new Promise<duckdb.Connection>((r) => waiting.push(r)));
    try {
      return await use(connection);
    } finally {
      const next = waiting.shift();
      if (next === undefined) idle.push(connection);
      else next(connection);
    }
  };
}

/**
 * Opens an in-memory DuckDB using `threads` threads, with `connections` connections so that independent
 * queries (the two sides of a file pair) run at the same time.
 */
export async function openDuckDbSession(
  options: { threads?: number; connections?: number; streamingBufferSize?: string } = {},
): Promise<DuckDbSession> {
  const config = duckdb.create_config();
  duckdb.set_config(config, "threads", String(options.threads ?? 2));
  const database = await duckdb.open(":memory:", config);
  const connections = await Promise.all(
    Array.from({ length: options.connections ?? 2 }, async () => {
      const connection = await duckdb.connect(database);
      // A streamed result is computed ahead on DuckDB's threads up to this buffer; with the default
      // (about 1 MB) producer and consumer take turns chunk by chunk. 16 MB (some 50 chunks) lets the scan
      // run ahead; a larger buffer adds no speed, only memory that is touched fresh (page faults).
      await duckdb.query(
        connection,
        `SET streaming_buffer_size = '${options.streamingBufferSize ?? "16MB"}'`,
      );
      return connection;
    }),
  );
  const withConnection = createConnectionPool(connections);
  return {
    queryRows: (sql) =>
      withConnection(async (connection) => {
        const rows: unknown[][] = [];
        await forEachChunk(connection, sql, (chunk) => {
          const values = Array.from({ length: chunk.columnCount }, (_, c) => chunk.valueColumn(c));
          for (let r = 0; r < chunk.rowCount; r++) rows.push(values.map((column) => column[r]));
        });
        return rows;
      }),
    run: (sql) =>
      withConnection(async (connection) => {
        await duckdb.query(connection, sql);
      }),
    readChunks: (sql, onChunk) => withConnection((connection) => forEachChunk(connection, sql, onChunk)),
    close: () => {
      for (const connection of connections) duckdb.disconnect_sync(connection);
      duckdb.close_sync(database);
    },
  };
}
