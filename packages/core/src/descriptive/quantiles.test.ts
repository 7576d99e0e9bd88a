import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeQuantiles } from "./quantiles.js";
import { generateSkewedSample } from "../../test/support/deterministic-samples.js";
import { expectOk } from "../../test/support/result-assertions.js";

const probs = [0, 0.001, 0.1, 1 / 3, 0.5, 0.75, 0.999, 1];

function quantilesOf(values: Float64Array, p: readonly number[]): number[] {
  return expectOk(computeQuantiles(values, p)).quantiles;
}

describe("computeQuantiles", () => {
  // Python: np.quantile(v, [0, .001, .1, 1/3, .5, .75, .999, 1]) — expected bit-for-bit (NumPy's lerp).
  it.each([
    [
      61,
      2,
      100,
      [
        1.0, 1.00261, 1.2610000000000001, 1.8699999999999999, 2.3049999999999997, 2.9575, 3.6073899999999997,
        3.61,
      ],
    ],
    [62, 999, 10, [1.0, 1.0, 1.3, 14.8, 49.9, 164.6, 398.0049999999999, 400.5]],
    [63, 25000, 1000, [1.0, 1.0, 1.3979, 15.68, 50.192, 167.55825, 399.603112, 400.988]],
  ])("matches np.quantile exactly for seed %i, n = %i", (seed, n, dup, expected) => {
    expect(quantilesOf(generateSkewedSample(seed, n, dup), probs)).toEqual(expected);
  });

  it("handles one value, all-equal values and empty input", () => {
    expect(quantilesOf(Float64Array.of(4), [0, 0.5, 1])).toEqual([4, 4, 4]);
    expect(quantilesOf(new Float64Array(5).fill(2.5), [0.3])).toEqual([2.5]);
    expect(computeQuantiles(new Float64Array(0), [0.5]).status).toBe("insufficient_data");
    expect(() => computeQuantiles(Float64Array.of(1), [1.5])).toThrow(RangeError);
  });

  it("does not reorder the caller's array", () => {
    const values = Float64Array.of(3, 1, 2);
    quantilesOf(values, [0.5]);
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });

  it("is monotone in p and bounded by min and max", () => {
    const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 });
    const ps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(sample, ps, (values, p) => {
        const sortedP = [...p].sort((a, b) => a - b);
        const q = quantilesOf(Float64Array.from(values), sortedP);
        const min = Math.min(...values);
        const max = Math.max(...values);
        q.forEach((value, i) => {
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(max);
          if (i > 0) expect(value).toBeGreaterThanOrEqual(q[i - 1]!);
        });
      }),
    );
  });
});
