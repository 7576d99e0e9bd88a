import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortFloat64 } from "../../sorting/sort-float64.js";
import { energyDistance, energyDistanceSorted } from "./energy-distance.js";
import { wassersteinDistanceSorted } from "./wasserstein.js";
// sample / tied: the Python twins quoted on generateTriangularSample.
import { generateTriangularSample } from "../../../test/support/deterministic-samples.js";

/** |actual - expected| <= abs + rel·|expected|. */
function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

// Expected: energy_distance(a, b) with a = sample(n1, 1) (or tied), b = sample(n2, 5000, shift).
const SCIPY_CASES = [
  { sizes: [12000, 15000], shift: 0.01, tied: false, distance: 0.011535420756907427 },
  { sizes: [700, 900], shift: 0.1, tied: true, distance: 0.11353370309504211 },
  { sizes: [1, 20000], shift: 5, tied: false, distance: 2.9573194140604833 },
  { sizes: [5000, 5000], shift: 0.4, tied: false, distance: 0.45308479196552737 },
] as const;

describe("energyDistance", () => {
  it.each(SCIPY_CASES.map((c) => [c.sizes[0], c.sizes[1], c] as const))(
    "matches SciPy for n1 = %d, n2 = %d",
    (_n1, _n2, c) => {
      const result = energyDistance(
        generateTriangularSample(c.sizes[0], 1, 0, c.tied),
        generateTriangularSample(c.sizes[1], 5000, c.shift, c.tied),
      );
      expect(result.status).toBe("ok");
      if (result.status === "ok") expectClose(result.distance, c.distance);
    },
  );

  it("handles single values, ties and identical samples", () => {
    // energy_distance([0], [1]) == 1.4142135623730951; energy_distance([3, 3], [1, 2, 7]) == 1.4142135623730951
    const single = energyDistance(Float64Array.of(0), Float64Array.of(1));
    if (single.status === "ok") expectClose(single.distance, 1.4142135623730951);
    const tied = energyDistance(Float64Array.of(3, 3), Float64Array.of(1, 2, 7));
    if (tied.status === "ok") expectClose(tied.distance, 1.4142135623730951);
    expect([single.status, tied.status]).toEqual(["ok", "ok"]);
    expect(energyDistance(Float64Array.of(1, 2, 2), Float64Array.of(2, 1, 2))).toEqual({
      status: "ok",
      distance: 0,
    });
  });

  it("reports insufficient data for an empty side", () => {
    expect(energyDistance(new Float64Array(0), Float64Array.of(1)).status).toBe("insufficient_data");
    expect(energyDistance(Float64Array.of(1), new Float64Array(0)).status).toBe("insufficient_data");
  });

  it("is symmetric, non-negative and E² <= 2·W1 (property)", () => {
    const values = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const u = sortFloat64(a);
        const v = sortFloat64(b);
        const forward = energyDistanceSorted(u, v);
        expectClose(energyDistanceSorted(v, u), forward, 1e-12, 1e-9);
        // (F_u - F_v)² <= |F_u - F_v|, so E² = 2∫(F_u - F_v)² <= 2·W1.
        expect(forward ** 2).toBeLessThanOrEqual(2 * wassersteinDistanceSorted(u, v) * (1 + 1e-9) + 1e-12);
        expect(forward).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});
