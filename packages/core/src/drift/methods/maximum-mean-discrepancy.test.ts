import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectRows, toEmbeddingMatrix } from "../../numeric/embedding-matrix.js";
import type { EmbeddingMatrix } from "../../numeric/embedding-matrix.js";
import { createSeededRandom, sampleIndices } from "../../random/seeded-random.js";
import type { SeededRandom } from "../../random/seeded-random.js";
import {
  DEFAULT_MMD_SEED,
  computeMaximumMeanDiscrepancy,
  computeUnbiasedMmd2,
} from "./maximum-mean-discrepancy.js";
import { drawStandardNormal, generateLatticeEmbedding } from "../../../test/support/deterministic-samples.js";
import { expectOk } from "../../../test/support/result-assertions.js";

// Python side of every SciPy/NumPy number below (scipy 1.10.1, numpy 1.24.2):
// def mmd(X, Y):
//     s = np.median(pdist(np.vstack([X, Y]))); K = lambda A, B: np.exp(-cdist(A, B, 'sqeuclidean') / (2*s*s))
//     m, n = len(X), len(Y); kxx, kyy = K(X, X), K(Y, Y)
//     return (kxx.sum()-np.trace(kxx))/(m*(m-1)) + (kyy.sum()-np.trace(kyy))/(n*(n-1)) - 2*K(X, Y).mean(), s
// lattice: the Python twin of generateLatticeEmbedding, quoted there.

function buildGaussian(random: SeededRandom, rows: number, dimension: number, shift = 0): EmbeddingMatrix {
  return toEmbeddingMatrix(
    Array.from({ length: rows }, () =>
      Array.from({ length: dimension }, () => drawStandardNormal(random) + shift),
    ),
  );
}

function expectClose(actual: number, expected: number, rel = 1e-10, abs = 1e-13): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    abs + rel * Math.abs(expected),
  );
}

describe("computeUnbiasedMmd2", () => {
  it("matches NumPy on tiny inputs with odd and even pair counts and tied distances", () => {
    // mmd(np.array([[0.5,1],[2,-1],[1.5,3]]), np.array([[1,1],[-2,0.5],[3,2.5],[0,0]])): 21 pairs, odd.
    const small = expectOk(
      computeUnbiasedMmd2(
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
    expectClose(small.mmd2, -0.15506446595319368);
    expect(small.sigma).toBe(2.5);
    // mmd(np.array([[0.],[1.]]), np.array([[3.],[5.]])): the minimum size, 6 pairs, median = (2 + 3) / 2.
    const tiny = expectOk(computeUnbiasedMmd2(toEmbeddingMatrix([[0], [1]]), toEmbeddingMatrix([[3], [5]])));
    expectClose(tiny.mmd2, 0.8361284450985919);
    expect(tiny.sigma).toBe(2.5);
    // mmd(np.array([[0.],[0.],[0.],[1.],[2.]]), np.array([[0.],[5.],[5.]])): many zero distances, 28 pairs.
    const tied = expectOk(
      computeUnbiasedMmd2(toEmbeddingMatrix([[0], [0], [0], [1], [2]]), toEmbeddingMatrix([[0], [5], [5]])),
    );
    expectClose(tied.mmd2, 0.4412326259995534);
    expect(tied.sigma).toBe(2);
    // mmd(lattice(5,3,1), lattice(3,3,2,0.5))
    const lattice = expectOk(
      computeUnbiasedMmd2(generateLatticeEmbedding(5, 3, 1), generateLatticeEmbedding(3, 3, 2, 0.5)),
    );
    expectClose(lattice.mmd2, 0.549835646731386);
    expectClose(lattice.sigma, 4.934612750763732);
  });

  it("matches NumPy at 50x5, 120x8 and 1000x16 per side (negative MMD² allowed: it is unbiased)", () => {
    const cases = [
      { m: 50, n: 40, d: 5, shift: 0.3, mmd2: -0.009664121531506531, sigma: 9.289257882091551 },
      { m: 120, n: 80, d: 8, shift: 0, mmd2: -0.006155025982387929, sigma: 12.32737352399123 },
      { m: 1000, n: 1000, d: 16, shift: 0.1, mmd2: -0.00031573596347289623, sigma: 17.379024943879905 },
    ];
    for (const c of cases) {
      const result = expectOk(
        computeUnbiasedMmd2(
          generateLatticeEmbedding(c.m, c.d, 1),
          generateLatticeEmbedding(c.n, c.d, 2, c.shift),
        ),
      );
      expectClose(result.mmd2, c.mmd2, 1e-8);
      expectClose(result.sigma, c.sigma, 1e-12);
    }
  });

  it("returns insufficient_data for fewer than 2 rows a side or a zero median distance", () => {
    const two = toEmbeddingMatrix([[1], [2]]);
    expect(computeUnbiasedMmd2(toEmbeddingMatrix([[1]]), two).status).toBe("insufficient_data");
    expect(computeUnbiasedMmd2(two, toEmbeddingMatrix([])).status).toBe("insufficient_data");
    // np.median(pdist([[0,0],[0,0],[0,0],[0,0],[1,1]])) == 0.0: 6 of 10 pairs are duplicates.
    const duplicates = computeUnbiasedMmd2(
      toEmbeddingMatrix([
        [0, 0],
        [0, 0],
        [0, 0],
      ]),
      toEmbeddingMatrix([
        [0, 0],
        [1, 1],
      ]),
    );
    expect(duplicates.status).toBe("insufficient_data");
    expect(duplicates.status === "insufficient_data" ? duplicates.reason : "").toMatch(/zero/);
    expect(computeUnbiasedMmd2(toEmbeddingMatrix([[], []]), toEmbeddingMatrix([[], []])).status).toBe(
      "insufficient_data",
    );
  });

  it("handles embeddings far from unit scale: MMD² unchanged, σ scaled", () => {
    const reference = generateLatticeEmbedding(20, 3, 1);
    const current = generateLatticeEmbedding(15, 3, 2, 0.5);
    const base = expectOk(computeUnbiasedMmd2(reference, current));
    const scale = (matrix: EmbeddingMatrix, factor: number): EmbeddingMatrix => ({
      ...matrix,
      values: matrix.values.map((x) => x * factor),
    });
    // Powers of two scale exactly, so the result is bit-for-bit the same apart from σ.
    const huge = expectOk(computeUnbiasedMmd2(scale(reference, 2 ** 1000), scale(current, 2 ** 1000)));
    expect(huge.mmd2).toBe(base.mmd2);
    expect(huge.sigma).toBe(base.sigma * 2 ** 1000);
    const tiny = expectOk(computeUnbiasedMmd2(scale(reference, 1e-300), scale(current, 1e-300)));
    expectClose(tiny.mmd2, base.mmd2, 1e-12);
    expectClose(tiny.sigma, base.sigma * 1e-300, 1e-12, 0);
  });

  it("throws when the two sides have different dimensions", () => {
    expect(() =>
      computeUnbiasedMmd2(generateLatticeEmbedding(3, 2, 1), generateLatticeEmbedding(3, 3, 1)),
    ).toThrow(RangeError);
  });

  it("is symmetric, invariant to row order, translation and scale (σ scales with the data)", () => {
    const rows = fc.array(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 2 }), {
      minLength: 2,
      maxLength: 12,
    });
    fc.assert(
      fc.property(rows, rows, fc.integer({ min: -20, max: 20 }), (a, b, shift) => {
        const ab = computeUnbiasedMmd2(toEmbeddingMatrix(a), toEmbeddingMatrix(b));
        if (ab.status !== "ok") return;
        const ba = expectOk(computeUnbiasedMmd2(toEmbeddingMatrix(b), toEmbeddingMatrix(a)));
        expectClose(ba.mmd2, ab.mmd2, 1e-9, 1e-12);
        const reversed = expectOk(
          computeUnbiasedMmd2(toEmbeddingMatrix(a.slice().reverse()), toEmbeddingMatrix(b)),
        );
        expectClose(reversed.mmd2, ab.mmd2, 1e-9, 1e-12);
        const transform = (data: number[][]): EmbeddingMatrix =>
          toEmbeddingMatrix(data.map((row) => row.map((x) => 4 * x + shift)));
        const moved = expectOk(computeUnbiasedMmd2(transform(a), transform(b)));
        expectClose(moved.mmd2, ab.mmd2, 1e-9, 1e-12);
        expectClose(moved.sigma, 4 * ab.sigma, 1e-12);
      }),
    );
  });
});

describe("computeMaximumMeanDiscrepancy", () => {
  it("gives the smallest possible p-value, 1 / (1 + permutations), for a clear shift", () => {
    const random = createSeededRandom(1);
    const reference = buildGaussian(random, 60, 4);
    const current = buildGaussian(random, 50, 4, 1);
    const result = expectOk(computeMaximumMeanDiscrepancy(reference, current));
    expect(result.pValue).toBe(1 / 101);
    expect(result.permutationCount).toBe(100);
    expect([result.referenceRows, result.currentRows]).toEqual([60, 50]);
    expect(result.mmd2).toBeGreaterThan(0.1);
    const fewer = expectOk(computeMaximumMeanDiscrepancy(reference, current, { permutationCount: 19 }));
    expect(fewer.pValue).toBe(1 / 20);
  });

  it("does not flag samples from the same distribution in most seeds", () => {
    const pValues = Array.from({ length: 20 }, (_, seed) => {
      const random = createSeededRandom(1000 + seed);
      const result = computeMaximumMeanDiscrepancy(
        buildGaussian(random, 40, 3),
        buildGaussian(random, 30, 3),
        {
          seed,
        },
      );
      return expectOk(result).pValue;
    });
    // Under the null p is roughly uniform: P(4 or more of 20 below 0.05) is about 1.6%.
    expect(pValues.filter((p) => p < 0.05).length).toBeLessThanOrEqual(3);
    const mean = pValues.reduce((s, p) => s + p, 0) / pValues.length;
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(0.7);
    for (const p of pValues) {
      expect(p).toBeGreaterThanOrEqual(1 / 101);
      expect(p).toBeLessThanOrEqual(1);
      expect(Number.isInteger(Math.round(p * 101 * 1e9) / 1e9)).toBe(true);
    }
  });

  it("is deterministic for a fixed seed, uses a fixed default seed, and varies with the seed", () => {
    const random = createSeededRandom(2);
    const reference = buildGaussian(random, 30, 2);
    const current = buildGaussian(random, 30, 2, 0.3);
    const first = computeMaximumMeanDiscrepancy(reference, current, { seed: 5 });
    expect(computeMaximumMeanDiscrepancy(reference, current, { seed: 5 })).toEqual(first);
    expect(computeMaximumMeanDiscrepancy(reference, current)).toEqual(
      computeMaximumMeanDiscrepancy(reference, current, { seed: DEFAULT_MMD_SEED }),
    );
    const pValues = new Set(
      [1, 2, 3, 4, 5, 6].map(
        (seed) => expectOk(computeMaximumMeanDiscrepancy(reference, current, { seed })).pValue,
      ),
    );
    expect(pValues.size).toBeGreaterThan(1);
  });

  it("reports the same MMD² as computeUnbiasedMmd2 when no subsampling is needed", () => {
    const reference = generateLatticeEmbedding(50, 5, 1);
    const current = generateLatticeEmbedding(40, 5, 2, 0.3);
    const full = expectOk(computeUnbiasedMmd2(reference, current));
    const tested = expectOk(computeMaximumMeanDiscrepancy(reference, current, { maxRowsPerSide: 50 }));
    expect(tested.mmd2).toBe(full.mmd2);
    expect(tested.sigma).toBe(full.sigma);
  });

  it("subsamples each side with the seeded stream: reference first, then current, sorted indices", () => {
    const random = createSeededRandom(3);
    const reference = buildGaussian(random, 300, 3);
    const current = buildGaussian(random, 200, 3, 0.2);
    const result = expectOk(
      computeMaximumMeanDiscrepancy(reference, current, { maxRowsPerSide: 80, seed: 9 }),
    );
    expect([result.referenceRows, result.currentRows]).toEqual([80, 80]);
    const replay = createSeededRandom(9);
    const keptReference = selectRows(reference, sampleIndices(300, 80, replay).sort());
    const keptCurrent = selectRows(current, sampleIndices(200, 80, replay).sort());
    expect(result.mmd2).toBe(expectOk(computeUnbiasedMmd2(keptReference, keptCurrent)).mmd2);
    const small = expectOk(
      computeMaximumMeanDiscrepancy(reference, buildGaussian(random, 20, 3), { maxRowsPerSide: 80 }),
    );
    expect([small.referenceRows, small.currentRows]).toEqual([80, 20]);
  });

  it("returns insufficient_data as computeUnbiasedMmd2 does and validates its options", () => {
    const two = toEmbeddingMatrix([[1], [2]]);
    expect(computeMaximumMeanDiscrepancy(toEmbeddingMatrix([[1]]), two).status).toBe("insufficient_data");
    expect(computeMaximumMeanDiscrepancy(two, toEmbeddingMatrix([[5], [5]])).status).toBe("ok");
    expect(
      computeMaximumMeanDiscrepancy(toEmbeddingMatrix([[5], [5]]), toEmbeddingMatrix([[5], [5]])).status,
    ).toBe("insufficient_data");
    expect(() => computeMaximumMeanDiscrepancy(two, two, { permutationCount: 0 })).toThrow(RangeError);
    expect(() => computeMaximumMeanDiscrepancy(two, two, { permutationCount: 2.5 })).toThrow(RangeError);
    expect(() => computeMaximumMeanDiscrepancy(two, two, { maxRowsPerSide: 1 })).toThrow(RangeError);
    expect(() => computeMaximumMeanDiscrepancy(two, two, { seed: 0.5 })).toThrow(RangeError);
  });

  it("counts the swapped split as a tie: tiny samples reach the exact permutation p-value", () => {
    // 2 vs 2 fully separated: of the 6 splits, the observed one and its swap give the maximum, so p -> 2/6.
    const twoByTwo = expectOk(
      computeMaximumMeanDiscrepancy(
        toEmbeddingMatrix([
          [0.3, 1],
          [0.7, 0.1],
        ]),
        toEmbeddingMatrix([
          [5.2, 3],
          [5.9, 3.3],
        ]),
        { permutationCount: 3000 },
      ),
    );
    expect(twoByTwo.pValue).toBeGreaterThan(0.29);
    expect(twoByTwo.pValue).toBeLessThan(0.38);
    // 3 vs 3 fully separated: 2 of the 20 splits give the maximum, so p -> 0.1.
    const threeByThree = expectOk(
      computeMaximumMeanDiscrepancy(
        toEmbeddingMatrix([[0], [0.1], [0.2]]),
        toEmbeddingMatrix([[5], [5.1], [5.3]]),
        {
          permutationCount: 3000,
        },
      ),
    );
    expect(threeByThree.pValue).toBeGreaterThan(0.08);
    expect(threeByThree.pValue).toBeLessThan(0.12);
  });

  it("agrees with a direct permutation count computed from scratch", () => {
    // Independent check of the row-sum shortcut: recompute each permuted statistic with computeUnbiasedMmd2.
    const random = createSeededRandom(4);
    const reference = buildGaussian(random, 12, 2);
    const current = buildGaussian(random, 9, 2, 0.8);
    const result = expectOk(
      computeMaximumMeanDiscrepancy(reference, current, { permutationCount: 30, seed: 77 }),
    );
    // A middling p-value, so both counted and uncounted permutations are exercised.
    expect(result.pValue).toBeGreaterThan(0.1);
    expect(result.pValue).toBeLessThan(0.9);
    const pooled = toEmbeddingMatrix([
      ...Array.from({ length: 12 }, (_, r) => reference.values.subarray(r * 2, r * 2 + 2)),
      ...Array.from({ length: 9 }, (_, r) => current.values.subarray(r * 2, r * 2 + 2)),
    ]);
    const replay = createSeededRandom(77);
    const order = Array.from({ length: 21 }, (_, i) => i);
    let exceedances = 0;
    for (let p = 0; p < 30; p += 1) {
      // The smaller side (9 rows) is drawn by a partial Fisher-Yates over the running order.
      for (let i = 0; i < 9; i += 1) {
        const j = i + replay.nextInt(21 - i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const drawn = new Set(order.slice(0, 9));
      const x = selectRows(
        pooled,
        [...drawn].sort((a, b) => a - b),
      );
      const y = selectRows(
        pooled,
        order.filter((i) => !drawn.has(i)).sort((a, b) => a - b),
      );
      if (expectOk(computeUnbiasedMmd2(x, y)).mmd2 >= result.mmd2 - 1e-12) exceedances += 1;
    }
    expect(result.pValue).toBe((1 + exceedances) / 31);
  });
});
