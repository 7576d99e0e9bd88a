import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortFloat64 } from "../../sorting/sort-float64.js";
import {
  computeCdfDifferenceIntegrals,
  normedWassersteinDistance,
  wassersteinDistance,
  wassersteinDistanceSorted,
} from "./wasserstein.js";
// sample / tied: the Python twins quoted on generateTriangularSample.
import { generateTriangularSample } from "../../../test/support/deterministic-samples.js";

/** |actual - expected| <= abs + rel·|expected|. */
function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

// Expected: wasserstein_distance(a, b) and wasserstein_distance(a, b) / max(np.std(a), 0.001)
// with a = sample(n1, 1) (or tied), b = sample(n2, 5000, shift).
const SCIPY_CASES = [
  {
    sizes: [12000, 15000],
    shift: 0.01,
    tied: false,
    distance: 0.010012662632363778,
    normed: 0.024516808879357074,
    std: 0.4083999137748448,
  },
  {
    sizes: [700, 900],
    shift: 0.1,
    tied: true,
    distance: 0.09941269841269842,
    normed: 0.24309108218121703,
    std: 0.40895246966973997,
  },
  {
    sizes: [1, 20000],
    shift: 5,
    tied: false,
    distance: 4.606222264270119,
    normed: 4606.222264270119,
    std: 0,
  },
  {
    sizes: [5000, 5000],
    shift: 0.4,
    tied: false,
    distance: 0.399621252064295,
    normed: 0.9794913535017531,
    std: 0.40798854490712944,
  },
] as const;

describe("wassersteinDistance", () => {
  it.each(SCIPY_CASES.map((c) => [c.sizes[0], c.sizes[1], c] as const))(
    "matches SciPy for n1 = %d, n2 = %d",
    (_n1, _n2, c) => {
      const reference = generateTriangularSample(c.sizes[0], 1, 0, c.tied);
      const current = generateTriangularSample(c.sizes[1], 5000, c.shift, c.tied);
      const result = wassersteinDistance(reference, current);
      expect(result.status).toBe("ok");
      if (result.status === "ok") expectClose(result.distance, c.distance);
      const normed = normedWassersteinDistance(reference, current);
      expect(normed.status).toBe("ok");
      if (normed.status !== "ok") return;
      expectClose(normed.distance, c.normed);
      expectClose(normed.referenceStd, c.std);
      expectClose(normed.wasserstein, c.distance);
    },
  );

  it("handles single values, ties and identical samples", () => {
    // wasserstein_distance([0], [1]) == 1.0; wasserstein_distance([3, 3], [1, 2, 7]) == 2.3333333333333335
    expect(wassersteinDistance(Float64Array.of(0), Float64Array.of(1))).toEqual({
      status: "ok",
      distance: 1,
    });
    const tied = wassersteinDistance(Float64Array.of(3, 3), Float64Array.of(1, 2, 7));
    if (tied.status === "ok") expectClose(tied.distance, 2.3333333333333335);
    expect(tied.status).toBe("ok");
    expect(wassersteinDistance(Float64Array.of(1, 2, 2), Float64Array.of(2, 1, 2))).toEqual({
      status: "ok",
      distance: 0,
    });
  });

  it("floors the reference spread at 0.001 for a constant reference", () => {
    // wasserstein_distance([2, 2, 2], [2, 2.5]) / max(np.std([2, 2, 2]), 0.001) == 250.0
    const result = normedWassersteinDistance(Float64Array.of(2, 2, 2), Float64Array.of(2, 2.5));
    expect(result).toMatchObject({ status: "ok", referenceStd: 0, wasserstein: 0.25 });
    if (result.status === "ok") expectClose(result.distance, 250);
  });

  it("reports insufficient data for an empty side", () => {
    expect(wassersteinDistance(new Float64Array(0), Float64Array.of(1)).status).toBe("insufficient_data");
    expect(normedWassersteinDistance(Float64Array.of(1), new Float64Array(0)).status).toBe(
      "insufficient_data",
    );
  });

  it("equals SciPy's searchsorted formulation on tied integer samples (property)", () => {
    // all = sort(u ++ v); Σ_k |#(u <= all_k)/nu - #(v <= all_k)/nv| · (all_{k+1} - all_k)
    const countAtMost = (values: number[], x: number): number => values.filter((y) => y <= x).length;
    const sample = fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, (u, v) => {
        const pooled = [...u, ...v].sort((x, y) => x - y);
        let expected = 0;
        for (let k = 0; k + 1 < pooled.length; k += 1) {
          const gap = pooled[k + 1]! - pooled[k]!;
          expected +=
            Math.abs(countAtMost(u, pooled[k]!) / u.length - countAtMost(v, pooled[k]!) / v.length) * gap;
        }
        expectClose(wassersteinDistanceSorted(sortFloat64(u), sortFloat64(v)), expected, 1e-12, 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("is symmetric, non-negative and equals the mean shift for a translated sample (property)", () => {
    const values = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(values, values, fc.double({ min: -10, max: 10, noNaN: true }), (a, b, shift) => {
        const u = Float64Array.from(a);
        const v = Float64Array.from(b);
        const forward = wassersteinDistanceSorted(sortFloat64(u), sortFloat64(v));
        expectClose(wassersteinDistanceSorted(sortFloat64(v), sortFloat64(u)), forward, 1e-12, 1e-9);
        expect(forward).toBeGreaterThanOrEqual(0);
        // Translating a sample moves all mass by |shift| (integer grid avoids rounding of x + shift).
        const grid = Float64Array.from(a, (x) => Math.round(x));
        const moved = grid.map((x) => x + Math.round(shift));
        expectClose(
          wassersteinDistanceSorted(sortFloat64(grid), sortFloat64(moved)),
          Math.abs(Math.round(shift)),
          1e-12,
          1e-9,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("equals the absolute integral of computeCdfDifferenceIntegrals bit for bit, ties included (property)", () => {
    const values = fc.array(
      fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -50, max: 50, noNaN: true })),
      {
        minLength: 1,
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(values, values, (a, b) => {
        const u = sortFloat64(Float64Array.from(a));
        const v = sortFloat64(Float64Array.from(b));
        expect(wassersteinDistanceSorted(u, v)).toBe(computeCdfDifferenceIntegrals(u, v).absolute);
      }),
      { numRuns: 300 },
    );
  });
});
