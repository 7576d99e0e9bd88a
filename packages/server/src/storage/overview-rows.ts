/** Converters of the overview's bulk reads, shared by the adapters (both return the same row shapes). */
import type { MonitorRunRecord, MonitorStateRecord } from "../monitoring/monitoring-records.js";

type Row = Record<string, unknown>;

/** A monitor_runs row to a record. */
export function monitorRunFromRow(row: Row): MonitorRunRecord {
  return {
    monitorId: String(row.monitor_id),
    lastRunAt: (row.last_run_at as Date | null) ?? null,
    lastError: (row.last_error as string | null) ?? null,
    evaluatedUntil: (row.evaluated_until as Date | null) ?? null,
    seenReceivedUntil: (row.seen_received_until as Date | null) ?? null,
  };
}

/** A monitor_states row to a record. */
export function monitorStateFromRow(row: Row): MonitorStateRecord {
  return {
    monitorId: String(row.monitor_id),
    segment: row.segment_key === "" ? null : String(row.segment_key),
    state: JSON.parse(String(row.state_json)) as MonitorStateRecord["state"],
    detectorState: typeof row.detector_json === "string" ? (JSON.parse(row.detector_json) as unknown) : null,
  };
}
