/**
 * Chi-squared distribution cdf and upper tail through the regularized incomplete gamma function:
 * P(χ²_df > x) = Q(df / 2, x / 2) (scipy.stats.chi2, i.e. cephes chdtrc). x <= 0 gives sf 1,
 * x = Infinity gives sf 0; df <= 0 or NaN arguments give NaN.
 */
import { regularizedGammaP, regularizedGammaQ } from "./gamma.js";

/** Upper tail P(χ²_df > x), accurate in relative terms down to ~1e-300. */
export function chiSquaredSf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || df <= 0) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** Cumulative distribution P(χ²_df <= x). */
export function chiSquaredCdf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || df <= 0) return Number.NaN;
  if (x <= 0) return 0;
  return regularizedGammaP(df / 2, x / 2);
}
