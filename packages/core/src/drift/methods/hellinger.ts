/**
 * Hellinger distance (`hellinger`, drift when >= 0.1): sqrt(1 - Σ sqrt(r_i c_i)) over the binned
 * shares, no zero fill; bounded by [0, 1]. Rounding can push 1 - Σ below zero for identical sides,
 * which is clamped to 0; a side without observations gives insufficient_data.
 */

import type { StatResult } from "../../result.js";
import { toOk } from "../../result.js";
import { computeAlignedShares } from "../binning.js";

/** Hellinger distance between the share vectors of two aligned count vectors. */
export function hellingerDistance(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<{ distance: number }> {
  const shares = computeAlignedShares(referenceCounts, currentCounts);
  if (shares.status !== "ok") return shares;
  let affinity = 0;
  for (let i = 0; i < shares.reference.length; i += 1) {
    affinity += Math.sqrt((shares.reference[i] ?? 0) * (shares.current[i] ?? 0));
  }
  return toOk({ distance: Math.sqrt(Math.max(1 - affinity, 0)) });
}
