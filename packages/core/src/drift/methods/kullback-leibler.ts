/**
 * Kullback-Leibler divergence (`kl`, drift when >= 0.1): KL(R ‖ C) = Σ r_i ln(r_i / c_i), natural log,
 * over the binned shares after the per-side zero fill. As in Evidently (`scipy.stats.entropy`), the
 * filled shares are renormalised to sum 1 before the sum; a side without observations is insufficient_data.
 */

import type { StatResult } from "../../result.js";
import { toOk } from "../../result.js";
import { computeFilledShares, computeTotal } from "../binning.js";

/** KL(reference ‖ current) of two aligned count vectors (bins or categories). */
export function kullbackLeiblerDivergence(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<{ kl: number }> {
  const shares = computeFilledShares(referenceCounts, currentCounts);
  if (shares.status !== "ok") return shares;
  const { reference, current } = shares;
  // scipy.stats.entropy divides each side by its sum again; the golden vectors include that step.
  const referenceTotal = computeTotal(reference);
  const currentTotal = computeTotal(current);
  let kl = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const r = (reference[i] ?? 0) / referenceTotal;
    const c = (current[i] ?? 0) / currentTotal;
    kl += r * Math.log(r / c);
  }
  // Rounding can leave a tiny negative sum for identical sides; KL is never below 0.
  return toOk({ kl: Math.max(kl, 0) });
}
