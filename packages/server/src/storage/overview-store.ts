/**
 * The overview part of the Store port: the bulk reads behind `GET /overview` (every monitor's run and
 * states, prediction counts of many versions), one query each instead of one per monitor or version.
 */
import type { MonitorRunRecord, MonitorStateRecord } from "../monitoring/monitoring-records.js";

/** Bulk reads of the organisation overview. */
export interface OverviewStore {
  /** Run bookkeeping and per-scope alert states of every monitor. */
  listMonitorStatuses(): Promise<{ runs: MonitorRunRecord[]; states: MonitorStateRecord[] }>;
  /** Prediction counts of these versions (0 for a version with no events yet). */
  countPredictions(versionIds: readonly string[]): Promise<Map<string, number>>;
}
