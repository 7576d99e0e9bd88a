/**
 * Two-sided Mann-Whitney U test as SciPy 1.10 `mannwhitneyu(x, y, alternative="two-sided",
 * method="auto", use_continuity=True)`: U is the reference sample's statistic R₁ - n₁(n₁+1)/2 from
 * midranks; exact null distribution when either size is <= 8 and there are no ties, otherwise the
 * tie-corrected normal approximation with continuity correction 0.5. Default drift threshold p < 0.05.
 */
import { normalSf } from "../../distributions/normal.js";
import { type StatResult, toInsufficientData, toOk } from "../../result.js";
import { computePooledTieGroups } from "../../sorting/rank.js";

/** Mann-Whitney U of the reference sample, its two-sided p-value and how the p-value was obtained. */
export interface MannWhitneyResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly pValueMethod: "exact" | "asymptotic";
}

// SciPy's `_mwu_choose_method`: the exact distribution is used unless both sizes exceed this.
const EXACT_MAX_MIN_SIZE = 8;

/**
 * Number of arrangements of sizes (m, n) with U = 0..maxU: the coefficients of the Gaussian binomial
 * [m+n choose m]_q = Π_{i=1..m} (1 - q^{n+i}) / (1 - q^i), built one factor at a time so every
 * intermediate polynomial is itself a Gaussian binomial with non-negative coefficients.
 */
function computeUFrequencies(m: number, n: number, maxU: number): Float64Array {
  let current = new Float64Array(maxU + 1);
  current[0] = 1;
  for (let i = 1; i <= m; i += 1) {
    const next = new Float64Array(maxU + 1);
    const shift = n + i;
    for (let u = 0; u <= maxU; u += 1) {
      const numerator = current[u]! - (u >= shift ? current[u - shift]! : 0);
      next[u] = numerator + (u >= i ? next[u - i]! : 0);
    }
    current = next;
  }
  return current;
}

/** Binomial coefficient C(m+n, m) in floating point (m is small on the exact path). */
function computeBinomial(m: number, n: number): number {
  let value = 1;
  for (let i = 1; i <= m; i += 1) value = (value * (n + i)) / i;
  return value;
}

/** Two-sided exact p-value 2·P(U >= uMax), as SciPy sums the null pmf from the near tail. */
function computeExactPValue(uMax: number, n1: number, n2: number): number {
  const small = Math.min(n1, n2);
  const large = Math.max(n1, n2);
  const lowerTail = n1 * n2 - uMax;
  const frequencies = computeUFrequencies(small, large, lowerTail);
  let count = 0;
  for (let u = 0; u <= lowerTail; u += 1) count += frequencies[u]!;
  return (2 * count) / computeBinomial(small, large);
}

/** Two-sided normal-approximation p-value with tie and continuity corrections. */
function computeAsymptoticPValue(uMax: number, n1: number, n2: number, tieTerm: number): number {
  const n = n1 + n2;
  const spread = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const numerator = uMax - (n1 * n2) / 2 - 0.5;
  // All values tied: SciPy divides -0.5 by 0, giving z = -∞ and p = 1 after clipping (the guard
  // also catches the variance rounding to a hair below 0 when n³ exceeds 2⁵³).
  if (!(spread > 0)) return 1;
  return 2 * normalSf(numerator / spread);
}

/** Two-sided Mann-Whitney U test of reference against current (SciPy `mannwhitneyu`, method "auto"). */
export function mannWhitneyUTest(
  reference: Float64Array,
  current: Float64Array,
): StatResult<MannWhitneyResult> {
  const n1 = reference.length;
  const n2 = current.length;
  if (n1 === 0 || n2 === 0) {
    return toInsufficientData("Mann-Whitney U needs at least one value on each side");
  }
  const { pooledCounts, sampleCounts } = computePooledTieGroups([reference, current]);
  const referenceCounts = sampleCounts[0]!;
  let below = 0;
  let rankSum = 0;
  let tieTerm = 0;
  for (let g = 0; g < pooledCounts.length; g += 1) {
    const size = pooledCounts[g]!;
    rankSum += referenceCounts[g]! * (below + (size + 1) / 2);
    tieTerm += size * size * size - size;
    below += size;
  }
  const u1 = rankSum - (n1 * (n1 + 1)) / 2;
  const uMax = Math.max(u1, n1 * n2 - u1);
  const hasTies = pooledCounts.length < n1 + n2;
  const useExact = Math.min(n1, n2) <= EXACT_MAX_MIN_SIZE && !hasTies;
  const rawPValue = useExact
    ? computeExactPValue(uMax, n1, n2)
    : computeAsymptoticPValue(uMax, n1, n2, tieTerm);
  return toOk({
    statistic: u1,
    pValue: Math.min(1, Math.max(0, rawPValue)),
    pValueMethod: useExact ? "exact" : "asymptotic",
  });
}
