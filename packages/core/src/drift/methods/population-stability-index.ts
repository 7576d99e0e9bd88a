/**
 * Population stability index (`psi`, drift when >= 0.1): Σ (c_i - r_i) ln(c_i / r_i) over the binned
 * shares of each side after the per-side zero fill (no renormalisation), as Evidently computes it.
 * A side without observations gives insufficient_data; PSI is symmetric in the two sides and >= 0.
 */

import type { StatResult } from "../../result.js";
import { toOk } from "../../result.js";
import { computeFilledShares } from "../binning.js";

/** PSI of two aligned count vectors (bins or categories). */
export function populationStabilityIndex(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<{ psi: number }> {
  const shares = computeFilledShares(referenceCounts, currentCounts);
  if (shares.status !== "ok") return shares;
  const { reference, current } = shares;
  let psi = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const r = reference[i] ?? 0;
    const c = current[i] ?? 0;
    psi += (c - r) * Math.log(c / r);
  }
  return toOk({ psi });
}
