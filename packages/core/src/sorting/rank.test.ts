import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computePooledTieGroups,
  computeTieCounts,
  computeTieTerm,
  rankAverage,
  toSortedCopy,
} from "./rank.js";

const finiteValues = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 });
// Few distinct values so that ties are common.
const tiedValues = fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 60 });

describe("rankAverage", () => {
  it("matches SciPy rankdata(method='average') with ties", () => {
    // scipy.stats.rankdata([3,1,4,1,5,9,2,6,5,3,5])
    const ranks = rankAverage(Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]));
    expect(Array.from(ranks)).toEqual([4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8]);
  });

  it("treats -0 and +0 as one tie group", () => {
    // scipy.stats.rankdata([-0.0, 0.0, -1.0]) == [2.5, 2.5, 1.0]
    expect(Array.from(rankAverage(Float64Array.from([-0, 0, -1])))).toEqual([2.5, 2.5, 1]);
  });

  it("handles empty input and a single value", () => {
    expect(rankAverage(new Float64Array(0)).length).toBe(0);
    expect(Array.from(rankAverage(Float64Array.of(7)))).toEqual([1]);
  });

  it("gives every value the midrank n+1/2 when all are equal", () => {
    expect(Array.from(rankAverage(new Float64Array(4).fill(2)))).toEqual([2.5, 2.5, 2.5, 2.5]);
  });

  it("ranks sum to n(n+1)/2 and follow the order of the values", () => {
    fc.assert(
      fc.property(fc.oneof(finiteValues, tiedValues), (list) => {
        const values = Float64Array.from(list);
        const ranks = rankAverage(values);
        const n = values.length;
        const sum = ranks.reduce((total, rank) => total + rank, 0);
        expect(sum).toBeCloseTo((n * (n + 1)) / 2, 6);
        for (let i = 0; i < n; i += 1) {
          for (let j = 0; j < n; j += 1) {
            if (values[i]! < values[j]!) expect(ranks[i]!).toBeLessThan(ranks[j]!);
            if (values[i] === values[j]) expect(ranks[i]).toBe(ranks[j]);
          }
        }
      }),
    );
  });
});

describe("computeTieCounts", () => {
  it("returns run lengths of equal values, singletons included", () => {
    const counts = computeTieCounts(Float64Array.from([1, 1, 2, 3, 3, 3, 4]));
    expect(Array.from(counts)).toEqual([2, 1, 3, 1]);
    expect(computeTieTerm(counts)).toBe(6 + 24);
  });

  it("returns nothing for empty input", () => {
    expect(computeTieCounts(new Float64Array(0)).length).toBe(0);
  });

  it("counts add up to the length", () => {
    fc.assert(
      fc.property(tiedValues, (list) => {
        const counts = computeTieCounts(toSortedCopy(Float64Array.from(list)));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(list.length);
        expect(counts.length).toBe(new Set(list).size);
      }),
    );
  });
});

describe("computePooledTieGroups", () => {
  it("lists distinct pooled values with per-sample counts", () => {
    const groups = computePooledTieGroups([Float64Array.from([3, 1, 3]), Float64Array.from([2, 3])]);
    expect(Array.from(groups.distinctValues)).toEqual([1, 2, 3]);
    expect(Array.from(groups.pooledCounts)).toEqual([1, 1, 3]);
    expect(Array.from(groups.sampleCounts[0]!)).toEqual([1, 0, 2]);
    expect(Array.from(groups.sampleCounts[1]!)).toEqual([0, 1, 1]);
  });

  it("handles empty samples", () => {
    const groups = computePooledTieGroups([new Float64Array(0), Float64Array.of(5)]);
    expect(Array.from(groups.distinctValues)).toEqual([5]);
    expect(Array.from(groups.sampleCounts[0]!)).toEqual([0]);
  });

  it("agrees with rankAverage on the pooled sample", () => {
    fc.assert(
      fc.property(tiedValues, tiedValues, (left, right) => {
        const pooled = Float64Array.from([...left, ...right]);
        const ranks = rankAverage(pooled);
        const groups = computePooledTieGroups([Float64Array.from(left), Float64Array.from(right)]);
        let below = 0;
        let leftRankSum = 0;
        for (let g = 0; g < groups.pooledCounts.length; g += 1) {
          const size = groups.pooledCounts[g]!;
          expect(size).toBe(groups.sampleCounts[0]![g]! + groups.sampleCounts[1]![g]!);
          leftRankSum += groups.sampleCounts[0]![g]! * (below + (size + 1) / 2);
          below += size;
        }
        const expected = ranks.slice(0, left.length).reduce((a, b) => a + b, 0);
        expect(leftRankSum).toBe(expected);
      }),
    );
  });
});
