/**
 * Energy distance between two empirical distributions (`energy`, drift when > 0.1), as SciPy's
 * unweighted `energy_distance`: sqrt(2)·(∫ (F_u - F_v)² dx)^½, from the sorted samples in
 * O(n log n). Scale-dependent (same units as the data). An empty side is insufficient data.
 */
import type { StatResult } from "../../result.js";
import { toInsufficientData, toOk } from "../../result.js";
import { sortFloat64 } from "../../sorting/sort-float64.js";
import { computeCdfDifferenceIntegrals } from "./wasserstein.js";

/** Energy distance between two non-empty ascending samples. */
export function energyDistanceSorted(uSorted: Float64Array, vSorted: Float64Array): number {
  return Math.SQRT2 * Math.sqrt(computeCdfDifferenceIntegrals(uSorted, vSorted).squared);
}

/** Energy distance, SciPy `energy_distance(u, v)` without weights. */
export function energyDistance(u: Float64Array, v: Float64Array): StatResult<{ distance: number }> {
  if (u.length === 0 || v.length === 0)
    return toInsufficientData("energy distance needs values on both sides");
  return toOk({ distance: energyDistanceSorted(sortFloat64(u), sortFloat64(v)) });
}
