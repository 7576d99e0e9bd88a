import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAveragePrecision } from "./average-precision.js";
import {
  computeHitRateAtK,
  computeMeanAveragePrecisionAtK,
  computeMeanReciprocalRank,
  computeNdcgAtK,
} from "./ranking.js";
import { expectClose, expectOkValue } from "../../test/support/result-assertions.js";
import { generateMinstdUniforms } from "../../test/support/deterministic-samples.js";

describe("computeNdcgAtK", () => {
  it("matches sklearn ndcg_score with heavy score ties, k up to beyond the list", () => {
    // Python: rel[i][j] = floor(u[2(12i+j)]·4), score = floor(u[2(12i+j)+1]·4)/4, 30 queries × 12;
    // ndcg_score(rel, sc, k=k) for k in 1, 3, 5, 12, 50
    const u = generateMinstdUniforms(41, 2 * 30 * 12);
    const relevance = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 12 }, (_, j) => Math.floor(u[2 * (i * 12 + j)]! * 4)),
    );
    const scores = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 12 }, (_, j) => Math.floor(u[2 * (i * 12 + j) + 1]! * 4) / 4),
    );
    const expected: [number, number][] = [
      [1, 0.4888888888888889],
      [3, 0.5111768910646232],
      [5, 0.5474430134038658],
      [12, 0.7865696129362321],
      [50, 0.7865696129362321],
    ];
    for (const [k, value] of expected)
      expectClose(expectOkValue(computeNdcgAtK({ relevance, scores, k })), value);
    // ignore_ties=True would give 0.5210873552080478 at k = 3: ties must be averaged, not ordered.
    expect(
      Math.abs(expectOkValue(computeNdcgAtK({ relevance, scores, k: 3 })) - 0.5210873552080478),
    ).toBeGreaterThan(1e-3);
  });

  it("scores an all-irrelevant query 0 and splits gain across an all-tied query", () => {
    // ndcg_score([[0,0,0],[3,1,0]], [[.1,.2,.3],[.5,.5,.5]], k=k): k=1 → 0.2222…, 2 → 0.29945…, 10 → 0.39125…
    const input = {
      relevance: [
        [0, 0, 0],
        [3, 1, 0],
      ],
      scores: [
        [0.1, 0.2, 0.3],
        [0.5, 0.5, 0.5],
      ],
    };
    expectClose(expectOkValue(computeNdcgAtK({ ...input, k: 1 })), 0.2222222222222222);
    expectClose(expectOkValue(computeNdcgAtK({ ...input, k: 2 })), 0.2994512634984178);
    expectClose(expectOkValue(computeNdcgAtK({ ...input, k: 10 })), 0.39125511429048004);
  });

  it("rejects bad input and reports no queries as insufficient_data", () => {
    expect(computeNdcgAtK({ relevance: [], scores: [], k: 3 }).status).toBe("insufficient_data");
    expect(() => computeNdcgAtK({ relevance: [[1, 0]], scores: [[1]], k: 3 })).toThrow(RangeError);
    expect(() => computeNdcgAtK({ relevance: [[-1, 0]], scores: [[1, 0]], k: 3 })).toThrow(RangeError);
    expect(() => computeNdcgAtK({ relevance: [[1, 0]], scores: [[1, 0]], k: 0 })).toThrow(RangeError);
  });
});

describe("MAP@k, MRR and hit rate", () => {
  // Ranked relevance (scores descending): 0, 2, 0, 1 → relevant at ranks 2 and 4, R = 2.
  const query = { relevance: [[0, 2, 0, 1]], scores: [[0.9, 0.8, 0.7, 0.1]] };

  it("follows the documented formulas on a worked example", () => {
    expect(expectOkValue(computeMeanAveragePrecisionAtK({ ...query, k: 4 }))).toBe(0.5); // (1/2 + 2/4) / 2
    expect(expectOkValue(computeMeanAveragePrecisionAtK({ ...query, k: 2 }))).toBe(0.25); // (1/2) / min(2, 2)
    expect(expectOkValue(computeMeanAveragePrecisionAtK({ ...query, k: 1 }))).toBe(0);
    expect(expectOkValue(computeMeanReciprocalRank(query))).toBe(0.5);
    expect(expectOkValue(computeMeanReciprocalRank({ ...query, k: 1 }))).toBe(0);
    expect(expectOkValue(computeHitRateAtK({ ...query, k: 1 }))).toBe(0);
    expect(expectOkValue(computeHitRateAtK({ ...query, k: 2 }))).toBe(1);
  });

  it("averages over queries, counting a query without relevant items as 0", () => {
    const input = {
      relevance: [
        [1, 0],
        [0, 0],
        [0, 1, 0],
      ],
      scores: [
        [2, 1],
        [2, 1],
        [3, 2, 1],
      ],
    };
    expectClose(expectOkValue(computeMeanReciprocalRank(input)), (1 + 0 + 0.5) / 3);
    expectClose(expectOkValue(computeHitRateAtK({ ...input, k: 1 })), 1 / 3);
    expectClose(expectOkValue(computeMeanAveragePrecisionAtK({ ...input, k: 10 })), (1 + 0 + 0.5) / 3);
  });

  it("breaks score ties by input order", () => {
    const tied = { relevance: [[0, 1]], scores: [[0.5, 0.5]] };
    expect(expectOkValue(computeMeanReciprocalRank(tied))).toBe(0.5);
    expect(expectOkValue(computeHitRateAtK({ ...tied, k: 1 }))).toBe(0);
  });

  const queryArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.double({ min: -5, max: 5, noNaN: true })), {
      minLength: 1,
      maxLength: 15,
    })
    .map((items) => ({ relevance: [items.map((i) => i[0])], scores: [items.map((i) => i[1])] }));

  it("AP@k with k >= length equals sklearn-style average precision when scores are distinct", () => {
    fc.assert(
      fc.property(queryArb, (input) => {
        const scores = input.scores[0]!;
        const relevant = input.relevance[0]!.map((r) => (r > 0 ? 1 : 0));
        if (new Set(scores).size !== scores.length || !relevant.includes(1)) return;
        const ap = computeAveragePrecision({ yTrue: relevant, yScore: scores });
        if (ap.status !== "ok") throw new Error(ap.reason);
        expectClose(expectOkValue(computeMeanAveragePrecisionAtK({ ...input, k: 100 })), ap.value, 1e-12);
      }),
    );
  });

  it("keeps MRR@k <= hit rate@k, all metrics in [0, 1], and 1 for a perfect ranking", () => {
    fc.assert(
      fc.property(queryArb, fc.integer({ min: 1, max: 20 }), (input, k) => {
        const mrr = expectOkValue(computeMeanReciprocalRank({ ...input, k }));
        const hit = expectOkValue(computeHitRateAtK({ ...input, k }));
        expect(mrr).toBeLessThanOrEqual(hit);
        for (const value of [mrr, hit, expectOkValue(computeMeanAveragePrecisionAtK({ ...input, k }))]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        const ndcg = expectOkValue(computeNdcgAtK({ ...input, k }));
        expect(ndcg).toBeLessThanOrEqual(1 + 1e-12);
        if (!input.relevance[0]!.some((r) => r > 0)) return;
        const perfect = { relevance: input.relevance, scores: input.relevance };
        expectClose(expectOkValue(computeMeanAveragePrecisionAtK({ ...perfect, k })), 1);
        expect(expectOkValue(computeMeanReciprocalRank(perfect))).toBe(1);
        expectClose(
          expectOkValue(
            computeNdcgAtK({
              relevance: input.relevance,
              scores: [input.relevance[0]!.map((r, i) => r - i * 1e-3)],
              k,
            }),
          ),
          1,
        );
      }),
    );
  });
});
