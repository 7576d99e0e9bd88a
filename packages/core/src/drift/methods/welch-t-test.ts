/**
 * Welch's unequal-variance t-test as SciPy `ttest_ind(reference, current, equal_var=False)`, two-sided:
 * t = (mean_R - mean_C) / sqrt(s²_R/n_R + s²_C/n_C) with Welch-Satterthwaite degrees of freedom and
 * p = 2·P(T_df > |t|). Fewer than two values on a side, or both sides constant (SciPy: NaN or ±∞),
 * give insufficient_data. Default drift threshold p < 0.05.
 */
import { computeCompensatedMean } from "../../descriptive/compensated-sum.js";
import { studentTSf } from "../../distributions/student-t.js";
import { type StatResult, toInsufficientData, toOk } from "../../result.js";

/** Welch's t statistic (reference minus current), its two-sided p-value and degrees of freedom. */
export interface WelchTTestResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly degreesOfFreedom: number;
}

/**
 * Mean of (values - shift) and unbiased (ddof = 1) variance by two passes. Shifting both sides by a
 * common data value keeps the difference of means exact to rounding even when the data sit far from
 * zero (e.g. timestamps), where the means themselves would each lose digits.
 */
function computeShiftedMeanAndVariance(
  values: Float64Array,
  shift: number,
): { mean: number; variance: number } {
  const shifted = values.map((value) => value - shift);
  const mean = computeCompensatedMean(shifted);
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < shifted.length; i += 1) {
    const deviation = shifted[i]! - mean;
    squares += deviation * deviation;
    deviations += deviation;
  }
  // Subtracting the (ideally zero) sum of deviations removes the rounding left in the mean.
  const sumSquares = squares - (deviations * deviations) / shifted.length;
  return { mean, variance: Math.max(0, sumSquares) / (shifted.length - 1) };
}

/** Two-sided Welch t-test of reference against current (SciPy `ttest_ind(equal_var=False)`). */
export function welchTTest(reference: Float64Array, current: Float64Array): StatResult<WelchTTestResult> {
  if (reference.length < 2 || current.length < 2) {
    return toInsufficientData("Welch's t-test needs at least two values on each side");
  }
  const shift = reference[0]!;
  const left = computeShiftedMeanAndVariance(reference, shift);
  const right = computeShiftedMeanAndVariance(current, shift);
  const leftShare = left.variance / reference.length;
  const rightShare = right.variance / current.length;
  const pooledShare = leftShare + rightShare;
  if (pooledShare === 0) {
    return toInsufficientData("Welch's t-test is undefined when both sides are constant");
  }
  const statistic = (left.mean - right.mean) / Math.sqrt(pooledShare);
  // Welch-Satterthwaite on shares scaled by the larger one, so tiny variances cannot underflow to 0/0.
  const scale = Math.max(leftShare, rightShare);
  const leftRatio = leftShare / scale;
  const rightRatio = rightShare / scale;
  const degreesOfFreedom =
    ((leftRatio + rightRatio) * (leftRatio + rightRatio)) /
    ((leftRatio * leftRatio) / (reference.length - 1) + (rightRatio * rightRatio) / (current.length - 1));
  const pValue = Math.min(1, 2 * studentTSf(Math.abs(statistic), degreesOfFreedom));
  return toOk({ statistic, pValue, degreesOfFreedom });
}
