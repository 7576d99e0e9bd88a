import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hellingerDistance } from "./hellinger.js";

interface CountsCase {
  id: string;
  fn: string;
  inputs: { reference_counts: number[]; current_counts: number[] };
  expected: { distance: number };
  tol: { abs: number; rel: number };
}

const cases = (
  JSON.parse(
    readFileSync(new URL("../../../../../../shared/reference/two_sample.json", import.meta.url), "utf8"),
  ) as { cases: CountsCase[] }
).cases.filter((c) => c.fn === "hellinger_counts");

const distanceOf = (reference: number[], current: number[]): number => {
  const result = hellingerDistance(Float64Array.from(reference), Float64Array.from(current));
  if (result.status !== "ok") throw new Error(result.reason);
  return result.distance;
};

const counts = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 });

describe("hellingerDistance", () => {
  it.each(cases.map((c) => [c.id, c] as const))("matches reference case %s", (_, c) => {
    const distance = distanceOf(c.inputs.reference_counts, c.inputs.current_counts);
    const { abs, rel } = c.tol;
    expect(Math.abs(distance - c.expected.distance)).toBeLessThanOrEqual(abs + rel * c.expected.distance);
  });

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
      fc.property(counts, counts, (a, b) => {
        const length = Math.min(a.length, b.length);
        const r = [...a.slice(0, length - 1), (a[length - 1] ?? 0) + 1];
        const c = [...b.slice(0, length - 1), (b[length - 1] ?? 0) + 1];
        const forward = distanceOf(r, c);
        expect(forward).toBeGreaterThanOrEqual(0);
        expect(forward).toBeLessThanOrEqual(1);
        expect(distanceOf(c, r)).toBeCloseTo(forward, 7);
      }),
    );
  });
});
