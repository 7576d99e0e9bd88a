/**
 * Chi-square test of independence (`chi2_contingency`, drift when p < 0.05) on the 2×k table whose rows
 * are the reference and current counts, as `scipy.stats.chi2_contingency(correction=True)`: expected =
 * row total × column total / n, df = k - 1, Yates' correction (each cell moved up to 0.5 towards its
 * expectation) when df = 1, and statistic 0 with p = 1 for a single category. Columns empty on both
 * sides are dropped (SciPy rejects them); an empty side is insufficient_data.
 */

import { chiSquaredSf } from "../../distributions/chi-squared.js";
import type { StatResult } from "../../result.js";
import { toOk } from "../../result.js";
import { computeAlignedTotals } from "../binning.js";
import type { ChiSquareOutcome } from "./chi-square.js";

/** Pearson term of one cell, with SciPy's Yates shift of the observed count when `corrected`. */
function computeCellTerm(observed: number, expected: number, corrected: boolean): number {
  let adjusted = observed;
  if (corrected) {
    const difference = expected - observed;
    adjusted = observed + Math.sign(difference) * Math.min(0.5, Math.abs(difference));
  }
  return ((adjusted - expected) * (adjusted - expected)) / expected;
}

/** Chi-square test of independence between side (reference/current) and category. */
export function chiSquareContingencyTest(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<ChiSquareOutcome> {
  const totals = computeAlignedTotals(referenceCounts, currentCounts);
  if (totals.status !== "ok") return totals;
  const { referenceTotal, currentTotal } = totals;
  const total = referenceTotal + currentTotal;
  let columnCount = 0;
  for (let i = 0; i < referenceCounts.length; i += 1) {
    if ((referenceCounts[i] ?? 0) + (currentCounts[i] ?? 0) > 0) columnCount += 1;
  }
  const degreesOfFreedom = columnCount - 1;
  if (degreesOfFreedom === 0) return toOk({ statistic: 0, pValue: 1, degreesOfFreedom });
  const corrected = degreesOfFreedom === 1;
  let statistic = 0;
  for (let i = 0; i < referenceCounts.length; i += 1) {
    const referenceCount = referenceCounts[i] ?? 0;
    const currentCount = currentCounts[i] ?? 0;
    const columnTotal = referenceCount + currentCount;
    if (columnTotal === 0) continue;
    statistic += computeCellTerm(referenceCount, (referenceTotal * columnTotal) / total, corrected);
    statistic += computeCellTerm(currentCount, (currentTotal * columnTotal) / total, corrected);
  }
  return toOk({ statistic, pValue: chiSquaredSf(statistic, degreesOfFreedom), degreesOfFreedom });
}
