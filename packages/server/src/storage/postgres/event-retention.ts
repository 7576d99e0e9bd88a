/** Deletes expired raw events from the PostgreSQL per-version tables (see storage/event-retention.ts). */
import { listVersionIdsOfTables, type DeletedEventCounts } from "../event-retention.js";
import { queryRows, type TxClient } from "./pg-session.js";
import { systemColumns, toEventTableName } from "./sql-text.js";

/** Deletes predictions with event time before `cutoff`, then orphaned labels and outcomes received before it. */
export async function deleteExpiredEvents(client: TxClient, cutoff: Date): Promise<DeletedEventCounts> {
  const tables = (
    await queryRows(
      client,
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_name LIKE 'ev\\_%'`,
    )
  ).map((row) => String(row.table_name));
  const existing = new Set(tables);
  const { eventId, timestamp, receivedAt } = systemColumns;
  const counts = { predictions: 0, labels: 0, outcomes: 0 };
  for (const versionId of listVersionIdsOfTables(tables)) {
    const predictions = toEventTableName("predictions", versionId);
    const deleted = await client.query(`DELETE FROM ${predictions} WHERE ${timestamp} < $1`, [cutoff]);
    counts.predictions += deleted.rowCount ?? 0;
    for (const stream of ["labels", "outcomes"] as const) {
      const table = toEventTableName(stream, versionId);
      if (!existing.has(table)) continue;
      const orphans = await client.query(
        `DELETE FROM ${table} WHERE ${receivedAt} < $1 AND NOT EXISTS
           (SELECT 1 FROM ${predictions} p WHERE p.${eventId} = ${table}.${eventId})`,
        [cutoff],
      );
      counts[stream] += orphans.rowCount ?? 0;
    }
  }
  return counts;
}
