import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { populationStabilityIndex } from "./population-stability-index.js";
import { expectOk } from "../../../test/support/result-assertions.js";
import { alignedCountPairs } from "../../../test/support/count-arbitraries.js";

const psiOf = (reference: number[], current: number[]): number => {
  return expectOk(populationStabilityIndex(Float64Array.from(reference), Float64Array.from(current))).psi;
};

describe("populationStabilityIndex", () => {
  it.each([
    // R, C = fill(r), fill(c) (shares, zero -> min/1e6 if min <= 1e-4 else 1e-4); np.sum((C-R)*np.log(C/R))
    [[5, 0, 3, 0], [0, 4, 4, 1], 9.984399990790163],
    [[1e6, 1, 0], [999990, 0, 11], 0.00018976484785203314], // both sides take the min_nonzero/1e6 fill
    [[10, 0], [0, 10], 18.418838675877968],
    [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], 1.142414439449002],
    [[100000, 1, 0, 5], [50000, 0, 3, 7], 0.0011491183841998366],
  ])("matches numpy on %j vs %j", (reference, current, expected) => {
    expect(Math.abs(psiOf(reference, current) - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it("is 0 for identical shares", () => {
    expect(psiOf([3, 3], [6, 6])).toBe(0);
  });

  it("reports an empty side as insufficient data", () => {
    expect(populationStabilityIndex(Float64Array.of(0, 0), Float64Array.of(1, 1)).status).toBe(
      "insufficient_data",
    );
    expect(populationStabilityIndex(new Float64Array(0), new Float64Array(0)).status).toBe(
      "insufficient_data",
    );
  });

  it("is non-negative and symmetric", () => {
    fc.assert(
      fc.property(alignedCountPairs, ([r, c]) => {
        const forward = psiOf(r, c);
        expect(forward).toBeGreaterThanOrEqual(0);
        expect(psiOf(c, r)).toBeCloseTo(forward, 9);
      }),
    );
  });
});
