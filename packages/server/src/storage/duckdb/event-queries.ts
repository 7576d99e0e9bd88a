/** Read-back queries over a version's event tables: predictions joined by id with labels and outcomes. */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { Page } from "../../registry/records.js";
import type { EventCountsRecord, StoredEvent } from "../event-batch.js";
import type { EventFilter } from "../store.js";
import { systemColumns, toEventTableName } from "./sql-text.js";

type Row = Record<string, unknown>;

function stripSystemColumns(struct: unknown): Record<string, unknown> | null {
  if (struct === null || typeof struct !== "object") return null;
  const record = struct as Row;
  if (record[systemColumns.eventId] === null || record[systemColumns.eventId] === undefined) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith("__sx_")) out[key] = typeof value === "bigint" ? Number(value) : value;
  }
  return out;
}

async function tableExists(connection: DuckDBConnection, table: string): Promise<boolean> {
  const reader = await connection.runAndReadAll(
    "SELECT 1 FROM duckdb_tables() WHERE table_name = $1 AND schema_name = 'main'",
    [table],
  );
  return reader.getRowsJS().length > 0;
}

/** Predictions of a version, oldest first, each joined with its label and outcome. */
export async function listVersionEvents(
  connection: DuckDBConnection,
  versionId: string,
  filter: EventFilter,
): Promise<Page<StoredEvent>> {
  const predictions = toEventTableName("predictions", versionId);
  if (!(await tableExists(connection, predictions))) return { items: [], total: 0 };
  const labels = toEventTableName("labels", versionId);
  const outcomes = toEventTableName("outcomes", versionId);
  const { eventId, timestamp } = systemColumns;
  const where: string[] = [];
  const params: DuckDBValue[] = [];
  if (filter.from !== undefined) {
    params.push(filter.from.toISOString());
    where.push(`p.${timestamp} >= CAST($${params.length} AS TIMESTAMP)`);
  }
  if (filter.to !== undefined) {
    params.push(filter.to.toISOString());
    where.push(`p.${timestamp} < CAST($${params.length} AS TIMESTAMP)`);
  }
  const clause = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
  const total = await connection.runAndReadAll(`SELECT count(*) FROM ${predictions} p ${clause}`, params);
  const reader = await connection.runAndReadAll(
    `SELECT p AS p, l AS l, o AS o FROM ${predictions} p
       LEFT JOIN ${labels} l ON l.${eventId} = p.${eventId}
       LEFT JOIN ${outcomes} o ON o.${eventId} = p.${eventId}
     ${clause} ORDER BY p.${timestamp}, p.${eventId} LIMIT ${filter.limit} OFFSET ${filter.offset}`,
    params,
  );
  const items = (reader.getRowObjectsJS() as Row[]).map((row): StoredEvent => {
    const prediction = row.p as Row;
    return {
      eventId: String(prediction[eventId]),
      timestamp: prediction[timestamp] as Date,
      values: stripSystemColumns(prediction) ?? {},
      label: stripSystemColumns(row.l),
      outcome: stripSystemColumns(row.o),
    };
  });
  return { items, total: Number(total.getRowsJS()[0]?.[0] ?? 0) };
}

/** Stored row counts of a version's three streams and how many predictions have a label. */
export async function countVersionEvents(
  connection: DuckDBConnection,
  versionId: string,
): Promise<EventCountsRecord> {
  const predictions = toEventTableName("predictions", versionId);
  if (!(await tableExists(connection, predictions))) {
    return { predictions: 0, labels: 0, outcomes: 0, labelledPredictions: 0 };
  }
  const labels = toEventTableName("labels", versionId);
  const outcomes = toEventTableName("outcomes", versionId);
  const id = systemColumns.eventId;
  const reader = await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM ${predictions}), (SELECT count(*) FROM ${labels}),
            (SELECT count(*) FROM ${outcomes}),
            (SELECT count(*) FROM ${predictions} p SEMI JOIN ${labels} l ON l.${id} = p.${id})`,
  );
  const row = reader.getRowsJS()[0] ?? [];
  return {
    predictions: Number(row[0] ?? 0),
    labels: Number(row[1] ?? 0),
    outcomes: Number(row[2] ?? 0),
    labelledPredictions: Number(row[3] ?? 0),
  };
}
