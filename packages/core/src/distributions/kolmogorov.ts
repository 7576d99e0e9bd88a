/**
 * Kolmogorov-Smirnov distributions as SciPy 1.10 computes them: the limiting two-sided tail
 * (`kstwobign.sf`, Jacobi theta series), the exact one-sided Smirnov tail (`scipy.special.smirnov`,
 * the Birnbaum-Tingey sum by term ratios with a running exponent, fast enough for n = 500000) and the
 * exact finite-n two-sided tail (`kstwo.sf`), which picks among Ruben-Gambino closed forms, the Durbin
 * matrix, Pomeranz's recursion, Pelz-Good's expansion and twice the Smirnov tail with SciPy's
 * thresholds (Simard & L'Ecuyer 2011). Invalid arguments give NaN as SciPy does.
 */

const PI_SQUARED = Math.PI ** 2;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
// Arguments of exp() below this underflow to 0 (SciPy's _MIN_LOG and cephes MINLOG).
const MIN_LOG = -708;
const CEPHES_MIN_LOG = -708.3964185322641;
const SMIRNOV_MAX_COMPUTE_N = 1_000_000;
const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;
const SCALE_LOG = SCALE_EXPONENT * Math.LN2;
const STIRLING_COEFFS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

/** Clips a probability to [0, 1] (NaN passes through). */
function toProbability(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** value * 2^exponent without overflowing the intermediate power of two. */
function scaleByPowerOfTwo(value: number, exponent: number): number {
  let result = value;
  let remaining = exponent;
  while (remaining > 1000) [result, remaining] = [result * 2 ** 1000, remaining - 1000];
  while (remaining < -1000) [result, remaining] = [result * 2 ** -1000, remaining + 1000];
  return result * 2 ** remaining;
}

/** Survival function of the Kolmogorov limit distribution, P(sqrt(n)·D_n > x) as n → ∞ (`kstwobign.sf`). */
export function kolmogorovLimitSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  // Below π/sqrt(8·746) the leading theta term underflows: the cdf is 0.
  if (x <= Math.PI / Math.sqrt(8 * 746)) return 1;
  if (x <= 0.82) {
    const logU8 = -PI_SQUARED / (x * x);
    const u = Math.exp(logU8 / 8);
    const w = SQRT_2PI / x;
    if (u === 0) return toProbability(1 - Math.exp(logU8 / 8 + Math.log(w)));
    const u8 = Math.exp(logU8);
    const cdf = w * u * (1 + u8 * (1 + u8 * u8 * (1 + u8 ** 3)));
    return toProbability(1 - cdf);
  }
  const v = Math.exp(-2 * x * x);
  const v3 = v ** 3;
  const sf = 2 * v * (1 - v3 * (1 - v3 * v * v * (1 - v3 * v3 * v)));
  return toProbability(sf);
}

/** n·x as an integer part and a fraction in [0, 1). */
interface SplitProduct {
  readonly floor: number;
  readonly fraction: number;
}

/** n·x split into floor and fractional part exactly (Dekker's two-product), as cephes' modNX. */
function splitProductFloor(n: number, x: number): SplitProduct {
  const product = n * x;
  const splitter = 134217729;
  const nSplit = splitter * n;
  const nHigh = nSplit - (nSplit - n);
  const xSplit = splitter * x;
  const xHigh = xSplit - (xSplit - x);
  const error =
    nHigh * xHigh - product + nHigh * (x - xHigh) + (n - nHigh) * xHigh + (n - nHigh) * (x - xHigh);
  let floor = Math.floor(product);
  let fraction = product - floor + error;
  if (fraction < 0) [floor, fraction] = [floor - 1, fraction + 1];
  if (fraction >= 1) [floor, fraction] = [floor + 1, 0];
  return { floor, fraction };
}

/** log((a + 1) / a) for a >= 20 by 2·atanh(1 / (2a + 1)), cheaper than log1p and as accurate there. */
function computeLogSuccessorRatio(a: number): number {
  if (a < 20) return Math.log1p(1 / a);
  const u = 1 / (2 * a + 1);
  const u2 = u * u;
  return 2 * u * (1 + u2 * (1 / 3 + u2 * (1 / 5 + u2 * (1 / 7 + u2 / 9))));
}

/**
 * Lower Birnbaum-Tingey sum x·Σ_{v=0}^{last} C(n,v)(x + v/n)^(v-1)(1 - x - v/n)^(n-v), each term from
 * the previous by its ratio (one exp per term), scaled by a running exponent so nothing under- or
 * overflows; stops as cephes does once the remaining terms cannot change the sum.
 */
function sumSmirnovLowerTerms(n: number, x: number, nx: SplitProduct, last: number): number {
  const { floor: nxFloor, fraction } = nx;
  let logScale = n * Math.log1p(-x) - Math.log(x);
  let term = 1;
  let sum = 1;
  const termCount = last + 1;
  for (let v = 0; v < last; v += 1) {
    // n(x + v/n) and n(1 - x - (v+1)/n) from exact integer parts, so each rounds once.
    const upper = nxFloor + v + fraction;
    const nextLower = n - nxFloor - v - 1 - fraction;
    const exponent =
      (v - 1) * computeLogSuccessorRatio(upper) - (n - v) * computeLogSuccessorRatio(nextLower);
    const nextUpper = nxFloor + v + 1 + fraction;
    term *= ((n - v) / (v + 1)) * (nextUpper / nextLower) * Math.exp(exponent);
    sum += term;
    const j = v + 1;
    if (term === 0 ? j > n / 2 : 4 * (termCount - j) * term < Number.EPSILON * sum && j !== last) break;
    if (term > SCALE_UP) [term, sum, logScale] = [term * SCALE_DOWN, sum * SCALE_DOWN, logScale + SCALE_LOG];
    else if (sum < SCALE_DOWN)
      [term, sum, logScale] = [term * SCALE_UP, sum * SCALE_UP, logScale - SCALE_LOG];
  }
  return Math.exp(Math.log(x) + Math.log(sum) + logScale);
}

/** Upper sum x·Σ_{v=first}^{n} of the same terms (at most three, alternating in sign), in log space. */
function sumSmirnovUpperTerms(n: number, x: number, nx: SplitProduct, first: number): number {
  const logN = Math.log(n);
  let logBinomial = 0;
  let sum = 0;
  for (let v = n; v >= first; v -= 1) {
    const lower = n - nx.floor - v - nx.fraction;
    const logUpper = (v - 1) * (Math.log(v + nx.floor + nx.fraction) - logN);
    const logLower = n === v ? 0 : (n - v) * (Math.log(-lower) - logN);
    sum += ((n - v) % 2 === 1 ? -1 : 1) * Math.exp(logBinomial + logUpper + logLower);
    logBinomial += Math.log(v / (n - v + 1));
  }
  return x * sum;
}

/** One-sided Smirnov survival function P(D+_n > d) (`scipy.special.smirnov(n, d)`). */
export function smirnovSf(n: number, d: number): number {
  if (!(Number.isInteger(n) && n > 0 && d >= 0 && d <= 1)) return Number.NaN;
  if (n === 1) return 1 - d;
  if (d === 0) return 1;
  if (d === 1) return 0;
  const { floor: nxFloor, fraction } = splitProductFloor(n, d);
  if (nxFloor === 0 || (nxFloor === 1 && fraction === 0)) {
    return toProbability(1 - d * Math.exp((n - 1) * Math.log1p(d)));
  }
  if (-2 * n * d * d < CEPHES_MIN_LOG) return 0;
  if (nxFloor >= n - 1) return toProbability((1 - d) ** n);
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logP = -((6 * n * d + 1) ** 2) / 18 / n;
    return toProbability(logP < -Math.LN2 ? Math.exp(logP) : 1 + Math.expm1(logP));
  }
  // Lower sum over v <= n(1-d) (exclusive when n·d is an integer) or, for tiny d, the short upper sum.
  const lowerLast = n - nxFloor - 1;
  const upperFirst = n - nxFloor + (fraction === 0 ? 1 : 0);
  const upperTerms = n - upperFirst + 1;
  const useUpper = (upperTerms <= 1 && d < 0.5) || (n >= 10 && upperTerms <= 3 && d <= 0.5 / Math.sqrt(n));
  const nx = { floor: nxFloor, fraction };
  if (useUpper) return toProbability(1 - sumSmirnovUpperTerms(n, d, nx, upperFirst));
  return toProbability(sumSmirnovLowerTerms(n, d, nx, lowerLast));
}

/** log(n! / n^n) by Stirling's series (SciPy's _log_nfactorial_div_n_pow_n). */
function computeLogFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let series = 0;
  for (const coefficient of STIRLING_COEFFS) series = series * (rn / n) + coefficient;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * series;
}

/** Dense m×m product a·b (row-major). */
function multiplySquare(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const product = new Float64Array(m * m);
  for (let i = 0; i < m; i += 1) {
    for (let k = 0; k < m; k += 1) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < m; j += 1) product[i * m + j]! += aik * b[k * m + j]!;
    }
  }
  return product;
}

/** The Durbin matrix H for n·d (Marsaglia-Tsang-Wang 2003), with its size and centre index k. */
function buildDurbinMatrix(nd: number): { matrix: Float64Array; size: number; k: number } {
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j += 1) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - h ** j) * factorial;
  }
  v[m - 1] = (1 + Math.max(2 * h - 1, 0) ** m - 2 * h ** m) * factorial;
  const matrix = new Float64Array(m * m);
  for (let col = 1; col < m; col += 1) {
    for (let row = col - 1; row < m; row += 1) matrix[row * m + col] = w[row - col + 1]!;
  }
  for (let row = 0; row < m; row += 1) matrix[row * m] = v[row]!;
  for (let col = 0; col < m; col += 1) matrix[(m - 1) * m + col] = v[m - 1 - col]!;
  return { matrix, size: m, k };
}

/** P(D_n <= d) by raising the Durbin matrix to the n-th power with separate binary exponents. */
function computeDurbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const { matrix, size: m, k } = buildDurbinMatrix(nd);
  let power = matrix;
  let result: Float64Array | undefined;
  let exponent = 0;
  let powerExponent = 0;
  const centre = (k - 1) * m + (k - 1);
  for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) {
      result = result === undefined ? power : multiplySquare(result, power, m);
      exponent += powerExponent;
    }
    power = multiplySquare(power, power, m);
    powerExponent *= 2;
    if (Math.abs(power[centre]!) > SCALE_UP) {
      for (let i = 0; i < power.length; i += 1) power[i]! *= SCALE_DOWN;
      powerExponent += SCALE_EXPONENT;
    }
  }
  let p = result![centre]!;
  for (let i = 1; i <= n; i += 1) {
    p = (i * p) / n;
    if (Math.abs(p) < SCALE_DOWN) [p, exponent] = [p * SCALE_UP, exponent - SCALE_EXPONENT];
  }
  return toProbability(scaleByPowerOfTwo(p, exponent));
}

/** Column window [j1, j2] of Pomeranz's recursion for row i (SciPy's _pomeranz_compute_j1j2). */
function computePomeranzWindow(
  i: number,
  n: number,
  ll: number,
  ceilF: number,
  roundF: number,
): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) [j1, j2] = [-ll - ceilF - 1, ll + ceilF - 1];
  else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) [j1, j2] = [n - ll - ceilF - 1, n + ll + ceilF - 1];
      else [j1, j2] = [half - 1 - ll - roundF - 1, half + ll - 1 + ceilF - 1];
    } else [j1, j2] = [half - 1 - ll - 1, half + ll + roundF - 1];
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Taylor weights (c/n)^m / m! for m < count. */
function computeScaledPowers(c: number, count: number): Float64Array {
  const powers = new Float64Array(count);
  powers[0] = 1;
  for (let m = 1; m < count; m += 1) powers[m] = (powers[m - 1]! * c) / m;
  return powers;
}

/** P(D_n <= x) by Pomeranz's (1974) recursion, rows rescaled by 2^128 to avoid underflow. */
function computePomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const [ceilF, roundF] = [f > 0 ? 1 : 0, f > 0.5 ? 1 : 0];
  const width = 2 * (ll + 1);
  const gPowers = computeScaledPowers(g / n, width);
  const twoGPowers = computeScaledPowers((2 * g) / n, width);
  const restPowers = computeScaledPowers((1 - 2 * g) / n, width);
  let previous = new Float64Array(width);
  let current = new Float64Array(width);
  current[0] = 1;
  let [previousStart, currentStart, exponent] = [0, 0, 0];
  let [j1] = computePomeranzWindow(0, n, ll, ceilF, roundF);
  for (let i = 1; i <= 2 * n + 1; i += 1) {
    const k1 = j1;
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
    current.fill(0);
    const [nextJ1, j2] = computePomeranzWindow(i, n, ll, ceilF, roundF);
    j1 = nextJ1;
    const powers = i === 1 || i === 2 * n + 1 ? gPowers : i % 2 === 1 ? twoGPowers : restPowers;
    const length = j2 - k1 + 1;
    if (length <= 0) continue;
    const offset = k1 - previousStart;
    const sourceLength = Math.min(length, width - offset);
    const powerLength = Math.min(length, width);
    let largest = 0;
    for (let out = 0; out <= j2 - j1; out += 1) {
      const c = j1 - k1 + out;
      let total = 0;
      for (let a = Math.max(0, c - powerLength + 1); a <= Math.min(c, sourceLength - 1); a += 1) {
        total += previous[offset + a]! * powers[c - a]!;
      }
      current[out] = total;
      largest = Math.max(largest, total);
    }
    if (largest > 0 && largest < SCALE_DOWN) {
      for (let out = 0; out < width; out += 1) current[out]! *= SCALE_UP;
      exponent -= SCALE_EXPONENT;
    }
    currentStart = previousStart + j1 - k1;
  }
  let answer = current[n - currentStart]!;
  for (let m = 1; m <= n; m += 1) {
    if (Math.abs(answer) > SCALE_UP) [answer, exponent] = [answer * SCALE_DOWN, exponent + SCALE_EXPONENT];
    answer *= m;
  }
  return toProbability(scaleByPowerOfTwo(answer, exponent));
}

/** Pelz-Good (1976) asymptotic expansion of P(D_n <= x), SciPy's _kolmogn_PelzGood with cdf=True. */
function computePelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const [z2, z3, z4, z6] = [z ** 2, z ** 3, z ** 4, z ** 6];
  const qLog = -PI_SQUARED / 8 / z2;
  if (qLog < MIN_LOG) return 0;
  const q = Math.exp(qLog);
  const [k1a, k1b] = [-z2, PI_SQUARED / 4];
  const [k2a, k2b, k2c] = [
    6 * z6 + 2 * z4,
    ((2 * z4 - 5 * z2) * PI_SQUARED) / 4,
    (Math.PI ** 4 * (1 - 2 * z2)) / 16,
  ];
  const k3d = (Math.PI ** 6 * (5 - 30 * z2)) / 64;
  const k3c = (Math.PI ** 4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const terms = [0, 0, 0, 0];
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k > 0; k -= 1) {
    const m2 = (2 * k - 1) ** 2;
    const qPower = q ** (8 * k);
    const coefficients = [
      1,
      k1a + k1b * m2,
      k2a + k2b * m2 + k2c * m2 * m2,
      k3a + k3b * m2 + k3c * m2 * m2 + k3d * m2 ** 3,
    ];
    for (let i = 0; i < 4; i += 1) terms[i] = terms[i]! * qPower + coefficients[i]!;
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i += 1) terms[i] = (terms[i]! * q * SQRT_2PI) / divisors[i]!;
  const qHalf = Math.exp(-PI_SQUARED / 2 / z2);
  let k2Extra = 0;
  let k3Extra = 0;
  for (let k = maxK; k > 0; k -= 1) {
    const weight = k * k * qHalf ** (k * k);
    k2Extra += weight;
    k3Extra += (SQRT3 * z + Math.PI * k) * (SQRT3 * z - Math.PI * k) * weight;
  }
  terms[2] = terms[2]! + k2Extra * ((PI_SQUARED * SQRT_2PI) / (-36 * z3));
  terms[3] = terms[3]! + k3Extra * ((PI_SQUARED * SQRT_2PI) / (216 * z6));
  return terms.reduce((total, term, i) => total + term / n ** (i / 2), 0);
}

/** Two-sided Kolmogorov-Smirnov survival function P(D_n > d) for sample size n (`kstwo.sf(d, n)`). */
export function kolmogorovTwoSidedSf(d: number, n: number): number {
  if (Number.isNaN(d) || !Number.isInteger(n) || n <= 0) return Number.NaN;
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  const t = n * d;
  if (t <= 1) {
    // Ruben-Gambino: P(D_n <= d) = n!/n^n (2t - 1)^n for 1/(2n) <= d <= 1/n.
    if (t <= 0.5) return 1;
    let cdf = 1;
    if (n <= 140) for (let i = 1; i <= n; i += 1) cdf *= i * (1 / n) * (2 * t - 1);
    else cdf = Math.exp(computeLogFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return toProbability(1 - cdf);
  }
  if (t >= n - 1) return toProbability(2 * (1 - d) ** n);
  if (d >= 0.5) return toProbability(2 * smirnovSf(n, d));
  const nxSquared = t * d;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return toProbability(1 - computeDurbinMatrixCdf(n, d));
    if (nxSquared <= 4) return toProbability(1 - computePomeranzCdf(n, d));
    return toProbability(2 * smirnovSf(n, d));
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return toProbability(2 * smirnovSf(n, d));
  const useDurbin = n <= 100_000 && n * d ** 1.5 <= 1.4;
  return toProbability(1 - (useDurbin ? computeDurbinMatrixCdf(n, d) : computePelzGoodCdf(n, d)));
}
