import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCalibrationCurve } from "./calibration.js";
import { computeLinspace } from "../descriptive/histogram.js";
import { expectOk } from "../../test/support/result-assertions.js";
import { generateMinstdUniforms } from "../../test/support/deterministic-samples.js";

function curveOf(yTrue: number[], yScore: number[], binCount?: number) {
  return expectOk(
    computeCalibrationCurve(binCount === undefined ? { yTrue, yScore } : { yTrue, yScore, binCount }),
  );
}

function expectAllClose(actual: number[], expected: number[], rel = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(1e-15 + rel * Math.abs(expected[i]!));
  });
}

describe("computeCalibrationCurve", () => {
  // Python: s = floor(u[2i]·20)/20 (scores land exactly on bin edges), y = u[2i+1] < s²;
  // calibration_curve(y, s, n_bins=nb); counts = bincount(searchsorted(linspace(0,1,nb+1)[1:-1], s))
  const u = generateMinstdUniforms(51, 1600);
  const yScore = Array.from({ length: 800 }, (_, i) => Math.floor(u[2 * i]! * 20) / 20);
  const yTrue = yScore.map((s, i) => (u[2 * i + 1]! < s * s ? 1 : 0));

  it("puts scores on an edge into the lower bin (right-closed), 10 bins", () => {
    const curve = curveOf(yTrue, yScore);
    expect(curve.binCounts).toEqual([111, 87, 81, 87, 70, 79, 95, 79, 76, 35]);
    expectAllClose(
      curve.probTrue,
      [
        0.0, 0.034482758620689655, 0.06172839506172839, 0.1839080459770115, 0.24285714285714285,
        0.34177215189873417, 0.49473684210526314, 0.6835443037974683, 0.7631578947368421, 0.8285714285714286,
      ],
    );
    expectAllClose(
      curve.probPred,
      [
        0.04954954954954951, 0.17586206896551718, 0.2771604938271607, 0.37528735632183907, 0.4778571428571427,
        0.5708860759493672, 0.6752631578947368, 0.7727848101265818, 0.8730263157894737, 0.9499999999999996,
      ],
    );
    expectAllClose([curve.ece], [0.1540624999999999]);
  });

  it("matches sklearn with 7 bins", () => {
    const curve = curveOf(yTrue, yScore, 7);
    expect(curve.binCounts).toEqual([111, 124, 131, 116, 128, 120, 70]);
    expectAllClose(
      curve.probTrue,
      [
        0.0, 0.024193548387096774, 0.16030534351145037, 0.2413793103448276, 0.4921875, 0.6666666666666666,
        0.8714285714285714,
      ],
    );
    expectAllClose([curve.ece], [0.1540624999999999]);
  });

  it("omits empty bins and handles the closed ends 0 and 1", () => {
    const curve = curveOf([0, 1, 1, 0], [0, 0.1, 1, 0.3]);
    expect(curve.binCounts).toEqual([2, 1, 1]);
    expect(curve.probTrue).toEqual([0.5, 0, 1]);
    expect(curve.probPred).toEqual([0.05, 0.3, 1]);
    expect(curve.ece).toBeCloseTo((2 / 4) * 0.45 + (1 / 4) * 0.3, 15);
  });

  it("reports empty input and out-of-range scores as insufficient_data", () => {
    expect(computeCalibrationCurve({ yTrue: [], yScore: [] }).status).toBe("insufficient_data");
    expect(computeCalibrationCurve({ yTrue: [1], yScore: [1.5] }).status).toBe("insufficient_data");
    expect(() => computeCalibrationCurve({ yTrue: [2], yScore: [0.5] })).toThrow(RangeError);
    expect(() => computeCalibrationCurve({ yTrue: [1], yScore: [0.5], binCount: 0 })).toThrow(RangeError);
  });

  it("keeps counts summing to n and ECE in [0, 1]", () => {
    const rows = fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 80,
    });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 15 }), (data, bins) => {
        const curve = curveOf(
          data.map((r) => (r[0] ? 1 : 0)),
          data.map((r) => r[1]),
          bins,
        );
        expect(curve.binCounts.reduce((a, b) => a + b, 0)).toBe(data.length);
        expect(curve.ece).toBeGreaterThanOrEqual(0);
        expect(curve.ece).toBeLessThanOrEqual(1);
        expect(curve.probPred.every((p, i) => i === 0 || p > curve.probPred[i - 1]!)).toBe(true);
      }),
    );
  });

  it("bins every score as a search over the edges does, scores on and next to edges included", () => {
    // Scores on the grid k/bins (where the edges are) and one ulp either side: what the direct index must settle.
    const scoresFor = (bins: number) =>
      fc.oneof(
        fc.tuple(fc.integer({ min: 0, max: bins }), fc.integer({ min: -1, max: 1 })).map(([k, ulp]) => {
          const x = k / bins;
          return Math.min(1, Math.max(0, x + ulp * Number.EPSILON * Math.max(x, 2 ** -52)));
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      );
    const input = fc
      .integer({ min: 1, max: 30 })
      .chain((bins) =>
        fc.tuple(fc.constant(bins), fc.array(scoresFor(bins), { minLength: 1, maxLength: 40 })),
      );
    fc.assert(
      fc.property(input, ([bins, s]) => {
        const inner = computeLinspace(0, 1, bins + 1).subarray(1, bins);
        const expected = new Array<number>(bins).fill(0);
        for (const x of s) expected[inner.filter((e) => e < x).length]! += 1;
        const curve = curveOf(
          s.map(() => 0),
          s,
          bins,
        );
        expect(curve.binCounts).toEqual(expected.filter((c) => c > 0));
      }),
      { numRuns: 500 },
    );
  });
});
