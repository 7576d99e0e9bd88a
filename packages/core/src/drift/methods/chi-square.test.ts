import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareGoodnessOfFitTest } from "./chi-square.js";
import { expectOk, expectRelativelyClose } from "../../../test/support/result-assertions.js";

const testOf = (reference: number[], current: number[]) => {
  return expectOk(chiSquareGoodnessOfFitTest(Float64Array.from(reference), Float64Array.from(current)));
};

describe("chiSquareGoodnessOfFitTest", () => {
  it.each([
    // e = r * c.sum() / r.sum(); scipy.stats.chisquare(c, e)
    [[30, 70], [45, 55], 10.714285714285715, 0.001063114917158603],
    [[1, 2, 3], [3, 2, 1], 5.333333333333333, 0.06948345122280154],
    [[50000, 50000], [30000, 70000], 16000, 0],
  ])("matches SciPy on %j vs %j", (reference, current, statistic, pValue) => {
    const result = testOf(reference, current);
    expectRelativelyClose(result.statistic, statistic, 1e-12);
    expectRelativelyClose(result.pValue, pValue, 1e-9);
    expect(result.degreesOfFreedom).toBe(reference.length - 1);
  });

  it("lets a p-value beyond the double range underflow to 0 as SciPy does", () => {
    // scipy.stats.chisquare([10, 20, 970], [500, 300, 200]) -> (3706.0333333333333, 0.0)
    const result = testOf([500, 300, 200], [10, 20, 970]);
    expectRelativelyClose(result.statistic, 3706.0333333333333, 1e-12);
    expect(result.pValue).toBe(0);
  });

  it("keeps relative precision for a p-value near 1e-219", () => {
    // scipy.stats.chisquare([10000, 8000], [12000, 6000]) -> (1000.0, 1.7958327848007363e-219)
    const result = testOf([2, 1], [10000, 8000]);
    expectRelativelyClose(result.statistic, 1000, 1e-12);
    expectRelativelyClose(result.pValue, 1.7958327848007363e-219, 1e-9);
  });

  it("returns Infinity and p = 0 for a category seen only in the current sample", () => {
    const result = testOf([2, 0, 5], [1, 3, 0]);
    expect(result.statistic).toBe(Number.POSITIVE_INFINITY);
    expect(result.pValue).toBe(0);
    expect(result.degreesOfFreedom).toBe(2);
  });

  it("ignores a category empty on both sides", () => {
    const withEmpty = testOf([30, 0, 70], [45, 0, 55]);
    expect(withEmpty.degreesOfFreedom).toBe(1);
    expectRelativelyClose(withEmpty.statistic, 10.714285714285715, 1e-12);
  });

  it("reports a single category (SciPy: p = NaN at df = 0) and an empty side as insufficient data", () => {
    expect(chiSquareGoodnessOfFitTest(Float64Array.of(5), Float64Array.of(5)).status).toBe(
      "insufficient_data",
    );
    expect(chiSquareGoodnessOfFitTest(Float64Array.of(0, 0), Float64Array.of(1, 2)).status).toBe(
      "insufficient_data",
    );
    expect(chiSquareGoodnessOfFitTest(Float64Array.of(1, 2), Float64Array.of(0, 0)).status).toBe(
      "insufficient_data",
    );
  });

  it("gives statistic 0 and p = 1 when the current shares equal the reference shares", () => {
    const result = testOf([10, 20, 30], [20, 40, 60]);
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
  });

  it("keeps p-values within [0, 1]", () => {
    const positive = fc.integer({ min: 1, max: 500 });
    fc.assert(
      fc.property(fc.array(fc.tuple(positive, positive), { minLength: 2, maxLength: 8 }), (pairs) => {
        const result = testOf(
          pairs.map(([r]) => r),
          pairs.map(([, c]) => c),
        );
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
