/**
 * Hypergeometric distribution in SciPy's parametrisation hypergeom(M = total, n = successes,
 * N = draws): pmf by Loader's saddle-point binomial ratio (R's dhyper), accurate for totals far
 * beyond 100,000; cdf and sf sum the pmf recurrence over the shorter tail, taking 1 - the other
 * tail only past the mode. Invalid parameters give NaN; non-integer k has pmf 0 and cdf at ⌊k⌋.
 */
import { computeLogBinomialDensity } from "./binomial-density.js";

/** Population size, number of success states in it, and number of draws without replacement. */
export interface HypergeometricParameters {
  readonly total: number;
  readonly successes: number;
  readonly draws: number;
}

const RELATIVE_CUTOFF = 1e-17;

/** Whether the parameters describe a valid distribution (non-negative integers, counts within total). */
function isValidParameters({ total, successes, draws }: HypergeometricParameters): boolean {
  return (
    [total, successes, draws].every((value) => Number.isInteger(value) && value >= 0) &&
    successes <= total &&
    draws <= total
  );
}

/** Smallest and largest values X can take. */
function computeSupport({ total, successes, draws }: HypergeometricParameters): [number, number] {
  return [Math.max(0, draws - (total - successes)), Math.min(successes, draws)];
}

/** Log probability P(X = k) (scipy.stats.hypergeom.logpmf), -Infinity outside the support. */
export function hypergeometricLogPmf(k: number, params: HypergeometricParameters): number {
  if (Number.isNaN(k) || !isValidParameters(params)) return Number.NaN;
  const [low, high] = computeSupport(params);
  if (!Number.isInteger(k) || k < low || k > high) return Number.NEGATIVE_INFINITY;
  if (low === high) return 0;
  const { total, successes, draws } = params;
  const failures = total - successes;
  // dhyper: binom(k; successes, p) binom(draws - k; failures, p) / binom(draws; total, p), p = draws / total.
  const p = draws / total;
  const q = (total - draws) / total;
  return (
    computeLogBinomialDensity({ successes: k, failures: successes - k, p, q }) +
    computeLogBinomialDensity({ successes: draws - k, failures: failures - draws + k, p, q }) -
    computeLogBinomialDensity({ successes: draws, failures: total - draws, p, q })
  );
}

/** Probability P(X = k) (scipy.stats.hypergeom.pmf). */
export function hypergeometricPmf(k: number, params: HypergeometricParameters): number {
  return Math.exp(hypergeometricLogPmf(k, params));
}

/** Most probable value ⌊(draws + 1)(successes + 1) / (total + 2)⌋. */
function computeMode({ total, successes, draws }: HypergeometricParameters): number {
  return Math.floor(((draws + 1) * (successes + 1)) / (total + 2));
}

/** P(X <= k) summed from k down to the lower support bound through pmf(j - 1) / pmf(j). */
function computeLowerTailSum(k: number, params: HypergeometricParameters, low: number): number {
  const { total, successes, draws } = params;
  const failures = total - successes;
  let term = hypergeometricPmf(k, params);
  let sum = term;
  for (let j = k; j > low && term > sum * RELATIVE_CUTOFF; j -= 1) {
    term *= (j * (failures - draws + j)) / ((successes - j + 1) * (draws - j + 1));
    sum += term;
  }
  return sum;
}

/** P(X > k) summed from k + 1 up to the upper support bound through pmf(j + 1) / pmf(j). */
function computeUpperTailSum(k: number, params: HypergeometricParameters, high: number): number {
  const { total, successes, draws } = params;
  const failures = total - successes;
  let term = hypergeometricPmf(k + 1, params);
  let sum = term;
  for (let j = k + 1; j < high && term > sum * RELATIVE_CUTOFF; j += 1) {
    term *= ((successes - j) * (draws - j)) / ((j + 1) * (failures - draws + j + 1));
    sum += term;
  }
  return sum;
}

/** Cumulative probability P(X <= k) (scipy.stats.hypergeom.cdf). */
export function hypergeometricCdf(k: number, params: HypergeometricParameters): number {
  if (Number.isNaN(k) || !isValidParameters(params)) return Number.NaN;
  const [low, high] = computeSupport(params);
  const floor = Math.floor(k);
  if (floor < low) return 0;
  if (floor >= high) return 1;
  if (floor <= computeMode(params)) return Math.min(1, computeLowerTailSum(floor, params, low));
  return Math.max(0, 1 - computeUpperTailSum(floor, params, high));
}

/** Survival function P(X > k) (scipy.stats.hypergeom.sf). */
export function hypergeometricSf(k: number, params: HypergeometricParameters): number {
  if (Number.isNaN(k) || !isValidParameters(params)) return Number.NaN;
  const [low, high] = computeSupport(params);
  const floor = Math.floor(k);
  if (floor < low) return 1;
  if (floor >= high) return 0;
  if (floor >= computeMode(params)) return Math.min(1, computeUpperTailSum(floor, params, high));
  return Math.max(0, 1 - computeLowerTailSum(floor, params, low));
}
