/** Paged and single-row reads for both SQL adapters: one SELECT for the page, one count, same WHERE. */
import type { Page, PageRequest } from "../registry/records.js";

type Row = Record<string, unknown>;

/** Runs a read query with numbered parameters ($1, $2, …). */
export type RowQuery<P> = (sql: string, params?: P[]) => Promise<Row[]>;

/** One page of `from` under a WHERE clause ("" for none), in `order`, with the total count. */
export async function readSqlPage<P, T>(
  query: RowQuery<P>,
  spec: {
    readonly from: string;
    readonly where?: { readonly clause: string; readonly params: P[] };
    readonly order: string;
    readonly request: PageRequest;
    readonly convert: (row: Row) => T;
  },
): Promise<Page<T>> {
  const clause = spec.where?.clause ?? "";
  const params = spec.where?.params ?? [];
  const [rows, count] = await Promise.all([
    query(
      `SELECT * FROM ${spec.from} ${clause} ORDER BY ${spec.order} LIMIT ${spec.request.limit} OFFSET ${spec.request.offset}`,
      params,
    ),
    query(`SELECT count(*) AS n FROM ${spec.from} ${clause}`, params),
  ]);
  return { items: rows.map(spec.convert), total: Number(count[0]?.n ?? 0) };
}

/** A page of registry records in `from` under AND-ed `conditions`, oldest first (created_at, then id). */
export function readRecordPage<P, T>(
  query: RowQuery<P>,
  page: {
    readonly from: string;
    readonly conditions: readonly string[];
    readonly params: P[];
    readonly request: PageRequest;
    readonly convert: (row: Row) => T;
  },
): Promise<Page<T>> {
  return readSqlPage(query, {
    from: page.from,
    where: { clause: joinWhere(page.conditions), params: page.params },
    order: "created_at, id",
    request: page.request,
    convert: page.convert,
  });
}

/** The first row of a query, converted, or undefined. */
export async function readFirstRow<P, T>(
  query: RowQuery<P>,
  sql: string,
  params: P[],
  convert: (row: Row) => T,
): Promise<T | undefined> {
  const rows = await query(sql, params);
  return rows[0] === undefined ? undefined : convert(rows[0]);
}

/** "WHERE a AND b" of the given conditions, or "" when there are none. */
export function joinWhere(conditions: readonly string[]): string {
  return conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")}`;
}
