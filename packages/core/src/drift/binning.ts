/**
 * Binning shared by the share-based divergences (psi, kl, jensenshannon, hellinger): more than 20
 * distinct reference values → NumPy's Sturges edges over R ∪ C (`histogram_bin_edges(bins="sturges")`,
 * float for float) with `histogram`'s rule e_i <= x < e_i+1 and the last bin closed; otherwise one bin
 * per distinct value of R ∪ C. Also the share conversion and the per-side zero fill of STATISTICS.md.
 */

import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import { sortFloat64 } from "../sorting/sort-float64.js";

/** Aligned bin counts of both sides; `edges` is null when each distinct value is its own bin. */
export interface DivergenceBins {
  readonly edges: Float64Array | null;
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

/** A column with more distinct reference values than this is binned on equal-width edges. */
export const MAX_DISTINCT_VALUES_FOR_VALUE_BINS = 20;

const ZERO_FILL_DEFAULT = 1e-4;
const ZERO_FILL_DIVISOR = 1e6;

const INITIAL_TABLE_CAPACITY = 64;

// Scratch view for hashing a double by its IEEE bits (module-level: the computation is synchronous).
const HASH_SCRATCH = new Float64Array(1);
const HASH_BITS = new Uint32Array(HASH_SCRATCH.buffer);

/**
 * Open-addressing hash table (linear probing, load <= 1/2) from a double to its reference and current
 * counts. A JS Map keyed by doubles is several times slower, and a million values per side must bin
 * well under 50 ms.
 */
interface ValueCountTable {
  keys: Float64Array;
  used: Uint8Array;
  counts: [Float64Array, Float64Array];
  size: number;
}

/** Creates an empty table with room for `capacity / 2` keys (`capacity` a power of two). */
function createValueCountTable(capacity: number): ValueCountTable {
  const counts: [Float64Array, Float64Array] = [new Float64Array(capacity), new Float64Array(capacity)];
  return { keys: new Float64Array(capacity), used: new Uint8Array(capacity), counts, size: 0 };
}

/** Slot holding `key`, or the empty slot where it belongs (`key` must not be −0). */
function findSlot(keys: Float64Array, used: Uint8Array, key: number): number {
  HASH_SCRATCH[0] = key;
  let hash = Math.imul((HASH_BITS[0] ?? 0) ^ Math.imul(HASH_BITS[1] ?? 0, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 15;
  const mask = keys.length - 1;
  let slot = hash & mask;
  while (used[slot] === 1 && keys[slot] !== key) slot = (slot + 1) & mask;
  return slot;
}

/** Doubles the table's capacity, rehashing every key with its counts. */
function growValueCountTable(table: ValueCountTable): void {
  const { keys, used, counts } = table;
  const next = createValueCountTable(keys.length * 2);
  for (let old = 0; old < keys.length; old += 1) {
    if (used[old] === 0) continue;
    const slot = findSlot(next.keys, next.used, keys[old] ?? 0);
    next.used[slot] = 1;
    next.keys[slot] = keys[old] ?? 0;
    next.counts[0][slot] = counts[0][old] ?? 0;
    next.counts[1][slot] = counts[1][old] ?? 0;
  }
  Object.assign(table, { keys: next.keys, used: next.used, counts: next.counts });
}

/** Counts one side (0 = reference, 1 = current) into the table; false once it would exceed `limit` keys. */
function accumulateValues(table: ValueCountTable, values: Float64Array, side: 0 | 1, limit: number): boolean {
  for (let i = 0; i < values.length; i += 1) {
    const key = (values[i] ?? 0) + 0; // −0 + 0 is +0: both zeros are one value, as in NumPy
    let slot = findSlot(table.keys, table.used, key);
    if (table.used[slot] === 0) {
      if (table.size >= limit) return false;
      table.used[slot] = 1;
      table.keys[slot] = key;
      table.size += 1;
      if (table.size * 2 > table.keys.length) {
        growValueCountTable(table);
        slot = findSlot(table.keys, table.used, key);
      }
    }
    const counts = table.counts[side];
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return true;
}

/** The table's keys counted on `side` in increasing order, with those counts. */
function listSortedKeys(table: ValueCountTable, side: 0 | 1): { values: Float64Array; counts: Float64Array } {
  const values = new Float64Array(table.size);
  let position = 0;
  for (let slot = 0; slot < table.used.length; slot += 1) {
    if (table.used[slot] === 1 && (table.counts[side][slot] ?? 0) > 0)
      values[position++] = table.keys[slot] ?? 0;
  }
  const sorted = values.subarray(0, position).sort();
  const counts = sorted.map((value) => table.counts[side][findSlot(table.keys, table.used, value)] ?? 0);
  return { values: sorted, counts };
}

/** Distinct values of `values` in increasing order with their counts, by sorting a copy. */
function countSortedValues(values: Float64Array): { values: Float64Array; counts: Float64Array } {
  const sorted = sortFloat64(values);
  const distinct = new Float64Array(sorted.length);
  const counts = new Float64Array(sorted.length);
  let size = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const value = sorted[i] ?? 0;
    // −0 === 0, so the two zeros form one run.
    if (size > 0 && value === distinct[size - 1]) counts[size - 1] = (counts[size - 1] ?? 0) + 1;
    else {
      distinct[size] = value;
      counts[size] = 1;
      size += 1;
    }
  }
  return { values: distinct.subarray(0, size), counts: counts.subarray(0, size) };
}

/** Merges two sorted value → count lists into bins over the union of their values. */
function mergeValueCounts(
  reference: { values: Float64Array; counts: Float64Array },
  current: { values: Float64Array; counts: Float64Array },
): DivergenceBins {
  const size = reference.values.length + current.values.length;
  const referenceBins = new Float64Array(size);
  const currentBins = new Float64Array(size);
  let i = 0;
  let j = 0;
  let bin = 0;
  for (; i < reference.values.length || j < current.values.length; bin += 1) {
    const r = i < reference.values.length ? (reference.values[i] ?? 0) : Number.POSITIVE_INFINITY;
    const c = j < current.values.length ? (current.values[j] ?? 0) : Number.POSITIVE_INFINITY;
    if (r <= c) referenceBins[bin] = reference.counts[i++] ?? 0;
    if (c <= r) currentBins[bin] = current.counts[j++] ?? 0;
  }
  return { edges: null, reference: referenceBins.slice(0, bin), current: currentBins.slice(0, bin) };
}

// Past this many distinct current values the table leaves the CPU cache; sorting a copy is faster.
const MAX_HASHED_CURRENT_VALUES = 1 << 14;

/** One bin per distinct value of R ∪ C, or null when the reference has more than 20 distinct values. */
function computeValueBins(reference: Float64Array, current: Float64Array): DivergenceBins | null {
  const table = createValueCountTable(INITIAL_TABLE_CAPACITY);
  if (!accumulateValues(table, reference, 0, MAX_DISTINCT_VALUES_FOR_VALUE_BINS)) return null;
  const referenceCounts = listSortedKeys(table, 0);
  const hashed = accumulateValues(
    table,
    current,
    1,
    MAX_DISTINCT_VALUES_FOR_VALUE_BINS + MAX_HASHED_CURRENT_VALUES,
  );
  const currentCounts = hashed ? listSortedKeys(table, 1) : countSortedValues(current);
  return mergeValueCounts(referenceCounts, currentCounts);
}

/** NumPy's `histogram_bin_edges(concat(R, C), bins="sturges")`, reproducing its float arithmetic. */
export function computeSturgesEdges(reference: Float64Array, current: Float64Array): Float64Array {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  // Math.min/max compile to branch-free code; compare-and-assign mispredicts on unsorted data.
  for (let i = 0; i < reference.length; i += 1) {
    const value = reference[i] ?? 0;
    first = Math.min(first, value);
    last = Math.max(last, value);
  }
  for (let i = 0; i < current.length; i += 1) {
    const value = current[i] ?? 0;
    first = Math.min(first, value);
    last = Math.max(last, value);
  }
  const size = reference.length + current.length;
  if (size === 0) return Float64Array.of(0, 1);
  const range = last - first;
  // NumPy: width = ptp / (log2(n) + 1), then ceil(ptp / width) bins, which can exceed the ideal count by one.
  const width = range / (Math.log2(size) + 1);
  const binCount = width > 0 ? Math.ceil(range / width) : 1;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  // np.linspace(first, last, binCount + 1): i * step + first, the last edge set to `last` exactly.
  const edges = new Float64Array(binCount + 1);
  const delta = last - first;
  const step = delta / binCount;
  for (let i = 0; i < binCount; i += 1) {
    edges[i] = step === 0 ? (i / binCount) * delta + first : i * step + first;
  }
  edges[binCount] = last;
  return edges;
}

/** Counts values into the bins of `edges` as `numpy.histogram` does; values outside the edges are dropped. */
export function countIntoEdges(values: Float64Array, edges: Float64Array): Float64Array {
  const binCount = edges.length - 1;
  const counts = new Float64Array(Math.max(binCount, 0));
  if (binCount < 1) return counts;
  const first = edges[0] ?? 0;
  const last = edges[binCount] ?? 0;
  const scale = binCount / (last - first);
  for (let v = 0; v < values.length; v += 1) {
    const value = values[v] ?? 0;
    if (!(value >= first && value <= last)) continue;
    // value >= first, so truncation is floor; `| 0` also maps NaN (scale = Infinity) to 0.
    let index = ((value - first) * scale) | 0;
    if (index > binCount - 1) index = binCount - 1;
    // The arithmetic guess can be off by one near an edge; the stored edges decide, as in NumPy.
    while (index > 0 && value < (edges[index] ?? 0)) index -= 1;
    while (index < binCount - 1 && value >= (edges[index + 1] ?? 0)) index += 1;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** Bins a numeric column for the share-based divergences (rule in the module header). */
export function computeDivergenceBins(reference: Float64Array, current: Float64Array): DivergenceBins {
  const valueBins = computeValueBins(reference, current);
  if (valueBins !== null) return valueBins;
  const edges = computeSturgesEdges(reference, current);
  return { edges, reference: countIntoEdges(reference, edges), current: countIntoEdges(current, edges) };
}

/** Converts counts to shares of their total; an all-zero vector stays all zero (no NaN). */
export function toShares(counts: Float64Array): Float64Array {
  const total = computeTotal(counts);
  const shares = new Float64Array(counts.length);
  if (total === 0) return shares;
  for (let i = 0; i < counts.length; i += 1) shares[i] = (counts[i] ?? 0) / total;
  return shares;
}

/**
 * Replaces zero shares by min_nonzero/1e6 when min_nonzero <= 1e-4, otherwise by 1e-4, without
 * renormalising (one side at a time; an all-zero side gets 1e-4 everywhere).
 */
export function fillZeroShares(shares: Float64Array): Float64Array {
  let minNonzero = Number.POSITIVE_INFINITY;
  for (let i = 0; i < shares.length; i += 1) {
    const share = shares[i] ?? 0;
    if (share > 0 && share < minNonzero) minNonzero = share;
  }
  const fill = minNonzero <= ZERO_FILL_DEFAULT ? minNonzero / ZERO_FILL_DIVISOR : ZERO_FILL_DEFAULT;
  const filled = Float64Array.from(shares);
  for (let i = 0; i < filled.length; i += 1) {
    if (filled[i] === 0) filled[i] = fill;
  }
  return filled;
}

/** Throws unless the two count vectors have equal length and hold only finite non-negative counts. */
export function assertAlignedCounts(referenceCounts: Float64Array, currentCounts: Float64Array): void {
  if (referenceCounts.length !== currentCounts.length) {
    throw new RangeError(
      `count vectors differ in length (${referenceCounts.length} vs ${currentCounts.length})`,
    );
  }
  for (const counts of [referenceCounts, currentCounts]) {
    for (let i = 0; i < counts.length; i += 1) {
      const count = counts[i] ?? 0;
      if (!(count >= 0 && count < Number.POSITIVE_INFINITY)) throw new RangeError(`invalid count ${count}`);
    }
  }
}

/** Sum of a count vector. */
export function computeTotal(counts: Float64Array): number {
  let total = 0;
  for (let i = 0; i < counts.length; i += 1) total += counts[i] ?? 0;
  return total;
}

/** Totals of two count vectors checked by `assertAlignedCounts`; insufficient_data when a side has none. */
export function computeAlignedTotals(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<{ referenceTotal: number; currentTotal: number }> {
  assertAlignedCounts(referenceCounts, currentCounts);
  const referenceTotal = computeTotal(referenceCounts);
  const currentTotal = computeTotal(currentCounts);
  if (referenceTotal === 0) return toInsufficientData("reference has no observations");
  if (currentTotal === 0) return toInsufficientData("current has no observations");
  return toOk({ referenceTotal, currentTotal });
}

/** Shares of two aligned count vectors, or insufficient_data when a side has no observations. */
export function computeAlignedShares(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<{ reference: Float64Array; current: Float64Array }> {
  const totals = computeAlignedTotals(referenceCounts, currentCounts);
  if (totals.status !== "ok") return totals;
  return toOk({ reference: toShares(referenceCounts), current: toShares(currentCounts) });
}

/** `computeAlignedShares` with `fillZeroShares` applied to each side, as PSI and KL take them. */
export function computeFilledShares(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<{ reference: Float64Array; current: Float64Array }> {
  const shares = computeAlignedShares(referenceCounts, currentCounts);
  if (shares.status !== "ok") return shares;
  return toOk({ reference: fillZeroShares(shares.reference), current: fillZeroShares(shares.current) });
}
