import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hellingerDistance } from "./hellinger.js";
import { expectOk } from "../../../test/support/result-assertions.js";
import { alignedCountPairs } from "../../../test/support/count-arbitraries.js";

const distanceOf = (reference: number[], current: number[]): number => {
  return expectOk(hellingerDistance(Float64Array.from(reference), Float64Array.from(current))).distance;
};

describe("hellingerDistance", () => {
  it.each([
    // p, q = r/r.sum(), c/c.sum(); np.sqrt(1 - np.sum(np.sqrt(p*q)))
    [[5, 0, 3, 0], [0, 4, 4, 1], 0.769253995463226],
    [[1e6, 1, 0], [999990, 0, 11], 0.002449491069606961],
    [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], 0.3682818514218862],
    [[100000, 1, 0, 5], [50000, 0, 3, 7], 0.006806285731604617],
  ])("matches numpy on %j vs %j", (reference, current, expected) => {
    // The cancellation in 1 - Σ limits agreement to ~1e-16 / distance in relative terms.
    expect(Math.abs(distanceOf(reference, current) - expected)).toBeLessThanOrEqual(1e-12);
  });

  it("is 1 for disjoint supports and 0 (not NaN) for identical shares", () => {
    expect(distanceOf([10, 0], [0, 10])).toBe(1);
    expect(distanceOf([1, 1, 1], [7, 7, 7])).toBe(0);
    expect(distanceOf([1, 2, 3, 4, 5, 6, 7], [2, 4, 6, 8, 10, 12, 14])).toBe(0);
  });

  it("reports an empty side", () => {
    expect(hellingerDistance(Float64Array.of(0, 0), Float64Array.of(1, 0)).status).toBe("insufficient_data");
  });

  it("is symmetric and within [0, 1]", () => {
    fc.assert(
      fc.property(alignedCountPairs, ([r, c]) => {
        const forward = distanceOf(r, c);
        expect(forward).toBeGreaterThanOrEqual(0);
        expect(forward).toBeLessThanOrEqual(1);
        expect(distanceOf(c, r)).toBeCloseTo(forward, 7);
      }),
    );
  });
});
