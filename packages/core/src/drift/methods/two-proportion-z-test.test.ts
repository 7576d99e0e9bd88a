import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TwoProportionInput } from "./two-proportion-z-test.js";
import { twoProportionZTest, twoProportionZTestFromCounts } from "./two-proportion-z-test.js";

interface ProportionCase {
  id: string;
  fn: string;
  inputs: { reference_successes: number; reference_n: number; current_successes: number; current_n: number };
  expected: { statistic: number; pvalue: number };
  tol: { abs: number; rel: number };
}

const cases = (
  JSON.parse(
    readFileSync(new URL("../../../../../../shared/reference/two_sample.json", import.meta.url), "utf8"),
  ) as { cases: ProportionCase[] }
).cases.filter((c) => c.fn === "proportions_ztest");

const testOf = (input: TwoProportionInput) => {
  const result = twoProportionZTest(input);
  if (result.status !== "ok") throw new Error(result.reason);
  return result;
};

const expectRelative = (actual: number, expected: number, rel: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
};

describe("twoProportionZTest", () => {
  it.each(cases.map((c) => [c.id, c] as const))("matches reference case %s", (_, c) => {
    const result = testOf({
      referenceSuccesses: c.inputs.reference_successes,
      referenceTotal: c.inputs.reference_n,
      currentSuccesses: c.inputs.current_successes,
      currentTotal: c.inputs.current_n,
    });
    const { abs, rel } = c.tol;
    expect(Math.abs(result.statistic - c.expected.statistic)).toBeLessThanOrEqual(
      abs + rel * Math.abs(c.expected.statistic),
    );
    expect(Math.abs(result.pValue - c.expected.pvalue)).toBeLessThanOrEqual(abs + rel * c.expected.pvalue);
  });

  it.each([
    // p = (s1+s2)/(n1+n2); z = (s1/n1 - s2/n2)/sqrt(p(1-p)(1/n1+1/n2)); 2*scipy.stats.norm.sf(abs(z))
    [0, 50, 50, 50, -10, 1.523970604832094e-23],
    [5000, 100000, 9000, 100000, -35.05536546997458, 3.2301667544114885e-269],
    [1, 2, 0, 3, 1.369306393762915, 0.17090352023079747],
    [3, 10, 7, 10, -1.7888543819998317, 0.07363827012030266],
  ])("matches the pooled formula for %i/%i vs %i/%i", (rs, rn, cs, cn, statistic, pValue) => {
    const result = testOf({
      referenceSuccesses: rs,
      referenceTotal: rn,
      currentSuccesses: cs,
      currentTotal: cn,
    });
    expectRelative(result.statistic, statistic, 1e-12);
    expectRelative(result.pValue, pValue, 1e-9);
  });

  it("gives z = 0 and p = 1 when both sides are constant and equal", () => {
    const input = { referenceSuccesses: 0, referenceTotal: 40, currentSuccesses: 0, currentTotal: 10 };
    expect(twoProportionZTest(input)).toEqual({ status: "ok", statistic: 0, pValue: 1 });
    const allOnes = { referenceSuccesses: 40, referenceTotal: 40, currentSuccesses: 10, currentTotal: 10 };
    expect(twoProportionZTest(allOnes)).toEqual({ status: "ok", statistic: 0, pValue: 1 });
  });

  it("reports an empty side and rejects impossible counts", () => {
    const empty = { referenceSuccesses: 0, referenceTotal: 0, currentSuccesses: 1, currentTotal: 3 };
    expect(twoProportionZTest(empty).status).toBe("insufficient_data");
    const impossible = { referenceSuccesses: 5, referenceTotal: 3, currentSuccesses: 1, currentTotal: 3 };
    expect(() => twoProportionZTest(impossible)).toThrow(RangeError);
  });

  it("flips the sign of z and keeps p when the sides are swapped", () => {
    const side = fc
      .integer({ min: 1, max: 1000 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(side, side, ([rs, rn], [cs, cn]) => {
        const forward = testOf({
          referenceSuccesses: rs,
          referenceTotal: rn,
          currentSuccesses: cs,
          currentTotal: cn,
        });
        const backward = testOf({
          referenceSuccesses: cs,
          referenceTotal: cn,
          currentSuccesses: rs,
          currentTotal: rn,
        });
        expect(backward.statistic).toBeCloseTo(-forward.statistic, 9);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("twoProportionZTestFromCounts", () => {
  it("treats the first sorted category as 0 and the others as 1", () => {
    // categories [a, b]: reference 22 a + 8 b, current 14 a + 11 b is reference case ztest-0's table
    const result = twoProportionZTestFromCounts(Float64Array.of(22, 8), Float64Array.of(14, 11));
    if (result.status !== "ok") throw new Error(result.reason);
    expectRelative(result.statistic, -1.3460649457610236, 1e-12);
    expectRelative(result.pValue, 0.17828157243124765, 1e-9);
  });

  it("gives p = 1 for a column with one category on both sides, and reports an empty side", () => {
    expect(twoProportionZTestFromCounts(Float64Array.of(7), Float64Array.of(3))).toEqual({
      status: "ok",
      statistic: 0,
      pValue: 1,
    });
    expect(twoProportionZTestFromCounts(Float64Array.of(0, 0), Float64Array.of(1, 1)).status).toBe(
      "insufficient_data",
    );
  });
});
