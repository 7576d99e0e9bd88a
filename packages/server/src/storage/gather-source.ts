/**
 * The FROM clause, window-index expression and time filter of a monitor gather, for both SQL adapters:
 * the predictions table joined with labels and outcomes as the columns need, a reference table, or a time
 * range. Windows are numbered by arithmetic when they are regular; an irregular set (late windows plus new
 * ones) has gaps, and rows in a gap belong to no window. Only literals differ per dialect.
 */
import type { EventStream, GatheredValues, GatherColumn, GatherRequest } from "./monitoring-store.js";
import { quoteIdentifier, systemColumns, toEventTableName } from "./sql-names.js";

/** The dialect-specific SQL the description needs. */
export interface GatherDialect {
  /** A timestamp literal of epoch milliseconds, comparable with the event-time column. */
  timestamp(ms: number): string;
  /** The integer index of `ts` among regular windows of `durationMs` starting at `startMs`. */
  windowArithmetic(ts: string, startMs: number, durationMs: number): string;
}

/** What a gather query selects from. */
export interface DescribedSource {
  readonly from: string;
  readonly windowIndex: string;
  readonly where: string[];
  readonly column: (column: GatherColumn) => string;
}

const aliasOf: Record<EventStream, string> = { predictions: "p", labels: "l", outcomes: "o" };

/** FROM clause, window-index expression and time filter of a request's source. */
export function describeGatherSource(
  request: GatherRequest<GatherColumn>,
  dialect: GatherDialect,
): DescribedSource {
  const { source } = request;
  if (source.kind === "reference") {
    return {
      from: `${toEventTableName("reference", source.referenceId)} r`,
      windowIndex: "0",
      where: [],
      column: (column) => `r.${quoteIdentifier(column.name)}`,
    };
  }
  const id = systemColumns.eventId;
  const ts = `p.${systemColumns.timestamp}`;
  const streams = new Set(request.columns.map((column) => column.stream));
  const joinKind = request.labelledOnly === true ? "JOIN" : "LEFT JOIN";
  let from = `${toEventTableName("predictions", source.versionId)} p`;
  if (streams.has("labels") || request.labelledOnly === true) {
    from += ` ${joinKind} ${toEventTableName("labels", source.versionId)} l ON l.${id} = p.${id}`;
  }
  if (streams.has("outcomes")) {
    from += ` LEFT JOIN ${toEventTableName("outcomes", source.versionId)} o ON o.${id} = p.${id}`;
  }
  const column = (c: GatherColumn): string => `${aliasOf[c.stream]}.${quoteIdentifier(c.name)}`;
  const between = (fromMs: number, toMs: number): string[] => [
    `${ts} >= ${dialect.timestamp(fromMs)}`,
    `${ts} < ${dialect.timestamp(toMs)}`,
  ];
  if (source.kind === "range") {
    return { from, windowIndex: "0", where: between(source.fromMs, source.toMs), column };
  }
  const windows = source.windows;
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (first === undefined || last === undefined) throw new RangeError("no windows to gather");
  const durationMs = first.endMs - first.startMs;
  const isRegular = windows.every(
    (window, index) =>
      window.endMs - window.startMs === durationMs && window.startMs === first.startMs + index * durationMs,
  );
  if (windows.length === 1 || isRegular) {
    return {
      from,
      windowIndex: windows.length === 1 ? "0" : dialect.windowArithmetic(ts, first.startMs, durationMs),
      where: between(first.startMs, last.endMs),
      column,
    };
  }
  const ranges = windows.map((window) => `(${between(window.startMs, window.endMs).join(" AND ")})`);
  return {
    from,
    windowIndex: `CASE ${ranges.map((range, index) => `WHEN ${range} THEN ${index}`).join(" ")} END`,
    where: [`(${ranges.join(" OR ")})`],
    column,
  };
}

/** The SELECT of a raw-values read: window index and the requested columns, by window then event time. */
export function toValuesSql(
  request: GatherRequest<GatherColumn>,
  described: DescribedSource,
  where: string,
): string {
  const order = request.source.kind === "reference" ? "" : `, p.${systemColumns.timestamp}`;
  const selects = request.columns.map((column, index) => `${described.column(column)} AS c${index}`);
  return `SELECT ${[`${described.windowIndex} AS wi`, ...selects].join(", ")}
     FROM ${described.from} ${where} ORDER BY wi${order}`;
}

function toJsValue(value: unknown): number | string | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** The rows of a raw-values read as window indices and one array per requested column. */
export function toGatheredValues(
  request: GatherRequest<GatherColumn>,
  rows: readonly Record<string, unknown>[],
): GatheredValues {
  const windowIndex = new Int32Array(rows.length);
  const columns: Record<string, (number | string | boolean | null)[]> = {};
  request.columns.forEach((column, index) => {
    columns[column.name] = rows.map((row) => toJsValue(row[`c${index}`]));
  });
  rows.forEach((row, i) => {
    windowIndex[i] = Number(row.wi);
  });
  return { windowIndex, columns };
}
