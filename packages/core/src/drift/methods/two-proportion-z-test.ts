/**
 * Pooled two-proportion z-test (`ztest`, drift when p < 0.05), as statsmodels' `proportions_ztest`:
 * z = (p_R - p_C) / sqrt(p̄(1 - p̄)(1/n_R + 1/n_C)) with the pooled share p̄, p = 2·sf(|z|) from the
 * normal upper tail so tiny p-values keep their precision. Both sides constant and equal (p̄ ∈ {0, 1})
 * give z = 0, p = 1; an empty side is insufficient_data.
 */

import { normalSf } from "../../distributions/normal.js";
import type { StatResult, TestOutcome } from "../../result.js";
import { toInsufficientData, toOk } from "../../result.js";
import { assertAlignedCounts, computeTotal } from "../binning.js";

/** Success counts and sample sizes of the two sides. */
export interface TwoProportionInput {
  readonly referenceSuccesses: number;
  readonly referenceTotal: number;
  readonly currentSuccesses: number;
  readonly currentTotal: number;
}

/** Throws unless `successes` is a count within [0, total]. */
function assertSuccesses(successes: number, total: number): void {
  if (!(successes >= 0 && successes <= total && Number.isFinite(total))) {
    throw new RangeError(`successes ${successes} must lie within [0, ${total}]`);
  }
}

/** Two-sided pooled z-test of equal success proportions (statistic sign: reference minus current). */
export function twoProportionZTest(input: TwoProportionInput): StatResult<TestOutcome> {
  const { referenceSuccesses, referenceTotal, currentSuccesses, currentTotal } = input;
  assertSuccesses(referenceSuccesses, referenceTotal);
  assertSuccesses(currentSuccesses, currentTotal);
  if (referenceTotal === 0) return toInsufficientData("reference has no observations");
  if (currentTotal === 0) return toInsufficientData("current has no observations");
  const pooled = (referenceSuccesses + currentSuccesses) / (referenceTotal + currentTotal);
  const variance = pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal);
  if (!(variance > 0)) return toOk({ statistic: 0, pValue: 1 });
  const statistic =
    (referenceSuccesses / referenceTotal - currentSuccesses / currentTotal) / Math.sqrt(variance);
  return toOk({ statistic, pValue: Math.min(2 * normalSf(Math.abs(statistic)), 1) });
}

/**
 * The z-test on a two-category column's aligned counts: the first sorted category is 0 and every
 * other category is 1 (a success), as STATISTICS.md defines `ztest`.
 */
export function twoProportionZTestFromCounts(
  referenceCounts: Float64Array,
  currentCounts: Float64Array,
): StatResult<TestOutcome> {
  assertAlignedCounts(referenceCounts, currentCounts);
  const referenceTotal = computeTotal(referenceCounts);
  const currentTotal = computeTotal(currentCounts);
  return twoProportionZTest({
    referenceSuccesses: referenceTotal - (referenceCounts[0] ?? 0),
    referenceTotal,
    currentSuccesses: currentTotal - (currentCounts[0] ?? 0),
    currentTotal,
  });
}
