import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jensenShannonDistance } from "./jensen-shannon.js";
import { expectOk } from "../../../test/support/result-assertions.js";
import { alignedCountPairs } from "../../../test/support/count-arbitraries.js";

const distanceOf = (reference: number[], current: number[], base?: number): number => {
  const options = base === undefined ? {} : { base };
  return expectOk(jensenShannonDistance(Float64Array.from(reference), Float64Array.from(current), options))
    .distance;
};

describe("jensenShannonDistance", () => {
  it.each([
    // scipy.spatial.distance.jensenshannon(r, c) and jensenshannon(r, c, 2)
    [[5, 0, 3, 0], [0, 4, 4, 1], 0.6407982710493846, 0.7696771628690292],
    [[1e6, 1, 0], [999990, 0, 11], 0.0020393360254361637, 0.0024494921991968692],
    [[10, 0], [0, 10], 0.8325546111576977, 1],
    [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], 0.35969780376759686, 0.43204109249653166],
  ])("matches SciPy on %j vs %j", (reference, current, natural, binary) => {
    expect(Math.abs(distanceOf(reference, current) - natural)).toBeLessThanOrEqual(1e-12 * natural);
    expect(Math.abs(distanceOf(reference, current, 2) - binary)).toBeLessThanOrEqual(1e-12 * binary);
  });

  it("is 0 for identical shares, even where rounding would make the divergence negative", () => {
    expect(distanceOf([3, 3], [3, 3])).toBe(0);
    expect(distanceOf([1, 1, 1], [7, 7, 7], 2)).toBe(0);
  });

  it("reports an empty side and rejects an invalid base", () => {
    expect(jensenShannonDistance(Float64Array.of(0), Float64Array.of(1)).status).toBe("insufficient_data");
    expect(() => jensenShannonDistance(Float64Array.of(1), Float64Array.of(1), { base: 1 })).toThrow(
      RangeError,
    );
    expect(() => jensenShannonDistance(Float64Array.of(1), Float64Array.of(1), { base: -2 })).toThrow(
      RangeError,
    );
  });

  it("is symmetric and bounded by sqrt(ln 2) (base e) and 1 (base 2)", () => {
    fc.assert(
      fc.property(alignedCountPairs, ([r, c]) => {
        const forward = distanceOf(r, c);
        expect(distanceOf(c, r)).toBeCloseTo(forward, 12);
        expect(forward).toBeLessThanOrEqual(Math.sqrt(Math.LN2) + 1e-12);
        expect(distanceOf(r, c, 2)).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
