import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Category } from "../category-counts.js";
import { countCategories } from "../category-counts.js";
import { chiSquareGoodnessOfFitTest } from "./chi-square.js";

interface CategoryCase {
  id: string;
  fn: string;
  inputs: { reference: Category[]; current: Category[] };
  expected: { statistic: number | "Infinity"; pvalue: number; dof: number };
  tol: { abs: number; rel: number };
}

const cases = (
  JSON.parse(
    readFileSync(new URL("../../../../../../shared/reference/two_sample.json", import.meta.url), "utf8"),
  ) as { cases: CategoryCase[] }
).cases.filter((c) => c.fn === "chisquare_gof");

const testOf = (reference: number[], current: number[]) => {
  const result = chiSquareGoodnessOfFitTest(Float64Array.from(reference), Float64Array.from(current));
  if (result.status !== "ok") throw new Error(result.reason);
  return result;
};

const expectRelative = (actual: number, expected: number, rel: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
};

describe("chiSquareGoodnessOfFitTest", () => {
  it.each(cases.map((c) => [c.id, c] as const))("matches reference case %s", (_, c) => {
    const counts = countCategories(c.inputs.reference, c.inputs.current);
    const result = chiSquareGoodnessOfFitTest(counts.reference, counts.current);
    if (result.status !== "ok") throw new Error(result.reason);
    const { abs, rel } = c.tol;
    const statistic = c.expected.statistic === "Infinity" ? Number.POSITIVE_INFINITY : c.expected.statistic;
    if (statistic === Number.POSITIVE_INFINITY) expect(result.statistic).toBe(statistic);
    else expect(Math.abs(result.statistic - statistic)).toBeLessThanOrEqual(abs + rel * statistic);
    expect(Math.abs(result.pValue - c.expected.pvalue)).toBeLessThanOrEqual(abs + rel * c.expected.pvalue);
    expect(result.degreesOfFreedom).toBe(c.expected.dof);
  });

  it.each([
    // e = r * c.sum() / r.sum(); scipy.stats.chisquare(c, e)
    [[30, 70], [45, 55], 10.714285714285715, 0.001063114917158603],
    [[1, 2, 3], [3, 2, 1], 5.333333333333333, 0.06948345122280154],
    [[50000, 50000], [30000, 70000], 16000, 0],
  ])("matches SciPy on %j vs %j", (reference, current, statistic, pValue) => {
    const result = testOf(reference, current);
    expectRelative(result.statistic, statistic, 1e-12);
    expectRelative(result.pValue, pValue, 1e-9);
    expect(result.degreesOfFreedom).toBe(reference.length - 1);
  });

  it("lets a p-value beyond the double range underflow to 0 as SciPy does", () => {
    // scipy.stats.chisquare([10, 20, 970], [500, 300, 200]) -> (3706.0333333333333, 0.0)
    const result = testOf([500, 300, 200], [10, 20, 970]);
    expectRelative(result.statistic, 3706.0333333333333, 1e-12);
    expect(result.pValue).toBe(0);
  });

  it("keeps relative precision for a p-value near 1e-219", () => {
    // scipy.stats.chisquare([10000, 8000], [12000, 6000]) -> (1000.0, 1.7958327848007363e-219)
    const result = testOf([2, 1], [10000, 8000]);
    expectRelative(result.statistic, 1000, 1e-12);
    expectRelative(result.pValue, 1.7958327848007363e-219, 1e-9);
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
    expectRelative(withEmpty.statistic, 10.714285714285715, 1e-12);
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
