/**
 * What an incident planner reads inside an evaluation's transaction (decision 0015), for both adapters:
 * the model's open incidents and those resolved since `since`, and its monitors' alert states. Only the
 * placeholder of the time parameter is the dialect's.
 */
import { incidentFromRow } from "./duckdb/monitoring-rows.js";
import type { IncidentView } from "./monitoring-store.js";
import { monitorStateFromRow } from "./overview-rows.js";

/** Runs a SELECT with positional parameters in the transaction and returns its rows. */
export type ReadRowsFn<P> = (sql: string, params: P[]) => Promise<readonly Record<string, unknown>[]>;

export async function readIncidentView<P>(
  read: ReadRowsFn<P>,
  input: {
    readonly modelId: P;
    readonly since: P;
    /** The second parameter as a timestamp in the dialect's SQL (`$2`, `CAST($2 AS TIMESTAMP)`). */
    readonly sinceSql: string;
  },
): Promise<IncidentView> {
  const incidents = await read(
    `SELECT * FROM incidents WHERE model_id = $1 AND (status <> 'resolved' OR resolved_at >= ${input.sinceSql})
     ORDER BY opened_at DESC, id LIMIT 500`,
    [input.modelId, input.since],
  );
  const states = await read(
    `SELECT s.* FROM monitor_states s JOIN monitors m ON m.id = s.monitor_id WHERE m.model_id = $1
     ORDER BY s.monitor_id, s.segment_key`,
    [input.modelId],
  );
  return { incidents: incidents.map(incidentFromRow), states: states.map(monitorStateFromRow) };
}
