/**
 * Duplicate rows of a table held as columns: each row gets a 53-bit hash of its values (numbers by their
 * IEEE-754 bits, category codes, strings by UTF-16 units; missing values hash alike), the hashes are
 * sorted and equal neighbours counted. A hash collision could merge two distinct rows; at 53 bits the
 * chance for a million rows is about 1e-4, so the count is exact in practice and documented as such.
 */
import { sortFloat64 } from "../sorting/sort-float64.js";

/** One column of a table: numbers (NaN = missing), codes, or strings (null = missing). */
export type HashableColumn = Float64Array | Int32Array | readonly (string | null)[];

const PRIME_A = 0x9e3779b1;
const PRIME_B = 0x85ebca77;

function mix(h: number, v: number): number {
  let x = Math.imul(h ^ v, PRIME_A);
  x ^= x >>> 15;
  return Math.imul(x, PRIME_B) ^ (x >>> 13);
}

function hashString(text: string | null, seed: number): number {
  if (text === null) return mix(seed, 0x7fffffff);
  let h = mix(seed, text.length);
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

function mixColumn(column: HashableColumn, high: Uint32Array, low: Uint32Array): void {
  const rows = high.length;
  if (column instanceof Float64Array) {
    const words = new Uint32Array(column.buffer, column.byteOffset, rows * 2);
    for (let r = 0; r < rows; r++) {
      const a = Number.isNaN(column[r]!) ? 0x7ff80000 : words[2 * r]!;
      const b = Number.isNaN(column[r]!) ? 0 : words[2 * r + 1]!;
      high[r] = mix(mix(high[r]!, a), b);
      low[r] = mix(mix(low[r]!, b), a);
    }
  } else if (column instanceof Int32Array) {
    for (let r = 0; r < rows; r++) {
      high[r] = mix(high[r]!, column[r]!);
      low[r] = mix(low[r]!, ~column[r]!);
    }
  } else {
    for (let r = 0; r < rows; r++) {
      high[r] = mix(high[r]!, hashString(column[r] ?? null, 1));
      low[r] = mix(low[r]!, hashString(column[r] ?? null, 2));
    }
  }
}

/** Number of rows equal to an earlier row (rows − distinct rows) over the given columns. */
export function countDuplicateRows(columns: readonly HashableColumn[], rowCount: number): number {
  if (rowCount < 2 || columns.length === 0) return 0;
  const high = new Uint32Array(rowCount).fill(0x12345678);
  const low = new Uint32Array(rowCount).fill(0x9abcdef0);
  for (const column of columns) {
    if (column.length !== rowCount) throw new RangeError("every column must have rowCount values");
    mixColumn(column, high, low);
  }
  const keys = new Float64Array(rowCount);
  // 32 high bits × 2^21 + 21 low bits: an exact integer below 2^53, so doubles sort and compare it exactly.
  for (let r = 0; r < rowCount; r++) keys[r] = (high[r]! >>> 0) * 2097152 + (low[r]! >>> 11);
  const sorted = sortFloat64(keys);
  let duplicates = 0;
  for (let r = 1; r < rowCount; r++) if (sorted[r] === sorted[r - 1]) duplicates++;
  return duplicates;
}
