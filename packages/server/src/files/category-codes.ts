/**
 * Category codes for categorical columns. One query lists each column's distinct values over both sides
 * with their label and DuckDB `hash()`; rows are then read as that hash (a cheap vectorised function) and
 * mapped to codes (label order, -1 for missing) through a small open-addressing table, instead of casting
 * every row to an ENUM inside DuckDB, which costs several times more. A column whose distinct values do
 * not all hash apart (never expected at 64 bits, but possible) is coded by ENUM instead.
 */
import type { StorageType } from "@sextant/core";
import type { DuckDbSession } from "./duckdb-session.js";
import { toUnifiedExpression } from "./column-facts.js";
import { toSqlLiteral } from "./file-format.js";

/** One dictionary entry: a value's 64-bit hash (as its two 32-bit words) and its code. */
export interface HashCodeEntry {
  readonly low: number;
  readonly high: number;
  readonly code: number;
}

/** Maps a 64-bit value hash (as its two 32-bit words) to a category code. */
export interface HashCodeTable {
  /** The code of a hash; -2 when the hash is not in the table. */
  readonly lookup: (low: number, high: number) => number;
  /** The entries it was built from (to build the same table in another thread). */
  readonly entries: readonly HashCodeEntry[];
}

/** A categorical column's labels in code order, and how its rows are coded. */
export interface CategoryDictionary {
  readonly labels: readonly string[];
  /** Rows are read as `hash(value)` and looked up here; without a table, as ENUM codes of `enumType`. */
  readonly table?: HashCodeTable;
  readonly enumType?: string;
}

/** Builds the table, or undefined when two entries share a hash (the column then falls back to ENUM). */
export function createHashCodeTable(entries: readonly HashCodeEntry[]): HashCodeTable | undefined {
  let size = 8;
  while (size < 2 * entries.length) size *= 2;
  const mask = size - 1;
  const lows = new Uint32Array(size);
  const highs = new Uint32Array(size);
  const codes = new Int32Array(size).fill(-2);
  for (const { low, high, code } of entries) {
    let slot = (low ^ high) & mask;
    while (codes[slot] !== -2) {
      if (lows[slot] === low >>> 0 && highs[slot] === high >>> 0) return undefined;
      slot = (slot + 1) & mask;
    }
    [lows[slot], highs[slot], codes[slot]] = [low, high, code];
  }
  return {
    entries,
    lookup: (low, high) => {
      let slot = (low ^ high) & mask;
      for (;;) {
        const code = codes[slot]!;
        if (code === -2 || (lows[slot] === low && highs[slot] === high)) return code;
        slot = (slot + 1) & mask;
      }
    },
  };
}

/** Codes rows from their value hashes (`words`: [low, high] pairs) into `out` from `offset`. */
export function decodeHashedCodes(input: {
  readonly words: Uint32Array;
  readonly rowCount: number;
  readonly table: HashCodeTable;
  readonly out: Int32Array;
  readonly offset: number;
}): void {
  const { words, table, out, offset } = input;
  for (let r = 0; r < input.rowCount; r++) {
    const code = table.lookup(words[2 * r]!, words[2 * r + 1]!);
    // Every row value is in the dictionary (it lists both sides), so a miss is a bug, not bad input.
    if (code === -2) throw new Error("category value missing from its dictionary");
    out[offset + r] = code;
  }
}

function toDistinctSubquery(column: { name: string; storage: StorageType }): string {
  const x = toUnifiedExpression(column.name, column.storage);
  return `SELECT DISTINCT x FROM (SELECT ${x} AS x FROM ref UNION ALL SELECT ${x} FROM cur)`;
}

const hashWords = "CAST(hash(x) & 4294967295 AS UINTEGER) AS lo, CAST(hash(x) >> 32 AS UINTEGER) AS hi";

/** SQL listing each column's distinct values over both sides: column index, label (NULL for missing), hash words. */
export function toDictionarySql(plans: readonly { name: string; storage: StorageType }[]): string {
  // One DISTINCT per column (a cheap hash aggregate each), labels and hashes computed on the few results.
  const perColumn = plans.map(
    (p, i) => `SELECT ${i} AS k, CAST(x AS VARCHAR) AS v, ${hashWords} FROM (${toDistinctSubquery(p)})`,
  );
  return `SELECT k, v, lo, hi FROM (${perColumn.join(" UNION ALL ")}) ORDER BY k, v`;
}

/**
 * SQL counting each column's distinct non-missing values over both sides (`n`) and listing up to
 * `maxListed` + 1 of them like `toDictionarySql`, so one scan gives inference its counts and the
 * low-cardinality columns their dictionaries.
 */
export function toDistinctValuesSql(
  columns: readonly { name: string; storage: StorageType }[],
  maxListed: number,
): string {
  const perColumn = columns.map(
    (c, i) =>
      `SELECT ${i} AS k, n, CAST(x AS VARCHAR) AS v, ${hashWords} FROM (SELECT x, count(x) OVER () AS n, row_number() OVER () AS r FROM (${toDistinctSubquery(c)})) WHERE r <= ${maxListed + 1}`,
  );
  return `SELECT k, n, v, lo, hi FROM (${perColumn.join(" UNION ALL ")}) ORDER BY k, v`;
}

/** Distinct count of a column and, when all its distinct values were listed, its dictionary. */
export interface DistinctValues {
  readonly distinctCount: number;
  readonly dictionary?: CategoryDictionary;
}

/** Parses `toDistinctValuesSql` rows per column name. */
export function toDistinctValues(
  columns: readonly { name: string }[],
  rows: readonly (readonly unknown[])[],
): Map<string, DistinctValues> {
  const byColumn = columns.map(() => [] as (readonly unknown[])[]);
  for (const row of rows) byColumn[Number(row[0])]?.push(row);
  return new Map(
    columns.map((c, i): [string, DistinctValues] => {
      const listed = byColumn[i]!;
      const distinctCount = Number(listed[0]?.[1] ?? 0);
      // Complete when every distinct non-missing value was listed (the missing one, NULL, may be too).
      if (listed.filter((r) => r[2] !== null).length !== distinctCount) return [c.name, { distinctCount }];
      const { labels, table } = toDictionary(
        listed.map((r) => [r[0], r[2], r[3], r[4]]),
        false,
      );
      return [c.name, { distinctCount, ...(table === undefined ? {} : { dictionary: { labels, table } }) }];
    }),
  );
}

function toDictionary(
  rows: readonly (readonly unknown[])[],
  forceEnum: boolean,
): { labels: string[]; table: HashCodeTable | undefined } {
  const labels: string[] = [];
  const codeOf = new Map<string, number>();
  const entries = rows.map(([, v, lo, hi]) => {
    let code = -1;
    if (typeof v === "string") {
      const label = v;
      if (!codeOf.has(label)) codeOf.set(label, labels.push(label) - 1);
      code = codeOf.get(label)!;
    }
    return { low: Number(lo), high: Number(hi), code };
  });
  return { labels, table: forceEnum ? undefined : createHashCodeTable(entries) };
}

/**
 * The dictionaries of the categorical `plans` (labels sorted): those already `known` (listed while
 * counting), the rest read in one query; an ENUM type is created for each column that cannot be
 * hash-coded (`forceEnum`: all of them, for tests).
 */
export async function loadCategoryDictionaries(input: {
  readonly session: DuckDbSession;
  readonly plans: readonly { name: string; storage: StorageType }[];
  readonly known?: ReadonlyMap<string, CategoryDictionary>;
  readonly forceEnum?: boolean;
}): Promise<Map<string, CategoryDictionary>> {
  const { session } = input;
  const forceEnum = input.forceEnum ?? false;
  const dictionaries = new Map<string, CategoryDictionary>();
  const plans = input.plans.filter((p) => {
    const known = forceEnum ? undefined : input.known?.get(p.name);
    if (known !== undefined) dictionaries.set(p.name, known);
    return known === undefined;
  });
  if (plans.length === 0) return dictionaries;
  const rows = await session.queryRows(toDictionarySql(plans));
  for (const [i, plan] of plans.entries()) {
    const { labels, table } = toDictionary(
      rows.filter((r) => Number(r[0]) === i),
      forceEnum,
    );
    if (table !== undefined) {
      dictionaries.set(plan.name, { labels, table });
      continue;
    }
    const enumType = `__sextant_enum_${i}`;
    // An ENUM needs at least one value; a column with no values maps every row to -1 anyway.
    const values = labels.length === 0 ? [toSqlLiteral("\u0000")] : labels.map(toSqlLiteral);
    await session.run(`CREATE TYPE ${enumType} AS ENUM (${values.join(", ")})`);
    dictionaries.set(plan.name, { labels, enumType });
  }
  return dictionaries;
}

/** The SELECT expression reading a categorical column: its value hash, or its ENUM code (-1 missing). */
export function toCategoryExpression(
  plan: { name: string; storage: StorageType },
  dictionary: CategoryDictionary,
): string {
  const x = toUnifiedExpression(plan.name, plan.storage);
  if (dictionary.table !== undefined) return `hash(${x})`;
  return `coalesce(CAST(enum_code(CAST(CAST(${x} AS VARCHAR) AS ${dictionary.enumType!})) AS INTEGER), -1)`;
}
