/** Converters between monitoring rows (JSON documents with ISO dates) and domain records. */
import type {
  ChannelRecord,
  DeliveryRecord,
  IncidentRecord,
  MonitorRecord,
  MonitorResultRecord,
  PolicyRecord,
} from "../../monitoring/monitoring-records.js";
import type { Row } from "./registry-rows.js";

const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Parses a JSON document, turning ISO timestamps in `dateKeys` back into Dates (recursively). */
export function parseDocument(text: unknown, dateKeys: ReadonlySet<string>): unknown {
  return JSON.parse(text as string, (key, value: unknown) =>
    dateKeys.has(key) && typeof value === "string" && isoPattern.test(value) ? new Date(value) : value,
  );
}

const monitorDates = new Set(["createdAt", "updatedAt", "evaluateFrom", "from", "to"]);
const incidentDates = new Set(["at", "updatedAt"]);
const deliveryDates = new Set(["at", "createdAt", "nextAttemptAt"]);

/** The `segment_key` of a scope (segment null = all traffic). */
export function toSegmentKey(segment: string | null): string {
  return segment ?? "";
}

/** A monitors row to a record. */
export function monitorFromRow(row: Row): MonitorRecord {
  return parseDocument(row.record_json, monitorDates) as MonitorRecord;
}

/** An incidents row to a record. */
export function incidentFromRow(row: Row): IncidentRecord {
  return parseDocument(row.record_json, incidentDates) as IncidentRecord;
}

/** An alert_channels row to a record. */
export function channelFromRow(row: Row): ChannelRecord {
  return parseDocument(row.record_json, new Set(["createdAt"])) as ChannelRecord;
}

/** A deliveries row to a record. */
export function deliveryFromRow(row: Row): DeliveryRecord {
  return parseDocument(row.record_json, deliveryDates) as DeliveryRecord;
}

/** A policies row to a record. */
export function policyFromRow(row: Row): PolicyRecord {
  return parseDocument(row.record_json, new Set(["createdAt"])) as PolicyRecord;
}

/** A monitor_results row to a record. */
export function monitorResultFromRow(row: Row): MonitorResultRecord {
  const segmentKey = String(row.segment_key);
  return {
    monitorId: String(row.monitor_id),
    modelId: String(row.model_id),
    segment: segmentKey === "" ? null : segmentKey,
    windowStart: row.window_start as Date,
    windowEnd: row.window_end as Date,
    value: row.value === null ? null : Number(row.value),
    sampleSize: Number(row.sample_size),
    severity: String(row.severity) as MonitorResultRecord["severity"],
    status: String(row.status) as MonitorResultRecord["status"],
    detail: row.detail === null ? null : (row.detail as string),
    evidence: JSON.parse(String(row.evidence_json)) as Record<string, unknown>,
    evaluatedAt: row.evaluated_at as Date,
  };
}
