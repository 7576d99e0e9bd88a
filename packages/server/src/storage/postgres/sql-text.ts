/** SQL text of the PostgreSQL adapter: identifier quoting, per-version table names and column types. */
import type { StorageType } from "../event-batch.js";

const safeIdPattern = /^[a-z]{2,4}_[0-9a-z]{8,40}$/;

/** Quotes an identifier (user column names may hold any printable character). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The physical table of a version stream or a reference; refuses ids that are not Sextant ids. */
export function toEventTableName(
  kind: "predictions" | "labels" | "outcomes" | "reference",
  id: string,
): string {
  if (!safeIdPattern.test(id)) throw new Error(`unsafe table id ${JSON.stringify(id)}`);
  const prefix = { predictions: "ev_pred", labels: "ev_label", outcomes: "ev_outcome", reference: "ev_ref" }[
    kind
  ];
  return `${prefix}_${id}`;
}

/** The SQL type of a storage type. */
export function toPgType(storage: StorageType): string {
  return {
    double: "double precision",
    varchar: "text",
    boolean: "boolean",
    double_list: "double precision[]",
  }[storage];
}

/** The `udt_name` information_schema reports for a storage type. */
export function toPgUdtName(storage: StorageType): string {
  return { double: "float8", varchar: "text", boolean: "bool", double_list: "_float8" }[storage];
}

/** System columns every event table starts with (same names as the DuckDB adapter). */
export const systemColumns = {
  eventId: "__sx_event_id",
  timestamp: "__sx_ts",
  receivedAt: "__sx_received_at",
} as const;

/** A timestamptz expression of epoch milliseconds, exact to the millisecond. */
export function toTimestampSql(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError("timestamp must be finite");
  return `(TIMESTAMPTZ 'epoch' + ${Math.round(ms)} * INTERVAL '1 millisecond')`;
}
