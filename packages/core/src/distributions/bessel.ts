/**
 * Modified Bessel function of the second kind K_ν(x) for real order and x > 0, from the integral
 * K_ν(x) = ∫_0^∞ exp(-x cosh t) cosh(νt) dt by the trapezoidal rule, which converges geometrically
 * for this analytic, double-exponentially decaying integrand; the step shrinks like 1/√x so the peak
 * at t = 0 stays resolved for large x. Underflows to 0 past x ≈ 745 (as SciPy's `kv`).
 */

// Step for small and moderate x: the integrand is analytic in |Im t| < π/2, so the trapezoidal error
// is about exp(-π²/h) (relative), far below double precision at h = 0.2.
const MAX_STEP = 0.2;
// For large x the integrand behaves like a Gaussian of width 1/√x; a step of 0.5/√x keeps the
// aliasing error near exp(-2π²/(h²x)) ≈ exp(-79).
const LARGE_X_STEP_SCALE = 0.5;
// Large orders push the peak of cosh(νt) outwards and amplify aliasing; shrink the step like 1/ν.
const MAX_STEP_ORDER_SCALE = 1;
// Relative size below which further terms cannot change the double-precision sum.
const TAIL_RELATIVE = 1e-18;
// The summand is evaluated scaled by exp(x) and rescaled at the end; exp(-x) underflows past this.
const UNDERFLOW_X = 746;
const SUBNORMAL_X = 700;

/** Modified Bessel function of the second kind K_ν(x) (SciPy `scipy.special.kv`) for x > 0. */
export function besselK(nu: number, x: number): number {
  if (!(x > 0) || !Number.isFinite(nu)) {
    throw new RangeError(`besselK needs x > 0 and finite order, got nu=${nu}, x=${x}`);
  }
  if (x === Infinity || x > UNDERFLOW_X) return 0;
  const order = Math.abs(nu);
  const step = Math.min(MAX_STEP, MAX_STEP_ORDER_SCALE / (1 + order), LARGE_X_STEP_SCALE / Math.sqrt(x));
  // Summand scaled by exp(x): exp(-x (cosh t - 1)) cosh(νt); cosh t - 1 = 2 sinh²(t/2) avoids cancellation.
  const computeScaledTerm = (t: number): number => {
    const halfSinh = Math.sinh(t / 2);
    return Math.exp(-2 * x * halfSinh * halfSinh) * Math.cosh(order * t);
  };
  let sum = computeScaledTerm(0) / 2;
  let previous = Infinity;
  for (let i = 1; ; i += 1) {
    const term = computeScaledTerm(i * step);
    sum += term;
    // Stop only on the decaying side: for ν > 0 the summand may first rise before it falls.
    if (term < previous && term <= TAIL_RELATIVE * sum) break;
    previous = term;
  }
  const scaled = sum * step;
  // exp(-x) alone turns subnormal past x ≈ 708; folding the sum into the exponent rounds only once.
  return x > SUBNORMAL_X ? Math.exp(Math.log(scaled) - x) : scaled * Math.exp(-x);
}
