/** Deletes expired raw events from the DuckDB per-version tables (see storage/event-retention.ts). */
import type { DuckDBConnection } from "@duckdb/node-api";
import { listVersionIdsOfTables, type DeletedEventCounts } from "../event-retention.js";
import { systemColumns, toEventTableName } from "./sql-text.js";

/** Deletes predictions with event time before `cutoff`, then orphaned labels and outcomes received before it. */
export async function deleteExpiredEvents(
  connection: DuckDBConnection,
  cutoff: Date,
): Promise<DeletedEventCounts> {
  const tables = (
    await connection.runAndReadAll(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'ev_%'",
    )
  )
    .getRowsJS()
    .map((row) => row[0] as string);
  const existing = new Set(tables);
  const { eventId, timestamp, receivedAt } = systemColumns;
  const cutoffSql = "CAST($1 AS TIMESTAMP)";
  const counts = { predictions: 0, labels: 0, outcomes: 0 };
  for (const versionId of listVersionIdsOfTables(tables)) {
    const predictions = toEventTableName("predictions", versionId);
    const deleted = await connection.run(`DELETE FROM ${predictions} WHERE ${timestamp} < ${cutoffSql}`, [
      cutoff.toISOString(),
    ]);
    counts.predictions += deleted.rowsChanged;
    for (const stream of ["labels", "outcomes"] as const) {
      const table = toEventTableName(stream, versionId);
      if (!existing.has(table)) continue;
      const orphans = await connection.run(
        `DELETE FROM ${table} WHERE ${receivedAt} < ${cutoffSql} AND NOT EXISTS
           (SELECT 1 FROM ${predictions} p WHERE p.${eventId} = ${table}.${eventId})`,
        [cutoff.toISOString()],
      );
      counts[stream] += orphans.rowsChanged;
    }
  }
  return counts;
}
