/** SQL text of the DuckDB adapter: the shared names (../sql-names.ts) and column types. */

export { quoteIdentifier, systemColumns, toEventTableName } from "../sql-names.js";

/** The SQL type of a storage type. */
export function toSqlType(storage: "double" | "varchar" | "boolean" | "double_list"): string {
  return { double: "DOUBLE", varchar: "VARCHAR", boolean: "BOOLEAN", double_list: "DOUBLE[]" }[storage];
}
