/**
 * Log-gamma and the regularized incomplete gamma functions P(a, x) and Q(a, x), plus the Stirling
 * error and deviance terms (Loader 2000) that let densities with huge parameters be evaluated
 * without cancelling large logarithms. P uses the power series for x < a + 1 and Q the Lentz
 * continued fraction otherwise (Numerical Recipes 6.2), with the x^a e^-x / Γ(a) prefactor kept in
 * log space so results as small as 1e-300 survive. Invalid arguments give NaN as SciPy does.
 */

const LOG_SQRT_TWO_PI = 0.9189385332046728;
const EULER_GAMMA = 0.5772156649015329;
// ζ(k) - 1 for k = 2, 3, ...: coefficients of the log Γ(1 + z) series around z = 0.
const ZETA_MINUS_ONE = [
  0.6449340668482264, 0.2020569031595943, 0.08232323371113819, 0.03692775514336993, 0.01734306198444914,
  0.008349277381922827, 0.00407735619794434, 0.0020083928260822143, 0.0009945751278180853,
  0.0004941886041194645, 0.0002460865533080483, 0.00012271334757848915, 6.124813505870483e-5,
  3.058823630702049e-5, 1.528225940865187e-5, 7.637197637899763e-6, 3.81729326499984e-6, 1.908212716553939e-6,
  9.539620338727962e-7, 4.769329867878064e-7, 2.38450502727733e-7, 1.1921992596531106e-7,
  5.960818905125948e-8, 2.980350351465228e-8, 1.4901554828365043e-8, 7.45071178983543e-9,
  3.725334024788457e-9, 1.862659723513049e-9, 9.313274324196682e-10,
];
// Bernoulli-number coefficients B_2k / (2k (2k - 1)) of the Stirling series in 1/x².
const STIRLING_COEFFICIENTS = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
];
const STIRLING_THRESHOLD = 10;
const MAX_ITERATIONS = 100_000;
const EPSILON = 1e-16;
const TINY = 1e-300;

/** log Γ(1 + z) for |z| <= 0.5, accurate in relative terms near the zero at z = 0. */
function computeLogGammaOnePlus(z: number): number {
  let sum = 0;
  let power = -z;
  for (let k = 0; k < ZETA_MINUS_ONE.length; k += 1) {
    power *= -z;
    sum += ((ZETA_MINUS_ONE[k] ?? 0) * power) / (k + 2);
  }
  return -Math.log1p(z) + z * (1 - EULER_GAMMA) + sum;
}

/** Stirling series remainder ω(x) = log Γ(x) - (x - 1/2) log x + x - log √(2π) for x >= 10. */
function computeStirlingSeries(x: number): number {
  const inverseSquare = 1 / (x * x);
  let sum = 0;
  for (let k = STIRLING_COEFFICIENTS.length - 1; k >= 0; k -= 1) {
    sum = sum * inverseSquare + (STIRLING_COEFFICIENTS[k] ?? 0);
  }
  return sum / x;
}

/** Natural log of the gamma function for x > 0 (scipy.special.gammaln), ~1e-15 relative. */
export function logGamma(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0 || x === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (x < 0.5) return computeLogGammaOnePlus(x) - Math.log(x);
  if (x < 1.5) return computeLogGammaOnePlus(x - 1);
  if (x < 2.5) return computeLogGammaOnePlus(x - 2) + Math.log1p(x - 2);
  if (x < STIRLING_THRESHOLD) {
    // Γ(x) = (x-1)(x-2)...(x-n) Γ(x-n) with x - n in [1.5, 2.5); every term is positive.
    let shifted = x;
    let product = 1;
    while (shifted >= 2.5) {
      shifted -= 1;
      product *= shifted;
    }
    return computeLogGammaOnePlus(shifted - 2) + Math.log1p(shifted - 2) + Math.log(product);
  }
  return (x - 0.5) * Math.log(x) - x + LOG_SQRT_TWO_PI + computeStirlingSeries(x);
}

/** Stirling error ω(x) = log Γ(x) - (x - 1/2) log x + x - log √(2π), small and positive for x > 0. */
export function computeStirlingError(x: number): number {
  if (x >= STIRLING_THRESHOLD) return computeStirlingSeries(x);
  return logGamma(x) - (x - 0.5) * Math.log(x) + x - LOG_SQRT_TWO_PI;
}

/**
 * Deviance term x log(x / mean) + mean - x, computed by a series when x is close to mean so the
 * result keeps its relative accuracy (Loader's bd0).
 */
export function computeDevianceTerm(x: number, mean: number): number {
  const difference = x - mean;
  if (Math.abs(difference) >= 0.1 * (x + mean)) {
    if (x === 0) return mean;
    return x * Math.log(x / mean) + mean - x;
  }
  const ratio = difference / (x + mean);
  const ratioSquare = ratio * ratio;
  let sum = difference * ratio;
  let power = 2 * x * ratio;
  for (let j = 1; j < 1000; j += 1) {
    power *= ratioSquare;
    const next = sum + power / (2 * j + 1);
    if (next === sum) return sum;
    sum = next;
  }
  return sum;
}

/** log(x^a e^-x / Γ(a + 1)), using the deviance form for large a where direct logs would cancel. */
function computeLogPoissonPrefactor(a: number, x: number): number {
  if (a < STIRLING_THRESHOLD) return a * Math.log(x) - x - logGamma(a + 1);
  return -computeDevianceTerm(a, x) - 0.5 * Math.log(2 * Math.PI * a) - computeStirlingError(a);
}

/** P(a, x) by its power series; converges quickly for x < a + 1. */
function computeGammaSeries(a: number, x: number): number {
  let sum = 1;
  let term = 1;
  for (let n = 1; n < MAX_ITERATIONS; n += 1) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * EPSILON) break;
  }
  return Math.exp(computeLogPoissonPrefactor(a, x) + Math.log(sum));
}

/** Q(a, x) by the modified-Lentz continued fraction; converges quickly for x >= a + 1. */
function computeGammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < MAX_ITERATIONS; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(computeLogPoissonPrefactor(a, x) + Math.log(a * fraction));
}

/** Returns NaN for invalid (a, x) and the boundary value for x = 0 or x = Infinity, else undefined. */
function selectGammaBoundary(a: number, x: number, atZero: number): number | undefined {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0) return Number.NaN;
  if (x === 0) return atZero;
  if (x === Number.POSITIVE_INFINITY) return 1 - atZero;
  return undefined;
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a) (scipy.special.gammainc). */
export function regularizedGammaP(a: number, x: number): number {
  const boundary = selectGammaBoundary(a, x, 0);
  if (boundary !== undefined) return boundary;
  if (x < a + 1) return computeGammaSeries(a, x);
  return 1 - computeGammaContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x) (scipy.special.gammaincc). */
export function regularizedGammaQ(a: number, x: number): number {
  const boundary = selectGammaBoundary(a, x, 1);
  if (boundary !== undefined) return boundary;
  if (x < a + 1) return 1 - computeGammaSeries(a, x);
  return computeGammaContinuedFraction(a, x);
}
