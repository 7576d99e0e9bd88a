/**
 * ADWIN, adaptive windowing (Bifet & Gavaldà 2007, ADWIN2): the window is kept as an exponential histogram
 * (at most `maxBucketsPerRow` buckets of each power-of-two size); every `clock` values each split W = W0·W1
 * at a bucket boundary is tested, and while some |μ̂0 − μ̂1| > ε the oldest bucket is dropped (a drift).
 * ε = √((2/m)·σ²_W·ln(2/δ')) + (2/(3m))·ln(2/δ') with 1/m = 1/n0 + 1/n1 and δ' = δ/ln n. No warning zone.
 */
import type { DetectorStep } from "./streaming-detector.js";
import { assertFiniteStreamValue } from "./streaming-detector.js";

/** ADWIN parameters; delta 0.002 by default. */
export interface AdwinOptions {
  readonly delta: number;
  readonly clock: number;
  readonly maxBucketsPerRow: number;
  readonly minSubwindowLength: number;
}

/** A histogram bucket: `count` values with their sum and sum of squared deviations from their mean. */
export interface AdwinBucket {
  readonly count: number;
  readonly total: number;
  readonly squaredDeviations: number;
}

/** ADWIN state (JSON-serialisable); buckets oldest first. */
export interface AdwinState {
  readonly options: AdwinOptions;
  readonly buckets: readonly AdwinBucket[];
  readonly width: number;
  readonly total: number;
  readonly squaredDeviations: number;
  readonly valuesSinceCheck: number;
}

/** STATISTICS.md default delta with the customary MOA/river clock 32, 5 buckets per row, sub-windows >= 5. */
export const ADWIN_DEFAULTS: AdwinOptions = {
  delta: 0.002,
  clock: 32,
  maxBucketsPerRow: 5,
  minSubwindowLength: 5,
};

/** A fresh ADWIN detector. */
export function computeInitialAdwinState(options: Partial<AdwinOptions> = {}): AdwinState {
  const merged = { ...ADWIN_DEFAULTS, ...options };
  if (!(merged.delta > 0 && merged.delta < 1) || !(merged.clock >= 1) || !(merged.maxBucketsPerRow >= 2)) {
    throw new RangeError("ADWIN needs delta in (0, 1), clock >= 1 and maxBucketsPerRow >= 2");
  }
  return { options: merged, buckets: [], width: 0, total: 0, squaredDeviations: 0, valuesSinceCheck: 0 };
}

/** Pools two groups' count, sum and squared deviations (Chan et al.'s parallel variance). */
function mergeBuckets(a: AdwinBucket, b: AdwinBucket): AdwinBucket {
  const count = a.count + b.count;
  const meanGap = a.total / a.count - b.total / b.count;
  const squaredDeviations =
    a.squaredDeviations + b.squaredDeviations + ((a.count * b.count) / count) * meanGap ** 2;
  return { count, total: a.total + b.total, squaredDeviations };
}

/** Removes `part` from the pooled group `whole` (inverse of mergeBuckets). */
function subtractBucket(whole: AdwinBucket, part: AdwinBucket): AdwinBucket {
  const count = whole.count - part.count;
  if (count === 0) return { count: 0, total: 0, squaredDeviations: 0 };
  const total = whole.total - part.total;
  const meanGap = part.total / part.count - total / count;
  const rest =
    whole.squaredDeviations - part.squaredDeviations - ((part.count * count) / whole.count) * meanGap ** 2;
  return { count, total, squaredDeviations: Math.max(0, rest) };
}

/** Merges the two oldest buckets of any size that has more than `maxPerRow` of them, smallest size first. */
function compressBuckets(buckets: AdwinBucket[], maxPerRow: number): void {
  for (let size = 1; ; size *= 2) {
    const indices: number[] = [];
    buckets.forEach((bucket, index) => {
      if (bucket.count === size) indices.push(index);
    });
    if (indices.length <= maxPerRow) return;
    const [first, second] = indices as [number, number];
    buckets.splice(first, 2, mergeBuckets(buckets[first]!, buckets[second]!));
  }
}

/** True when some split of the window at a bucket boundary has significantly different means. */
function hasCut(window: AdwinBucket, buckets: readonly AdwinBucket[], options: AdwinOptions): boolean {
  const n = window.count;
  const variance = window.squaredDeviations / n;
  const logTerm = Math.log((2 * Math.log(n)) / options.delta);
  let olderCount = 0;
  let olderTotal = 0;
  for (let k = 0; k < buckets.length - 1; k++) {
    olderCount += buckets[k]!.count;
    olderTotal += buckets[k]!.total;
    const newerCount = n - olderCount;
    if (olderCount < options.minSubwindowLength || newerCount < options.minSubwindowLength) continue;
    const inverseM = 1 / olderCount + 1 / newerCount;
    const epsilon = Math.sqrt(2 * inverseM * variance * logTerm) + (2 / 3) * inverseM * logTerm;
    if (Math.abs(olderTotal / olderCount - (window.total - olderTotal) / newerCount) > epsilon) return true;
  }
  return false;
}

/** Feeds one value of the stream (e.g. the 0/1 error of a prediction). */
export function computeAdwinStep(state: AdwinState, value: number): DetectorStep<AdwinState> {
  assertFiniteStreamValue(value);
  const { options } = state;
  const single: AdwinBucket = { count: 1, total: value, squaredDeviations: 0 };
  let window: AdwinBucket = {
    count: state.width,
    total: state.total,
    squaredDeviations: state.squaredDeviations,
  };
  window = window.count === 0 ? single : mergeBuckets(window, single);
  const buckets = [...state.buckets, single];
  compressBuckets(buckets, options.maxBucketsPerRow);
  let valuesSinceCheck = state.valuesSinceCheck + 1;
  let drift = false;
  if (valuesSinceCheck >= options.clock) {
    valuesSinceCheck = 0;
    while (buckets.length > 1 && hasCut(window, buckets, options)) {
      window = subtractBucket(window, buckets.shift()!);
      drift = true;
    }
  }
  const next: AdwinState = {
    options,
    buckets,
    width: window.count,
    total: window.total,
    squaredDeviations: window.squaredDeviations,
    valuesSinceCheck,
  };
  return { state: next, warning: false, drift };
}

/** Mean of the values ADWIN currently keeps (the adapted estimate); null before any value. */
export function computeAdwinMean(state: AdwinState): number | null {
  return state.width === 0 ? null : state.total / state.width;
}
