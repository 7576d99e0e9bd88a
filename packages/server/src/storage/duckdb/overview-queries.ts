/** DuckDB implementation of the overview's bulk reads (see overview-store.ts). */
import type { OverviewStore } from "../overview-store.js";
import { monitorRunFromRow, monitorStateFromRow } from "../overview-rows.js";
import type { QueryFn } from "./monitoring-gather.js";
import { toEventTableName } from "./sql-text.js";

/** Creates the overview part of the DuckDB store. */
export function createDuckDbOverviewStore(db: { readonly query: QueryFn }): OverviewStore {
  const { query } = db;
  return {
    async listMonitorStatuses() {
      const runs = await query("SELECT * FROM monitor_runs");
      const states = await query("SELECT * FROM monitor_states ORDER BY monitor_id, segment_key");
      return { runs: runs.map(monitorRunFromRow), states: states.map(monitorStateFromRow) };
    },
    async countPredictions(versionIds) {
      const counts = new Map(versionIds.map((id) => [id, 0]));
      if (versionIds.length === 0) return counts;
      const tables = new Map(versionIds.map((id) => [toEventTableName("predictions", id), id]));
      const existing = await query(
        `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN (${[
          ...tables.keys(),
        ]
          .map((_, i) => `$${i + 1}`)
          .join(", ")})`,
        [...tables.keys()],
      );
      const present = existing.map((row) => String(row.table_name));
      if (present.length === 0) return counts;
      // Table names come from toEventTableName, which accepts only Sextant ids.
      const rows = await query(
        present.map((table) => `SELECT '${table}' AS t, count(*) AS n FROM ${table}`).join(" UNION ALL "),
      );
      for (const row of rows) counts.set(tables.get(String(row.t))!, Number(row.n));
      return counts;
    },
  };
}
