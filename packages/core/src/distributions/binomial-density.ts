/**
 * Log of the binomial density C(n, k) p^k q^(n-k) for real k and n - k, by Loader's saddle-point
 * form (Loader 2000, "Fast and accurate computation of binomial probabilities"): Stirling errors
 * plus deviance terms, so parameters in the millions lose no digits to cancelling log-factorials.
 * Shared by the incomplete beta prefactor and the hypergeometric pmf.
 */
import { computeDevianceTerm, computeStirlingError } from "./gamma.js";

const LOG_TWO_PI = 1.8378770664093453;

/** Arguments of the binomial density; q = 1 - p is passed separately to keep it accurate near p = 1. */
export interface BinomialDensityArguments {
  readonly successes: number;
  readonly failures: number;
  readonly p: number;
  readonly q: number;
}

/** log[Γ(s + f + 1) / (Γ(s + 1) Γ(f + 1)) p^s q^f] for s, f >= 0 and p + q = 1. */
export function computeLogBinomialDensity({ successes, failures, p, q }: BinomialDensityArguments): number {
  const trials = successes + failures;
  if (failures === 0) {
    if (successes === 0) return 0;
    return q < 0.1 ? -computeDevianceTerm(trials, trials * p) - trials * q : trials * Math.log(p);
  }
  if (successes === 0) {
    return p < 0.1 ? -computeDevianceTerm(trials, trials * q) - trials * p : trials * Math.log(q);
  }
  if (p === 0 || q === 0) return Number.NEGATIVE_INFINITY;
  const stirling =
    computeStirlingError(trials) - computeStirlingError(successes) - computeStirlingError(failures);
  const deviance = computeDevianceTerm(successes, trials * p) + computeDevianceTerm(failures, trials * q);
  const logNormaliser = LOG_TWO_PI + Math.log(successes) + Math.log(failures) - Math.log(trials);
  return stirling - deviance - 0.5 * logNormaliser;
}
