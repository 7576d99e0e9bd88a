/**
 * Gather queries of the monitor runner on PostgreSQL: binned counts per window in one scan (GROUPING
 * SETS over per-column bin expressions), raw values of a few columns, numeric edges from a baseline
 * (exact percentile_cont, where DuckDB uses approx_quantile), and the event times of late arrivals.
 * Results have the same shape and meaning as the DuckDB adapter's; statistics stay in core.
 */
import type { SegmentCondition } from "@sextant/sdk";
import type {
  BinnedColumn,
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
import type { Param, Row } from "./pg-session.js";
import { systemColumns, toEventTableName, toTimestampSql } from "./sql-text.js";

/** Runs a read query. */
export type QueryFn = (sql: string, params?: readonly Param[]) => Promise<Row[]>;

function toDoubleLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError("edge must be finite");
  return `'${value.toString()}'::float8`;
}

const postgresDialect: GatherDialect = {
  timestamp: toTimestampSql,
  windowArithmetic: (ts, startMs, durationMs) =>
    `floor((extract(epoch FROM ${ts}) * 1000 - ${startMs}) / ${durationMs})::int`,
};

/** FROM clause, window-index expression and time filter of a source (PostgreSQL literals). */
export function describeSource(request: GatherRequest<GatherColumn>): DescribedSource {
  return describeGatherSource(request, postgresDialect);
}

function toConditionSql(condition: SegmentCondition, column: string, params: Param[]): string {
  const bind = (value: string | number | boolean): string => {
    params.push(typeof value === "boolean" ? String(value) : value);
    return `$${params.length}`;
  };
  const text = `${column}::text`;
  switch (condition.op) {
    case "eq":
      return `${text} = ${bind(condition.value)}::text`;
    case "neq":
      return `(${text} IS DISTINCT FROM ${bind(condition.value)}::text)`;
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
      const list = condition.values.map((value) => `${bind(value)}::text`).join(", ");
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
  described: DescribedSource,
  params: Param[],
): string {
  const clauses = [...described.where];
  for (const condition of request.segment ?? []) {
    const column = described.column({ name: condition.column, stream: "predictions" });
    clauses.push(toConditionSql(condition, column, params));
  }
  return clauses.length === 0 ? "" : `WHERE ${clauses.join(" AND ")}`;
}

/** Bin of a value: category text, or the number of edges below it (-1 for NaN, dropped later). */
function toBinExpression(column: BinnedColumn, sql: string): string {
  if (column.kind === "categorical") return `${sql}::text`;
  if (column.edges.length === 0) return `CASE WHEN ${sql} IS NULL THEN NULL ELSE 0 END`;
  const sum = column.edges.map((edge) => `(${sql} > ${toDoubleLiteral(edge)})::int`).join(" + ");
  return `CASE WHEN ${sql} IS NULL THEN NULL WHEN ${sql} = 'NaN'::float8 THEN -1 ELSE ${sum} END`;
}

/** Binned counts per window (GROUPING SETS: one scan for the row counts and every column's bins). */
export async function readBins(query: QueryFn, request: GatherRequest<BinnedColumn>): Promise<GroupBins[]> {
  const described = describeSource(request);
  const params: Param[] = [];
  const where = buildWhere(request, described, params);
  const bins = request.columns.map(
    (column, index) => `${toBinExpression(column, described.column(column))} AS b${index}`,
  );
  const names = request.columns.map((_, index) => `b${index}`);
  const sets = ["(wi)", ...names.map((name) => `(wi, ${name})`)].join(", ");
  const rows = await query(
    `WITH src AS (SELECT ${[`${described.windowIndex} AS wi`, ...bins].join(", ")} FROM ${described.from} ${where})
     SELECT ${["wi", "count(*) AS n", ...names, ...names.map((name, i) => `GROUPING(${name}) AS g${i}`)].join(", ")}
     FROM src GROUP BY GROUPING SETS (${sets}) ORDER BY wi`,
    params,
  );
  const groups = new Map<
    number,
    { rowCount: number; columns: Record<string, { counts: Map<string, number>; missing: number }> }
  >();
  const groupOf = (wi: number) => {
    let group = groups.get(wi);
    if (group === undefined) {
      group = { rowCount: 0, columns: {} };
      for (const column of request.columns) group.columns[column.name] = { counts: new Map(), missing: 0 };
      groups.set(wi, group);
    }
    return group;
  };
  for (const row of rows) {
    const group = groupOf(Number(row.wi));
    const index = names.findIndex((_, i) => Number(row[`g${i}`]) === 0);
    const n = Number(row.n);
    if (index < 0) {
      group.rowCount = n;
      continue;
    }
    const bins = group.columns[request.columns[index]!.name]!;
    const bin = row[`b${index}`];
    if (bin === null || bin === undefined) bins.missing = n;
    else if (typeof bin === "string" || (typeof bin === "number" && bin !== -1)) {
      bins.counts.set(String(bin), n);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([windowIndex, group]) => ({
      windowIndex,
      rowCount: group.rowCount,
      columns: group.columns,
    }));
}

/** Raw values of the requested columns, ordered by window then event time. */
export async function readValues(
  query: QueryFn,
  request: GatherRequest<GatherColumn>,
): Promise<GatheredValues> {
  const described = describeSource(request);
  const params: Param[] = [];
  const where = buildWhere(request, described, params);
  return toGatheredValues(request, await query(toValuesSql(request, described, where), params));
}

/** Min, quantiles (exact, continuous) and max of numeric columns over the source. */
export async function readNumericEdges(
  query: QueryFn,
  request: GatherRequest<GatherColumn> & { readonly quantiles: readonly number[] },
): Promise<Record<string, number[]>> {
  if (request.columns.length === 0) return {};
  const described = describeSource(request);
  const params: Param[] = [];
  const where = buildWhere(request, described, params);
  const list = `ARRAY[${request.quantiles.map(toDoubleLiteral).join(", ")}]::float8[]`;
  const selects = request.columns.map((column, index) => {
    const sql = `NULLIF(${described.column(column)}, 'NaN'::float8)`;
    return `min(${sql}) AS lo${index}, percentile_cont(${list}) WITHIN GROUP (ORDER BY ${sql}) AS q${index}, max(${sql}) AS hi${index}`;
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
  const range = (alias: string): string => `${alias}${receivedAt} > $1 AND ${alias}${receivedAt} <= $2`;
  const joined = (stream: "labels" | "outcomes"): string =>
    `SELECT p.${timestamp} AS t FROM ${toEventTableName(stream, input.versionId)} x
       JOIN ${predictions} p ON p.${eventId} = x.${eventId} WHERE ${range("x.")}`;
  const rows = await query(
    `SELECT DISTINCT (floor(extract(epoch FROM t) * 1000 / 60000) * 60000)::float8 AS t FROM (
       SELECT ${timestamp} AS t FROM ${predictions} WHERE ${range("")}
       UNION ALL ${joined("labels")} UNION ALL ${joined("outcomes")}) AS late ORDER BY t`,
    [input.receivedAfter, input.receivedUntil],
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
