/**
 * A mergeable quantile sketch with relative accuracy (DDSketch-style log buckets, fixed for all data):
 * bucket i > 0 holds magnitudes in (γ^(i-1), γ^i] with γ = (1+α)/(1-α), α = 0.01, so any value is
 * within α·|v| of its bucket's representative 2γ^i/(γ+1). Magnitudes at most γ^minExponent (≈1e-9)
 * share the zero bucket; magnitudes above γ^maxExponent (≈1e12) fall into one overflow bucket per sign.
 *
 * Buckets are the same for every column and every data set, so merging is adding counts per bucket
 * (exact, order-independent) and no re-binning is ever needed. Bucket keys are integers monotone in the
 * value: 0 is the zero bucket, +k / −k the positive / negative bucket of exponent k + minExponent − 1,
 * ±overflowKey the overflow buckets.
 *
 * Bounds (tested): a quantile estimate is within α·|x| of the order statistic x of rank ⌊q·(n−1)⌋
 * (absolute 1e-9 in the zero bucket; overflow buckets return the exact min or max); the count of values
 * at or below an edge e is exact except for values in e's own bucket, all of which lie in (e/γ, e·γ]
 * (for e > 0; mirrored for e < 0), and the returned `bound` is that bucket's count.
 */

/** Relative accuracy α of the sketch. */
export const sketchRelativeAccuracy = 0.01;
const gamma = (1 + sketchRelativeAccuracy) / (1 - sketchRelativeAccuracy);
const logGamma = Math.log(gamma);
const minExponent = Math.floor(Math.log(1e-9) / logGamma);
const maxExponent = Math.ceil(Math.log(1e12) / logGamma);
/** Key of the positive overflow bucket (the negative one is its negation). */
export const sketchOverflowKey = maxExponent - minExponent + 2;

/** γ^e for every exponent in [minExponent, maxExponent]: the bucket boundaries, computed once. */
const boundaries = Float64Array.from({ length: maxExponent - minExponent + 1 }, (_, index) =>
  Math.pow(gamma, index + minExponent),
);
const zeroMagnitude = boundaries[0]!;
const topMagnitude = boundaries[boundaries.length - 1]!;

/** Upper magnitude bound of the bucket with positive key k (k in [1, overflowKey − 1]). */
function upperMagnitude(key: number): number {
  return boundaries[key]!;
}

/** Key of a finite magnitude m > zeroMagnitude: the smallest exponent e with m <= γ^e, offset. */
function keyOfMagnitude(magnitude: number): number {
  if (magnitude > topMagnitude) return sketchOverflowKey;
  let index = Math.ceil(Math.log(magnitude) / logGamma) - minExponent;
  if (index < 1) index = 1;
  if (index >= boundaries.length) index = boundaries.length - 1;
  while (magnitude > boundaries[index]!) index += 1;
  while (index > 1 && magnitude <= boundaries[index - 1]!) index -= 1;
  return index;
}

/** The bucket key of a value; null for NaN. ±Infinity fall into the overflow buckets. */
export function toSketchKey(value: number): number | null {
  if (Number.isNaN(value)) return null;
  const magnitude = Math.abs(value);
  if (magnitude <= zeroMagnitude) return 0;
  const key = keyOfMagnitude(magnitude);
  return value > 0 ? key : -key;
}

/** Adds one value to bucket counts in place (NaN is ignored; callers count it separately). */
export function addToSketch(buckets: Map<number, number>, value: number): void {
  const key = toSketchKey(value);
  if (key !== null) buckets.set(key, (buckets.get(key) ?? 0) + 1);
}

/** The sum of two sketches (a new map). */
export function mergeSketches(
  a: ReadonlyMap<number, number>,
  b: ReadonlyMap<number, number>,
): Map<number, number> {
  const merged = new Map(a);
  for (const [key, count] of b) merged.set(key, (merged.get(key) ?? 0) + count);
  return merged;
}

/** Inclusive value bounds of a bucket: [low, high] (the open ends are within one float step). */
export function describeSketchBucket(key: number): { readonly low: number; readonly high: number } {
  if (key === 0) return { low: -zeroMagnitude, high: zeroMagnitude };
  const magnitude = Math.abs(key);
  const inner = magnitude === sketchOverflowKey ? topMagnitude : upperMagnitude(magnitude - 1);
  const outer = magnitude === sketchOverflowKey ? Number.POSITIVE_INFINITY : upperMagnitude(magnitude);
  return key > 0 ? { low: inner, high: outer } : { low: -outer, high: -inner };
}

/** The next float below x. */
function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const float = new Float64Array([x]);
  const bits = new BigInt64Array(float.buffer);
  bits[0] = bits[0]! + (x > 0 ? -1n : 1n);
  return float[0]!;
}

/**
 * The clean cut above a bucket: the largest value every value of the bucket is at or below while every
 * value of the next bucket is above it. An edge at a cut splits no bucket, so counts at it are exact.
 */
export function computeSketchCut(key: number): number {
  if (key === sketchOverflowKey) return Number.POSITIVE_INFINITY;
  const { high } = describeSketchBucket(key);
  return key < 0 ? nextDown(high) : high;
}

/** A bucket's representative value, clamped to the data's [min, max]. */
function representativeOf(key: number, min: number, max: number): number {
  const magnitude = Math.abs(key);
  let value: number;
  if (key === 0) value = 0;
  else if (magnitude === sketchOverflowKey) value = key > 0 ? max : min;
  else value = ((key > 0 ? 1 : -1) * 2 * upperMagnitude(magnitude)) / (gamma + 1);
  return Math.min(max, Math.max(min, value));
}

/** A sketch with the exact extremes of its values, as a profile stores it. */
export interface SketchSummary {
  readonly buckets: ReadonlyMap<number, number>;
  readonly min: number;
  readonly max: number;
}

function sortedEntries(buckets: ReadonlyMap<number, number>): [number, number][] {
  return [...buckets].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
}

/**
 * Quantile estimates at each probability: the representative of the bucket holding the order statistic
 * of rank ⌊q·(n−1)⌋, clamped to [min, max]; q = 0 and q = 1 give the exact min and max. Empty → [].
 */
export function computeSketchQuantiles(summary: SketchSummary, probs: readonly number[]): number[] {
  const entries = sortedEntries(summary.buckets);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return [];
  return probs.map((q) => {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`probability ${q} is outside [0, 1]`);
    if (q === 0) return summary.min;
    if (q === 1) return summary.max;
    const rank = Math.floor(q * (total - 1));
    let seen = 0;
    for (const [key, count] of entries) {
      seen += count;
      if (seen > rank) return representativeOf(key, summary.min, summary.max);
    }
    return summary.max;
  });
}

/**
 * Quantiles snapped to clean cuts: the cut above the bucket holding the order statistic x of rank
 * ⌊q·(n−1)⌋, clamped to [min, max]; within (γ−1)·|x| ≈ 2.02% of x (2e-9 absolute in the zero bucket;
 * overflow buckets give the exact max). Bins on these edges are exact; q = 1 gives the max.
 */
export function computeSketchCutQuantiles(summary: SketchSummary, probs: readonly number[]): number[] {
  const entries = sortedEntries(summary.buckets);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return [];
  return probs.map((q) => {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`probability ${q} is outside [0, 1]`);
    const rank = Math.floor(q * (total - 1));
    let seen = 0;
    for (const [key, count] of entries) {
      seen += count;
      if (seen > rank) return Math.min(summary.max, computeSketchCut(key));
    }
    return summary.max;
  });
}

/**
 * Estimated number of values <= edge, with `bound`: the count of the one bucket the edge cuts (the only
 * values that can be on the wrong side). Exact (bound 0) when the edge is at or beyond the extremes.
 */
export function countSketchAtOrBelow(
  summary: SketchSummary,
  edge: number,
): { readonly estimate: number; readonly bound: number } {
  let estimate = 0;
  let total = 0;
  let bound = 0;
  for (const [key, count] of summary.buckets) {
    total += count;
    const { low } = describeSketchBucket(key);
    if (computeSketchCut(key) <= edge) estimate += count;
    else if (low > edge || (key > 0 && low >= edge)) continue;
    else {
      bound += count;
      if (representativeOf(key, summary.min, summary.max) <= edge) estimate += count;
    }
  }
  if (edge >= summary.max) return { estimate: total, bound: 0 };
  if (edge < summary.min) return { estimate: 0, bound: 0 };
  return { estimate, bound };
}
