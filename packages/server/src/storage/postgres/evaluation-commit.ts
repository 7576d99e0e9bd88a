/**
 * The PostgreSQL side of the transactional outbox (decision 0015). One transaction: the lease fence
 * (`work_leases` row lock), a transaction advisory lock on the model so two processes never plan incidents
 * of one model at once, the evaluation's states, results and run, the incident view read under that lock,
 * then the incidents and deliveries the planner returns. Any failure rolls all of it back.
 */
import type {
  DeliveryRecord,
  IncidentRecord,
  MonitorResultRecord,
  MonitorRunRecord,
} from "../../monitoring/monitoring-records.js";
import type { EvaluationWrite, IncidentPlanner, IncidentWritePlan } from "../monitoring-store.js";
import { incidentFromRow, toSegmentKey } from "../duckdb/monitoring-rows.js";
import { queryRows, type Param, type TxClient } from "./pg-session.js";
import { assertLeaseHeld } from "./pg-work-leases.js";
import { readIncidentView } from "../incident-view.js";

// Two-int advisory key space: class 7305 names start-up sections (pg-work-leases.ts); 7306 locks a model's
// incidents for the length of a transaction.
export const incidentLockClass = 7306;

function toJsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Upserts a monitor's run bookkeeping. */
export async function saveRun(client: TxClient, run: MonitorRunRecord): Promise<void> {
  await client.query(
    `INSERT INTO monitor_runs VALUES ($1, $2, $3, $4, $5) ON CONFLICT (monitor_id) DO UPDATE SET
       last_run_at = excluded.last_run_at, last_error = excluded.last_error,
       evaluated_until = excluded.evaluated_until, seen_received_until = excluded.seen_received_until`,
    [run.monitorId, run.lastRunAt, run.lastError, run.evaluatedUntil, run.seenReceivedUntil],
  );
}

async function saveResult(client: TxClient, result: MonitorResultRecord): Promise<void> {
  await client.query(
    `INSERT INTO monitor_results VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (monitor_id, segment_key, window_start) DO UPDATE SET model_id = excluded.model_id,
       window_end = excluded.window_end, value = excluded.value, sample_size = excluded.sample_size,
       severity = excluded.severity, status = excluded.status, detail = excluded.detail,
       evidence_json = excluded.evidence_json, evaluated_at = excluded.evaluated_at,
       write_count = monitor_results.write_count + 1`,
    [
      result.monitorId,
      result.modelId,
      toSegmentKey(result.segment),
      result.windowStart,
      result.windowEnd,
      result.value,
      result.sampleSize,
      result.severity,
      result.status,
      result.detail,
      JSON.stringify(result.evidence),
      result.evaluatedAt,
    ],
  );
}

/** The incidents row of a record. */
export function toIncidentColumns(record: IncidentRecord): Record<string, Param> {
  return {
    model_id: record.incident.modelId,
    status: record.incident.status,
    opened_at: new Date(record.incident.openedAtMs),
    resolved_at: record.incident.resolvedAtMs === null ? null : new Date(record.incident.resolvedAtMs),
    record_json: JSON.stringify(record),
    created_at: new Date(record.incident.openedAtMs),
  };
}

/** The deliveries row of a record. */
export function toDeliveryColumns(record: DeliveryRecord): Record<string, Param> {
  return {
    status: record.status,
    next_attempt_at: record.nextAttemptAt,
    record_json: JSON.stringify(record),
    created_at: record.createdAt,
  };
}

/** The upsert statement of a JSON-document row by id, with its parameters. */
export function toDocumentUpsert(
  table: string,
  id: string,
  columns: Record<string, Param>,
): { sql: string; params: Param[] } {
  const names = Object.keys(columns);
  const values = names.map((_, i) => `$${i + 2}`);
  const updates = names.map((name) => `${name} = excluded.${name}`);
  return {
    sql: `INSERT INTO ${table} (id, ${names.join(", ")}) VALUES ($1, ${values.join(", ")})
       ON CONFLICT (id) DO UPDATE SET ${updates.join(", ")}`,
    params: [id, ...names.map((name) => columns[name] ?? null)],
  };
}

/** Checks the fence, then writes an evaluation's states, results and run on the transaction's client. */
export async function writeEvaluation(client: TxClient, input: EvaluationWrite): Promise<void> {
  await assertLeaseHeld(client, input.fence);
  for (const state of input.states) {
    await client.query(
      `INSERT INTO monitor_states VALUES ($1, $2, $3, $4) ON CONFLICT (monitor_id, segment_key)
       DO UPDATE SET state_json = excluded.state_json, detector_json = excluded.detector_json`,
      [
        state.monitorId,
        toSegmentKey(state.segment),
        JSON.stringify(state.state),
        toJsonOrNull(state.detectorState),
      ],
    );
  }
  for (const result of input.results) await saveResult(client, result);
  await saveRun(client, input.run);
}

/** Commits the evaluation and its planner's incidents and deliveries on one transaction's client. */
export async function commitEvaluationOn<P extends IncidentWritePlan>(
  client: TxClient,
  input: EvaluationWrite & { readonly planner: IncidentPlanner<P> },
): Promise<P> {
  const { planner } = input;
  await writeEvaluation(client, input);
  // Held until COMMIT/ROLLBACK: a second process planning this model waits, then reads our incidents.
  await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [incidentLockClass, planner.modelId]);
  const view = await readIncidentView<Param>((sql, params) => queryRows(client, sql, params), {
    modelId: planner.modelId,
    since: planner.since,
    sinceSql: "$2",
  });
  const plan = planner.plan(view);
  for (const record of plan.incidents) {
    const { sql, params } = toDocumentUpsert("incidents", record.id, toIncidentColumns(record));
    await client.query(sql, params);
  }
  for (const record of plan.deliveries) {
    const { sql, params } = toDocumentUpsert("deliveries", record.id, toDeliveryColumns(record));
    await client.query(sql, params);
  }
  return plan;
}

/** Reads, changes and writes one incident under its model's incident lock (as commitEvaluationOn takes). */
export async function changeIncidentOn(
  client: TxClient,
  id: string,
  change: (current: IncidentRecord) => IncidentRecord,
): Promise<IncidentRecord | undefined> {
  const owner = (await queryRows(client, "SELECT model_id FROM incidents WHERE id = $1", [id]))[0];
  if (owner === undefined) return undefined;
  await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
    incidentLockClass,
    String(owner.model_id),
  ]);
  const row = (await queryRows(client, "SELECT * FROM incidents WHERE id = $1", [id]))[0];
  if (row === undefined) return undefined;
  const next = change(incidentFromRow(row));
  const { sql, params } = toDocumentUpsert("incidents", next.id, toIncidentColumns(next));
  await client.query(sql, params);
  return next;
}
