/**
 * The PostgreSQL implementation of the MonitoringStore port: definitions, incidents, channels,
 * deliveries and policies as JSON documents upserted by id, results as typed rows upserted by window
 * (evaluation-commit.ts: one transaction with the incidents and deliveries), and the gather reads.
 */
import type { Page, PageRequest } from "../../registry/records.js";
import type { MonitoringStore } from "../monitoring-store.js";
import {
  channelFromRow,
  deliveryFromRow,
  incidentFromRow,
  monitorFromRow,
  monitorResultFromRow,
  policyFromRow,
} from "../duckdb/monitoring-rows.js";
import { findLatestEventTime, listLateEventTimes, readValues } from "./monitoring-gather.js";
import { readBinsPreferringProfiles, readNumericEdgesPreferringProfiles } from "./profile-gather.js";
import { createPgSignalStore } from "./signal-queries.js";
import {
  changeIncidentOn,
  commitEvaluationOn,
  saveRun,
  toDeliveryColumns,
  toDocumentUpsert,
  toIncidentColumns,
  writeEvaluation,
} from "./evaluation-commit.js";
import type { Param, PgContext, Row } from "./pg-session.js";
import { assertLeaseHeld } from "./pg-work-leases.js";
import { monitorStateFromRow } from "../overview-rows.js";
import { joinWhere, readFirstRow, readSqlPage } from "../sql-pages.js";

/** Creates the monitoring part of the PostgreSQL store. */
export function createPgMonitoringStore(db: PgContext): MonitoringStore {
  const { query, execute, inTransaction } = db;
  const pageOf = <T>(
    table: string,
    where: string[],
    params: Param[],
    request: PageRequest,
    order: string,
    convert: (row: Row) => T,
  ): Promise<Page<T>> =>
    readSqlPage(query, { from: table, where: { clause: joinWhere(where), params }, order, request, convert });
  const upsertDocument = async (table: string, id: string, columns: Record<string, Param>): Promise<void> => {
    const { sql, params } = toDocumentUpsert(table, id, columns);
    await execute(sql, params);
  };
  const findOne = <T>(table: string, id: string, convert: (row: Row) => T): Promise<T | undefined> =>
    readFirstRow(query, `SELECT * FROM ${table} WHERE id = $1`, [id], convert);
  const run = async (sql: string, params: Param[]): Promise<void> => {
    await execute(sql, params);
  };

  return {
    saveMonitor: (record) =>
      upsertDocument("monitors", record.id, {
        model_id: record.modelId,
        record_json: JSON.stringify(record),
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      }),
    findMonitor: (id) => findOne("monitors", id, monitorFromRow),
    listMonitors: (filter) =>
      filter.modelId === undefined
        ? pageOf("monitors", [], [], filter, "created_at, id", monitorFromRow)
        : pageOf("monitors", ["model_id = $1"], [filter.modelId], filter, "created_at, id", monitorFromRow),
    deleteMonitor: (id) =>
      inTransaction(async (client) => {
        for (const [table, column] of [
          ["monitors", "id"],
          ["monitor_runs", "monitor_id"],
          ["monitor_states", "monitor_id"],
          ["monitor_results", "monitor_id"],
        ] as const) {
          await client.query(`DELETE FROM ${table} WHERE ${column} = $1`, [id]);
        }
      }),

    async loadMonitorRun(monitorId) {
      const row = (await query("SELECT * FROM monitor_runs WHERE monitor_id = $1", [monitorId]))[0];
      if (row === undefined) return undefined;
      return {
        monitorId,
        lastRunAt: (row.last_run_at as Date | null) ?? null,
        lastError: (row.last_error as string | null) ?? null,
        evaluatedUntil: (row.evaluated_until as Date | null) ?? null,
        seenReceivedUntil: (row.seen_received_until as Date | null) ?? null,
      };
    },
    saveMonitorRun: (record, fence) =>
      inTransaction(async (client) => {
        await assertLeaseHeld(client, fence);
        await saveRun(client, record);
      }),
    async listMonitorStates(monitorId) {
      const rows = await query("SELECT * FROM monitor_states WHERE monitor_id = $1 ORDER BY segment_key", [
        monitorId,
      ]);
      return rows.map(monitorStateFromRow);
    },
    saveEvaluation: (input) => inTransaction((client) => writeEvaluation(client, input)),
    commitEvaluation: (input) => inTransaction((client) => commitEvaluationOn(client, input)),
    changeIncident: (id, change) => inTransaction((client) => changeIncidentOn(client, id, change)),
    listMonitorResults: (filter) => {
      const where = ["monitor_id = $1"];
      const params: Param[] = [filter.monitorId];
      const add = (value: Param | undefined, condition: (i: number) => string): void => {
        if (value === undefined) return;
        params.push(value);
        where.push(condition(params.length));
      };
      add(filter.segment, (i) => `segment_key = $${i}`);
      add(filter.from, (i) => `window_start >= $${i}`);
      add(filter.to, (i) => `window_start < $${i}`);
      return pageOf(
        "monitor_results",
        where,
        params,
        filter,
        "window_start, segment_key",
        monitorResultFromRow,
      );
    },
    async listLatestMonitorResults() {
      const rows = await query(
        `SELECT DISTINCT ON (monitor_id, segment_key) * FROM monitor_results
         ORDER BY monitor_id, segment_key, window_start DESC`,
      );
      return rows.map(monitorResultFromRow);
    },

    saveIncident: (record) => upsertDocument("incidents", record.id, toIncidentColumns(record)),
    findIncident: (id) => findOne("incidents", id, incidentFromRow),
    listIncidents: (filter) => {
      const where: string[] = [];
      const params: Param[] = [];
      const add = (value: Param | undefined, condition: (i: number) => string): void => {
        if (value === undefined) return;
        params.push(value);
        where.push(condition(params.length));
      };
      add(filter.modelId, (i) => `model_id = $${i}`);
      add(filter.status, (i) => `status = $${i}`);
      add(filter.unresolvedOrSince, (i) => `(status <> 'resolved' OR resolved_at >= $${i})`);
      return pageOf("incidents", where, params, filter, "opened_at DESC, id", incidentFromRow);
    },

    insertChannel: (record) =>
      upsertDocument("alert_channels", record.id, {
        record_json: JSON.stringify(record),
        created_at: record.createdAt,
      }),
    findChannel: (id) => findOne("alert_channels", id, channelFromRow),
    listChannels: (filter) => pageOf("alert_channels", [], [], filter, "created_at, id", channelFromRow),
    deleteChannel: (id) => run("DELETE FROM alert_channels WHERE id = $1", [id]),

    saveDelivery: (record) => upsertDocument("deliveries", record.id, toDeliveryColumns(record)),
    listDeliveries: (filter) =>
      filter.status === undefined
        ? pageOf("deliveries", [], [], filter, "created_at, id", deliveryFromRow)
        : pageOf("deliveries", ["status = $1"], [filter.status], filter, "created_at, id", deliveryFromRow),
    async listDueDeliveries(at, limit) {
      const rows = await query(
        `SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id LIMIT ${Math.max(1, Math.floor(limit))}`,
        [at],
      );
      return rows.map(deliveryFromRow);
    },

    insertPolicy: (record) =>
      upsertDocument("policies", record.id, {
        record_json: JSON.stringify(record),
        created_at: record.createdAt,
      }),
    findPolicy: (id) => findOne("policies", id, policyFromRow),
    listPolicies: (filter) => pageOf("policies", [], [], filter, "created_at, id", policyFromRow),
    deletePolicy: (id) => run("DELETE FROM policies WHERE id = $1", [id]),

    readNumericEdges: (request) => readNumericEdgesPreferringProfiles(query, request),
    readBins: (request) => readBinsPreferringProfiles(query, request),
    readValues: (request) => readValues(query, request),
    listLateEventTimes: (input) => listLateEventTimes(query, input),
    findLatestEventTime: (versionId) => findLatestEventTime(query, versionId),
    ...createPgSignalStore(db),
  };
}
