/**
 * Gather queries of the monitor runner: binned counts per window (histogram aggregates over bin indices,
 * one pass for all columns, MACHINE-NOTES §2.2), raw values of a few columns, numeric edges from a
 * baseline, and the event times of late arrivals. Binning and joins happen here, statistics in core.
 */
import type { DuckDBValue } from "@duckdb/node-api";
import type { SegmentCondition } from "@sextant/sdk";
import type {
  BinnedColumn,
  ColumnBins,
  GatheredValues,
  GatherColumn,
  GatherRequest,
  GroupBins,
} from "../monitoring-store.js";
import {
  describeGatherSource,
  toGatheredValues,
  toValuesSql,
  type DescribedSource,
  type GatherDialect,
} from "../gather-source.js";
import type { Row } from "./registry-rows.js";
import { systemColumns, toEventTableName } from "./sql-text.js";

/** Runs a read query. */
export type QueryFn = (sql: string, params?: DuckDBValue[]) => Promise<Row[]>;

function toTimestampLiteral(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError("window bound must be finite");
  return `make_timestamp(${Math.round(ms) * 1000})`;
}

function toDoubleLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError("edge must be finite");
  return `CAST('${value.toString()}' AS DOUBLE)`;
}

const duckDbDialect: GatherDialect = {
  timestamp: toTimestampLiteral,
  windowArithmetic: (ts, startMs, durationMs) =>
    `CAST((epoch_ms(${ts}) - ${startMs}) // ${durationMs} AS INTEGER)`,
};

/** FROM clause, window-index expression and time filter of a source (DuckDB literals). */
export function describeSource(request: GatherRequest<GatherColumn>): DescribedSource {
  return describeGatherSource(request, duckDbDialect);
}

function toConditionSql(condition: SegmentCondition, column: string, params: DuckDBValue[]): string {
  const bind = (value: string | number | boolean): string => {
    params.push(typeof value === "boolean" ? String(value) : typeof value === "number" ? value : value);
    return `$${params.length}`;
  };
  const text = `CAST(${column} AS VARCHAR)`;
  switch (condition.op) {
    case "eq":
      return `${text} = CAST(${bind(condition.value)} AS VARCHAR)`;
    case "neq":
      return `(${text} IS DISTINCT FROM CAST(${bind(condition.value)} AS VARCHAR))`;
    case "gt":
      return `${column} > ${bind(condition.value)}`;
    case "gte":
      return `${column} >= ${bind(condition.value)}`;
    case "lt":
      return `${column} < ${bind(condition.value)}`;
    case "lte":
      return `${column} <= ${bind(condition.value)}`;
    case "in":
    case "not_in": {
      const list = condition.values.map((value) => `CAST(${bind(value)} AS VARCHAR)`).join(", ");
      return condition.op === "in" ? `${text} IN (${list})` : `(${text} IS NULL OR ${text} NOT IN (${list}))`;
    }
    case "is_null":
      return `${column} IS NULL`;
    case "is_not_null":
      return `${column} IS NOT NULL`;
  }
}

export function buildWhere(
  request: GatherRequest<GatherColumn>,
  described: ReturnType<typeof describeSource>,
  params: DuckDBValue[],
): string {
  const clauses = [...described.where];
  for (const condition of request.segment ?? []) {
    const column = described.column({ name: condition.column, stream: "predictions" });
    clauses.push(toConditionSql(condition, column, params));
  }
  return clauses.length === 0 ? "" : `WHERE ${clauses.join(" AND ")}`;
}

function toBinExpression(column: BinnedColumn, sql: string): string {
  if (column.kind === "categorical") return `histogram(CAST(${sql} AS VARCHAR))`;
  if (column.edges.length === 0) return `histogram(CASE WHEN ${sql} IS NULL THEN NULL ELSE 0 END)`;
  // histogram(x, boundaries) bins by binary search: bucket e holds previous boundary < x <= e, and NULL
  // holds x above the last boundary. toColumnBins turns that back into "number of edges below x".
  const boundaries = [...new Set(column.edges)].sort((a, b) => a - b).map(toDoubleLiteral);
  return `histogram(CASE WHEN isnan(${sql}) THEN NULL ELSE ${sql} END, [${boundaries.join(", ")}])`;
}

function toBinKey(column: BinnedColumn, key: unknown): string {
  if (column.kind === "categorical" || column.edges.length === 0) return String(key);
  if (key === null) return String(column.edges.length);
  const boundary = Number(key);
  return String(column.edges.filter((edge) => edge < boundary).length);
}

function toColumnBins(column: BinnedColumn, map: unknown, missing: unknown): ColumnBins {
  const counts = new Map<string, number>();
  for (const entry of (map ?? []) as { key: unknown; value: unknown }[]) {
    const count = Number(entry.value);
    // Boundary histograms list empty buckets too; counts hold only bins that occur, like the other paths.
    if (count === 0) continue;
    const key = toBinKey(column, entry.key);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return { counts, missing: Number(missing ?? 0) };
}

/** Binned counts per window (one histogram aggregate per column, one scan). */
export async function readBins(query: QueryFn, request: GatherRequest<BinnedColumn>): Promise<GroupBins[]> {
  const described = describeSource(request);
  const params: DuckDBValue[] = [];
  const where = buildWhere(request, described, params);
  const selects = request.columns.flatMap((column, index) => {
    const sql = described.column(column);
    return [`${toBinExpression(column, sql)} AS h${index}`, `count(*) - count(${sql}) AS m${index}`];
  });
  const rows = await query(
    `SELECT ${described.windowIndex} AS wi, count(*) AS n${selects.length > 0 ? ", " : ""}${selects.join(", ")}
     FROM ${described.from} ${where} GROUP BY ALL ORDER BY wi`,
    params,
  );
  return rows.map((row) => {
    const columns: Record<string, ColumnBins> = {};
    request.columns.forEach((column, index) => {
      columns[column.name] = toColumnBins(column, row[`h${index}`], row[`m${index}`]);
    });
    return { windowIndex: Number(row.wi), rowCount: Number(row.n), columns };
  });
}

/** Raw values of the requested columns, ordered by window then event time. */
export async function readValues(
  query: QueryFn,
  request: GatherRequest<GatherColumn>,
): Promise<GatheredValues> {
  const described = describeSource(request);
  const params: DuckDBValue[] = [];
  const where = buildWhere(request, described, params);
  return toGatheredValues(request, await query(toValuesSql(request, described, where), params));
}

/** Min, approximate quantiles and max of numeric columns over the source. */
export async function readNumericEdges(
  query: QueryFn,
  request: GatherRequest<GatherColumn> & { readonly quantiles: readonly number[] },
): Promise<Record<string, number[]>> {
  if (request.columns.length === 0) return {};
  const described = describeSource(request);
  const params: DuckDBValue[] = [];
  const where = buildWhere(request, described, params);
  const list = `[${request.quantiles.map((q) => `CAST('${q.toString()}' AS FLOAT)`).join(", ")}]`;
  const selects = request.columns.map((column, index) => {
    const sql = described.column(column);
    return `min(${sql}) AS lo${index}, approx_quantile(${sql}, ${list}) AS q${index}, max(${sql}) AS hi${index}`;
  });
  const rows = await query(`SELECT ${selects.join(", ")} FROM ${described.from} ${where}`, params);
  const row = rows[0] ?? {};
  const edges: Record<string, number[]> = {};
  request.columns.forEach((column, index) => {
    const values = [row[`lo${index}`], ...((row[`q${index}`] as unknown[] | null) ?? []), row[`hi${index}`]]
      .map((value) => (value === null || value === undefined ? Number.NaN : Number(value)))
      .filter((value) => Number.isFinite(value));
    edges[column.name] = [...new Set(values)].sort((a, b) => a - b);
  });
  return edges;
}

/** Minute-truncated event times of predictions received, or labels/outcomes received, in (after, until]. */
export async function listLateEventTimes(
  query: QueryFn,
  input: { readonly versionId: string; readonly receivedAfter: Date; readonly receivedUntil: Date },
): Promise<number[]> {
  const { eventId, timestamp, receivedAt } = systemColumns;
  const predictions = toEventTableName("predictions", input.versionId);
  const range = (alias: string): string =>
    `${alias}${receivedAt} > make_timestamp(${input.receivedAfter.getTime() * 1000}) AND ${alias}${receivedAt} <= make_timestamp(${input.receivedUntil.getTime() * 1000})`;
  const joined = (stream: "labels" | "outcomes"): string =>
    `SELECT p.${timestamp} AS t FROM ${toEventTableName(stream, input.versionId)} x
       JOIN ${predictions} p ON p.${eventId} = x.${eventId} WHERE ${range("x.")}`;
  const rows = await query(
    `SELECT DISTINCT epoch_ms(t) // 60000 * 60000 AS t FROM (
       SELECT ${timestamp} AS t FROM ${predictions} WHERE ${range("")}
       UNION ALL ${joined("labels")} UNION ALL ${joined("outcomes")}) ORDER BY t`,
  );
  return rows.map((row) => Number(row.t));
}

/** The newest prediction time of a version. */
export async function findLatestEventTime(query: QueryFn, versionId: string): Promise<Date | null> {
  const rows = await query(
    `SELECT max(${systemColumns.timestamp}) AS t FROM ${toEventTableName("predictions", versionId)}`,
  );
  const value = rows[0]?.t;
  return value instanceof Date ? value : null;
}
