/**
 * Two-sample Cramér-von Mises test as SciPy 1.10 `cramervonmises_2samp(x, y, method="auto")`: T from
 * the midranks of the pooled sample (Anderson 1962, eq. 9-10); exact p-value from the lattice-path
 * frequency recursion of Xiao, Gordon & Yakovlev (J. Stat. Soft. 17(8), 2006) when both sizes are
 * <= 20, otherwise the normalised statistic against the limiting one-sample distribution (Csörgő &
 * Faraway 1996). Fewer than two values on a side gives insufficient_data. Default threshold p <= 0.1.
 */
import { besselK } from "../../distributions/bessel.js";
import { logGamma } from "../../distributions/gamma.js";
import { type StatResult, toInsufficientData, toOk } from "../../result.js";
import { computePooledTieGroups } from "../../sorting/rank.js";

/** T statistic, its p-value and whether the p-value came from the exact or limiting distribution. */
export interface CramerVonMisesResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly pValueMethod: "exact" | "asymptotic";
}

// SciPy uses the exact distribution when neither sample is larger than this.
const EXACT_MAX_SIZE = 20;
// SciPy's cutoffs: below this normalised value the limiting cdf is < 1.3e-18 and p is reported as 1;
// series terms smaller than the tolerance end the sum.
const LIMITING_CDF_NEGLIGIBLE = 0.003;
const SERIES_TERM_TOLERANCE = 1e-7;
const PI_POW_1_5 = Math.PI * Math.sqrt(Math.PI);

/** Sorted distinct values with their path counts: one cell of the lattice-path recursion. */
interface PathFrequencies {
  readonly values: Float64Array;
  readonly counts: Float64Array;
}

const EMPTY_FREQUENCIES: PathFrequencies = { values: new Float64Array(0), counts: new Float64Array(0) };

/** Merges two sorted frequency tables (adding counts of equal values) and shifts every value. */
function mergeFrequencies(first: PathFrequencies, second: PathFrequencies, shift: number): PathFrequencies {
  const size = first.values.length + second.values.length;
  const values = new Float64Array(size);
  const counts = new Float64Array(size);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < first.values.length || j < second.values.length) {
    const left = i < first.values.length ? first.values[i]! : Infinity;
    const right = j < second.values.length ? second.values[j]! : Infinity;
    const value = Math.min(left, right);
    let count = 0;
    if (left === value) count += first.counts[i++]!;
    if (right === value) count += second.counts[j++]!;
    values[k] = value + shift;
    counts[k] = count;
    k += 1;
  }
  return { values: values.slice(0, k), counts: counts.slice(0, k) };
}

function computeGcd(a: number, b: number): number {
  return b === 0 ? a : computeGcd(b, a % b);
}

/**
 * Exact P(U >= u) for sizes (m, n): every monotone lattice path from (0, 0) to (n, m) accumulates
 * Σ (a·v - b·u)² over its points (a = lcm/m, b = lcm/n), and the statistic maps to a threshold ζ on it.
 */
function computeExactPValue(u: number, m: number, n: number): number {
  const lcm = (m * n) / computeGcd(m, n);
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  // ζ = floor(lcm²(m+n)(6U - mn(4mn-1)) / (6 mn²)) in integers: 4U is integral (midranks are halves).
  const numerator = lcm * lcm * (m + n) * (6 * Math.round(4 * u) - 4 * mn * (4 * mn - 1));
  const denominator = 24 * mn * mn;
  let zeta = Math.floor(numerator / denominator);
  while (zeta * denominator > numerator) zeta -= 1;
  while ((zeta + 1) * denominator <= numerator) zeta += 1;

  let row: PathFrequencies[] = [{ values: Float64Array.of(0), counts: Float64Array.of(1) }];
  for (let v = 1; v <= m; v += 1) row.push(EMPTY_FREQUENCIES);
  for (let step = 0; step <= n; step += 1) {
    const next: PathFrequencies[] = [];
    let below = EMPTY_FREQUENCIES;
    for (let v = 0; v <= m; v += 1) {
      const offset = a * v - b * step;
      below = mergeFrequencies(below, row[v]!, offset * offset);
      next.push(below);
    }
    row = next;
  }
  const final = row[m]!;
  let atLeast = 0;
  let total = 0;
  for (let i = 0; i < final.values.length; i += 1) {
    total += final.counts[i]!;
    if (final.values[i]! >= zeta) atLeast += final.counts[i]!;
  }
  return atLeast / total;
}

/** Limiting cdf of the Cramér-von Mises statistic, summed term by term exactly as SciPy's `_cdf_cvm_inf`. */
export function computeLimitingCramerVonMisesCdf(x: number): number {
  let total = 0;
  for (let k = 0; ; k += 1) {
    const coefficient = Math.exp(logGamma(k + 0.5) - logGamma(k + 1)) / (PI_POW_1_5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    const term = coefficient * Math.sqrt(y) * Math.exp(-q) * besselK(0.25, q);
    total += term;
    if (!(Math.abs(term) >= SERIES_TERM_TOLERANCE)) return total;
  }
}

/** Asymptotic p-value of T through the normalised statistic of Anderson (1962), eq. 11, 14 and 15. */
function computeAsymptoticPValue(t: number, nx: number, ny: number): number {
  const k = nx * ny;
  const n = nx + ny;
  const expected = (1 + 1 / n) / 6;
  const variance = ((n + 1) * (4 * k * n - 3 * (nx * nx + ny * ny) - 2 * k)) / (45 * n * n * 4 * k);
  const normalised = 1 / 6 + (t - expected) / Math.sqrt(45 * variance);
  if (normalised < LIMITING_CDF_NEGLIGIBLE) return 1;
  // SciPy reports 1 - cdf, so p-values below ~1e-16 come out as 0 there too.
  return Math.max(0, 1 - computeLimitingCramerVonMisesCdf(normalised));
}

/** Σ over both samples of n_side · Σ_i (midrank of i-th smallest - i)², Anderson's U. */
function computeRankDeviationSum(reference: Float64Array, current: Float64Array): number {
  const { pooledCounts, sampleCounts } = computePooledTieGroups([reference, current]);
  const sizes = [reference.length, current.length];
  let u = 0;
  for (let s = 0; s < 2; s += 1) {
    const counts = sampleCounts[s]!;
    let below = 0;
    let index = 0;
    let sideSum = 0;
    for (let g = 0; g < pooledCounts.length; g += 1) {
      const midrank = below + (pooledCounts[g]! + 1) / 2;
      for (let c = 0; c < counts[g]!; c += 1) {
        index += 1;
        sideSum += (midrank - index) * (midrank - index);
      }
      below += pooledCounts[g]!;
    }
    u += sizes[s]! * sideSum;
  }
  return u;
}

/** Two-sample Cramér-von Mises test of reference against current (SciPy `cramervonmises_2samp`). */
export function cramerVonMisesTest(
  reference: Float64Array,
  current: Float64Array,
): StatResult<CramerVonMisesResult> {
  const nx = reference.length;
  const ny = current.length;
  if (nx < 2 || ny < 2) {
    return toInsufficientData("Cramér-von Mises needs at least two values on each side");
  }
  const u = computeRankDeviationSum(reference, current);
  const k = nx * ny;
  const n = nx + ny;
  const statistic = u / (k * n) - (4 * k - 1) / (6 * n);
  if (Math.max(nx, ny) <= EXACT_MAX_SIZE) {
    return toOk({ statistic, pValue: computeExactPValue(u, nx, ny), pValueMethod: "exact" });
  }
  return toOk({
    statistic,
    pValue: computeAsymptoticPValue(statistic, nx, ny),
    pValueMethod: "asymptotic",
  });
}
