/**
 * A dense row-major matrix of embedding vectors (one row per record) and the row operations the embedding
 * drift methods share (selection, column means, pairwise squared distances). Ragged input and out-of-range indices are programmer errors and throw; callers
 * remove rows with missing or non-finite values before building a matrix.
 */

/** Embedding vectors stored row-major: row r, column c is `values[r * dimension + c]`. */
export interface EmbeddingMatrix {
  readonly rowCount: number;
  readonly dimension: number;
  readonly values: Float64Array;
}

/** Packs equal-length rows into a matrix; no rows gives a 0 × 0 matrix. */
export function toEmbeddingMatrix(rows: readonly ArrayLike<number>[]): EmbeddingMatrix {
  const rowCount = rows.length;
  const dimension = rows[0]?.length ?? 0;
  const values = new Float64Array(rowCount * dimension);
  for (let r = 0; r < rowCount; r += 1) {
    const row = rows[r]!;
    if (row.length !== dimension) {
      throw new RangeError(`embedding row ${r} has length ${row.length}, expected ${dimension}`);
    }
    const offset = r * dimension;
    for (let c = 0; c < dimension; c += 1) values[offset + c] = row[c]!;
  }
  return { rowCount, dimension, values };
}

/** Copies the rows at `indices` (in that order, repeats allowed) into a new matrix. */
export function selectRows(matrix: EmbeddingMatrix, indices: ArrayLike<number>): EmbeddingMatrix {
  const { dimension, rowCount } = matrix;
  const values = new Float64Array(indices.length * dimension);
  for (let i = 0; i < indices.length; i += 1) {
    const source = indices[i]!;
    if (!Number.isInteger(source) || source < 0 || source >= rowCount) {
      throw new RangeError(`row index ${source} is outside [0, ${rowCount})`);
    }
    values.set(matrix.values.subarray(source * dimension, (source + 1) * dimension), i * dimension);
  }
  return { rowCount: indices.length, dimension, values };
}

/** Mean of each column (the centroid of the rows); an empty matrix gives all zeros. */
export function computeColumnMeans(matrix: EmbeddingMatrix): Float64Array {
  const { dimension, rowCount, values } = matrix;
  const means = new Float64Array(dimension);
  if (rowCount === 0) return means;
  // Row-by-row accumulation is what NumPy's mean(axis=0) does on a C-ordered array, so results match it.
  for (let r = 0; r < rowCount; r += 1) {
    const offset = r * dimension;
    for (let c = 0; c < dimension; c += 1) means[c]! += values[offset + c]!;
  }
  for (let c = 0; c < dimension; c += 1) means[c]! /= rowCount;
  return means;
}

/**
 * Squared Euclidean distance of every row pair i < j, packed row by row as SciPy's `pdist` orders them:
 * (0,1), (0,2), …, (0,n-1), (1,2), …; length n(n-1)/2.
 */
export function computePairwiseSquaredDistances(matrix: EmbeddingMatrix): Float64Array {
  const { rowCount, dimension, values } = matrix;
  const squared = new Float64Array((rowCount * Math.max(rowCount - 1, 0)) / 2);
  let pair = 0;
  for (let i = 0; i < rowCount; i += 1) {
    for (let j = i + 1; j < rowCount; j += 1, pair += 1) {
      squared[pair] = sumSquaredDifferences(values, i * dimension, j * dimension, dimension);
    }
  }
  return squared;
}

// Direct differences (not ‖x‖² + ‖y‖² - 2x·y) keep full relative accuracy for near-duplicate rows, as pdist does.
// Four independent accumulators let the CPU overlap the additions; this is the hot loop of MMD.
function sumSquaredDifferences(
  values: Float64Array,
  iOffset: number,
  jOffset: number,
  dimension: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let c = 0;
  for (const blockEnd = dimension - 3; c < blockEnd; c += 4) {
    const d0 = values[iOffset + c]! - values[jOffset + c]!;
    const d1 = values[iOffset + c + 1]! - values[jOffset + c + 1]!;
    const d2 = values[iOffset + c + 2]! - values[jOffset + c + 2]!;
    const d3 = values[iOffset + c + 3]! - values[jOffset + c + 3]!;
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
  }
  for (; c < dimension; c += 1) {
    const d0 = values[iOffset + c]! - values[jOffset + c]!;
    s0 += d0 * d0;
  }
  return s0 + s1 + (s2 + s3);
}
