/**
 * Chi-square goodness of fit (`chisquare`, drift when p < 0.05): the current counts against the
 * reference proportions scaled to the current total, expected_k = count_R(k)·n_C/n_R, df = k - 1.
 * A category seen only in the current sample makes the statistic Infinity and p = 0; categories empty
 * on both sides are ignored; a single category is insufficient_data (SciPy's p-value is NaN at df = 0).
 */

import { chiSquaredSf } from "../../distributions/chi-squared.js";
import type { StatResult } from "../../result.js";
import { toInsufficientData, toOk } from "../../result.js";
import { computeAlignedTotals } from "../binning.js";

/** A chi-square statistic with its p-value and degrees of freedom. */
export interface ChiSquareOutcome {
  readonly statistic: number;
  readonly pValue: number;
  readonly degreesOfFreedom: number;
}

/** Goodness-of-fit test of the current category counts against the reference proportions. */
export function chiSquareGoodnessOfFitTest(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<ChiSquareOutcome> {
  const totals = computeAlignedTotals(referenceCounts, currentCounts);
  if (totals.status !== "ok") return totals;
  const { referenceTotal, currentTotal } = totals;
  let statistic = 0;
  let categoryCount = 0;
  for (let i = 0; i < referenceCounts.length; i += 1) {
    const observed = currentCounts[i] ?? 0;
    const referenceCount = referenceCounts[i] ?? 0;
    if (observed === 0 && referenceCount === 0) continue;
    categoryCount += 1;
    const expected = (referenceCount * currentTotal) / referenceTotal;
    // expected 0 with observed > 0 is a division by zero: Infinity, as in SciPy.
    statistic +=
      expected === 0 ? Number.POSITIVE_INFINITY : ((observed - expected) * (observed - expected)) / expected;
  }
  const degreesOfFreedom = categoryCount - 1;
  if (degreesOfFreedom < 1) return toInsufficientData("goodness of fit needs at least two categories");
  const pValue = statistic === Number.POSITIVE_INFINITY ? 0 : chiSquaredSf(statistic, degreesOfFreedom);
  return toOk({ statistic, pValue, degreesOfFreedom });
}
