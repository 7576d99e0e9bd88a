/**
 * Student's t distribution upper tail and cdf for real df > 0 (scipy.stats.t, i.e. cdflib cdft):
 * P(T > t) = I_x(df/2, 1/2) / 2 for t > 0 with x = df / (df + t²), where x and 1 - x are formed
 * separately so huge t loses no digits. For df >= 1e4, where x^(df/2) would amplify the rounding of x
 * by df, Hill's normalising expansion (CACM Algorithm 395, 1970) is used instead: it is accurate to
 * ~1e-12 relative there down to 1e-300. df = Infinity is the standard normal.
 */
import { computeIncompleteBetaTails } from "./beta.js";
import { normalSf } from "./normal.js";

const HILL_MIN_DF = 1e4;

/** Tail beyond |t| by Hill's expansion: maps t to a normal deviate with O(df⁻³) corrections. */
function computeHillTail(absolute: number, df: number): number {
  const a = df - 0.5;
  const b = 48 * a * a;
  const ratio = (absolute / df) * absolute;
  // t² / df overflows only where the tail is 0 anyway; the logarithm keeps the arithmetic finite.
  const zSquare = a * (Number.isFinite(ratio) ? Math.log1p(ratio) : 2 * Math.log(absolute / Math.sqrt(df)));
  const correction =
    (((-0.4 * zSquare - 3.3) * zSquare - 24) * zSquare - 85.5) / (0.8 * zSquare * zSquare + 100 + b);
  return normalSf(((correction + zSquare + 3) / b + 1) * Math.sqrt(zSquare));
}

/** P(|T| > |t|) / 2, the one-sided tail beyond |t|. */
function computeOneSidedTail(t: number, df: number): number {
  const absolute = Math.abs(t);
  if (df >= HILL_MIN_DF) return computeHillTail(absolute, df);
  let x: number;
  let y: number;
  if (absolute > Math.sqrt(df)) {
    const ratio = df / absolute / absolute;
    x = ratio / (1 + ratio);
    y = 1 / (1 + ratio);
  } else {
    const ratio = (absolute / df) * absolute;
    x = 1 / (1 + ratio);
    y = ratio / (1 + ratio);
  }
  return 0.5 * computeIncompleteBetaTails({ x, y, a: df / 2, b: 0.5 }).lower;
}

/** Upper tail P(T > t) with df degrees of freedom, accurate in relative terms deep into the tail. */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalSf(t);
  if (t === 0) return 0.5;
  if (Math.abs(t) === Number.POSITIVE_INFINITY) return t > 0 ? 0 : 1;
  const tail = computeOneSidedTail(t, df);
  return t > 0 ? tail : 1 - tail;
}

/** Cumulative distribution P(T <= t) with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  return studentTSf(-t, df);
}
