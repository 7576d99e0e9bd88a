/**
 * Fisher's exact test (`fisher`, drift when p < 0.05) on a 2×2 table, two-sided exactly as SciPy 1.10's
 * `fisher_exact`: with X ~ hypergeom(n, row 0 total, column 0 total), p sums the observed tail and the
 * opposite tail beyond the last point whose mass is >= pmf(observed)·(1 + 1e-14), found by SciPy's binary
 * search; p = 1 when the observed mass equals the mode's. Odds ratio a·d/(b·c), Infinity when b or c is 0.
 * A zero row or column total is insufficient_data (SciPy returns odds ratio NaN and p = 1 there).
 */

import { hypergeometricPmf } from "../../distributions/hypergeometric.js";
import type { StatResult } from "../../result.js";
import { toInsufficientData, toOk } from "../../result.js";

/** A 2×2 table of counts: rows reference/current (or any two groups), columns two outcomes. */
export type TwoByTwoTable = readonly [readonly [number, number], readonly [number, number]];

// SciPy 1.10's relative tolerance for treating two probability masses as equal.
const MASS_TOLERANCE = 1e-14;

/** The hypergeometric law of the top-left cell given the margins. */
interface Margins {
  readonly successes: number; // row 0 total
  readonly failures: number; // row 1 total
  readonly draws: number; // column 0 total
}

/**
 * Masses of the support relative to the mode's (mode = 1), by the ratio recurrence outward from the
 * mode; mirror images under the law's symmetries are copied so equal masses are bitwise equal.
 */
function computeRelativeMasses(margins: Margins, low: number, high: number, mode: number): Float64Array {
  const { successes, failures, draws } = margins;
  const masses = new Float64Array(high - low + 1);
  masses[mode - low] = 1;
  for (let k = mode; k < high; k += 1) {
    const ratio = ((successes - k) * (draws - k)) / ((k + 1) * (failures - draws + k + 1));
    masses[k + 1 - low] = (masses[k - low] ?? 0) * ratio;
  }
  for (let k = mode; k > low; k -= 1) {
    const ratio = (k * (failures - draws + k)) / ((successes - k + 1) * (draws - k + 1));
    masses[k - 1 - low] = (masses[k - low] ?? 0) * ratio;
  }
  // pmf(k) = pmf(draws - k) when the rows are equal; pmf(k) = pmf(successes - k) when 2·draws = n.
  const mirror = successes === failures ? draws : 2 * draws === successes + failures ? successes : Number.NaN;
  if (!Number.isNaN(mirror)) {
    for (let k = low; k <= high; k += 1) {
      if (k > mirror - k) masses[k - low] = masses[mirror - k - low] ?? 0;
    }
  }
  return masses;
}

/** Sum of the relative masses over [from, to] clipped to the support. */
function sumMasses(masses: Float64Array, low: number, from: number, to: number): number {
  let sum = 0;
  const end = Math.min(to, low + masses.length - 1);
  for (let k = Math.max(from, low); k <= end; k += 1) sum += masses[k - low] ?? 0;
  return sum;
}

/** SciPy's `_binary_search_for_binom_tst`: the i in [lo, hi] with f(i) <= d < f(i + 1), f ascending. */
function searchAscending(f: (x: number) => number, d: number, lo: number, hi: number): number {
  let left = lo;
  let right = hi;
  while (left < right) {
    const mid = left + Math.floor((right - left) / 2);
    const value = f(mid);
    if (value < d) left = mid + 1;
    else if (value > d) right = mid - 1;
    else return mid;
  }
  return f(left) <= d ? left : left - 1;
}

/** Two-sided p-value of observing `observed` in the top-left cell, relative masses times pmf(mode). */
function computeTwoSidedPValue(observed: number, margins: Margins): number {
  const { successes, failures, draws } = margins;
  const total = successes + failures;
  const low = Math.max(0, draws - failures);
  const high = Math.min(successes, draws);
  const mode = Math.floor(((draws + 1) * (successes + 1)) / (total + 2));
  const masses = computeRelativeMasses(margins, low, high, mode);
  const massAt = (k: number): number => (k < low || k > high ? 0 : (masses[k - low] ?? 0));
  const observedMass = massAt(observed);
  const threshold = observedMass * (1 + MASS_TOLERANCE);
  let relative: number;
  if (Math.abs(observedMass - 1) / Math.max(observedMass, 1) <= MASS_TOLERANCE) return 1;
  if (observed < mode) {
    relative = sumMasses(masses, low, low, observed);
    if (massAt(draws) <= threshold) {
      const guess = searchAscending((x) => -massAt(x), -threshold, mode, draws);
      relative += sumMasses(masses, low, guess + 1, high);
    }
  } else {
    relative = sumMasses(masses, low, observed, high);
    if (massAt(0) <= threshold) {
      const guess = searchAscending(massAt, threshold, 0, mode);
      relative += sumMasses(masses, low, low, guess);
    }
  }
  const modeMass = hypergeometricPmf(mode, { total, successes, draws });
  return Math.min(relative * modeMass, 1);
}

/** Throws unless every cell is a non-negative integer. */
function assertCounts(table: TwoByTwoTable): void {
  for (const row of table) {
    for (const cell of row) {
      if (!(Number.isInteger(cell) && cell >= 0)) throw new RangeError(`invalid table count ${cell}`);
    }
  }
}

/** Two-sided Fisher exact test with SciPy's (sample) odds ratio a·d/(b·c). */
export function fisherExactTest(table: TwoByTwoTable): StatResult<{ oddsRatio: number; pValue: number }> {
  assertCounts(table);
  const [[a, b], [c, d]] = table;
  if (a + b === 0 || c + d === 0) return toInsufficientData("a row of the 2×2 table is empty");
  if (a + c === 0 || b + d === 0) return toInsufficientData("a column of the 2×2 table is empty");
  const oddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : Number.POSITIVE_INFINITY;
  const pValue = computeTwoSidedPValue(a, { successes: a + b, failures: c + d, draws: a + c });
  return toOk({ oddsRatio, pValue });
}
