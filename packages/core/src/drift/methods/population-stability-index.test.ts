import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { populationStabilityIndex } from "./population-stability-index.js";

interface CountsCase {
  id: string;
  fn: string;
  inputs: { reference_counts: number[]; current_counts: number[] };
  expected: { psi: number };
  tol: { abs: number; rel: number };
}

const cases = (
  JSON.parse(
    readFileSync(new URL("../../../../../../shared/reference/two_sample.json", import.meta.url), "utf8"),
  ) as { cases: CountsCase[] }
).cases.filter((c) => c.fn === "psi_counts");

const psiOf = (reference: number[], current: number[]): number => {
  const result = populationStabilityIndex(Float64Array.from(reference), Float64Array.from(current));
  if (result.status !== "ok") throw new Error(result.reason);
  return result.psi;
};

const counts = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 });

describe("populationStabilityIndex", () => {
  it.each(cases.map((c) => [c.id, c] as const))("matches reference case %s", (_, c) => {
    const psi = psiOf(c.inputs.reference_counts, c.inputs.current_counts);
    expect(Math.abs(psi - c.expected.psi)).toBeLessThanOrEqual(
      c.tol.abs + c.tol.rel * Math.abs(c.expected.psi),
    );
  });

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
      fc.property(counts, counts, (a, b) => {
        const length = Math.min(a.length, b.length);
        const r = [...a.slice(0, length - 1), (a[length - 1] ?? 0) + 1];
        const c = [...b.slice(0, length - 1), (b[length - 1] ?? 0) + 1];
        const forward = psiOf(r, c);
        expect(forward).toBeGreaterThanOrEqual(0);
        expect(psiOf(c, r)).toBeCloseTo(forward, 9);
      }),
    );
  });
});
