/**
 * The PostgreSQL adapter of the Store port: a connection pool (jit off, synchronous commit on), real
 * unique constraints instead of the DuckDB adapter's checks in a serialised writer, per-version event
 * tables written with binary COPY, and the auth and monitoring parts composed in. Any number of
 * processes may share one database; nothing here assumes a single writer.
 */
import type { Page, PageRequest, SchemaRecord } from "../../registry/records.js";
import type { EventLayout } from "../event-batch.js";
import type { Store } from "../store.js";
// Timestamps go as ISO-8601 text with "Z", which PostgreSQL reads as the same instant.
import {
  modelFromRow,
  modelToParams,
  referenceFromRow,
  schemaToJson,
  segmentFromRow,
  versionFromRow,
  versionToParams,
  workspaceFromRow,
} from "../duckdb/registry-rows.js";
import { createPgAuthStore } from "./auth-queries.js";
import { dropEventTable, ensureEventTable, ensureVersionEventTables } from "./event-tables.js";
import { countVersionEvents, listVersionEvents } from "./event-queries.js";
import { writeEventBatches } from "./event-writer.js";
import { deleteExpiredEvents } from "./event-retention.js";
import { applyPgMigrations, migrationLockKey } from "./migrations.js";
import { createPgMonitoringStore } from "./monitoring-queries.js";
import { insertSchemaRevision } from "./signal-queries.js";
import { createPgRoadmapStore } from "./roadmap-queries.js";
import { createPgOverviewStore } from "./overview-queries.js";
import {
  assertSafeSchemaName,
  createPgContext,
  createPgPool,
  type Param,
  type PgContext,
  type Row,
} from "./pg-session.js";
import { readFirstRow, readRecordPage } from "../sql-pages.js";

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** libpq-style URL, e.g. postgres://sextant@db:5432/sextant. */
  readonly url: string;
  /** Schema holding every table (created when missing); the server default is `public`. */
  readonly schema?: string | undefined;
  /** Pool size per process. */
  readonly maxConnections?: number | undefined;
}

/** `column = ANY($n)` over the ids; an empty list matches nothing. */
function toIdListCondition(column: string, ids: readonly string[], params: Param[]): string {
  if (ids.length === 0) return "FALSE";
  params.push(ids);
  return `${column} = ANY($${params.length}::text[])`;
}

/** Appends a condition with one parameter when the value is defined. */
function addCondition(
  where: string[],
  params: Param[],
  value: Param | undefined,
  condition: (i: number) => string,
): void {
  if (value === undefined) return;
  params.push(value);
  where.push(condition(params.length));
}

/** Opens a PostgreSQL store: connects, creates the schema when asked and applies pending migrations. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  if (options.schema !== undefined) {
    const bootstrap = createPgPool({ url: options.url, maxConnections: 1 });
    try {
      // Concurrent CREATE SCHEMA IF NOT EXISTS can still collide on pg_namespace, so processes starting
      // together take the migration lock first; one simple query is one implicit transaction.
      await bootstrap.query(
        `SELECT pg_advisory_xact_lock(${migrationLockKey}); ` +
          `CREATE SCHEMA IF NOT EXISTS ${assertSafeSchemaName(options.schema)}`,
      );
    } finally {
      await bootstrap.end();
    }
  }
  const pool = createPgPool({
    url: options.url,
    schema: options.schema,
    maxConnections: options.maxConnections ?? 10,
  });
  const db = createPgContext(pool);
  try {
    await applyPgMigrations(db);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return composePostgresStore(db);
}

function composePostgresStore(db: PgContext): Store {
  const { query, execute, inTransaction } = db;
  let closed = false;
  const one = <T>(sql: string, params: Param[], convert: (row: Row) => T): Promise<T | undefined> =>
    readFirstRow(query, sql, params, convert);
  const page = <T>(
    from: string,
    conditions: string[],
    params: Param[],
    request: PageRequest,
    convert: (row: Row) => T,
  ): Promise<Page<T>> => readRecordPage(query, { from, conditions, params, request, convert });
  const contains = (column: string) => (i: number) => `strpos(lower(${column}), $${i}) > 0`;

  return {
    ...createPgMonitoringStore(db),
    ...createPgAuthStore(db),
    ...createPgRoadmapStore(db),
    ...createPgOverviewStore(db),
    dialect: "postgres",
    async ping() {
      await query("SELECT 1");
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.pool.end();
    },

    insertWorkspace: async (record) => {
      await execute("INSERT INTO workspaces VALUES ($1, $2, $3, $4, $5, $6)", [
        record.id,
        record.slug,
        record.name,
        record.description,
        record.createdAt,
        record.updatedAt,
      ]);
    },
    updateWorkspace: async (record) => {
      await execute("UPDATE workspaces SET name = $2, description = $3, updated_at = $4 WHERE id = $1", [
        record.id,
        record.name,
        record.description,
        record.updatedAt,
      ]);
    },
    findWorkspace: (id) => one("SELECT * FROM workspaces WHERE id = $1", [id], workspaceFromRow),
    listWorkspaces: (filter) => {
      const where: string[] = [];
      const params: Param[] = [];
      addCondition(
        where,
        params,
        filter.q?.toLowerCase(),
        (i) => `(strpos(lower(name), $${i}) > 0 OR strpos(slug, $${i}) > 0)`,
      );
      if (filter.ids !== undefined) where.push(toIdListCondition("id", filter.ids, params));
      return page("workspaces", where, params, filter, workspaceFromRow);
    },

    insertModel: async (record) => {
      await execute(
        "INSERT INTO models VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        modelToParams(record),
      );
    },
    updateModel: async (record) => {
      await execute(
        `UPDATE models SET workspace_id = $2, name = $3, description = $4, task = $5, owner_json = $6,
           business_owner_json = $7, stakeholders_json = $8, tags_json = $9, risk_tier = $10,
           cost_per_1k = $11, cost_currency = $12, created_at = $13, updated_at = $14
         WHERE id = $1`,
        modelToParams(record),
      );
    },
    findModel: (id) => one("SELECT * FROM models WHERE id = $1", [id], modelFromRow),
    listModels: (filter) => {
      const where: string[] = [];
      const params: Param[] = [];
      addCondition(where, params, filter.workspaceId, (i) => `workspace_id = $${i}`);
      if (filter.workspaceIds !== undefined)
        where.push(toIdListCondition("workspace_id", filter.workspaceIds, params));
      addCondition(where, params, filter.task, (i) => `task = $${i}`);
      addCondition(where, params, filter.riskTier, (i) => `risk_tier = $${i}`);
      addCondition(where, params, filter.tag, (i) => `(tags_json::jsonb) ? $${i}`);
      addCondition(where, params, filter.owner, (i) => `(owner_json::jsonb ->> 'name') = $${i}`);
      addCondition(where, params, filter.q?.toLowerCase(), contains("name"));
      return page("models", where, params, filter, modelFromRow);
    },

    insertVersion: async (record) => {
      await execute(
        "INSERT INTO model_versions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        versionToParams(record),
      );
    },
    updateVersion: async (record) => {
      await execute(
        `UPDATE model_versions SET model_id = $2, name = $3, description = $4, stage = $5, source = $6,
           trigger_text = $7, training_run_ref = $8, dataset_ref = $9, schema_json = $10,
           created_at = $11, updated_at = $12 WHERE id = $1`,
        versionToParams(record),
      );
    },
    findVersion: (id) => one("SELECT * FROM model_versions WHERE id = $1", [id], versionFromRow),
    listVersions: (filter) => {
      const where = ["model_id = $1"];
      const params: Param[] = [filter.modelId];
      addCondition(where, params, filter.stage, (i) => `stage = $${i}`);
      return page("model_versions", where, params, filter, versionFromRow);
    },
    saveVersionSchema: (versionId: string, schema: SchemaRecord, layout: EventLayout) =>
      inTransaction(async (client) => {
        // Row lock first: two processes saving one version's schema take turns.
        await client.query("SELECT 1 FROM model_versions WHERE id = $1 FOR UPDATE", [versionId]);
        await ensureVersionEventTables(client, versionId, layout);
        await client.query("UPDATE model_versions SET schema_json = $2, updated_at = $3 WHERE id = $1", [
          versionId,
          schemaToJson(schema),
          schema.updatedAt,
        ]);
        await insertSchemaRevision(client, versionId, schema);
      }),

    insertReference: (record, layout) =>
      inTransaction(async (client) => {
        if (record.kind === "file" && layout !== null) {
          await ensureEventTable(client, "reference", record.id, layout.reference);
        }
        await client.query("INSERT INTO reference_sets VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", [
          record.id,
          record.versionId,
          record.name,
          record.kind,
          record.rowCount,
          record.from,
          record.to,
          record.segmentId,
          record.createdAt,
        ]);
      }),
    updateReferenceRowCount: async (id, rowCount) => {
      await execute("UPDATE reference_sets SET row_count = $2 WHERE id = $1", [id, rowCount]);
    },
    findReference: (id) => one("SELECT * FROM reference_sets WHERE id = $1", [id], referenceFromRow),
    listReferences: (filter) =>
      page("reference_sets", ["version_id = $1"], [filter.versionId], filter, referenceFromRow),
    deleteReference: (id) =>
      inTransaction(async (client) => {
        await dropEventTable(client, "reference", id);
        await client.query("DELETE FROM reference_sets WHERE id = $1", [id]);
      }),

    insertSegment: async (record) => {
      await execute("INSERT INTO segments VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        record.id,
        record.modelId,
        record.name,
        record.description,
        JSON.stringify(record.conditions),
        record.createdAt,
        record.updatedAt,
      ]);
    },
    updateSegment: async (record) => {
      await execute(
        "UPDATE segments SET name = $2, description = $3, conditions_json = $4, updated_at = $5 WHERE id = $1",
        [record.id, record.name, record.description, JSON.stringify(record.conditions), record.updatedAt],
      );
    },
    findSegment: (id) => one("SELECT * FROM segments WHERE id = $1", [id], segmentFromRow),
    listSegments: (filter) => {
      const where = ["model_id = $1"];
      const params: Param[] = [filter.modelId];
      addCondition(where, params, filter.q?.toLowerCase(), contains("name"));
      return page("segments", where, params, filter, segmentFromRow);
    },
    deleteSegment: async (id) => {
      await execute("DELETE FROM segments WHERE id = $1", [id]);
    },

    writeEventBatches: (batches) => writeEventBatches(db, batches),
    listEvents: (versionId, filter) => listVersionEvents(db, versionId, filter),
    countEvents: (versionId) => countVersionEvents(db, versionId),
    deleteEventsBefore: (cutoff) => inTransaction((client) => deleteExpiredEvents(client, cutoff)),
  };
}
