import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMoments } from "./moments.js";
import { generateSkewedSample } from "../../test/support/deterministic-samples.js";
import { expectOk, expectOkValue } from "../../test/support/result-assertions.js";

function momentsOf(values: ArrayLike<number>) {
  const result = expectOk(computeMoments(values));
  return { ...result, stdSample: expectOkValue(result.stdSample) };
}

function expectClose(actual: number, expected: number, rel = 1e-13): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe("computeMoments", () => {
  // Python: np.mean(v), np.std(v), np.std(v, ddof=1)
  it.each([
    [61, 2, 100, 2.3049999999999997, 1.305, 1.845548698896889],
    [62, 999, 10, 97.98698698698699, 111.03583271619036, 111.09144796271103],
    [63, 25000, 1000, 100.20944304, 112.89503490456308, 112.89729287300045],
  ])("matches NumPy for seed %i, n = %i", (seed, n, dup, mean, std0, std1) => {
    const values = generateSkewedSample(seed, n, dup);
    const m = momentsOf(values);
    expectClose(m.mean, mean);
    expectClose(m.stdPopulation, std0);
    expectClose(m.stdSample, std1);
    expect(m.count).toBe(n);
    expect(m.min).toBe(Math.min(...values));
    expect(m.max).toBe(Math.max(...values));
  });

  it("stays accurate with a large offset (no catastrophic cancellation)", () => {
    // np.std([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16], ddof=1) = 5.477225575051661
    const m = momentsOf([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(m.mean).toBe(1e9 + 10);
    expectClose(m.stdSample, 5.477225575051661);
    expect(momentsOf(new Float64Array(10).fill(0.1)).stdPopulation).toBe(0);
  });

  it("reports empty input and a single value's sample std as insufficient_data", () => {
    expect(computeMoments([]).status).toBe("insufficient_data");
    const one = computeMoments([3]);
    if (one.status !== "ok") throw new Error("expected ok");
    expect(one.stdPopulation).toBe(0);
    expect(one.stdSample.status).toBe("insufficient_data");
  });

  it("is shift-invariant in std and has stdSample >= stdPopulation", () => {
    const sample = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 50 });
    fc.assert(
      fc.property(sample, fc.integer({ min: -1e6, max: 1e6 }), (values, shift) => {
        const a = momentsOf(values);
        const b = momentsOf(values.map((v) => v + shift));
        expect(Math.abs(a.stdPopulation - b.stdPopulation)).toBeLessThanOrEqual(1e-9 * (1 + a.stdPopulation));
        expect(a.stdSample).toBeGreaterThanOrEqual(a.stdPopulation);
        expect(a.mean).toBeGreaterThanOrEqual(a.min);
        expect(a.mean).toBeLessThanOrEqual(a.max);
      }),
    );
  });
});
