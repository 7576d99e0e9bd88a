/**
 * Column facts for schema inference from a few cheap DuckDB queries: storage type, per-side non-missing
 * counts, distinct counts over reference ∪ current (integers and strings only), list lengths, and
 * number-like counts for string columns that could be numbers. Builds SQL and parses rows; decides nothing.
 */
import type { ColumnStorageFacts, StorageType } from "@sextant/core";
import { toSqlIdentifier } from "./file-format.js";

/** A column as DESCRIBE reports it on one side. */
export interface DescribedColumn {
  readonly name: string;
  readonly duckdbType: string;
}

/** Facts per side plus the union facts inference reads. */
export interface GatheredColumnFacts extends ColumnStorageFacts {
  readonly referenceNonMissing: number;
  readonly currentNonMissing: number;
  readonly referenceNumberLike: number;
  readonly currentNumberLike: number;
  readonly minListLength: number;
  readonly maxListLength: number;
}

const integerTypes =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const floatTypes = /^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
const temporalTypes = /^(DATE|TIME.*|TIMESTAMP.*|INTERVAL)$/;

/** Maps a DuckDB type name to the storage type inference works with. */
export function storageFromDuckDbType(duckdbType: string): StorageType {
  const type = duckdbType.toUpperCase();
  if (type === "BOOLEAN") return "boolean";
  if (integerTypes.test(type)) return "integer";
  if (floatTypes.test(type)) return "float";
  if (type === "VARCHAR") return "string";
  if (temporalTypes.test(type)) return "temporal";
  const list = /^(.*)\[\d*\]$/.exec(type);
  if (list !== null) {
    const inner = storageFromDuckDbType(list[1]!);
    return inner === "integer" || inner === "float" ? "numeric_list" : "other";
  }
  return "other";
}

/** The storage both sides can be read as when they disagree (numbers widen to float, else string). */
export function unifyStorage(reference: StorageType, current: StorageType): StorageType {
  if (reference === current) return reference;
  const numeric = new Set<StorageType>(["integer", "float"]);
  if (numeric.has(reference) && numeric.has(current)) return "float";
  if (reference === "numeric_list" || current === "numeric_list") return "other";
  return "string";
}

/** A column as both sides are read: its unified storage, and whether its integers differ in width. */
export interface UnifiedColumn {
  readonly name: string;
  readonly storage: StorageType;
  /**
   * The two files store this integer column at different widths (say SMALLINT and BIGINT): DuckDB's
   * `hash()` of a negative value depends on the type, so such a column is hashed as HUGEINT everywhere.
   */
  readonly mixedIntegerWidths?: boolean;
}

/** Whether a column's two DuckDB types are integers of different widths (see `UnifiedColumn`). */
export function hasMixedIntegerWidths(referenceType: string, currentType: string): boolean {
  return (
    referenceType.toUpperCase() !== currentType.toUpperCase() &&
    storageFromDuckDbType(referenceType) === "integer" &&
    storageFromDuckDbType(currentType) === "integer"
  );
}

/** SQL that casts a column to its unified storage. */
export function toUnifiedExpression(column: UnifiedColumn): string {
  const id = toSqlIdentifier(column.name);
  if (column.storage === "float") return `CAST(${id} AS DOUBLE)`;
  if (column.storage === "string") return `CAST(${id} AS VARCHAR)`;
  if (column.mixedIntegerWidths === true) return `CAST(${id} AS HUGEINT)`;
  return id;
}

/** Per-side row and non-missing counts (Parquet answers these from its metadata). */
export function toSideCountsSql(view: "ref" | "cur", columns: readonly { name: string }[]): string {
  const counts = columns.map((c) => `CAST(count(${toSqlIdentifier(c.name)}) AS DOUBLE)`);
  return `SELECT ${["CAST(count(*) AS DOUBLE)", ...counts].join(", ")} FROM ${view}`;
}

/** The union of both sides over some columns, each cast to its unified storage. */
export function toUnionSql(columns: readonly UnifiedColumn[]): string {
  const projection = columns.map((c) => `${toUnifiedExpression(c)} AS ${toSqlIdentifier(c.name)}`).join(", ");
  return `SELECT ${projection}, 0 AS __side FROM ref UNION ALL SELECT ${projection}, 1 AS __side FROM cur`;
}

/** Columns whose distinct values are counted (and listed, when few) for inference: integers, strings, booleans. */
export function isDistinctCounted(storage: StorageType): boolean {
  return storage === "integer" || storage === "string" || storage === "boolean";
}

/** Shortest and longest list (numeric lists) over reference ∪ current; undefined without list columns. */
export function toListLengthSql(
  columns: readonly { name: string; storage: StorageType }[],
): string | undefined {
  const lists = columns.filter((c) => c.storage === "numeric_list");
  if (lists.length === 0) return undefined;
  const selects = lists.flatMap((c) => {
    const id = toSqlIdentifier(c.name);
    return [`CAST(min(len(${id})) AS DOUBLE)`, `CAST(max(len(${id})) AS DOUBLE)`];
  });
  return `SELECT ${selects.join(", ")} FROM (${toUnionSql(lists)})`;
}

/** Per-side counts of values that parse as numbers, for the string columns that may be numeric. */
export function toNumberLikeSql(names: readonly string[]): string {
  const selects = names.flatMap((name) => {
    const id = toSqlIdentifier(name);
    return [0, 1].map((s) => `CAST(count(TRY_CAST(${id} AS DOUBLE)) FILTER (WHERE __side = ${s}) AS DOUBLE)`);
  });
  return `SELECT ${selects.join(", ")} FROM (${toUnionSql(names.map((name) => ({ name, storage: "string" as const })))})`;
}

/** Assembles column facts from the per-side counts rows, distinct counts, list lengths and number-likes. */
export function toColumnFacts(input: {
  readonly columns: readonly { name: string; storage: StorageType }[];
  readonly referenceCounts: readonly unknown[];
  readonly currentCounts: readonly unknown[];
  readonly distinctCounts: ReadonlyMap<string, number>;
  readonly listLengthRow: readonly unknown[];
  readonly numberLike: ReadonlyMap<string, [number, number]>;
}): { referenceRows: number; currentRows: number; columns: GatheredColumnFacts[] } {
  let l = 0;
  const facts = input.columns.map((c, i): GatheredColumnFacts => {
    const referenceNonMissing = Number(input.referenceCounts[i + 1] ?? 0);
    const currentNonMissing = Number(input.currentCounts[i + 1] ?? 0);
    // Booleans are listed with the distinct values but keep 0 here: inference never reads their count.
    const distinctCount =
      c.storage === "integer" || c.storage === "string" ? (input.distinctCounts.get(c.name) ?? 0) : 0;
    let minListLength = 0;
    let maxListLength = 0;
    if (c.storage === "numeric_list") {
      minListLength = Number(input.listLengthRow[l++] ?? 0);
      maxListLength = Number(input.listLengthRow[l++] ?? 0);
    }
    const [referenceNumberLike, currentNumberLike] = input.numberLike.get(c.name) ?? [0, 0];
    return {
      name: c.name,
      storage: c.storage,
      referenceNonMissing,
      currentNonMissing,
      nonMissingCount: referenceNonMissing + currentNonMissing,
      distinctCount,
      referenceNumberLike,
      currentNumberLike,
      numberLikeCount: referenceNumberLike + currentNumberLike,
      minListLength,
      maxListLength,
    };
  });
  return {
    referenceRows: Number(input.referenceCounts[0] ?? 0),
    currentRows: Number(input.currentCounts[0] ?? 0),
    columns: facts,
  };
}
