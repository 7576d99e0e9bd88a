/**
 * Display histograms with NumPy 1.24 semantics: `histogram_bin_edges(values, bins=n)` spans [min, max]
 * (widened by ±0.5 when all values are equal) with edges from `linspace`'s own arithmetic
 * (start + i·step, last edge = stop exactly); a value falls in [e_i, e_{i+1}) and the last bin is closed.
 * As `np.histogram` with explicit edges, values outside [e_0, e_last] are dropped, not clamped.
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";

/** Equal-width edges and the count of values in each bin. */
export interface Histogram {
  readonly edges: Float64Array;
  readonly counts: Float64Array;
}

/** `np.linspace(start, stop, num)` with NumPy's exact arithmetic (endpoint included). */
export function computeLinspace(start: number, stop: number, num: number): Float64Array {
  const points = new Float64Array(num);
  const divisions = num - 1;
  const delta = stop - start;
  const step = delta / divisions;
  for (let i = 0; i < num; i++) {
    // NumPy falls back to (i / div) · delta when the step underflows to zero.
    points[i] = (step === 0 ? (i / divisions) * delta : i * step) + start;
  }
  if (num > 1) points[num - 1] = stop;
  return points;
}

/** [min, max] with two independent accumulators (branch-free Math.min/max, twice the throughput). */
function computeRange(values: Float64Array): [number, number] {
  let low0 = Infinity;
  let high0 = -Infinity;
  let low1 = Infinity;
  let high1 = -Infinity;
  const pairEnd = values.length & ~1;
  for (let i = 0; i < pairEnd; i += 2) {
    const a = values[i]!;
    const b = values[i + 1]!;
    low0 = Math.min(low0, a);
    high0 = Math.max(high0, a);
    low1 = Math.min(low1, b);
    high1 = Math.max(high1, b);
  }
  if (pairEnd < values.length) {
    low0 = Math.min(low0, values[pairEnd]!);
    high0 = Math.max(high0, values[pairEnd]!);
  }
  const low = Math.min(low0, low1);
  const high = Math.max(high0, high1);
  return low === high ? [low - 0.5, high + 0.5] : [low, high];
}

/** Edges of `binCount` equal-width bins over the data range (NumPy `histogram_bin_edges`). */
export function computeHistogramBinEdges(
  values: Float64Array,
  binCount: number,
): StatResult<{ readonly edges: Float64Array }> {
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError("binCount must be >= 1");
  if (values.length === 0) return toInsufficientData("no values");
  const [first, last] = computeRange(values);
  return toOk({ edges: computeLinspace(first, last, binCount + 1) });
}

function isUniformlySpaced(edges: Float64Array): boolean {
  const bins = edges.length - 1;
  const step = (edges[bins]! - edges[0]!) / bins;
  if (!(step > 0)) return false;
  for (let i = 1; i < bins; i++) {
    if (Math.abs(edges[i]! - (edges[0]! + i * step)) > step * 1e-6) return false;
  }
  return true;
}

/** Counts by guessing the bin arithmetically, then stepping until the edge comparisons agree. */
function countUniform(values: Float64Array, edges: Float64Array, counts: Float64Array): void {
  const bins = counts.length;
  const first = edges[0]!;
  const last = edges[bins]!;
  const scale = bins / (last - first);
  const lastBin = bins - 1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!(value >= first && value <= last)) continue;
    let bin = ((value - first) * scale) | 0;
    if (bin > lastBin) bin = lastBin;
    while (bin > 0 && value < edges[bin]!) bin--;
    while (bin < lastBin && value >= edges[bin + 1]!) bin++;
    counts[bin]!++;
  }
}

/** Counts by binary search: the last bin i (< bins) whose left edge is <= value. */
function countBySearch(values: Float64Array, edges: Float64Array, counts: Float64Array): void {
  const bins = counts.length;
  const first = edges[0]!;
  const last = edges[bins]!;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!(value >= first && value <= last)) continue;
    let low = 0;
    let high = bins;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (edges[middle]! <= value) low = middle + 1;
      else high = middle;
    }
    counts[low - 1]!++;
  }
}

/** Counts per bin for explicit non-decreasing edges, as `np.histogram(values, bins=edges)`. */
export function computeHistogram(values: Float64Array, edges: Float64Array): Float64Array {
  if (edges.length < 2) throw new RangeError("edges must hold at least two values");
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i]! >= edges[i - 1]!)) throw new RangeError("edges must be non-decreasing");
  }
  const counts = new Float64Array(edges.length - 1);
  if (isUniformlySpaced(edges)) countUniform(values, edges, counts);
  else countBySearch(values, edges, counts);
  return counts;
}

/**
 * Counts values known to lie within [edges[0], edges[bins]]: the arithmetic guess is corrected against
 * the real edges, padded with ∓Infinity sentinels so no bounds test is needed (a value on the last edge
 * lands in an overflow slot folded into the closed last bin); four interleaved counter rows keep
 * consecutive increments of the same bin from waiting on each other.
 */
function countInRangeFast(values: Float64Array, edges: Float64Array, counts: Float64Array): void {
  const bins = counts.length;
  const first = edges[0]!;
  const scale = bins / (edges[bins]! - first);
  const padded = new Float64Array(bins + 3); // padded[b + 1] = edges[b]
  padded.set(edges, 1);
  padded[0] = -Infinity;
  padded[bins + 2] = Infinity;
  const row = bins + 2;
  const tallies = new Int32Array(4 * row);
  const quadEnd = values.length & ~3;
  for (let i = 0; i < quadEnd; i += 4) {
    const x0 = values[i]!;
    const x1 = values[i + 1]!;
    const x2 = values[i + 2]!;
    const x3 = values[i + 3]!;
    let b0 = (((x0 - first) * scale) | 0) + 1;
    let b1 = (((x1 - first) * scale) | 0) + 1;
    let b2 = (((x2 - first) * scale) | 0) + 1;
    let b3 = (((x3 - first) * scale) | 0) + 1;
    while (x0 < padded[b0]!) b0--;
    while (x0 >= padded[b0 + 1]!) b0++;
    while (x1 < padded[b1]!) b1--;
    while (x1 >= padded[b1 + 1]!) b1++;
    while (x2 < padded[b2]!) b2--;
    while (x2 >= padded[b2 + 1]!) b2++;
    while (x3 < padded[b3]!) b3--;
    while (x3 >= padded[b3 + 1]!) b3++;
    tallies[b0]!++;
    tallies[row + b1]!++;
    tallies[2 * row + b2]!++;
    tallies[3 * row + b3]!++;
  }
  for (let i = quadEnd; i < values.length; i++) {
    const x = values[i]!;
    let b = (((x - first) * scale) | 0) + 1;
    while (x < padded[b]!) b--;
    while (x >= padded[b + 1]!) b++;
    tallies[b]!++;
  }
  for (let slot = 1; slot <= bins + 1; slot++) {
    const total = tallies[slot]! + tallies[row + slot]! + tallies[2 * row + slot]! + tallies[3 * row + slot]!;
    counts[Math.min(slot, bins) - 1]! += total;
  }
}

/** Fast equal-width histogram over the data range: edges as `histogram_bin_edges`, counts as `histogram`. */
export function computeEqualWidthHistogram(values: Float64Array, binCount: number): StatResult<Histogram> {
  const edgesResult = computeHistogramBinEdges(values, binCount);
  if (edgesResult.status !== "ok") return edgesResult;
  const { edges } = edgesResult;
  const counts = new Float64Array(binCount);
  countInRangeFast(values, edges, counts);
  return toOk({ edges, counts });
}
