/**
 * Maximum mean discrepancy (`mmd`): unbiased MMD² (Gretton et al., JMLR 2012, eq. 3) with the RBF kernel
 * exp(-‖x-y‖²/(2σ²)), σ = median pairwise Euclidean distance of the pooled rows (NumPy median over i < j);
 * p-value from a seeded permutation test; drift when p < 0.05. Each side is first subsampled (seeded) to at
 * most `maxRowsPerSide` rows. Fewer than 2 rows on a side, or σ = 0, gives insufficient_data.
 */

import { computePairwiseSquaredDistances, selectRows } from "../../numeric/embedding-matrix.js";
import type { EmbeddingMatrix } from "../../numeric/embedding-matrix.js";
import { createSeededRandom, sampleIndices } from "../../random/seeded-random.js";
import type { SeededRandom } from "../../random/seeded-random.js";
import { toInsufficientData, toOk } from "../../result.js";
import type { StatResult } from "../../result.js";

/** Permutations drawn when the caller does not say. */
export const DEFAULT_MMD_PERMUTATION_COUNT = 100;
/** Rows kept per side when the caller does not say; cost is O((m+n)² · dimension) time, O((m+n)²) memory. */
export const DEFAULT_MMD_MAX_ROWS_PER_SIDE = 1000;
/** Seed used when the caller does not give one, so repeated runs on the same data agree. */
export const DEFAULT_MMD_SEED = 20240917;

/** Tuning of the MMD permutation test. */
export interface MaximumMeanDiscrepancyOptions {
  /** Random reassignments of the pooled rows (integer >= 1; default 100); the p-value resolution is 1/(1 + this). */
  readonly permutationCount?: number;
  /** Rows kept per side (integer >= 2; default 1000): 2 × this rows need about 8 × (2 × this)² bytes. */
  readonly maxRowsPerSide?: number;
  /** Safe-integer seed of the subsampling and permutation stream (default DEFAULT_MMD_SEED). */
  readonly seed?: number;
}

const TIE_TOLERANCE = 1e-12;

/** Unbiased MMD² and the kernel bandwidth it used. */
export interface UnbiasedMmd2 {
  readonly mmd2: number;
  readonly sigma: number;
}

/** MMD² with its permutation p-value and the row counts actually used after subsampling. */
export interface MaximumMeanDiscrepancy extends UnbiasedMmd2 {
  readonly pValue: number;
  readonly permutationCount: number;
  readonly referenceRows: number;
  readonly currentRows: number;
}

/** The pooled RBF kernel, upper triangle packed row by row: pair (i, j), i < j, at `rowOffset(i) + j`. */
interface PooledKernel {
  readonly rowCount: number;
  readonly sigma: number;
  readonly values: Float64Array;
  readonly rowSums: Float64Array;
  readonly total: number;
}

/** Unbiased MMD² and σ on all rows, with no subsampling and no permutation test. */
export function computeUnbiasedMmd2(
  reference: EmbeddingMatrix,
  current: EmbeddingMatrix,
): StatResult<UnbiasedMmd2> {
  const kernel = derivePooledKernelOrReason(reference, current);
  if (typeof kernel === "string") return toInsufficientData(kernel);
  const mmd2 = computeObservedMmd2(kernel, reference.rowCount);
  return toOk({ mmd2, sigma: kernel.sigma });
}

/**
 * MMD² with a permutation p-value p = (1 + #{permuted MMD² >= observed - 1e-12}) / (1 + permutationCount) (the
 * observed split counts as one permutation, so p > 0; the slack makes rounding-level ties count), each permutation
 * reassigning the pooled subsampled rows to sides of the same sizes. One seeded stream draws the reference
 * subsample, then the current one, then the permutations.
 */
export function computeMaximumMeanDiscrepancy(
  reference: EmbeddingMatrix,
  current: EmbeddingMatrix,
  options: MaximumMeanDiscrepancyOptions = {},
): StatResult<MaximumMeanDiscrepancy> {
  const permutationCount = options.permutationCount ?? DEFAULT_MMD_PERMUTATION_COUNT;
  const maxRowsPerSide = options.maxRowsPerSide ?? DEFAULT_MMD_MAX_ROWS_PER_SIDE;
  if (!Number.isInteger(permutationCount) || permutationCount < 1) {
    throw new RangeError(`permutationCount must be a positive integer, got ${permutationCount}`);
  }
  if (!Number.isInteger(maxRowsPerSide) || maxRowsPerSide < 2) {
    throw new RangeError(`maxRowsPerSide must be an integer >= 2, got ${maxRowsPerSide}`);
  }
  const random = createSeededRandom(options.seed ?? DEFAULT_MMD_SEED);
  const referenceSample = selectSubsample(reference, maxRowsPerSide, random);
  const currentSample = selectSubsample(current, maxRowsPerSide, random);
  const kernel = derivePooledKernelOrReason(referenceSample, currentSample);
  if (typeof kernel === "string") return toInsufficientData(kernel);

  const referenceRows = referenceSample.rowCount;
  const mmd2 = computeObservedMmd2(kernel, referenceRows);
  const exceedances = countPermutationsAtLeast({
    kernel,
    referenceRows,
    observed: mmd2,
    permutationCount,
    random,
  });
  return toOk({
    mmd2,
    sigma: kernel.sigma,
    pValue: (1 + exceedances) / (1 + permutationCount),
    permutationCount,
    referenceRows,
    currentRows: currentSample.rowCount,
  });
}

function selectSubsample(matrix: EmbeddingMatrix, maxRows: number, random: SeededRandom): EmbeddingMatrix {
  if (matrix.rowCount <= maxRows) return matrix;
  // Sorted so the subsample keeps the input order; which rows are kept is all that matters.
  return selectRows(matrix, sampleIndices(matrix.rowCount, maxRows, random).sort());
}

function derivePooledKernelOrReason(
  reference: EmbeddingMatrix,
  current: EmbeddingMatrix,
): PooledKernel | string {
  if (reference.dimension !== current.dimension && reference.rowCount > 0 && current.rowCount > 0) {
    throw new RangeError(
      `embedding dimensions differ: reference ${reference.dimension}, current ${current.dimension}`,
    );
  }
  if (reference.rowCount < 2 || current.rowCount < 2) {
    return "MMD needs at least 2 embeddings on each side";
  }
  const rowCount = reference.rowCount + current.rowCount;
  const { pooled, binaryExponent } = toScaledPooledValues(reference, current);
  const values = computePairwiseSquaredDistances({
    rowCount,
    dimension: reference.dimension,
    values: pooled,
  });
  const scaledSigma = selectMedianDistance(values);
  if (scaledSigma === 0) return "median pairwise distance is zero (most embeddings are identical)";
  const sigma = scaledSigma * 2 ** binaryExponent;
  if (!Number.isFinite(sigma) || sigma === 0) {
    return "median pairwise distance is outside the range of double-precision numbers";
  }
  const { rowSums, total } = convertToKernelInPlace(values, rowCount, 1 / (2 * scaledSigma * scaledSigma));
  return { rowCount, sigma, values, rowSums, total };
}

// The RBF kernel with the median bandwidth is scale-free, so data far from 1 is rescaled by a power of two
// (exact) first: otherwise squared distances of embeddings near 1e±200 overflow or underflow.
function toScaledPooledValues(
  reference: EmbeddingMatrix,
  current: EmbeddingMatrix,
): { pooled: Float64Array; binaryExponent: number } {
  const referenceLength = reference.rowCount * reference.dimension;
  const pooled = new Float64Array(referenceLength + current.rowCount * current.dimension);
  pooled.set(reference.values.subarray(0, referenceLength));
  pooled.set(current.values.subarray(0, pooled.length - referenceLength), referenceLength);
  let maxAbs = 0;
  for (let i = 0; i < pooled.length; i += 1) maxAbs = Math.max(maxAbs, Math.abs(pooled[i]!));
  if (maxAbs === 0 || (maxAbs > 2 ** -400 && maxAbs < 2 ** 400)) return { pooled, binaryExponent: 0 };
  const binaryExponent = Math.floor(Math.log2(maxAbs));
  // Two factors, because 2^1074 (for subnormal data) is not representable as one.
  const firstFactor = 2 ** -Math.floor(binaryExponent / 2);
  const secondFactor = 2 ** -(binaryExponent - Math.floor(binaryExponent / 2));
  for (let i = 0; i < pooled.length; i += 1) pooled[i] = pooled[i]! * firstFactor * secondFactor;
  return { pooled, binaryExponent };
}

function convertToKernelInPlace(
  values: Float64Array,
  rowCount: number,
  exponentScale: number,
): { rowSums: Float64Array; total: number } {
  const rowSums = new Float64Array(rowCount);
  let total = 0;
  let pair = 0;
  for (let i = 0; i < rowCount; i += 1) {
    let rowSum = 0;
    for (let j = i + 1; j < rowCount; j += 1, pair += 1) {
      const k = Math.exp(-values[pair]! * exponentScale);
      values[pair] = k;
      rowSum += k;
      rowSums[j]! += k;
    }
    rowSums[i]! += rowSum;
    total += rowSum;
  }
  return { rowSums, total };
}

// NumPy's median: the middle value, or the mean of the two middle values for an even count. Squared distances
// order like distances, so selection runs on them and only the one or two chosen values are rooted.
function selectMedianDistance(squared: Float64Array): number {
  const scratch = squared.slice();
  const upper = scratch.length >>> 1;
  if (scratch.length % 2 === 1) return Math.sqrt(selectKthSmallestInPlace(scratch, upper));
  const lowerValue = selectKthSmallestInPlace(scratch, upper - 1);
  // After selection everything past position upper - 1 is >= it, so the next order statistic is their minimum.
  let upperValue = Infinity;
  for (let i = upper; i < scratch.length; i += 1) upperValue = Math.min(upperValue, scratch[i]!);
  return (Math.sqrt(lowerValue) + Math.sqrt(upperValue)) / 2;
}

// Hoare quickselect with a median-of-three pivot; equal keys are swapped so heavy ties still split evenly.
function selectKthSmallestInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const a = values[left]!;
    const b = values[(left + right) >>> 1]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const held = values[i]!;
        values[i] = values[j]!;
        values[j] = held;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k]!;
}

function computeObservedMmd2(kernel: PooledKernel, referenceRows: number): number {
  const currentRows = kernel.rowCount - referenceRows;
  // MMD² is symmetric in the two sides, so the pair loop runs over the smaller one.
  const start = referenceRows <= currentRows ? 0 : referenceRows;
  const sideRows = Math.min(referenceRows, currentRows);
  const side = new Uint32Array(sideRows);
  for (let i = 0; i < sideRows; i += 1) side[i] = start + i;
  return computeSplitMmd2(kernel, side);
}

// With row sums r and the off-diagonal total S (each pair once): Σ_XY = Σ_{i∈X} r_i - 2·Σ_XX and
// Σ_YY = S - Σ_XX - Σ_XY, so one pass over the pairs inside X gives all three block sums.
function computeSplitMmd2(kernel: PooledKernel, side: Uint32Array): number {
  const { rowCount, values, rowSums, total } = kernel;
  const m = side.length;
  const n = rowCount - m;
  let withinX = 0;
  let rowSumX = 0;
  for (let a = 0; a < m; a += 1) {
    const i = side[a]!;
    rowSumX += rowSums[i]!;
    const rowOffset = i * rowCount - (i * (i + 1)) / 2 - i - 1;
    let sum0 = 0;
    let sum1 = 0;
    let b = a + 1;
    for (; b < m - 1; b += 2) {
      sum0 += values[rowOffset + side[b]!]!;
      sum1 += values[rowOffset + side[b + 1]!]!;
    }
    if (b < m) sum0 += values[rowOffset + side[b]!]!;
    withinX += sum0 + sum1;
  }
  const across = rowSumX - 2 * withinX;
  const withinY = total - withinX - across;
  return (2 * withinX) / (m * (m - 1)) + (2 * withinY) / (n * (n - 1)) - (2 * across) / (m * n);
}

interface PermutationTest {
  readonly kernel: PooledKernel;
  readonly referenceRows: number;
  readonly observed: number;
  readonly permutationCount: number;
  readonly random: SeededRandom;
}

function countPermutationsAtLeast(test: PermutationTest): number {
  const { kernel, referenceRows, observed, permutationCount, random } = test;
  const rowCount = kernel.rowCount;
  const sideRows = Math.min(referenceRows, rowCount - referenceRows);
  const order = new Uint32Array(rowCount);
  for (let i = 0; i < rowCount; i += 1) order[i] = i;
  const inSide = new Uint8Array(rowCount);
  const side = new Uint32Array(sideRows);
  // Splits with the same statistic as observed (the swapped split when m = n) differ from it only by rounding;
  // its terms are averages of kernel values in [0, 1], so an absolute slack counts them as ties.
  const threshold = observed - TIE_TOLERANCE;
  let exceedances = 0;
  for (let permutation = 0; permutation < permutationCount; permutation += 1) {
    // A partial Fisher-Yates draws a uniform subset; reusing the shuffled order keeps it uniform.
    for (let i = 0; i < sideRows; i += 1) {
      const j = i + random.nextInt(rowCount - i);
      const held = order[i]!;
      order[i] = order[j]!;
      order[j] = held;
    }
    inSide.fill(0);
    for (let i = 0; i < sideRows; i += 1) inSide[order[i]!] = 1;
    // Ascending indices walk each kernel row forwards, which is what makes the pair loop cache-friendly.
    let filled = 0;
    for (let i = 0; i < rowCount; i += 1) if (inSide[i] === 1) side[filled++] = i;
    if (computeSplitMmd2(kernel, side) >= threshold) exceedances += 1;
  }
  return exceedances;
}
