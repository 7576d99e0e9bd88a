/**
 * Jensen-Shannon distance (`jensenshannon`, drift when >= 0.1) as `scipy.spatial.distance.jensenshannon`:
 * sqrt((KL(p‖m) + KL(q‖m)) / 2) with m = (p + q) / 2, logs in `base` (default e, maximum sqrt(ln 2)
 * ≈ 0.8326; base 2 bounds it by 1); no zero fill since m > 0 wherever p or q is. Empty side → insufficient_data.
 */

import type { StatResult } from "../../result.js";
import { toOk } from "../../result.js";
import { computeAlignedShares } from "../binning.js";

/** Options of the Jensen-Shannon distance. */
export interface JensenShannonOptions {
  /** Logarithm base (> 0, not 1); natural log when omitted. */
  readonly base?: number;
}

/** Σ x_i ln(x_i / m_i) with 0 ln 0 = 0, SciPy's `rel_entr` summed. */
function computeRelativeEntropy(shares: Float64Array, mixture: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < shares.length; i += 1) {
    const x = shares[i] ?? 0;
    if (x > 0) sum += x * Math.log(x / (mixture[i] ?? 0));
  }
  return sum;
}

/** Jensen-Shannon distance between the share vectors of two aligned count vectors. */
export function jensenShannonDistance(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
  options: JensenShannonOptions = {},
): StatResult<{ distance: number }> {
  const base = options.base;
  if (base !== undefined && !(base > 0 && base !== 1 && Number.isFinite(base))) {
    throw new RangeError(`logarithm base must be positive, finite and not 1 (got ${base})`);
  }
  const shares = computeAlignedShares(referenceCounts, currentCounts);
  if (shares.status !== "ok") return shares;
  const mixture = new Float64Array(shares.reference.length);
  for (let i = 0; i < mixture.length; i += 1) {
    mixture[i] = ((shares.reference[i] ?? 0) + (shares.current[i] ?? 0)) / 2;
  }
  let divergence =
    computeRelativeEntropy(shares.reference, mixture) + computeRelativeEntropy(shares.current, mixture);
  if (base !== undefined) divergence /= Math.log(base);
  // SciPy would return NaN for a rounding-level negative divergence; the distance is 0 there.
  return toOk({ distance: Math.sqrt(Math.max(divergence / 2, 0)) });
}
