/**
 * Reads the rows of an uploaded CSV or Parquet file with a throwaway in-memory DuckDB. CSV cells are
 * read as text so the version schema, not a sniffer, decides types. Independent of the Store.
 */
import { DuckDBInstance } from "@duckdb/node-api";

/** The rows of a file as plain objects: CSV cells stay text (typed later by the schema), Parquet keeps its types. */
export async function readFileRows(
  path: string,
  format: "csv" | "parquet",
): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1", memory_limit: "512MB" });
  try {
    const connection = await instance.connect();
    try {
      const source =
        format === "csv" ? "read_csv($1, header = true, all_varchar = true)" : "read_parquet($1)";
      const reader = await connection.runAndReadAll(`SELECT * FROM ${source}`, [path]);
      return reader.getRowObjectsJS();
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
