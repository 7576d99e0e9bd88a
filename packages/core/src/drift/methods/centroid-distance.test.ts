import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toEmbeddingMatrix } from "../../numeric/embedding-matrix.js";
import type { EmbeddingMatrix } from "../../numeric/embedding-matrix.js";
import { computeCentroidDistance } from "./centroid-distance.js";
import { generateLatticeEmbedding } from "../../../test/support/deterministic-samples.js";
import { expectOk } from "../../../test/support/result-assertions.js";

const embeddingRows = fc.array(
  fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }),
  {
    minLength: 1,
    maxLength: 15,
  },
);

describe("computeCentroidDistance", () => {
  it("matches SciPy on small and larger inputs", () => {
    // X = [[0.5,1],[2,-1],[1.5,3]], Y = [[1,1],[-2,0.5],[3,2.5],[0,0]]:
    // np.linalg.norm(X.mean(0)-Y.mean(0)), scipy.spatial.distance.cosine(X.mean(0), Y.mean(0))
    const small = expectOk(
      computeCentroidDistance(
        toEmbeddingMatrix([
          [0.5, 1],
          [2, -1],
          [1.5, 3],
        ]),
        toEmbeddingMatrix([
          [1, 1],
          [-2, 0.5],
          [3, 2.5],
          [0, 0],
        ]),
      ),
    );
    expect(small.euclidean).toBeCloseTo(0.8333333333333333, 14);
    expect(small.cosine).toBeCloseTo(0.10557280900008414, 14);
    // Same expressions on lattice(50,5,1) vs lattice(40,5,2,0.3) and lattice(1000,16,1) vs lattice(1000,16,2,0.1).
    const medium = expectOk(
      computeCentroidDistance(generateLatticeEmbedding(50, 5, 1), generateLatticeEmbedding(40, 5, 2, 0.3)),
    );
    expect(medium.euclidean).toBeCloseTo(0.9761713855030785, 12);
    expect(medium.cosine).toBeCloseTo(0.0005438822455419157, 12);
    const large = expectOk(
      computeCentroidDistance(
        generateLatticeEmbedding(1000, 16, 1),
        generateLatticeEmbedding(1000, 16, 2, 0.1),
      ),
    );
    expect(large.euclidean).toBeCloseTo(0.41364526343595437, 12);
    expect(large.cosine).toBeCloseTo(9.959222036282078e-6, 12);
  });

  it("gives cosine 0 for parallel centroids and 2 for opposite ones", () => {
    // scipy.spatial.distance.cosine([2,3],[4,6]) == 0; np.linalg.norm([2,3]-[4,6]) == 3.605551275463989
    const parallel = expectOk(
      computeCentroidDistance(
        toEmbeddingMatrix([
          [1, 2],
          [3, 4],
        ]),
        toEmbeddingMatrix([[4, 6]]),
      ),
    );
    expect(parallel.euclidean).toBeCloseTo(3.605551275463989, 14);
    expect(parallel.cosine).toBeCloseTo(0, 15);
    const opposite = expectOk(
      computeCentroidDistance(toEmbeddingMatrix([[1, -3]]), toEmbeddingMatrix([[-2, 6]])),
    );
    expect(opposite.cosine).toBe(2);
  });

  it("reports cosine as null, not a number, when a centroid is the zero vector", () => {
    const result = expectOk(
      computeCentroidDistance(
        toEmbeddingMatrix([
          [1, -1],
          [-1, 1],
        ]),
        toEmbeddingMatrix([[2, 1]]),
      ),
    );
    expect(result.euclidean).toBeCloseTo(Math.sqrt(5), 15);
    expect(result.cosine).toBeNull();
  });

  it("stays finite for very large and very small magnitudes", () => {
    const huge = expectOk(
      computeCentroidDistance(toEmbeddingMatrix([[1e200, 0]]), toEmbeddingMatrix([[0, 1e200]])),
    );
    expect(huge.euclidean).toBeCloseTo(Math.SQRT2 * 1e200, -186);
    expect(huge.cosine).toBeCloseTo(1, 15);
    const tiny = expectOk(
      computeCentroidDistance(toEmbeddingMatrix([[3e-200, 0]]), toEmbeddingMatrix([[0, 4e-200]])),
    );
    expect(tiny.euclidean / 5e-200).toBeCloseTo(1, 14);
    expect(tiny.cosine).toBeCloseTo(1, 15);
  });

  it("needs a row on each side and throws on a dimension mismatch", () => {
    expect(computeCentroidDistance(toEmbeddingMatrix([]), toEmbeddingMatrix([[1, 2]])).status).toBe(
      "insufficient_data",
    );
    expect(computeCentroidDistance(toEmbeddingMatrix([[1, 2]]), toEmbeddingMatrix([])).status).toBe(
      "insufficient_data",
    );
    expect(() =>
      computeCentroidDistance(toEmbeddingMatrix([[1, 2]]), toEmbeddingMatrix([[1, 2, 3]])),
    ).toThrow(RangeError);
  });

  it("is symmetric, zero on identical sets, bounded, and Euclidean-invariant to a common shift", () => {
    fc.assert(
      fc.property(
        embeddingRows,
        embeddingRows,
        fc.double({ min: -50, max: 50, noNaN: true }),
        (a, b, shift) => {
          const ab = expectOk(computeCentroidDistance(toEmbeddingMatrix(a), toEmbeddingMatrix(b)));
          const ba = expectOk(computeCentroidDistance(toEmbeddingMatrix(b), toEmbeddingMatrix(a)));
          expect(ab.euclidean).toBeCloseTo(ba.euclidean, 9);
          expect(ab.cosine === null).toBe(ba.cosine === null);
          if (ab.cosine !== null) {
            expect(ab.cosine).toBeGreaterThanOrEqual(0);
            expect(ab.cosine).toBeLessThanOrEqual(2);
          }
          const shifted = (rows: number[][]): EmbeddingMatrix =>
            toEmbeddingMatrix(rows.map((row) => row.map((x) => x + shift)));
          const moved = expectOk(computeCentroidDistance(shifted(a), shifted(b)));
          expect(Math.abs(moved.euclidean - ab.euclidean)).toBeLessThan(
            1e-9 * (1 + ab.euclidean + Math.abs(shift)),
          );
          expect(
            expectOk(computeCentroidDistance(toEmbeddingMatrix(a), toEmbeddingMatrix(a))).euclidean,
          ).toBe(0);
        },
      ),
    );
  });
});
