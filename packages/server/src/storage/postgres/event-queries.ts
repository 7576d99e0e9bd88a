/** Read-back queries over a version's PostgreSQL event tables: predictions joined by id with labels and outcomes. */
import type { Page } from "../../registry/records.js";
import type { EventCountsRecord, StoredEvent } from "../event-batch.js";
import type { EventFilter } from "../store.js";
import type { Param, PgContext, Row } from "./pg-session.js";
import { systemColumns, toEventTableName } from "./sql-text.js";

function stripSystemColumns(value: unknown): Record<string, unknown> | null {
  if (value === null || typeof value !== "object") return null;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Row)) {
    if (!key.startsWith("__sx_")) out[key] = field;
  }
  return out;
}

async function tableExists(db: PgContext, table: string): Promise<boolean> {
  const rows = await db.query("SELECT to_regclass($1) IS NOT NULL AS found", [table]);
  return rows[0]?.found === true;
}

/** Predictions of a version, oldest first, each joined with its label and outcome. */
export async function listVersionEvents(
  db: PgContext,
  versionId: string,
  filter: EventFilter,
): Promise<Page<StoredEvent>> {
  const predictions = toEventTableName("predictions", versionId);
  if (!(await tableExists(db, predictions))) return { items: [], total: 0 };
  const labels = toEventTableName("labels", versionId);
  const outcomes = toEventTableName("outcomes", versionId);
  const { eventId, timestamp } = systemColumns;
  const where: string[] = [];
  const params: Param[] = [];
  if (filter.from !== undefined) {
    params.push(filter.from);
    where.push(`p.${timestamp} >= $${params.length}`);
  }
  if (filter.to !== undefined) {
    params.push(filter.to);
    where.push(`p.${timestamp} < $${params.length}`);
  }
  const clause = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
  const [count, rows] = await Promise.all([
    db.query(`SELECT count(*) AS n FROM ${predictions} p ${clause}`, params),
    db.query(
      `SELECT p.${eventId} AS id, p.${timestamp} AS ts, to_jsonb(p) AS p,
              CASE WHEN l.${eventId} IS NULL THEN NULL ELSE to_jsonb(l) END AS l,
              CASE WHEN o.${eventId} IS NULL THEN NULL ELSE to_jsonb(o) END AS o
       FROM ${predictions} p
       LEFT JOIN ${labels} l ON l.${eventId} = p.${eventId}
       LEFT JOIN ${outcomes} o ON o.${eventId} = p.${eventId}
       ${clause} ORDER BY p.${timestamp}, p.${eventId} LIMIT ${filter.limit} OFFSET ${filter.offset}`,
      params,
    ),
  ]);
  const items = rows.map((row): StoredEvent => ({
    eventId: String(row.id),
    timestamp: row.ts as Date,
    values: stripSystemColumns(row.p) ?? {},
    label: stripSystemColumns(row.l),
    outcome: stripSystemColumns(row.o),
  }));
  return { items, total: Number(count[0]?.n ?? 0) };
}

/** Stored row counts of a version's three streams and how many predictions have a label. */
export async function countVersionEvents(db: PgContext, versionId: string): Promise<EventCountsRecord> {
  const predictions = toEventTableName("predictions", versionId);
  if (!(await tableExists(db, predictions))) {
    return { predictions: 0, labels: 0, outcomes: 0, labelledPredictions: 0 };
  }
  const labels = toEventTableName("labels", versionId);
  const outcomes = toEventTableName("outcomes", versionId);
  const id = systemColumns.eventId;
  const rows = await db.query(
    `SELECT (SELECT count(*) FROM ${predictions}) AS p, (SELECT count(*) FROM ${labels}) AS l,
            (SELECT count(*) FROM ${outcomes}) AS o,
            (SELECT count(*) FROM ${predictions} p WHERE EXISTS (
               SELECT 1 FROM ${labels} l WHERE l.${id} = p.${id})) AS lp`,
  );
  const row = rows[0] ?? {};
  return {
    predictions: Number(row.p ?? 0),
    labels: Number(row.l ?? 0),
    outcomes: Number(row.o ?? 0),
    labelledPredictions: Number(row.lp ?? 0),
  };
}
