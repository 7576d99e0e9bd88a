import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kullbackLeiblerDivergence } from "./kullback-leibler.js";

interface CountsCase {
  id: string;
  fn: string;
  inputs: { reference_counts: number[]; current_counts: number[] };
  expected: { kl: number };
  tol: { abs: number; rel: number };
}

const cases = (
  JSON.parse(
    readFileSync(new URL("../../../../../../shared/reference/two_sample.json", import.meta.url), "utf8"),
  ) as { cases: CountsCase[] }
).cases.filter((c) => c.fn === "kl_counts");

const klOf = (reference: number[], current: number[]): number => {
  const result = kullbackLeiblerDivergence(Float64Array.from(reference), Float64Array.from(current));
  if (result.status !== "ok") throw new Error(result.reason);
  return result.kl;
};

const counts = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 });

describe("kullbackLeiblerDivergence", () => {
  it.each(cases.map((c) => [c.id, c] as const))("matches reference case %s", (_, c) => {
    const kl = klOf(c.inputs.reference_counts, c.inputs.current_counts);
    expect(Math.abs(kl - c.expected.kl)).toBeLessThanOrEqual(c.tol.abs + c.tol.rel * Math.abs(c.expected.kl));
  });

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
      fc.property(counts, counts, (a, b) => {
        const length = Math.min(a.length, b.length);
        const r = [...a.slice(0, length - 1), (a[length - 1] ?? 0) + 1];
        const c = [...b.slice(0, length - 1), (b[length - 1] ?? 0) + 1];
        expect(klOf(r, c)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
