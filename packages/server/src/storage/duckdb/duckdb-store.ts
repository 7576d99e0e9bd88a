/**
 * The DuckDB adapter of the Store port: one file owned by this process, a writer connection whose
 * transactions are serialised, and a reader connection for queries. A commit returns only after
 * DuckDB has synced its write-ahead log, which is what makes an acknowledged batch durable.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import type { Page, PageRequest, SchemaRecord } from "../../registry/records.js";
import type { EventBatch, EventLayout, WriteOutcome } from "../event-batch.js";
import { UniqueViolationError, type Store } from "../store.js";
import { applyMigrations } from "./migrations.js";
import { dropEventTable, ensureEventTable, ensureVersionEventTables } from "./event-tables.js";
import { writeEventBatchesInTransaction } from "./event-batch-transaction.js";
import { countVersionEvents, listVersionEvents } from "./event-queries.js";
import {
  modelFromRow,
  modelToParams,
  referenceFromRow,
  schemaToJson,
  segmentFromRow,
  versionFromRow,
  versionToParams,
  workspaceFromRow,
  type Row,
} from "./registry-rows.js";
import { createSerialQueue } from "./serial-queue.js";
import { deleteExpiredEvents } from "./event-retention.js";
import { createDuckDbMonitoringStore } from "./monitoring-duckdb-store.js";
import { insertSchemaRevision } from "./signal-queries.js";
import { createDuckDbAuthStore } from "./auth-queries.js";
import { createDuckDbRoadmapStore } from "./roadmap-duckdb-store.js";
import { createDuckDbOverviewStore } from "./overview-queries.js";
import { readRecordPage } from "../sql-pages.js";

/** Options of the DuckDB store. */
export interface DuckDbStoreOptions {
  /** Database file path, or ":memory:" for tests. */
  readonly path: string;
  readonly memoryLimit: string;
  readonly threads: number;
  /** WAL size that triggers an automatic checkpoint (DuckDB's default, 16MB, when absent). */
  readonly checkpointThreshold?: string;
}

/** The file is held by another process (DuckDB allows one writer process per file). */
export class StoreLockedError extends Error {
  constructor(path: string, cause: unknown) {
    super(`the database file ${path} is in use by another process`, { cause });
    this.name = "StoreLockedError";
  }
}

const ts = (index: number): string => `CAST($${index} AS TIMESTAMP)`;

/** `column IN ($n, ...)` over the ids (pushed onto params); an empty list matches nothing. */
function toIdListCondition(column: string, ids: readonly string[], params: DuckDBValue[]): string {
  if (ids.length === 0) return "FALSE";
  const placeholders = ids.map((id) => {
    params.push(id);
    return `$${params.length}`;
  });
  return `${column} IN (${placeholders.join(", ")})`;
}

async function openInstance(options: DuckDbStoreOptions): Promise<DuckDBInstance> {
  if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
  try {
    return await DuckDBInstance.create(options.path, {
      memory_limit: options.memoryLimit,
      threads: String(options.threads),
      ...(options.checkpointThreshold === undefined
        ? {}
        : { checkpoint_threshold: options.checkpointThreshold }),
    });
  } catch (error) {
    if (/lock/i.test((error as Error).message)) throw new StoreLockedError(options.path, error);
    throw error;
  }
}

/** Opens (creating and migrating when needed) a DuckDB store. */
export async function openDuckDbStore(options: DuckDbStoreOptions): Promise<Store> {
  const instance = await openInstance(options);
  const writer = await instance.connect();
  const reader = await instance.connect();
  await applyMigrations(writer);
  const writes = createSerialQueue();
  const reads = createSerialQueue();
  const stagingCache = new Map<string, string>();
  let closed = false;

  const query = (sql: string, params: DuckDBValue[] = []): Promise<Row[]> =>
    reads.run(async () => (await reader.runAndReadAll(sql, params)).getRowObjectsJS() as Row[]);
  const queryOne = async <T>(
    sql: string,
    params: DuckDBValue[],
    convert: (row: Row) => T,
  ): Promise<T | undefined> => {
    const rows = await query(sql, params);
    return rows[0] === undefined ? undefined : convert(rows[0]);
  };
  const execute = (sql: string, params: DuckDBValue[] = []): Promise<void> =>
    writes.run(async () => {
      await writer.run(sql, params);
    });
  const inTransaction = <T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> =>
    writes.run(async () => {
      await writer.run("BEGIN TRANSACTION");
      try {
        const result = await work(writer);
        await writer.run("COMMIT");
        return result;
      } catch (error) {
        await writer.run("ROLLBACK");
        throw error;
      }
    });
  const assertAbsent = async (
    connection: DuckDBConnection,
    sql: string,
    params: DuckDBValue[],
    field: string,
  ): Promise<void> => {
    const found = (await connection.runAndReadAll(sql, params)).getRowsJS();
    if (found.length > 0) throw new UniqueViolationError(field);
  };
  const page = <T>(
    from: string,
    conditions: string[],
    params: DuckDBValue[],
    request: PageRequest,
    convert: (row: Row) => T,
  ): Promise<Page<T>> => readRecordPage(query, { from, conditions, params, request, convert });

  return {
    ...createDuckDbMonitoringStore({ query, execute, inTransaction }),
    ...createDuckDbAuthStore({ query, execute, inTransaction }),
    ...createDuckDbRoadmapStore({ query, execute, inTransaction }),
    ...createDuckDbOverviewStore({ query }),
    dialect: "duckdb",
    async ping() {
      await query("SELECT 1");
    },
    async close() {
      if (closed) return;
      closed = true;
      await writes.run(async () => {
        await writer.run("CHECKPOINT");
      });
      await reads.run(() => Promise.resolve());
      writer.closeSync();
      reader.closeSync();
      instance.closeSync();
    },

    insertWorkspace: (record) =>
      inTransaction(async (connection) => {
        await assertAbsent(connection, "SELECT 1 FROM workspaces WHERE slug = $1", [record.slug], "slug");
        await connection.run(`INSERT INTO workspaces VALUES ($1, $2, $3, $4, ${ts(5)}, ${ts(6)})`, [
          record.id,
          record.slug,
          record.name,
          record.description,
          record.createdAt.toISOString(),
          record.updatedAt.toISOString(),
        ]);
      }),
    updateWorkspace: (record) =>
      execute(`UPDATE workspaces SET name = $2, description = $3, updated_at = ${ts(4)} WHERE id = $1`, [
        record.id,
        record.name,
        record.description,
        record.updatedAt.toISOString(),
      ]),
    findWorkspace: (id) => queryOne("SELECT * FROM workspaces WHERE id = $1", [id], workspaceFromRow),
    listWorkspaces: (filter) => {
      const where: string[] = [];
      const params: DuckDBValue[] = [];
      if (filter.q !== undefined) {
        params.push(filter.q.toLowerCase());
        where.push(`(contains(lower(name), $${params.length}) OR contains(slug, $${params.length}))`);
      }
      if (filter.ids !== undefined) where.push(toIdListCondition("id", filter.ids, params));
      return page("workspaces", where, params, filter, workspaceFromRow);
    },

    insertModel: (record) =>
      inTransaction(async (connection) => {
        await assertAbsent(
          connection,
          "SELECT 1 FROM models WHERE workspace_id = $1 AND name = $2",
          [record.workspaceId, record.name],
          "name",
        );
        await connection.run(
          `INSERT INTO models VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, ${ts(13)}, ${ts(14)})`,
          modelToParams(record),
        );
      }),
    updateModel: (record) =>
      inTransaction(async (connection) => {
        await assertAbsent(
          connection,
          "SELECT 1 FROM models WHERE workspace_id = $1 AND name = $2 AND id <> $3",
          [record.workspaceId, record.name, record.id],
          "name",
        );
        await connection.run(
          `UPDATE models SET workspace_id = $2, name = $3, description = $4, task = $5, owner_json = $6,
             business_owner_json = $7, stakeholders_json = $8, tags_json = $9, risk_tier = $10,
             cost_per_1k = $11, cost_currency = $12, created_at = ${ts(13)}, updated_at = ${ts(14)}
           WHERE id = $1`,
          modelToParams(record),
        );
      }),
    findModel: (id) => queryOne("SELECT * FROM models WHERE id = $1", [id], modelFromRow),
    listModels: (filter) => {
      const where: string[] = [];
      const params: DuckDBValue[] = [];
      const add = (condition: (index: number) => string, value: DuckDBValue | undefined): void => {
        if (value === undefined) return;
        params.push(value);
        where.push(condition(params.length));
      };
      add((i) => `workspace_id = $${i}`, filter.workspaceId);
      if (filter.workspaceIds !== undefined)
        where.push(toIdListCondition("workspace_id", filter.workspaceIds, params));
      add((i) => `task = $${i}`, filter.task);
      add((i) => `risk_tier = $${i}`, filter.riskTier);
      add((i) => `list_contains(from_json(tags_json, '["VARCHAR"]'), $${i})`, filter.tag);
      add((i) => `json_extract_string(owner_json, '$.name') = $${i}`, filter.owner);
      add((i) => `contains(lower(name), $${i})`, filter.q?.toLowerCase());
      return page("models", where, params, filter, modelFromRow);
    },

    insertVersion: (record) =>
      inTransaction(async (connection) => {
        await assertAbsent(
          connection,
          "SELECT 1 FROM model_versions WHERE model_id = $1 AND name = $2",
          [record.modelId, record.name],
          "name",
        );
        await connection.run(
          `INSERT INTO model_versions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${ts(11)}, ${ts(12)})`,
          versionToParams(record),
        );
      }),
    updateVersion: (record) =>
      execute(
        `UPDATE model_versions SET model_id = $2, name = $3, description = $4, stage = $5, source = $6,
           trigger_text = $7, training_run_ref = $8, dataset_ref = $9, schema_json = $10,
           created_at = ${ts(11)}, updated_at = ${ts(12)} WHERE id = $1`,
        versionToParams(record),
      ),
    findVersion: (id) => queryOne("SELECT * FROM model_versions WHERE id = $1", [id], versionFromRow),
    listVersions: (filter) => {
      const params: DuckDBValue[] = [filter.modelId];
      const where = ["model_id = $1"];
      if (filter.stage !== undefined) {
        params.push(filter.stage);
        where.push("stage = $2");
      }
      return page("model_versions", where, params, filter, versionFromRow);
    },
    saveVersionSchema: (versionId: string, schema: SchemaRecord, layout: EventLayout) =>
      inTransaction(async (connection) => {
        await ensureVersionEventTables(connection, versionId, layout);
        await connection.run(
          `UPDATE model_versions SET schema_json = $2, updated_at = ${ts(3)} WHERE id = $1`,
          [versionId, schemaToJson(schema), schema.updatedAt.toISOString()],
        );
        await insertSchemaRevision(connection, versionId, schema);
      }).finally(() => {
        stagingCache.clear();
      }),

    insertReference: (record, layout) =>
      inTransaction(async (connection) => {
        if (record.kind === "file" && layout !== null) {
          await ensureEventTable(connection, "reference", record.id, layout.reference);
        }
        await connection.run(
          `INSERT INTO reference_sets VALUES ($1, $2, $3, $4, $5, ${ts(6)}, ${ts(7)}, $8, ${ts(9)})`,
          [
            record.id,
            record.versionId,
            record.name,
            record.kind,
            record.rowCount,
            record.from?.toISOString() ?? null,
            record.to?.toISOString() ?? null,
            record.segmentId,
            record.createdAt.toISOString(),
          ],
        );
      }),
    updateReferenceRowCount: (id, rowCount) =>
      execute("UPDATE reference_sets SET row_count = $2 WHERE id = $1", [id, rowCount]),
    findReference: (id) => queryOne("SELECT * FROM reference_sets WHERE id = $1", [id], referenceFromRow),
    listReferences: (filter) =>
      page("reference_sets", ["version_id = $1"], [filter.versionId], filter, referenceFromRow),
    deleteReference: (id) =>
      inTransaction(async (connection) => {
        await dropEventTable(connection, "reference", id);
        await connection.run("DELETE FROM reference_sets WHERE id = $1", [id]);
      }),

    insertSegment: (record) =>
      inTransaction(async (connection) => {
        await assertAbsent(
          connection,
          "SELECT 1 FROM segments WHERE model_id = $1 AND name = $2",
          [record.modelId, record.name],
          "name",
        );
        await connection.run(`INSERT INTO segments VALUES ($1, $2, $3, $4, $5, ${ts(6)}, ${ts(7)})`, [
          record.id,
          record.modelId,
          record.name,
          record.description,
          JSON.stringify(record.conditions),
          record.createdAt.toISOString(),
          record.updatedAt.toISOString(),
        ]);
      }),
    updateSegment: (record) =>
      inTransaction(async (connection) => {
        await assertAbsent(
          connection,
          "SELECT 1 FROM segments WHERE model_id = $1 AND name = $2 AND id <> $3",
          [record.modelId, record.name, record.id],
          "name",
        );
        await connection.run(
          `UPDATE segments SET name = $2, description = $3, conditions_json = $4, updated_at = ${ts(5)} WHERE id = $1`,
          [
            record.id,
            record.name,
            record.description,
            JSON.stringify(record.conditions),
            record.updatedAt.toISOString(),
          ],
        );
      }),
    findSegment: (id) => queryOne("SELECT * FROM segments WHERE id = $1", [id], segmentFromRow),
    listSegments: (filter) => {
      const params: DuckDBValue[] = [filter.modelId];
      const where = ["model_id = $1"];
      if (filter.q !== undefined) {
        params.push(filter.q.toLowerCase());
        where.push("contains(lower(name), $2)");
      }
      return page("segments", where, params, filter, segmentFromRow);
    },
    deleteSegment: (id) => execute("DELETE FROM segments WHERE id = $1", [id]),

    writeEventBatches: (batches: readonly EventBatch[]): Promise<WriteOutcome[]> =>
      writes.run(() => writeEventBatchesInTransaction(writer, batches, stagingCache)),
    listEvents: (versionId, filter) => reads.run(() => listVersionEvents(reader, versionId, filter)),
    countEvents: (versionId) => reads.run(() => countVersionEvents(reader, versionId)),
    deleteEventsBefore: (cutoff) => inTransaction((connection) => deleteExpiredEvents(connection, cutoff)),
  };
}
