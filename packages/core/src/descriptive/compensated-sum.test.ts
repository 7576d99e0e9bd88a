import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCompensatedSum } from "./compensated-sum.js";

describe("computeCompensatedSum", () => {
  it("recovers low-order terms that naive summation loses", () => {
    expect(computeCompensatedSum([1e16, 1, -1e16])).toBe(1);
    expect(computeCompensatedSum(Array<number>(10).fill(0.1))).toBe(1);
    expect(computeCompensatedSum([])).toBe(0);
  });

  it("is exact for integers and independent of order", () => {
    const ints = fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 100 });
    fc.assert(
      fc.property(ints, (values) => {
        const exact = values.reduce((a, b) => a + b, 0);
        expect(computeCompensatedSum(values)).toBe(exact);
        expect(computeCompensatedSum([...values].reverse().map((v) => v / 8))).toBe(exact / 8);
      }),
    );
  });
});
