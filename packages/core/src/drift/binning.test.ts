import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeAlignedShares,
  computeAlignedTotals,
  computeFilledShares,
  computeDivergenceBins,
  computeSturgesEdges,
  countIntoEdges,
  fillZeroShares,
  toShares,
} from "./binning.js";

const range = (n: number, map: (i: number) => number = (i) => i): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => map(i));

describe("computeDivergenceBins", () => {
  it("uses one bin per distinct value of R ∪ C when the reference has 20 distinct values", () => {
    const reference = range(40, (i) => i % 20);
    const current = Float64Array.of(25, 3, 3, -1);
    const bins = computeDivergenceBins(reference, current);
    expect(bins.edges).toBeNull();
    expect(bins.reference).toEqual(Float64Array.from([0, ...Array<number>(20).fill(2), 0]));
    expect(bins.current).toEqual(Float64Array.from([1, 0, 0, 0, 2, ...Array<number>(16).fill(0), 1]));
  });

  it("switches to Sturges edges at 21 distinct reference values", () => {
    // numpy: e = np.histogram_bin_edges(np.concatenate([r, c]), bins="sturges") with r = range(21),
    // c = [0, 5, 20, 20]; np.histogram(r, e)[0], np.histogram(c, e)[0]
    const bins = computeDivergenceBins(range(21), Float64Array.of(0, 5, 20, 20));
    expect(Array.from(bins.edges ?? [])).toEqual([
      0, 3.3333333333333335, 6.666666666666667, 10, 13.333333333333334, 16.666666666666668, 20,
    ]);
    expect(Array.from(bins.reference)).toEqual([4, 3, 3, 4, 3, 4]);
    expect(Array.from(bins.current)).toEqual([1, 1, 0, 0, 0, 2]);
  });

  it("assigns a value just below a rounded-up edge to the lower bin, as numpy.histogram does", () => {
    // r = [i/100 for i in range(101)], c = [0.3]*200: the fourth edge is 3*0.1 = 0.30000000000000004, so
    // 0.3 belongs to bin 2 although (0.3 - 0) * 10 / 1 = 3 exactly.
    const bins = computeDivergenceBins(
      range(101, (i) => i / 100),
      new Float64Array(200).fill(0.3),
    );
    expect(bins.edges?.[3]).toBe(0.30000000000000004);
    expect(Array.from(bins.reference)).toEqual([10, 10, 11, 9, 10, 11, 10, 9, 10, 11]);
    expect(Array.from(bins.current)).toEqual([0, 0, 200, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("counts integer values sitting on edges into the upper bin and closes the last bin", () => {
    // r = [(i*7)%100 for i in range(300)], c = [(i*13)%110 for i in range(200)]; same numpy calls
    const bins = computeDivergenceBins(
      range(300, (i) => (i * 7) % 100),
      range(200, (i) => (i * 13) % 110),
    );
    expect(bins.edges?.[9]).toBe(98.10000000000001);
    expect(Array.from(bins.reference)).toEqual([33, 33, 33, 33, 33, 33, 33, 33, 33, 3]);
    expect(Array.from(bins.current)).toEqual([21, 20, 20, 21, 20, 20, 20, 19, 19, 20]);
  });

  it("reproduces numpy's extra bin when ptp / (ptp / k) rounds above k", () => {
    // n = 64, ptp = 73.81992933630539: ceil(ptp / (ptp / 7)) = 8 in numpy, not log2(64) + 1 = 7
    const reference = Float64Array.from([...range(31), 73.81992933630539]);
    const bins = computeDivergenceBins(reference, range(32));
    expect(bins.edges?.length).toBe(9);
    expect(bins.edges?.[1]).toBe(9.227491167038174);
    expect(Array.from(bins.reference)).toEqual([10, 9, 9, 3, 0, 0, 0, 1]);
    expect(Array.from(bins.current)).toEqual([10, 9, 9, 4, 0, 0, 0, 0]);
  });

  it("treats -0 and 0 as one value", () => {
    const bins = computeDivergenceBins(Float64Array.of(-0, 0, 1), Float64Array.of(0));
    expect(Array.from(bins.reference)).toEqual([2, 1]);
    expect(Array.from(bins.current)).toEqual([1, 0]);
  });

  it.each([5000, 40000])("keeps %i distinct current values as their own bins (hashed or sorted)", (size) => {
    // reversed, with -0 next to 0 and the reference values 1 and 2 among them
    const current = Float64Array.from([...range(size, (i) => (size - 1 - i) * 0.5), -0, 2]);
    const bins = computeDivergenceBins(Float64Array.of(7.25, 1, 2, 2), current);
    expect(bins.edges).toBeNull();
    expect(bins.reference.length).toBe(size + 1); // 0 .. (size-1)/2 in steps of 0.5, plus 7.25 merged in
    expect(Array.from(bins.current.subarray(0, 6))).toEqual([2, 1, 1, 1, 2, 1]); // 0 and -0; 2 twice
    expect(Array.from(bins.reference.subarray(0, 6))).toEqual([0, 0, 1, 0, 2, 0]);
    expect(bins.reference[15]).toBe(1); // 7.25 lies between 7 (index 14) and 7.5 (index 16)
    expect(bins.current[15]).toBe(0);
  });

  it("matches a naive count over the sorted union when the reference has at most 20 values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 19 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: -30, max: 30 }), { maxLength: 200 }),
        (r, c) => {
          const union = [...new Set([...r, ...c])].sort((a, b) => a - b);
          const bins = computeDivergenceBins(Float64Array.from(r), Float64Array.from(c));
          expect(bins.edges).toBeNull();
          expect(Array.from(bins.reference)).toEqual(union.map((v) => r.filter((x) => x === v).length));
          expect(Array.from(bins.current)).toEqual(union.map((v) => c.filter((x) => x === v).length));
        },
      ),
    );
  });

  it("returns empty vectors for two empty sides", () => {
    const bins = computeDivergenceBins(new Float64Array(0), new Float64Array(0));
    expect(bins.reference.length).toBe(0);
    expect(bins.current.length).toBe(0);
  });

  it("keeps every value of both sides in some bin", () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 300 }),
        fc.array(value, { maxLength: 300 }),
        (r, c) => {
          const bins = computeDivergenceBins(Float64Array.from(r), Float64Array.from(c));
          const sum = (counts: Float64Array): number => counts.reduce((a, b) => a + b, 0);
          expect(sum(bins.reference)).toBe(r.length);
          expect(sum(bins.current)).toBe(c.length);
          expect(bins.reference.length).toBe(bins.current.length);
          if (bins.edges !== null) expect(bins.edges.length).toBe(bins.reference.length + 1);
        },
      ),
    );
  });
});

describe("computeSturgesEdges", () => {
  it("widens a constant sample by 0.5 on each side into one bin, as numpy", () => {
    expect(Array.from(computeSturgesEdges(Float64Array.of(2, 2), Float64Array.of(2)))).toEqual([1.5, 2.5]);
  });
});

describe("countIntoEdges", () => {
  it("drops values outside the edges and closes only the last bin", () => {
    const counts = countIntoEdges(Float64Array.of(-1, 0, 1, 1.5, 2, 3), Float64Array.of(0, 1, 2));
    expect(Array.from(counts)).toEqual([1, 3]);
  });
});

describe("toShares and fillZeroShares", () => {
  it("divides by the total and keeps an all-zero vector at zero", () => {
    expect(Array.from(toShares(Float64Array.of(1, 3)))).toEqual([0.25, 0.75]);
    expect(Array.from(toShares(Float64Array.of(0, 0)))).toEqual([0, 0]);
  });

  it("fills zeros with 1e-4 when the smallest non-zero share exceeds 1e-4", () => {
    expect(Array.from(fillZeroShares(Float64Array.of(0.5, 0, 0.5)))).toEqual([0.5, 1e-4, 0.5]);
  });

  it("fills zeros with min_nonzero / 1e6 when the smallest non-zero share is at most 1e-4", () => {
    const filled = fillZeroShares(Float64Array.of(1e-4, 0, 1 - 1e-4));
    expect(filled[1]).toBe(1e-4 / 1e6);
    expect(filled[0]).toBe(1e-4); // no renormalisation
  });

  it("fills an all-zero vector with 1e-4", () => {
    expect(Array.from(fillZeroShares(Float64Array.of(0, 0)))).toEqual([1e-4, 1e-4]);
  });
});

describe("computeAlignedShares", () => {
  it("reports an empty side as insufficient data", () => {
    expect(computeAlignedShares(Float64Array.of(0, 0), Float64Array.of(1, 2)).status).toBe(
      "insufficient_data",
    );
    expect(computeAlignedShares(Float64Array.of(1, 0), Float64Array.of(0, 0)).status).toBe(
      "insufficient_data",
    );
  });

  it("throws on misaligned or negative counts", () => {
    expect(() => computeAlignedShares(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(RangeError);
    expect(() => computeAlignedShares(Float64Array.of(1, -1), Float64Array.of(1, 2))).toThrow(RangeError);
  });
});

describe("computeAlignedTotals", () => {
  it("sums each side and names the empty side", () => {
    expect(computeAlignedTotals(Float64Array.of(1, 0, 2.5), Float64Array.of(0, 4, 0))).toEqual({
      status: "ok",
      referenceTotal: 3.5,
      currentTotal: 4,
    });
    expect(computeAlignedTotals(Float64Array.of(0, 0), Float64Array.of(1, 2))).toEqual({
      status: "insufficient_data",
      reason: "reference has no observations",
    });
    expect(computeAlignedTotals(Float64Array.of(1, 0), Float64Array.of(0, 0))).toEqual({
      status: "insufficient_data",
      reason: "current has no observations",
    });
  });

  it("throws on misaligned or non-finite counts", () => {
    expect(() => computeAlignedTotals(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(RangeError);
    expect(() => computeAlignedTotals(Float64Array.of(1, Infinity), Float64Array.of(1, 2))).toThrow(
      RangeError,
    );
  });
});

describe("computeFilledShares", () => {
  it("fills each side's zero shares on its own, without renormalising", () => {
    // reference shares [0.5, 0, 0.5] -> fill 1e-4; current [1e-5, 1 - 1e-5, 0] -> fill 1e-5 / 1e6
    const filled = computeFilledShares(Float64Array.of(1, 0, 1), Float64Array.of(1, 99999, 0));
    if (filled.status !== "ok") throw new Error(filled.reason);
    expect(Array.from(filled.reference)).toEqual([0.5, 1e-4, 0.5]);
    expect(Array.from(filled.current)).toEqual([1e-5, 99999 / 100000, 1e-5 / 1e6]);
    expect(computeFilledShares(Float64Array.of(0), Float64Array.of(1)).status).toBe("insufficient_data");
  });
});
