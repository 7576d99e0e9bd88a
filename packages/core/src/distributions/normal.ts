/**
 * Standard normal distribution: pdf, cdf, upper tail and inverse cdf, with the complementary error
 * function from Cody's rational Chebyshev approximations (Math. Comp. 1969) so tails stay accurate
 * in relative terms down to the subnormal range; the inverse is Acklam's approximation plus one
 * Halley step. Invalid arguments (NaN, p outside [0, 1]) give NaN as SciPy does.
 */

const ERF_SMALL_NUM = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694];
const ERF_SMALL_NUM_LEAD = 0.18577770618460315;
const ERF_SMALL_DEN = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.2368334391704];
const ERFC_MID_NUM = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972,
];
const ERFC_MID_NUM_LEAD = 2.1531153547440383e-8;
const ERFC_MID_DEN = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_LARGE_NUM = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
];
const ERFC_LARGE_NUM_LEAD = 0.016315387137302097;
const ERFC_LARGE_DEN = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];
const INV_SQRT_PI = 0.5641895835477563;
const LOG_SQRT_2PI = 0.9189385332046728;
// exp(-y²) underflows to subnormals past this exponent; rescaling keeps a single final rounding there.
const SUBNORMAL_EXPONENT = 700;
const SUBNORMAL_SHIFT = 600;

/** Evaluates the ratio of Cody's nested numerator and denominator polynomials at t. */
function computeCodyRatio(t: number, num: readonly number[], lead: number, den: readonly number[]): number {
  let top = lead * t;
  let bottom = t;
  const last = num.length - 1;
  for (let i = 0; i < last; i += 1) {
    top = (top + (num[i] ?? 0)) * t;
    bottom = (bottom + (den[i] ?? 0)) * t;
  }
  return (top + (num[last] ?? 0)) / (bottom + (den[last] ?? 0));
}

/**
 * Returns scale * exp(-y²) * ratio, splitting y² so the exponential is exact to working precision
 * (Cody's trick) and multiplying in an order that rounds into the subnormal range only once.
 */
function computeGaussianTail(y: number, ratio: number, scale: number): number {
  const yHigh = Math.trunc(y * 16) / 16;
  const residual = (y - yHigh) * (y + yHigh);
  const factor = scale * ratio * Math.exp(-residual);
  const exponent = yHigh * yHigh;
  if (exponent < SUBNORMAL_EXPONENT) return Math.exp(-exponent) * factor;
  return Math.exp(SUBNORMAL_SHIFT - exponent) * factor * Math.exp(-SUBNORMAL_SHIFT);
}

/** scale * erfc(y) for y >= 0. */
function computeScaledErfcOfNonNegative(y: number, scale: number): number {
  if (y <= 0.46875) {
    const erf = y * computeCodyRatio(y * y, ERF_SMALL_NUM, ERF_SMALL_NUM_LEAD, ERF_SMALL_DEN);
    return scale * (1 - erf);
  }
  if (y <= 4) {
    return computeGaussianTail(y, computeCodyRatio(y, ERFC_MID_NUM, ERFC_MID_NUM_LEAD, ERFC_MID_DEN), scale);
  }
  // erfc(27.3) is already below the smallest subnormal; this also keeps y = Infinity out of the split.
  if (y > 27.3) return 0;
  const inverseSquare = 1 / (y * y);
  const correction =
    inverseSquare * computeCodyRatio(inverseSquare, ERFC_LARGE_NUM, ERFC_LARGE_NUM_LEAD, ERFC_LARGE_DEN);
  return computeGaussianTail(y, (INV_SQRT_PI - correction) / y, scale);
}

/** Complementary error function erfc(x) = 1 - erf(x), accurate in relative terms for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x >= 0) return computeScaledErfcOfNonNegative(x, 1);
  return 2 - computeScaledErfcOfNonNegative(-x, 1);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

/** Upper tail 1 - Φ(x), accurate in relative terms far into the tail (like scipy.stats.norm.sf). */
export function normalSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = x / Math.SQRT2;
  if (y >= 0) return computeScaledErfcOfNonNegative(y, 0.5);
  return 1 - computeScaledErfcOfNonNegative(-y, 0.5);
}

/** Standard normal cdf Φ(x), accurate in relative terms far into the lower tail. */
export function normalCdf(x: number): number {
  return normalSf(-x);
}

const ACKLAM_CENTRAL_NUM = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const ACKLAM_CENTRAL_DEN = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572, 1,
];
const ACKLAM_TAIL_NUM = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_TAIL_DEN = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1];
const ACKLAM_TAIL_LIMIT = 0.02425;

/** Horner evaluation of a polynomial given from the highest degree down. */
function computePolynomial(t: number, coefficients: readonly number[]): number {
  let value = 0;
  for (const coefficient of coefficients) value = value * t + coefficient;
  return value;
}

/** Inverse cdf for p in (0, 0.5], where p is exactly representable as the lower-tail probability. */
function computeLowerHalfPpf(p: number): number {
  let x: number;
  if (p < ACKLAM_TAIL_LIMIT) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = computePolynomial(q, ACKLAM_TAIL_NUM) / computePolynomial(q, ACKLAM_TAIL_DEN);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (q * computePolynomial(r, ACKLAM_CENTRAL_NUM)) / computePolynomial(r, ACKLAM_CENTRAL_DEN);
  }
  const density = normalPdf(x);
  if (density === 0) return x;
  // One Halley step on Φ(x) = p takes Acklam's 1e-9 relative error to full precision.
  const u = (normalCdf(x) - p) / density;
  return x - u / (1 + 0.5 * x * u);
}

/** Inverse of the standard normal cdf (quantile function), like scipy.stats.norm.ppf. */
export function normalPpf(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  // 1 - p is exact for p >= 0.5 (Sterbenz), so the symmetry loses nothing.
  if (p > 0.5) return -computeLowerHalfPpf(1 - p);
  return computeLowerHalfPpf(p);
}
