/**
 * Centroid distance (`centroid_distance`): Euclidean and cosine distance between the mean vectors of the
 * reference and current embeddings; drift when the Euclidean distance >= 0.2 by default (scale-dependent).
 * Cosine distance is SciPy's `spatial.distance.cosine`, min(|1 - u·v / (‖u‖‖v‖)|, 2); it is undefined when a
 * mean vector is all zeros: `cosine` is then null (SciPy 1.10 clamps its NaN to 0, which would read as "same
 * direction") while `euclidean` is still reported.
 */

import { computeColumnMeans } from "../../numeric/embedding-matrix.js";
import type { EmbeddingMatrix } from "../../numeric/embedding-matrix.js";
import { toInsufficientData, toOk } from "../../result.js";
import type { StatResult } from "../../result.js";

/** Distances between the two centroids; `cosine` is null when either centroid is the zero vector. */
export interface CentroidDistance {
  readonly euclidean: number;
  readonly cosine: number | null;
}

/** Euclidean and cosine distance between the column means of two embedding sets of equal dimension. */
export function computeCentroidDistance(
  reference: EmbeddingMatrix,
  current: EmbeddingMatrix,
): StatResult<CentroidDistance> {
  if (reference.rowCount === 0 || current.rowCount === 0) {
    return toInsufficientData("centroid distance needs at least one embedding on each side");
  }
  if (reference.dimension !== current.dimension) {
    throw new RangeError(
      `embedding dimensions differ: reference ${reference.dimension}, current ${current.dimension}`,
    );
  }
  const u = computeColumnMeans(reference);
  const v = computeColumnMeans(current);
  const euclidean = computeEuclideanDistance(u, v);
  return toOk({ euclidean, cosine: computeCosineDistance(u, v) });
}

function computeMaxAbs(values: Float64Array): number {
  let maxAbs = 0;
  for (let c = 0; c < values.length; c += 1) maxAbs = Math.max(maxAbs, Math.abs(values[c]!));
  return maxAbs;
}

// Scaled by the largest difference so squares neither overflow nor underflow (as hypot does).
function computeEuclideanDistance(u: Float64Array, v: Float64Array): number {
  let scale = 0;
  for (let c = 0; c < u.length; c += 1) scale = Math.max(scale, Math.abs(u[c]! - v[c]!));
  if (scale === 0) return 0;
  let sum = 0;
  for (let c = 0; c < u.length; c += 1) sum += ((u[c]! - v[c]!) / scale) ** 2;
  return scale * Math.sqrt(sum);
}

function computeCosineDistance(u: Float64Array, v: Float64Array): number | null {
  const uScale = computeMaxAbs(u);
  const vScale = computeMaxAbs(v);
  if (uScale === 0 || vScale === 0) return null;
  let uv = 0;
  let uu = 0;
  let vv = 0;
  for (let c = 0; c < u.length; c += 1) {
    const uc = u[c]! / uScale;
    const vc = v[c]! / vScale;
    uv += uc * vc;
    uu += uc * uc;
    vv += vc * vc;
  }
  // SciPy takes |1 - cos| and clamps to 2: rounding can push the value just outside [0, 2] for (anti)parallel vectors.
  return Math.min(Math.abs(1 - uv / Math.sqrt(uu * vv)), 2);
}
