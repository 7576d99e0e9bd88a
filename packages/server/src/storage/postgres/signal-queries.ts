/**
 * PostgreSQL reads and writes of the monitor signals beyond binned counts: seeded samples of embedding
 * vectors per window (same md5 order as DuckDB, so both adapters pick the same rows), ingest rejections
 * and receipts (type errors, unknown fields), and schema revisions, with their migration.
 */
import type { ColumnSpec } from "@sextant/sdk";
import type { IngestRejectionRecord, MonitoringStore } from "../monitoring-store.js";
import type { PgMigration } from "./pg-migration.js";
import { buildWhere, describeSource } from "./monitoring-gather.js";
import type { Param, PgContext, TxClient } from "./pg-session.js";
import { systemColumns, toEventTableName, toTimestampSql } from "./sql-text.js";
import { readEmbeddingSample } from "../embedding-sample.js";
import { ingestRejectionFromRow, schemaRevisionFromRow } from "../signal-rows.js";

type SignalStore = Pick<
  MonitoringStore,
  "readEmbeddings" | "recordIngestRejections" | "readReceipts" | "listSchemaRevisions"
>;

/** Tables of ingest rejections and schema revisions (monitoring range). */
export const signalsPgMigration: PgMigration = {
  version: 210,
  name: "monitoring signals: ingest rejections and schema revisions",
  statements: [
    `CREATE TABLE ingest_rejections (version_id text COLLATE "C" NOT NULL, stream text NOT NULL,
       received_at timestamptz NOT NULL, rejected_rows bigint NOT NULL, type_error_rows bigint NOT NULL,
       unknown_field_rows bigint NOT NULL, fields_json text NOT NULL)`,
    `CREATE INDEX ingest_rejections_version_time ON ingest_rejections (version_id, stream, received_at)`,
    `CREATE TABLE schema_revisions (version_id text COLLATE "C" NOT NULL, revision integer NOT NULL,
       columns_json text NOT NULL, saved_at timestamptz NOT NULL, PRIMARY KEY (version_id, revision))`,
  ],
};

const insertRejectionSql = "INSERT INTO ingest_rejections VALUES ($1, $2, $3, $4, $5, $6, $7)";

function toRejectionParams(record: IngestRejectionRecord): Param[] {
  return [
    record.versionId,
    record.stream,
    record.receivedAt,
    record.rejectedRows,
    record.typeErrorRows,
    record.unknownFieldRows,
    JSON.stringify({ typeErrorsByField: record.typeErrorsByField, unknownFields: record.unknownFields }),
  ];
}

/** Records the rejected rows of a partial ingest inside the transaction that stores its valid rows. */
export async function insertIngestRejection(client: TxClient, record: IngestRejectionRecord): Promise<void> {
  await client.query(insertRejectionSql, toRejectionParams(record));
}

/** Records a schema revision inside the transaction that saves it. */
export async function insertSchemaRevision(
  client: TxClient,
  versionId: string,
  revision: { readonly revision: number; readonly columns: readonly ColumnSpec[]; readonly updatedAt: Date },
): Promise<void> {
  await client.query(
    `INSERT INTO schema_revisions VALUES ($1, $2, $3, $4)
     ON CONFLICT (version_id, revision) DO UPDATE SET columns_json = $3, saved_at = $4`,
    [versionId, revision.revision, JSON.stringify(revision.columns), revision.updatedAt],
  );
}

/** Creates the signal reads and writes of the PostgreSQL store. */
export function createPgSignalStore(db: Pick<PgContext, "query" | "execute">): SignalStore {
  const { query, execute } = db;
  return {
    readEmbeddings: (request) => {
      const described = describeSource(request);
      return readEmbeddingSample<Param>({
        request,
        described,
        where: (params) => buildWhere(request, described, params),
        query,
        dialect: { rowKey: "r.ctid::text", textOrder: ' COLLATE "C"' },
      });
    },

    async recordIngestRejections(record) {
      await execute(insertRejectionSql, toRejectionParams(record));
    },

    async readReceipts({ versionId, stream, fromMs, toMs }) {
      const at = systemColumns.receivedAt;
      const stored = await query(
        `SELECT (extract(epoch FROM ${at}) * 1000)::float8 AS t, count(*) AS n
         FROM ${toEventTableName(stream, versionId)}
         WHERE ${at} >= ${toTimestampSql(fromMs)} AND ${at} < ${toTimestampSql(toMs)}
         GROUP BY ${at} ORDER BY ${at}`,
      );
      const rejected = await query(
        `SELECT * FROM ingest_rejections WHERE version_id = $1 AND stream = $2
           AND received_at >= ${toTimestampSql(fromMs)} AND received_at < ${toTimestampSql(toMs)}
         ORDER BY received_at`,
        [versionId, stream],
      );
      return {
        stored: stored.map((row) => ({ receivedAtMs: Math.round(Number(row.t)), rows: Number(row.n) })),
        rejections: rejected.map((row) => ingestRejectionFromRow(row, versionId, stream)),
      };
    },

    async listSchemaRevisions(versionId) {
      const rows = await query(`SELECT * FROM schema_revisions WHERE version_id = $1 ORDER BY revision`, [
        versionId,
      ]);
      return rows.map((row) => schemaRevisionFromRow(row, versionId));
    },
  };
}
