/**
 * The DuckDB implementation of the MonitoringStore port, composed into the DuckDB store: documents as JSON
 * rows written through the store's serialised writer, results as typed rows, gather reads on the reader.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { Page, PageRequest } from "../../registry/records.js";
import type { MonitoringStore } from "../monitoring-store.js";
import {
  changeIncidentOn,
  commitEvaluationOn,
  toDeliveryColumns,
  toIncidentColumns,
  upsertDocumentRow,
  writeEvaluation,
} from "./evaluation-commit.js";
import {
  findLatestEventTime,
  listLateEventTimes,
  readBins,
  readNumericEdges,
  readValues,
  type QueryFn,
} from "./monitoring-gather.js";
import {
  channelFromRow,
  deliveryFromRow,
  incidentFromRow,
  monitorFromRow,
  monitorResultFromRow,
  policyFromRow,
} from "./monitoring-rows.js";
import type { Row } from "./registry-rows.js";
import { createDuckDbSignalStore } from "./signal-queries.js";
import { monitorStateFromRow } from "../overview-rows.js";
import { joinWhere, readFirstRow, readSqlPage } from "../sql-pages.js";

/** What the DuckDB store lends its monitoring part. */
export interface DuckDbMonitoringContext {
  readonly query: QueryFn;
  readonly execute: (sql: string, params?: DuckDBValue[]) => Promise<void>;
  readonly inTransaction: <T>(work: (connection: DuckDBConnection) => Promise<T>) => Promise<T>;
}

const ts = (date: Date | null): string | null => (date === null ? null : date.toISOString());
const cast = (index: number): string => `CAST($${index} AS TIMESTAMP)`;

/** Creates the monitoring part of the DuckDB store. */
export function createDuckDbMonitoringStore(context: DuckDbMonitoringContext): MonitoringStore {
  const { query, execute, inTransaction } = context;
  const pageOf = <T>(
    table: string,
    where: string[],
    params: DuckDBValue[],
    request: PageRequest,
    order: string,
    convert: (row: Row) => T,
  ): Promise<Page<T>> =>
    readSqlPage(query, { from: table, where: { clause: joinWhere(where), params }, order, request, convert });
  const upsertDocument = (table: string, id: string, columns: Record<string, DuckDBValue>) =>
    inTransaction((connection) => upsertDocumentRow(connection, table, id, columns));
  const findOne = <T>(table: string, id: string, convert: (row: Row) => T): Promise<T | undefined> =>
    readFirstRow(query, `SELECT * FROM ${table} WHERE id = $1`, [id], convert);

  return {
    saveMonitor: (record) =>
      upsertDocument("monitors", record.id, {
        model_id: record.modelId,
        record_json: JSON.stringify(record),
        created_at: ts(record.createdAt),
        updated_at: ts(record.updatedAt),
      }),
    findMonitor: (id) => findOne("monitors", id, monitorFromRow),
    listMonitors: (filter) =>
      filter.modelId === undefined
        ? pageOf("monitors", [], [], filter, "created_at, id", monitorFromRow)
        : pageOf("monitors", ["model_id = $1"], [filter.modelId], filter, "created_at, id", monitorFromRow),
    deleteMonitor: (id) =>
      inTransaction(async (connection) => {
        await connection.run("DELETE FROM monitors WHERE id = $1", [id]);
        await connection.run("DELETE FROM monitor_runs WHERE monitor_id = $1", [id]);
        await connection.run("DELETE FROM monitor_states WHERE monitor_id = $1", [id]);
        await connection.run("DELETE FROM monitor_results WHERE monitor_id = $1", [id]);
      }),

    async loadMonitorRun(monitorId) {
      const rows = await query("SELECT * FROM monitor_runs WHERE monitor_id = $1", [monitorId]);
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        monitorId,
        lastRunAt: (row.last_run_at as Date | null) ?? null,
        lastError: (row.last_error as string | null) ?? null,
        evaluatedUntil: (row.evaluated_until as Date | null) ?? null,
        seenReceivedUntil: (row.seen_received_until as Date | null) ?? null,
      };
    },
    saveMonitorRun: (run) =>
      inTransaction(async (connection) => {
        await connection.run("DELETE FROM monitor_runs WHERE monitor_id = $1", [run.monitorId]);
        await connection.run(`INSERT INTO monitor_runs VALUES ($1, ${cast(2)}, $3, ${cast(4)}, ${cast(5)})`, [
          run.monitorId,
          ts(run.lastRunAt),
          run.lastError,
          ts(run.evaluatedUntil),
          ts(run.seenReceivedUntil),
        ]);
      }),
    async listMonitorStates(monitorId) {
      const rows = await query("SELECT * FROM monitor_states WHERE monitor_id = $1 ORDER BY segment_key", [
        monitorId,
      ]);
      return rows.map(monitorStateFromRow);
    },
    saveEvaluation: (input) => inTransaction((connection) => writeEvaluation(connection, input)),
    commitEvaluation: (input) => inTransaction((connection) => commitEvaluationOn(connection, input)),
    changeIncident: (id, change) => inTransaction((connection) => changeIncidentOn(connection, id, change)),
    listMonitorResults: (filter) => {
      const where = ["monitor_id = $1"];
      const params: DuckDBValue[] = [filter.monitorId];
      if (filter.segment !== undefined) {
        params.push(filter.segment);
        where.push(`segment_key = $${params.length}`);
      }
      if (filter.from !== undefined) {
        params.push(filter.from.toISOString());
        where.push(`window_start >= ${cast(params.length)}`);
      }
      if (filter.to !== undefined) {
        params.push(filter.to.toISOString());
        where.push(`window_start < ${cast(params.length)}`);
      }
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
        `SELECT * FROM monitor_results QUALIFY row_number() OVER (
           PARTITION BY monitor_id, segment_key ORDER BY window_start DESC) = 1 ORDER BY monitor_id, segment_key`,
      );
      return rows.map(monitorResultFromRow);
    },

    saveIncident: (record) => upsertDocument("incidents", record.id, toIncidentColumns(record)),
    findIncident: (id) => findOne("incidents", id, incidentFromRow),
    listIncidents: (filter) => {
      const where: string[] = [];
      const params: DuckDBValue[] = [];
      if (filter.modelId !== undefined) {
        params.push(filter.modelId);
        where.push(`model_id = $${params.length}`);
      }
      if (filter.status !== undefined) {
        params.push(filter.status);
        where.push(`status = $${params.length}`);
      }
      if (filter.unresolvedOrSince !== undefined) {
        params.push(filter.unresolvedOrSince.toISOString());
        where.push(`(status <> 'resolved' OR resolved_at >= ${cast(params.length)})`);
      }
      return pageOf("incidents", where, params, filter, "opened_at DESC, id", incidentFromRow);
    },

    insertChannel: (record) =>
      upsertDocument("alert_channels", record.id, {
        record_json: JSON.stringify(record),
        created_at: ts(record.createdAt),
      }),
    findChannel: (id) => findOne("alert_channels", id, channelFromRow),
    listChannels: (filter) => pageOf("alert_channels", [], [], filter, "created_at, id", channelFromRow),
    deleteChannel: (id) => execute("DELETE FROM alert_channels WHERE id = $1", [id]),

    saveDelivery: (record) => upsertDocument("deliveries", record.id, toDeliveryColumns(record)),
    listDeliveries: (filter) =>
      filter.status === undefined
        ? pageOf("deliveries", [], [], filter, "created_at, id", deliveryFromRow)
        : pageOf("deliveries", ["status = $1"], [filter.status], filter, "created_at, id", deliveryFromRow),
    async listDueDeliveries(at, limit) {
      const rows = await query(
        `SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ${cast(1)}
         ORDER BY next_attempt_at, id LIMIT ${Math.max(1, Math.floor(limit))}`,
        [at.toISOString()],
      );
      return rows.map(deliveryFromRow);
    },

    insertPolicy: (record) =>
      upsertDocument("policies", record.id, {
        record_json: JSON.stringify(record),
        created_at: ts(record.createdAt),
      }),
    findPolicy: (id) => findOne("policies", id, policyFromRow),
    listPolicies: (filter) => pageOf("policies", [], [], filter, "created_at, id", policyFromRow),
    deletePolicy: (id) => execute("DELETE FROM policies WHERE id = $1", [id]),

    readNumericEdges: (request) => readNumericEdges(query, request),
    readBins: (request) => readBins(query, request),
    readValues: (request) => readValues(query, request),
    listLateEventTimes: (input) => listLateEventTimes(query, input),
    findLatestEventTime: (versionId) => findLatestEventTime(query, versionId),
    ...createDuckDbSignalStore({ query, execute }),
  };
}
