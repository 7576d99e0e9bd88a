/**
 * Category codes for categorical columns. One query lists each column's distinct values over both sides
 * with their label and DuckDB `hash()`; rows are then read as that hash (a cheap vectorised function) and
 * mapped to codes (label order, -1 for missing) through a small open-addressing table, instead of casting
 * every row to an ENUM inside DuckDB, which costs several times more. Where a 16-bit window of the hashes
 * already tells a column's values apart (any dictionary of up to a few hundred values, as a rule), only
 * that window is read, four columns' windows packed in one 64-bit column, and coded through a direct
 * table. A column whose distinct values do not all hash apart (never expected at 64 bits, but possible)
 * is coded by ENUM instead.
 */
import type { DuckDbSession } from "./duckdb-session.js";
import { toUnifiedExpression, type UnifiedColumn } from "./column-facts.js";
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

/** Width of a hash window: four windows fit one 64-bit column. */
export const hashWindowBits = 16;

const windowSize = 2 ** hashWindowBits;

/** Bits [shift, shift + 16) of a 64-bit hash given as its two 32-bit words (shift never straddles them). */
function readWindow(low: number, high: number, shift: number): number {
  return shift < 32 ? (low >>> shift) & 0xffff : (high >>> (shift - 32)) & 0xffff;
}

/** Shifts tried for a window: every 16-bit run inside one 32-bit word of the hash. */
const windowShifts = [
  ...Array.from({ length: 17 }, (_, i) => i),
  ...Array.from({ length: 17 }, (_, i) => 32 + i),
];

/**
 * The shift of a 16-bit window of the entries' hashes that tells every entry apart, or undefined when
 * none does (likely beyond a few hundred entries): reading only that window of each row's hash gives the
 * same codes as the whole hash, and four such windows share one 64-bit column of the read.
 */
export function findHashWindow(entries: readonly HashCodeEntry[]): number | undefined {
  if (entries.length > 2048) return undefined;
  const seenAt = new Int32Array(windowSize).fill(-1);
  for (const shift of windowShifts) {
    let distinct = true;
    for (const { low, high } of entries) {
      const slot = readWindow(low >>> 0, high >>> 0, shift);
      if (seenAt[slot] === shift) {
        distinct = false;
        break;
      }
      seenAt[slot] = shift;
    }
    if (distinct) return shift;
  }
  return undefined;
}

/** The codes by window value (-2 where no entry has it), for `decodeWindowCodes`. */
export function createWindowCodeTable(entries: readonly HashCodeEntry[], shift: number): Int32Array {
  const codes = new Int32Array(windowSize).fill(-2);
  for (const { low, high, code } of entries) codes[readWindow(low >>> 0, high >>> 0, shift)] = code;
  return codes;
}

/** The SQL of one 64-bit column packing up to four 16-bit hash windows (`windows[k]` in bits 16k…). */
export function toPackedWindowsExpression(
  windows: readonly { readonly hash: string; readonly shift: number }[],
): string {
  if (windows.length === 0 || windows.length > 4)
    throw new RangeError("a packed column holds 1 to 4 windows");
  return windows
    .map(({ hash, shift }, k) => {
      const window = `((${hash} >> ${shift}) & ${windowSize - 1})`;
      return k === 0 ? window : `(${window} << ${hashWindowBits * k})`;
    })
    .join(" | ");
}

/**
 * Codes rows from window `part` (0–3) of a packed column (`words`: [low, high] pairs of each row's packed
 * value) through `codes` (`createWindowCodeTable`) into `out` from `offset`.
 */
export function decodeWindowCodes(input: {
  readonly words: Uint32Array;
  readonly rowCount: number;
  readonly part: number;
  readonly codes: Int32Array;
  readonly out: Int32Array;
  readonly offset: number;
}): void {
  const { words, codes, out, offset } = input;
  const word = input.part >> 1;
  const shift = (input.part & 1) * hashWindowBits;
  for (let r = 0; r < input.rowCount; r++) {
    const code = codes[(words[2 * r + word]! >>> shift) & 0xffff]!;
    // As for whole hashes: every row value is in the dictionary, so a miss is a bug, not bad input.
    if (code === -2) throw new Error("category value missing from its dictionary");
    out[offset + r] = code;
  }
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

function toDistinctSubquery(column: UnifiedColumn): string {
  const x = toUnifiedExpression(column);
  return `SELECT DISTINCT x FROM (SELECT ${x} AS x FROM ref UNION ALL SELECT ${x} FROM cur)`;
}

const hashWords = "CAST(hash(x) & 4294967295 AS UINTEGER) AS lo, CAST(hash(x) >> 32 AS UINTEGER) AS hi";

/** SQL listing each column's distinct values over both sides: column index, label (NULL for missing), hash words. */
export function toDictionarySql(plans: readonly UnifiedColumn[]): string {
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
export function toDistinctValuesSql(columns: readonly UnifiedColumn[], maxListed: number): string {
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
  readonly plans: readonly UnifiedColumn[];
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

/** A categorical column's value hash as the dictionary lists it. */
export function toValueHashExpression(plan: UnifiedColumn): string {
  return `hash(${toUnifiedExpression(plan)})`;
}

/** The SELECT expression reading a categorical column: its value hash, or its ENUM code (-1 missing). */
export function toCategoryExpression(plan: UnifiedColumn, dictionary: CategoryDictionary): string {
  const x = toUnifiedExpression(plan);
  if (dictionary.table !== undefined) return toValueHashExpression(plan);
  return `coalesce(CAST(enum_code(CAST(CAST(${x} AS VARCHAR) AS ${dictionary.enumType!})) AS INTEGER), -1)`;
}
