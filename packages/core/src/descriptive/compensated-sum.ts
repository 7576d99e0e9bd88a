/**
 * Neumaier-compensated summation, so that means and sums of squares over millions of rows stay within
 * a few ulps of the exact result (NumPy's pairwise summation is equally tight, so both agree to ~1e-15).
 */

/** Sum of `values` with Neumaier compensation. */
export function computeCompensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/** Mean of `values` with a compensated sum; NaN for no values (callers check emptiness first). */
export function computeCompensatedMean(values: ArrayLike<number>): number {
  return computeCompensatedSum(values) / values.length;
}
