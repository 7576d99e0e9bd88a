/** SQL text of the PostgreSQL adapter: the shared names (../sql-names.ts), column types and timestamp literals. */
import type { StorageType } from "../event-batch.js";

export { quoteIdentifier, systemColumns, toEventTableName } from "../sql-names.js";

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

/** A timestamptz expression of epoch milliseconds, exact to the millisecond. */
export function toTimestampSql(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError("timestamp must be finite");
  return `(TIMESTAMPTZ 'epoch' + ${Math.round(ms)} * INTERVAL '1 millisecond')`;
}
