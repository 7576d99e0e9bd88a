import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TwoProportionInput } from "./two-proportion-z-test.js";
import { twoProportionZTest, twoProportionZTestFromCounts } from "./two-proportion-z-test.js";
import { expectOk, expectRelativelyClose } from "../../../test/support/result-assertions.js";

const testOf = (input: TwoProportionInput) => {
  return expectOk(twoProportionZTest(input));
};

describe("twoProportionZTest", () => {
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
    expectRelativelyClose(result.statistic, statistic, 1e-12);
    expectRelativelyClose(result.pValue, pValue, 1e-9);
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
    expectRelativelyClose(result.statistic, -1.3460649457610236, 1e-12);
    expectRelativelyClose(result.pValue, 0.17828157243124765, 1e-9);
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
