/**
 * k-sample Anderson-Darling test as SciPy 1.10 `anderson_ksamp(samples, midrank=True)`: the midrank
 * A²akN of Scholz & Stephens (JASA 82, 1987, eq. 7) standardised by its exact null variance, with a
 * significance level (not an exact p-value) from SciPy's quadratic fit of log(level) on the Table 2
 * critical values, capped to [0.001, 0.25] outside the table (the fit itself reaches ~0.254 and
 * ~0.00099 at the table ends, as SciPy's does). Default threshold 0.1; an empty sample, N < 4 (the
 * variance divides by (N-1)(N-2)(N-3)) or one distinct value give insufficient_data.
 */
import { type StatResult, toInsufficientData, toOk } from "../../result.js";
import { computePooledTieGroups } from "../../sorting/rank.js";

/** Standardised A² and the significance level interpolated (and capped) as SciPy does. */
export interface AndersonDarlingResult {
  readonly statistic: number;
  readonly significanceLevel: number;
}

// Scholz & Stephens (1987) Table 2 interpolation coefficients and their significance levels.
const CRITICAL_B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const CRITICAL_B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const CRITICAL_B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
const SIGNIFICANCE_LEVELS = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
const MIN_TOTAL_SIZE = 4;

/** Midrank A²akN (Scholz & Stephens eq. 7) from the pooled tie groups of the samples. */
function computeMidrankStatistic(samples: readonly Float64Array[], total: number): number {
  const { pooledCounts, sampleCounts } = computePooledTieGroups(samples);
  let statistic = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const counts = sampleCounts[i]!;
    const size = samples[i]!.length;
    let below = 0;
    let sampleBelow = 0;
    let inner = 0;
    for (let j = 0; j < pooledCounts.length; j += 1) {
      const tieSize = pooledCounts[j]!;
      const count = counts[j]!;
      const pooledMidpoint = below + tieSize / 2;
      const sampleMidpoint = sampleBelow + count / 2;
      const deviation = total * sampleMidpoint - pooledMidpoint * size;
      inner +=
        ((tieSize / total) * deviation * deviation) /
        (pooledMidpoint * (total - pooledMidpoint) - (total * tieSize) / 4);
      below += tieSize;
      sampleBelow += count;
    }
    statistic += inner / size;
  }
  return (statistic * (total - 1)) / total;
}

/** Exact variance of A²akN under the null (Scholz & Stephens eq. 4), as SciPy evaluates it. */
function computeNullVariance(sizes: readonly number[], total: number): number {
  const k = sizes.length;
  const harmonicSizes = sizes.reduce((sum, size) => sum + 1 / size, 0);
  // h = Σ_{i=1}^{N-1} 1/i and g = Σ_{j=2}^{N-1} (Σ_{l=N-j+1}^{N-1} 1/l) / j, summed in SciPy's order.
  let tailHarmonic = 0;
  let g = 0;
  for (let j = 0; j <= total - 3; j += 1) {
    tailHarmonic += 1 / (total - 1 - j);
    g += tailHarmonic / (j + 2);
  }
  const h = tailHarmonic + 1;
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * harmonicSizes;
  const b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * harmonicSizes - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * harmonicSizes + 4 * h;
  const d = (2 * h + 6) * k * k - 4 * h * k;
  const n = total;
  return (a * n ** 3 + b * n ** 2 + c * n + d) / ((n - 1) * (n - 2) * (n - 3));
}

/**
 * Least-squares quadratic through the points, highest power first, as `numpy.polyfit(x, y, 2)`: the
 * Vandermonde columns are scaled to unit norm, then solved by Householder QR (NumPy uses an SVD; both
 * are backward stable on this well-conditioned 7×3 system and agree to rounding).
 */
export function computeQuadraticLeastSquaresFit(
  x: readonly number[],
  y: readonly number[],
): [number, number, number] {
  const rows = x.length;
  const columns = [x.map((v) => v * v), x.map((v) => v), x.map(() => 1)];
  const scales = columns.map((column) => Math.hypot(...column));
  const matrix = columns.map((column, j) => column.map((v) => v / scales[j]!));
  const rhs = [...y];
  for (let j = 0; j < 3; j += 1) {
    const column = matrix[j]!;
    const norm = Math.hypot(...column.slice(j));
    const alpha = column[j]! > 0 ? -norm : norm;
    const reflector = column.map((v, i) => (i < j ? 0 : i === j ? v - alpha : v));
    const reflectorNormSq = reflector.reduce((sum, v) => sum + v * v, 0);
    if (reflectorNormSq === 0) continue;
    for (const target of [...matrix.slice(j), rhs]) {
      let dot = 0;
      for (let i = j; i < rows; i += 1) dot += reflector[i]! * target[i]!;
      const factor = (2 * dot) / reflectorNormSq;
      for (let i = j; i < rows; i += 1) target[i] = target[i]! - factor * reflector[i]!;
    }
  }
  const solution = [0, 0, 0];
  for (let j = 2; j >= 0; j -= 1) {
    let residual = rhs[j]!;
    for (let l = j + 1; l < 3; l += 1) residual -= matrix[l]![j]! * solution[l]!;
    solution[j] = residual / matrix[j]![j]!;
  }
  return [solution[0]! / scales[0]!, solution[1]! / scales[1]!, solution[2]! / scales[2]!];
}

/** Significance level for standardised A² with k-1 degrees: capped outside the table, else interpolated. */
export function computeAndersonDarlingSignificance(statistic: number, degrees: number): number {
  const critical = CRITICAL_B0.map(
    (b0, i) => b0 + CRITICAL_B1[i]! / Math.sqrt(degrees) + CRITICAL_B2[i]! / degrees,
  );
  if (statistic < Math.min(...critical)) return Math.max(...SIGNIFICANCE_LEVELS);
  if (statistic > Math.max(...critical)) return Math.min(...SIGNIFICANCE_LEVELS);
  const [c2, c1, c0] = computeQuadraticLeastSquaresFit(
    critical,
    SIGNIFICANCE_LEVELS.map((level) => Math.log(level)),
  );
  return Math.exp((c2 * statistic + c1) * statistic + c0);
}

/** k-sample Anderson-Darling test (SciPy `anderson_ksamp`, midrank); needs at least two samples. */
export function andersonDarlingKSampleTest(
  samples: readonly Float64Array[],
): StatResult<AndersonDarlingResult> {
  if (samples.length < 2) throw new RangeError("andersonDarlingKSampleTest needs at least two samples");
  const sizes = samples.map((sample) => sample.length);
  if (sizes.some((size) => size === 0)) {
    return toInsufficientData("Anderson-Darling needs at least one value in every sample");
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total < MIN_TOTAL_SIZE) {
    return toInsufficientData("Anderson-Darling needs at least four values in all");
  }
  if (!hasTwoDistinctValues(samples)) {
    return toInsufficientData("Anderson-Darling needs more than one distinct value");
  }
  const degrees = samples.length - 1;
  const variance = computeNullVariance(sizes, total);
  // Scholz & Stephens' variance is positive for N >= 4; the guard keeps a NaN from ever leaking.
  if (!(variance > 0)) return toInsufficientData("Anderson-Darling null variance is not positive");
  const rawStatistic = computeMidrankStatistic(samples, total);
  const statistic = (rawStatistic - degrees) / Math.sqrt(variance);
  return toOk({
    statistic,
    significanceLevel: computeAndersonDarlingSignificance(statistic, degrees),
  });
}

/** True when the pooled samples hold at least two different values. */
function hasTwoDistinctValues(samples: readonly Float64Array[]): boolean {
  const first = samples[0]![0]!;
  return samples.some((sample) => sample.some((value) => value !== first));
}
