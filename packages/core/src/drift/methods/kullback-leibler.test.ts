import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kullbackLeiblerDivergence } from "./kullback-leibler.js";
import { expectOk } from "../../../test/support/result-assertions.js";
import { alignedCountPairs } from "../../../test/support/count-arbitraries.js";

const klOf = (reference: number[], current: number[]): number => {
  return expectOk(kullbackLeiblerDivergence(Float64Array.from(reference), Float64Array.from(current))).kl;
};

describe("kullbackLeiblerDivergence", () => {
  it.each([
    // R, C = fill(r), fill(c) as for PSI; scipy.stats.entropy(R, C) (which renormalises R and C)
    [[5, 0, 3, 0], [0, 4, 4, 1], 5.396277812251432],
    [[1e6, 1, 0], [999990, 0, 11], 2.141763765430712e-5],
    [[10, 0], [0, 10], 9.208498488090177],
    [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], 0.571207219724501],
    [[100000, 1, 0, 5], [50000, 0, 3, 7], 0.00020873411140229413],
  ])("matches scipy.stats.entropy on %j vs %j", (reference, current, expected) => {
    const kl = klOf(reference, current);
    expect(Math.abs(kl - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it("is 0 for identical shares and reports an empty side", () => {
    expect(klOf([2, 5, 1], [4, 10, 2])).toBe(0);
    expect(kullbackLeiblerDivergence(Float64Array.of(1), Float64Array.of(0)).status).toBe(
      "insufficient_data",
    );
  });

  it("is non-negative", () => {
    fc.assert(
      fc.property(alignedCountPairs, ([r, c]) => {
        expect(klOf(r, c)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
