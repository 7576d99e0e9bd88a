import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareContingencyTest } from "./chi-square-contingency.js";
import { expectOk, expectRelativelyClose } from "../../../test/support/result-assertions.js";

const testOf = (reference: number[], current: number[]) => {
  return expectOk(chiSquareContingencyTest(Float64Array.from(reference), Float64Array.from(current)));
};

describe("chiSquareContingencyTest", () => {
  it.each([
    // scipy.stats.chi2_contingency(np.array([r, c])) with Yates' correction at dof = 1
    [[30, 70], [45, 55], 4.181333333333333, 0.04087153408900628],
    [[3, 1], [1, 3], 0.5, 0.47950012218695337],
    [[1000, 0], [990, 10], 8.140703517587939, 0.004328248767772898],
    [[10, 10], [10, 11], 0, 1], // every |o - e| < 0.5: the correction moves each cell onto its expectation
  ])("applies Yates' correction as SciPy on %j vs %j", (reference, current, statistic, pValue) => {
    const result = testOf(reference, current);
    expect(result.degreesOfFreedom).toBe(1);
    if (statistic === 0) expect(result.statistic).toBe(0);
    else expectRelativelyClose(result.statistic, statistic, 1e-12);
    expectRelativelyClose(result.pValue, pValue, 1e-9);
  });

  it.each([
    // scipy.stats.chi2_contingency(np.array([r, c])), no correction at dof >= 2
    [[1, 2, 3], [3, 2, 1], 2, 0.36787944117144245],
    [[500, 300, 200], [10, 20, 970], 1222.5364504776269, 3.385188181572909e-266],
    [[0, 5, 5], [5, 0, 5], 10, 0.006737946999085468],
  ])("matches SciPy without correction on %j vs %j", (reference, current, statistic, pValue) => {
    const result = testOf(reference, current);
    expect(result.degreesOfFreedom).toBe(2);
    expectRelativelyClose(result.statistic, statistic, 1e-12);
    expectRelativelyClose(result.pValue, pValue, 1e-8);
  });

  it("handles a huge Yates-corrected statistic", () => {
    // scipy.stats.chi2_contingency([[100000, 0], [0, 100000]]) -> (199996.00002, 0.0, 1)
    const result = testOf([100000, 0], [0, 100000]);
    expectRelativelyClose(result.statistic, 199996.00002, 1e-12);
    expect(result.pValue).toBe(0);
  });

  it("gives statistic 0 and p = 1 for a single category, as SciPy does at dof = 0", () => {
    expect(testOf([5], [7])).toEqual({ status: "ok", statistic: 0, pValue: 1, degreesOfFreedom: 0 });
  });

  it("drops a category empty on both sides (SciPy would reject the zero expectation)", () => {
    const result = testOf([30, 0, 70], [45, 0, 55]);
    expect(result.degreesOfFreedom).toBe(1);
    expectRelativelyClose(result.statistic, 4.181333333333333, 1e-12);
  });

  it("reports an empty side as insufficient data", () => {
    expect(chiSquareContingencyTest(Float64Array.of(0, 0), Float64Array.of(1, 2)).status).toBe(
      "insufficient_data",
    );
  });

  it("is symmetric in the two sides", () => {
    const positive = fc.integer({ min: 1, max: 500 });
    fc.assert(
      fc.property(fc.array(fc.tuple(positive, positive), { minLength: 2, maxLength: 8 }), (pairs) => {
        const r = pairs.map(([x]) => x);
        const c = pairs.map(([, y]) => y);
        const forward = testOf(r, c);
        const backward = testOf(c, r);
        expect(backward.statistic).toBeCloseTo(forward.statistic, 9);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
