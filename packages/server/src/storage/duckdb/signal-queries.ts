/**
 * DuckDB reads and writes of the monitor signals beyond binned counts: seeded samples of embedding
 * vectors per window, ingest rejections and receipts (type errors, unknown fields), and schema revisions.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { ColumnSpec } from "@sextant/sdk";
import type { IngestRejectionRecord, MonitoringStore } from "../monitoring-store.js";
import { buildWhere, describeSource, type QueryFn } from "./monitoring-gather.js";
import { systemColumns, toEventTableName } from "./sql-text.js";
import { readEmbeddingSample } from "../embedding-sample.js";
import { ingestRejectionFromRow, schemaRevisionFromRow } from "../signal-rows.js";

type SignalStore = Pick<
  MonitoringStore,
  "readEmbeddings" | "recordIngestRejections" | "readReceipts" | "listSchemaRevisions"
>;

const insertRejectionSql = `INSERT INTO ingest_rejections VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5, $6, $7)`;

function toRejectionParams(record: IngestRejectionRecord): DuckDBValue[] {
  return [
    record.versionId,
    record.stream,
    record.receivedAt.toISOString(),
    record.rejectedRows,
    record.typeErrorRows,
    record.unknownFieldRows,
    JSON.stringify({ typeErrorsByField: record.typeErrorsByField, unknownFields: record.unknownFields }),
  ];
}

/** Records the rejected rows of a partial ingest inside the transaction that stores its valid rows. */
export async function insertIngestRejection(
  connection: DuckDBConnection,
  record: IngestRejectionRecord,
): Promise<void> {
  await connection.run(insertRejectionSql, toRejectionParams(record));
}

/** Records a schema revision inside the transaction that saves it. */
export async function insertSchemaRevision(
  connection: DuckDBConnection,
  versionId: string,
  revision: { readonly revision: number; readonly columns: readonly ColumnSpec[]; readonly updatedAt: Date },
): Promise<void> {
  await connection.run(`DELETE FROM schema_revisions WHERE version_id = $1 AND revision = $2`, [
    versionId,
    revision.revision,
  ]);
  await connection.run(`INSERT INTO schema_revisions VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP))`, [
    versionId,
    revision.revision,
    JSON.stringify(revision.columns),
    revision.updatedAt.toISOString(),
  ]);
}

/** Creates the signal reads and writes of the DuckDB store. */
export function createDuckDbSignalStore(context: {
  readonly query: QueryFn;
  readonly execute: (sql: string, params?: DuckDBValue[]) => Promise<void>;
}): SignalStore {
  const { query, execute } = context;
  return {
    readEmbeddings: (request) => {
      const described = describeSource(request);
      return readEmbeddingSample<DuckDBValue>({
        request,
        described,
        where: (params) => buildWhere(request, described, params),
        query,
        dialect: { rowKey: "CAST(r.rowid AS VARCHAR)", textOrder: "" },
      });
    },

    recordIngestRejections: (record) => execute(insertRejectionSql, toRejectionParams(record)),

    async readReceipts({ versionId, stream, fromMs, toMs: untilMs }) {
      const at = systemColumns.receivedAt;
      const range = (from: number, to: number): string =>
        `${at} >= make_timestamp(${Math.round(from) * 1000}) AND ${at} < make_timestamp(${Math.round(to) * 1000})`;
      const stored = await query(
        `SELECT epoch_ms(${at}) AS t, count(*) AS n FROM ${toEventTableName(stream, versionId)}
         WHERE ${range(fromMs, untilMs)} GROUP BY ALL ORDER BY t`,
      );
      const rejected = await query(
        `SELECT * FROM ingest_rejections WHERE version_id = $1 AND stream = $2
           AND received_at >= make_timestamp(${Math.round(fromMs) * 1000})
           AND received_at < make_timestamp(${Math.round(untilMs) * 1000})
         ORDER BY received_at`,
        [versionId, stream],
      );
      return {
        stored: stored.map((row) => ({ receivedAtMs: Number(row.t), rows: Number(row.n) })),
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
