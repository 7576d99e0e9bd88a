/**
 * Two-sided two-sample Kolmogorov-Smirnov test (`ks`, drift when p <= 0.05), as SciPy 1.10
 * `ks_2samp(alternative="two-sided")`: D = sup |F_R - F_C| over the pooled values (ties counted as
 * searchsorted "right" does); the exact p-value counts lattice paths (Hodges 1958 with Viehmann's
 * 1 - p recursion; the n1 = n2 case in closed form), the asymptotic one is kstwo.sf(D, round(n1·n2/(n1+n2))).
 * `auto` is exact when max(n1, n2) <= 10000. An empty side is insufficient data.
 */
import { kolmogorovTwoSidedSf } from "../../distributions/kolmogorov.js";
import type { StatResult } from "../../result.js";
import { toInsufficientData, toOk } from "../../result.js";
import { sortFloat64 } from "../../sorting/sort-float64.js";

/** How the p-value is computed: SciPy's `method` of `ks_2samp`. */
export type KolmogorovSmirnovMode = "auto" | "exact" | "asymp";

/** Options of the two-sample test. */
export interface KolmogorovSmirnovOptions {
  readonly mode?: KolmogorovSmirnovMode;
}

/** Statistic, p-value and the method that produced the p-value. */
export interface KolmogorovSmirnovOutcome {
  readonly statistic: number;
  readonly pValue: number;
  readonly pValueMethod: "exact" | "asymp";
}

const MAX_AUTO_EXACT_SIZE = 10_000;
const INT32_MAX = 2 ** 31 - 1;

/**
 * D = max_x |F_R(x) - F_C(x)| of two ascending samples, by one merge that takes one value per step
 * and evaluates only after the last of a run of equal values. Extremes are found on the exact integer
 * i·n2 - j·n1; the float i/n1 - j/n2 SciPy compares is formed only there (for equal integers it can
 * differ in the last bit, and SciPy keeps the largest float).
 */
export function kolmogorovSmirnovStatisticSorted(
  referenceSorted: Float64Array,
  currentSorted: Float64Array,
): number {
  const n1 = referenceSorted.length;
  const n2 = currentSorted.length;
  let [i, j, difference] = [0, 0, 0];
  let [largest, largestValue, smallest, smallestValue] = [0, 0, 0, 0];
  let a = n1 > 0 ? referenceSorted[0]! : Infinity;
  let b = n2 > 0 ? currentSorted[0]! : Infinity;
  for (;;) {
    let value: number;
    if (a <= b) {
      if (a === Infinity) break;
      value = a;
      i += 1;
      difference += n2;
      a = i < n1 ? referenceSorted[i]! : Infinity;
    } else {
      value = b;
      j += 1;
      difference -= n1;
      b = j < n2 ? currentSorted[j]! : Infinity;
    }
    if (a === value || b === value) continue;
    if (difference >= largest) {
      largestValue = difference > largest ? i / n1 - j / n2 : Math.max(largestValue, i / n1 - j / n2);
      largest = difference;
    } else if (difference <= smallest) {
      smallestValue = difference < smallest ? i / n1 - j / n2 : Math.min(smallestValue, i / n1 - j / n2);
      smallest = difference;
    }
    // Once a side is exhausted the difference only moves back towards 0: no new extreme can appear.
    if (i === n1 || j === n2) break;
  }
  return Math.max(largestValue, Math.min(-smallestValue, 1));
}

/** Greatest common divisor of two positive integers. */
function computeGcd(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** Rounds half to even, as NumPy's `np.round`. */
function roundHalfEven(x: number): number {
  const rounded = Math.round(x);
  return rounded - x === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}

/** P(D_{n,n} >= h/n) = 2(A0 - A0·A1 + ...) evaluated Horner-like to avoid cancellation. */
function computeProbOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k -= 1) {
    let term = 1;
    for (let j = 0; j < h; j += 1) term = ((n - k * h - j) * term) / (n + k * h + j + 1);
    p = term * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of lattice paths from (0,0) to (m,n) leaving the band |x/m - y/n| < h/lcm(m,n), one column
 * window at a time with each cell holding the exit probability (Viehmann 2021), so values stay in [0, 1].
 */
function computeOuterProbInside(size1: number, size2: number, g: number, h: number): number {
  const [m, n] = size1 >= size2 ? [size1, size2] : [size2, size1];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxj - minj;
  const column = new Float64Array(Math.min(2 * maxj + 2, n + 1)).fill(1);
  column.fill(0, minj, maxj);
  for (let i = 1; i <= m; i += 1) {
    const [lastMinj, lastLength] = [minj, currentLength];
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    const shift = minj - lastMinj;
    for (let jj = 0; jj < maxj - minj; jj += 1) {
      const j = jj + minj;
      value = (column[jj + shift]! * i + value * j) / (i + j);
      column[jj] = value;
    }
    currentLength = maxj - minj;
    if (lastLength > currentLength) column.fill(1, currentLength, lastLength);
  }
  return column[maxj - minj - 1]!;
}

/** SciPy's _attempt_exact_2kssamp: D rounded to h/lcm and its exact p-value, or undefined when unusable. */
function computeExactPValue(
  n1: number,
  n2: number,
  d: number,
): { statistic: number; pValue: number } | undefined {
  const g = computeGcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const statistic = h / lcm;
  if (h === 0) return { statistic, pValue: 1 };
  const pValue = n1 === n2 ? computeProbOutsideSquare(n1, h) : computeOuterProbInside(n1, n2, g, h);
  return pValue >= 0 && pValue <= 1 ? { statistic, pValue } : undefined;
}

/** kstwo.sf(D, round(en)) with en = n1·n2/(n1+n2); en rounds to 0 only for n1 = n2 = 1, where n = 1 is used. */
function computeAsymptoticPValue(n1: number, n2: number, d: number): number {
  const effectiveSize = Math.max(roundHalfEven((n1 * n2) / (n1 + n2)), 1);
  return kolmogorovTwoSidedSf(d, effectiveSize);
}

/** Chooses between the exact and asymptotic p-value as `ks_2samp` does. */
function selectExactMode(n1: number, n2: number, mode: KolmogorovSmirnovMode): boolean {
  if (mode === "auto") return Math.max(n1, n2) <= MAX_AUTO_EXACT_SIZE;
  if (mode === "asymp") return false;
  const g = computeGcd(n1, n2);
  return n1 / g < INT32_MAX / (n2 / g);
}

/** Two-sided two-sample KS test on already ascending samples (see `kolmogorovSmirnovTest`). */
export function kolmogorovSmirnovTestSorted(
  referenceSorted: Float64Array,
  currentSorted: Float64Array,
  options: KolmogorovSmirnovOptions = {},
): StatResult<KolmogorovSmirnovOutcome> {
  const n1 = referenceSorted.length;
  const n2 = currentSorted.length;
  if (n1 === 0 || n2 === 0)
    return toInsufficientData("Kolmogorov-Smirnov needs at least one value on each side");
  const d = kolmogorovSmirnovStatisticSorted(referenceSorted, currentSorted);
  if (selectExactMode(n1, n2, options.mode ?? "auto")) {
    const exact = computeExactPValue(n1, n2, d);
    if (exact !== undefined) return toOk({ ...exact, pValueMethod: "exact" });
  }
  const pValue = Math.min(Math.max(computeAsymptoticPValue(n1, n2, d), 0), 1);
  return toOk({ statistic: d, pValue, pValueMethod: "asymp" });
}

/** Two-sided two-sample Kolmogorov-Smirnov test, SciPy `ks_2samp(alternative="two-sided", method=mode)`. */
export function kolmogorovSmirnovTest(
  reference: Float64Array,
  current: Float64Array,
  options: KolmogorovSmirnovOptions = {},
): StatResult<KolmogorovSmirnovOutcome> {
  return kolmogorovSmirnovTestSorted(sortFloat64(reference), sortFloat64(current), options);
}
