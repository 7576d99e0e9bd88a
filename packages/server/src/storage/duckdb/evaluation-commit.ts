/**
 * The DuckDB side of the transactional outbox (decision 0015): an evaluation's states, results and run,
 * then the incidents and deliveries its planner decides from the incident view, all on the store's single
 * writer connection inside one transaction. The single writer is the per-model lock: no other write runs
 * between the view's read and the plan's writes.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { DeliveryRecord, IncidentRecord } from "../../monitoring/monitoring-records.js";
import type { EvaluationWrite, IncidentPlanner, IncidentWritePlan } from "../monitoring-store.js";
import { incidentFromRow, toSegmentKey } from "./monitoring-rows.js";
import type { Row } from "./registry-rows.js";
import { readIncidentView } from "../incident-view.js";

const ts = (date: Date | null): string | null => (date === null ? null : date.toISOString());
const cast = (index: number): string => `CAST($${index} AS TIMESTAMP)`;

async function readRows(connection: DuckDBConnection, sql: string, params: DuckDBValue[]): Promise<Row[]> {
  return (await connection.runAndReadAll(sql, params)).getRowObjectsJS();
}

/** Replaces a JSON-document row by id on the transaction's connection (`*_at` columns are timestamps). */
export async function upsertDocumentRow(
  connection: DuckDBConnection,
  table: string,
  id: string,
  columns: Record<string, DuckDBValue>,
): Promise<void> {
  await connection.run(`DELETE FROM ${table} WHERE id = $1`, [id]);
  const names = Object.keys(columns);
  const values = names.map((name, i) => (name.endsWith("_at") ? cast(i + 2) : `$${i + 2}`));
  await connection.run(`INSERT INTO ${table} (id, ${names.join(", ")}) VALUES ($1, ${values.join(", ")})`, [
    id,
    ...names.map((name) => columns[name] ?? null),
  ]);
}

/** The incidents row of a record. */
export function toIncidentColumns(record: IncidentRecord): Record<string, DuckDBValue> {
  return {
    model_id: record.incident.modelId,
    status: record.incident.status,
    opened_at: new Date(record.incident.openedAtMs).toISOString(),
    resolved_at:
      record.incident.resolvedAtMs === null ? null : new Date(record.incident.resolvedAtMs).toISOString(),
    record_json: JSON.stringify(record),
    created_at: new Date(record.incident.openedAtMs).toISOString(),
  };
}

/** The deliveries row of a record. */
export function toDeliveryColumns(record: DeliveryRecord): Record<string, DuckDBValue> {
  return {
    status: record.status,
    next_attempt_at: ts(record.nextAttemptAt),
    record_json: JSON.stringify(record),
    created_at: ts(record.createdAt),
  };
}

/** Writes an evaluation's states, results (upserted by window) and run on the transaction's connection. */
export async function writeEvaluation(connection: DuckDBConnection, input: EvaluationWrite): Promise<void> {
  const { states, results, run } = input;
  for (const state of states) {
    const key = toSegmentKey(state.segment);
    await connection.run("DELETE FROM monitor_states WHERE monitor_id = $1 AND segment_key = $2", [
      state.monitorId,
      key,
    ]);
    await connection.run("INSERT INTO monitor_states VALUES ($1, $2, $3, $4)", [
      state.monitorId,
      key,
      JSON.stringify(state.state),
      state.detectorState === null || state.detectorState === undefined
        ? null
        : JSON.stringify(state.detectorState),
    ]);
  }
  // One DELETE and one multi-row INSERT per chunk: results upsert by (monitor, segment, window).
  for (let offset = 0; offset < results.length; offset += 500) {
    const chunk = results.slice(offset, offset + 500);
    const keys: DuckDBValue[] = [];
    const matches = chunk.map((result, index) => {
      keys.push(result.monitorId, toSegmentKey(result.segment), result.windowStart.toISOString());
      const base = index * 3;
      return `(monitor_id = $${base + 1} AND segment_key = $${base + 2} AND window_start = ${cast(base + 3)})`;
    });
    await connection.run(`DELETE FROM monitor_results WHERE ${matches.join(" OR ")}`, keys);
    const values: DuckDBValue[] = [];
    const rows = chunk.map((result, index) => {
      values.push(
        result.monitorId,
        result.modelId,
        toSegmentKey(result.segment),
        result.windowStart.toISOString(),
        result.windowEnd.toISOString(),
        result.value,
        result.sampleSize,
        result.severity,
        result.status,
        result.detail,
        JSON.stringify(result.evidence),
        result.evaluatedAt.toISOString(),
      );
      const p = (n: number) => `$${index * 12 + n}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}, ${cast(index * 12 + 4)}, ${cast(index * 12 + 5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${cast(index * 12 + 12)})`;
    });
    await connection.run(`INSERT INTO monitor_results VALUES ${rows.join(", ")}`, values);
  }
  await connection.run("DELETE FROM monitor_runs WHERE monitor_id = $1", [run.monitorId]);
  await connection.run(`INSERT INTO monitor_runs VALUES ($1, ${cast(2)}, $3, ${cast(4)}, ${cast(5)})`, [
    run.monitorId,
    ts(run.lastRunAt),
    run.lastError,
    ts(run.evaluatedUntil),
    ts(run.seenReceivedUntil),
  ]);
}

/** Writes the evaluation, then applies its planner's incidents and deliveries, on one transaction. */
export async function commitEvaluationOn<P extends IncidentWritePlan>(
  connection: DuckDBConnection,
  input: EvaluationWrite & { readonly planner: IncidentPlanner<P> },
): Promise<P> {
  await writeEvaluation(connection, input);
  const view = await readIncidentView<DuckDBValue>((sql, params) => readRows(connection, sql, params), {
    modelId: input.planner.modelId,
    since: input.planner.since.toISOString(),
    sinceSql: cast(2),
  });
  const plan = input.planner.plan(view);
  for (const record of plan.incidents) {
    await upsertDocumentRow(connection, "incidents", record.id, toIncidentColumns(record));
  }
  for (const record of plan.deliveries) {
    await upsertDocumentRow(connection, "deliveries", record.id, toDeliveryColumns(record));
  }
  return plan;
}

/** Reads, changes and writes one incident on the transaction's connection (the writer serialises it). */
export async function changeIncidentOn(
  connection: DuckDBConnection,
  id: string,
  change: (current: IncidentRecord) => IncidentRecord,
): Promise<IncidentRecord | undefined> {
  const row = (await readRows(connection, "SELECT * FROM incidents WHERE id = $1", [id]))[0];
  if (row === undefined) return undefined;
  const next = change(incidentFromRow(row));
  await upsertDocumentRow(connection, "incidents", next.id, toIncidentColumns(next));
  return next;
}
