/**
 * A short-lived in-memory DuckDB for reading files: small result sets as rows, large ones streamed
 * chunk by chunk straight out of the vectors' typed arrays (no per-value JS objects for numbers).
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBVector } from "@duckdb/node-api";

/** One chunk of a streamed result: its row count and a column accessor. */
export interface StreamedChunk {
  readonly rowCount: number;
  /** The raw typed array behind a fixed-width column (Float64Array for DOUBLE, Int32Array for INTEGER). */
  readonly typedColumn: (index: number) => Float64Array | Int32Array;
  /** A column's values as JS values (strings, numbers, null); for the few non-numeric columns. */
  readonly valueColumn: (index: number) => readonly unknown[];
}

/** A DuckDB connection with the two access patterns the readers need. */
export interface DuckDbSession {
  readonly queryRows: (sql: string) => Promise<unknown[][]>;
  readonly run: (sql: string) => Promise<void>;
  readonly streamChunks: (sql: string, onChunk: (chunk: StreamedChunk) => void) => Promise<void>;
  readonly close: () => void;
}

function typedItems(vector: DuckDBVector): Float64Array | Int32Array {
  // The fixed-width vectors keep their data in a typed array the public API does not expose; reading it
  // directly is what makes a million rows cost milliseconds instead of a million getItem calls.
  const items = (vector as unknown as { items?: unknown }).items;
  if (items instanceof Float64Array || items instanceof Int32Array) return items;
  throw new TypeError(`vector of type ${vector.type.toString()} has no typed items`);
}

/** Opens an in-memory DuckDB using `threads` worker threads. */
export async function openDuckDbSession(options: { threads?: number } = {}): Promise<DuckDbSession> {
  const instance = await DuckDBInstance.create(":memory:", {
    threads: String(options.threads ?? 2),
  });
  const connection: DuckDBConnection = await instance.connect();
  return {
    queryRows: async (sql) => (await connection.runAndReadAll(sql)).getRows() as unknown[][],
    run: async (sql) => {
      await connection.run(sql);
    },
    streamChunks: async (sql, onChunk) => {
      const result = await connection.stream(sql);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (chunk === null || chunk.rowCount === 0) break;
        onChunk({
          rowCount: chunk.rowCount,
          typedColumn: (index) => typedItems(chunk.getColumnVector(index)),
          valueColumn: (index) => chunk.getColumnValues(index),
        });
      }
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
