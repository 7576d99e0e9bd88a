/**
 * Quantiles by linear interpolation between order statistics (Hyndman-Fan type 7, NumPy 1.24's
 * default `method="linear"`): h = (n−1)·p, q = lerp(x_⌊h⌋, x_⌊h⌋+1, h−⌊h⌋) with NumPy's two-sided lerp
 * (b − (b−a)(1−t) when t >= 0.5) so results agree to the last bit. Empty input → insufficient_data.
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import { sortFloat64 } from "../sorting/sort-float64.js";

/** NumPy `_lerp`: interpolates from the nearer end to keep the result monotone and exact at the ends. */
function interpolateLinearly(low: number, high: number, fraction: number): number {
  const difference = high - low;
  return fraction >= 0.5 ? high - difference * (1 - fraction) : low + difference * fraction;
}

/** Type-7 quantile of already sorted values (non-empty) at probability p in [0, 1]. */
export function computeSortedQuantile(sorted: Float64Array, p: number): number {
  const virtualIndex = (sorted.length - 1) * p;
  if (virtualIndex >= sorted.length - 1) return sorted[sorted.length - 1]!;
  const below = Math.floor(virtualIndex);
  return interpolateLinearly(sorted[below]!, sorted[below + 1]!, virtualIndex - below);
}

/** Type-7 quantiles of `values` at each probability in `probs` (each in [0, 1]). */
export function computeQuantiles(
  values: Float64Array,
  probs: readonly number[],
): StatResult<{ readonly quantiles: number[] }> {
  for (const p of probs) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`probability ${p} is outside [0, 1]`);
  }
  if (values.length === 0) return toInsufficientData("no values");
  const sorted = sortFloat64(values);
  return toOk({ quantiles: probs.map((p) => computeSortedQuantile(sorted, p)) });
}
