/**
 * First Wasserstein (earth mover's) distance between two empirical distributions, as SciPy's
 * unweighted `wasserstein_distance`: ∫ |F_u - F_v| dx, summed over the gaps between consecutive
 * pooled values. Also Evidently's `wasserstein_norm` (drift when >= 0.1): W1(R, C) / max(std_pop(R),
 * 0.001), which makes the distance scale-free. An empty side is insufficient data.
 */
import type { StatResult } from "../../result.js";
import { toInsufficientData, toOk } from "../../result.js";
import { sortFloat64 } from "../../sorting/sort-float64.js";

// Evidently's floor on the reference standard deviation, so a constant reference does not divide by 0.
const MIN_REFERENCE_STD = 0.001;

/** ∫ |F_u - F_v| dx and ∫ (F_u - F_v)² dx of two non-empty ascending samples. */
export interface CdfDifferenceIntegrals {
  readonly absolute: number;
  readonly squared: number;
}

/**
 * Both integrals in one merge over the distinct pooled values: between consecutive values x_k < x_{k+1}
 * the empirical CDFs are constant, so each gap adds |i/nu - j/nv|·(x_{k+1} - x_k) (and the square).
 * The difference is carried as the exact integer i·nv - j·nu and scaled once at the end; the sums are
 * Neumaier-compensated because the pooled sample can hold millions of gaps.
 */
export function computeCdfDifferenceIntegrals(
  uSorted: Float64Array,
  vSorted: Float64Array,
): CdfDifferenceIntegrals {
  const nu = uSorted.length;
  const nv = vSorted.length;
  let [i, j, difference] = [0, 0, 0];
  let [absolute, absoluteError, squared, squaredError] = [0, 0, 0, 0];
  let a = uSorted[0]!;
  let b = vSorted[0]!;
  let value = a <= b ? a : b;
  for (;;) {
    // Take one value per step; the CDFs are final once the next pooled value is larger.
    if (a <= b) {
      i += 1;
      difference += nv;
      a = i < nu ? uSorted[i]! : Infinity;
    } else {
      j += 1;
      difference -= nu;
      b = j < nv ? vSorted[j]! : Infinity;
    }
    const next = a <= b ? a : b;
    if (next === value) continue;
    if (next === Infinity) break;
    const gap = next - value;
    const absoluteTerm = Math.abs(difference) * gap;
    const absoluteTotal = absolute + absoluteTerm;
    absoluteError +=
      absolute >= absoluteTerm
        ? absolute - absoluteTotal + absoluteTerm
        : absoluteTerm - absoluteTotal + absolute;
    absolute = absoluteTotal;
    const squaredTerm = difference * difference * gap;
    const squaredTotal = squared + squaredTerm;
    squaredError +=
      squared >= squaredTerm ? squared - squaredTotal + squaredTerm : squaredTerm - squaredTotal + squared;
    squared = squaredTotal;
    value = next;
  }
  const scale = nu * nv;
  return { absolute: (absolute + absoluteError) / scale, squared: (squared + squaredError) / scale / scale };
}

/** W1 between two non-empty ascending samples and how many distinct values they hold together. */
export interface PooledSortedSummary {
  readonly wassersteinDistance: number;
  readonly distinctCount: number;
}

/**
 * W1 and the pooled distinct count of two non-empty ascending samples in one merge: the absolute integral
 * of `computeCdfDifferenceIntegrals` alone (the same terms summed in the same order, so the same bits),
 * without the squared integral only energy distance needs, and each step to a new pooled value counted.
 */
export function summarisePooledSorted(uSorted: Float64Array, vSorted: Float64Array): PooledSortedSummary {
  const nu = uSorted.length;
  const nv = vSorted.length;
  const step = nu + nv;
  let i = 0;
  let j = 0;
  let difference = 0;
  let absolute = 0;
  let absoluteError = 0;
  let distinct = 1;
  let a = uSorted[0]!;
  let b = vSorted[0]!;
  let value = a <= b ? a : b;
  for (;;) {
    // Which side the next value comes from is a coin flip on similar samples: selected arithmetically
    // (t = 1 takes from u: difference += nv; t = 0 from v: difference -= nu), not by a branch.
    const t = a <= b ? 1 : 0;
    i += t;
    j += 1 - t;
    difference += t * step - nu;
    a = i < nu ? uSorted[i]! : Infinity;
    b = j < nv ? vSorted[j]! : Infinity;
    const next = a <= b ? a : b;
    if (next === value) continue;
    if (next === Infinity) break;
    const term = Math.abs(difference) * (next - value);
    const total = absolute + term;
    absoluteError += absolute >= term ? absolute - total + term : term - total + absolute;
    absolute = total;
    value = next;
    distinct += 1;
  }
  return { wassersteinDistance: (absolute + absoluteError) / (nu * nv), distinctCount: distinct };
}

/** W1 between two non-empty ascending samples. */
export function wassersteinDistanceSorted(uSorted: Float64Array, vSorted: Float64Array): number {
  return summarisePooledSorted(uSorted, vSorted).wassersteinDistance;
}

/** First Wasserstein distance, SciPy `wasserstein_distance(u, v)` without weights. */
export function wassersteinDistance(u: Float64Array, v: Float64Array): StatResult<{ distance: number }> {
  if (u.length === 0 || v.length === 0)
    return toInsufficientData("Wasserstein distance needs values on both sides");
  return toOk({ distance: wassersteinDistanceSorted(sortFloat64(u), sortFloat64(v)) });
}

/** Population standard deviation (two-pass, NumPy's `np.std` with ddof = 0). */
function computePopulationStd(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i += 1) total += values[i]!;
  const mean = total / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i += 1) squares += (values[i]! - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

/** Evidently's `wasserstein_norm`: W1(reference, current) / max(std_pop(reference), 0.001). */
export function normedWassersteinDistance(
  reference: Float64Array,
  current: Float64Array,
): StatResult<{ distance: number; wasserstein: number; referenceStd: number }> {
  if (reference.length === 0 || current.length === 0) {
    return toInsufficientData("normed Wasserstein distance needs values on both sides");
  }
  const wasserstein = wassersteinDistanceSorted(sortFloat64(reference), sortFloat64(current));
  const referenceStd = computePopulationStd(reference);
  return toOk({
    distance: wasserstein / Math.max(referenceStd, MIN_REFERENCE_STD),
    wasserstein,
    referenceStd,
  });
}
